/**
 * What libvirt does with an element or attribute its schema does not take there (checked against
 * libvirt 9.0 by `npm run test:libvirt`): its XML parser ignores what it does not read, so a plain
 * `virsh define` accepts the domain and drops it; `virsh define --validate` and `virsh edit` check the
 * schema first and refuse the domain.
 */
export const SCHEMA_ONLY_ELEMENT = 'virsh edit and virsh define --validate refuse it; a plain virsh define drops it without a word';
export const SCHEMA_ONLY_ATTRIBUTE = 'virsh edit and virsh define --validate refuse it; a plain virsh define ignores it without a word';
