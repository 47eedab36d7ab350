import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LineStarts } from '../../server/src/core/lineStarts';

test('LineStarts gives the 1-based line and column TextDocument.positionAt gives, at every offset', () => {
  for (const text of ['', 'one line', 'a\nbc\n\ndef', '\n\n', 'x\r\ny\nz', 'tail\n']) {
    const lines = new LineStarts(text);
    const document = TextDocument.create('file:///t', 'xml', 1, text);
    for (let offset = 0; offset <= text.length; offset++) {
      if (text[offset - 1] === '\r' && text[offset] === '\n') continue; // between \r and \n: TextDocument counts \r as a line end too
      const expected = document.positionAt(offset);
      assert.deepEqual(lines.position(offset), { line: expected.line + 1, column: expected.character + 1 }, `${JSON.stringify(text)} at ${offset}`);
    }
  }
});
