import { CompletionItemKind } from 'vscode-languageserver-types';

/**
 * The icon of each sort of thing completion offers, the same in every language virt-tune serves.
 * Tags are Property items, as VS Code's own HTML language service and Red Hat's XML server (LemMinX)
 * give them; names written `name=value` (XML attributes, kernel parameters, ksmtuned variables) are
 * Fields, so they never look like tags; values are told apart by what they are.
 */
export const ITEM_KINDS = {
  /** An element's tag, opening or closing. */
  element: CompletionItemKind.Property,
  /** The name of a `name=value` setting: an attribute, a kernel parameter, a ksmtuned variable. */
  setting: CompletionItemKind.Field,
  /** One of a closed list of values: an enumeration, yes/no. */
  choice: CompletionItemKind.EnumMember,
  /** A unit (KiB, MiB, ...). */
  unit: CompletionItemKind.Unit,
  /** A value suggested from an open range: an id not used yet, a default, a host CPU list. */
  value: CompletionItemKind.Value,
  /** Several lines written at once. */
  snippet: CompletionItemKind.Snippet,
} as const;
