// The /etc/default/grub folders findingsDump.ts lints with their drop-ins (/etc/default/grub.d/*.cfg), as
// `virt-tune lint` and `fix` read them: VT320, VT321 in a drop-in, the other rules on what reaches the kernel
// once the drop-ins are sourced, and the quoting cases of "a value refers to its variable" (5e8b4c5).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dropInsAfter } from '../../server/src/grubDropIns/folder';
import { readDropInFolder } from '../../server/src/grubDropIns/read';
import type { GrubDropIn } from '../../server/src/grubDropIns/types';
import { Random } from '../fuzz/random';
import { mutate, TEXT_LIMIT, type DumpText, type Sample } from './findingsDumpTexts';

/** An /etc/default/grub and its grub.d folder: each entry's text, or `undefined` for a folder named like a drop-in (sourced, not readable). */
export interface GrubFolderCase {
  name: string;
  grub: string;
  /** By name; none: no grub.d folder at all. */
  dropIns?: Record<string, string | undefined>;
}

const GRUB = '/etc/default/grub';
const GRUB_D = '/etc/default/grub.d';

const TUNED = 'GRUB_CMDLINE_LINUX_DEFAULT="quiet splash default_hugepagesz=1G hugepagesz=1G hugepages=16"\nGRUB_CMDLINE_LINUX=""\n';
const CLOUD = 'GRUB_CMDLINE_LINUX_DEFAULT="console=tty1 console=ttyS0"\n';
const ISOLATED = 'GRUB_CMDLINE_LINUX="nohz_full=2-7"\nGRUB_CMDLINE_LINUX_DEFAULT="isolcpus=nohz,domain,4-7"\n';
const FIRST = 'GRUB_CMDLINE_LINUX="rd.lvm.lv=rhel/root quiet"\n';

