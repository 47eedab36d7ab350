import { existsSync, lstatSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { FileKind } from '../../server/src/core/types';
import { detectKind, serviceFor } from '../../server/src/services';
import { CORPUS_DIR } from '../kb/shared';

/** A document the fuzzer starts from: its kind, the path it is opened at (cmdline files are told by path), its text. */
export interface Seed {
  kind: FileKind;
  path: string;
  text: string;
  /** Where it came from, for reports. */
  origin: string;
}

const ROOT = resolve(__dirname, '..', '..', '..');

/** Where a command line file of each shape lives on a host: a seed of each is opened at every one of them. */
export const CMDLINE_PATHS = ['/etc/default/grub', '/boot/grub2/grub.cfg', '/boot/grub/grub.conf', '/boot/loader/entries/fuzz.conf', '/etc/kernel/cmdline'];

/** Small texts of each kind written here, so every kind has seeds even without the corpus. */
const WRITTEN: readonly Omit<Seed, 'origin'>[] = [
  { kind: 'ksmtuned', path: '/etc/ksmtuned.conf', text: 'KSM_MONITOR_INTERVAL=60\nKSM_SLEEP_MSEC=10\nKSM_NPAGES_BOOST=300\nKSM_NPAGES_DECAY=-50\nKSM_NPAGES_MIN=64\nKSM_NPAGES_MAX=1250\nKSM_THRES_COEF=20\nKSM_THRES_CONST=2048\n# LOGFILE=/var/log/ksmtuned\n# DEBUG=1\n' },
  { kind: 'cmdline', path: '/etc/default/grub', text: 'GRUB_TIMEOUT=5\nGRUB_CMDLINE_LINUX="crashkernel=auto rd.lvm.lv=rhel/root rhgb quiet default_hugepagesz=1G hugepagesz=1G hugepages=8 isolcpus=2-7 elevator=deadline"\nGRUB_DISABLE_RECOVERY="true"\n' },
  { kind: 'cmdline', path: '/boot/grub2/grub.cfg', text: "menuentry 'RHEL' {\n\tlinux16 /vmlinuz-3.10.0 root=/dev/mapper/rhel-root ro hugepagesz=2M hugepages=512 transparent_hugepage=never\n\tinitrd16 /initramfs-3.10.0.img\n}\n" },
  { kind: 'cmdline', path: '/boot/loader/entries/fuzz.conf', text: 'title Fedora\nversion 6.8.5\nlinux /vmlinuz-6.8.5\noptions root=UUID=1234 ro intel_iommu=on iommu=pt default_hugepagesz=2M\n' },
  { kind: 'cmdline', path: '/etc/kernel/cmdline', text: 'root=/dev/sda1 ro quiet nohz_full=1-3 rcu_nocbs=1-3 numa_balancing=disable\n' },
  // Assignments replaced later (VT319 and its fix), in each quoting, and ones that keep the earlier value.
  { kind: 'cmdline', path: '/etc/default/grub', text: 'GRUB_CMDLINE_LINUX="rd.lvm.lv=rhel/root crashkernel=auto quiet"\nGRUB_CMDLINE_LINUX_DEFAULT=\'splash quiet\'\nGRUB_CMDLINE_LINUX=hugepages=512\nGRUB_CMDLINE_LINUX_DEFAULT=\'iommu=pt\'\nGRUB_CMDLINE_LINUX="$GRUB_CMDLINE_LINUX isolcpus=2-3"\nGRUB_CMDLINE_LINUX+=" nohz_full=2-3"\nGRUB_CMDLINE_LINUX="default_hugepagesz=1G"\n' },
  // Arrays, on one line and left open over the lines below (ksmtuned/parser.ts).
  { kind: 'ksmtuned', path: '/etc/ksmtuned.conf', text: 'KSM_SLEEP_MSEC=(10 20)\nKSM_NPAGES_BOOST=(300\n  400 # more\n) KSM_NPAGES_MIN=64\nKSM_THRES_COEF=(\n20 "a b" \'c\')\nKSM_NPAGES_MAX=()\nKSM_THRES_CONST=(2048\n' },
  // <vcpu current> beside a <vcpus> list (VT404, VT402).
  {
    kind: 'domain',
    path: '/fuzz/vcpus.xml',
    text: "<domain type='kvm'>\n  <name>v</name>\n  <memory unit='MiB'>1024</memory>\n  <vcpu placement='static' current='1'>4</vcpu>\n  <vcpus>\n    <vcpu id='0' enabled='yes' hotpluggable='no' order='1'/>\n    <vcpu id='1' enabled='yes' hotpluggable='yes' order='2'/>\n    <vcpu id='2' enabled='no' hotpluggable='yes'/>\n    <vcpu id='3' enabled='yes' hotpluggable='yes' order='3'/>\n  </vcpus>\n  <os>\n    <type arch='x86_64'>hvm</type>\n  </os>\n</domain>\n",
  },
];

/**
 * The seeds: the files libvirt's schema accepts and rejects (when the corpus is there), the examples
 * (domains, ksmtuned.conf, grub files), the host fixtures' guests, and the texts above; only kinds whose
 * service is registered.
 */
export function loadSeeds(): Seed[] {
  const seeds: Seed[] = WRITTEN.map((seed) => ({ ...seed, origin: `written ${seed.path}` }));
  for (const list of ['accepted.txt', 'rejected.txt']) {
    const listed = join(CORPUS_DIR, list);
    if (!existsSync(listed)) continue;
    for (const file of readFileSync(listed, 'utf8').split('\n').filter((line) => line.trim() !== '')) {
      seeds.push({ kind: 'domain', path: `/fuzz/${file}`, text: readFileSync(join(CORPUS_DIR, file), 'utf8'), origin: `corpus ${file}` });
    }
  }
  for (const folder of ['examples', 'test/fixtures']) {
    for (const file of filesUnder(join(ROOT, folder))) {
      const text = readFileSync(file, 'utf8');
      const path = `/${relative(ROOT, file)}`;
      const kind = detectKind(path, text);
      if (kind) seeds.push({ kind, path, text, origin: relative(ROOT, file) });
    }
  }
  return seeds.filter((seed) => serviceFor(seed.kind) !== undefined);
}

function filesUnder(folder: string): string[] {
  if (!existsSync(folder)) return [];
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    const stats = lstatSync(path);
    if (stats.isDirectory()) return filesUnder(path);
    return stats.isFile() && stats.size < 1024 * 1024 ? [path] : [];
  });
}
