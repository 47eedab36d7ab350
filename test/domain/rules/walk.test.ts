import { test } from 'node:test';
import assert from 'node:assert/strict';
import { domainDocument } from '../../../server/src/domain/document';
import type { DocumentRule, DomainRule, DomainRuleContext } from '../../../server/src/domain/rules/context';
import { runDomainRules } from '../../../server/src/domain/rules/walk';
import type { RuleMeta } from '../../../server/src/core/types';
import { domain, textDocument } from '../../helpers';

const meta = (code: string): RuleMeta => ({ code, name: code.toLowerCase(), title: code, severity: 'warning', sources: [], fixable: false });

function run(text: string, rules: readonly DomainRule[]) {
  const document = textDocument(text);
  const parsed = domainDocument(document);
  assert.ok(parsed.model);
  const context: DomainRuleContext = { document: parsed, xml: parsed.xml, model: parsed.model, text };
  return runDomainRules(document, rules, context);
}

const TEXT = domain("  <cputune>\n    <vcpupin vcpu='0' cpuset='1'/>\n    <shares>x</shares>\n  </cputune>\n  <bogus/>");

test('the walk calls each visitor where it applies: elements with their spec, values of the kinds asked, misplaced elements', () => {
  const seen: string[] = [];
  const rule: DomainRule = {
    meta: meta('VT900'),
    visit: {
      element: (_element, spec) => void seen.push(`element ${spec.path}`),
      values: { kinds: ['cpuset', 'integer'], visit: (value) => void seen.push(`value ${value.type.kind} ${value.value}`) },
      misplaced: (misplacement) => void seen.push(`${misplacement.kind} ${misplacement.element.name}`),
    },
  };
  run(TEXT, [rule]);
  assert.ok(seen.includes('element domain/cputune/vcpupin'));
  assert.ok(seen.includes('value cpuset 1'));
  assert.ok(seen.includes('value integer 0'));
  assert.ok(seen.includes('unknown bogus'));
  // Document order: the pin's element, then its values.
  assert.ok(seen.indexOf('element domain/cputune/vcpupin') < seen.indexOf('value integer 0'));
  assert.ok(!seen.some((entry) => entry.startsWith('value string')), 'only the kinds asked for');
});

test('findings come in document order, and at one place in rule order whichever way the rules look', () => {
  const atPin = (code: string): DomainRule => ({
    meta: meta(code),
    check: (context, report) => {
      const pin = context.model.cputune?.vcpupins[0]?.element;
      if (pin) report({ span: pin.nameSpan, message: `${code} check` });
    },
  });
  const visiting: DomainRule = {
    meta: meta('VT902'),
    visit: { element: (element, _spec, _context, report) => element.name === 'vcpupin' && report({ span: element.nameSpan, message: 'VT902 visit' }) },
  };
  const found = run(TEXT, [atPin('VT901'), visiting, atPin('VT903')]);
  assert.deepEqual(found.map((finding) => finding.message), ['VT901 check', 'VT902 visit', 'VT903 check']);
});

test('a rule that throws is logged and says nothing more on the document; the others still speak', (t) => {
  const errors: unknown[] = [];
  t.mock.method(console, 'error', (...args: unknown[]) => void errors.push(args));
  let calls = 0;
  const broken: DomainRule = {
    meta: meta('VT904'),
    visit: {
      element: (element, _spec, _context, report) => {
        calls++;
        report({ span: element.nameSpan, message: 'before' });
        throw new Error('bug');
      },
    },
  };
  const fine: DomainRule = { meta: meta('VT905'), visit: { element: (element, _spec, _context, report) => report({ span: element.nameSpan, message: 'fine' }) } };
  const found = run(TEXT, [broken, fine]);
  assert.equal(calls, 1);
  assert.equal(errors.length, 1);
  assert.deepEqual(found.filter((finding) => finding.rule === 'VT904').map((finding) => finding.message), ['before']);
  assert.ok(found.filter((finding) => finding.rule === 'VT905').length > 3);
});