/** Each written for one behaviour (docs/rules/VT320.md, VT321.md, VT319.md); what each gives is in the dump. */
export const GRUB_FOLDER_CASES: readonly GrubFolderCase[] = [
  { name: 'cloud image drop-in replaces _DEFAULT', grub: TUNED, dropIns: { '50-cloudimg-settings.cfg': CLOUD } },
  { name: 'drop-in keeps $NAME', grub: TUNED, dropIns: { '50-cloudimg-settings.cfg': 'GRUB_CMDLINE_LINUX_DEFAULT="$GRUB_CMDLINE_LINUX_DEFAULT console=ttyS0"\n' } },
  { name: 'drop-in keeps ${NAME}', grub: TUNED, dropIns: { '50-cloudimg-settings.cfg': 'GRUB_CMDLINE_LINUX_DEFAULT="${GRUB_CMDLINE_LINUX_DEFAULT} console=ttyS0"\n' } },
  { name: 'drop-in keeps ${NAME:-}', grub: TUNED, dropIns: { '50-cloudimg-settings.cfg': 'GRUB_CMDLINE_LINUX_DEFAULT="${GRUB_CMDLINE_LINUX_DEFAULT:-} console=ttyS0"\n' } },
  { name: "drop-in replaces with '$NAME'", grub: TUNED, dropIns: { '50-cloudimg-settings.cfg': "GRUB_CMDLINE_LINUX_DEFAULT='$GRUB_CMDLINE_LINUX_DEFAULT console=ttyS0'\n" } },
  { name: 'drop-in replaces with \\$NAME', grub: TUNED, dropIns: { '50-cloudimg-settings.cfg': 'GRUB_CMDLINE_LINUX_DEFAULT=\\$GRUB_CMDLINE_LINUX_DEFAULT\n' } },
  { name: 'drop-in replaces with \\$NAME in double quotes', grub: TUNED, dropIns: { '50-cloudimg-settings.cfg': 'GRUB_CMDLINE_LINUX_DEFAULT="\\$GRUB_CMDLINE_LINUX_DEFAULT console=ttyS0"\n' } },
  { name: 'drop-in replaces with ${#NAME}', grub: TUNED, dropIns: { '50-cloudimg-settings.cfg': 'GRUB_CMDLINE_LINUX_DEFAULT="${#GRUB_CMDLINE_LINUX_DEFAULT} console=ttyS0"\n' } },
  {
    name: 'drop-ins append with +=',
    grub: TUNED,
    dropIns: {
      '50-cloudimg-settings.cfg': 'GRUB_CMDLINE_LINUX_DEFAULT+=" console=ttyS0"\n',
      '60-iommu.cfg': "GRUB_CMDLINE_LINUX+=' intel_iommu=on'\nGRUB_CMDLINE_LINUX+=iommu=pt\nGRUB_TERMINAL+=(serial)\n",
      '99-last.cfg': CLOUD,
    },
  },
  { name: 'a command in a drop-in before the replacement', grub: TUNED, dropIns: { '10-maybe.cfg': 'if [ -e /etc/cloud ]; then GRUB_TIMEOUT=0; fi\n', '50-cloudimg-settings.cfg': CLOUD } },
  { name: 'a quote left open in a drop-in before the replacement', grub: TUNED, dropIns: { '10-open.cfg': 'GRUB_DISTRIBUTOR="Ubuntu\n', '50-cloudimg-settings.cfg': CLOUD } },
  { name: 'an unreadable drop-in before the replacement', grub: TUNED, dropIns: { '10-folder.cfg': undefined, '50-cloudimg-settings.cfg': CLOUD } },
  {
    name: 'another variable takes the value before a drop-in replaces it',
    grub: 'GRUB_CMDLINE_LINUX="hugepages=16 isolcpus=2-7"\nGRUB_CMDLINE_LINUX_DEFAULT="$GRUB_CMDLINE_LINUX quiet"\n',
    dropIns: { '50-cloudimg-settings.cfg': 'GRUB_CMDLINE_LINUX="console=ttyS0"\nGRUB_CMDLINE_LINUX_DEFAULT="console=tty1"\n' },
  },
  {
    name: 'a drop-in copies the value into another variable before replacing it',
    grub: 'GRUB_CMDLINE_LINUX="hugepages=16"\nGRUB_CMDLINE_LINUX_DEFAULT="quiet"\n',
    dropIns: { '50-a.cfg': 'GRUB_CMDLINE_LINUX_DEFAULT="$GRUB_CMDLINE_LINUX splash"\nGRUB_CMDLINE_LINUX="console=ttyS0"\n' },
  },
  {
    name: "dash's sourcing order: bytes, no dot files, .cfg only",
    grub: TUNED,
    dropIns: {
      'a.cfg': 'GRUB_CMDLINE_LINUX_DEFAULT="console=tty1"\n',
      '_z.cfg': 'GRUB_CMDLINE_LINUX_DEFAULT="console=ttyS0"\n',
      'Z.cfg': 'GRUB_CMDLINE_LINUX_DEFAULT="$GRUB_CMDLINE_LINUX_DEFAULT nomodeset"\n',
      '5_b.cfg': 'GRUB_TIMEOUT=1\n',
      '50-a.cfg': 'GRUB_TIMEOUT=2\n',
      '.hidden.cfg': 'GRUB_CMDLINE_LINUX_DEFAULT="hidden"\n',
      'notes.txt': 'GRUB_CMDLINE_LINUX_DEFAULT="notes"\n',
    },
  },
  {
    name: 'a drop-in replaced by a later drop-in',
    grub: 'GRUB_CMDLINE_LINUX_DEFAULT="quiet"\n',
    dropIns: { '10-tuning.cfg': 'GRUB_CMDLINE_LINUX_DEFAULT="$GRUB_CMDLINE_LINUX_DEFAULT hugepages=16 isolcpus=2-7"\n', '50-cloudimg-settings.cfg': CLOUD, '99-keep.cfg': 'GRUB_CMDLINE_LINUX_DEFAULT="$GRUB_CMDLINE_LINUX_DEFAULT nosmt"\n' },
  },
  {
    name: 'both variables replaced, more parameters than a message names',
    grub: 'GRUB_CMDLINE_LINUX="rd.lvm.lv=rhel/root crashkernel=auto rhgb quiet default_hugepagesz=1G hugepagesz=1G hugepages=16"\nGRUB_CMDLINE_LINUX_DEFAULT="iommu=pt"\n',
    dropIns: { '50-all.cfg': 'GRUB_CMDLINE_LINUX="root=/dev/sda1"\nGRUB_CMDLINE_LINUX_DEFAULT="console=ttyS0"\n' },
  },
  { name: 'an empty value replaced', grub: 'GRUB_CMDLINE_LINUX=""\nGRUB_CMDLINE_LINUX_DEFAULT=""\n', dropIns: { '50-cloudimg-settings.cfg': CLOUD } },
  { name: 'a command in /etc/default/grub', grub: `${TUNED}. /etc/default/grub.local\n`, dropIns: { '50-cloudimg-settings.cfg': CLOUD } },
  // VT305: the later copy of transparent_hugepage= is in a value a drop-in replaces, so the first one stays (and `fix` keeps it).
  { name: 'a duplicate whose later copy a drop-in replaces', grub: 'GRUB_CMDLINE_LINUX="transparent_hugepage=never"\nGRUB_CMDLINE_LINUX_DEFAULT="transparent_hugepage=always quiet"\n', dropIns: { '50-cloudimg-settings.cfg': CLOUD } },
  { name: 'a duplicate, no drop-in', grub: 'GRUB_CMDLINE_LINUX="transparent_hugepage=never"\nGRUB_CMDLINE_LINUX_DEFAULT="transparent_hugepage=always quiet"\n', dropIns: {} },
  // VT315: isolcpus= and nohz_full= disagree only while both reach the kernel.
  { name: 'CPU isolation split by a drop-in', grub: ISOLATED, dropIns: { '50-cloudimg-settings.cfg': CLOUD } },
  { name: 'CPU isolation, no drop-in', grub: ISOLATED, dropIns: {} },
  // /etc/default/grub alone (no grub.d): VT319 by the same reading of quotes as VT320 (5e8b4c5), and VT321 in each quoting.
  { name: "VT319 '$NAME'", grub: `${FIRST}GRUB_CMDLINE_LINUX='$GRUB_CMDLINE_LINUX hugepages=512'\n` },
  { name: 'VT319 \\$NAME', grub: `${FIRST}GRUB_CMDLINE_LINUX=\\$GRUB_CMDLINE_LINUX\n` },
  { name: 'VT319 \\$NAME in double quotes', grub: `${FIRST}GRUB_CMDLINE_LINUX="\\$GRUB_CMDLINE_LINUX hugepages=512"\n` },
  { name: 'VT319 ${#NAME}', grub: `${FIRST}GRUB_CMDLINE_LINUX="\${#GRUB_CMDLINE_LINUX} hugepages=512"\n` },
  { name: 'VT319 ${NAME:-}', grub: `${FIRST}GRUB_CMDLINE_LINUX="\${GRUB_CMDLINE_LINUX:-} hugepages=512"\n` },
  { name: 'VT319 ${NAME}', grub: `${FIRST}GRUB_CMDLINE_LINUX="\${GRUB_CMDLINE_LINUX} hugepages=512"\n` },
  { name: 'VT321 in each quoting', grub: `${FIRST}GRUB_CMDLINE_LINUX+=" hugepages=512"\nGRUB_CMDLINE_LINUX+=' iommu=pt'\nGRUB_CMDLINE_LINUX+=nosmt\nGRUB_CMDLINE_LINUX+=(x)\nGRUB_CMDLINE_LINUX+=" y" true\n` },
];

