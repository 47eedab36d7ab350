import type { AttributeSpec, ElementSpec, ValueType } from '../types';
import { schemaAttribute, schemaChild, schemaElementAt } from './structure';
import type { SchemaElement, SchemaValue } from './types';
import { schemaEnumValues } from './values';
import { cachedByPath } from '../pathCache';


/**
 * The schema's definition of the element at an element path (`domain/devices/disk/driver`), in the
 * project's ElementSpec shape. Children and attributes are known (closed) wherever the schema lists
 * them all; value types the ElementSpec shape cannot express (patterns, unions with numbers) become
 * `string`: never stricter than the schema.
 */
export const schemaElementSpec: (path: string) => ElementSpec | undefined = cachedByPath((path) => {
  const names = path.split('/');
  const element = schemaElementAt(names);
  const parent = names.length > 1 ? schemaElementAt(names.slice(0, -1)) : undefined;
  const repeatable = parent && schemaChild(parent, names[names.length - 1]!)?.multiple;
  return element ? toElementSpec(path, element, repeatable) : undefined;
});

function toElementSpec(path: string, element: SchemaElement, repeatable: boolean | undefined): ElementSpec {
  const attributes: AttributeSpec[] = element.attributes.map((attribute) => ({
    name: attribute.name,
    type: toValueType(attribute.value, attribute.name),
    ...(attribute.required ? { required: true } : {}),
  }));
  const required = element.children.filter((child) => child.required).map((child) => child.name);
  const spec: ElementSpec = {
    path,
    children: element.children.map((child) => child.name),
    childrenKnown: !element.openChildren,
    attributes,
    attributesKnown: !element.openAttributes,
    ...(required.length > 0 ? { requiredChildren: required } : {}),
    ...(repeatable !== undefined ? { repeatable } : {}),
  };
  if (element.text) return { ...spec, text: textType(element, element.text) };
  if (element.children.length === 0 && !element.openChildren) return { ...spec, empty: true };
  return spec;
}

/** An element holding a size whose unit is its `unit` attribute (`<memory unit='GiB'>4</memory>`). */
function textType(element: SchemaElement, text: SchemaValue): ValueType {
  const unit = schemaAttribute(element, 'unit');
  if (text.kind === 'integer' && unit?.value.kind === 'memoryUnit') return { kind: 'memory' };
  return toValueType(text, undefined);
}

export function toValueType(value: SchemaValue, attributeName: string | undefined): ValueType {
  switch (value.kind) {
    case 'yesno':
    case 'onoff':
    case 'memoryUnit':
      return { kind: value.kind };
    case 'cpuset':
      return { kind: attributeName === 'nodeset' ? 'nodeset' : 'cpuset' };
    case 'integer': {
      const min = safeNumber(value.min);
      const max = safeNumber(value.max);
      return { kind: 'integer', ...(min !== undefined ? { min } : {}), ...(max !== undefined ? { max } : {}) };
    }
    default: {
      const values = schemaEnumValues(value);
      return values ? { kind: 'enum', values: values.map((item) => ({ value: item })) } : { kind: 'string' };
    }
  }
}

function safeNumber(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const number = Number(text);
  return Number.isSafeInteger(number) ? number : undefined;
}
