export type {
  SchemaAttribute,
  SchemaChild,
  SchemaElement,
  SchemaPattern,
  SchemaValue,
} from './types';
export {
  SCHEMA_INFO,
  schemaAttribute,
  schemaAttributes,
  schemaChild,
  schemaChildren,
  schemaElementAt,
  schemaElementOf,
  schemaRoot,
} from './structure';
export { isForeignSchemaName, schemaNameOf, schemaQualifiedName } from './names';
export { schemaElementSpec, toValueType } from './element-spec';
export { schemaEnumValues, schemaValueAccepts } from './values';
