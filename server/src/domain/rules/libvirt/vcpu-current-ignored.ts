import { libvirt, libvirtCode } from '../../../kb/sources';
import { childElements, firstChild } from '../../../xml/query';
import type { DomainRule } from '../context';
import { maxVcpus } from '../guest';
import { spanOf, value } from './devices';

/**
 * VT404: `<vcpu current='N'>` beside a `<vcpus>` list that enables another number of vCPUs. libvirt takes
 * the list's states as the truth and sets `current` to how many it enables (a vCPU it does not list is
 * offline), without a word: the guest boots with the list's count. A warning; the fix writes that count,
 * which libvirt reads the same way.
 */
export const vcpuCurrentIgnored: DomainRule = {
  meta: {
    code: 'VT404',
    name: 'vcpu-current-ignored',
    title: "<vcpu current> should match the vCPUs <vcpus> enables: libvirt takes the list's count without a word",
    severity: 'warning',
    sources: [libvirtCode('src/conf/domain_conf.c', 'virDomainVcpuParse'), libvirt('cpu-allocation', 'CPU Allocation')],
    fixable: true,
    libvirt: { stage: 'accepted' },
  },
  paths: ['domain/vcpu', 'domain/vcpus/vcpu'],
  check(context, report) {
    const { xml, model } = context;
    const current = model.vcpu?.current;
    const vcpus = firstChild(model.root, 'vcpus');
    const count = maxVcpus(model);
    if (!model.vcpu || current === undefined || value(xml, model.vcpu.element, 'current') === undefined || !vcpus || count === undefined) return;
    const written = spanOf(xml, model.vcpu.element, 'current');
    // Each listed vCPU's state, by id; a list VT402 or the schema refuses (a bad or repeated id, no
    // `enabled`) is left to them.
    const enabled = new Map<number, boolean>();
    for (const vcpu of childElements(vcpus, 'vcpu')) {
      const id = value(xml, vcpu, 'id')?.trim();
      const state = value(xml, vcpu, 'enabled');
      if (id === undefined || !/^[0-9]+$/.test(id) || Number(id) >= count || enabled.has(Number(id)) || (state !== 'yes' && state !== 'no')) return;
      enabled.set(Number(id), state === 'yes');
    }
    if (enabled.size === 0) return;
    const online = [...enabled.values()].filter(Boolean).length;
    if (online === current) return;
    report({
      span: written,
      message:
        `<vcpu current='${current}'> says the guest boots with ${current} vCPU${current === 1 ? '' : 's'}, but <vcpus> enables ${online}: libvirt takes the list's states ` +
        `and rewrites current to ${online} without a word${enabled.size < count ? ' (a vCPU the list leaves out is offline)' : ''}. Write current='${online}', or change the list's enabled states.`,
      fixes: [{ title: `Write current='${online}', as libvirt reads the list`, edits: [{ span: written, newText: String(online) }], isPreferred: true }],
    });
  },
};
