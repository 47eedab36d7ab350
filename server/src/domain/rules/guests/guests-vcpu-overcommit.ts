import { formatCpuset } from '../../../kb/cpuset';
import { guide, libvirt } from '../../../kb/sources';
import { onlineCpus } from '../../../host/queries';
import { guestLabel } from '../../../guests/load';
import type { DomainRule } from '../context';
import { documentClaims, guestClaims, otherGuests } from './claims';

/**
 * VT114: the vCPUs of this guest and of the guests running now add up to more than the host's online
 * CPUs: CPU overcommit across guests (guide 3.2.1 counts the sum over all guests). It works, but the
 * vCPUs take turns under load. Information; one guest alone above the host is VT156.
 */
export const guestsVcpuOvercommit: DomainRule = {
  meta: {
    code: 'VT114',
    name: 'guests-vcpu-overcommit',
    title: 'The vCPUs of the running guests together exceed the host CPUs',
    severity: 'information',
    sources: [guide('3.2.1', 'Option: Available CPUs'), libvirt('cpu-allocation', 'CPU Allocation')],
    fixable: false,
  },
  needs: ['host', 'guests'],
  check(context, report) {
    const host = context.host;
    const span = context.model.vcpu?.countSpan;
    if (!host || !span || !context.guests?.length) return;
    const own = documentClaims(context).vcpus;
    if (own === undefined) return;
    const online = onlineCpus(host).map((cpu) => cpu.id);
    if (online.length === 0 || own > online.length) return;
    const running = otherGuests(context)
      .filter((guest) => guest.running)
      .flatMap((guest) => {
        const vcpus = guestClaims(guest, host.defaultHugepageKiB).vcpus;
        return vcpus === undefined ? [] : [{ guest, vcpus }];
      });
    const sum = own + running.reduce((total, { vcpus }) => total + vcpus, 0);
    if (running.length === 0 || sum <= online.length) return;
    report({
      span,
      message:
        `With the guests running now (${running.map(({ guest, vcpus }) => `${guestLabel(guest)} ${vcpus}`).join('; ')}), this guest's ${own} vCPUs ` +
        `make ${sum}, more than the host's ${online.length} online CPUs (${formatCpuset(online)}): CPU overcommit (guide 3.2.1). ` +
        'It runs, but the vCPUs take turns on the CPUs under load.',
    });
  },
};
