import { test } from 'node:test';
import assert from 'node:assert/strict';
import { found, guest } from './guest';

/** A guest with one disk: `attributes` of <disk>, the <target>'s, and a <source> of its own when given. */
function withDisk(disk: string, target: string, source = "<source file='/var/lib/libvirt/images/a.img'/>"): string {
  return guest(`  <devices>\n    <disk ${disk}>${source}<target ${target}/></disk>\n  </devices>`);
}

// Each case as libvirt 9.0 with QEMU 7.2 answered `virsh define` of it (docs/rules/VT400.md).
test('VT400 flags a CD-ROM on virtio or sd, named or implied by a vd name', () => {
  for (const [target, at] of [["dev='vda' bus='virtio'", 'virtio'], ["dev='sda' bus='sd'", 'sd'], ["dev='vda'", 'vda']] as const) {
    const results = found(withDisk("type='file' device='cdrom'", target), 'VT400');
    assert.equal(results.length, 1, target);
    assert.equal(results[0]!.at, at);
    assert.match(results[0]!.message, /does not support ejectable media/);
  }
});

test('VT400 flags a floppy off the floppy controller, a floppy named otherwise than fdX, and anything else on fdc', () => {
  const offFdc = found(withDisk("type='file' device='floppy'", "dev='sda' bus='sata'"), 'VT400');
  assert.deepEqual(offFdc.map((result) => result.at), ['sata']);
  assert.match(offFdc[0]!.message, /Invalid bus type 'sata' for floppy disk/);
  const badName = found(withDisk("type='file' device='floppy'", "dev='hda'"), 'VT400');
  assert.deepEqual(badName.map((result) => result.at), ['hda']);
  assert.match(badName[0]!.message, /Invalid floppy device name/);
  for (const device of ['disk', 'cdrom']) {
    const onFdc = found(withDisk(`type='file' device='${device}'`, "dev='fda' bus='fdc'"), 'VT400');
    assert.deepEqual(onFdc.map((result) => result.at), ['fdc'], device);
    assert.match(onFdc[0]!.message, /Invalid bus type 'fdc' for disk/);
  }
});

test('VT400 flags a LUN on a bus other than virtio or scsi, on a file, or over a network protocol other than iSCSI', () => {
  const block = "<source dev='/dev/sdb'/>";
  assert.deepEqual(found(withDisk("type='block' device='lun'", "dev='sda' bus='sata'", block), 'VT400').map((result) => result.at), ['sata']);
  const onFile = found(withDisk("type='file' device='lun'", "dev='sda' bus='scsi'"), 'VT400');
  assert.deepEqual(onFile.map((result) => result.at), ['file']);
  const nbd = found(withDisk("type='network' device='lun'", "dev='sda' bus='scsi'", "<source protocol='nbd' name='x'><host name='example.com'/></source>"), 'VT400');
  assert.deepEqual(nbd.map((result) => result.at), ['nbd']);
});

test('VT400 is silent where libvirt defines the disk', () => {
  const silent = [
    withDisk("type='file' device='cdrom'", "dev='sda' bus='sata'"),
    withDisk("type='file' device='cdrom'", "dev='hda' bus='ide'"),
    withDisk("type='file' device='cdrom'", "dev='sda' bus='scsi'"),
    withDisk("type='file' device='cdrom'", "dev='sda' bus='usb'"),
    withDisk("type='file' device='floppy'", "dev='fda' bus='fdc'"),
    withDisk("type='file' device='floppy'", "dev='fda'"),
    withDisk("type='file' device='disk'", "dev='vda' bus='virtio'"),
    withDisk("type='file' device='disk'", "dev='sda' bus='sd'"),
    withDisk("type='block' device='lun'", "dev='vda' bus='virtio'", "<source dev='/dev/sdb'/>"),
    withDisk("type='block' device='lun'", "dev='sda' bus='scsi'", "<source dev='/dev/sdb'/>"),
    withDisk("type='network' device='lun'", "dev='sda' bus='scsi'", "<source protocol='iscsi' name='iqn.2013-07.com.example:t/1'><host name='example.com'/></source>"),
  ];
  for (const text of silent) assert.deepEqual(found(text, 'VT400').map((result) => result.message), [], text);
});
