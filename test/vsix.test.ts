import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DOMAIN_RULES } from '../server/src/domain/rules';
import { ROOT } from './cli/cliHarness';
import { zipEntries } from './zipEntries';

interface Manifest {
  version: string;
  icon: string;
  engines: { vscode: string };
  contributes: {
    grammars?: { path: string }[];
    snippets?: { path: string }[];
    languages?: { configuration?: string }[];
    viewsContainers?: Record<string, { icon?: string }[]>;
    views?: Record<string, { icon?: string }[]>;
  };
}

/** What a VSIX may hold: vsce's own two files, then the extension's bundles, rule pages, grammars, icons and papers. */
const ALLOWED = [
  /^\[Content_Types\]\.xml$/,
  /^extension\.vsixmanifest$/,
  /^extension\/(package\.json|readme\.md|changelog\.md|LICENSE\.txt)$/,
  /^extension\/dist\/[\w.-]+\.(js|mjs|cjs|wasm|json)$/,
  /^extension\/docs\/rules\/VT\d{3}\.md$/,
  /^extension\/syntaxes\/[\w.-]+\.json$/,
  /^extension\/media\/[\w.-]+\.(png|svg)$/,
];

test('npm run package makes a VSIX of the extension bundles (not the CLI), rule pages, grammars, icon, README, CHANGELOG and LICENSE only, under 2 MB', { timeout: 120_000 }, (t) => {
  const folder = mkdtempSync(join(tmpdir(), 'virt-tune-vsix-'));
  t.after(() => rmSync(folder, { recursive: true, force: true }));
  const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as Manifest;
  const vsix = join(folder, `virt-tune-${manifest.version}.vsix`);
  // The same vsce command as `npm run package` (whose build `npm test` has just done), written elsewhere.
  const vsce = spawnSync(
    join(ROOT, 'node_modules', '.bin', 'vsce'),
    ['package', '--no-dependencies', '--allow-missing-repository', '--no-rewrite-relative-links', '--out', vsix],
    { cwd: ROOT, encoding: 'utf8', timeout: 100_000 },
  );
  assert.equal(vsce.status, 0, `${vsce.stdout}\n${vsce.stderr}`);

  const inExtension = (path: string): string => `extension/${path.replace(/^\.\//, '')}`;
  const referenced = [
    `extension/${manifest.icon}`,
    ...(manifest.contributes.snippets ?? []).map((snippet) => inExtension(snippet.path)),
    ...(manifest.contributes.grammars ?? []).map((grammar) => inExtension(grammar.path)),
    ...(manifest.contributes.languages ?? []).flatMap((language) => (language.configuration ? [inExtension(language.configuration)] : [])),
    ...[...Object.values(manifest.contributes.viewsContainers ?? {}), ...Object.values(manifest.contributes.views ?? {})]
      .flat()
      .flatMap((view) => (view.icon ? [inExtension(view.icon)] : [])),
  ];
  const names = zipEntries(vsix).map((entry) => entry.name);
  const unexpected = names.filter((name) => !referenced.includes(name) && !ALLOWED.some((pattern) => pattern.test(name)));
  assert.deepEqual(unexpected, [], 'nothing but the allowed files');
  assert.deepEqual(names.filter((name) => name.startsWith('extension/dist/cli.')), [], "the CLI is for npm installs: the extension never runs it");
  const expected = [
    ...referenced,
    'extension/package.json',
    'extension/readme.md',
    'extension/changelog.md',
    'extension/LICENSE.txt',
    'extension/dist/extension.js',
    'extension/dist/server.js',
    'extension/dist/server-main.js',
    'extension/dist/libxml2-wasm.mjs',
    'extension/dist/schema-worker.js',
    'extension/dist/program-worker.js',
    ...DOMAIN_RULES.map((rule) => `extension/docs/rules/${rule.meta.code}.md`),
  ];
  assert.deepEqual(expected.filter((name) => !names.includes(name)), [], 'everything the manifest and the diagnostics point at');
  assert.ok(statSync(vsix).size < 2 * 1024 * 1024, `${statSync(vsix).size} bytes`);
});

test('the manifest accepts VS Code 1.100, which code-server 4.100.3 is', () => {
  const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as Manifest;
  const [major, minor] = (/^\^?(\d+)\.(\d+)\./.exec(manifest.engines.vscode) ?? []).slice(1).map(Number);
  assert.equal(major, 1, manifest.engines.vscode);
  assert.ok((minor ?? Infinity) <= 100, manifest.engines.vscode);
  assert.ok(manifest.engines.vscode.startsWith('^'), manifest.engines.vscode);
});
