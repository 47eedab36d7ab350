import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..', '..', '..', '..');

/** The `## Example` and `## Fixed` XML of a rule's page in docs/rules. */
export function pageExamples(code: string): { example: string; fixed: string } {
  const page = readFileSync(join(ROOT, 'docs', 'rules', `${code}.md`), 'utf8');
  const block = (heading: string): string => {
    const match = new RegExp(`## ${heading}\\n\`\`\`xml\\n([\\s\\S]*?)\\n\`\`\``).exec(page);
    if (!match) throw new Error(`docs/rules/${code}.md has no ${heading} block`);
    return match[1]!;
  };
  return { example: block('Example'), fixed: block('Fixed') };
}

/**
 * A page's fragment as a whole minimal domain of the kind the real libvirt here can define and start
 * (type='qemu', i440fx unless the fragment writes its own <os>): name, memory and vCPUs are added where the
 * fragment does not give them. A page may also give a whole `<domain>`, taken as it is (with the name).
 */
export function domainOf(fragment: string, name = 'guest'): string {
  if (fragment.startsWith('<domain')) return fragment.replace(/<name>[^<]*<\/name>/, `<name>${name}</name>`) + '\n';
  const has = (element: string): boolean => new RegExp(`^<${element}[ >]`, 'm').test(fragment);
  const parts = [
    `<domain type='qemu'>`,
    `<name>${name}</name>`,
    has('memory') ? '' : `<memory unit='MiB'>128</memory>`,
    has('vcpu') ? '' : `<vcpu placement='static'>4</vcpu>`,
    has('os') ? '' : `<os>\n  <type arch='x86_64' machine='pc'>hvm</type>\n</os>`,
    fragment,
    `</domain>`,
  ];
  return parts.filter((part) => part !== '').join('\n') + '\n';
}
