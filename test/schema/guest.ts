/**
 * A small KVM guest the 11.3.0 schema accepts, written for these tests; each mistake below is one
 * edit of it, so the lines the tests expect are the lines of this text.
 */
export const GUEST = `<domain type='kvm'>
  <name>guest</name>
  <memory unit='KiB'>1048576</memory>
  <vcpu placement='static'>2</vcpu>
  <cputune>
    <vcpupin vcpu='0' cpuset='1'/>
  </cputune>
  <os>
    <type arch='x86_64' machine='pc'>hvm</type>
  </os>
  <devices>
    <disk type='block' device='disk'>
      <driver name='qemu' type='raw' cache='none'/>
      <source dev='/dev/sdb'/>
      <target dev='vda' bus='virtio'/>
    </disk>
    <interface type='network'>
      <source network='default'/>
      <model type='virtio'/>
    </interface>
    <graphics type='vnc' port='-1'/>
  </devices>
</domain>
`;

/** The guest with `from` (which must occur exactly once) replaced by `to`. */
export function guestWith(from: string, to: string): string {
  const at = GUEST.indexOf(from);
  if (at < 0 || GUEST.indexOf(from, at + 1) >= 0) throw new Error(`'${from}' is not in the guest exactly once`);
  return GUEST.slice(0, at) + to + GUEST.slice(at + from.length);
}

/** The 1-based line of the first occurrence of `marker` in `text`. */
export function lineOf(text: string, marker: string): number {
  const at = text.indexOf(marker);
  if (at < 0) throw new Error(`'${marker}' is not in the text`);
  return text.slice(0, at).split('\n').length;
}
