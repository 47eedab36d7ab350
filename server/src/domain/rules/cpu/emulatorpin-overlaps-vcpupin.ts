import { guide, libvirt } from '../../../kb/sources';
import type { DomainRule } from '../context';
import { cleanIds, idList } from '../guest';

/**
 * VT139: `<emulatorpin>` shares host CPUs with pinned vCPUs. libvirt's knowledge-base page on real-time
 * KVM guests gives every vCPU host CPUs of its own and keeps the emulator threads off them, so QEMU's
 * own work (I/O, timers, vhost) does not preempt the guest; guide 9.3.5 pins the emulator threads to keep
 * them on a known set of host CPUs. Advice for latency-sensitive guests: information.
 */
export const emulatorpinOverlapsVcpupin: DomainRule = {
  meta: {
    code: 'VT139',
    name: 'emulatorpin-overlaps-vcpupin',
    title: 'Emulator threads are best pinned apart from the vCPUs',
    severity: 'information',
    sources: [guide('9.3.5', 'Using emulatorpin'), libvirt('cpu-tuning', 'CPU Tuning')],
    fixable: false,
  },
  paths: ['domain/cputune/emulatorpin'],
  check(context, report) {
    const cputune = context.model.cputune;
    const emulatorCpus = cleanIds(context.xml, cputune?.emulatorpin?.cpuset);
    if (!cputune || !emulatorCpus) return;
    const sharedCpus = new Set<number>();
    const sharingVcpus = new Set<number>();
    for (const pin of cputune.vcpupins) {
      const pinned = cleanIds(context.xml, pin.cpuset);
      if (!pinned || pin.vcpu === undefined) continue;
      const shared = pinned.filter((cpu) => emulatorCpus.includes(cpu));
      shared.forEach((cpu) => sharedCpus.add(cpu));
      if (shared.length > 0) sharingVcpus.add(pin.vcpu);
    }
    if (sharedCpus.size === 0) return;
    report({
      span: cputune.emulatorpin!.cpuset!.attribute.valueSpan!,
      message:
        `The emulator threads share host ${idList(sharedCpus, 'CPU')} with ${idList(sharingVcpus, 'vCPU')}: ` +
        "QEMU's own work then preempts those vCPUs. libvirt's real-time KVM guide keeps emulator threads on " +
        'host CPUs the vCPUs do not use.',
    });
  },
};
