import type { SchemaError, SchemaMessageKind } from './types';

type MessageFields = Pick<SchemaError, 'kind' | 'element' | 'parent' | 'attribute' | 'expected' | 'value'>;

interface MessageShape {
  pattern: RegExp;
  fields(match: RegExpExecArray): MessageFields;
}

const NAME = '(\\S+)';

function shape(kind: SchemaMessageKind, source: string, fields: (m: RegExpExecArray) => Omit<MessageFields, 'kind'> = () => ({})): MessageShape {
  return { pattern: new RegExp(`^${source}$`), fields: (m) => ({ kind, ...fields(m) }) };
}

/** libxml2's RelaxNG validity messages (relaxng.c, xmlRelaxNGGetErrorString), most frequent first. */
const SHAPES: readonly MessageShape[] = [
  shape('extra-in-interleave', `Extra element ${NAME} in interleave`, (m) => ({ element: m[1] })),
  shape('invalid-content', `Element ${NAME} failed to validate content`, (m) => ({ element: m[1] })),
  shape('invalid-sequence', 'Invalid sequence in interleave'),
  shape('extra-content', `Element ${NAME} has extra content: ${NAME}`, (m) => ({ parent: m[1], element: m[2] })),
  shape('invalid-attribute', `Invalid attribute ${NAME} for element ${NAME}`, (m) => ({ attribute: m[1], element: m[2] })),
  shape('invalid-attributes', `Element ${NAME} failed to validate attributes`, (m) => ({ element: m[1] })),
  shape('missing-element', `Expecting an element ${NAME}, got nothing`, (m) => ({ element: m[1] })),
  shape('wrong-element', `Expecting element ${NAME}, got ${NAME}`, (m) => ({ expected: m[1], element: m[2] })),
  shape('unexpected-element', `Did not expect element ${NAME} there`, (m) => ({ element: m[1] })),
  shape('unexpected-text', `Did not expect text in element ${NAME} content`, (m) => ({ element: m[1] })),
  shape('unexpected-text', 'Expecting an element got text'),
  shape('unexpected-text', `Expecting element ${NAME} to be empty`, (m) => ({ element: m[1] })),
  shape('invalid-value', 'Error validating value ?(.*)', (m) => (m[1] ? { value: m[1] } : {})),
  shape('invalid-value', `Type ${NAME} doesn't allow value '(.*)'`, (m) => ({ value: m[2] })),
  shape('invalid-value', `(?:Error validating datatype|failed to validate type|failed to compare type) ${NAME}`),
  shape('invalid-value', `(?:Datatype|Value|List) element ${NAME} (?:contains no data|has child elements)`, (m) => ({ element: m[1] })),
  shape('invalid-value', '(?:Error validating list|Extra data in list: .*)'),
  shape('wrong-namespace', `Expecting a namespace for element ${NAME}`, (m) => ({ element: m[1] })),
  shape('wrong-namespace', `Expecting no namespace for element ${NAME}`, (m) => ({ element: m[1] })),
  shape('wrong-namespace', `Element ${NAME} has wrong namespace: expecting .*`, (m) => ({ element: m[1] })),
];

/** What a libxml2 validity message says, read from its wording. */
export function readMessage(message: string): MessageFields {
  for (const { pattern, fields } of SHAPES) {
    const match = pattern.exec(message);
    if (match) return fields(match);
  }
  return { kind: 'other' };
}
