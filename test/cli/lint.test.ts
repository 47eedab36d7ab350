import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CLEAN_DOMAIN, ROOT, SELF_CLOSED_HUGEPAGES, folderWith, runCli } from './cliHarness';

/** The parts of a SARIF log the tests read. */
interface SarifLog {
  version: string;
  runs: {
    tool: { driver: { name: string; rules: { id: string; name: string; shortDescription: { text: string }; fullDescription?: { text: string }; help?: { text: string; markdown: string }; helpUri?: string }[] } };
    results: {
      ruleId: string;
      ruleIndex: number;
      level: string;
      message: { text: string };
      locations: { physicalLocation: { artifactLocation: { uri: string }; region: unknown } }[];
    }[];
  }[];
}

const VT100_START = { line: 5, character: 14 };
const VT100_END = { line: 5, character: 16 };

test('text output is file:line:col: severity CODE message, 1-based, with a summary on stderr; exit 1 on an error', () => {
  const folder = folderWith({ 'guest.xml': SELF_CLOSED_HUGEPAGES });
  const run = runCli(['lint', 'guest.xml'], folder);
  assert.equal(run.status, 1);
  const lines = run.stdout.trimEnd().split('\n');
  for (const line of lines) assert.match(line, /^guest\.xml:\d+:\d+: (error|warning|information|hint) VT\d{3} \S/);
  assert.equal(lines.filter((line) => /^guest\.xml:6:15: error VT100 \S/.test(line)).length, 1);
  assert.match(run.stderr, /^\d+ errors?, \d+ warnings?(, .*)? in 1 file$/m);
});

test('a clean domain exits 0 and prints only the summary', () => {
  const folder = folderWith({ 'guest.xml': CLEAN_DOMAIN });
  const run = runCli(['lint', 'guest.xml'], folder);
  assert.equal(run.status, 0);
  assert.equal(run.stdout, '');
  assert.match(run.stderr, /^0 errors, 0 warnings in 1 file$/m);
});

test('--format json has exactly file, kind and diagnostics (rule, severity, message, 0-based range); a clean file has []', () => {
  const folder = folderWith({ 'bad.xml': SELF_CLOSED_HUGEPAGES, 'clean.xml': CLEAN_DOMAIN });
  const run = runCli(['lint', '--format', 'json', 'bad.xml', 'clean.xml'], folder);
  assert.equal(run.status, 1);
  const entries = JSON.parse(run.stdout) as { file: string; kind: string; diagnostics: { message: string }[] }[];
  assert.equal(entries.length, 2);
  const [bad, clean] = entries;
  assert.deepEqual(Object.keys(bad!), ['file', 'kind', 'diagnostics']);
  const vt100 = bad!.diagnostics.find((diagnostic) => (diagnostic as { rule?: string }).rule === 'VT100');
  assert.ok(vt100);
  assert.deepEqual(vt100, {
    rule: 'VT100',
    severity: 'error',
    message: vt100.message,
    range: { start: VT100_START, end: VT100_END },
  });
  assert.deepEqual(Object.keys(vt100), ['rule', 'severity', 'message', 'range']);
  assert.equal(bad!.file, 'bad.xml');
  assert.equal(bad!.kind, 'domain');
  assert.deepEqual(clean, { file: 'clean.xml', kind: 'domain', diagnostics: [] });
});

test('--format sarif is a SARIF 2.1.0 log with the rules (a reported rule carries its page as help) and the results', () => {
  const folder = folderWith({ 'bad.xml': SELF_CLOSED_HUGEPAGES });
  const run = runCli(['lint', '--format', 'sarif', 'bad.xml'], folder);
  assert.equal(run.status, 1);
  const log = JSON.parse(run.stdout) as SarifLog;
  assert.equal(log.version, '2.1.0');
  assert.equal(log.runs.length, 1);
  const driver = log.runs[0]!.tool.driver;
  assert.equal(driver.name, 'virt-tune');
  const rule = driver.rules.find((candidate) => candidate.id === 'VT100');
  assert.ok(rule);
  assert.equal(rule.name, 'well-formed');
  assert.equal(typeof rule.shortDescription.text, 'string');
  // The page travels in the log: a file: helpUri would name a path on the machine that wrote it.
  const page = readFileSync(join(ROOT, 'docs', 'rules', 'VT100.md'), 'utf8');
  assert.deepEqual(rule.help, { text: page, markdown: page });
  assert.equal(rule.fullDescription?.text, page.split('## What it checks\n')[1]!.split('\n\n')[0]!.replace(/\n/g, ' '));
  assert.equal(rule.helpUri, undefined);
  // A rule with no result in the log is listed without its page.
  const quiet = driver.rules.find((candidate) => candidate.id === 'VT201');
  assert.ok(quiet && quiet.help === undefined && quiet.fullDescription === undefined);
  assert.ok(driver.rules.every((candidate) => candidate.helpUri === undefined && (candidate.fullDescription?.text.length ?? 0) <= 1000));
  const result = log.runs[0]!.results.find((candidate) => candidate.ruleId === 'VT100');
  assert.ok(result);
  assert.equal(result.level, 'error');
  assert.equal(driver.rules[result.ruleIndex]?.id, 'VT100');
  assert.equal(typeof result.message.text, 'string');
  const { artifactLocation, region } = result.locations[0]!.physicalLocation;
  assert.equal(artifactLocation.uri, 'bad.xml');
  assert.deepEqual(region, { startLine: 6, startColumn: 15, endLine: 6, endColumn: 17 });
});

