import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findings } from '../../../helpers';
import { LIBVIRT_RULES } from '../../../../server/src/domain/rules/libvirt';
import { domainOf, pageExamples } from './pageExamples';

/** Each page's example, put in a minimal domain, gets the rule's finding (an error, a warning for VT403); its fixed version gets no error at all. */
for (const { meta } of LIBVIRT_RULES) {
  test(`${meta.code}'s page: the example is flagged, the fixed domain is clean`, () => {
    const { example, fixed } = pageExamples(meta.code);
    const flagged = findings(domainOf(example), meta.code);
    assert.ok(flagged.length > 0, `${meta.code} does not flag its page's example`);
    assert.ok(flagged.every((finding) => finding.severity === meta.severity), `${meta.code}'s findings have its severity, ${meta.severity}`);
    const errors = findings(domainOf(fixed)).filter((finding) => finding.severity === 'error');
    assert.deepEqual(errors.map((finding) => `${finding.rule}: ${finding.message}`), [], `${meta.code}'s fixed example has errors`);
  });
}
