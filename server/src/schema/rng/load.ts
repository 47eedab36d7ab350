import { readFileSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { LineStarts } from '../../core/lineStarts';
import { parseXml } from '../../xml/parser';
import type { XmlElement } from '../../xml/types';
import { SchemaLoadError } from '../types';
import { fileStamp } from './cache/stamp';
import { datatypeFor, type DatatypeParam } from './datatypes';
import type { NameClass } from './nameClass';
import { NamespaceScope, splitQName } from './namespaces';
import { Kind, PatternTable, type Pattern } from './pattern';

export const RNG_NAMESPACE = 'http://relaxng.org/ns/structure/1.0';

/** A RelaxNG schema read and simplified: its start pattern, made by its table. */
export interface CompiledGrammar {
  readonly path: string;
  /** Every file the schema was read from, `path` first, with its identity just before it was read (fileStamp). */
  readonly files: readonly { readonly path: string; readonly stamp: string }[];
  readonly table: PatternTable;
  readonly start: Pattern;
  /** Every `<element>` pattern of the schema. */
  readonly elements: readonly Pattern[];
  /** Each `<interleave>` of the schema: its branches in the order written (libxml2 works through them in that order). */
  readonly interleaves: ReadonlyMap<Pattern, readonly Pattern[]>;
  /** Each `<choice>` of the schema: its alternatives in the order written (libxml2 tries them in that order). */
  readonly choices: ReadonlyMap<Pattern, readonly Pattern[]>;
}

/**
 * Reads a RelaxNG schema (XML syntax) and the files it includes or refers to, with the project's XML
 * parser, into patterns as the spec's simplification leaves them (section 4): includes and their
 * overrides, definitions combined, references followed, datatype libraries and `ns` inherited, the
 * abbreviations (optional, zeroOrMore, mixed) written out, name classes with their exceptions.
 * Throws a SchemaLoadError naming the file and line of what it cannot read.
 */
export function compileGrammar(schemaPath: string): CompiledGrammar {
  const path = resolve(schemaPath);
  return new Compiler(path).compile();
}

interface SchemaFile {
  path: string;
  text: string;
  root: XmlElement;
  lines?: LineStarts;
}

/** What a RelaxNG element inherits from where it is written. */
interface Context {
  file: SchemaFile;
  namespaces: NamespaceScope;
  /** The inherited `ns` attribute. */
  ns: string;
  datatypeLibrary: string;
  grammar: Grammar | undefined;
}

/** A `<start>` or `<define>` as written, with its context. */
interface Component {
  element: XmlElement;
  context: Context;
}

interface Definitions {
  starts: Component[];
  defines: Map<string, Component[]>;
}

interface Grammar {
  parent: Grammar | undefined;
  start: Component[];
  defines: Map<string, Component[]>;
  resolved: Map<string, Pattern>;
  resolving: Set<string>;
}

class Compiler {
  private readonly table = new PatternTable();
  private readonly files = new Map<string, SchemaFile>();
  private readonly stamps: { path: string; stamp: string }[] = [];
  private readonly elements: Pattern[] = [];
  private readonly interleaves = new Map<Pattern, Pattern[]>();
  private readonly choices = new Map<Pattern, Pattern[]>();
  /** Elements whose content is still to be read. */
  private readonly pending: { pattern: Pattern; children: XmlElement[]; context: Context }[] = [];
  /** Files being included, to refuse an include of a file by itself. */
  private readonly including: string[] = [];
  /** Every attribute, with where it is written and whether it takes any name (a bare anyName or nsName): see misplacedAttribute. */
  private readonly attributes: { pattern: Pattern; file: SchemaFile; offset: number; anyName: boolean }[] = [];
  /**
   * The groups and interleaves written as such (<group>, <interleave>, <mixed>, a definition combined by
   * interleave), which libxml2's prohibited paths count; not the group a list of patterns makes. A group
   * written as such and an unwritten one of the same parts are one pattern, so such a schema is judged as
   * though both were written.
   */
  private readonly writtenCombinations = new Set<Pattern>();

  constructor(private readonly path: string) {}

  compile(): CompiledGrammar {
    const file = this.read(this.path, undefined);
    const context = this.inside(file.root, this.rootContext(file, ''));
    if (this.rngName(file.root, context) === undefined) this.fail(context, file.root, `<${file.root.name}> is not a RelaxNG element: the schema's root must be in ${RNG_NAMESPACE}.`);
    const start = this.pattern(file.root, context);
    while (this.pending.length > 0) {
      const { pattern, children, context: where } = this.pending.pop()!;
      pattern.content = this.groupOf(children, where);
    }
    const misplaced = this.misplacedAttribute(start);
    if (misplaced) {
      const where = `${misplaced.file.path}:${lineAt(misplaced.file, misplaced.offset)}`;
      throw new SchemaLoadError(this.path, misplaced.anyName
        ? `Cannot compile the RelaxNG schema ${this.path}: ${where}: an <attribute> that takes any name (<anyName/> or <nsName/> without <except>) must stand inside a <oneOrMore> or <zeroOrMore> within its element; libxml2, which libvirt validates with, refuses the schema otherwise (RelaxNG 7.3 asks the same of any such attribute).`
        : `Cannot compile the RelaxNG schema ${this.path}: ${where}: an <attribute> may not stand inside a <group>, <interleave> or <mixed> that is inside a <oneOrMore> or <zeroOrMore> of the same element (RelaxNG 7.1.3 forbids oneOrMore//group//attribute and oneOrMore//interleave//attribute); libxml2, which libvirt validates with, refuses the schema.`);
    }
    this.table.seal();
    return { path: this.path, files: this.stamps, table: this.table, start, elements: this.elements, interleaves: this.interleaves, choices: this.choices };
  }

  private rootContext(file: SchemaFile, ns: string): Context {
    return { file, namespaces: NamespaceScope.ROOT, ns, datatypeLibrary: '', grammar: undefined };
  }

  // --- files ---------------------------------------------------------------------------------

  private read(path: string, from: { context: Context; element: XmlElement } | undefined): SchemaFile {
    const known = this.files.get(path);
    if (known) return known;
    let text: string;
    try {
      // Taken before the read: a file changed after it no longer matches what the schema cache holds.
      this.stamps.push({ path, stamp: fileStamp(path) });
      text = readFileSync(path, 'utf8');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      const reason = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : code === 'EACCES' ? 'permission denied' : (code ?? String(error));
      if (!from) throw new SchemaLoadError(this.path, `Cannot read the libvirt schema ${path}: ${reason}.`);
      this.fail(from.context, from.element, `cannot read ${path}, which this refers to: ${reason}.`);
    }
    const xml = parseXml(text);
    const file: SchemaFile = { path, text, root: xml.root! };
    const problem = xml.problems[0];
    if (problem || !xml.root) {
      const line = problem ? lineAt(file, problem.span.start) : 1;
      throw new SchemaLoadError(this.path, `Cannot compile the RelaxNG schema ${this.path}: ${path}:${line}: not well-formed XML${problem ? `: ${problem.message}` : ''}.`);
    }
    this.files.set(path, file);
    return file;
  }

  private place(context: Context, element: XmlElement): string {
    return `${basename(context.file.path)}:${lineAt(context.file, element.span.start)}`;
  }

  private fail(context: Context, element: XmlElement, message: string): never {
    throw new SchemaLoadError(this.path, `Cannot compile the RelaxNG schema ${this.path}: ${context.file.path}:${lineAt(context.file, element.span.start)}: ${message}`);
  }

  /** The context inside a RelaxNG element: its own xmlns, ns and datatypeLibrary attributes over the outer ones. */
  private inside(element: XmlElement, outer: Context): Context {
    const namespaces = outer.namespaces.enter(element);
    const ns = attr(element, 'ns');
    const library = attr(element, 'datatypeLibrary');
    if (namespaces === outer.namespaces && ns === undefined && library === undefined) return outer;
    return { ...outer, namespaces, ns: ns ?? outer.ns, datatypeLibrary: library === undefined ? outer.datatypeLibrary : library.trim() };
  }

  /** The RelaxNG elements among an element's children; elements of other namespaces are annotations. */
  private rngChildren(element: XmlElement, context: Context): { element: XmlElement; context: Context }[] {
    const result: { element: XmlElement; context: Context }[] = [];
    for (const child of element.children) {
      if (child.kind !== 'element') continue;
      const inner = this.inside(child, context);
      if (this.rngName(child, inner) !== undefined) result.push({ element: child, context: inner });
    }
    return result;
  }

  /** The element's local name when it is a RelaxNG element. */
  private rngName(element: XmlElement, context: Context): string | undefined {
    const { prefix, local } = splitQName(element.name);
    return context.namespaces.uri(prefix) === RNG_NAMESPACE ? local : undefined;
  }

  // --- grammars ------------------------------------------------------------------------------

  private grammar(element: XmlElement, context: Context): Pattern {
    const grammar: Grammar = { parent: context.grammar, start: [], defines: new Map(), resolved: new Map(), resolving: new Set() };
    const inner: Context = { ...context, grammar };
    const found = this.definitions(element, inner);
    grammar.start = found.starts;
    grammar.defines = found.defines;
    if (grammar.start.length === 0) this.fail(context, element, 'this grammar has no <start>.');
    // Every definition is checked, also those nothing refers to (libxml2 refuses them too).
    for (const [name, components] of grammar.defines) this.combination(components, `"${name}"`);
    return this.combined(grammar.start, 'start', inner);
  }

  /** The starts and defines of a grammar's content: divs opened, includes read with their overrides. */
  private definitions(container: XmlElement, context: Context): Definitions {
    const result: Definitions = { starts: [], defines: new Map() };
    for (const { element, context: inner } of this.rngChildren(container, context)) {
      switch (this.rngName(element, inner)) {
        case 'start':
          result.starts.push({ element, context: inner });
          break;
        case 'define': {
          const name = this.requiredAttr(element, inner, 'name');
          const list = result.defines.get(name) ?? [];
          list.push({ element, context: inner });
          result.defines.set(name, list);
          break;
        }
        case 'div':
          merge(result, this.definitions(element, inner));
          break;
        case 'include':
          merge(result, this.include(element, inner));
          break;
        default:
          this.fail(inner, element, `<${element.name}> cannot be inside a <grammar>: only start, define, div and include can.`);
      }
    }
    return result;
  }

  private include(element: XmlElement, context: Context): Definitions {
    const path = resolve(dirname(context.file.path), this.requiredAttr(element, context, 'href'));
    if (this.including.includes(path)) this.fail(context, element, `${basename(path)} includes itself.`);
    const file = this.read(path, { context, element });
    const fileContext = this.inside(file.root, this.rootContext(file, attr(file.root, 'ns') === undefined ? context.ns : ''));
    if (this.rngName(file.root, fileContext) !== 'grammar') this.fail(context, element, `${basename(path)} is included, so its root must be a <grammar>.`);
    this.including.push(path);
    const included = this.definitions(file.root, { ...fileContext, grammar: context.grammar });
    this.including.pop();
    const overrides = this.definitions(element, context);
    if (overrides.starts.length > 0) {
      if (included.starts.length === 0) this.fail(context, element, `this <include> replaces the <start> of ${basename(path)}, which has none.`);
      included.starts = [];
    }
    for (const name of overrides.defines.keys()) {
      if (!included.defines.has(name)) this.fail(context, element, `this <include> replaces the definition "${name}", which ${basename(path)} does not have.`);
      included.defines.delete(name);
    }
    merge(included, overrides);
    return included;
  }

  /** The pattern of a start or of a define's components, combined as their `combine` attributes say. */
  private combined(components: readonly Component[], what: string, context: Context): Pattern {
    const combine = this.combination(components, what);
    const patterns = components.map(({ element, context: inner }) => this.groupOf(this.rngChildren(element, inner).map((child) => child.element), inner, element));
    let result: Pattern | undefined;
    if (combine === 'interleave') {
      result = interleaved(this.table, patterns);
      if (result !== undefined) this.written(result);
    }
    else for (const pattern of patterns) result = result === undefined ? pattern : this.table.choice(result, pattern);
    if (result === undefined) throw new SchemaLoadError(this.path, `Cannot compile the RelaxNG schema ${this.path}: ${context.file.path}: ${what} has no definition.`);
    return result;
  }

  /** How the parts of a start or define combine; at most one of them may say nothing (spec 4.17). */
  private combination(components: readonly Component[], what: string): string | undefined {
    let combine: string | undefined;
    let plain = 0;
    for (const { element, context: inner } of components) {
      const value = attr(element, 'combine')?.trim();
      if (value === undefined) plain++;
      else if (value !== 'choice' && value !== 'interleave') this.fail(inner, element, `combine="${value}": RelaxNG knows only choice and interleave.`);
      else if (combine !== undefined && combine !== value) this.fail(inner, element, `${what} is combined both by choice and by interleave.`);
      else combine = value;
      if (plain > 1) this.fail(inner, element, `${what} is defined twice without a combine attribute.`);
    }
    return combine;
  }

  private reference(element: XmlElement, context: Context, grammar: Grammar | undefined): Pattern {
    const name = this.requiredAttr(element, context, 'name');
    if (!grammar) this.fail(context, element, `<${element.name} name="${name}"> outside a grammar that could define it.`);
    const known = grammar.resolved.get(name);
    if (known) return known;
    const components = grammar.defines.get(name);
    if (!components) this.fail(context, element, `no definition of "${name}".`);
    if (grammar.resolving.has(name)) this.fail(context, element, `"${name}" refers to itself without an <element> in between, which RelaxNG does not allow.`);
    grammar.resolving.add(name);
    const pattern = this.combined(components, `"${name}"`, components[0]!.context);
    grammar.resolving.delete(name);
    grammar.resolved.set(name, pattern);
    return pattern;
  }

  // --- patterns ------------------------------------------------------------------------------

  /** The group of the RelaxNG patterns among `children` (empty when there are none, `owner` given). */
  private groupOf(children: readonly XmlElement[], context: Context, owner?: XmlElement): Pattern {
    let result: Pattern | undefined;
    for (const child of children) {
      const inner = this.inside(child, context);
      if (this.rngName(child, inner) === undefined) continue;
      const pattern = this.pattern(child, inner);
      result = result === undefined ? pattern : this.table.group(result, pattern);
    }
    if (result === undefined) {
      if (owner) this.fail(context, owner, `<${owner.name}> needs a pattern inside it.`);
      return this.table.empty;
    }
    return result;
  }

  private patternsOf(element: XmlElement, context: Context): XmlElement[] {
    return this.rngChildren(element, context).map((child) => child.element);
  }

  /** The pattern a RelaxNG element stands for; `context` is the one inside it. */
  private pattern(element: XmlElement, context: Context): Pattern {
    const { table } = this;
    const name = this.rngName(element, context);
    switch (name) {
      case 'element':
        return this.elementPattern(element, context);
      case 'attribute':
        return this.attributePattern(element, context);
      case 'group':
        return this.written(this.groupOf(this.patternsOf(element, context), context, element));
      case 'interleave': {
        const branches = this.rngChildren(element, context).map((child) => this.pattern(child.element, child.context));
        const result = interleaved(table, branches);
        if (result === undefined) this.fail(context, element, '<interleave> needs a pattern inside it.');
        if (branches.length > 1 && !this.interleaves.has(result)) this.interleaves.set(result, branches);
        return this.written(result);
      }
      case 'choice': {
        const alternatives = this.rngChildren(element, context).map((child) => this.pattern(child.element, child.context));
        let result: Pattern | undefined;
        for (const alternative of alternatives) result = result === undefined ? alternative : table.choice(result, alternative);
        if (result === undefined) this.fail(context, element, '<choice> needs a pattern inside it.');
        if (alternatives.length > 1 && !this.choices.has(result)) this.choices.set(result, alternatives);
        return result;
      }
      case 'optional':
        return table.choice(this.groupOf(this.patternsOf(element, context), context, element), table.empty);
      case 'zeroOrMore':
        return table.choice(table.oneOrMore(this.groupOf(this.patternsOf(element, context), context, element)), table.empty);
      case 'oneOrMore':
        return table.oneOrMore(this.groupOf(this.patternsOf(element, context), context, element));
      case 'mixed':
        return this.written(table.interleave(this.groupOf(this.patternsOf(element, context), context, element), table.text));
      case 'list':
        return table.list(this.groupOf(this.patternsOf(element, context), context, element));
      case 'empty':
        return table.empty;
      case 'text':
        return table.text;
      case 'notAllowed':
        return table.notAllowed;
      case 'ref':
        return this.reference(element, context, context.grammar);
      case 'parentRef':
        return this.reference(element, context, context.grammar?.parent);
      case 'value':
        return this.valuePattern(element, context);
      case 'data':
        return this.dataPattern(element, context);
      case 'grammar':
        return this.grammar(element, context);
      case 'externalRef': {
        const path = resolve(dirname(context.file.path), this.requiredAttr(element, context, 'href'));
        if (this.including.includes(path)) this.fail(context, element, `${basename(path)} refers to itself.`);
        const file = this.read(path, { context, element });
        const fileContext = this.inside(file.root, this.rootContext(file, attr(file.root, 'ns') === undefined ? context.ns : ''));
        if (this.rngName(file.root, fileContext) === undefined) this.fail(context, element, `${basename(path)} is not a RelaxNG schema.`);
        this.including.push(path);
        const pattern = this.pattern(file.root, fileContext);
        this.including.pop();
        return pattern;
      }
      default:
        return this.fail(context, element, `<${element.name}> is not a RelaxNG pattern this validator knows.`);
    }
  }

  private fold(element: XmlElement, context: Context, combine: (a: Pattern, b: Pattern) => Pattern): Pattern {
    let result: Pattern | undefined;
    for (const child of this.rngChildren(element, context)) {
      const pattern = this.pattern(child.element, child.context);
      result = result === undefined ? pattern : combine(result, pattern);
    }
    return result ?? this.fail(context, element, `<${element.name}> needs a pattern inside it.`);
  }

  private elementPattern(element: XmlElement, context: Context): Pattern {
    const named = attr(element, 'name');
    const children = this.rngChildren(element, context);
    let names: NameClass;
    let content: XmlElement[];
    if (named !== undefined) {
      names = this.qualified(named, context, element, context.ns);
      content = children.map((child) => child.element);
    } else {
      const [first, ...rest] = children;
      if (!first) this.fail(context, element, '<element> needs a name or a name class.');
      names = this.nameClass(first.element, first.context);
      content = rest.map((child) => child.element);
    }
    if (content.length === 0) this.fail(context, element, '<element> needs a pattern for its content.');
    const pattern = this.table.element(names, this.place(context, element));
    this.elements.push(pattern);
    this.pending.push({ pattern, children: content, context });
    return pattern;
  }

  private attributePattern(element: XmlElement, context: Context): Pattern {
    const named = attr(element, 'name');
    const children = this.rngChildren(element, context);
    let names: NameClass;
    let valueChildren: XmlElement[];
    if (named !== undefined) {
      // An attribute named by its name attribute is in no namespace unless it says so itself (spec 4.8).
      names = this.qualified(named, context, element, attr(element, 'ns') ?? '');
      valueChildren = children.map((child) => child.element);
    } else {
      const [first, ...rest] = children;
      if (!first) this.fail(context, element, '<attribute> needs a name or a name class.');
      names = this.nameClass(first.element, first.context);
      valueChildren = rest.map((child) => child.element);
    }
    const value = valueChildren.length === 0 ? this.table.text : this.groupOf(valueChildren, context);
    const pattern = this.table.attribute(names, value, this.place(context, element));
    this.attributes.push({ pattern, file: context.file, offset: element.span.start, anyName: (names.kind === 'anyName' || names.kind === 'nsName') && !names.except });
    return pattern;
  }

  /** Records a group or interleave written as such (a group of one pattern is that pattern, and not counted). */
  private written(pattern: Pattern): Pattern {
    if (pattern.kind === Kind.Group || pattern.kind === Kind.Interleave) this.writtenCombinations.add(pattern);
    return pattern;
  }

  /**
   * The first attribute (in the order written) that libxml2 refuses where it stands, or undefined:
   * - one that takes any name (a bare anyName or nsName, not a choice holding one, nor one with an
   *   except) reached from its element's content (or the start) without a oneOrMore between them
   *   (RelaxNG 7.3);
   * - any attribute reached from a oneOrMore through a group or interleave written as such, with no
   *   element between (RelaxNG 7.1.3's oneOrMore//group//attribute and oneOrMore//interleave//attribute;
   *   xmllint 2.9.14 takes a oneOrMore or define of several patterns, which make an unwritten group).
   * References are followed; an element starts afresh.
   */
  private misplacedAttribute(start: Pattern): { file: SchemaFile; offset: number; anyName: boolean } | undefined {
    const alone = new Set<Pattern>();
    const grouped = new Set<Pattern>();
    // Each pattern met at most once in each state: outside a oneOrMore, inside one, inside one and a written group.
    const met = [new Set<Pattern>(), new Set<Pattern>(), undefined, new Set<Pattern>()];
    const contents = new Set<Pattern>();
    const stack: { pattern: Pattern; state: number }[] = [{ pattern: start, state: OUTSIDE }];
    while (stack.length > 0) {
      const { pattern, state } = stack.pop()!;
      const seen = met[state]!;
      if (seen.has(pattern)) continue;
      seen.add(pattern);
      switch (pattern.kind) {
        case Kind.Group:
        case Kind.Interleave: {
          const inner = state !== OUTSIDE && this.writtenCombinations.has(pattern) ? GROUPED : state;
          stack.push({ pattern: pattern.a!, state: inner }, { pattern: pattern.b!, state: inner });
          break;
        }
        case Kind.Choice:
          stack.push({ pattern: pattern.a!, state }, { pattern: pattern.b!, state });
          break;
        case Kind.OneOrMore:
          stack.push({ pattern: pattern.a!, state: state | REPEATED });
          break;
        case Kind.List:
          stack.push({ pattern: pattern.a!, state });
          break;
        case Kind.Attribute:
          if (state === OUTSIDE) alone.add(pattern);
          else if (state === GROUPED) grouped.add(pattern);
          break;
        case Kind.Element:
          if (!contents.has(pattern)) {
            contents.add(pattern);
            stack.push({ pattern: pattern.content!, state: OUTSIDE });
          }
          break;
        default:
          break;
      }
    }
    return this.attributes.find(({ pattern, anyName }) => grouped.has(pattern) || (anyName && alone.has(pattern)));
  }

  private valuePattern(element: XmlElement, context: Context): Pattern {
    const type = attr(element, 'type')?.trim();
    const library = type === undefined ? '' : context.datatypeLibrary;
    const datatype = datatypeFor(library, type ?? 'token', []);
    if (typeof datatype === 'string') this.fail(context, element, datatype);
    for (const child of element.children) if (child.kind === 'element') this.fail(context, element, '<value> holds text only.');
    return this.table.value(datatype, rawText(element, context.file.text), this.place(context, element));
  }

  private dataPattern(element: XmlElement, context: Context): Pattern {
    const type = this.requiredAttr(element, context, 'type').trim();
    const params: DatatypeParam[] = [];
    let except: Pattern | undefined;
    for (const { element: child, context: inner } of this.rngChildren(element, context)) {
      const name = this.rngName(child, inner);
      if (name === 'param') {
        if (except) this.fail(inner, child, '<param> must come before <except>.');
        params.push({ name: this.requiredAttr(child, inner, 'name').trim(), value: rawText(child, inner.file.text) });
      } else if (name === 'except') {
        except = this.fold(child, inner, (a, b) => this.table.choice(a, b));
      } else {
        this.fail(inner, child, `<${child.name}> cannot be inside <data>.`);
      }
    }
    const datatype = datatypeFor(context.datatypeLibrary, type, params);
    if (typeof datatype === 'string') this.fail(context, element, datatype);
    return this.table.data(datatype, type, except, this.place(context, element));
  }

  // --- names ---------------------------------------------------------------------------------

  private qualified(written: string, context: Context, element: XmlElement, ns: string): NameClass {
    const { prefix, local } = splitQName(written.trim());
    if (prefix === '') return { kind: 'name', ns, local };
    const uri = context.namespaces.uri(prefix);
    if (uri === undefined) this.fail(context, element, `the prefix "${prefix}" of "${written.trim()}" is not declared.`);
    return { kind: 'name', ns: uri, local };
  }

  private nameClass(element: XmlElement, context: Context): NameClass {
    switch (this.rngName(element, context)) {
      case 'name':
        return this.qualified(rawText(element, context.file.text), context, element, context.ns);
      case 'anyName':
        return { kind: 'anyName', except: this.exceptOf(element, context) };
      case 'nsName':
        return { kind: 'nsName', ns: context.ns, except: this.exceptOf(element, context) };
      case 'choice': {
        let result: NameClass | undefined;
        for (const child of this.rngChildren(element, context)) {
          const names = this.nameClass(child.element, child.context);
          result = result === undefined ? names : { kind: 'choice', a: result, b: names };
        }
        return result ?? this.fail(context, element, '<choice> needs a name class inside it.');
      }
      default:
        return this.fail(context, element, `<${element.name}> is not a name class (name, anyName, nsName or choice).`);
    }
  }

  private exceptOf(element: XmlElement, context: Context): NameClass | undefined {
    const [except, ...more] = this.rngChildren(element, context);
    if (!except) return undefined;
    if (more.length > 0 || this.rngName(except.element, except.context) !== 'except') this.fail(context, element, `<${element.name}> may hold one <except> only.`);
    let result: NameClass | undefined;
    for (const child of this.rngChildren(except.element, except.context)) {
      const names = this.nameClass(child.element, child.context);
      result = result === undefined ? names : { kind: 'choice', a: result, b: names };
    }
    return result ?? this.fail(except.context, except.element, '<except> needs a name class inside it.');
  }

  private requiredAttr(element: XmlElement, context: Context, name: string): string {
    const value = attr(element, name);
    if (value === undefined) this.fail(context, element, `<${element.name}> needs a ${name} attribute.`);
    return value.trim();
  }
}

function merge(into: Definitions, from: Definitions): void {
  into.starts.push(...from.starts);
  for (const [name, components] of from.defines) {
    const list = into.defines.get(name);
    if (list) list.push(...components);
    else into.defines.set(name, [...components]);
  }
}

function attr(element: XmlElement, name: string): string | undefined {
  for (const attribute of element.attributes) if (attribute.name === name) return attribute.value;
  return undefined;
}

/** The element's text as written (entities decoded, CDATA included), not trimmed. */
function rawText(element: XmlElement, source: string): string {
  let value = '';
  for (const child of element.children) {
    if (child.kind === 'text') value += child.value;
    else if (child.kind === 'cdata') value += source.slice(child.span.start + 9, child.span.end - 3);
  }
  return value;
}

/** misplacedAttribute's states: a bit for inside a oneOrMore, another for inside a written group or interleave there. */
const OUTSIDE = 0;
const REPEATED = 1;
const GROUPED = 3;

function lineAt(file: SchemaFile, offset: number): number {
  return (file.lines ??= new LineStarts(file.text)).position(offset).line;
}

/**
 * The interleave of the branches, as a balanced tree: a derivative rebuilds the interleaves above the
 * branch it changes, a few levels here where a chain of libvirt's 37 branches would rebuild up to 36.
 */
function interleaved(table: PatternTable, branches: readonly Pattern[], from = 0, to = branches.length): Pattern | undefined {
  if (to - from <= 1) return branches[from];
  const middle = (from + to) >>> 1;
  return table.interleave(interleaved(table, branches, from, middle)!, interleaved(table, branches, middle, to)!);
}
