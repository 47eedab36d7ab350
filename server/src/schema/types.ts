/**
 * What one of libxml2's messages says, by its fixed wording (libxml2's relaxng.c). `element` is the
 * element the message is about; `parent` the element that holds it when the message names both.
 */
export type SchemaMessageKind =
  /** "Element domain has extra content: boot": `element` boot is not allowed inside `parent` domain. */
  | 'extra-content'
  /** "Extra element devices in interleave": something inside `element` devices is wrong (libxml2 says no more). */
  | 'extra-in-interleave'
  /** "Invalid attribute devce for element source": the attribute is unknown there, or its value is not allowed. */
  | 'invalid-attribute'
  /** "Element driver failed to validate attributes". */
  | 'invalid-attributes'
  /** "Element domain failed to validate content": the error's path points at the child where it failed. */
  | 'invalid-content'
  /** "Expecting an element name, got nothing": a required child `element` is missing; path = the parent. */
  | 'missing-element'
  /** "Expecting element X, got Y": `expected` X, `element` Y. */
  | 'wrong-element'
  /** "Did not expect element X there". */
  | 'unexpected-element'
  /** "Did not expect text in element X content", "Expecting an element got text", "Expecting element X to be empty". */
  | 'unexpected-text'
  /** "Error validating value", "Type T doesn't allow value 'v'", "Error validating datatype T", "Datatype element X contains no data", ... */
  | 'invalid-value'
  /** "Invalid sequence in interleave": the children of the element at the path are not in an accepted order or number. */
  | 'invalid-sequence'
  /** "Expecting a namespace for element X", "Element X has wrong namespace: expecting N", ... */
  | 'wrong-namespace'
  /** The text is not well-formed XML: libxml2's parser stopped; the schema was not consulted. */
  | 'not-well-formed'
  | 'other';

export interface SchemaError {
  /**
   * 1-based line. libxml2's own line when it gives one; its "Extra element X in interleave" carries no
   * node (line 0), and then the line of that element X is given instead.
   */
  line: number;
  /** 1-based column, when libxml2 gives one (its parser errors do; its validity errors do not). */
  column?: number;
  /** libxml2's own text, without the trailing newline. */
  message: string;
  kind: SchemaMessageKind;
  /** libxml2's path of the node the error is attached to, `/domain/devices/disk[2]/source`. */
  path?: string;
  element?: string;
  parent?: string;
  attribute?: string;
  /** For 'wrong-element': the element libxml2 expected. */
  expected?: string;
  /** For 'invalid-value' when libxml2 quotes it ("Type T doesn't allow value 'v'"). */
  value?: string;
  /**
   * What would have been accepted where the error is (virt-tune's own validator gives it): element
   * names as `<disk>`, attribute names, values as `'vnc'` or a type as `a unsignedInt`.
   */
  allowed?: string[];
  /**
   * Set when RelaxNG itself accepts what is refused here and only libxml2 (which libvirt validates
   * with) refuses it: virt-tune's validator replays that quirk of libxml2's and says so in `message`.
   */
  libxml2Only?: true;
  /**
   * Set on errors `pinpoint` found by validating one element on its own (the element at this path)
   * against the schema's patterns for it; absent on libxml2's whole-document errors.
   */
  scope?: string;
}

export interface SchemaValidator {
  /** The schema file this validator was compiled from. */
  readonly path: string;
  /**
   * libxml2's verdict on the text, the same as `xmllint --relaxng` and `virt-xml-validate`: no errors
   * means the schema accepts the document.
   */
  validate(text: string): SchemaError[];
  /**
   * The same verdict, told more precisely. libxml2 reports a fault deep inside an interleave (most of
   * libvirt's schema) only as "Extra element devices in interleave"; here the failing element is
   * validated again on its own against the patterns the schema allows at its place, down to the
   * deepest element libxml2 can name the fault in, and those errors are returned instead.
   */
  pinpoint(text: string): SchemaError[];
  /** Frees the compiled schema (and forgets it, so a later loadSchema compiles it again). */
  dispose(): void;
}

/** Which schema to use, and how to name it to a user. */
export interface SchemaSource {
  path: string;
  label: string;
  /** For the host's schema (`auto`): the version of the libvirt installed, when known. */
  libvirtVersion?: string;
}

export class SchemaLoadError extends Error {
  constructor(
    readonly path: string,
    message: string,
  ) {
    super(message);
    this.name = 'SchemaLoadError';
  }
}