test('an element visitor with `at` is called only at the paths it accepts, and `unlistedAttributes` only at elements with an attribute their spec does not list', () => {
  const atPaths: string[] = [];
  const asked: string[] = [];
  const unlisted: string[] = [];
  const rule: DomainRule = {
    meta: meta('VT903'),
    visit: {
      at: (spec) => {
        asked.push(spec.path);
        return spec.path.endsWith('vcpupin');
      },
      element: (_element, spec) => void atPaths.push(spec.path),
      unlistedAttributes: (element) => void unlisted.push(element.attributes.map((attribute) => attribute.name).join(' ')),
    },
  };
  const text = domain("  <cputune>\n    <vcpupin vcpu='0' cpuset='1'/>\n    <vcpupin vcpu='1' cpuset='2' bogus='x'/>\n    <vcpupin vcpu='2' cpuset='3'/>\n  </cputune>\n  <vcpu placment='static'>2</vcpu>\n  <os xmlns:x='urn:x'><type>hvm</type></os>");
  const rules = [rule];
  run(text, rules);
  assert.deepEqual(atPaths, ['domain/cputune/vcpupin', 'domain/cputune/vcpupin', 'domain/cputune/vcpupin']);
  // A namespace declaration is not in the spec either: the rule is told, and leaves it out itself.
  assert.deepEqual(unlisted, ['vcpu cpuset bogus', 'placment', 'xmlns:x']);
  // The answer is kept per path (and per list of rules): asking again for the next document asks nothing.
  const askedOnce = asked.length;
  assert.equal(new Set(asked).size, askedOnce);
  run(text.replace("'0'", "'5'"), rules);
  assert.equal(asked.length, askedOnce);
});

test('`lackingAttributes` is called only at elements without an attribute their spec requires, however the attributes are ordered', () => {
  const lacking: string[] = [];
  const rule: DomainRule = {
    meta: meta('VT906'),
    visit: { lackingAttributes: (element) => void lacking.push(`${element.name} ${element.attributes.map((attribute) => attribute.name).join(' ')}`) },
  };
  // <vcpupin> requires vcpu and cpuset: the same names in another order, one given twice, or an unknown one beside them.
  const text = domain(
    "  <cputune>\n    <vcpupin vcpu='0' cpuset='1'/>\n    <vcpupin cpuset='2' vcpu='1'/>\n    <vcpupin vcpu='2'/>\n" +
      "    <vcpupin vcpu='3' vcpu='4'/>\n    <vcpupin bogus='x' cpuset='5'/>\n    <vcpupin cpuset='6' bogus='y' vcpu='5'/>\n  </cputune>",
  );
  run(text, [rule]);
  assert.deepEqual(lacking, ['vcpupin vcpu', 'vcpupin vcpu vcpu', 'vcpupin bogus cpuset']);
});

test('`noText` is called only at elements whose typed text the walk could not read: empty, not closed, or broken', () => {
  const seen: string[] = [];
  const rule: DomainRule = {
    meta: meta('VT907'),
    visit: {
      values: { kinds: ['integer'], visit: (value) => void seen.push(`value ${value.element.name} ${value.value}`) },
      noText: (element) => void seen.push(`no text ${element.name}`),
    },
  };
  run(domain("  <cputune>\n    <shares> </shares>\n    <period>100000</period>\n    <quota>&bogus;</quota>\n  </cputune>\n  <iothreads/>"), [rule]);
  assert.deepEqual(seen, ['value vcpu 4', 'no text shares', 'value period 100000', 'no text quota', 'no text iothreads']);
});

