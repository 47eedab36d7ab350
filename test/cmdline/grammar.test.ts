import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..', '..');

interface PackageJson {
  activationEvents: string[];
  contributes: {
    languages: { id: string; filenames?: string[]; filenamePatterns?: string[]; extensions?: string[]; configuration?: string }[];
    grammars: { language: string; scopeName: string; path: string }[];
  };
}

function grammar(name: string): Record<string, unknown> {
  return JSON.parse(readFileSync(join(ROOT, 'syntaxes', name), 'utf8')) as Record<string, unknown>;
}

/** Every `match`, `begin` and `end` of a grammar, wherever it is nested. */
function regexes(node: unknown, found: string[] = []): string[] {
  if (Array.isArray(node)) for (const child of node) regexes(child, found);
  else if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if ((key === 'match' || key === 'begin' || key === 'end') && typeof value === 'string') found.push(value);
      else regexes(value, found);
    }
  }
  return found;
}

test('package.json contributes the grub and kernel-cmdline languages, their grammars and activation', () => {
  const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as PackageJson;
  for (const id of ['grub', 'kernel-cmdline']) {
    assert.ok(manifest.activationEvents.includes(`onLanguage:${id}`), id);
    const language = manifest.contributes.languages.find((entry) => entry.id === id);
    assert.ok(language?.configuration, id);
    JSON.parse(readFileSync(join(ROOT, language.configuration), 'utf8'));
    const contributed = manifest.contributes.grammars.find((entry) => entry.language === id);
    assert.ok(contributed, id);
    assert.equal(grammar(contributed.path.replace('./syntaxes/', '')).scopeName, contributed.scopeName);
  }
  const grub = manifest.contributes.languages.find((entry) => entry.id === 'grub')!;
  assert.deepEqual(grub.filenames, ['grub.cfg', 'grub2.cfg', 'grub2-efi.cfg', 'grub.conf', 'menu.lst']);
  assert.ok(grub.filenamePatterns?.includes('**/default/grub'));
  assert.ok(grub.filenamePatterns?.includes('**/loader/entries/*.conf'));
});

test('every regular expression of the two grammars compiles', () => {
  for (const name of ['grub.tmLanguage.json', 'kernel-cmdline.tmLanguage.json']) {
    const found = regexes(grammar(name));
    assert.ok(found.length >= 2, name);
    for (const source of found) assert.doesNotThrow(() => new RegExp(source), `${name}: ${source}`);
  }
});

test('the kernel-cmdline grammar picks out names and values; the grub grammar sees kernel lines and GRUB_CMDLINE_LINUX', () => {
  const cmdline = grammar('kernel-cmdline.tmLanguage.json') as { repository: { parameter: { match: string } } };
  const parameter = new RegExp(cmdline.repository.parameter.match, 'g');
  const matches = [...'ro hugepagesz=1G dyndbg="file x +p" kvm-intel.nested=1'.matchAll(parameter)].map((match) => [match[1], match[3]]);
  assert.deepEqual(matches, [['ro', undefined], ['hugepagesz', '1G'], ['dyndbg', '"file x +p"'], ['kvm-intel.nested', '1']]);
  const grub = grammar('grub.tmLanguage.json') as { repository: Record<string, { begin?: string }> };
  assert.match('\tlinux16 /vmlinuz-3.10 ro', new RegExp(grub.repository['kernel-line']!.begin!));
  assert.match('GRUB_CMDLINE_LINUX="quiet"', new RegExp(grub.repository['cmdline-variable']!.begin!));
});
