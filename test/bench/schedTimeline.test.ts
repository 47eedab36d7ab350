import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpuUseWithin, parseScheduler, statesWithin, stretchesWithin } from './schedTimeline';

// What `perf script -F comm,pid,tid,cpu,time,event,trace` prints: the server's main thread (100) sleeps
// on CPU 0, is woken by the client (200) at 1.000 s, waits while a helper (101) runs, runs 3 ms, is
// preempted by the helper, runs again and sleeps; times in seconds.
const SCRIPT = [
  '            node   100/100   [000]     0.990000: sched:sched_switch: prev_comm=node prev_pid=100 prev_prio=120 prev_state=S ==> next_comm=node next_pid=101 next_prio=120',
  '            node   200/200   [001]     1.000000: sched:sched_wakeup: comm=node pid=100 prio=120 target_cpu=000',
  '            node   100/101   [000]     1.002000: sched:sched_switch: prev_comm=node prev_pid=101 prev_prio=120 prev_state=R ==> next_comm=node next_pid=100 next_prio=120',
  '            node   100/100   [000]     1.005000: sched:sched_switch: prev_comm=node prev_pid=100 prev_prio=120 prev_state=R+ ==> next_comm=node next_pid=101 next_prio=120',
  '            node   100/101   [000]     1.006000: sched:sched_switch: prev_comm=node prev_pid=101 prev_prio=120 prev_state=S ==> next_comm=node next_pid=100 next_prio=120',
  '            node   100/100   [000]     1.008000: sched:sched_switch: prev_comm=node prev_pid=100 prev_prio=120 prev_state=S ==> next_comm=swapper/0 next_pid=0 next_prio=120',
  'a line of something else',
].join('\n');

test("the scheduler's timeline: each thread's running, runnable and sleeping stretches, who woke a sleep, what each CPU ran", () => {
  const timeline = parseScheduler(SCRIPT);
  const main = statesWithin(timeline, 100, 990, 1008);
  assert.deepEqual(
    Object.fromEntries(Object.entries(main).map(([state, ms]) => [state, Math.round(ms * 1000) / 1000])),
    { running: 5, runnable: 3, sleeping: 10 },
  );
  const sleep = stretchesWithin(timeline, 100, 'sleeping', 0, 2000);
  assert.equal(sleep.length, 1);
  assert.equal(sleep[0]!.sleptAs, 'S');
  assert.equal(sleep[0]!.wokenBy, 200);
  // While the main thread waited runnable (1.000-1.002 and 1.005-1.006 s), CPU 0 ran the helper.
  const waits = stretchesWithin(timeline, 100, 'runnable', 0, 2000);
  const helper = waits.reduce((sum, wait) => sum + (cpuUseWithin(timeline, wait.start, wait.end).get(101) ?? 0), 0);
  assert.equal(Math.round(helper * 1000) / 1000, 3);
  assert.equal(timeline.processOf.get(101)?.pid, 100);
});
