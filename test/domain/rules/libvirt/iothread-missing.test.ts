import { test } from 'node:test';
import assert from 'node:assert/strict';
import { found, guest } from './guest';

const CODE = 'VT199';
const disk = (driver: string, bus = 'virtio', dev = 'vda') =>
  `  <devices>\n    <disk type='file' device='disk'><driver name='qemu' type='raw'${driver}/><source file='/tmp/x.img'/><target dev='${dev}' bus='${bus}'/></disk>\n  </devices>`;

test('VT199 flags a pin of an I/O thread the guest lacks, and a second pin of the same thread', () => {
  const missing = found(guest("  <iothreads>1</iothreads>\n  <cputune><iothreadpin iothread='2' cpuset='0'/></cputune>"), CODE);
  assert.deepEqual(missing.map((result) => [result.at, result.finding.severity]), [['2', 'error']]);
  assert.match(missing[0]!.message, /no I\/O thread 2 \(it has I\/O thread 1;/);
  const twice = found(guest("  <iothreads>1</iothreads>\n  <cputune><iothreadpin iothread='1' cpuset='0'/><iothreadpin iothread='1' cpuset='0'/></cputune>"), CODE);
  assert.equal(twice.length, 1);
  assert.match(twice[0]!.message, /already pinned by an earlier <iothreadpin>/);
});

test("VT199 reads the ids as libvirt fills them: <iothreads> counts, <iothreadids> names, the rest the lowest free ids", () => {
  // libvirt 9.0 defines this with threads 1, 2 and 3 and accepts the pin of thread 3.
  const filled = guest("  <iothreads>3</iothreads>\n  <iothreadids><iothread id='1'/></iothreadids>\n  <cputune><iothreadpin iothread='3' cpuset='0'/></cputune>");
  assert.deepEqual(found(filled, CODE), []);
  // Two listed ids and a count of two: threads 1 and 5 only.
  const listed = found(guest("  <iothreads>2</iothreads>\n  <iothreadids><iothread id='1'/><iothread id='5'/></iothreadids>\n  <cputune><iothreadpin iothread='2' cpuset='0'/></cputune>"), CODE);
  assert.match(listed[0]!.message, /no I\/O thread 2 \(it has I\/O threads 1,5;/);
});

test("VT199 flags a disk's iothread the guest lacks, and any iothread on a disk that is not virtio", () => {
  const none = found(guest(disk(" iothread='1'")), CODE);
  assert.deepEqual(none.map((result) => result.at), ['1']);
  assert.match(none[0]!.message, /it has none;/);
  const sata = found(guest(`  <iothreads>1</iothreads>\n${disk(" iothread='1'", 'sata', 'sda')}`), CODE);
  assert.match(sata[0]!.message, /Only virtio disks run on an I\/O thread: libvirt refuses iothread='1' on a disk of bus='sata'/);
  assert.deepEqual(found(guest(`  <iothreads>1</iothreads>\n${disk(" iothread='1'")}`), CODE), []);
});

test("VT199 flags a virtio-scsi controller's iothread the guest lacks, and leaves other controller models to VT149", () => {
  const controller = (model: string) => `  <iothreads>1</iothreads>\n  <devices>\n    <controller type='scsi' model='${model}'><driver iothread='2'/></controller>\n  </devices>`;
  assert.deepEqual(found(guest(controller('virtio-scsi')), CODE).map((result) => result.at), ['2']);
  assert.deepEqual(found(guest(controller('lsilogic')), CODE), []);
});
