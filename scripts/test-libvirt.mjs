// `npm run test:libvirt`: checks the rules' claims about libvirt against a real libvirtd
// (test/libvirt/claims/, compiled to out/). Without a libvirtd it says why in one line and skips, unless
// CI=true: CI must have one (.ci/run starts it with scripts/libvirt/start.sh).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const uri = process.env.VT_LIBVIRT_URI ?? 'qemu:///system';
const ci = process.env.CI === 'true';

const probe = spawnSync('virsh', ['-c', uri, 'version'], { encoding: 'utf8', timeout: 30_000 });
if (probe.error || probe.status !== 0) {
  const why = probe.error ? `virsh cannot run (${probe.error.code ?? probe.error.message})` : `libvirt does not answer at ${uri} (${(probe.stderr || '').trim().split('\n').pop()})`;
  if (ci) {
    console.error(`virt-tune: test:libvirt: ${why}; CI needs a libvirtd (scripts/libvirt/start.sh)`);
    process.exit(1);
  }
  console.log(`virt-tune: test:libvirt skipped: ${why}; start one with scripts/libvirt/start.sh`);
  process.exit(0);
}
const folder = join(root, 'out', 'test', 'libvirt', 'claims');
const tests = existsSync(folder) ? readdirSync(folder).filter((name) => name.endsWith('.libvirt.js')).map((name) => join(folder, name)) : [];
if (tests.length === 0) {
  console.error('virt-tune: no compiled libvirt tests under out/test/libvirt/claims (run tsc -p . first)');
  process.exit(1);
}
const result = spawnSync(process.execPath, ['--enable-source-maps', '--test', '--test-concurrency=1', ...tests], { stdio: 'inherit', env: { ...process.env, VT_LIBVIRT_URI: uri } });
process.exit(result.status ?? 1);
