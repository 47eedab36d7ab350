import type { Position, TextDocument } from 'vscode-languageserver-textdocument';
import { InsertTextFormat, MarkupKind, type CompletionItem, type CompletionList } from 'vscode-languageserver-types';
import { ITEM_KINDS } from '../core/completionKinds';
import { canonicalParamName, kernelParam, KERNEL_PARAMS, type KernelParamSpec } from '../kb/cmdline';
import { formatSize, HUGE_PAGE_SIZES } from '../kb/cmdline/sizes';
import type { Span } from '../core/span';
import { ASSUMED_ARCH } from './rules/context';
import { cmdlineDocument, type CmdlineDocument } from './document';
import { lineAt, strayLineAt, strayLineWords } from './find';
import { enumValues, paramMarkdown } from './paramMarkdown';
import type { CommandLine, KernelParam } from './types';

const TRIGGER_SUGGEST = { title: 'Suggest values', command: 'editor.action.triggerSuggest' };
// The kernel's isspace() blanks (a BOM or a no-break space is part of a word) and the quotes around a value.
const WORD_BREAK = /[ \t\n\r\f\v"']/;

/**
 * Completion on a kernel command line: parameter names where a parameter starts (those already on the
 * line left out, except the huge page ones that come in pairs), and values after `name=`. Nothing
 * outside the command lines of the file.
 */
export function cmdlineCompletion(textDocument: TextDocument, position: Position): CompletionList {
  const document = cmdlineDocument(textDocument);
  const offset = textDocument.offsetAt(position);
  const line = lineAt(document, offset);
  if (!line) return { isIncomplete: false, items: [] };
  const { text } = document;
  let start = offset;
  while (start > 0 && !WORD_BREAK.test(text[start - 1]!)) start--;
  let end = offset;
  while (end < text.length && !WORD_BREAK.test(text[end]!)) end++;
  // A parameter that runs on across a blank before the cursor (a template tag kept whole, `{{ cpus }}`): the
  // cursor is inside it, and a name put there would split it or join the next one to it.
  if (line.params.some((param) => param.span.start < start && offset <= param.span.end && param.span.end > start)) return { isIncomplete: false, items: [] };
  const word = text.slice(start, end);
  const equals = word.indexOf('=');
  if (equals >= 0 && start + equals < offset) {
    return { isIncomplete: false, items: valueItems(textDocument, document, line, word.slice(0, equals), { start: start + equals + 1, end }, offset) };
  }
  const rest = text.slice(offset, end);
  const insertion: NameInsertion = rest === '' ? 'alone' : rest.startsWith('=') ? 'before-value' : 'before-word';
  // Before a word (`quiet |elevator=noop`) a new parameter goes in front of it, the word kept whole.
  const span = insertion === 'alone' ? { start, end } : { start, end: offset };
  // On a stray line, the names the kernel line gives and those this line gives (it is meant to be joined to it).
  const stray = strayLineAt(line, offset);
  const present = stray ? [...line.params, ...strayLineWords(document, stray).params] : line.params;
  return { isIncomplete: false, items: nameItems(textDocument, present, span, insertion) };
}

/**
 * Where a parameter name goes: at the end of a word (then `name=` for one that takes a value), right
 * before a written `=value` (the name alone), or in front of a word the cursor is before or in (the
 * new parameter and a blank, so the word stays a parameter of its own).
 */
type NameInsertion = 'alone' | 'before-value' | 'before-word';

function nameItems(textDocument: TextDocument, given: readonly KernelParam[], span: Span, insertion: NameInsertion): CompletionItem[] {
  const present = new Set(given.map((param) => canonicalParamName(param.name)));
  return KERNEL_PARAMS.filter((spec) => spec.repeat === 'each' || !present.has(spec.name)).map((spec, index) => {
    const wantsValue = insertion !== 'before-value' && spec.value.kind !== 'flag' && !spec.valueOptional;
    const name = wantsValue ? `${spec.name}=` : spec.name;
    const item: CompletionItem = {
      label: spec.name,
      kind: ITEM_KINDS.setting,
      detail: spec.summary,
      sortText: String(index).padStart(4, '0'),
      documentation: { kind: MarkupKind.Markdown, value: paramMarkdown(spec) },
      // Kernel parameter names hold no snippet syntax ($, }, \\).
      textEdit: { range: range(textDocument, span), newText: insertion === 'before-word' ? `${name}$0 ` : name },
    };
    if (insertion === 'before-word') item.insertTextFormat = InsertTextFormat.Snippet;
    if (wantsValue) item.command = TRIGGER_SUGGEST;
    return item;
  });
}

function valueItems(textDocument: TextDocument, document: CmdlineDocument, line: CommandLine, name: string, valueSpan: Span, offset: number): CompletionItem[] {
  const spec = kernelParam(name);
  if (!spec) return [];
  const { text } = document;
  // In a comma-separated value, only the option under the cursor is replaced.
  let span = valueSpan;
  if (spec.value.kind === 'flaggedCpulist' || (spec.value.kind === 'enum' && spec.value.list)) {
    const before = text.lastIndexOf(',', offset - 1);
    const after = text.indexOf(',', offset);
    span = { start: Math.max(valueSpan.start, before + 1), end: after >= 0 && after < valueSpan.end ? after : valueSpan.end };
  }
  return valueChoices(spec, line).map((choice, index) => ({
    label: choice.value,
    kind: ITEM_KINDS.choice,
    ...(choice.doc ? { detail: choice.doc } : {}),
    sortText: String(index).padStart(4, '0'),
    textEdit: { range: range(textDocument, span), newText: choice.insert ?? choice.value },
    ...(choice.insert ? { command: TRIGGER_SUGGEST } : {}),
  }));
}

interface ValueChoice {
  value: string;
  doc?: string;
  insert?: string;
}

/** The values worth offering: a closed list, the boolean spellings, or the huge page sizes of the architecture. */
function valueChoices(spec: KernelParamSpec, line: CommandLine): ValueChoice[] {
  const type = spec.value;
  switch (type.kind) {
    case 'enum':
      return enumValues(type).map((entry) => ({ value: entry.value, ...(entry.doc ? { doc: entry.doc } : {}) }));
    case 'flaggedCpulist':
      return enumValues(type).map((entry) => ({ value: entry.value, insert: `${entry.value},`, ...(entry.doc ? { doc: entry.doc } : {}) }));
    case 'bool':
      return (type.spellings ?? ['1', '0']).map((value, index) => ({ value, doc: index === 0 ? 'on' : 'off' }));
    case 'onoff':
      return [{ value: 'on' }, { value: 'off' }];
    case 'integer':
      return type.min === 0 && type.max === 1 ? [{ value: '1' }, { value: '0' }] : [];
    case 'size': {
      if (spec.name !== 'hugepagesz' && spec.name !== 'default_hugepagesz') return [];
      const arch = line.kernel?.arch ?? ASSUMED_ARCH;
      return (HUGE_PAGE_SIZES[arch] ?? []).map((size) => ({ value: formatSize(size), doc: `a huge page size of ${arch}` }));
    }
    case 'pattern':
      return spec.name === 'numa' ? [{ value: 'off', doc: 'one NUMA node for all memory' }] : [];
    default:
      return [];
  }
}

function range(textDocument: TextDocument, span: Span) {
  return { start: textDocument.positionAt(span.start), end: textDocument.positionAt(span.end) };
}
