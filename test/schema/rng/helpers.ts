import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const RNG = 'xmlns="http://relaxng.org/ns/structure/1.0"';
export const XSD = 'datatypeLibrary="http://www.w3.org/2001/XMLSchema-datatypes"';

/** Writes schema files into a fresh folder; returns the path of the first. */
export function schemaFiles(files: Record<string, string>): string {
  const folder = mkdtempSync(join(tmpdir(), 'virt-tune-rng-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(folder, name), text);
  return join(folder, Object.keys(files)[0]!);
}

/** A one-file schema whose start is `start`, with `defines` beside it. */
export function grammar(start: string, defines = '', attributes = XSD): string {
  return schemaFiles({ 'main.rng': `<grammar ${RNG} ${attributes}><start>${start}</start>${defines}</grammar>` });
}
