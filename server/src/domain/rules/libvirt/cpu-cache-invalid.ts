import { libvirt, libvirtCode } from '../../../kb/sources';
import { firstChild } from '../../../xml/query';
import type { DomainRule } from '../context';
import { runsOnQemu } from '../guest';
import { spanOf, value } from './devices';

/**
 * VT197: `<cpu><cache>` QEMU cannot give: an emulated cache is an L3 description (level='3' only), and
 * passing the host's cache through needs the host's CPU too (host-passthrough or maximum), with no level.
 */
export const cpuCacheInvalid: DomainRule = {
  meta: {
    code: 'VT197',
    name: 'cpu-cache-invalid',
    title: "<cpu><cache>: emulate only level='3'; passthrough only with host-passthrough or maximum CPUs",
    severity: 'error',
    sources: [libvirtCode('src/qemu/qemu_validate.c', 'qemuValidateDomainDefCpu'), libvirt('cpu-model-and-topology', 'CPU model and topology')],
    fixable: false,
    libvirt: { stage: 'define', says: "can only be used with 'host-passthrough'" },
  },
  paths: ['domain/cpu/cache'],
  check(context, report) {
    const cpu = context.model.cpu;
    const cache = cpu && firstChild(cpu.element, 'cache');
    if (!cpu || !cache || !runsOnQemu(context.model)) return;
    const { xml } = context;
    const mode = value(xml, cache, 'mode');
    const level = value(xml, cache, 'level');
    if (mode === 'emulate' && level !== undefined && level.trim() !== '3') {
      report({ span: spanOf(xml, cache, 'level'), message: "QEMU emulates the L3 cache only: libvirt refuses mode='emulate' with another level. Use level='3'." });
    }
    if (mode === 'passthrough' && cpu.mode !== 'host-passthrough' && cpu.mode !== 'maximum') {
      report({
        span: spanOf(xml, cache, 'mode'),
        message: `Passing the host's cache through needs the host's CPU: libvirt refuses it with <cpu mode='${cpu.mode ?? 'custom'}'>. Use mode='host-passthrough' (or 'maximum'), or cache mode='emulate' level='3'.`,
      });
    }
    if ((mode === 'passthrough' || mode === 'disable') && level !== undefined) {
      report({ span: spanOf(xml, cache, 'level'), message: `A level belongs to an emulated cache: libvirt refuses level= with mode='${mode}'.` });
    }
  },
};
