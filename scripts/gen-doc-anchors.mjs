// Maps the elements of the domain to the section of libvirt's formatdomain page that documents them and
// writes server/src/kb/schema/doc-anchors.json (typed and read by server/src/kb/docSections.ts).
//
//   node scripts/gen-doc-anchors.mjs [path/to/formatdomain.rst] [--out file.json]
//
// The page defaults to ../shared/reference/libvirt-11.3.0-formatdomain.rst (from the repository root).
// Its headings give the anchors of the published page (docutils ids: "Block I/O Tuning" -> block-i-o-tuning).
// An element path belongs to the section whose XML examples show it, preferring a section that also
// describes it as a term (``driver``) and whose heading names it. Element paths are resolved against the
// generated structure (server/src/kb/schema/domain-structure.json), so only real paths are written.
// The output holds headings and anchors only, never the page's text, and is stamped with a hash of the
// page and of the structure, which test/kb/doc-anchors.test.ts checks.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const FORMAT = 1;
const STRUCTURE = join(root, 'server/src/kb/schema/domain-structure.json');
const UNDERLINE = /^([=\-~^*#+`:.'"_])\1+$/;

function parseArguments(argv) {
  const options = {
    rst: resolve(root, '../shared/reference/libvirt-11.3.0-formatdomain.rst'),
    out: join(root, 'server/src/kb/schema/doc-anchors.json'),
  };
  for (let i = 0; i < argv.length; i++) {
    const argument = argv[i];
    if (argument === '--out') options.out = resolve(argv[++i]);
    else if (argument.startsWith('--')) throw new Error(`unknown option ${argument}`);
    else options.rst = resolve(argument);
  }
  return options;
}

/** Must match test/kb/doc-anchors.test.ts: sha256 over the page's text, then the structure's. */
export function sourceHash(rstText, structureText) {
  return createHash('sha256').update(rstText).update('\0').update(structureText).digest('hex');
}

/** The heading's text as shown (inline literals and references unwrapped), and its docutils id. */
function heading(title) {
  const text = title.replace(/``([^`]*)``/g, '$1').replace(/`([^`<]*?)`_/g, '$1');
  const anchor = text
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^[-0-9]+|-+$/g, '');
  return { text, anchor };
}

/** Sections in page order, each with its lines; a section ends where the next heading of any level starts. */
function sections(lines) {
  const found = [];
  for (let i = 0; i + 1 < lines.length; i++) {
    const title = lines[i].trim();
    const underline = lines[i + 1].trimEnd();
    if (!title || lines[i].startsWith(' ') || UNDERLINE.test(title)) continue;
    if (!UNDERLINE.test(underline) || underline.length < title.length) continue;
    found.push({ ...heading(title), start: i + 2 });
  }
  return found.map((section, index) => ({ ...section, end: index + 1 < found.length ? found[index + 1].start - 2 : lines.length }));
}

/** The literal blocks of a section: the indented lines after a line ending in `::`. */
function literalBlocks(lines, start, end) {
  const blocks = [];
  for (let i = start; i < end; i++) {
    if (!/::\s*$/.test(lines[i])) continue;
    const indentation = /^ */.exec(lines[i])[0].length;
    const block = [];
    let j = i + 1;
    for (; j < end; j++) {
      const line = lines[j];
      if (line.trim() !== '' && /^ */.exec(line)[0].length <= indentation) break;
      block.push(line);
    }
    blocks.push(block.join('\n'));
    i = j - 1;
  }
  return blocks;
}

/** Element names a section describes as top-level definition terms (a line holding only ``name``). */
function terms(lines, start, end) {
  const names = new Set();
  for (let i = start; i < end; i++) {
    const match = /^``([A-Za-z][\w:.-]*)``\s*$/.exec(lines[i]);
    if (match) names.add(match[1]);
  }
  return names;
}

/**
 * The element paths of an example, each as the list of names from the example's outermost element.
 * Tolerant of the `...` elisions and unbalanced fragments the page uses.
 */
function examplePaths(block) {
  const text = block.replace(/<!--[\s\S]*?-->/g, '');
  const paths = [];
  const stack = [];
  for (const match of text.matchAll(/<(\/?)([A-Za-z][\w:.-]*)((?:\s+[^<>]*?)?)(\/?)>/g)) {
    const [, closing, name, , selfClosing] = match;
    if (closing) {
      const at = stack.lastIndexOf(name);
      if (at >= 0) stack.length = at;
      continue;
    }
    paths.push([...stack, name]);
    if (!selfClosing) stack.push(name);
  }
  return paths;
}

/** The generated structure as a graph: child lookup per definition, and every place of the domain. */
function structureGraph(data) {
  const childOf = (id, name) => data.elements[id].children?.find(([childName]) => childName === name)?.[1];
  const places = [];
  const queue = [{ path: ['domain'], id: data.root, ancestors: new Set([data.root]) }];
  for (let next = queue.shift(); next; next = queue.shift()) {
    places.push(next);
    for (const [name, id] of data.elements[next.id].children ?? []) {
      if (name.includes(':') || next.ancestors.has(id)) continue;
      queue.push({ path: [...next.path, name], id, ancestors: new Set(next.ancestors).add(id) });
    }
  }
  const resolve = (id, names) => {
    let at = id;
    for (const name of names) {
      at = at === undefined ? undefined : childOf(at, name);
      if (at === undefined) return undefined;
    }
    return at;
  };
  return { places, resolve };
}

/**
 * Where an example stands in the domain (the path above its outermost element): from `<domain>` itself,
 * or, for a fragment (`<disk>...`), the one place of its outermost element under which most of the
 * fragment's elements exist. A fragment that fits several places equally (a lone `<source>`) is skipped.
 */
function anchorExample(paths, graph) {
  const rootName = paths[0][0];
  if (rootName === 'domain') return [];
  let best = [];
  let bestFits = 0;
  for (const place of graph.places) {
    if (place.path[place.path.length - 1] !== rootName) continue;
    const fits = paths.filter((path) => graph.resolve(place.id, path.slice(1)) !== undefined).length;
    if (fits > bestFits) [best, bestFits] = [[place], fits];
    else if (fits === bestFits && fits > 0) best.push(place);
  }
  return best.length === 1 ? best[0].path.slice(0, -1) : undefined;
}

/** Section index per element path: the best-scoring section that shows it, the earliest on a tie. */
function mapPaths(lines, found, graph) {
  const best = new Map();
  found.forEach((section, index) => {
    const described = terms(lines, section.start, section.end);
    const headingWords = section.text.toLowerCase().split(/[^a-z0-9_-]+/);
    for (const block of literalBlocks(lines, section.start, section.end)) {
      const paths = examplePaths(block).filter((path) => path.every((name) => !name.includes(':')));
      // A page example may show several fragments one after the other: anchor each outermost element's.
      const groups = new Map();
      for (const path of paths) {
        const key = path[0];
        if (!groups.has(key)) groups.set(key, []);
        groups.get(key).push(path);
      }
      for (const group of groups.values()) {
        const prefix = anchorExample(group, graph);
        if (!prefix) continue;
        for (const path of group) {
          const full = [...prefix, ...path];
          if (full[0] !== 'domain' || graph.resolve(graph.places[0].id, full.slice(1)) === undefined) continue;
          const name = full[full.length - 1];
          const score = (described.has(name) ? 2 : 0) + (headingWords.some((word) => word === name || word === `${name}s`) ? 1 : 0);
          const key = full.join('/');
          const current = best.get(key);
          if (!current || score > current.score) best.set(key, { score, index });
        }
      }
    }
  });
  return new Map([...best].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([key, { index }]) => [key, index]));
}

/** Names whose every mapped path points at one section: the fallback for paths no example shows. */
function mapNames(paths) {
  const sectionsOf = new Map();
  for (const [path, index] of paths) {
    const name = path.slice(path.lastIndexOf('/') + 1);
    if (!sectionsOf.has(name)) sectionsOf.set(name, new Set());
    sectionsOf.get(name).add(index);
  }
  const names = [...sectionsOf].filter(([, indexes]) => indexes.size === 1).map(([name, indexes]) => [name, [...indexes][0]]);
  return new Map(names.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

function render(data) {
  const entries = (map) => `{\n${[...map].map(([key, value]) => `    ${JSON.stringify(key)}: ${JSON.stringify(value)}`).join(',\n')}\n  }`;
  const head = Object.entries(data)
    .filter(([key]) => !['sections', 'paths', 'names'].includes(key))
    .map(([key, value]) => `  ${JSON.stringify(key)}: ${JSON.stringify(value)}`);
  const sectionRows = `[\n${data.sections.map((section) => `    ${JSON.stringify(section)}`).join(',\n')}\n  ]`;
  return `{\n${[...head, `  "sections": ${sectionRows}`, `  "paths": ${entries(data.paths)}`, `  "names": ${entries(data.names)}`].join(',\n')}\n}\n`;
}

function main() {
  const options = parseArguments(process.argv.slice(2));
  const rstText = readFileSync(options.rst, 'utf8');
  const structureText = readFileSync(STRUCTURE, 'utf8');
  const structure = JSON.parse(structureText);
  const lines = rstText.split('\n');
  const found = sections(lines);
  const anchors = found.map((section) => section.anchor);
  const duplicate = anchors.find((anchor, index) => anchors.indexOf(anchor) !== index);
  if (duplicate) throw new Error(`two headings make the anchor ${duplicate}: docutils would number the second`);
  const paths = mapPaths(lines, found, structureGraph(structure));
  const data = {
    format: FORMAT,
    generator: 'scripts/gen-doc-anchors.mjs',
    libvirtVersion: structure.libvirtVersion,
    page: 'https://libvirt.org/formatdomain.html',
    source: basename(options.rst),
    sourceHash: sourceHash(rstText, structureText),
    sections: found.map((section) => [section.anchor, section.text]),
    paths,
    names: mapNames(paths),
  };
  const text = render(data);
  mkdirSync(dirname(options.out), { recursive: true });
  writeFileSync(options.out, text);
  console.log(
    `gen:doc-anchors: ${basename(options.rst)} -> ${relative(root, options.out)}: ${found.length} sections, ` +
      `${paths.size} element paths, ${data.names.size} element names`,
  );
}

main();
