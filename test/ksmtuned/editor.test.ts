import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { KSMTUNED_VARIABLES } from '../../server/src/kb/ksmtuned';

const root = join(__dirname, '..', '..', '..');

interface Manifest {
  activationEvents: string[];
  contributes: {
    languages: { id: string; filenames?: string[]; filenamePatterns?: string[]; aliases?: string[]; configuration?: string }[];
    grammars: { language: string; scopeName: string; path: string }[];
  };
}

interface Grammar {
  scopeName: string;
  repository: { assignment: { patterns: { begin: string }[] } };
}

const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as Manifest;

test('package.json contributes the ksmtuned language, its grammar and its activation', () => {
  const language = manifest.contributes.languages.find((entry) => entry.id === 'ksmtuned');
  assert.ok(language);
  assert.deepEqual(language.filenames, ['ksmtuned.conf']);
  assert.ok(language.filenamePatterns?.includes('**/ksmtuned.conf'));
  assert.ok(language.aliases && language.aliases.length > 0);
  assert.ok(manifest.activationEvents.includes('onLanguage:ksmtuned'));
  const configuration = JSON.parse(readFileSync(join(root, language.configuration!), 'utf8')) as { comments: { lineComment: string } };
  assert.equal(configuration.comments.lineComment, '#');
  const grammar = manifest.contributes.grammars.find((entry) => entry.language === 'ksmtuned');
  assert.ok(grammar && existsSync(join(root, grammar.path)));
  assert.equal((JSON.parse(readFileSync(join(root, grammar.path), 'utf8')) as Grammar).scopeName, grammar.scopeName);
});

test('the grammar highlights as known exactly the variables ksmtuned reads', () => {
  const grammar = JSON.parse(readFileSync(join(root, 'syntaxes', 'ksmtuned.tmLanguage.json'), 'utf8')) as Grammar;
  const begin = grammar.repository.assignment.patterns[0]!.begin;
  const known = /\(\?:\((KSM_[A-Z_|]+\|[A-Z_|]+)\)\|/.exec(begin)?.[1]?.split('|');
  assert.deepEqual(known?.sort(), KSMTUNED_VARIABLES.map((variable) => variable.name).sort());
});

test('the VS Code client asks the server about ksmtuned documents, saved or untitled', () => {
  const client = readFileSync(join(root, 'client', 'src', 'extension.ts'), 'utf8');
  assert.ok(client.includes("{ scheme: 'file', language: 'ksmtuned' }"));
  assert.ok(client.includes("{ scheme: 'untitled', language: 'ksmtuned' }"));
});
