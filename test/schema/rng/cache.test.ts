import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { keepCompiledSchemas, loadRngSchema } from '../../../server/src/schema/rng';
import { decodeGrammar, readCacheFile } from '../../../server/src/schema/rng/cache/decode';
import { encodeGrammar } from '../../../server/src/schema/rng/cache/encode';
import { checksum, MAGIC, PATTERN_FIELDS, PREAMBLE_BYTES, wordsOf } from '../../../server/src/schema/rng/cache/layout';
import { readCachedGrammar, schemaCacheFolder } from '../../../server/src/schema/rng/cache/store';
import { Deriver } from '../../../server/src/schema/rng/derive';
import { Libxml2Interleaves } from '../../../server/src/schema/rng/libxml2Interleave';
import { compileGrammar, type CompiledGrammar } from '../../../server/src/schema/rng/load';
import { validateTree } from '../../../server/src/schema/rng/validate';
import { workerJudge } from '../../../server/src/schema/workerJudge';
import { parseXml } from '../../../server/src/xml/parser';
import { CLI } from '../../cli/cliHarness';
import { CORPUS_DIR, corpusList, missing } from '../../kb/shared';
import { schemaFiles, RNG, XSD } from './helpers';

const CORPUS_SCHEMA = resolve(CORPUS_DIR, 'schemas/domain.rng');
const skipCorpus = missing(resolve(CORPUS_DIR, 'rejected.txt')) ?? missing(CORPUS_SCHEMA) ?? false;

/** A schema in two files (an include), with the constructs the cache must carry: name classes, datatypes with params, except, lists, interleaves, choices. */
function twoFileSchema(): string {
  return schemaFiles({
    'main.rng': `<grammar ${RNG} ${XSD}><include href="parts.rng"/><start><element name="guest"><interleave>
      <ref name="name"/>
      <optional><element name="vcpu"><data type="unsignedInt"><param name="maxInclusive">64</param></data></element></optional>
      <zeroOrMore><element><anyName><except><name>guest</name><nsName ns="urn:other"/></except></anyName><empty/></element></zeroOrMore>
    </interleave><optional><attribute name="type"><choice><value>kvm</value><value type="token">qemu</value></choice></attribute></optional></element></start></grammar>`,
    'parts.rng': `<grammar ${RNG} ${XSD}><define name="name"><element name="name"><data type="string"><param name="pattern">[a-z]+[0-9]*</param><except><value>forbidden</value></except></data></element>
      <optional><element name="tags"><list><oneOrMore><data type="NCName"/></oneOrMore></list></element></optional></define></grammar>`,
  });
}

const DOCUMENTS = [
  "<guest type='kvm'><name>web1</name><vcpu>4</vcpu><extra/></guest>",
  "<guest type='qemu'><vcpu>65</vcpu><name>web1</name></guest>",
  '<guest><name>forbidden</name></guest>',
  '<guest><name>Web</name><tags>a b c</tags><guest/></guest>',
  "<guest type='xen'><tags>1a</tags></guest>",
  '<other/>',
];

function verdicts(grammar: CompiledGrammar, documents: readonly string[]): string[] {
  const deriver = new Deriver(grammar.table);
  const quirks = new Libxml2Interleaves(grammar);
  return documents.map((text) => JSON.stringify(validateTree(grammar, deriver, quirks, parseXml(text))));
}

function temporaryFolder(): string {
  return mkdtempSync(join(tmpdir(), 'virt-tune-schema-cache-'));
}

test('a compiled grammar read back from its cache bytes is the same grammar: written again byte for byte, the same verdicts', () => {
  const compiled = compileGrammar(twoFileSchema());
  const bytes = encodeGrammar(compiled, 'build');
  const file = readCacheFile(bytes);
  assert.ok(file);
  const read = decodeGrammar(file);
  assert.ok(encodeGrammar(read, 'build').equals(bytes));
  assert.deepEqual(read.files.map(({ path }) => path), compiled.files.map(({ path }) => path));
  assert.equal(read.files.length, 2);
  const expected = verdicts(compiled, DOCUMENTS);
  assert.ok(expected.filter((verdict) => verdict !== '[]').length >= 4, 'most documents are refused');
  assert.deepEqual(verdicts(read, DOCUMENTS), expected);
});

