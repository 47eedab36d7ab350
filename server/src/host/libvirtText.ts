import type { LibvirtFacts } from './libvirtTypes';

/** The `libvirt` part of `virt-tune host`: versions, each arch's emulator and machine types, and per domcapabilities what it offers. */
export function formatLibvirtText(facts: LibvirtFacts): string[] {
  const lines = [`libvirt: ${facts.source}${facts.libvirtVersion ? `, libvirt ${facts.libvirtVersion}` : ''}${facts.hypervisor ? `, ${facts.hypervisor.name} ${facts.hypervisor.version}` : ''}`];
  for (const guest of facts.guests.filter((entry) => entry.osType === 'hvm')) {
    const current = guest.machines.filter((machine) => !machine.deprecated);
    const aliases = current.filter((machine) => machine.canonical).map((machine) => `${machine.name}=${machine.canonical}`);
    lines.push(`  ${guest.arch} (${guest.emulator ?? 'no emulator'}; ${guest.domainTypes.join(', ')}): ${current.length} machine types${aliases.length > 0 ? `, ${aliases.join(', ')}` : ''}`);
  }
  for (const caps of facts.domainCapabilities) {
    lines.push(`  domcapabilities ${caps.domain ?? '?'} ${caps.arch ?? '?'} ${caps.machine ?? '?'}: up to ${caps.vcpuMax ?? '?'} vCPUs, iothreads ${caps.iothreads === null ? '?' : caps.iothreads ? 'yes' : 'no'}`);
    const modes = caps.cpuModes.map((mode) => `${mode.name}${mode.supported ? '' : ' (no)'}`);
    lines.push(`    CPU modes: ${modes.join(', ')}`);
    const custom = caps.cpuModes.find((mode) => mode.name === 'custom')?.models ?? [];
    if (custom.length > 0) lines.push(`    CPU models: ${custom.length} (${custom.filter((model) => model.usable !== false).length} usable on this host)`);
    const loader = caps.loader?.enums['type'];
    if (loader) lines.push(`    loader: ${loader.join(', ') || 'none'}${caps.os?.enums['firmware']?.length ? `; firmware: ${caps.os.enums['firmware'].join(', ')}` : ''}`);
    for (const [device, enumName] of [['disk', 'bus'], ['disk', 'diskDevice'], ['graphics', 'type'], ['video', 'modelType'], ['hostdev', 'subsysType']] as const) {
      const values = caps.devices[device]?.enums[enumName];
      if (values) lines.push(`    ${device} ${enumName}: ${values.join(', ') || 'none'}`);
    }
  }
  return lines;
}
