/**
 * The structure of the whole libvirt domain, derived from libvirt's RelaxNG schema by
 * scripts/gen-schema.mjs (`npm run gen:schema`) into domain-structure.json.
 */

/** An XML Schema `pattern` facet, and its JavaScript form (for the `u` flag) when one is exact. */
export interface SchemaPattern {
  xsd: string;
  /** Anchored; absent when JavaScript has no exact equivalent (then `unconverted` says why). */
  js?: string;
  unconverted?: string;
}

interface Restrictions {
  pattern?: SchemaPattern;
  /** Values the schema excludes (`<data><except>`). */
  except?: readonly string[];
}

/** The values an attribute or an element's text takes, as libvirt's schema says. */
export type SchemaValue =
  /** `<choice><value>...`: compared after collapsing whitespace, as RelaxNG's token type does. */
  | { kind: 'enum'; values: readonly string[] }
  /** libvirt's virYesNo (or any choice of exactly yes/no). */
  | { kind: 'yesno' }
  /** libvirt's virOnOff (or any choice of exactly on/off). */
  | { kind: 'onoff' }
  /** An XML Schema integer type; bounds are decimal strings (they may exceed 2^53). */
  | ({ kind: 'integer'; datatype: string; min?: string; max?: string } & Restrictions)
  | ({ kind: 'pattern'; pattern: SchemaPattern } & TextRestrictions)
  /** Text; free unless restricted. `note` when the schema's construct had no better representation. */
  | ({ kind: 'text'; note?: string } & TextRestrictions)
  /** libvirt's `cpuset` define: `0-3,^2,8`. Used for CPU and NUMA node lists alike. */
  | ({ kind: 'cpuset' } & Restrictions)
  /** libvirt's `unit` define: memory units (`KiB`, `M`, `GB`, `bytes`...). */
  | ({ kind: 'memoryUnit' } & Restrictions)
  /** Another XML Schema datatype (`dateTime`, `NCName`): only its pattern, if any, is checked. */
  | ({ kind: 'data'; datatype: string } & Restrictions)
  /** A whitespace-separated list. */
  | { kind: 'list'; item: SchemaValue }
  /** Any of these (a choice mixing kinds, e.g. `auto` or a number). */
  | { kind: 'union'; of: readonly SchemaValue[] };

interface TextRestrictions extends Restrictions {
  /** XML Schema whitespace handling before the checks; absent: the value is taken as written. */
  whitespace?: 'collapse' | 'replace';
  minLength?: number;
  maxLength?: number;
}

export interface SchemaAttribute {
  name: string;
  value: SchemaValue;
  /** Required in every variant of the element here (see SchemaElement.flattenedBy). */
  required: boolean;
  doc?: string;
}

export interface SchemaChild {
  /** As written in a document: `disk`, or `qemu:commandline` for libvirt's extension namespaces. */
  name: string;
  element: SchemaElement;
  required: boolean;
  /** May occur more than once. */
  multiple: boolean;
}

/**
 * One element definition in its context: `driver` under `disk` and `driver` under `interface` are
 * different SchemaElements. Where the schema offers alternatives (a `<choice>`, or several definitions
 * of the same name under one parent), they are merged: a child or attribute is listed if any
 * alternative allows it, and required only if all require it.
 */
export interface SchemaElement {
  /** Index in the generated table; equal ids mean the same definition. */
  id: number;
  name: string;
  children: readonly SchemaChild[];
  attributes: readonly SchemaAttribute[];
  /** The text content's values, when the element may hold text. */
  text?: SchemaValue;
  /** Whether the text must be present (data or values, not free `<text/>`). */
  textRequired: boolean;
  /** Child elements of any name are allowed (`<metadata>`): unlisted children are not errors. */
  openChildren: boolean;
  /** Attributes of any name are allowed: unlisted attributes are not errors. */
  openAttributes: boolean;
  /**
   * Present when alternatives were merged into this summary (so which attributes or children go
   * together is lost): the attributes whose fixed values select the alternative (`type` for `disk`);
   * empty when no attribute does.
   */
  flattenedBy?: readonly string[];
  /** How many RelaxNG element definitions were merged here (1 almost everywhere). */
  variants: number;
  /** The RelaxNG defines the element definitions stand in (`diskDriver`), to find them in the schema. */
  defines: readonly string[];
  doc?: string;
}

/** The generated file, domain-structure.json. */
export interface SchemaData {
  format: 1;
  generator: string;
  libvirtVersion: string;
  schema: string;
  schemaFiles: readonly string[];
  /** sha256 over each schema file's name and text (see test/kb/schema-staleness.test.ts). */
  schemaHash: string;
  root: number;
  values: readonly SchemaValue[];
  elements: readonly SchemaElementRow[];
}

/** Attribute: [name, value index, 'r' when required, doc]. */
export type SchemaAttributeRow = readonly [string, number, ('r' | '')?, string?];
/** Child: [name, element index, flags: 'r' required, 'm' multiple]. */
export type SchemaChildRow = readonly [string, number, string?];

export interface SchemaElementRow {
  name: string;
  attributes?: readonly SchemaAttributeRow[];
  children?: readonly SchemaChildRow[];
  text?: number;
  textRequired?: boolean;
  openChildren?: boolean;
  openAttributes?: boolean;
  flattened?: readonly string[];
  variants?: number;
  defines?: readonly string[];
  doc?: string;
}
