import { libvirt, libvirtCode } from '../../../kb/sources';
import { childElements, firstChild } from '../../../xml/query';
import type { DomainRule } from '../context';
import { maxVcpus } from '../guest';
import { spanOf, value } from './devices';

/**
 * VT402: a `<vcpus>` entry libvirt refuses: vCPU 0 offline or hotpluggable (the guest boots on it, so it
 * is always there), a vCPU both offline and not hotpluggable (it could never be brought online), or an
 * id at or beyond the `<vcpu>` count.
 */
export const vcpusStateInvalid: DomainRule = {
  meta: {
    code: 'VT402',
    name: 'vcpus-state-invalid',
    title: '<vcpus>: vCPU 0 is online and not hotpluggable; an offline vCPU is hotpluggable; ids are below the <vcpu> count',
    severity: 'error',
    sources: [
      libvirtCode('src/conf/domain_conf.c', 'virDomainVcpuParse'),
      libvirtCode('src/conf/domain_postparse.c', 'virDomainVcpuDefPostParse'),
      libvirtCode('src/qemu/qemu_postparse.c', 'qemuDomainDefVcpusPostParse'),
      libvirt('cpu-allocation', 'CPU Allocation')],
    fixable: false,
    libvirt: { stage: 'define', says: 'is both offline and not hotpluggable' },
  },
  paths: ['domain/vcpus/vcpu'],
  check(context, report) {
    const { xml, model } = context;
    const vcpus = firstChild(model.root, 'vcpus');
    if (!vcpus) return;
    const count = maxVcpus(model);
    const counted = model.vcpu ? `<vcpu>${count}</vcpu>` : 'no <vcpu>: libvirt gives a guest 1';
    for (const vcpu of childElements(vcpus, 'vcpu')) {
      const idText = value(xml, vcpu, 'id');
      if (idText === undefined || !/^[0-9]+$/.test(idText.trim())) continue;
      const id = Number(idText);
      const enabled = value(xml, vcpu, 'enabled');
      const hotpluggable = value(xml, vcpu, 'hotpluggable');
      if (count !== undefined && id >= count) {
        report({ span: spanOf(xml, vcpu, 'id'), message: `The guest has ${count} vCPU${count === 1 ? '' : 's'} (${counted}), ${count === 1 ? 'id 0' : `ids 0 to ${count - 1}`}: libvirt refuses id='${id}' ("out of range of maximum vcpu count").` });
      } else if (id === 0 && enabled === 'no') {
        report({ span: spanOf(xml, vcpu, 'enabled'), message: "vCPU 0 is the one the guest boots on: libvirt refuses it offline. Set enabled='yes'." });
      } else if (id === 0 && hotpluggable === 'yes') {
        report({ span: spanOf(xml, vcpu, 'hotpluggable'), message: "vCPU 0 is the one the guest boots on and can never be unplugged: libvirt refuses hotpluggable='yes' on it. Set hotpluggable='no'." });
      } else if (enabled === 'no' && hotpluggable === 'no') {
        report({ span: spanOf(xml, vcpu, 'hotpluggable'), message: `vCPU ${id} is offline and cannot be plugged in later, so it could never run: libvirt refuses it ("is both offline and not hotpluggable"). Set hotpluggable='yes', or enabled='yes'.` });
      }
    }
  },
};
