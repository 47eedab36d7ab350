import type { TextDocument } from 'vscode-languageserver-textdocument';
import { spanToRange } from '../../core/report';
import type { Finding, FixSpec } from '../../core/types';
import type { Span } from '../../core/span';

/** The codes a schema verdict is told with: the structure rules' for the same kinds of mistake, VT108 for the rest. */
export type SchemaCode = 'VT101' | 'VT102' | 'VT103' | 'VT104' | 'VT105' | 'VT106' | 'VT107' | 'VT108';

/** One mistake libvirt's schema refuses, located in our tree. */
export interface SchemaProblem {
  code: SchemaCode;
  /** In our words, without the name of the schema (added when it becomes a finding). */
  message: string;
  /** What the finding underlines: the element's name, the attribute, the value. */
  span: Span;
  /**
   * What the mistake is about (the element, the attribute): an error of the other layers that touches
   * it says the same mistake, and this one then yields.
   */
  cover: Span;
  fixes?: FixSpec[];
}

export function problemFinding(document: TextDocument, problem: SchemaProblem, sourceLabel: string): Finding {
  return {
    rule: problem.code,
    severity: 'error',
    message: `${problem.message} (${sourceLabel})`,
    range: spanToRange(document, problem.span),
    fixes: (problem.fixes ?? []).map((fix) => ({
      title: fix.title,
      edits: fix.edits.map((edit) => ({ range: spanToRange(document, edit.span), newText: edit.newText })),
      ...(fix.isPreferred ? { isPreferred: true } : {}),
    })),
  };
}
