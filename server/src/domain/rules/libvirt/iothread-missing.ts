import { libvirt, libvirtCode } from '../../../kb/sources';
import { parseUnsigned } from '../../../core/numbers';
import { childElements, firstChild } from '../../../xml/query';
import type { DomainRule } from '../context';
import { idList, runsOnQemu } from '../guest';
import { devicesNamed, spanOf, value } from './devices';
import { iothreadIds } from './iothreads';

/** Disk buses whose QEMU device can run on an I/O thread. */
const IOTHREAD_BUSES = new Set(['virtio']);

/**
 * VT199: what names an I/O thread must name one the guest has (`<iothreads>` and `<iothreadids>`):
 * `<iothreadpin iothread>`, once per thread, a disk's `<driver iothread>` (on a virtio disk only) and a
 * virtio-scsi controller's `<driver iothread>`. libvirt refuses each of these when the domain is defined.
 */
export const iothreadMissing: DomainRule = {
  meta: {
    code: 'VT199',
    name: 'iothread-missing',
    title: 'I/O thread pins and driver iothread attributes must name I/O threads the guest has',
    severity: 'error',
    sources: [
      libvirtCode('src/conf/domain_conf.c', 'virDomainIOThreadPinDefParseXML'),
      libvirtCode('src/qemu/qemu_validate.c', 'qemuValidateDomainDeviceDefDisk'),
      libvirtCode('src/qemu/qemu_validate.c', 'qemuValidateDomainDeviceDefController'),
      libvirt('iothreads-allocation', 'IOThreads Allocation'),
    ],
    fixable: false,
    libvirt: { stage: 'define', says: "Cannot find 'iothread'" },
  },
  paths: ['domain/cputune/iothreadpin', 'domain/devices/disk/driver', 'domain/devices/controller/driver'],
  check(context, report) {
    const ids = iothreadIds(context);
    if (!ids) return;
    const has = ids.size === 0 ? 'it has none' : `it has ${idList(ids, 'I/O thread')}`;
    const pinned = new Set<number>();
    const cputune = context.model.cputune?.element;
    for (const pin of cputune ? childElements(cputune, 'iothreadpin') : []) {
      const id = parseUnsigned(value(context.xml, pin, 'iothread'));
      if (id === undefined || id === 0) continue;
      const span = spanOf(context.xml, pin, 'iothread');
      if (!ids.has(id)) report({ span, message: `The guest has no I/O thread ${id} (${has}; see <iothreads> and <iothreadids>): libvirt refuses a pin for it.` });
      else if (pinned.has(id)) report({ span, message: `I/O thread ${id} is already pinned by an earlier <iothreadpin>: libvirt refuses a second pin for the same thread. Keep the one you mean.` });
      pinned.add(id);
    }
    if (!runsOnQemu(context.model)) return;
    for (const disk of devicesNamed(context.model, 'disk')) {
      const driver = firstChild(disk, 'driver');
      const id = parseUnsigned(value(context.xml, driver, 'iothread'));
      if (!driver || id === undefined || id === 0) continue;
      const bus = value(context.xml, firstChild(disk, 'target'), 'bus');
      const span = spanOf(context.xml, driver, 'iothread');
      if (bus !== undefined && !IOTHREAD_BUSES.has(bus)) {
        report({ span, message: `Only virtio disks run on an I/O thread: libvirt refuses iothread='${id}' on a disk of bus='${bus}'. Move the disk to bus='virtio', or leave iothread out.` });
      } else if (!ids.has(id)) {
        report({ span, message: `The guest has no I/O thread ${id} (${has}; see <iothreads> and <iothreadids>): libvirt refuses the disk's iothread='${id}'.` });
      }
    }
    for (const controller of devicesNamed(context.model, 'controller')) {
      const driver = firstChild(controller, 'driver');
      const id = parseUnsigned(value(context.xml, driver, 'iothread'));
      if (!driver || id === undefined || id === 0 || ids.has(id)) continue;
      // Another controller model with an iothread is VT149's (controller-driver-needs-virtio-scsi).
      if (value(context.xml, controller, 'type') !== 'scsi' || !value(context.xml, controller, 'model')?.startsWith('virtio')) continue;
      report({
        span: spanOf(context.xml, driver, 'iothread'),
        message: `The guest has no I/O thread ${id} (${has}; see <iothreads> and <iothreadids>): libvirt refuses the controller's iothread='${id}'.`,
      });
    }
  },
};
