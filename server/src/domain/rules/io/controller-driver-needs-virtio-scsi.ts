import type { FixSpec } from '../../../core/types';
import { guide, libvirt } from '../../../kb/sources';
import { attribute } from '../../../xml/query';
import type { XmlAttribute } from '../../../xml/types';
import type { DomainRule } from '../context';
import { isVirtioScsiController } from './devices';
import { removeAttribute, replaceValue } from '../edits';
import { unsignedValue, writtenValue } from './values';

/** libvirt's controller types; another value is the structure rules' to report. */
const CONTROLLER_TYPES: ReadonlySet<string> = new Set([
  'ide', 'fdc', 'scsi', 'sata', 'usb', 'ccid', 'virtio-serial', 'xenbus', 'pci', 'isa', 'nvme',
]);

/** The controller `<driver>` settings libvirt's QEMU driver accepts on virtio-scsi controllers only. */
const NUMBER_SETTINGS = ['queues', 'cmd_per_lun', 'max_sectors', 'iothread'] as const;

/**
 * VT149: a controller `<driver>` with queues, cmd_per_lun, max_sectors, ioeventfd or iothread on a
 * controller that is not virtio-scsi. The schema lets any controller have them, but libvirt's QEMU
 * driver refuses each of them unless the controller is a virtio-scsi one, when the domain is defined (libvirt 9.0 checked).
 * A SCSI controller without a model gets libvirt's default model, which depends on the machine: it
 * is left alone.
 */
export const controllerDriverNeedsVirtioScsi: DomainRule = {
  meta: {
    code: 'VT149',
    name: 'controller-driver-needs-virtio-scsi',
    title: 'Controller <driver> queues and tuning need a virtio-scsi controller',
    severity: 'error',
    sources: [guide('7.4.2.1', 'Configuring Multi-Queue virtio-scsi'), libvirt('controllers', 'Controllers')],
    fixable: true,
    libvirt: { stage: 'define', says: 'only supported by virtio-scsi controller' },
  },
  paths: ['domain/devices/controller/driver'],
  check(context, report) {
    const { xml, text } = context;
    for (const controller of context.model.controllers) {
      const { driver, type, model } = controller;
      if (!driver || type === undefined || !CONTROLLER_TYPES.has(type)) continue;
      if (type === 'scsi' && (model === undefined || isVirtioScsiController(controller))) continue;
      const offending: XmlAttribute[] = [];
      for (const name of NUMBER_SETTINGS) {
        const setting = attribute(driver, name);
        const value = unsignedValue(xml, setting);
        if (setting && value !== undefined && value > 0) offending.push(setting);
      }
      const ioeventfd = attribute(driver, 'ioeventfd');
      const ioeventfdValue = writtenValue(xml, ioeventfd);
      if (ioeventfd && (ioeventfdValue === 'on' || ioeventfdValue === 'off')) offending.push(ioeventfd);

      const modelAttribute = attribute(controller.element, 'model');
      const which = type === 'scsi' ? `a '${model}' SCSI controller` : `a controller of type '${type}'`;
      for (const setting of offending) {
        const fixes: FixSpec[] = [];
        const toVirtioScsi = type === 'scsi' && modelAttribute ? replaceValue(modelAttribute, 'virtio-scsi') : undefined;
        if (toVirtioScsi) fixes.push({ title: "Use model='virtio-scsi'", edits: [toVirtioScsi] });
        fixes.push({ title: `Remove ${setting.name}`, edits: [removeAttribute(text, setting)] });
        report({
          span: setting.span,
          message:
            `${setting.name} on a controller <driver> is a virtio-scsi setting: ` +
            `libvirt refuses it on ${which} when the domain is defined.`,
          fixes,
        });
      }
    }
  },
};
