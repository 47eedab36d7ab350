// The kernel scheduler's view of a run, from `perf record -e sched:sched_switch -e sched:sched_wakeup -a
// -k CLOCK_MONOTONIC`: for every thread, when it ran (and on which CPU), when it was runnable but waited
// for a CPU, and when it slept; and what ran on each CPU. Times are CLOCK_MONOTONIC ms.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { delay } from './lspClient';

export type ThreadState = 'running' | 'runnable' | 'sleeping';

export interface Stretch {
  start: number;
  end: number;
  state: ThreadState;
  /** A sleep: the state the thread left the CPU in (S: waits for an event, D: for the kernel, such as a page fault's lock). */
  sleptAs?: string;
  /** A sleep: the thread that woke it (0: an interrupt, or none seen). */
  wokenBy?: number;
}

export interface CpuStretch {
  start: number;
  end: number;
  tid: number;
}

export interface SchedTimeline {
  /** Each thread's states in time order (only from the first event that names the thread). */
  threads: Map<number, Stretch[]>;
  /** What ran on each CPU, in time order (the idle task is tid 0). */
  cpus: Map<number, CpuStretch[]>;
  /** The process (thread group) of each thread seen running, and its command name. */
  processOf: Map<number, { pid: number; comm: string }>;
}

/** Starts recording every CPU's scheduler events into `file`; the returned function stops it. */
export async function recordScheduler(file: string): Promise<() => Promise<void>> {
  const perf: ChildProcess = spawn('perf', ['record', '-q', '-e', 'sched:sched_switch', '-e', 'sched:sched_wakeup', '-a', '-k', 'CLOCK_MONOTONIC', '-o', file], { stdio: 'ignore' });
  const exited = new Promise<void>((resolve) => perf.once('exit', () => resolve()));
  // perf opens its file once its events are set up.
  for (let waited = 0; !existsSync(file) && waited < 5000; waited += 50) await delay(50);
  await delay(200);
  return async () => {
    perf.kill('SIGINT');
    await exited;
  };
}

const HEADER = /^\s*(.+?)\s+(\d+)\/(\d+)\s+\[(\d+)\]\s+([\d.]+):\s+sched:(sched_switch|sched_wakeup):\s+(.*)$/;
const SWITCH = /prev_pid=(\d+) .*prev_state=(\S+) ==> next_comm=.* next_pid=(\d+) /;
const WAKEUP = / pid=(\d+) /;

/** Reads a recording made by recordScheduler. */
export function readScheduler(file: string): SchedTimeline {
  const script = spawnSync('perf', ['script', '-i', file, '-F', 'comm,pid,tid,cpu,time,event,trace'], { encoding: 'utf8', maxBuffer: 1 << 30 });
  if (script.status !== 0) throw new Error(`perf script failed: ${script.stderr}`);
  return parseScheduler(script.stdout);
}

/** The timeline of `perf script -F comm,pid,tid,cpu,time,event,trace` output. */
export function parseScheduler(text: string): SchedTimeline {
  const threads = new Map<number, Stretch[]>();
  const cpus = new Map<number, CpuStretch[]>();
  const processOf = new Map<number, { pid: number; comm: string }>();
  /** Each thread's current state and since when. */
  const now = new Map<number, { state: ThreadState; since: number; sleptAs?: string; wokenBy?: number }>();
  const running = new Map<number, { tid: number; since: number }>();
  const enter = (tid: number, state: ThreadState, at: number, sleptAs?: string, waker?: number): void => {
    const last = now.get(tid);
    if (last && last.since < at) {
      let list = threads.get(tid);
      if (!list) threads.set(tid, (list = []));
      const sleep = last.state === 'sleeping' ? { ...(last.sleptAs ? { sleptAs: last.sleptAs } : {}), wokenBy: waker ?? 0 } : {};
      list.push({ start: last.since, end: at, state: last.state, ...sleep });
    }
    now.set(tid, { state, since: at, ...(sleptAs ? { sleptAs } : {}) });
  };
  for (const line of text.split('\n')) {
    const header = HEADER.exec(line);
    if (!header) continue;
    const [, comm, pid, tid, cpu, time, event, rest] = header;
    const at = Number(time) * 1000;
    if (Number(tid) !== 0) processOf.set(Number(tid), { pid: Number(pid), comm: comm! });
    if (event === 'sched_wakeup') {
      const woken = Number(WAKEUP.exec(rest!)?.[1]);
      // A wakeup of a thread already running or runnable changes nothing.
      if (now.get(woken)?.state !== 'running' && now.get(woken)?.state !== 'runnable') enter(woken, 'runnable', at, undefined, Number(tid));
      continue;
    }
    const fields = SWITCH.exec(rest!);
    if (!fields) continue;
    const previous = Number(fields[1]);
    const next = Number(fields[3]);
    // R and R+: preempted, still runnable; any other state is a sleep of some kind.
    if (previous !== 0) enter(previous, fields[2]!.startsWith('R') ? 'runnable' : 'sleeping', at, fields[2]);
    if (next !== 0) enter(next, 'running', at);
    const onCpu = running.get(Number(cpu));
    let list = cpus.get(Number(cpu));
    if (!list) cpus.set(Number(cpu), (list = []));
    if (onCpu) list.push({ start: onCpu.since, end: at, tid: onCpu.tid });
    running.set(Number(cpu), { tid: next, since: at });
  }
  return { threads, cpus, processOf };
}

/** The index of the first stretch ending after `from` (stretches do not overlap, so their ends are in order). */
function firstAfter(list: readonly { end: number }[], from: number): number {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (list[middle]!.end <= from) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** The time `tid` spent in each state within [from, to]. */
export function statesWithin(timeline: SchedTimeline, tid: number, from: number, to: number): Record<ThreadState, number> {
  const spent: Record<ThreadState, number> = { running: 0, runnable: 0, sleeping: 0 };
  const list = timeline.threads.get(tid) ?? [];
  for (let index = firstAfter(list, from); index < list.length; index++) {
    const stretch = list[index]!;
    if (stretch.start >= to) break;
    spent[stretch.state] += Math.min(stretch.end, to) - Math.max(stretch.start, from);
  }
  return spent;
}

/** The stretches in which `tid` was in `state`, clipped to [from, to]. */
export function stretchesWithin(timeline: SchedTimeline, tid: number, state: ThreadState, from: number, to: number): Stretch[] {
  const found: Stretch[] = [];
  const list = timeline.threads.get(tid) ?? [];
  for (let index = firstAfter(list, from); index < list.length; index++) {
    const stretch = list[index]!;
    if (stretch.start >= to) break;
    if (stretch.state === state) found.push({ ...stretch, start: Math.max(stretch.start, from), end: Math.min(stretch.end, to) });
  }
  return found;
}

/** CPU time each thread had within [from, to], over every CPU. */
export function cpuUseWithin(timeline: SchedTimeline, from: number, to: number): Map<number, number> {
  const use = new Map<number, number>();
  for (const list of timeline.cpus.values()) {
    for (let index = firstAfter(list, from); index < list.length; index++) {
      const stretch = list[index]!;
      if (stretch.start >= to) break;
      use.set(stretch.tid, (use.get(stretch.tid) ?? 0) + Math.min(stretch.end, to) - Math.max(stretch.start, from));
    }
  }
  return use;
}
