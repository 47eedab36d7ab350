import type { Range, TextEdit } from 'vscode-languageserver-textdocument';
import type { Source } from '../kb/types';
import type { Span } from './span';

export type Severity = 'error' | 'warning' | 'information' | 'hint';

/** A file kind virt-tune understands; each has its own service folder. */
export type FileKind = 'domain' | 'ksmtuned' | 'cmdline';

export interface Fix {
  title: string;
  edits: TextEdit[];
  /** The fix a user most likely wants (VS Code's auto-fix picks it). */
  isPreferred?: boolean;
}

/** What a rule found, in LSP terms but with no LSP transport: adapters turn it into a Diagnostic, a CLI line, ... */
export interface Finding {
  rule: string;
  severity: Severity;
  message: string;
  range: Range;
  fixes: readonly Fix[];
}

/**
 * Severity policy: `error` when libvirt or QEMU refuses it or the guest cannot start; `warning` when it
 * runs but contradicts the guide or is almost surely a mistake; `information`/`hint` for the guide's advice.
 */
export interface RuleMeta {
  /** Stable code, `VT101`. Never reused. */
  code: string;
  /** Stable kebab-case name, `unknown-element`. */
  name: string;
  /** One line: what it checks. */
  title: string;
  severity: Severity;
  sources: readonly Source[];
  /** Whether some of its findings carry a quick fix. */
  fixable: boolean;
  /**
   * What the rule says libvirt or QEMU does with what it reports, checked against a real libvirtd by
   * `npm run test:libvirt` (test/libvirt/) and shown per rule in the README's table. Rules whose words
   * claim no libvirt behaviour leave it out.
   */
  libvirt?: LibvirtClaim;
}

/**
 * At which step libvirt turns the rule's example down:
 * - `define`: `virsh define` refuses it (libvirt's C code, whatever the schema says);
 * - `validate`: a plain `virsh define` accepts it and drops what it does not know; `virsh define
 *   --validate` and `virsh edit`, which check the schema, refuse it;
 * - `start`: libvirt defines it; the guest does not start;
 * - `accepted`: libvirt defines and starts it; the rule is about what then happens.
 */
export type LibvirtStage = 'define' | 'validate' | 'start' | 'accepted';

export interface LibvirtClaim {
  stage: LibvirtStage;
  /** Words of libvirt's refusal (a fragment of its message), so a refusal for another reason does not count. */
  says?: string;
  /**
   * The rule's example and its fixed form, as domain XML fragments (children of <domain>, or of
   * <devices> for devices). Default: the ```xml blocks under "## Example" and "## Fixed" of the rule's page.
   */
  example?: string;
  fixed?: string;
  /**
   * A host rule: whether the example is refused depends on the host. The test judges it on the host it
   * runs on, and says so where that host does not give the finding (a host that has the CPU pinned to).
   */
  hostDependent?: boolean;
  /** When the verdict holds only on some hosts or versions: said in the README's table. */
  note?: string;
}

/** An edit given as a span of the text, turned into a TextEdit when reported. */
export interface SpanEdit {
  span: Span;
  newText: string;
}

export interface FixSpec {
  title: string;
  edits: SpanEdit[];
  isPreferred?: boolean;
}

export interface Report {
  span: Span;
  message: string;
  /** Overrides the rule's severity for this one finding (rare: say why in the rule). */
  severity?: Severity;
  fixes?: FixSpec[];
}

export interface Rule<Context> {
  meta: RuleMeta;
  check(context: Context, report: (report: Report) => void): void;
}
