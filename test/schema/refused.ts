import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { CORPUS_DIR } from '../kb/shared';

/**
 * libvirt's own verdicts beyond its schema, from refused.tsv: the corpus files its test programs show
 * its C code refusing (`parse`: when the domain is defined, `start`: when it starts), always or only in
 * some configurations (a QEMU version, capability set or host its tests pick).
 */
export interface Refusal {
  file: string;
  stage: 'parse' | 'start';
  always: boolean;
  test: string;
}

export function readRefused(): Map<string, Refusal> {
  const result = new Map<string, Refusal>();
  const [header, ...rows] = readFileSync(resolve(CORPUS_DIR, 'refused.tsv'), 'utf8').split('\n').filter((line) => line.trim() !== '');
  if (header !== 'path\tstage\twhen\ttest') throw new Error(`refused.tsv: unexpected header ${header}`);
  for (const row of rows) {
    const [file, stage, when, test] = row.split('\t');
    if (!file || (stage !== 'parse' && stage !== 'start') || (when !== 'always' && when !== 'in some configurations') || test === undefined) {
      throw new Error(`refused.tsv: cannot read the row ${JSON.stringify(row)}`);
    }
    result.set(file, { file, stage, always: when === 'always', test });
  }
  return result;
}

/** The codes of the rules that check what libvirt's C code refuses (server/src/domain/rules/libvirt/): VT170-VT199, then VT400 on. */
export const LIBVIRT_CODE_RULE = /^VT(1[7-9][0-9]|4[0-9][0-9])$/;

/**
 * Files libvirt's tests parse with its generic code only (genericxml2xml) and so list as accepted, which
 * its QEMU driver refuses: each was defined with `virsh define` on libvirt 9.0 with QEMU 7.2 here and
 * refused with these words. An error on one of them is right when it comes from the rule named.
 */
export const QEMU_DRIVER_REFUSES: ReadonlyMap<string, { rule: string; says: string }> = new Map([
  ['tests/genericxml2xmlindata/vcpus-individual.xml', { rule: 'VT402', says: "vcpu 0 can't be offline" }],
]);
