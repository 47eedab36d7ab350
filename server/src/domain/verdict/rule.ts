import type { RuleMeta } from '../../core/types';
import { libvirt } from '../../kb/sources';

/**
 * VT108: what libvirt's schema refuses and no more specific code names (a required child missing, a
 * second element where one is allowed, attributes that fit no form of their element, text where none
 * belongs). Reported only with a schema at hand (`virtTune.schema`, `--schema`); the schema's other
 * refusals carry the structure rules' codes, VT101-VT107, whichever layer finds them.
 */
export const SCHEMA_INVALID: RuleMeta = {
  code: 'VT108',
  name: 'schema-invalid',
  title: "The domain must be valid against libvirt's schema",
  severity: 'error',
  sources: [libvirt('element-and-attribute-overview', 'Element and attribute overview')],
  fixable: false,
};

/** The rules' descriptions with VT108 among them, in code order (for `virt-tune rules` and SARIF). */
export function withSchemaRule(metas: readonly RuleMeta[]): RuleMeta[] {
  if (metas.some((meta) => meta.code === SCHEMA_INVALID.code)) return [...metas];
  return [...metas, SCHEMA_INVALID].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}