test('folders are walked recursively for domain XML, leaving out node_modules, .git, other XML and other files', () => {
  const folder = folderWith({
    'vms/a.xml': CLEAN_DOMAIN,
    'vms/deep/er/b.XML': SELF_CLOSED_HUGEPAGES,
    'vms/network.xml': `<network><name>default</name></network>\n`,
    'vms/notes.txt': SELF_CLOSED_HUGEPAGES,
    'vms/node_modules/c.xml': SELF_CLOSED_HUGEPAGES,
    'vms/.git/d.xml': SELF_CLOSED_HUGEPAGES,
  });
  const run = runCli(['lint', '--format', 'json', 'vms'], folder);
  assert.equal(run.status, 1);
  const files = (JSON.parse(run.stdout) as { file: string }[]).map((entry) => entry.file);
  assert.deepEqual(files, [join('vms', 'a.xml'), join('vms', 'deep', 'er', 'b.XML')]);
});

test('a file named explicitly that is of no kind (XML whose root is not <domain>, a .json) gets one line and exit 2, as any file it cannot take', () => {
  const folder = folderWith({ 'network.xml': `<?xml version="1.0"?>\n<!-- a network -->\n<network><name>default</name>\n`, 'pom.xml': '<project/>\n', 'settings.json': '{}\n', 'guest.xml': CLEAN_DOMAIN });
  const text = runCli(['lint', 'network.xml'], folder);
  assert.equal(text.status, 2);
  assert.equal(text.stdout, '');
  assert.equal(text.stderr, "virt-tune: network.xml: not a file virt-tune knows (XML whose root is <network>, not a libvirt <domain>); say what it is with --kind\n");
  for (const name of ['pom.xml', 'settings.json']) {
    const run = runCli(['lint', name, 'guest.xml'], folder);
    assert.equal(run.status, 2, name);
    assert.match(run.stderr, new RegExp(`^virt-tune: ${name.replace('.', '\\.')}: not a file virt-tune knows[^\n]*\n0 errors, 0 warnings in 1 file\n$`), run.stderr);
    assert.equal(runCli(['fix', '--dry-run', name], folder).status, 2, `fix ${name}`);
  }
  assert.equal(runCli(['lint', '--format', 'json', 'pom.xml'], folder).status, 2);
});

test('files of no kind met while walking a folder are passed over in silence', () => {
  const folder = folderWith({ 'vms/network.xml': '<network/>\n', 'vms/settings.json': '{}\n', 'vms/guest.xml': CLEAN_DOMAIN });
  const run = runCli(['lint', 'vms'], folder);
  assert.equal(run.status, 0, run.stderr);
  assert.doesNotMatch(run.stderr, /network|settings/);
});

test('no summary line after a usage error, or when no path given could be taken', () => {
  const folder = folderWith({ 'guest.xml': CLEAN_DOMAIN, 'pom.xml': '<project/>\n' });
  for (const args of [['lint', 'missing.xml'], ['lint', 'pom.xml'], ['lint', '--format', 'yaml', 'guest.xml'], ['fix', 'missing.xml'], ['fix', '--dry-run', 'pom.xml']]) {
    const run = runCli(args, folder);
    assert.equal(run.status, 2, args.join(' '));
    assert.equal(run.stderr.trimEnd().split('\n').filter((line) => !line.startsWith("Run 'virt-tune --help'")).length, 1, `${args.join(' ')}: ${run.stderr}`);
    assert.doesNotMatch(run.stderr, /in \d+ files?/, args.join(' '));
  }
  // With a file linted beside the missing one, the summary says what was linted.
  assert.match(runCli(['lint', 'missing.xml', 'guest.xml'], folder).stderr, /in 1 file\n$/);
});

