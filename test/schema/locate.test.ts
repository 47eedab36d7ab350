import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseXml } from '../../server/src/xml/parser';
import { elementAtPath } from '../../server/src/schema/locate';

test('a libxml2 path names an element of the tolerant tree, with [n] counted among same-name siblings', () => {
  const text = "<domain><devices><disk/><disk><source dev='b'/></disk><interface/></devices></domain>";
  const document = parseXml(text);
  const source = elementAtPath(document, '/domain/devices/disk[2]/source');
  assert.equal(source && text.slice(source.span.start, source.span.end), "<source dev='b'/>");
  assert.equal(elementAtPath(document, '/domain')?.name, 'domain');
  assert.equal(elementAtPath(document, '/domain/devices/interface')?.name, 'interface');
  assert.equal(elementAtPath(document, '/domain/devices/disk[3]'), undefined);
  assert.equal(elementAtPath(document, '/network'), undefined);
  assert.equal(elementAtPath(document, "/domain/metadata/*[name()='app:x']"), undefined);
});
