import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  schemaAttribute,
  schemaAttributes,
  schemaChild,
  schemaChildren,
  schemaElementAt,
  schemaElementOf,
  schemaElementSpec,
  schemaEnumValues,
  schemaValueAccepts,
  type SchemaElement,
  type SchemaValue,
} from '../../server/src/kb/schema';
import { parseXml } from '../../server/src/xml/parser';
import { walkElements } from '../../server/src/xml/query';
import { domain } from '../helpers';
import { schemaViolations } from './schema-violations';

function at(path: string): SchemaElement {
  const element = schemaElementAt(path.split('/'));
  assert.ok(element, `${path} is not in the schema`);
  return element;
}

function attributeValue(path: string, name: string): SchemaValue {
  const attribute = schemaAttribute(at(path), name);
  assert.ok(attribute, `${path}@${name} is not in the schema`);
  return attribute.value;
}

test('domain holds the whole domain', () => {
  const names = schemaChildren(at('domain')).map((child) => child.name);
  const expected = ['name', 'memory', 'vcpu', 'devices', 'cputune', 'numatune', 'memtune', 'memoryBacking', 'os'];
  for (const name of [...expected, 'features', 'cpu', 'clock', 'metadata', 'qemu:commandline']) {
    assert.ok(names.includes(name), `domain/${name}`);
  }
  assert.equal(schemaChild(at('domain'), 'name')?.required, true);
  assert.equal(schemaAttribute(at('domain'), 'type')?.required, true);
  assert.deepEqual(schemaEnumValues(attributeValue('domain', 'type'))?.includes('kvm'), true);
});

test('the same name keeps a definition per context', () => {
  assert.deepEqual(
    [...schemaEnumValues(attributeValue('domain/devices/disk/driver', 'cache'))!].sort(),
    ['default', 'directsync', 'none', 'unsafe', 'writeback', 'writethrough'],
  );
  assert.deepEqual(schemaEnumValues(attributeValue('domain/devices/disk/driver', 'io')), ['threads', 'native', 'io_uring']);
  const diskDriver = at('domain/devices/disk/driver');
  const interfaceDriver = at('domain/devices/interface/driver');
  assert.notEqual(diskDriver.id, interfaceDriver.id);
  assert.equal(schemaAttribute(interfaceDriver, 'cache'), undefined);
  assert.ok(schemaAttribute(interfaceDriver, 'txmode'));
  assert.equal(schemaAttribute(diskDriver, 'txmode'), undefined);
  // `memory` is a size under domain, a NUMA node policy under numatune.
  assert.deepEqual(schemaElementSpec('domain/memory')?.text, { kind: 'memory' });
  assert.deepEqual(schemaElementSpec('domain/numatune/memory')?.attributes.find((a) => a.name === 'nodeset')?.type, {
    kind: 'nodeset',
  });
  assert.ok(at('domain/devices/disk/target').id !== at('domain/devices/interface/target').id);
});

test('boot belongs in os, not at the top', () => {
  assert.ok(schemaElementAt(['domain', 'os', 'boot']));
  assert.equal(schemaElementAt(['domain', 'boot']), undefined);
  assert.equal(schemaElementSpec('domain/boot'), undefined);
  assert.equal(schemaElementAt(['cputune']), undefined, 'paths start at the root');
});

test('vcpupin requires vcpu and cpuset, and cputune lists the tuning children', () => {
  const vcpupin = schemaAttributes(at('domain/cputune/vcpupin'));
  assert.deepEqual(
    vcpupin.filter((attribute) => attribute.required).map((attribute) => attribute.name).sort(),
    ['cpuset', 'vcpu'],
  );
  assert.equal(attributeValue('domain/cputune/vcpupin', 'cpuset').kind, 'cpuset');
  assert.equal(schemaChild(at('domain/cputune'), 'vcpupin')?.multiple, true);
  assert.equal(schemaChild(at('domain/cputune'), 'vcpupin')?.required, false);
  assert.equal(schemaElementAt(['domain', 'cputune', 'vcupin']), undefined);
});