test('a damaged cache file is not read: any byte changed, cut short, or another kind of file', () => {
  const bytes = encodeGrammar(compileGrammar(twoFileSchema()), 'build');
  for (let at = 0; at < bytes.length; at += Math.max(1, Math.floor(bytes.length / 997))) {
    const damaged = Buffer.from(bytes);
    damaged[at] = damaged[at]! ^ 0x5a;
    assert.equal(readCacheFile(damaged), undefined, `byte ${at} changed`);
  }
  assert.equal(readCacheFile(bytes.subarray(0, bytes.length - 4)), undefined);
  assert.equal(readCacheFile(Buffer.from('')), undefined);
  assert.equal(readCacheFile(Buffer.from('{"build":"x"}')), undefined);
});

test('a cache file whose checksum holds but whose patterns could not have been compiled is refused by the decoder', () => {
  const bytes = encodeGrammar(compileGrammar(twoFileSchema()), 'build');
  const file = readCacheFile(bytes)!;
  const forged = (change: (body: Int32Array) => void): Buffer => {
    const body = new Int32Array(file.body);
    change(body);
    const headerLength = bytes.readUInt32LE(MAGIC.length);
    const rest = Buffer.concat([bytes.subarray(PREAMBLE_BYTES, PREAMBLE_BYTES + headerLength), Buffer.from(body.buffer)]);
    return Buffer.concat([bytes.subarray(0, MAGIC.length + 8), checksum(wordsOf(rest, 0)), rest]);
  };
  const last = file.header.patterns - 1;
  const cases: [string, (body: Int32Array) => void][] = [
    ['an operand made after its pattern', (body) => void (body[3 * PATTERN_FIELDS + 1] = last)],
    ['a kind that does not exist', (body) => void (body[last * PATTERN_FIELDS] = 99)],
    ['a name class out of range', (body) => void (body[last * PATTERN_FIELDS + 3] = 1_000_000)],
    ['an element without content', (body) => {
      for (let id = 0; id <= last; id++) if (body[id * PATTERN_FIELDS + 7]! >= 0) body[id * PATTERN_FIELDS + 7] = -1;
    }],
  ];
  for (const [what, change] of cases) {
    const read = readCacheFile(forged(change));
    assert.ok(read, `${what}: the checksum is right`);
    assert.throws(() => decodeGrammar(read), /./, what);
  }
});

test('loadRngSchema with a cache folder: writes the compiled schema once, reads it back in the next process, gives the same verdicts', () => {
  const folder = temporaryFolder();
  const schema = twoFileSchema();
  try {
    keepCompiledSchemas(folder);
    const first = loadRngSchema(schema);
    const expected = DOCUMENTS.map((text) => JSON.stringify(first.validate(text)));
    const [cacheName, ...others] = readdirSync(folder);
    assert.match(cacheName ?? '', /^schema-[0-9a-f]{16}\.bin$/);
    assert.deepEqual(others, []);
    assert.equal(statSync(join(folder, cacheName!)).mode & 0o777, 0o600);
    assert.ok(readCachedGrammar(folder, schema), 'the cache holds the schema as its files are now');
    first.dispose(); // as a new process would: nothing compiled in memory
    const second = loadRngSchema(schema);
    assert.notEqual(second, first);
    assert.deepEqual(DOCUMENTS.map((text) => JSON.stringify(second.validate(text))), expected);
    second.dispose();
  } finally {
    keepCompiledSchemas(undefined);
    rmSync(folder, { recursive: true, force: true });
  }
});

test('the schema worker keeps and reads compiled schemas in the folder of the thread that starts it', async () => {
  const folder = temporaryFolder();
  const schema = twoFileSchema();
  try {
    keepCompiledSchemas(folder);
    const judge = await workerJudge({ path: schema, label: 'test schema' });
    try {
      // The worker compiled it (this thread has not) and kept it where this thread would.
      assert.ok(readCachedGrammar(folder, schema), 'the worker wrote the compiled schema to the cache folder');
      assert.deepEqual(await judge.errors('<guest><name>abc</name></guest>'), []);
    } finally {
      judge.close();
    }
  } finally {
    keepCompiledSchemas(undefined);
    rmSync(folder, { recursive: true, force: true });
  }
});

