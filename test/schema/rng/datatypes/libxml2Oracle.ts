// libxml2's verdict on a datatype, for the differential tests: a one-element RelaxNG schema
// <element name="v"><data type=... datatypeLibrary=...>params</data></element> per datatype, and one
// document <v>probe</v> per probe. Two libxml2s judge: libxml2-wasm in process (the version the project
// bundles), and xmllint when installed (the system's libxml2, the one libvirt's `define --validate` runs).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { libxml2 } from '../../../../server/src/schema/libxml2';
import type { DatatypeParam } from '../../../../server/src/schema/rng/datatypes';

export interface DataSpec {
  library: string;
  type: string;
  params: readonly DatatypeParam[];
  /** When given, the schema holds <value type=...>this</value> instead of <data>: probes are compared with it. */
  value?: string;
}

function escapeText(value: string): string {
  return value.replace(/[&<>\t\n\r]/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Whether XML can carry the probe at all (XML 1.0 Char). */
export function representable(value: string): boolean {
  return !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(value);
}

export function schemaText(spec: DataSpec): string {
  const params = spec.params.map((param) => `<param name="${param.name}">${escapeText(param.value)}</param>`).join('');
  const pattern =
    spec.value === undefined
      ? `<data type="${spec.type}" datatypeLibrary="${spec.library}">${params}</data>`
      : `<value type="${spec.type}" datatypeLibrary="${spec.library}">${escapeText(spec.value)}</value>`;
  return `<element name="v" xmlns="http://relaxng.org/ns/structure/1.0">${pattern}</element>`;
}

export function documentText(probe: string): string {
  return `<v>${escapeText(probe)}</v>`;
}

/** libxml2-wasm's verdicts, one list per datatype. */
export async function wasmVerdicts(batch: readonly { spec: DataSpec; probes: readonly string[] }[]): Promise<boolean[][]> {
  const verdicts: boolean[][] = [];
  for (const { spec, probes } of batch) verdicts.push(await wasmVerdictsOf(spec, probes));
  return verdicts;
}

async function wasmVerdictsOf(spec: DataSpec, probes: readonly string[]): Promise<boolean[]> {
  const library = await libxml2();
  const schema = library.XmlDocument.fromString(schemaText(spec));
  let validator;
  try {
    validator = library.RelaxNGValidator.fromDoc(schema);
  } finally {
    schema.dispose();
  }
  try {
    return probes.map((probe) => {
      const document = library.XmlDocument.fromString(documentText(probe));
      try {
        validator.validate(document);
        return true;
      } catch (error) {
        if (error instanceof library.XmlValidateError) return false;
        throw error;
      } finally {
        document.dispose();
      }
    });
  } finally {
    validator.dispose();
  }
}

/** Whether xmllint runs here; undefined when it does, else the reason to skip. */
export function xmllintMissing(): string | undefined {
  const run = spawnSync('xmllint', ['--version'], { encoding: 'utf8' });
  return run.status === 0 || (run.stderr ?? '').includes('libxml') ? undefined : 'xmllint is not installed';
}

/** A folder for many small files: tmpfs when there is one (writing 30,000 files to disk takes long). */
function scratchFolder(): string {
  return mkdtempSync(join(existsSync('/dev/shm') ? '/dev/shm' : tmpdir(), 'virt-tune-datatypes-'));
}

/**
 * xmllint's verdicts, one list per datatype: one run over a file per probe, against one schema whose
 * root is element d0, d1, ... for the first, second, ... datatype (a run per datatype would spawn 150).
 */
export function xmllintVerdicts(batch: readonly { spec: DataSpec; probes: readonly string[] }[]): boolean[][] {
  const folder = scratchFolder();
  try {
    const choices = batch.map(({ spec }, index) => schemaText(spec).replace('<element name="v" xmlns="http://relaxng.org/ns/structure/1.0">', `<element name="d${index}">`));
    writeFileSync(join(folder, 's.rng'), `<choice xmlns="http://relaxng.org/ns/structure/1.0">${choices.join('')}</choice>`);
    const files = batch.map(({ probes }, index) =>
      probes.map((probe, number) => {
        const file = `p${index}-${number}.xml`;
        writeFileSync(join(folder, file), `<d${index}>${escapeText(probe)}</d${index}>`);
        return file;
      }),
    );
    // A run per 10,000 files keeps the command line within the system's limit.
    const all = files.flat();
    const verdicts = new Map<string, boolean>();
    let stderr = '';
    for (let start = 0; start < all.length; start += 10_000) {
      const run = spawnSync('xmllint', ['--noout', '--relaxng', 's.rng', ...all.slice(start, start + 10_000)], { cwd: folder, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
      if (run.error) throw run.error;
      stderr = run.stderr;
      for (const line of run.stderr.split('\n')) {
        const match = /^(p\d+-\d+\.xml) (validates|fails to validate)$/.exec(line);
        if (match) verdicts.set(match[1]!, match[2] === 'validates');
      }
    }
    return files.map((list, index) =>
      list.map((file, number) => {
        const verdict = verdicts.get(file);
        if (verdict === undefined) throw new Error(`xmllint gave no verdict on ${JSON.stringify(batch[index]!.probes[number])} for ${schemaText(batch[index]!.spec)}:\n${stderr.slice(0, 2000)}`);
        return verdict;
      }),
    );
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
