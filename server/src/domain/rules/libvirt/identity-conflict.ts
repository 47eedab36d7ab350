import { libvirt, libvirtCode } from '../../../kb/sources';
import { childElements, elementText, firstChild } from '../../../xml/query';
import type { XmlElement } from '../../../xml/types';
import type { DomainRule } from '../context';
import { lineOf, runsOnQemu } from '../guest';
import { spanOf, value } from './devices';

/** A UUID as libvirt compares them: its 32 hex digits, lower case (dashes may sit anywhere). */
function uuidDigits(text: string): string | undefined {
  const digits = text.replace(/-/g, '').toLowerCase();
  return /^[0-9a-f]{32}$/.test(digits) ? digits : undefined;
}

/**
 * VT187: the guest's identity written inconsistently: a name with '/' (libvirt's QEMU driver makes file
 * names from it), an SMBIOS system UUID other than the domain's `<uuid>`, and two `<seclabel>`s for one security model.
 */
export const identityConflict: DomainRule = {
  meta: {
    code: 'VT187',
    name: 'identity-conflict',
    title: "No '/' in the name; SMBIOS UUID equal to <uuid>; one <seclabel> per model",
    severity: 'error',
    sources: [
      libvirtCode('src/conf/domain_postparse.c', 'virDomainDefPostParseCheckFeatures'),
      libvirtCode('src/conf/domain_conf.c', 'virSysinfoSystemParseXML'),
      libvirtCode('src/conf/domain_conf.c', 'virSecurityLabelDefsParseXML'),
      libvirt('general-metadata', 'General metadata'),
      libvirt('smbios-system-information', 'SMBIOS System Information'),
      libvirt('security-label', 'Security label'),
    ],
    fixable: false,
    libvirt: { stage: 'define', says: 'UUID mismatch' },
  },
  check(context, report) {
    const root = context.model.root;
    // The root's <name>, and whether it has a <sysinfo> and a <seclabel>, in one pass over its children.
    let name: XmlElement | undefined;
    let hasSysinfo = false;
    let hasSeclabel = false;
    const { children } = root;
    for (let i = 0; i < children.length; i++) {
      const child = children[i]!;
      if (child.kind !== 'element') continue;
      if (child.name === 'name') name ??= child;
      else if (child.name === 'sysinfo') hasSysinfo = true;
      else if (child.name === 'seclabel') hasSeclabel = true;
    }
    const nameText = name && runsOnQemu(context.model) ? elementText(name) : undefined;
    if (nameText?.value.includes('/')) {
      report({ span: nameText.span, message: "libvirt names files after the guest (its XML, logs, sockets): it refuses a name with '/'." });
    }
    // Most domains have neither <sysinfo> nor <seclabel>: their lists are made only when there is one.
    const sysinfos = hasSysinfo ? childElements(root, 'sysinfo') : [];
    // The domain's UUID matters only beside an SMBIOS sysinfo.
    const uuidText = sysinfos.length > 0 ? firstChild(root, 'uuid') : undefined;
    const domainUuid = uuidText && elementText(uuidText);
    const domainDigits = domainUuid && uuidDigits(domainUuid.value);
    for (const sysinfo of sysinfos) {
      if (!domainDigits || value(context.xml, sysinfo, 'type') !== 'smbios') continue;
      for (const system of childElements(sysinfo, 'system')) {
        for (const entry of childElements(system, 'entry')) {
          if (value(context.xml, entry, 'name') !== 'uuid') continue;
          const text = elementText(entry);
          const digits = text && uuidDigits(text.value);
          if (!text || !digits || digits === domainDigits) continue;
          report({
            span: text.span,
            message: `The SMBIOS system UUID must be the domain's own <uuid> (${domainUuid!.value}): libvirt refuses a different one. Remove this entry (libvirt fills it in) or make them equal.`,
          });
        }
      }
    }
    if (!hasSeclabel) return;
    const models = new Map<string, number>();
    for (const seclabel of childElements(root, 'seclabel')) {
      const model = value(context.xml, seclabel, 'model');
      if (model === undefined) continue;
      const earlier = models.get(model);
      if (earlier !== undefined) {
        report({
          span: spanOf(context.xml, seclabel, 'model'),
          message: `The <seclabel> on line ${lineOf(context, earlier)} already sets the ${model} label: libvirt refuses a second one for the same model.`,
        });
      } else models.set(model, seclabel.start);
    }
  },
};
