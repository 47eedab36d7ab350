import { test } from 'node:test';
import assert from 'node:assert/strict';
import { datatypeFor, XSD_DATATYPES } from '../../../../server/src/schema/rng/datatypes';
import { wasmVerdicts, xmllintMissing, xmllintVerdicts, type DataSpec } from './libxml2Oracle';

/** Spellings per type; every pair is compared, as <value type=T>a</value> against the text b. */
const SPELLINGS: [string, string, string[]][] = [
  ['', 'token', ['a b', ' a  b ', 'a\tb', 'ab', '']],
  ['', 'string', ['a b', ' a b', 'ab', '']],
  [XSD_DATATYPES, 'token', ['a b', ' a  b ', 'a\nb', 'ab']],
  [XSD_DATATYPES, 'string', ['a b', ' a b', 'ab']],
  [XSD_DATATYPES, 'int', ['1', '01', '+1', ' 1 ', '-0', '0', '1.0', 'x']],
  [XSD_DATATYPES, 'unsignedLong', ['18446744073709551615', '018446744073709551615', '18446744073709551614', '0']],
  [XSD_DATATYPES, 'integer', ['123456789012345678901234', '0123456789012345678901234', '-1', '-01']],
  [XSD_DATATYPES, 'decimal', ['1.5', '01.50', '1.05', '+1.5', '-0', '0.0']],
  [XSD_DATATYPES, 'double', ['1', '1.0', '1e0', '10E-1', 'NaN', 'INF', '-0', '0', '0.1']],
  [XSD_DATATYPES, 'float', ['0.1', '0.10000000149011612', '1e0', 'NaN']],
  [XSD_DATATYPES, 'boolean', ['true', '1', 'false', '0', ' true ']],
  [XSD_DATATYPES, 'NCName', ['a', ' a ', 'b']],
  [XSD_DATATYPES, 'hexBinary', ['0a', '0A', '0B']],
  [XSD_DATATYPES, 'dateTime', ['2024-01-01T01:00:00+01:00', '2024-01-01T00:00:00Z', '2024-01-01T00:00:00', '2024-01-01T24:00:00Z', '2024-01-02T00:00:00Z']],
  [XSD_DATATYPES, 'date', ['2024-01-01', '2024-01-01Z', '2024-01-02']],
];

const batch: { spec: DataSpec; probes: string[] }[] = SPELLINGS.flatMap(([library, type, spellings]) =>
  spellings.filter((value) => typeof datatypeFor(library, type, []) !== 'string' && (library === '' || (datatypeFor(library, type, []) as { allows(v: string): boolean }).allows(value))).map((value) => ({ spec: { library, type, params: [], value }, probes: spellings })),
);

function disagreements(verdicts: boolean[][]): string[] {
  return batch.flatMap(({ spec, probes }, index) => {
    const datatype = datatypeFor(spec.library, spec.type, []);
    if (typeof datatype === 'string') return [datatype];
    return probes.flatMap((probe, number) => (datatype.equal(spec.value!, probe) === verdicts[index]![number] ? [] : [`${spec.type} ${JSON.stringify(spec.value)} = ${JSON.stringify(probe)}: ours ${!verdicts[index]![number]}`]));
  });
}

test('equal() agrees with xmllint on <value type=...> over spellings of each type', { skip: xmllintMissing() ?? false }, () => {
  assert.deepEqual(disagreements(xmllintVerdicts(batch)), []);
});

test('equal() agrees with libxml2-wasm on <value type=...> over spellings of each type', async () => {
  assert.deepEqual(disagreements(await wasmVerdicts(batch)), []);
});