test('schemaElementSpec gives the project ElementSpec, closed where the schema is closed', () => {
  const vcpupin = schemaElementSpec('domain/cputune/vcpupin')!;
  assert.equal(vcpupin.path, 'domain/cputune/vcpupin');
  assert.equal(vcpupin.childrenKnown, true);
  assert.equal(vcpupin.attributesKnown, true);
  assert.equal(vcpupin.empty, true);
  assert.deepEqual(vcpupin.attributes.find((a) => a.name === 'cpuset'), { name: 'cpuset', type: { kind: 'cpuset' }, required: true });
  assert.deepEqual(vcpupin.attributes.find((a) => a.name === 'vcpu')?.type, { kind: 'integer', min: 0, max: 65535 });
  const disk = schemaElementSpec('domain/devices/disk/driver')!;
  assert.equal(disk.attributes.find((a) => a.name === 'copy_on_read')?.type.kind, 'onoff');
  assert.equal(schemaElementSpec('domain/memoryBacking/hugepages/page')?.attributes.find((a) => a.name === 'unit')?.type.kind, 'memoryUnit');
  assert.equal(schemaElementSpec('domain/devices/disk/readonly')?.empty, true);
  assert.deepEqual(schemaElementSpec('domain/vcpu')?.text, { kind: 'integer', min: 1, max: 65535 });
  const metadata = schemaElementSpec('domain/metadata')!;
  assert.equal(metadata.childrenKnown, false, '<metadata> holds any namespaced element');
  assert.equal(metadata.empty, undefined);
  // memoryBacking/hugepages is no leaf: the guide's self-closed <hugepages/> with children is the editor's to catch.
  assert.deepEqual(schemaElementSpec('domain/memoryBacking/hugepages')?.children, ['page']);
});

test('flattened choices are noted with the attribute that selects the branch', () => {
  const disk = at('domain/devices/disk');
  assert.ok(disk.flattenedBy?.includes('type'));
  assert.deepEqual(
    [...schemaEnumValues(attributeValue('domain/devices/disk', 'type'))!].sort(),
    ['block', 'dir', 'file', 'network', 'nvme', 'vhostuser', 'vhostvdpa', 'volume'],
  );
  // type='file' needs <source file=...>, type='block' <source dev=...>: the merged source has both, optional.
  const source = at('domain/devices/disk/source');
  assert.ok(source.variants > 1);
  assert.equal(schemaAttribute(source, 'file')?.required, false);
  assert.equal(schemaAttribute(source, 'dev')?.required, false);
  assert.equal(at('domain/cputune/vcpupin').flattenedBy, undefined);
});

test('values: numbers, patterns, memory units, cpusets, yes/no and on/off', () => {
  const accepts = (path: string, name: string, value: string): boolean => schemaValueAccepts(attributeValue(path, name), value);
  assert.equal(accepts('domain/cputune/vcpupin', 'cpuset', '0-3,^2,8'), true);
  assert.equal(accepts('domain/cputune/vcpupin', 'cpuset', '0-3,'), false);
  assert.equal(accepts('domain/cputune/vcpupin', 'vcpu', '4'), true);
  assert.equal(accepts('domain/cputune/vcpupin', 'vcpu', '-1'), false);
  assert.equal(accepts('domain/cputune/vcpupin', 'vcpu', '65536'), false, 'vcpuid is an unsignedShort');
  assert.equal(accepts('domain/memory', 'unit', 'GiB'), true);
  assert.equal(accepts('domain/memory', 'unit', 'bytes'), true);
  assert.equal(accepts('domain/memory', 'unit', 'GiBs'), false);
  assert.equal(accepts('domain/devices/disk/driver', 'cache', ' none '), true, 'enumerations are tokens');
  assert.equal(accepts('domain/devices/disk/driver', 'cache', 'fast'), false);
  assert.equal(accepts('domain/devices/disk', 'rawio', 'yes'), true);
  assert.equal(accepts('domain/devices/disk', 'rawio', 'on'), false);
  assert.equal(attributeValue('domain/devices/disk/driver', 'copy_on_read').kind, 'onoff');
  // pciSlot: 0x00-0x1f or 0-31.
  assert.equal(accepts('domain/devices/interface/address', 'slot', '0x1f'), true);
  assert.equal(accepts('domain/devices/interface/address', 'slot', '31'), true);
  assert.equal(accepts('domain/devices/interface/address', 'slot', '0x20'), false);
  // The UUID pattern's `\-` is an XML Schema escape that JavaScript's u flag rejects outside a class.
  const uuid = at('domain/uuid').text!;
  assert.equal(schemaValueAccepts(uuid, 'c7a5fdbd-edaf-9455-926a-d65c16db1809'), true);
  assert.equal(schemaValueAccepts(uuid, 'c7a5fdbd-edaf-9455-926a'), false);
  // XML Schema patterns are anchored, and their `.` stops at line ends.
  assert.equal(schemaValueAccepts(at('domain/name').text!, 'guest'), true);
  assert.equal(schemaValueAccepts(at('domain/name').text!, 'two\nlines'), false);
});

