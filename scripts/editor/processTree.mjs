// Stopping a process and every process it started. code-server's extension hosts and language servers
// outlive the page, and a terminal's shell runs in a process group of its own, so neither killing the
// pid nor its process group is enough: the tree is read from /proc, and read again until it is gone.
import { readdirSync, readFileSync } from 'node:fs';

/** Each process's parent, from /proc/PID/stat (Linux). */
function parents() {
  const parentOf = new Map();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // The command name, in parentheses, may hold spaces: the fields after its last ')' are fixed.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      parentOf.set(Number(entry), Number(fields[1]));
    } catch {
      // The process ended while we looked.
    }
  }
  return parentOf;
}

/** The pid and all its living descendants. */
export function processTree(pid) {
  const parentOf = parents();
  const tree = new Set([pid]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const [child, parent] of parentOf) {
      if (tree.has(parent) && !tree.has(child)) {
        tree.add(child);
        grew = true;
      }
    }
  }
  return [...tree].filter(isAlive);
}

function isAlive(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat[stat.lastIndexOf(')') + 2] !== 'Z';
  } catch {
    return false;
  }
}

function signal(pids, name) {
  for (const pid of pids) {
    try {
      process.kill(pid, name);
    } catch {
      // Already gone.
    }
  }
}

/**
 * Ends a process and all its descendants: SIGTERM to the whole tree (noted before anything dies, since
 * orphans are handed to init), then SIGKILL to whatever is left after `graceMs`.
 */
export async function killTree(pid, graceMs = 5000) {
  const seen = new Set(processTree(pid));
  signal(seen, 'SIGTERM');
  const deadline = Date.now() + graceMs;
  for (;;) {
    // Descendants started during the shutdown are caught too.
    for (const member of [...seen]) for (const descendant of processTree(member)) seen.add(descendant);
    const alive = [...seen].filter(isAlive);
    if (alive.length === 0) return;
    if (Date.now() > deadline) {
      signal(alive, 'SIGKILL');
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The same, synchronous and without grace, for a process that is exiting and cannot wait. */
export function killTreeNow(pid) {
  signal(processTree(pid), 'SIGKILL');
}
