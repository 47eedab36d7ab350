import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  type CodeAction,
  type Diagnostic,
  type MessageConnection,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver/node';
import type { Finding } from '../../server/src/core/types';
import { applyRuleLevels, parseRuleLevels } from '../../server/src/lsp/ruleLevels';
import { parseSettings } from '../../server/src/lsp/settings';
import { ROOT } from '../cli/cliHarness';
import { startStdioServer } from './stdioServer';

const EVERYDAY_MISTAKES = join(ROOT, 'examples', 'everyday-mistakes.xml');
const URI = pathToFileURL(EVERYDAY_MISTAKES).href;

function finding(rule: string, severity: Finding['severity']): Finding {
  const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } };
  return { rule, severity, message: `${rule} says so`, range, fixes: [] };
}

test('virtTune.rules: each entry is a rule code with a level; the rest is left out with a reason', () => {
  const { levels, problems } = parseRuleLevels({ VT136: 'off', vt143: 'information', VT9: 'off', VT120: 'loud', VT140: 3 });
  assert.deepEqual([...levels], [['VT136', 'off'], ['VT143', 'information']]);
  assert.equal(problems.length, 3);
  assert.match(problems[0] ?? '', /"VT9" is not a rule code/);
  assert.match(problems[1] ?? '', /VT120 is set to "loud"; use one of off, hint, information, warning, error/);
  assert.match(problems[2] ?? '', /VT140 is set to 3/);

  assert.deepEqual(parseRuleLevels(undefined), { levels: new Map(), problems: [] });
  assert.match(parseRuleLevels(['VT136']).problems[0] ?? '', /must be an object/);
  assert.deepEqual([...parseSettings({ rules: { VT100: 'hint' }, trace: { server: 'off' } }).settings.ruleLevels], [['VT100', 'hint']]);
  assert.equal(parseSettings(null).settings.ruleLevels.size, 0);
});

test('rule levels hide the rules set off and give the others the level set; unnamed rules keep theirs', () => {
  const findings = [finding('VT136', 'information'), finding('VT140', 'error'), finding('VT143', 'hint'), finding('VT136', 'information')];
  const levels = parseRuleLevels({ VT136: 'off', VT143: 'warning' }).levels;
  assert.deepEqual(
    applyRuleLevels(findings, levels).map((each) => `${each.rule}:${each.severity}`),
    ['VT140:error', 'VT143:warning'],
  );
  assert.deepEqual(applyRuleLevels(findings, new Map()), findings);
  assert.equal(findings[2]?.severity, 'hint', 'the findings given are not changed');
});

/** A client of the server over stdio that keeps every publishDiagnostics and can wait for the next one. */
class Client {
  readonly connection: MessageConnection;
  private readonly published: PublishDiagnosticsParams[] = [];
  private waiting: (() => void) | undefined;

  constructor(connection: MessageConnection) {
    this.connection = connection;
    connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
      this.published.push(params);
      this.waiting?.();
    });
  }

  /** The next diagnostics published for a uri after `seen` earlier ones, within 15 s. */
  async diagnostics(uri: string, seen: number): Promise<Diagnostic[]> {
    const deadline = Date.now() + 15_000;
    for (;;) {
      const forUri = this.published.filter((params) => params.uri === uri);
      const next = forUri[seen];
      if (next) return next.diagnostics;
      if (Date.now() > deadline) throw new Error(`no diagnostics #${seen + 1} for ${uri}`);
      await new Promise<void>((resolve) => {
        this.waiting = resolve;
        setTimeout(resolve, 200);
      });
    }
  }
}

function levelsOf(diagnostics: Diagnostic[]): string[] {
  const names = ['', 'error', 'warning', 'information', 'hint'];
  return diagnostics.map((diagnostic) => `${String(diagnostic.code)}:${names[diagnostic.severity ?? 0]}`).sort();
}

