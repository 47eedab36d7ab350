import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import type { RelaxNGValidator, XmlDocument } from 'libxml2-wasm';
import { allowSchemaFolder, libxml2, type Libxml2 } from './libxml2';
import { describeError, parseDocument, validateDocument } from './libxmlErrors';
import { Narrower } from './narrow';
import { SchemaLoadError, type SchemaError, type SchemaValidator } from './types';

const compiled = new Map<string, Promise<SchemaValidator>>();

/**
 * libvirt's domain schema compiled by libxml2, once per path for the life of the process. Rejects with
 * a SchemaLoadError that says what is wrong when the file is missing or is not a schema libxml2 accepts;
 * a failure is not remembered, so a fixed file is picked up by the next call.
 */
export function loadSchema(domainRngPath: string): Promise<SchemaValidator> {
  const path = resolve(domainRngPath);
  let pending = compiled.get(path);
  if (!pending) {
    pending = compile(path);
    compiled.set(path, pending);
    pending.catch(() => compiled.delete(path));
  }
  return pending;
}

async function compile(path: string): Promise<SchemaValidator> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : code === 'EACCES' ? 'permission denied' : (code ?? String(error));
    throw new SchemaLoadError(path, `Cannot read the libvirt schema ${path}: ${reason}.`);
  }
  let library: Libxml2;
  try {
    library = await libxml2();
  } catch (error) {
    throw new SchemaLoadError(path, `libxml2-wasm could not be loaded, so the libvirt schema ${path} cannot be used: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
  }
  allowSchemaFolder(dirname(path));
  let rng: XmlDocument;
  try {
    rng = library.XmlDocument.fromBuffer(bytes, { url: path });
  } catch (error) {
    throw new SchemaLoadError(path, `The libvirt schema ${path} is not well-formed XML: ${describeError(library, error)}`);
  }
  try {
    return new LibxmlSchema(path, library, library.RelaxNGValidator.fromDoc(rng));
  } catch (error) {
    throw new SchemaLoadError(path, `libxml2 cannot compile the RelaxNG schema ${path}: ${describeError(library, error)}`);
  } finally {
    // libxml2 keeps its own copy of the schema document.
    rng.dispose();
  }
}

class LibxmlSchema implements SchemaValidator {
  private narrower: Narrower | undefined;

  constructor(
    readonly path: string,
    private readonly library: Libxml2,
    private readonly schema: RelaxNGValidator,
  ) {}

  validate(text: string): SchemaError[] {
    const document = parseDocument(this.library, text);
    if (Array.isArray(document)) return document;
    try {
      return validateDocument(this.library, this.schema, document);
    } finally {
      document.dispose();
    }
  }

  pinpoint(text: string): SchemaError[] {
    const document = parseDocument(this.library, text);
    if (Array.isArray(document)) return document;
    try {
      const errors = validateDocument(this.library, this.schema, document);
      if (errors.length === 0) return errors;
      this.narrower ??= new Narrower(this.path, this.library);
      return this.narrower.narrow(document, errors);
    } finally {
      document.dispose();
    }
  }

  dispose(): void {
    this.schema.dispose();
    this.narrower?.dispose();
    this.narrower = undefined;
    compiled.delete(this.path);
  }
}
