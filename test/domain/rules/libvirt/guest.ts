import { findings, rangeText } from '../../../helpers';
import type { Finding } from '../../../../server/src/core/types';

export interface GuestOptions {
  vcpus?: number;
  /** The machine type of `<os><type>`; 'pc' (i440fx) unless given. */
  machine?: string;
  /** A whole `<os>` element instead of the default one. */
  os?: string;
  /** The domain type; 'qemu' unless given. */
  type?: string;
  /** Leave `<memory>` out. */
  noMemory?: boolean;
}

/** A minimal domain as the real libvirt checks take it (type='qemu', i440fx), with `body` after `<os>`. */
export function guest(body: string, options: GuestOptions = {}): string {
  const os = options.os ?? `<os>\n    <type arch='x86_64' machine='${options.machine ?? 'pc'}'>hvm</type>\n  </os>`;
  return `<domain type='${options.type ?? 'qemu'}'>
  <name>guest</name>
${options.noMemory ? '' : "  <memory unit='MiB'>128</memory>\n"}  <vcpu placement='static'>${options.vcpus ?? 1}</vcpu>
  ${os}
${body}
</domain>
`;
}

/** The findings of one code, each with the text its range covers. */
export function found(text: string, code: string): { at: string; message: string; finding: Finding }[] {
  return findings(text, code).map((finding) => ({ at: rangeText(text, finding), message: finding.message, finding }));
}
