import { libvirt, libvirtCode } from '../../../kb/sources';
import { firstChild } from '../../../xml/query';
import type { XmlDocument, XmlElement } from '../../../xml/types';
import { parseUnsigned } from '../../../core/numbers';
import type { DomainRule, DomainRuleContext } from '../context';
import { runsOnQemu } from '../guest';
import { deviceIndex, devicesNamed, spanOf, value, type DeviceIndex } from './devices';
import { ownValue } from '../../../core/ownValue';

/** Ports of each USB controller model (libvirt's virDomainUSBAddressControllerModelToPorts); 0: a companion, no bus of its own. */
const MODEL_PORTS: Readonly<Record<string, number>> = {
  'piix3-uhci': 2,
  'piix4-uhci': 2,
  'vt82c686b-uhci': 2,
  ehci: 6,
  'ich9-ehci1': 6,
  'ich9-uhci1': 0,
  'ich9-uhci2': 0,
  'ich9-uhci3': 0,
  'pci-ohci': 3,
  'nec-xhci': 4,
  'qemu-xhci': 4,
  qusb1: 8,
  qusb2: 8,
};
const XHCI_LIKE: ReadonlySet<string> = new Set(['nec-xhci', 'qemu-xhci', 'qusb1', 'qusb2']);
/** A USB hub has 8 ports (VIR_DOMAIN_USB_HUB_PORTS). */
const HUB_PORTS = 8;

/** A port of a bus or hub: how many ports it has, and which hub hangs at which of its ports. */
interface Hub {
  ports: number | undefined;
  used: Set<number>;
  hubs: Map<number, Hub>;
}

/** Whether the device sits on USB without a written address saying so (libvirt counts it as a USB device). */
function onUsb(xml: XmlDocument, device: XmlElement): boolean {
  switch (device.name) {
    case 'input':
      return value(xml, device, 'bus') === 'usb';
    case 'disk':
      return value(xml, firstChild(device, 'target'), 'bus') === 'usb';
    case 'hub':
      return value(xml, device, 'type') === 'usb';
    case 'hostdev':
      return value(xml, device, 'type') === 'usb';
    case 'redirdev':
      return (value(xml, device, 'bus') ?? 'usb') === 'usb';
    default:
      return false;
  }
}

function anyUsbAddress(xml: XmlDocument, addressed: DeviceIndex['addressed']): boolean {
  for (let i = 0; i < addressed.length; i++) if (value(xml, addressed[i]!.address, 'type') === 'usb') return true;
  return false;
}

/** Whether a USB controller with model='none' turns USB off. */
function anyUsbOff(xml: XmlDocument, controllers: readonly XmlElement[]): boolean {
  for (let i = 0; i < controllers.length; i++) {
    const controller = controllers[i]!;
    if (value(xml, controller, 'type') === 'usb' && value(xml, controller, 'model') === 'none') return true;
  }
  return false;
}

/** The machine types whose default USB controller is PIIX3's UHCI (2 ports): i440fx. */
function defaultPorts(context: DomainRuleContext): number | undefined {
  const machine = context.model.os?.machine;
  return machine === 'pc' || machine?.startsWith('pc-i440fx') ? 2 : undefined;
}

/**
 * VT179: USB addresses libvirt cannot place (its USB address set): a bus with no controller of that
 * index, a port beyond what the controller or hub has, a port path through a hub that is not there,
 * two devices on one port; and USB devices or further USB controllers when `model='none'` turned USB off.
 */
