// Cold starts of the language server, spawn to the first diagnostics of a 2,000-line domain, alternated:
// each round starts every launch once, in turn (the order reversed every other round), so that a change
// in the machine's load falls on each alike.
//   node out/test/bench/coldStarts.js [--rounds N] [--json] [SERVER ...]
// With servers (dist/server.js of two builds, for an A/B; a path not ending in .js is started as a
// command, as dist/virt-tune-ls), each is started plainly and as VS Code starts it. Without, the launches
// `npm run bench` reports, of this checkout's dist/: plain `node dist/server.js --stdio`, as VS Code
// starts it, the virt-tune-ls command, and the plain launch with no code cache yet (the first start
// after a build or an upgrade: each such start is given an empty cache folder made for it). Before the
// rounds, each launch that takes a code cache is started once, not counted, so that the cache a first
// start after a build makes is there for all of them.
// `npm run bench` runs this in a process of its own, after its server sessions, for all of its cold-start
// rows: before, the plain and VS Code rows were the medians of three starts each taken at other moments
// (the first of the plain launch's three with no code cache, as a build comes right before), and the
// VS Code launch's row came out 22-26 ms above the virt-tune-ls command's in two runs although, started
// alternately, the two read alike (the same CPU time; the command only adds a shell before node).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { bigDomain } from './bigDomain';
import { coldStart, editorLaunch, type ColdStart } from './serverBench';
import { median } from './stats';

const ROOT = resolve(__dirname, '..', '..', '..');

export interface Launch {
  label: string;
  /** A script node runs, or a command (ServerUnderTest). */
  server: string;
  /** The server's environment; the bench's own when not given. */
  environment?: NodeJS.ProcessEnv;
  /** node's own options (a script only). */
  nodeArguments?: readonly string[];
  /** Started with an empty cache folder of its own (XDG_CACHE_HOME), so no code cache is there to take. */
  noCodeCache?: boolean;
}

export interface LaunchFigures {
  label: string;
  starts: ColdStart[];
  /** Medians over the starts. */
  initializedMs: number;
  firstDiagnosticsMs: number;
  mainThreadCpuMs: number | undefined;
  allThreadsCpuMs: number | undefined;
}

/** The launches `npm run bench` reports, of the checkout at `root`. */
export function benchLaunches(root = ROOT): Launch[] {
  const server = join(root, 'dist', 'server.js');
  return [
    { label: 'plain', server },
    { label: 'editor', server, ...editorLaunch() },
    { label: 'command', server: join(root, 'dist', 'virt-tune-ls') },
    { label: 'plain, no code cache', server, noCodeCache: true },
  ];
}

export async function coldStartRounds(launches: readonly Launch[], rounds: number): Promise<LaunchFigures[]> {
  const text = bigDomain(2000, { schemaOnlyDefect: true });
  const starts = launches.map(() => [] as ColdStart[]);
  for (const launch of launches) if (!launch.noCodeCache) await startOnce(launch, text);
  for (let round = 0; round < rounds; round++) {
    const order = launches.map((_, index) => index);
    if (round % 2 === 1) order.reverse();
    for (const index of order) starts[index]!.push(await startOnce(launches[index]!, text));
  }
  return launches.map((launch, index) => {
    const runs = starts[index]!;
    const cpu = (pick: (figures: NonNullable<ColdStart['cpuMs']>) => number) =>
      runs.every((run) => run.cpuMs !== undefined) ? median(runs.map((run) => pick(run.cpuMs!))) : undefined;
    return {
      label: launch.label,
      starts: runs,
      initializedMs: median(runs.map((run) => run.initializedMs)),
      firstDiagnosticsMs: median(runs.map((run) => run.firstDiagnosticsMs)),
      mainThreadCpuMs: cpu((figures) => figures.mainThread),
      allThreadsCpuMs: cpu((figures) => figures.allThreads),
    };
  });
}

async function startOnce(launch: Launch, text: string): Promise<ColdStart> {
  if (!launch.noCodeCache) return coldStart(launch.server, text, launch.environment, launch.nodeArguments);
  const cacheHome = mkdtempSync(join(tmpdir(), 'virt-tune-cold-'));
  try {
    return await coldStart(launch.server, text, { ...(launch.environment ?? process.env), XDG_CACHE_HOME: cacheHome }, launch.nodeArguments);
  } finally {
    rmSync(cacheHome, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  let rounds = 7;
  const roundsAt = args.indexOf('--rounds');
  if (roundsAt >= 0) {
    rounds = Number(args[roundsAt + 1]);
    if (!Number.isInteger(rounds) || rounds <= 0) throw new Error('--rounds takes a positive whole number');
    args.splice(roundsAt, 2);
  }
  const json = args.includes('--json');
  const servers = args.filter((arg) => arg !== '--json').map((path) => resolve(path));
  const launches: Launch[] =
    servers.length === 0
      ? benchLaunches()
      : servers.flatMap((server) =>
          server.endsWith('.js')
            ? [
                { label: `${server} plain`, server },
                { label: `${server} as VS Code starts it`, server, ...editorLaunch() },
              ]
            : [{ label: server, server }],
        );
  const figures = await coldStartRounds(launches, rounds);
  if (json) {
    process.stdout.write(`${JSON.stringify(figures)}\n`);
    return;
  }
  const ms = (value: number | undefined) => (value === undefined ? 'n/a' : `${value.toFixed(1)} ms`);
  process.stdout.write(`${rounds} rounds, medians\n`);
  for (const launch of figures) {
    process.stdout.write(
      `${launch.label}: initialize answered ${ms(launch.initializedMs)}, first diagnostics ${ms(launch.firstDiagnosticsMs)} ` +
        `(each: ${launch.starts.map((start) => start.firstDiagnosticsMs.toFixed(0)).join(' ')}); server CPU by then: main thread ${ms(launch.mainThreadCpuMs)}, all threads ${ms(launch.allThreadsCpuMs)}\n`,
    );
  }
}

if (require.main === module) {
  main().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
