import { libvirt, libvirtCode } from '../../../kb/sources';
import { parseUnsigned } from '../../../core/numbers';
import type { DomainRule } from '../context';
import { lineOf } from '../guest';
import { addressOf, devicesNamed, spanOf, value } from './devices';

/** PCI controller indexes are bus numbers: 0-255. */
const PCI_INDEX_MAX = 255;

/**
 * VT172: controllers libvirt cannot tell apart or place: two controllers of one type with the same
 * index (USB excepted: an EHCI controller and its UHCI companions share theirs), a PCI controller
 * index above 255, and a PCI root (pci-root, pcie-root) given an `<address>`: the root is the bus
 * everything else is addressed on.
 */
/** The controller types libvirt knows, numbered for controllerKey. */
const TYPE_NUMBERS: ReadonlyMap<string, number> = new Map(['pci', 'scsi', 'sata', 'ide', 'fdc', 'virtio-serial', 'ccid', 'xenbus', 'isa'].map((type, number) => [type, number]));

/**
 * A key equal for the same type and index: a number for a known type and an index up to 2^40 (nearly
 * always; no string is made), else the two as text.
 */
function controllerKey(type: string, index: number): number | string {
  const number = TYPE_NUMBERS.get(type);
  return number !== undefined && index < 2 ** 40 ? index * 16 + number : `${type} ${index}`;
}

export const controllerConflict: DomainRule = {
  meta: {
    code: 'VT172',
    name: 'controller-conflict',
    title: 'Controllers of one type need distinct indexes; a PCI root takes no address',
    severity: 'error',
    sources: [
      libvirtCode('src/conf/domain_postparse.c', 'virDomainDefRejectDuplicateControllers'),
      libvirtCode('src/conf/domain_validate.c', 'virDomainControllerDefValidate'),
      libvirt('controllers', 'Controllers'),
    ],
    fixable: false,
    libvirt: { stage: 'define', says: "Multiple 'pci' controllers" },
  },
  paths: ['domain/devices/controller'],
  check(context, report) {
    const seen = new Map<number | string, number>();
    for (const controller of devicesNamed(context.model, 'controller')) {
      const type = value(context.xml, controller, 'type');
      const index = parseUnsigned(value(context.xml, controller, 'index'));
      const model = value(context.xml, controller, 'model');
      if (type === undefined) continue;
      if (type === 'pci' && (model === 'pci-root' || model === 'pcie-root')) {
        const address = addressOf(controller);
        if (address) {
          report({
            span: address.nameSpan,
            message:
              `The ${model} controller is the guest's root PCI bus, which every other PCI address counts from; ` +
              'libvirt refuses an <address> on it. Remove the <address>.',
          });
        }
      }
      if (index === undefined) continue;
      if (type === 'pci' && index > PCI_INDEX_MAX) {
        report({
          span: spanOf(context.xml, controller, 'index'),
          message: `A PCI controller's index is the number of the bus it provides, 0-${PCI_INDEX_MAX}: libvirt refuses ${index}.`,
        });
      }
      if (type === 'usb') continue;
      const key = controllerKey(type, index);
      const earlier = seen.get(key);
      if (earlier === undefined) {
        seen.set(key, controller.start);
        continue;
      }
      report({
        span: spanOf(context.xml, controller, 'index'),
        message:
          `The ${type} controller on line ${lineOf(context, earlier)} already has index ${index}: libvirt refuses ` +
          `two ${type} controllers with one index (devices name their controller by it). Give this one a free index.`,
      });
    }
  },
};
