import { libvirt, libvirtCode } from '../../../kb/sources';
import { childElements } from '../../../xml/query';
import type { DomainRule } from '../context';
import { deviceIndex, spanOf, value } from './devices';

/**
 * VT185: boot order given two ways, or twice. `<os><boot dev>` orders by device kind, `<boot order>`
 * on a device orders devices one by one; libvirt refuses the two together, and two devices with the
 * same order.
 */
export const bootOrderConflict: DomainRule = {
  meta: {
    code: 'VT185',
    name: 'boot-order-conflict',
    title: "<os><boot dev> and per-device <boot order> cannot be mixed; each order once",
    severity: 'error',
    sources: [
      libvirtCode('src/conf/domain_postparse.c', 'virDomainDefBootOrderPostParse'),
      libvirtCode('src/conf/domain_postparse.c', 'virDomainDefCollectBootOrder'),
      libvirt('specifying-boot-order', 'Specifying boot order'),
    ],
    fixable: false,
    libvirt: { stage: 'define', says: 'per-device boot elements' },
  },
  check(context, report) {
    const { xml, model } = context;
    const { booted } = deviceIndex(model);
    // Most domains give no device a <boot>: then there is nothing to compare.
    if (booted.length === 0) return;
    const osBoot = model.os ? childElements(model.os.element, 'boot') : [];
    const seen = new Set<string>();
    for (const { boot } of booted) {
      const order = value(xml, boot, 'order')?.trim();
      if (order === undefined) continue;
      if (osBoot.length > 0) {
        report({
          span: spanOf(xml, boot, 'order'),
          message:
            "<os> already orders booting by device kind (<boot dev=...>): libvirt refuses per-device <boot order> " +
            'beside it. Use one of the two: remove the <boot dev> lines from <os>, or these <boot order> elements.',
        });
      } else if (seen.has(order)) {
        report({ span: spanOf(xml, boot, 'order'), message: `Another device already boots with order ${order}: libvirt refuses the same order on two devices.` });
      }
      seen.add(order);
    }
  },
};