test('a value the visitors of its type all call fine is not visited; one without the test still sees every value', () => {
  const seen: string[] = [];
  const values = (code: string, fine?: (type: { kind: string }) => ((value: string) => boolean) | undefined): DomainRule => ({
    meta: meta(code),
    visit: { values: { kinds: ['integer'], visit: (value) => void seen.push(`${code} ${value.attribute?.name ?? 'text'}=${value.value}`), ...(fine ? { fine } : {}) } },
  });
  const asked: string[] = [];
  const text = domain("  <cputune>\n    <vcpupin vcpu='0' cpuset='1'/>\n    <vcpupin vcpu='7' cpuset='2'/>\n  </cputune>");
  const rules = [values('VT910', (type) => (asked.push(type.kind), (value) => value === '0'))];
  run(text, rules);
  // The text of <vcpu> is a value too: the test is for attributes only.
  assert.deepEqual(seen, ['VT910 text=4', 'VT910 vcpu=7']);
  const askedOnce = asked.length;
  assert.ok(askedOnce > 0);
  run(text, rules);
  assert.equal(asked.length, askedOnce, 'asked once per typed attribute of a path, not again per element or document');
  seen.length = 0;
  run(text, [values('VT911', () => (value) => value === '0'), values('VT912')]);
  assert.deepEqual(seen.filter((entry) => !entry.includes('text=')), ['VT911 vcpu=0', 'VT912 vcpu=0', 'VT911 vcpu=7', 'VT912 vcpu=7']);
  seen.length = 0;
  // An element's text is tested trimmed, as the visitor gets it.
  run(domain("  <cputune>\n    <shares> 4 </shares>\n  </cputune>"), [values('VT914', () => (value) => value === '4')]);
  assert.equal(seen.length, 0);
  run(domain("  <cputune>\n    <shares> 5 </shares>\n  </cputune>"), [values('VT915', () => (value) => value === '4')]);
  assert.deepEqual(seen, ['VT915 text=5']);
  seen.length = 0;
  run(text, [values('VT913', () => undefined)]);
  assert.deepEqual(seen.filter((entry) => !entry.includes('text=')), ['VT913 vcpu=0', 'VT913 vcpu=7']);
});

test('a check with `paths` is called only on documents with an element at one of them; one without on every document', () => {
  const called: string[] = [];
  const checking = (code: string, paths?: readonly string[]): DomainRule => ({
    meta: meta(code),
    paths,
    check: (context) => void called.push(`${code} ${context.model.root.children.length}`),
  });
  const rules = [checking('VT904', ['domain/cputune/vcpupin']), checking('VT905', ['domain/numatune', 'domain/cputune/emulatorpin']), checking('VT906')];
  run(TEXT, rules);
  assert.deepEqual(called.map((entry) => entry.split(' ')[0]), ['VT904', 'VT906']);
  called.length = 0;
  // A vcpupin under the unknown <bogus> is not at domain/cputune/vcpupin.
  run(domain("  <bogus><vcpupin vcpu='0' cpuset='1'/></bogus>\n  <numatune><memory mode='strict' nodeset='0'/></numatune>"), rules);
  assert.deepEqual(called.map((entry) => entry.split(' ')[0]), ['VT905', 'VT906']);
  called.length = 0;
  // An element of another namespace is not judged, but rules that read children by name see it.
  run(domain("  <cputune xmlns='urn:example'><vcpupin vcpu='0' cpuset='1'/></cputune>"), rules);
  assert.deepEqual(called.map((entry) => entry.split(' ')[0]), ['VT904', 'VT906']);
});

test('a check with `needs` is called only when the context has the host, a non-empty guest list or the boot huge pages it names', () => {
  const called: string[] = [];
  const needing = (code: string, needs: NonNullable<DocumentRule['needs']>): DomainRule => ({ meta: meta(code), needs, check: () => void called.push(code) });
  const rules = [needing('VT908', ['host']), needing('VT909', ['host', 'guests']), needing('VT910', ['bootHugepages'])];
  const document = textDocument(TEXT);
  const parsed = domainDocument(document);
  assert.ok(parsed.model);
  const base: DomainRuleContext = { document: parsed, xml: parsed.xml, model: parsed.model, text: TEXT };
  const host = {} as NonNullable<DomainRuleContext['host']>;
  runDomainRules(document, rules, base);
  runDomainRules(document, rules, { ...base, host, guests: [] });
  assert.deepEqual(called, ['VT908']);
  called.length = 0;
  runDomainRules(document, rules, { ...base, host, guests: [{} as NonNullable<DomainRuleContext['guests']>[number]], bootHugepages: {} as NonNullable<DomainRuleContext['bootHugepages']> });
  assert.deepEqual(called, ['VT908', 'VT909', 'VT910']);
});

test('a check whose `paths` name a place the structure does not know fails at once, whatever the document', () => {
  const rule: DomainRule = { meta: meta('VT907'), paths: ['domain/devices/nosuchdevice'], check: () => {} };
  assert.throws(() => run(TEXT, [rule]), /VT907 reads domain\/devices\/nosuchdevice, a path the structure does not know/);
});