async function startServer(t: { after(fn: () => void): void }): Promise<Client> {
  const { connection } = startStdioServer(t);
  const client = new Client(connection);
  connection.listen();
  return client;
}

test('the server applies virtTune.rules pulled with workspace/configuration, and again when they change', { timeout: 60_000 }, async (t) => {
  const client = await startServer(t);
  let rules: Record<string, string> = { VT131: 'off', VT130: 'error', VT120: 'hint' };
  const asked: unknown[] = [];
  client.connection.onRequest('workspace/configuration', (params: { items: { section?: string }[] }) => {
    asked.push(...params.items.map((item) => item.section));
    return params.items.map(() => ({ rules }));
  });
  await client.connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri: null,
    capabilities: { workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: false } } },
  });
  await client.connection.sendNotification('initialized', {});
  await client.connection.sendNotification('textDocument/didOpen', {
    textDocument: { uri: URI, languageId: 'xml', version: 1, text: readFileSync(EVERYDAY_MISTAKES, 'utf8') },
  });

  // Whether the document or the settings came first, the last list published has the user's levels.
  let seen = 0;
  let diagnostics = await client.diagnostics(URI, seen++);
  while (levelsOf(diagnostics).includes('VT131:error')) diagnostics = await client.diagnostics(URI, seen++);
  const levels = levelsOf(diagnostics);
  assert.ok(levels.includes('VT130:error'), levels.join(' '));
  assert.ok(levels.includes('VT120:hint'), levels.join(' '));
  assert.ok(levels.includes('VT140:error'), 'a rule not named keeps its severity');
  assert.ok(!levels.some((level) => level.startsWith('VT131')), 'VT131 is off');
  assert.deepEqual(asked, ['virtTune']);

  // A rule that is off offers no quick fix either; the others still do, carrying their new level.
  const everywhere = { start: { line: 0, character: 0 }, end: { line: 40, character: 0 } };
  const actions = await client.connection.sendRequest<CodeAction[]>('textDocument/codeAction', {
    textDocument: { uri: URI },
    range: everywhere,
    context: { diagnostics: [] },
  });
  const codes = actions.flatMap((action) => action.diagnostics?.map((diagnostic) => diagnostic.code) ?? []);
  assert.ok(!codes.includes('VT131'), codes.join(' '));
  assert.equal(actions.find((action) => action.diagnostics?.[0]?.code === 'VT130')?.diagnostics?.[0]?.severity, 1);

  // The user changes the setting: the server pulls it again and republishes.
  const before = seen;
  rules = {};
  await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
  diagnostics = await client.diagnostics(URI, before);
  assert.ok(levelsOf(diagnostics).includes('VT131:error'), levelsOf(diagnostics).join(' '));
  assert.ok(levelsOf(diagnostics).includes('VT130:warning'), levelsOf(diagnostics).join(' '));
});

test('a client without workspace/configuration gives virtTune.rules in initializationOptions or pushes them', { timeout: 60_000 }, async (t) => {
  const client = await startServer(t);
  await client.connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri: null,
    capabilities: {},
    initializationOptions: { rules: { VT140: 'warning', VT141: 'off' } },
  });
  await client.connection.sendNotification('initialized', {});
  await client.connection.sendNotification('textDocument/didOpen', {
    textDocument: { uri: URI, languageId: 'xml', version: 1, text: readFileSync(EVERYDAY_MISTAKES, 'utf8') },
  });
  let levels = levelsOf(await client.diagnostics(URI, 0));
  assert.ok(levels.includes('VT140:warning'), levels.join(' '));
  assert.ok(!levels.some((level) => level.startsWith('VT141')), levels.join(' '));

  await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: { virtTune: { rules: { VT140: 'off' } } } });
  levels = levelsOf(await client.diagnostics(URI, 1));
  assert.ok(!levels.some((level) => level.startsWith('VT140')), levels.join(' '));
  assert.ok(levels.includes('VT141:error'), levels.join(' '));
});
