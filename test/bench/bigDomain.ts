/**
 * A large, realistic domain for the server benchmark: a tuned guest (pinning, NUMA, huge pages) with
 * enough disks, interfaces, controllers and serial devices to reach the wanted number of lines. With
 * `schemaOnlyDefect`, one <disk> has no <target>: only libvirt's schema refuses that, so every
 * version's verdict adds a finding and the server publishes it (it publishes a verdict that adds nothing
 * only when it clears an earlier one).
 */
export function bigDomain(lines: number, options: { schemaOnlyDefect?: boolean } = {}): string {
  const vcpus = 16;
  const head = [
    "<domain type='kvm'>",
    '  <name>bench-guest</name>',
    '  <uuid>c7a5fdbd-edaf-9455-926a-d65c16db1809</uuid>',
    "  <memory unit='GiB'>32</memory>",
    "  <currentMemory unit='GiB'>32</currentMemory>",
    "  <vcpu placement='static'>16</vcpu>",
    '  <cputune>',
    ...Array.from({ length: vcpus }, (_, vcpu) => `    <vcpupin vcpu='${vcpu}' cpuset='${vcpu + 2}'/>`),
    "    <emulatorpin cpuset='0-1'/>",
    '  </cputune>',
    '  <numatune>',
    "    <memory mode='strict' nodeset='0-1'/>",
    "    <memnode cellid='0' mode='strict' nodeset='0'/>",
    "    <memnode cellid='1' mode='strict' nodeset='1'/>",
    '  </numatune>',
    '  <memtune>',
    "    <hard_limit unit='GiB'>34</hard_limit>",
    '  </memtune>',
    '  <memoryBacking>',
    '    <hugepages>',
    "      <page size='2' unit='M'/>",
    '    </hugepages>',
    '    <locked/>',
    '  </memoryBacking>',
    '  <os>',
    "    <type arch='x86_64' machine='q35'>hvm</type>",
    "    <boot dev='hd'/>",
    '  </os>',
    '  <features>',
    '    <acpi/>',
    '    <apic/>',
    '  </features>',
    "  <cpu mode='host-passthrough'>",
    "    <topology sockets='2' dies='1' clusters='1' cores='8' threads='1'/>",
    '    <numa>',
    "      <cell id='0' cpus='0-7' memory='16' unit='GiB'/>",
    "      <cell id='1' cpus='8-15' memory='16' unit='GiB'/>",
    '    </numa>',
    '  </cpu>',
    "  <clock offset='utc'/>",
    '  <on_poweroff>destroy</on_poweroff>',
    '  <on_reboot>restart</on_reboot>',
    '  <on_crash>destroy</on_crash>',
    '  <devices>',
    '    <emulator>/usr/libexec/qemu-kvm</emulator>',
    "    <controller type='scsi' index='0' model='virtio-scsi'>",
    "      <driver queues='16'/>",
    '    </controller>',
  ];
  const tail = ['  </devices>', '</domain>', ''];
  const body: string[] = [];
  if (options.schemaOnlyDefect) {
    body.push("    <disk type='file' device='disk'>", "      <source file='/var/lib/libvirt/images/no-target.img'/>", '    </disk>');
  }
  for (let unit = 0; head.length + body.length + GROUP_LINES + tail.length <= lines + 1; unit++) body.push(...deviceGroup(unit));
  while (head.length + body.length + tail.length <= lines) body.push('    <!-- room for more devices -->');
  return [...head, ...body, ...tail].join('\n');
}

const GROUP_LINES = 24;

/** GROUP_LINES lines: a virtio disk, a SCSI disk, a virtio interface and a serial port, numbered by `unit`. */
function deviceGroup(unit: number): string[] {
  const mac = (unit % 256).toString(16).padStart(2, '0');
  return [
    "    <disk type='block' device='disk'>",
    "      <driver name='qemu' type='raw' cache='none' io='native'/>",
    `      <source dev='/dev/vg0/bench-${unit}'/>`,
    `      <target dev='vd${diskLetters(unit)}' bus='virtio'/>`,
    '    </disk>',
    "    <disk type='file' device='disk'>",
    "      <driver name='qemu' type='qcow2' cache='none'/>",
    `      <source file='/var/lib/libvirt/images/bench-${unit}.qcow2'/>`,
    `      <target dev='sd${diskLetters(unit)}' bus='scsi'/>`,
    '      <iotune>',
    '        <total_iops_sec>1000</total_iops_sec>',
    '      </iotune>',
    '    </disk>',
    "    <interface type='network'>",
    `      <mac address='52:54:00:00:${(unit >> 8).toString(16).padStart(2, '0')}:${mac}'/>`,
    "      <source network='default'/>",
    "      <model type='virtio'/>",
    "      <driver name='vhost' queues='16'/>",
    '    </interface>',
    "    <serial type='pty'>",
    `      <target port='${unit % 4}'/>`,
    '    </serial>',
    `    <!-- group ${unit} -->`,
    '',
  ];
}

/** a, b, ..., z, aa, ab, ...: the letters of a disk name. */
function diskLetters(index: number): string {
  let name = '';
  for (let n = index; n >= 0; n = Math.floor(n / 26) - 1) name = String.fromCharCode(97 + (n % 26)) + name;
  return name;
}
