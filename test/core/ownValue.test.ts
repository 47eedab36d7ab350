import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { ownValue } from '../../server/src/core/ownValue';
import { serviceFor } from '../../server/src/services';
import type { FileKind } from '../../server/src/core/types';
import { GUEST } from '../schema/guest';

const PROTOTYPE_NAMES = ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf'];

test('a record answers its own keys only', () => {
  const record: Readonly<Record<string, string>> = { on: 'yes' };
  assert.equal(ownValue(record, 'on'), 'yes');
  for (const name of PROTOTYPE_NAMES) assert.equal(ownValue(record, name), undefined, name);
});

/** Every text a finding shows or a fix writes. */
function wordsOf(kind: FileKind, path: string, text: string): string[] {
  const findings = serviceFor(kind)!.diagnostics(TextDocument.create(`file://${path}`, kind === 'domain' ? 'xml' : kind, 1, text));
  return findings.flatMap((finding) => [finding.message, ...finding.fixes.flatMap((fix) => [fix.title, ...fix.edits.map((edit) => edit.newText)])]);
}

test("values named as Object's prototype members are values, in every kind's findings and fixes", () => {
  for (const name of PROTOTYPE_NAMES) {
    // Every attribute value and every word of text of a domain; kernel parameters and their values; ksmtuned settings.
    const domain = GUEST.replace(/='[^']*'/g, `='${name}'`).replace(/>[A-Za-z0-9_./-]+</g, `>${name}<`);
    const params = [name, `${name}=${name}`, `elevator=${name}`, `transparent_hugepage=${name}`, `numa_balancing=${name}`, `hugepagesz=${name}`, `${name}.${name}=${name}`];
    const cases: [FileKind, string, string][] = [
      ['domain', '/etc/libvirt/qemu/guest.xml', domain],
      ['domain', '/etc/libvirt/qemu/guest.xml', `<domain type='kvm'><name>g</name><memory>1</memory><os><type>hvm</type><bootmenu enable='${name}'/></os><devices><controller type='usb' index='0' model='${name}'/><input type='tablet' bus='usb'><address type='usb' bus='0' port='1'/></input></devices></domain>\n`],
      ['cmdline', '/etc/kernel/cmdline', `${params.join(' ')}\n`],
      ['cmdline', '/etc/default/grub', `GRUB_CMDLINE_LINUX="${params.join(' ')}"\n${name}=${name}\n`],
      ['ksmtuned', '/etc/ksmtuned.conf', `${name}=${name}\nKSM_${name}=${name}\nKSM_NPAGES_MAX=${name}\nLOGFILE=${name}\nDEBUG=${name}\n`],
    ];
    // An entity of that name is no entity XML knows.
    const entity = wordsOf('domain', '/etc/libvirt/qemu/guest.xml', GUEST.replace('<name>', `<name>a&${name};`));
    assert.ok(entity.includes(`Unknown entity '&${name};': XML knows &lt; &gt; &amp; &quot; &apos; and &#N;.`), `&${name};`);
    for (const [kind, path, text] of cases) {
      for (const words of wordsOf(kind, path, text)) {
        assert.doesNotMatch(words, /native code|\[object |function \w*\(/, `${kind} with ${name}`);
      }
    }
  }
});
