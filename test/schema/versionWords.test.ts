import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Finding } from '../../server/src/core/types';
import { domainDocument } from '../../server/src/domain/document';
import { BUILTIN_LIBVIRT_VERSION, withVersionWords } from '../../server/src/domain/verdict/versionWords';
import type { SchemaSource } from '../../server/src/schema/types';
import { textDocument } from '../helpers';
import { guestWith } from './guest';

const HOST_9: SchemaSource = { path: '/usr/share/libvirt/schemas/domain.rng', label: 'host libvirt schema', libvirtVersion: '9.0.0' };
const LATER = 'comes with a later libvirt';

/** The message the host schema's finding gets when it starts at `marker`'s first character in `text`. */
function wordsAt(text: string, marker: string, source: SchemaSource = HOST_9): string {
  const start = text.indexOf(marker);
  assert.ok(start >= 0, `${marker} is in the text`);
  const document = textDocument(text);
  const finding: Finding = {
    rule: 'VT108',
    severity: 'error',
    message: `refused (${source.label})`,
    range: { start: document.positionAt(start), end: document.positionAt(start + marker.length) },
    fixes: [],
  };
  const [result] = withVersionWords([finding], domainDocument(document).xml.root, document, source);
  return result!.message;
}

test('an attribute the built-in structure knows, refused by an older host: named as coming later, before the label', () => {
  const text = guestWith("<vcpu placement='static'>2</vcpu>", "<vcpu placement='static'>2</vcpu>\n  <cpu><topology sockets='1' dies='1' clusters='1' cores='2' threads='1'/></cpu>");
  assert.equal(
    wordsAt(text, 'clusters'),
    `refused This host runs libvirt 9.0.0; clusters= ${LATER} (virt-tune's built-in structure, from libvirt ${BUILTIN_LIBVIRT_VERSION}, knows it). (host libvirt schema)`,
  );
});

test('a listed value the built-in structure has: the value is named, not the attribute', () => {
  const text = guestWith('  </devices>', "    <watchdog model='itco'/>\n  </devices>");
  assert.match(wordsAt(text, "model='itco'"), /libvirt 9\.0\.0; model='itco' comes with a later libvirt/);
  assert.match(wordsAt(text, 'itco'), /model='itco' comes with a later libvirt/);
});

test('a listed value the built-in structure does not have either: no words about versions', () => {
  const text = guestWith('  </devices>', "    <watchdog model='itcx'/>\n  </devices>");
  assert.equal(wordsAt(text, "model='itcx'"), 'refused (host libvirt schema)');
});

test('a value refused for its form (an address) is not a matter of version, though the attribute is known', () => {
  const text = guestWith("<model type='virtio'/>", "<model type='virtio'/>\n      <ip address='000cd::' family='ipv6' prefix='64'/>");
  assert.equal(wordsAt(text, '000cd::'), 'refused (host libvirt schema)');
});

test('an element the built-in structure knows there, on its name', () => {
  const text = guestWith('  </devices>', "    <watchdog model='itco'/>\n  </devices>");
  assert.match(wordsAt(text, 'watchdog'), /libvirt 9\.0\.0; <watchdog> comes with a later libvirt/);
});

test('no words when the host is as recent as the built-in structure, or its version is unknown', () => {
  const text = guestWith('  </devices>', "    <watchdog model='itco'/>\n  </devices>");
  assert.equal(wordsAt(text, "model='itco'", { ...HOST_9, libvirtVersion: BUILTIN_LIBVIRT_VERSION }), 'refused (host libvirt schema)');
  assert.equal(wordsAt(text, "model='itco'", { path: HOST_9.path, label: HOST_9.label }), 'refused (host libvirt schema)');
});
