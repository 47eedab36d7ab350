import { test } from 'node:test';
import assert from 'node:assert/strict';
import { domain, findings, rangeText } from '../../../helpers';

const cpu = (topology: string, ...cells: string[]) =>
  `  <cpu>\n    <topology ${topology}/>\n    <numa>\n${cells.map((cell) => `      ${cell}`).join('\n')}\n    </numa>\n  </cpu>`;

test('VT138 flags a cell boundary inside a socket (threads numbered fastest)', () => {
  // 2 sockets x 2 cores x 2 threads: socket 0 is vCPUs 0-3, socket 1 is vCPUs 4-7.
  const text = domain(
    cpu(`sockets='2' cores='2' threads='2'`, `<cell id='0' cpus='0-2' memory='2' unit='GiB'/>`, `<cell id='1' cpus='3-7' memory='2' unit='GiB'/>`),
    { vcpus: 8 },
  );
  const [finding, ...rest] = findings(text, 'VT138');
  assert.equal(rest.length, 0);
  assert.equal(finding!.severity, 'warning');
  assert.equal(rangeText(text, finding!), '3-7');
  assert.match(finding!.message, /Socket 0 \(vCPUs 0-3\) is split across cells 0 and 1/);
  assert.match(finding!.message, /threads of one core \(vCPUs 2-3\)/);
  assert.match(finding!.message, /guide 9\.3\.9/);
});

test('VT138 counts dies into the socket size', () => {
  // 2 sockets x 2 dies x 2 cores: socket 0 is vCPUs 0-3; cells of 2 vCPUs cut it.
  const text = domain(
    cpu(`sockets='2' dies='2' cores='2' threads='1'`, `<cell id='0' cpus='0-1' memory='1' unit='GiB'/>`, `<cell id='1' cpus='2-7' memory='1' unit='GiB'/>`),
    { vcpus: 8 },
  );
  const [finding] = findings(text, 'VT138');
  assert.match(finding!.message, /Socket 0 \(vCPUs 0-3\) is split across cells 0 and 1:/);
});

test('VT138 is silent when each cell holds whole sockets, and without threads or cores to split', () => {
  const whole = domain(
    cpu(`sockets='2' cores='2' threads='2'`, `<cell id='0' cpus='0-3' memory='2' unit='GiB'/>`, `<cell id='1' cpus='4-7' memory='2' unit='GiB'/>`),
    { vcpus: 8 },
  );
  assert.deepEqual(findings(whole, 'VT138'), []);
  const single = domain(
    cpu(`sockets='4' cores='1' threads='1'`, `<cell id='0' cpus='0-1' memory='2' unit='GiB'/>`, `<cell id='1' cpus='2-3' memory='2' unit='GiB'/>`),
    { vcpus: 4 },
  );
  assert.deepEqual(findings(single, 'VT138'), []);
});
