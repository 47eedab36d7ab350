import { libvirt, libvirtCode } from '../../../kb/sources';
import type { DomainRule } from '../context';
import { lineOf, runsOnQemu } from '../guest';
import { devicesNamed, spanOf, value } from './devices';

/**
 * VT198: a vGPU (`<hostdev type='mdev'>`) whose display the guest cannot show: display='on' needs a
 * `<graphics>` device to show it on, and only one vGPU may provide the boot display (ramfb='on').
 */
export const mdevDisplayInvalid: DomainRule = {
  meta: {
    code: 'VT198',
    name: 'mdev-display-invalid',
    title: "A vGPU display needs <graphics>; one vGPU with ramfb='on'",
    severity: 'error',
    sources: [
      libvirtCode('src/qemu/qemu_validate.c', 'qemuValidateDomainMdevDefVFIOPCI'),
      libvirtCode('src/conf/domain_validate.c', 'virDomainDefHostdevValidate'),
      libvirt('host-device-assignment', 'Host device assignment'),
    ],
    fixable: false,
    libvirt: { stage: 'define', says: 'graphics device is needed' },
  },
  paths: ['domain/devices/hostdev'],
  check(context, report) {
    const { xml, model } = context;
    if (!runsOnQemu(model)) return;
    const graphics = devicesNamed(model, 'graphics').length > 0;
    let ramfb: number | undefined;
    for (const hostdev of devicesNamed(model, 'hostdev')) {
      if (value(xml, hostdev, 'type') !== 'mdev') continue;
      if (value(xml, hostdev, 'display') === 'on' && !graphics) {
        report({
          span: spanOf(xml, hostdev, 'display'),
          message: "display='on' shows the vGPU's screen through a <graphics> device (VNC or SPICE), and the guest has none: libvirt refuses it.",
        });
      }
      if (value(xml, hostdev, 'ramfb') !== 'on') continue;
      if (ramfb !== undefined) {
        report({
          span: spanOf(xml, hostdev, 'ramfb'),
          message: `The vGPU on line ${lineOf(context, ramfb)} already has ramfb='on' (the boot display): libvirt refuses a second one.`,
        });
      } else ramfb = hostdev.start;
    }
  },
};
