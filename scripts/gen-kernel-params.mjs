// Lists the parameter names that the kernel's Documentation/admin-guide/kernel-parameters.txt documents,
// into server/src/kb/cmdline/documented-names.json (read by server/src/kb/cmdline/documented.ts). Names only:
// what virt-tune says about a parameter is written by hand in server/src/kb/cmdline/*.ts.
//
//   node scripts/gen-kernel-params.mjs [path/to/kernel-parameters-X.Y.txt] [--out file.json]
//
// The input defaults to ../shared/reference/kernel-parameters-6.12.txt (from the repository root); the
// kernel version is read from its name. test/cmdline/documented-names.test.ts checks the committed file.
import { readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

function parseArguments(argv) {
  const options = { input: resolve(root, '../shared/reference/kernel-parameters-6.12.txt'), out: join(root, 'server/src/kb/cmdline/documented-names.json') };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--out') options.out = resolve(argv[++i]);
    else if (argv[i].startsWith('--')) throw new Error(`unknown option ${argv[i]}`);
    else options.input = resolve(argv[i]);
  }
  return options;
}

// An entry starts at one tab (or eight spaces) of indentation; its description is indented further.
const ENTRY = /^(?:\t| {8})([A-Za-z0-9_<][A-Za-z0-9_.<>*-]*)(?==|\[|\s|$)/;

export function documentedNames(text) {
  const names = new Set();
  const prefixes = new Set();
  for (const line of text.split('\n')) {
    const match = ENTRY.exec(line);
    if (!match) continue;
    const name = match[1];
    if (name.startsWith('<module>')) continue;
    if (name.endsWith('.*')) prefixes.add(name.slice(0, -1));
    else names.add(name);
  }
  const sorted = (set) => [...set].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return { names: sorted(names), prefixes: sorted(prefixes) };
}

const options = parseArguments(process.argv.slice(2));
const version = /kernel-parameters-(\d+\.\d+)/.exec(basename(options.input))?.[1];
if (!version) throw new Error('cannot tell the kernel version from the file name (kernel-parameters-X.Y.txt)');
const { names, prefixes } = documentedNames(readFileSync(options.input, 'utf8'));
const output = { kernelVersion: version, source: 'Documentation/admin-guide/kernel-parameters.txt', prefixes, names };
writeFileSync(options.out, `${JSON.stringify(output, null, 1)}\n`);
console.log(`${options.out}: ${names.length} names, ${prefixes.length} prefixes (Linux ${version})`);
