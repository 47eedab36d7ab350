type LineOp = { kind: ' ' | '-' | '+'; line: string };

const CONTEXT_LINES = 3;

/** Lines with their terminators, so a changed line ending (or a missing final newline) is a change too. */
function splitLines(text: string): string[] {
  return text === '' ? [] : text.split(/(?<=\n)/);
}

/**
 * The shortest edit script from `a` to `b` (Myers' O((N+M)D) algorithm). Only the middle that differs
 * is diffed, and only the diagonals reached are kept per step, so a small fix to a large file is cheap.
 */
function diffLines(a: readonly string[], b: readonly string[]): LineOp[] {
  let prefix = 0;
  while (prefix < a.length && prefix < b.length && a[prefix] === b[prefix]) prefix++;
  let suffix = 0;
  while (suffix < a.length - prefix && suffix < b.length - prefix && a[a.length - 1 - suffix] === b[b.length - 1 - suffix]) suffix++;
  const oldMiddle = a.slice(prefix, a.length - suffix);
  const newMiddle = b.slice(prefix, b.length - suffix);
  return [
    ...a.slice(0, prefix).map((line): LineOp => ({ kind: ' ', line })),
    ...myers(oldMiddle, newMiddle),
    ...a.slice(a.length - suffix).map((line): LineOp => ({ kind: ' ', line })),
  ];
}

function myers(a: readonly string[], b: readonly string[]): LineOp[] {
  const n = a.length;
  const m = b.length;
  // frontier.get(k): the furthest x reached on diagonal k (k = x - y); trace[d] is the frontier before step d.
  let frontier = new Map<number, number>([[1, 0]]);
  const trace: Map<number, number>[] = [];
  const furthest = (v: Map<number, number>, k: number) => v.get(k) ?? -1;
  const stepsDown = (v: Map<number, number>, k: number, d: number) => k === -d || (k !== d && furthest(v, k - 1) < furthest(v, k + 1));
  for (let d = 0; d <= n + m; d++) {
    trace.push(frontier);
    const next = new Map(frontier);
    for (let k = -d; k <= d; k += 2) {
      let x = stepsDown(frontier, k, d) ? furthest(frontier, k + 1) : furthest(frontier, k - 1) + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      next.set(k, x);
      if (x >= n && y >= m) return backtrack(a, b, trace, n, m);
    }
    frontier = next;
  }
  return [];
}

function backtrack(a: readonly string[], b: readonly string[], trace: Map<number, number>[], n: number, m: number): LineOp[] {
  const ops: LineOp[] = [];
  let x = n;
  let y = m;
  for (let d = trace.length - 1; d >= 0; d--) {
    const v = trace[d]!;
    const k = x - y;
    const down = k === -d || (k !== d && (v.get(k - 1) ?? -1) < (v.get(k + 1) ?? -1));
    const previousK = down ? k + 1 : k - 1;
    const previousX = d === 0 ? 0 : v.get(previousK) ?? 0;
    const previousY = d === 0 ? 0 : previousX - previousK;
    while (x > previousX && y > previousY) {
      ops.push({ kind: ' ', line: a[--x]! });
      y--;
    }
    if (d > 0) {
      if (down) ops.push({ kind: '+', line: b[--y]! });
      else ops.push({ kind: '-', line: a[--x]! });
    }
  }
  return ops.reverse();
}

/** A unified diff (`diff -u`) from `oldText` to `newText`, empty when they are equal. */
export function unifiedDiff(oldPath: string, newPath: string, oldText: string, newText: string): string {
  if (oldText === newText) return '';
  const ops = diffLines(splitLines(oldText), splitLines(newText));
  let output = `--- ${oldPath}\n+++ ${newPath}\n`;
  const changed = ops.flatMap((op, index) => (op.kind === ' ' ? [] : [index]));
  let index = 0;
  while (index < changed.length) {
    // A hunk: changes whose gaps are small enough to share their context.
    let last = index;
    while (last + 1 < changed.length && changed[last + 1]! - changed[last]! <= 2 * CONTEXT_LINES + 1) last++;
    const start = Math.max(0, changed[index]! - CONTEXT_LINES);
    const end = Math.min(ops.length, changed[last]! + CONTEXT_LINES + 1);
    output += hunk(ops, start, end);
    index = last + 1;
  }
  return output;
}

function hunk(ops: readonly LineOp[], start: number, end: number): string {
  let oldLine = 1;
  let newLine = 1;
  for (const op of ops.slice(0, start)) {
    if (op.kind !== '+') oldLine++;
    if (op.kind !== '-') newLine++;
  }
  const body = ops.slice(start, end);
  const oldCount = body.filter((op) => op.kind !== '+').length;
  const newCount = body.filter((op) => op.kind !== '-').length;
  let output = `@@ -${hunkRange(oldLine, oldCount)} +${hunkRange(newLine, newCount)} @@\n`;
  for (const op of body) {
    output += op.kind + op.line.replace(/\n$/, '') + '\n';
    if (!op.line.endsWith('\n')) output += '\\ No newline at end of file\n';
  }
  return output;
}

/** `start,count` as diff writes it: the count left out when 1, and an empty range named by the line before it. */
function hunkRange(start: number, count: number): string {
  if (count === 0) return `${start - 1},0`;
  return count === 1 ? `${start}` : `${start},${count}`;
}
