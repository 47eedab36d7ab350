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
  fixes: Fix[];
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