test('the cache is not used once a schema file changes (an included one too), and a damaged cache file is compiled over', () => {
  const folder = temporaryFolder();
  const schema = twoFileSchema();
  const parts = resolve(schema, '..', 'parts.rng');
  try {
    keepCompiledSchemas(folder);
    const before = loadRngSchema(schema);
    assert.deepEqual(before.validate('<guest><name>abc</name></guest>'), []);
    before.dispose();
    // The same size, a new pattern: the name must now start with x.
    writeFileSync(parts, readFileSync(parts, 'utf8').replace('[a-z]+[0-9]*', 'x[a-z]*[0-9]*'));
    assert.equal(readCachedGrammar(folder, schema), undefined);
    const after = loadRngSchema(schema);
    assert.equal(after.validate('<guest><name>abc</name></guest>').length, 1);
    after.dispose();
    assert.ok(readCachedGrammar(folder, schema), 'written again for the files as they are now');
    const [cacheName] = readdirSync(folder);
    const path = join(folder, cacheName!);
    const bytes = readFileSync(path);
    bytes[bytes.length - 5] = bytes[bytes.length - 5]! ^ 1;
    writeFileSync(path, bytes);
    assert.equal(readCachedGrammar(folder, schema), undefined);
    const again = loadRngSchema(schema);
    assert.equal(again.validate('<guest><name>abc</name></guest>').length, 1);
    assert.deepEqual(again.validate('<guest><name>xabc</name></guest>'), []);
    again.dispose();
    assert.ok(readCachedGrammar(folder, schema), 'the damaged file was replaced');
  } finally {
    keepCompiledSchemas(undefined);
    rmSync(folder, { recursive: true, force: true });
  }
});

test('the schema cache lives in XDG_CACHE_HOME (else ~/.cache) under virt-tune; VIRT_TUNE_SCHEMA_CACHE=off turns it off', () => {
  const saved = { xdg: process.env['XDG_CACHE_HOME'], off: process.env['VIRT_TUNE_SCHEMA_CACHE'] };
  try {
    process.env['XDG_CACHE_HOME'] = '/somewhere/cache';
    delete process.env['VIRT_TUNE_SCHEMA_CACHE'];
    assert.equal(schemaCacheFolder(), '/somewhere/cache/virt-tune');
    process.env['VIRT_TUNE_SCHEMA_CACHE'] = 'off';
    assert.equal(schemaCacheFolder(), undefined);
  } finally {
    for (const [name, value] of [['XDG_CACHE_HOME', saved.xdg], ['VIRT_TUNE_SCHEMA_CACHE', saved.off]] as const) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  }
});

test("the grammar read back from the cache gives the compiled grammar's verdict on every corpus file, errors and all", { skip: skipCorpus }, () => {
  const compiled = compileGrammar(CORPUS_SCHEMA);
  const read = decodeGrammar(readCacheFile(encodeGrammar(compiled, 'build'))!);
  const texts = [...corpusList('accepted.txt'), ...corpusList('rejected.txt')].map((file) => readFileSync(resolve(CORPUS_DIR, file), 'utf8'));
  const expected = verdicts(compiled, texts);
  const got = verdicts(read, texts);
  assert.equal(got.length, expected.length);
  const differing = got.flatMap((verdict, index) => (verdict === expected[index] ? [] : [index]));
  assert.deepEqual(differing, []);
});

test('virt-tune lint --schema: the first run writes the schema cache, later runs read it, with the same output; off writes none', { skip: skipCorpus }, () => {
  const cache = temporaryFolder();
  try {
    const files = [...corpusList('accepted.txt').slice(0, 20), ...corpusList('rejected.txt').slice(0, 5)];
    const lint = (env: Record<string, string>) => {
      const run = spawnSync(process.execPath, [CLI, 'lint', '--format', 'json', '--schema', 'schemas/domain.rng', ...files], { cwd: CORPUS_DIR, encoding: 'utf8', env: { ...process.env, ...env }, timeout: 60_000 });
      assert.equal(run.status, 1, run.stderr);
      return run.stdout;
    };
    const schemaCaches = () => (existsSync(join(cache, 'virt-tune')) ? readdirSync(join(cache, 'virt-tune')).filter((name) => name.startsWith('schema-')) : []);
    const off = lint({ XDG_CACHE_HOME: cache, VIRT_TUNE_SCHEMA_CACHE: 'off' });
    assert.deepEqual(schemaCaches(), []);
    assert.equal(lint({ XDG_CACHE_HOME: cache }), off);
    const written = schemaCaches();
    assert.equal(written.length, 1);
    const before = statSync(join(cache, 'virt-tune', written[0]!));
    assert.equal(lint({ XDG_CACHE_HOME: cache }), off);
    const after = statSync(join(cache, 'virt-tune', written[0]!));
    // Written again, it would be a new file renamed into place; read, it is marked as used.
    assert.equal(after.ino, before.ino, 'read, not written again');
    assert.ok(after.mtimeMs >= before.mtimeMs);
  } finally {
    rmSync(cache, { recursive: true, force: true });
  }
});
