import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatCpuset, parseCpuset, plainCpusetIds, readCpuset } from '../../server/src/kb/cpuset';
import { formatKiB, MEMORY_UNITS, memoryUnit, toKiB } from '../../server/src/kb/units';
import { valueProblem } from '../../server/src/kb/values';

test('toKiB scales by libvirt units, binary and decimal, in any case', () => {
  assert.equal(toKiB(1, 'G'), 1048576);
  assert.equal(toKiB(4, 'GiB'), 4194304);
  assert.equal(toKiB(2, 'gib'), 2097152);
  assert.equal(toKiB(1, 'MB'), 1e6 / 1024);
  assert.equal(toKiB(1024, 'b'), 1);
  assert.equal(toKiB(2048, 'bytes'), 2);
  assert.equal(toKiB(2048, 'byte'), 2);
  assert.equal(toKiB(512000, 'KiB'), 512000);
  assert.equal(toKiB(1, 'k'), 1);
  assert.equal(toKiB(1, 'KB'), 1000 / 1024);
  assert.equal(toKiB(1, 'T'), 1024 ** 3);
  assert.equal(toKiB(1, 'GB2'), undefined);
  assert.equal(toKiB(1, ''), undefined);
  assert.equal(memoryUnit('mib')?.name, 'MiB');
  assert.equal(formatKiB(4194304), '4 GiB');
  assert.equal(formatKiB(1000), '1000 KiB');
});

test('memoryUnit finds what a case-blind search of the units finds (no two units share a lowercased name)', () => {
  const lowered = MEMORY_UNITS.map((unit) => unit.name.toLowerCase());
  assert.equal(new Set(lowered).size, lowered.length);
  for (const unit of MEMORY_UNITS) {
    for (const written of [unit.name, unit.name.toLowerCase(), unit.name.toUpperCase()]) assert.equal(memoryUnit(written), unit);
  }
  assert.equal(memoryUnit('kIb')?.name, 'KiB');
  assert.equal(memoryUnit('KiB '), undefined);
});

test('parseCpuset reads ranges and exclusions as libvirt does', () => {
  assert.deepEqual(parseCpuset('0-10,^5'), { ids: [0, 1, 2, 3, 4, 6, 7, 8, 9, 10], problems: [] });
  assert.deepEqual(parseCpuset('1-4,^2'), { ids: [1, 3, 4], problems: [] });
  assert.deepEqual(parseCpuset('0,2-3').ids, [0, 2, 3]);
  assert.equal(formatCpuset([0, 1, 2, 3, 6, 8, 9]), '0-3,6,8-9');
});

test('parseCpuset reports what libvirt refuses, with spans inside the value', () => {
  const reversed = parseCpuset('3-1');
  assert.deepEqual(reversed.ids, []);
  assert.equal(reversed.problems.length, 1);
  assert.match(reversed.problems[0]!.message, /reversed/);
  assert.deepEqual(reversed.problems[0]!.span, { start: 0, end: 3 });

  const negatedRange = parseCpuset('^2-3');
  assert.equal(negatedRange.problems.length, 1);
  assert.match(negatedRange.problems[0]!.message, /single ids/);

  const empty = parseCpuset('');
  assert.equal(empty.problems.length, 1);
  assert.match(empty.problems[0]!.message, /empty/);

  const word = parseCpuset('a');
  assert.equal(word.problems.length, 1);
  assert.deepEqual(word.problems[0]!.span, { start: 0, end: 1 });

  const second = parseCpuset('0-3,x');
  assert.deepEqual(second.problems.map((problem) => problem.span), [{ start: 4, end: 5 }]);
  assert.equal(parseCpuset('1,^1').problems.length, 1, 'a list that selects nothing');
});

test('plainCpusetIds reads a plain list as the full reader does, and leaves every other list to it', () => {
  assert.deepEqual(plainCpusetIds('0-3,8,10-11'), [0, 1, 2, 3, 8, 10, 11]);
  for (const other of ['', ' 1', '1 ', '1,', ',1', '1,,2', '^1', '0-3,^2', '3-1', '1-1-2', '-1', '1-', '2,1', '0-3,3', '0-3,2-5', '16384', '0-16384', '00016383', 'a', '1\u0660']) {
    if (other === '00016383') assert.deepEqual(plainCpusetIds(other), [16383]);
    else assert.equal(plainCpusetIds(other), undefined, other);
  }
  // Every list of up to four entries made of these parts: where the plain reader answers, the full one agrees and finds no problem.
  const parts = ['0', '1', '2', '7', '10', '0-1', '1-3', '2-2', '3-1', '^1', ' 2', '16383', '16384', '0-16383', 'x', ''];
  let plain = 0;
  const lists: string[] = [...parts];
  for (const a of parts) for (const b of parts) {
    lists.push(`${a},${b}`);
    for (const c of ['1', '5-6', '^2', '', '11', '12-13', '9000-9001']) lists.push(`${a},${b},${c}`, `${c},${a},${b},${c}`);
  }
  for (const list of lists) {
    const ids = plainCpusetIds(list);
    if (ids === undefined) continue;
    plain++;
    assert.deepEqual({ ids, problems: [] }, readCpuset(list), list);
  }
  assert.ok(plain > 100, `${plain} plain lists checked`);
});

test('valueProblem checks a value against its type', () => {
  const cache = { kind: 'enum', values: [{ value: 'none' }, { value: 'writeback' }] } as const;
  assert.equal(valueProblem(cache, 'none'), undefined);
  assert.match(valueProblem(cache, 'None')!, /not one of none, writeback/);
  assert.equal(valueProblem({ kind: 'yesno' }, 'yes'), undefined);
  assert.ok(valueProblem({ kind: 'yesno' }, 'on'));
  assert.equal(valueProblem({ kind: 'onoff' }, 'off'), undefined);
  assert.ok(valueProblem({ kind: 'onoff' }, 'no'));
  const period = { kind: 'integer', min: 1000, max: 1000000 } as const;
  assert.equal(valueProblem(period, '1000000'), undefined);
  assert.match(valueProblem(period, '999')!, /below 1000/);
  assert.match(valueProblem(period, '1000001')!, /above 1000000/);
  assert.ok(valueProblem(period, '10.5'));
  assert.ok(valueProblem(period, ''));
  assert.equal(valueProblem({ kind: 'integer', max: 17592186044415 }, '-1'), undefined);
  assert.equal(valueProblem({ kind: 'integer', min: 0 }, '18446744073709551615'), undefined, 'beyond 2^53 is still exact');
  assert.equal(valueProblem({ kind: 'memory' }, '4194304'), undefined);
  assert.ok(valueProblem({ kind: 'memory' }, '4G'));
  assert.equal(valueProblem({ kind: 'memoryUnit' }, 'GiB'), undefined);
  assert.ok(valueProblem({ kind: 'memoryUnit' }, 'GiG'));
  assert.equal(valueProblem({ kind: 'cpuset' }, '0-3,^2'), undefined);
  assert.match(valueProblem({ kind: 'nodeset' }, '3-1')!, /reversed/);
  assert.equal(valueProblem({ kind: 'string' }, 'anything'), undefined);
});
