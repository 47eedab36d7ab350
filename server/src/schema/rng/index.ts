import { resolve } from 'node:path';
import { parseXml } from '../../xml/parser';
import type { XmlDocument, XmlElement } from '../../xml/types';
import { AllowedMemo, allowedAt, type AllowedHere, type AllowedOptions } from './allowed';
import type { SchemaError, SchemaValidator } from '../types';
import { Deriver } from './derive';
import { ElementMemo } from './elementMemo';
import { Libxml2Interleaves } from './libxml2Interleave';
import { readCachedGrammar, writeCachedGrammar } from './cache/store';
import { compileGrammar, type CompiledGrammar } from './load';
import { validateTree } from './validate';

/** A SchemaValidator that can also judge a tree the caller has already parsed. */
export interface TreeValidator extends SchemaValidator {
  /** The verdict on a document parsed with the project's parser (`parseXml`) from the same text. */
  validateTree(xml: XmlDocument): SchemaError[];
  /** What the schema allows at an element of the document, per variant (see `allowedAt`). */
  allowedAt(xml: XmlDocument, element: XmlElement, options?: AllowedOptions): AllowedHere | undefined;
}

const compiled = new Map<string, RngValidator>();
/** Where compiled schemas are kept between processes, once a caller asks for that (keepCompiledSchemas). */
let cacheFolder: string | undefined;

/**
 * virt-tune's own RelaxNG validator for a schema, compiled on first use and kept for the process.
 * Throws a SchemaLoadError naming the file and line of what it cannot read; that is not remembered.
 */
export function loadRngSchema(schemaPath: string): TreeValidator {
  const path = resolve(schemaPath);
  let validator = compiled.get(path);
  if (!validator) {
    let grammar = cacheFolder === undefined ? undefined : readCachedGrammar(cacheFolder, path);
    if (!grammar) {
      grammar = compileGrammar(path);
      if (cacheFolder !== undefined) writeCachedGrammar(cacheFolder, grammar);
    }
    validator = new RngValidator(grammar);
    compiled.set(path, validator);
  }
  return validator;
}

/**
 * From now on, schemas are read from the schema cache in `folder` when it holds them as their files are
 * now, and kept there once compiled (cache/store.ts); `undefined` turns that off.
 */
export function keepCompiledSchemas(folder: string | undefined): void {
  cacheFolder = folder;
}

/** The schema cache folder keepCompiledSchemas set last (undefined: none), for a worker thread to use the same. */
export function compiledSchemasFolder(): string | undefined {
  return cacheFolder;
}

class RngValidator implements TreeValidator {
  private readonly deriver: Deriver;
  private readonly quirks: Libxml2Interleaves;
  /** allowedAt's memos, which hold patterns: cleared whenever the table starts afresh. */
  private readonly allowed = new AllowedMemo();
  /** Whole elements judged without a mistake, by their text: also patterns, cleared with allowedAt's. */
  private readonly elements = new ElementMemo();

  constructor(private readonly grammar: CompiledGrammar) {
    this.deriver = new Deriver(grammar.table);
    this.quirks = new Libxml2Interleaves(grammar);
  }

  get path(): string {
    return this.grammar.path;
  }

  validate(text: string): SchemaError[] {
    return this.validateTree(parseXml(text));
  }

  validateTree(xml: XmlDocument): SchemaError[] {
    this.trim();
    return validateTree(this.grammar, this.deriver, this.quirks, xml, this.elements);
  }

  allowedAt(xml: XmlDocument, element: XmlElement, options?: AllowedOptions): AllowedHere | undefined {
    this.trim();
    return allowedAt(this.grammar, this.deriver, xml, element, options, this.allowed);
  }

  private trim(): void {
    if (!this.grammar.table.trim()) return;
    this.allowed.clear();
    this.elements.clear();
  }

  /** Derivatives place each error exactly already. */
  pinpoint(text: string): SchemaError[] {
    return this.validate(text);
  }

  dispose(): void {
    compiled.delete(this.grammar.path);
  }
}