test('elements of a parsed document resolve through their namespace declarations', () => {
  const document = parseXml(
    `<domain type='kvm' xmlns:q='http://libvirt.org/schemas/domain/qemu/1.0'>` +
      `<q:commandline><q:arg value='-S'/></q:commandline>` +
      `<commandline xmlns='http://libvirt.org/schemas/domain/qemu/1.0'><env name='A'/></commandline>` +
      `<metadata><app:x xmlns:app='urn:app'/></metadata></domain>`,
  );
  const found = new Map<string, string | undefined>();
  walkElements([document.root!], (element) => found.set(element.name, schemaElementOf(element)?.name));
  assert.equal(found.get('q:commandline'), 'qemu:commandline');
  assert.equal(found.get('q:arg'), 'qemu:arg');
  assert.equal(found.get('commandline'), 'qemu:commandline');
  assert.equal(found.get('env'), 'qemu:env');
  assert.equal(found.get('app:x'), undefined);
});

test('the schema check flags what the schema forbids, and only that', () => {
  const check = (inner: string): string[] =>
    schemaViolations(parseXml(domain(inner))).map((violation) => `${violation.kind} ${violation.what}`);
  assert.deepEqual(check(`<cputune><vcpupin vcpu='0' cpuset='1'/></cputune>`), []);
  assert.deepEqual(check(`<cputune><vcupin vcpu='0' cpuset='1'/></cputune>`), ['unknown-element domain/cputune/vcupin']);
  assert.deepEqual(check(`<cpuset><vcpupin vcpu='0' cpuset='1'/></cpuset>`), ['unknown-element domain/cpuset']);
  assert.deepEqual(check(`<cputune><vcpupin vcpu='0'/></cputune>`), ['missing-attribute domain/cputune/vcpupin@cpuset']);
  assert.deepEqual(check(`<cputune><vcpupin vcpu='0' cpuset='1' speed='2'/></cputune>`), [
    'unknown-attribute domain/cputune/vcpupin@speed',
  ]);
  assert.deepEqual(check(`<cputune><vcpupin vcpu='x' cpuset='1'/></cputune>`), ['bad-value domain/cputune/vcpupin@vcpu=x']);
  assert.deepEqual(check(`<numatune><memory mode='fast' nodeset='0'/></numatune>`), [
    'bad-enum-value domain/numatune/memory@mode=fast',
  ]);
  assert.deepEqual(check(`<memoryBacking><hugepages/><hugepages/></memoryBacking>`), [
    'repeated-element domain/memoryBacking/hugepages',
  ]);
  assert.deepEqual(check(`<cputune>4</cputune>`), [`unexpected-text domain/cputune: '4'`]);
  assert.deepEqual(check(`<metadata><app:x xmlns:app='urn:app' any='thing'/></metadata>`), []);
});

test('every path of the structure leads somewhere, and definitions are shared, not repeated', () => {
  const seen = new Set<number>();
  let contexts = 0;
  const visit = (element: SchemaElement, depth: number): void => {
    contexts++;
    if (seen.has(element.id) || depth > 40) return;
    seen.add(element.id);
    for (const child of element.children) {
      assert.equal(child.element.name, child.name);
      visit(child.element, depth + 1);
    }
  };
  visit(at('domain'), 0);
  assert.ok(seen.size > 400, `${seen.size} definitions`);
  assert.ok(contexts > seen.size);
});

test('ElementSpec.repeatable says whether libvirt takes an element more than once in its parent, as the schema does', () => {
  assert.equal(schemaElementSpec('domain/cputune/vcpupin')?.repeatable, true);
  assert.equal(schemaElementSpec('domain/devices/disk')?.repeatable, true);
  assert.equal(schemaElementSpec('domain/memoryBacking/hugepages/page')?.repeatable, true);
  for (const single of ['domain/memoryBacking/hugepages', 'domain/memoryBacking/locked', 'domain/memoryBacking/nosharepages', 'domain/cputune/emulatorpin', 'domain/os', 'domain/os/type']) {
    assert.equal(schemaElementSpec(single)?.repeatable, false, single);
  }
  assert.equal(schemaElementSpec('domain')?.repeatable, undefined, 'the root has no parent');
  // The same answer as the schema child the structure check uses for "a second <x> where one is allowed".
  for (const path of ['domain/devices/memballoon', 'domain/devices/hostdev', 'domain/numatune/memnode', 'domain/numatune/memory']) {
    const names = path.split('/');
    assert.equal(schemaElementSpec(path)?.repeatable, schemaChild(at(names.slice(0, -1).join('/')), names.at(-1)!)?.multiple, path);
  }
});