const GRUB_D_MUTANTS = 400;

/** Writes a case into a folder as into /etc/default: `grub`, and `grub.d` with its entries when it has one. */
export function writeGrubFolder(folder: string, { grub, dropIns }: GrubFolderCase): void {
  mkdirSync(folder, { recursive: true });
  writeFileSync(join(folder, 'grub'), grub);
  if (!dropIns) return;
  mkdirSync(join(folder, 'grub.d'));
  for (const [name, text] of Object.entries(dropIns)) {
    if (text === undefined) mkdirSync(join(folder, 'grub.d', name));
    else writeFileSync(join(folder, 'grub.d', name), text);
  }
}

/** The drop-ins of a case as the CLI reads its grub.d folder (readDropInFolder), named as under /etc/default/grub.d. */
async function readCase(folder: string, grubCase: GrubFolderCase): Promise<GrubDropIn[]> {
  writeGrubFolder(folder, grubCase);
  const grubD = join(folder, 'grub.d');
  return (await readDropInFolder(grubD)).map((file) => ({ path: `${GRUB_D}/${file.path.slice(grubD.length + 1)}`, text: file.text }));
}

/** /etc/default/grub and each readable drop-in, each linted with the drop-ins sourced after it, as `virt-tune lint` does. */
function caseTexts(name: string, grub: string, dropIns: readonly GrubDropIn[]): DumpText[] {
  const files = [{ path: GRUB, text: grub }, ...dropIns];
  return files.flatMap(({ path, text }) => {
    if (text === undefined) return [];
    const grubDropIns = dropInsAfter(path, GRUB_D, dropIns);
    return [{ name: `${name} at ${path}`, kind: 'cmdline' as const, path, text, ...(grubDropIns ? { grubDropIns } : {}) }];
  });
}

/**
 * The texts of every case, then seeded mutants: one file of a case (its /etc/default/grub or a drop-in)
 * mutated, every file of the case linted again with it.
 */
export async function grubFolderTexts(sample: Sample): Promise<DumpText[]> {
  const root = mkdtempSync(join(tmpdir(), 'virt-tune-dump-grub-d-'));
  const read: { name: string; grub: string; dropIns: GrubDropIn[] }[] = [];
  try {
    for (const [index, grubCase] of GRUB_FOLDER_CASES.entries()) {
      read.push({ name: grubCase.name, grub: grubCase.grub, dropIns: await readCase(join(root, String(index)), grubCase) });
    }
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
  const texts = read.flatMap(({ name, grub, dropIns }) => caseTexts(name, grub, dropIns));
  const random = new Random(14);
  const mutants = Math.floor(GRUB_D_MUTANTS / sample.every);
  for (let i = 0; i < mutants; i++) {
    const { name, grub, dropIns } = random.pick(read);
    const files = [GRUB, ...dropIns.filter((file) => file.text !== undefined).map((file) => file.path)];
    const path = random.pick(files);
    const mutated = mutate(path === GRUB ? grub : dropIns.find((file) => file.path === path)!.text!, random);
    if (mutated.length >= TEXT_LIMIT) continue;
    const mutatedDropIns = dropIns.map((file) => (file.path === path ? { path, text: mutated } : file));
    texts.push(...caseTexts(`mutant ${i} of ${name} (${path} mutated)`, path === GRUB ? mutated : grub, mutatedDropIns));
  }
  return texts;
}