test('a file that cannot be read exits 2 with one line naming it, after linting the others', () => {
  const folder = folderWith({ 'bad.xml': SELF_CLOSED_HUGEPAGES });
  const run = runCli(['lint', 'missing.xml', 'bad.xml'], folder);
  assert.equal(run.status, 2);
  const complaints = run.stderr.split('\n').filter((line) => line.includes('missing.xml'));
  assert.deepEqual(complaints, ['virt-tune: cannot read missing.xml: no such file or folder']);
  assert.match(run.stdout, /^bad\.xml:6:15: error VT100/);
});

test('a file without read permission exits 2 naming it', { skip: process.getuid?.() === 0 && 'root reads every file' }, () => {
  const folder = folderWith({ 'locked.xml': CLEAN_DOMAIN });
  chmodSync(join(folder, 'locked.xml'), 0o000);
  const run = runCli(['lint', 'locked.xml'], folder);
  assert.equal(run.status, 2);
  assert.match(run.stderr, /^virt-tune: cannot read locked\.xml: permission denied$/m);
});

test('usage errors exit 2 with a message', () => {
  const folder = folderWith({ 'notes.txt': 'hello\n', 'guest.xml': CLEAN_DOMAIN });
  const cases: [string[], RegExp][] = [
    [['lint'], /lint needs at least one PATH/],
    [['lint', '--format', 'yaml', 'guest.xml'], /--format must be one of text, json, sarif/],
    [['lint', '--kind', 'kernel', 'guest.xml'], /--kind must be one of/],
    [['lint', '--host', 'nowhere/at/all', 'guest.xml'], /--host must be live, none or an existing path/],
    [['lint', '--frobnicate', 'guest.xml'], /Unknown option '--frobnicate'/],
    [['lint', 'notes.txt'], /notes\.txt: not a file virt-tune knows/],
    [['frobnicate'], /unknown command 'frobnicate'/],
  ];
  for (const [args, message] of cases) {
    const run = runCli(args, folder);
    assert.equal(run.status, 2, args.join(' '));
    assert.match(run.stderr, message, args.join(' '));
    assert.equal(run.stdout, '', args.join(' '));
  }
});

test('--host live, none or an existing path is accepted; --kind domain lints an explicitly named non-.xml file', () => {
  const folder = folderWith({ 'guest.cfg': SELF_CLOSED_HUGEPAGES, 'host.xml': '<capabilities/>' });
  for (const host of ['live', 'none', 'host.xml']) {
    assert.equal(runCli(['lint', '--host', host, '--kind', 'domain', 'guest.cfg'], folder).status, 1, host);
  }
});

test('a UTF-8 byte order mark and CRLF line ends leave the positions as an editor shows them', () => {
  const crlf = '\uFEFF' + SELF_CLOSED_HUGEPAGES.replace(/\n/g, '\r\n');
  const folder = folderWith({ 'guest.xml': crlf });
  const run = runCli(['lint', '--format', 'json', 'guest.xml'], folder);
  const [entry] = JSON.parse(run.stdout) as { diagnostics: { rule: string; range: unknown }[] }[];
  const vt100 = entry!.diagnostics.find((diagnostic) => diagnostic.rule === 'VT100');
  assert.deepEqual(vt100?.range, { start: VT100_START, end: VT100_END });
});

test('rules lists every rule with code, name, severity and title', () => {
  const run = runCli(['rules'], ROOT);
  assert.equal(run.status, 0);
  assert.match(run.stdout, /^VT100\s+well-formed\s+error\s+The document must be well-formed XML$/m);
  const json = JSON.parse(runCli(['rules', '--format', 'json'], ROOT).stdout) as { code: string }[];
  assert.equal(json[0]!.code, 'VT100');
});

test('--help says what --host does, --version prints the package version', () => {
  const help = runCli(['--help'], ROOT);
  assert.equal(help.status, 0);
  assert.match(help.stdout, /--host live\|none\|DIR\|FILE/);
  assert.match(help.stdout, /host-aware rules \(VT150-VT1\d\d/);
  const version = runCli(['--version'], ROOT);
  assert.equal(version.status, 0);
  const packageJson = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
  assert.equal(version.stdout, `${packageJson.version}\n`);
});
