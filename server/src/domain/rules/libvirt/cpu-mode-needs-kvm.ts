import { libvirt, libvirtCode } from '../../../kb/sources';
import { attribute } from '../../../xml/query';
import type { DomainRule } from '../context';
import { soundAttribute } from '../guest';

/**
 * VT196: `<cpu mode='host-passthrough'>` in a `<domain type='qemu'>`. Passing the host CPU through needs
 * a hardware-assisted hypervisor (KVM); QEMU's emulator (TCG) cannot, and libvirt refuses to start the guest.
 */
export const cpuModeNeedsKvm: DomainRule = {
  meta: {
    code: 'VT196',
    name: 'cpu-mode-needs-kvm',
    title: "host-passthrough CPUs need <domain type='kvm'>",
    severity: 'error',
    sources: [libvirtCode('src/qemu/qemu_process.c', 'qemuProcessUpdateGuestCPU'), libvirt('cpu-model-and-topology', 'CPU model and topology')],
    fixable: false,
    // No libvirt claim for npm run test:libvirt: that suite judges examples as type='kvm' guests, and this
    // rule is about type='qemu' alone (checked by hand: refused at start, see its page).
  },
  paths: ['domain/cpu'],
  check(context, report) {
    const cpu = context.model.cpu;
    if (context.model.type !== 'qemu' || cpu?.mode !== 'host-passthrough') return;
    const mode = attribute(cpu.element, 'mode');
    if (!mode || !soundAttribute(context.xml, mode)) return;
    report({
      span: mode.valueSpan,
      message:
        "type='qemu' runs the guest in QEMU's emulator, which cannot pass the host CPU through: libvirt refuses to start it. " +
        "Use type='kvm' on a host with KVM, or mode='host-model' or 'maximum' for an emulated guest.",
    });
  },
};
