import { libvirt, libvirtCode } from '../../../kb/sources';
import { childElements, elementText, firstChild } from '../../../xml/query';
import type { XmlElement } from '../../../xml/types';
import type { DomainRule, DomainRuleContext } from '../context';
import { spanOf, value } from './devices';

/** `<os><firmware><feature name='...' enabled='...'>`: the value of one feature, when written. */
function firmwareFeature(context: DomainRuleContext, firmware: XmlElement | undefined, name: string): XmlElement | undefined {
  return firmware ? childElements(firmware, 'feature').find((feature) => value(context.xml, feature, 'name') === name) : undefined;
}

/**
 * VT176: firmware settings libvirt cannot reconcile (its OS validation): NVRAM for a firmware that has
 * none (BIOS, or a loader marked stateless), a stateful loader that is not pflash, a manual loader
 * without a path, and firmware features to choose by when automatic selection is off or contradicts
 * itself (enrolled keys without Secure Boot).
 */
export const firmwareConflict: DomainRule = {
  meta: {
    code: 'VT176',
    name: 'firmware-conflict',
    title: 'Firmware, loader and NVRAM settings must fit together',
    severity: 'error',
    sources: [libvirtCode('src/conf/domain_validate.c', 'virDomainDefOSValidate'), libvirt('bios-bootloader', 'BIOS bootloader')],
    fixable: false,
    libvirt: { stage: 'define', says: 'does not support nvram' },
  },
  paths: ['domain/os/loader', 'domain/os/nvram', 'domain/os/firmware'],
  check(context, report) {
    const os = context.model.os?.element;
    if (!os) return;
    const { xml } = context;
    const firmware = value(xml, os, 'firmware');
    const loader = firstChild(os, 'loader');
    const nvram = firstChild(os, 'nvram');
    const features = firstChild(os, 'firmware');
    if (firmware !== undefined) {
      const enrolled = firmwareFeature(context, features, 'enrolled-keys');
      const secure = firmwareFeature(context, features, 'secure-boot');
      if (enrolled && secure && value(xml, enrolled, 'enabled') === 'yes' && value(xml, secure, 'enabled') === 'no') {
        report({
          span: spanOf(xml, enrolled, 'enabled'),
          message:
            "Enrolled keys are the Secure Boot keys: libvirt refuses 'enrolled-keys' enabled while 'secure-boot' is " +
            'disabled. Enable secure-boot, or disable enrolled-keys.',
        });
      }
      if (nvram && firmware !== 'efi') {
        report({
          span: nvram.nameSpan,
          message: `Only UEFI firmware keeps variables in NVRAM: libvirt refuses <nvram> with firmware='${firmware}'. Remove <nvram>, or use firmware='efi'.`,
        });
      }
    } else {
      if (features) {
        report({
          span: features.nameSpan,
          message:
            '<firmware> features tell libvirt how to choose a firmware, but <os> has no firmware= attribute, so ' +
            "libvirt chooses none and refuses the domain. Add firmware='efi' (or 'bios') to <os>, or remove <firmware>.",
        });
      }
      if (loader && !elementText(loader)) {
        report({
          span: loader.nameSpan,
          message:
            "<loader> names no firmware file and <os> has no firmware= attribute for libvirt to pick one: libvirt " +
            "refuses it. Write the path (e.g. /usr/share/OVMF/OVMF_CODE.fd) or add firmware='efi' to <os>.",
        });
      }
    }
    if (!loader) return;
    const stateless = value(xml, loader, 'stateless');
    if (stateless === 'yes' && nvram) {
      report({
        span: nvram.nameSpan,
        message:
          "A loader with stateless='yes' runs without NVRAM, keeping no variables: libvirt refuses an <nvram> (path " +
          'or template) beside it. Remove <nvram>, or make the loader stateful.',
      });
    } else if (stateless === 'no') {
      const type = value(xml, loader, 'type');
      if (firmware === undefined ? type !== 'pflash' : firmware !== 'efi') {
        report({
          span: spanOf(xml, loader, 'stateless'),
          message:
            firmware === undefined
              ? "stateless='no' asks for NVRAM, which only a pflash loader has: libvirt refuses it on a " +
                `${type === undefined ? 'loader without a type' : `type='${type}' loader`}. Add type='pflash', or drop stateless.`
              : `stateless='no' asks for NVRAM, which only UEFI firmware has: libvirt refuses it with firmware='${firmware}'.`,
        });
      }
    }
  },
};
