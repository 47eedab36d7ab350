import { test } from 'node:test';
import assert from 'node:assert/strict';
import { identity } from '../../server/src/cmdline/mappedText';
import { tokenize } from '../../server/src/cmdline/tokenize';
import { cmdlineFindings, commandLines, DEFAULT_GRUB } from './cmdlineHelpers';

function split(text: string) {
  const { params, initArgs } = tokenize(identity(text, { start: 0, end: text.length }));
  return { params: params.map((param) => [param.name, param.value ?? null]), init: initArgs.map((param) => param.name) };
}

test('the kernel splits on blanks outside double quotes and takes the name up to the first =', () => {
  assert.deepEqual(split('  ro\troot=UUID=1=2  quiet\n').params, [['ro', null], ['root', 'UUID=1=2'], ['quiet', null]]);
});

test('quotes around a value or around the whole parameter are not part of it', () => {
  assert.deepEqual(split('dyndbg="file x.c +p" "param=spaces in here" "flag"').params, [
    ['dyndbg', 'file x.c +p'],
    ['param', 'spaces in here'],
    ['flag', null],
  ]);
});

test('module options keep their module prefix; an empty value is a value', () => {
  assert.deepEqual(split('kvm_intel.nested=1 kvm-amd.npt=0 foo=').params, [['kvm_intel.nested', '1'], ['kvm-amd.npt', '0'], ['foo', '']]);
});

test('-- ends the kernel parameters: what follows is for init', () => {
  assert.deepEqual(split('ro -- single hugepages=4'), { params: [['ro', null]], init: ['single', 'hugepages'] });
  // `--` with a value is a parameter like any other.
  assert.deepEqual(split('--=x ro').params, [['--', 'x'], ['ro', null]]);
});

test('the value span leaves out the quotes and maps back exactly', () => {
  const text = 'a="x y" b';
  const { params } = tokenize(identity(text, { start: 0, end: text.length }));
  assert.deepEqual(params[0]!.valueSpan, { start: 3, end: 6 });
  assert.deepEqual(params[0]!.span, { start: 0, end: 7 });
  const value = params[0]!.valueOffsets!;
  assert.deepEqual([...Array.from({ length: value.length }, (_, index) => value.offsets[value.start + index]), value.end], [3, 4, 5, 6]);
});

test('a word a stray quote runs across two GRUB variables is left to no rule, and its span never ends before it starts', () => {
  // GRUB_CMDLINE_LINUX comes first on the kernel line, so its lone `"` opens a quote that takes in
  // GRUB_CMDLINE_LINUX_DEFAULT's `t`, which is earlier in the file: the word ` t` has no one place there.
  const text = 'GRUB_CMDLINE_LINUX_DEFAULT="t"\nGRUB_CMDLINE_LINUX=\\"\n';
  const [line] = commandLines(text, DEFAULT_GRUB);
  const word = line!.params.find((param) => param.name.trim() === 't')!;
  assert.ok(word, 'the word across the two variables');
  assert.equal(word.dynamic, true);
  assert.ok(word.span.start <= word.span.end && word.nameSpan.start <= word.nameSpan.end);
  assert.deepEqual(cmdlineFindings(text, DEFAULT_GRUB).filter((finding) => finding.rule === 'VT308'), []);
});