export const usbAddressInvalid: DomainRule = {
  meta: {
    code: 'VT179',
    name: 'usb-address-invalid',
    title: 'USB addresses must name an existing bus, hub and free port',
    severity: 'error',
    sources: [
      libvirtCode('src/conf/domain_addr.c', 'virDomainUSBAddressFindPort'),
      libvirtCode('src/conf/domain_conf.c', 'virDomainDefControllersParse'),
      libvirtCode('src/qemu/qemu_domain_address.c', 'qemuDomainUSBAddressAddHubs'),
      libvirt('device-addresses', 'Device Addresses'),
    ],
    fixable: false,
    libvirt: { stage: 'define', says: 'Duplicate USB address' },
  },
  check(context, report) {
    const { xml, model } = context;
    if (!runsOnQemu(model)) return;
    const index = deviceIndex(model);
    // Nearly always no device has a USB address and USB is not turned off: nothing to judge, nothing to allocate.
    if (!anyUsbAddress(xml, index.addressed) && !anyUsbOff(xml, devicesNamed(model, 'controller'))) return;
    const usbAddressed = index.addressed.filter(({ address }) => value(xml, address, 'type') === 'usb');
    const controllers = devicesNamed(model, 'controller').filter((controller) => value(xml, controller, 'type') === 'usb');
    if (usbAddressed.length === 0 && !controllers.some((controller) => value(xml, controller, 'model') === 'none')) return;
    const none = controllers.find((controller) => value(xml, controller, 'model') === 'none');
    if (none) {
      for (const controller of controllers) {
        if (controller === none) continue;
        report({
          span: controller.nameSpan,
          message: "The USB controller with model='none' turns USB off for the guest: libvirt refuses any other USB controller beside it.",
        });
      }
      const addressedOnUsb = new Set(usbAddressed.map(({ device }) => device));
      for (const device of index.all) {
        if (!onUsb(xml, device) && !addressedOnUsb.has(device)) continue;
        report({
          span: device.nameSpan,
          message:
            "This is a USB device, but the USB controller with model='none' turns USB off for the guest: libvirt " +
            'refuses the domain. Remove the device, or give the guest a USB controller.',
        });
      }
      return;
    }
    const buses = new Map<number, Hub>();
    for (const controller of controllers) {
      // Without an index libvirt gives the controller the first free one: 0 for the usual single controller.
      const index = parseUnsigned(value(xml, controller, 'index') ?? '0');
      const modelName = value(xml, controller, 'model');
      let ports = modelName === undefined ? defaultPorts(context) : ownValue(MODEL_PORTS, modelName);
      if (modelName !== undefined && XHCI_LIKE.has(modelName)) ports = parseUnsigned(value(xml, controller, 'ports')) ?? ports;
      if (index === undefined || ports === 0 || buses.has(index)) continue;
      buses.set(index, { ports, used: new Set(), hubs: new Map() });
    }
    // Without a USB controller libvirt adds one at index 0; its model (and ports) depend on the machine.
    if (controllers.length === 0) buses.set(0, { ports: defaultPorts(context), used: new Set(), hubs: new Map() });

    // libvirt places the hubs first, so a device may sit behind a hub written after it.
    const ordered = [...usbAddressed.filter(({ device }) => device.name === 'hub'), ...usbAddressed.filter(({ device }) => device.name !== 'hub')];
    for (const { device, address } of ordered) {
      const bus = parseUnsigned(value(xml, address, 'bus') ?? '0');
      if (bus === undefined) continue;
      const root = buses.get(bus);
      if (!root) {
        report({
          span: spanOf(xml, address, 'bus'),
          message: `There is no USB controller with index ${bus}, so no USB bus ${bus}: libvirt refuses the address. Add the controller, or use an existing bus.`,
        });
        continue;
      }
      const portText = value(xml, address, 'port');
      if (portText === undefined) continue;
      const path = portText.split('.').map((part) => parseUnsigned(part));
      if (path.length === 0 || path.length > 5 || path.some((port) => port === undefined || port < 1)) continue;
      const problem = place(root, path as number[], device.name === 'hub');
      if (problem === undefined) continue;
      report({ span: spanOf(xml, address, 'port'), message: `${problem}: libvirt refuses USB port '${portText}' on bus ${bus}.` });
    }
  },
};

/** Takes the port at the end of `path` (creating a hub there for a hub); says why it cannot, or undefined. */
function place(root: Hub, path: readonly number[], isHub: boolean): string | undefined {
  let hub = root;
  for (let i = 0; i < path.length; i++) {
    const port = path[i]!;
    if (hub.ports !== undefined && port > hub.ports) {
      const what = hub === root ? 'the controller' : 'a USB hub';
      return `Port ${port} does not exist: ${what} has ${hub.ports} port${hub.ports === 1 ? '' : 's'}`;
    }
    if (i === path.length - 1) {
      if (hub.used.has(port)) return 'Another device already uses this port';
      hub.used.add(port);
      if (isHub) hub.hubs.set(port, { ports: HUB_PORTS, used: new Set(), hubs: new Map() });
      return undefined;
    }
    const next = hub.hubs.get(port);
    if (!next) return `There is no USB hub at port ${path.slice(0, i + 1).join('.')}`;
    hub = next;
  }
  return undefined;
}
