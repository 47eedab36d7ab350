// Bundles the extension client, the language server and the CLI into dist/ with esbuild.
// `node scripts/build.mjs` builds once; `--watch` rebuilds on every change; `--no-minify` keeps the names
// in the bundles, for a CPU profile that names functions.
import { chmod, copyFile, mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const watch = process.argv.includes('--watch');
const minify = !process.argv.includes('--no-minify');
const shebang = { js: '#!/usr/bin/env node' };

/**
 * Each bundle: its entry point, its output, whether it is run as a program (shebang, executable), and
 * whether a loader runs it (`wrapped`: written as the function of CommonJS's module parameters that
 * server/src/boot/codeCache.ts compiles and calls; required directly, it would do nothing).
 */
const bundles = [
  { entry: 'client/src/extension.ts', outfile: 'dist/extension.js', executable: false },
  // dist/server.js is a loader like dist/cli.js: it runs the language server's bundle beside it with V8's code cache.
  { entry: 'server/src/boot/server.ts', outfile: 'dist/server.js', executable: true },
  { entry: 'server/src/server.ts', outfile: 'dist/server-main.js', executable: false, wrapped: true },
  // dist/cli.js is a small loader that runs the CLI's bundle beside it with V8's code cache
  // (server/src/boot/codeCache.ts): a run over one file then skips most of the compiling.
  { entry: 'server/src/boot/cli.ts', outfile: 'dist/cli.js', executable: true },
  { entry: 'server/src/cli.ts', outfile: 'dist/cli-main.js', executable: false, wrapped: true },
  // libxml2-wasm is an ES module with top-level await, which a CommonJS bundle cannot require: it gets
  // an ES bundle of its own beside the others (its WebAssembly is inlined), loaded by server/src/schema/libxml2.ts.
  { entry: 'libxml2-wasm', outfile: 'dist/libxml2-wasm.mjs', executable: false, format: 'esm' },
  // The language server validates against libvirt's schema in a worker thread (server/src/schema/workerJudge.ts).
  { entry: 'server/src/schema/worker.ts', outfile: 'dist/schema-worker.js', executable: false },
  // The language server starts virsh from a worker thread (server/src/libvirt/programsInWorker.ts).
  { entry: 'server/src/libvirt/programWorker.ts', outfile: 'dist/program-worker.js', executable: false },
  // `virt-tune lint` over many files shares them over worker threads (server/src/cli/lintPool.ts), each
  // started from a loader that runs the worker's bundle with its own code cache, as dist/cli.js does.
  { entry: 'server/src/boot/lintWorker.ts', outfile: 'dist/lint-worker.js', executable: false },
  { entry: 'server/src/cli/lintWorker.ts', outfile: 'dist/lint-worker-main.js', executable: false, wrapped: true },
];

/**
 * Node's own modules that cost milliseconds to load (crypto, child_process and v8 pull in streams and
 * sockets; perf_hooks a dozen modules of its own) but that a run needs only on some paths (a host
 * fingerprint, virsh, worker threads, writing a fixed file, writing a code cache, VIRT_TUNE_TRACE): each
 * bundle gets them as an object of getters that loads the module on first use, instead of a require()
 * at start-up. Every export is still there, read through at the moment of use.
 */
const LAZY_BUILTINS = ['crypto', 'child_process', 'worker_threads', 'fs/promises', 'v8', 'perf_hooks', 'os'];
const builtinRequire = createRequire(import.meta.url);
const lazyBuiltins = {
  name: 'lazy-builtins',
  setup(build) {
    // As our code names them (node:crypto) and as libraries do (crypto: vscode-jsonrpc, vscode-languageserver).
    const filter = new RegExp(`^(node:)?(${LAZY_BUILTINS.join('|')})$`);
    build.onResolve({ filter }, (args) =>
      args.namespace === 'lazy-builtin' ? { path: args.path, external: true } : { path: args.path, namespace: 'lazy-builtin' },
    );
    build.onLoad({ filter: /.*/, namespace: 'lazy-builtin' }, (args) => {
      const names = Object.keys(builtinRequire(args.path)).filter((name) => name !== 'default' && /^[A-Za-z_$][\w$]*$/.test(name));
      const getters = names.map((name) => `  get ${name}() { return load().${name}; },`).join('\n');
      // The getters sit on the exports' prototype: esbuild's __toESM, run at every file that imports the
      // module, copies each own property into a getter of its own (crypto has ~70), which cost about a
      // millisecond of every start-up; an object with none copies nothing and inherits the getters.
      return {
        contents: `let loaded;\nconst load = () => (loaded ??= require(${JSON.stringify(args.path)}));\nmodule.exports = Object.create({\n${getters}\n});\n`,
        loader: 'js',
      };
    });
  },
};

/**
 * The `virt-tune` and `virt-tune-ls` commands (package.json bin): one shell script that starts dist/cli.js,
 * or dist/server.js under the second name, with NODE_EXTRA_CA_CERTS moved aside, which only whoever starts
 * node can do (server/src/boot/virt-tune.sh).
 */
async function copyLauncher() {
  await mkdir(join(root, 'dist'), { recursive: true });
  for (const command of ['virt-tune', 'virt-tune-ls']) {
    await copyFile(join(root, 'server/src/boot/virt-tune.sh'), join(root, 'dist', command));
    await chmod(join(root, 'dist', command), 0o755);
  }
}

function options(bundle) {
  return {
    absWorkingDir: root,
    entryPoints: [bundle.entry],
    outfile: bundle.outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: bundle.format ?? 'cjs',
    sourcemap: true,
    // Minified: node reads and decodes a third less text at every start, and V8 parses less for what the
    // code cache lacks. Alternated with the unminified build at load ~12, CPU after node's own start:
    // a one-file lint 94 -> 84 ms (31 rounds, paired median -10 ms); the server's module-level start
    // 91 -> 78 ms (21 rounds); a cold start to the first diagnostics of a 2,000-line domain, server main
    // thread 212 -> 199 ms (25 rounds, paired median -12 ms). The source maps beside each bundle give
    // the names back (node --enable-source-maps).
    minify,
    external: ['vscode'],
    logLevel: 'warning',
    ...(bundle.format === 'esm' ? {} : { plugins: [lazyBuiltins] }),
    ...(bundle.executable ? { banner: shebang } : {}),
    ...(bundle.wrapped ? { banner: { js: '(function (exports, require, module, __filename, __dirname) {' }, footer: { js: '})' } } : {}),
  };
}

async function makeExecutable(bundle) {
  if (bundle.executable) await chmod(join(root, bundle.outfile), 0o755);
}

if (watch) {
  await copyLauncher();
  for (const bundle of bundles) {
    const base = options(bundle);
    const context = await esbuild.context({
      ...base,
      plugins: [...(base.plugins ?? []), { name: 'chmod', setup: (build) => build.onEnd((result) => (result.errors.length === 0 ? makeExecutable(bundle) : undefined)) }],
    });
    await context.watch();
  }
  console.log('virt-tune: watching for changes');
} else {
  const outcomes = await Promise.allSettled([
    ...bundles.map(async (bundle) => {
      await esbuild.build(options(bundle));
      await makeExecutable(bundle);
    }),
    copyLauncher(),
  ]);
  const failures = outcomes.filter((outcome) => outcome.status === 'rejected').map((outcome) => outcome.reason);
  if (failures.length > 0) {
    // esbuild has printed its own errors already; anything else is shown here.
    for (const failure of failures) if (!Array.isArray(failure?.errors)) console.error(failure);
    console.error('virt-tune: build failed');
    process.exit(1);
  }
}
