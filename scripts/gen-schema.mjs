// Derives the structure of the whole libvirt domain from libvirt's RelaxNG schema and writes it to
// server/src/kb/schema/domain-structure.json (typed and read by server/src/kb/schema/).
//
//   node scripts/gen-schema.mjs [path/to/domain.rng] [--libvirt-version 11.3.0] [--out file.json]
//
// The schema path defaults to ../shared/corpus/libvirt-11.3.0/schemas/domain.rng (from the repository
// root); the libvirt version is read from a `libvirt-X.Y.Z` folder in that path unless given. The output
// is stamped with a hash of every schema file read, which test/kb/schema-staleness.test.ts checks.
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { RngLoader } from './gen-schema/rng-load.mjs';
import { ContentAnalyzer } from './gen-schema/content.mjs';
import { ValueTable } from './gen-schema/values.mjs';
import { buildElementTable } from './gen-schema/contexts.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const FORMAT = 1;

function parseArguments(argv) {
  const options = {
    schema: resolve(root, '../shared/corpus/libvirt-11.3.0/schemas/domain.rng'),
    out: join(root, 'server/src/kb/schema/domain-structure.json'),
    version: undefined,
  };
  for (let i = 0; i < argv.length; i++) {
    const argument = argv[i];
    if (argument === '--out') options.out = resolve(argv[++i]);
    else if (argument === '--libvirt-version') options.version = argv[++i];
    else if (argument.startsWith('--')) throw new Error(`unknown option ${argument}`);
    else options.schema = resolve(argument);
  }
  options.version ??= /libvirt-(\d+\.\d+\.\d+)/.exec(options.schema)?.[1];
  if (!options.version) throw new Error('cannot tell the libvirt version from the path: pass --libvirt-version');
  return options;
}

/** Must match test/kb/schema-staleness.test.ts: sha256 over each file's name and text, by name. */
function hashSchemaFiles(files) {
  const hash = createHash('sha256');
  for (const [name, text] of [...files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    hash.update(name).update('\0').update(text).update('\0');
  }
  return hash.digest('hex');
}

function compactElement(element) {
  const flags = (...pairs) => pairs.filter(([on]) => on).map(([, letter]) => letter).join('');
  const out = { name: element.name };
  if (element.attributes.length > 0) {
    out.attributes = element.attributes.map((attribute) => {
      const tuple = [attribute.name, attribute.value];
      if (attribute.required || attribute.doc) tuple.push(attribute.required ? 'r' : '');
      if (attribute.doc) tuple.push(attribute.doc);
      return tuple;
    });
  }
  if (element.children.length > 0) {
    out.children = element.children.map((child) => {
      const childFlags = flags([child.required, 'r'], [child.multiple, 'm']);
      return childFlags ? [child.name, child.id, childFlags] : [child.name, child.id];
    });
  }
  if (element.text !== undefined) {
    out.text = element.text;
    if (element.textRequired) out.textRequired = true;
  }
  if (element.openChildren) out.openChildren = true;
  if (element.openAttributes) out.openAttributes = true;
  if (element.flattened) out.flattened = element.discriminators;
  if (element.variants > 1) out.variants = element.variants;
  if (element.defines.length > 0) out.defines = element.defines;
  if (element.doc) out.doc = element.doc;
  return out;
}

/** One table row a line: small diffs when libvirt's schema changes, little space. */
function render(data) {
  const rows = (items) => `[\n${items.map((item) => `    ${JSON.stringify(item)}`).join(',\n')}\n  ]`;
  const head = Object.entries(data)
    .filter(([key]) => key !== 'values' && key !== 'elements')
    .map(([key, value]) => `  ${JSON.stringify(key)}: ${JSON.stringify(value)}`);
  return `{\n${[...head, `  "values": ${rows(data.values)}`, `  "elements": ${rows(data.elements)}`].join(',\n')}\n}\n`;
}

function main() {
  const started = performance.now();
  const options = parseArguments(process.argv.slice(2));
  const loader = new RngLoader();
  const scope = loader.loadGrammar(options.schema);
  const values = new ValueTable();
  const analyzer = new ContentAnalyzer(values);
  const { contexts, elements } = buildElementTable(scope, analyzer, values);
  const files = new Map([...loader.files].map(([path, text]) => [basename(path), text]));
  const data = {
    format: FORMAT,
    generator: 'scripts/gen-schema.mjs',
    libvirtVersion: options.version,
    schema: basename(options.schema),
    schemaFiles: [...files.keys()].sort(),
    schemaHash: hashSchemaFiles(files),
    root: 0,
    values: values.values,
    elements: elements.map(compactElement),
  };
  const text = render(data);
  mkdirSync(dirname(options.out), { recursive: true });
  writeFileSync(options.out, text);
  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  console.log(
    `gen:schema: libvirt ${options.version}, ${files.size} schema files -> ${relative(root, options.out)}: ` +
      `${contexts} element contexts, ${elements.length} distinct definitions, ${values.values.length} value types, ` +
      `${(text.length / 1024).toFixed(0)} KiB, ${seconds} s`,
  );
  for (const [xsd, reason] of values.unconverted) console.log(`  pattern kept for XML Schema only (${reason}): ${xsd}`);
}

main();
