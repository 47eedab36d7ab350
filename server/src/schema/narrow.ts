import { basename, dirname, join } from 'node:path';
import type { RelaxNGValidator, XmlDocument } from 'libxml2-wasm';
import { inheritedContext, RngGrammar, type ElementPattern } from './grammar';
import type { Libxml2 } from './libxml2';
import { lineOf, nodeAt, parseDocument, validateDocument } from './libxmlErrors';
import type { SchemaError } from './types';

/** Compiled per-element schemas kept at once (each holds a full copy of libvirt's grammar). */
const CACHE_SIZE = 16;
/** The errors that say only "something inside this element is wrong". */
const COARSE_KINDS = new Set<SchemaError['kind']>(['extra-in-interleave', 'invalid-content']);

/**
 * Narrows libxml2's whole-document errors: the element they blame is validated alone against the
 * `<element>` patterns the schema allows at its place (libxml2 compiles a schema whose start is those
 * patterns), and again one level down, while that yields errors.
 */
export class Narrower {
  private grammar: RngGrammar | null | undefined;
  private readonly validators = new Map<string, RelaxNGValidator | null>();

  constructor(
    private readonly schemaPath: string,
    private readonly library: Libxml2,
  ) {}

  narrow(document: XmlDocument, errors: SchemaError[]): SchemaError[] {
    let current = errors;
    const tried = new Set([`/${document.root.name}`]);
    for (;;) {
      const target = drillTarget(current);
      if (target === undefined || tried.has(target)) return current;
      tried.add(target);
      const finer = this.validateAlone(document, target);
      if (finer === undefined || finer.length === 0) return current;
      current = withoutRepeats(finer);
    }
  }

  dispose(): void {
    for (const validator of this.validators.values()) validator?.dispose();
    this.validators.clear();
  }

  private validateAlone(document: XmlDocument, path: string): SchemaError[] | undefined {
    const names = path.split('/').slice(1).map((step) => step.replace(/\[\d+\]$/, ''));
    if (names.some((name) => !/^[A-Za-z_][\w.-]*$/.test(name))) return undefined;
    const node = nodeAt(document, path);
    if (!(node instanceof this.library.XmlElement)) return undefined;
    const patterns = this.loadGrammar()?.patternsAt(names);
    if (!patterns) return undefined;
    const validator = this.validatorFor(patterns);
    if (!validator) return undefined;
    const subtree = parseDocument(this.library, node.toString({ format: false }));
    if (Array.isArray(subtree)) return undefined;
    try {
      const scopeLine = Math.max(1, node.line);
      return validateDocument(this.library, validator, subtree).map((error) => {
        const absolute = error.path === undefined ? undefined : rebase(error.path, path);
        return {
          ...error,
          line: absolute === undefined ? scopeLine : lineOf(document, absolute),
          ...(absolute !== undefined ? { path: absolute } : {}),
          scope: path,
        };
      });
    } finally {
      subtree.dispose();
    }
  }

  private loadGrammar(): RngGrammar | null {
    if (this.grammar === undefined) {
      try {
        this.grammar = RngGrammar.load(this.schemaPath);
      } catch {
        this.grammar = null;
      }
    }
    return this.grammar;
  }

  private validatorFor(patterns: readonly ElementPattern[]): RelaxNGValidator | null {
    const start = patterns.length === 1 ? copyOf(patterns[0]!) : `<choice>${patterns.map(copyOf).join('')}</choice>`;
    const cached = this.validators.get(start);
    if (cached !== undefined) {
      this.validators.delete(start);
      this.validators.set(start, cached);
      return cached;
    }
    const validator = this.compileStart(start);
    this.validators.set(start, validator);
    if (this.validators.size > CACHE_SIZE) {
      const [oldestKey, oldest] = this.validators.entries().next().value!;
      oldest?.dispose();
      this.validators.delete(oldestKey);
    }
    return validator;
  }

  private compileStart(start: string): RelaxNGValidator | null {
    const { library } = this;
    const wrapper =
      `<grammar xmlns="http://relaxng.org/ns/structure/1.0"><include href="${escapeAttribute(basename(this.schemaPath))}">` +
      `<start>${start}</start></include></grammar>`;
    let rng: XmlDocument;
    try {
      // The URL only places the wrapper in the schema's folder, so that its include resolves; no such file is read.
      rng = library.XmlDocument.fromString(wrapper, { url: join(dirname(this.schemaPath), '.virt-tune-pinpoint.rng') });
    } catch {
      return null;
    }
    try {
      return library.RelaxNGValidator.fromDoc(rng);
    } catch {
      return null;
    } finally {
      rng.dispose();
    }
  }
}

/** libxml2 repeats a message once per alternative it tried (a choice of patterns). */
function withoutRepeats(errors: readonly SchemaError[]): SchemaError[] {
  const seen = new Set<string>();
  return errors.filter((error) => {
    const key = `${error.path ?? ''}\n${error.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The deepest element a coarse error blames, if any. */
function drillTarget(errors: readonly SchemaError[]): string | undefined {
  let deepest: string | undefined;
  for (const error of errors) {
    if (!COARSE_KINDS.has(error.kind) || error.path === undefined) continue;
    if (deepest === undefined || depth(error.path) > depth(deepest)) deepest = error.path;
  }
  return deepest;
}

/** `/disk/driver` in a subtree rooted at `/domain/devices/disk[2]` is `/domain/devices/disk[2]/driver`. */
function rebase(subtreePath: string, scope: string): string {
  const secondStep = subtreePath.indexOf('/', 1);
  return secondStep < 0 ? scope : scope + subtreePath.slice(secondStep);
}

function depth(path: string): number {
  return path.split('/').length;
}

/** The pattern's text, wrapped so that it keeps the datatype library and namespaces it inherits where written. */
function copyOf(pattern: ElementPattern): string {
  const text = pattern.source.slice(pattern.element.span.start, pattern.element.span.end);
  const context = inheritedContext(pattern.element);
  if (context.size === 0) return text;
  const attributes = [...context].map(([name, value]) => ` ${name}="${escapeAttribute(value)}"`).join('');
  return `<group${attributes}>${text}</group>`;
}

function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
}
