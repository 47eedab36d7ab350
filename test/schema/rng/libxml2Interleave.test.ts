import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { loadRngSchema } from '../../../server/src/schema/rng';
import type { SchemaError } from '../../../server/src/schema/types';
import { grammar } from './helpers';

// libxml2's interleave bookkeeping (see server/src/schema/rng/libxml2Interleave.ts) where it reaches
// past what the spec says: each verdict below is xmllint's (libxml2 2.9.14) on the same schema and text.

/** `kind path element attribute` of each error, and whether it says libxml2 alone refuses. */
function brief(errors: readonly SchemaError[]): string[] {
  return errors.map((error) => [error.kind, error.path, error.element, error.attribute, error.libxml2Only ? 'libxml2 only' : ''].filter(Boolean).join(' '));
}

// libvirt 9.0's `ids`: an optional id attribute beside the name/uuid interleave, itself a branch of <domain>'s.
const IDS = grammar(`<element name="domain">
  <attribute name="type"/>
  <interleave>
    <group>
      <optional><attribute name="id"/></optional>
      <interleave><element name="name"><text/></element><optional><element name="uuid"><text/></element></optional></interleave>
    </group>
    <optional><element name="cpu"><empty/></element></optional>
    <element name="os"><text/></element>
  </interleave>
</element>`, '', '');

test("an id attribute with <name> and <uuid> parted (9.0's ids): libxml2 refuses the attribute, at the attribute", () => {
  const ids = loadRngSchema(IDS);
  const parted = "<domain type='q' id='7'><name>n</name><cpu/><uuid>u</uuid><os>x</os></domain>";
  const errors = ids.validate(parted);
  assert.deepEqual(brief(errors), ['invalid-attribute /domain domain id libxml2 only']);
  assert.equal(errors[0]!.column, parted.indexOf("id='7'") + 1);
  // Without the attribute, or with the two next to each other, libxml2 accepts it as the spec does.
  assert.deepEqual(ids.validate("<domain type='q'><name>n</name><cpu/><uuid>u</uuid><os>x</os></domain>"), []);
  assert.deepEqual(ids.validate("<domain type='q' id='7'><name>n</name><uuid>u</uuid><cpu/><os>x</os></domain>"), []);
});

// libvirt 9.0's os: a choice of xen's forms (groups with its bootloader interleave) and an interleave for hvm.
const OS = grammar(`<element name="domain"><interleave>
  <element name="name"><text/></element>
  <choice>
    <choice>
      <group><optional><ref name="bootloader"/></optional><element name="os"><value>xen</value></element></group>
      <group><ref name="bootloader"/><optional><element name="os"><value>xen</value></element></optional></group>
    </choice>
    <interleave><optional><ref name="bootloader"/></optional><element name="os"><value>hvm</value></element></interleave>
  </choice>
  <optional><element name="devices"><empty/></element></optional>
</interleave></element>`, `<define name="bootloader"><interleave>
  <optional><element name="bootloader"><empty/></element></optional>
  <optional><element name="bootloader_args"><text/></element></optional>
</interleave></define>`, '');

test("<bootloader> before <name> in a domain whose os is hvm (9.0's os): libxml2 finds <name> extra", () => {
  const os = loadRngSchema(OS);
  assert.deepEqual(brief(os.validate('<domain><bootloader/><name>e</name><os>hvm</os><devices/></domain>')), ['invalid-sequence /domain/name name libxml2 only']);
  assert.deepEqual(os.validate('<domain><name>e</name><bootloader/><os>hvm</os><devices/></domain>'), []);
  // The xen form takes the same order: libxml2's relinking only harms the hvm one.
  assert.deepEqual(os.validate('<domain><bootloader/><name>e</name><os>xen</os><devices/></domain>'), []);
});

const HOST = '/usr/share/libvirt/schemas/domain.rng';
const HOST_SCHEMA = existsSync(HOST) ? HOST : undefined;

test("the host's libvirt 9.0 schema: the fuzzer's two texts get xmllint's verdict and place", { skip: HOST_SCHEMA ? false : `${HOST} is missing` }, () => {
  const schema = loadRngSchema(HOST_SCHEMA!);
  const head = "<domain type='qemu' id='7'><name>1</name><os><type arch='x86_64' machine='c'>hvm</type></os><cpu mode='custom' match='exact' check='none'></cpu><uuid>c7a5fdbd-edaf-9455-926a-d65c16db1809</uuid>";
  const devices = "<devices><disk type='block' device='disk'><target dev='hda' bus='ide'/></disk><input type='mouse' bus='ps2'></input><input type='keyboard' bus='ps2'></input><graphics type='spice' port='3' tlsPort='4' autoport='no' listen='1' defaultMode='secure'></graphics><video></video><video></video></devices></domain>";
  // xmllint: "element domain: Invalid attribute id for element domain".
  assert.deepEqual(brief(schema.validate(head + devices)), ['invalid-attribute /domain domain id libxml2 only']);
  assert.deepEqual(schema.validate(head.replace(" id='7'", '') + devices), []);
  // xmllint: "Expecting element os, got bootloader", "Extra element name in interleave".
  const bhyve = "<domain type='bhyve'><bootloader></bootloader><name>e</name><os><type>hvm</type></os><devices><disk type='file'><target dev='hda' bus='sata'/></disk><interface type='bridge'></interface></devices></domain>";
  assert.deepEqual(brief(schema.validate(bhyve)), ['invalid-sequence /domain/name name libxml2 only']);
  assert.deepEqual(schema.validate(bhyve.replace('<bootloader></bootloader><name>e</name>', '<name>e</name><bootloader></bootloader>')), []);
});
