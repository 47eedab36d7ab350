import { guide, libvirt } from '../../../kb/sources';
import type { DomainRule } from '../context';
import { listOf } from '../structure/values';

/**
 * VT136: vCPUs are pinned (`<vcpupin>`) but `<numatune>` or `<emulatorpin>` is missing. The guide
 * (9.3.2) advises configuring the three together: pinned vCPUs whose memory may sit on another node
 * take NUMA misses, and unpinned emulator threads wander. Advice, so information. With
 * `<vcpu placement='auto'>` libvirt adds an automatic `<numatune>` itself, so only emulatorpin counts.
 */
export const pinningIncomplete: DomainRule = {
  meta: {
    code: 'VT136',
    name: 'pinning-incomplete',
    title: 'Pin vCPUs together with <numatune> and <emulatorpin>',
    severity: 'information',
    sources: [
      guide('9.3.2', 'NUMA vCPU Pinning'),
      guide('9.3.5', 'Using emulatorpin'),
      libvirt('cpu-tuning', 'CPU Tuning'),
      libvirt('numa-node-tuning', 'NUMA Node Tuning'),
    ],
    fixable: false,
  },
  paths: ['domain/cputune/vcpupin'],
  check(context, report) {
    const { model } = context;
    const cputune = model.cputune;
    if (!cputune || cputune.vcpupins.length === 0) return;
    const missing: string[] = [];
    const hasNumatune = model.numatune !== undefined && (model.numatune.memory !== undefined || model.numatune.memnodes.length > 0);
    if (!hasNumatune && model.vcpu?.placement !== 'auto') missing.push('<numatune>');
    if (!cputune.emulatorpin) missing.push('<emulatorpin>');
    if (missing.length === 0) return;
    report({
      span: cputune.element.nameSpan,
      message:
        `vCPUs are pinned, but ${listOf(missing, 'and')} ${missing.length > 1 ? 'are' : 'is'} not set: the guide (9.3.2) ` +
        'advises configuring <vcpupin>, <numatune> and <emulatorpin> together, so that guest memory and the ' +
        'emulator threads stay on the same host node as the pinned vCPUs.',
    });
  },
};
