import type { Source } from './types';

export const GUIDE_TITLE = 'Red Hat Enterprise Linux 7 Virtualization Tuning and Optimization Guide';
export const GUIDE_CREDIT = `${GUIDE_TITLE}, © Red Hat, Inc., CC BY-SA 3.0`;
const LIBVIRT_FORMATDOMAIN = 'https://libvirt.org/formatdomain.html';
/** The libvirt release whose C code the libvirt-code sources cite (the corpus's release). */
const LIBVIRT_CODE = 'https://gitlab.com/libvirt/libvirt/-/blob/v11.3.0/';
const KERNEL_DOCS = 'https://docs.kernel.org/';

export function guide(section: string, title: string): Source {
  return { kind: 'guide', section, title };
}

/** `anchor` is the docutils id of a heading of libvirt's formatdomain page, `cpu-tuning`. */
export function libvirt(anchor: string, title: string): Source {
  return { kind: 'libvirt', anchor, title };
}

/** A function of libvirt's C code that refuses something its schema accepts: `libvirtCode('src/conf/domain_validate.c', 'virDomainDefOSValidate')`. */
export function libvirtCode(file: string, symbol: string): Source {
  return { kind: 'libvirt-code', file, symbol };
}

/** `path` is the file under the kernel's Documentation/, `admin-guide/kernel-parameters.txt`. */
export function kernel(path: string, title: string): Source {
  return { kind: 'kernel', path, title };
}

/** `path` is the file of the ksmtuned package, `ksmtuned` (the script itself) or `ksmtuned.conf`. */
export function ksmtunedPackage(path: string, title: string): Source {
  return { kind: 'ksmtuned', path, title };
}

/** A page of another project's documentation, or a file of its sources, with its address. */
export function projectDoc(project: string, title: string, url: string): Source {
  return { kind: 'project', project, title, url };
}

/** A short label: `Guide 8.2.2 (Memory Tuning with virsh)`. */
export function sourceLabel(source: Source): string {
  switch (source.kind) {
    case 'guide':
      return `Guide ${source.section} (${source.title})`;
    case 'libvirt':
      return `libvirt: ${source.title}`;
    case 'libvirt-code':
      return `libvirt: ${source.symbol}() in ${source.file}`;
    case 'kernel':
      return `kernel: ${source.title}`;
    case 'ksmtuned':
      return `ksmtuned: ${source.title}`;
    case 'project':
      return `${source.project}: ${source.title}`;
  }
}

/** A link where one exists; the guide is offline text and has none. */
export function sourceUrl(source: Source): string | undefined {
  switch (source.kind) {
    case 'guide':
      return undefined;
    case 'libvirt':
      return `${LIBVIRT_FORMATDOMAIN}#${source.anchor}`;
    case 'libvirt-code':
      return LIBVIRT_CODE + source.file;
    case 'kernel':
      return KERNEL_DOCS + source.path.replace(/\.(txt|rst)$/, '.html');
    case 'ksmtuned':
      // Shipped by distributions (qemu-kvm on RHEL, ksmtuned on Debian); no one stable page to link.
      return undefined;
    case 'project':
      return source.url;
  }
}

/**
 * Markdown: a link where there is one, else the label. Angle brackets and square brackets in a label
 * (`Common <os> element configuration`) are escaped, or Markdown would read them as HTML or a link.
 */
export function sourceMarkdown(source: Source): string {
  const url = sourceUrl(source);
  const label = sourceLabel(source).replace(/[<>[\]]/g, (character) => `\\${character}`);
  return url ? `[${label}](${url})` : label;
}
