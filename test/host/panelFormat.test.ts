import { test } from 'node:test';
import assert from 'node:assert/strict';
import { idRanges, sizeLabel } from '../../client/src/topology/format';
import { roundedKiB } from '../../server/src/host/sizes';
import { formatCpuset } from '../../server/src/kb/cpuset';

// The client writes lists and sizes with its own small formatters (it bundles only the protocol of the
// server's code); the panel must say them as the server's messages and `virt-tune host` do.
test('the panel writes CPU lists as the server does', () => {
  const lists = [[], [0], [0, 1], [0, 1, 2, 3, 6], [7, 5, 6, 5, 1], [0, 2, 4, 5, 6, 100, 101]];
  for (const ids of lists) assert.equal(idRanges(ids), formatCpuset(ids), JSON.stringify(ids));
});

test('the panel writes sizes as the server does', () => {
  for (const kib of [0, 4, 1023, 1024, 2048, 4679884, 1048576, 1572864, 104857600, 1073741824 * 3]) assert.equal(sizeLabel(kib), roundedKiB(kib), String(kib));
});
