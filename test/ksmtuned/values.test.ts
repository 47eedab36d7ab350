import { test } from 'node:test';
import assert from 'node:assert/strict';
import { leadingZero } from '../../server/src/ksmtuned/values';

test('a leading zero: the digits after the sign and zeros, and the octal value bash would read', () => {
  assert.deepEqual(leadingZero('010'), { decimal: '10', octalValue: 8 });
  assert.deepEqual(leadingZero(' -08\t'), { decimal: '-8', octalValue: undefined });
  assert.deepEqual(leadingZero('+007'), { decimal: '+7', octalValue: 7 });
  assert.deepEqual(leadingZero('000'), { decimal: '0', octalValue: 0 });
  for (const none of ['0', '10', '-0', '0x10', '0 1', '', ' ', '00a', '0.5']) assert.equal(leadingZero(none), undefined, none);
});

test('a leading zero is read as the one expression it replaces read it, on every short text of its characters', () => {
  // The expression that had the meaning; it backtracks quadratically on long runs of zeros, so only short texts here.
  const reference = (literal: string) => {
    const match = /^[ \t]*([+-]?)0+([0-9]+)[ \t]*$/.exec(literal);
    if (!match) return undefined;
    const all = literal.trim().replace(/^[+-]/, '');
    return { decimal: `${match[1]}${match[2]}`, octalValue: /^[0-7]+$/.test(all) ? Number.parseInt(all, 8) * (match[1] === '-' ? -1 : 1) : undefined };
  };
  // Every text of up to five of these characters (19,607 texts).
  const alphabet = ['0', '7', '9', '-', '+', ' ', 'x'];
  let texts = [''];
  for (let length = 1; length <= 5; length++) {
    texts = texts.filter((text) => text.length === length - 1).flatMap((text) => alphabet.map((character) => text + character)).concat(texts);
    for (const literal of texts) if (literal.length === length) assert.deepEqual(leadingZero(literal), reference(literal), JSON.stringify(literal));
  }
});
