import { test } from 'node:test';
import assert from 'node:assert/strict';
import { domainStructure, elementSpec, elementsNamed, isForeignElement, isForeignName } from '../../server/src/kb/structure';
import { schemaElementSpec } from '../../server/src/kb/schema';
import type { ElementSpec, ValueType } from '../../server/src/kb/types';

function enumValues(type: ValueType | undefined): string[] {
  return type?.kind === 'enum' ? type.values.map((entry) => entry.value) : [];
}

function sortedEnum(type: ValueType | undefined): string[] {
  return enumValues(type).sort();
}

function attributeType(path: string, name: string): ValueType | undefined {
  return elementSpec(path)?.attributes.find((attribute) => attribute.name === name)?.type;
}

test('the structure is the generated schema structure, for the whole domain', () => {
  const paths = domainStructure().map((spec) => spec.path);
  assert.ok(paths.length > 800, `${paths.length} paths`);
  assert.deepEqual(paths.filter((path, index) => paths.indexOf(path) !== index), []);
  assert.equal(paths[0], 'domain');
  for (const spec of domainStructure()) {
    assert.equal(elementSpec(spec.path), spec, `${spec.path} is looked up as listed`);
    if (spec.path === 'domain') continue;
    const slash = spec.path.lastIndexOf('/');
    const parent = elementSpec(spec.path.slice(0, slash));
    assert.ok(parent, `${spec.path} has no parent spec`);
    assert.ok(parent.children.includes(spec.path.slice(slash + 1)), `${parent.path} does not list ${spec.path}`);
  }
  for (const path of ['domain/os/boot', 'domain/devices/graphics', 'domain/devices/disk/source', 'domain/features/acpi', 'domain/clock/timer']) {
    assert.ok(elementSpec(path), path);
  }
  // Outside the tuning part too, children and attributes are known in full (closed) where the schema is.
  const graphics = elementSpec('domain/devices/graphics')!;
  assert.ok(graphics.childrenKnown && graphics.attributesKnown);
  assert.ok(sortedEnum(attributeType('domain/devices/graphics', 'type')).includes('vnc'));
  assert.equal(elementSpec('domain/metadata')!.childrenKnown, false, 'open content stays unjudged');
  assert.equal(elementSpec('domain/boot'), undefined);
});

test('every child a closed spec lists has a spec of its own, and no child of another namespace is listed', () => {
  const missing = domainStructure().filter((spec) => spec.childrenKnown).flatMap((spec) =>
    spec.children.filter((child) => !elementSpec(`${spec.path}/${child}`)).map((child) => `${spec.path}/${child}`),
  );
  assert.deepEqual(missing, []);
  assert.ok(schemaElementSpec('domain')!.children.includes('qemu:commandline'), 'the schema has it');
  assert.ok(!elementSpec('domain')!.children.includes('qemu:commandline'), 'the structure neither offers nor suggests it');
  assert.deepEqual(domainStructure().filter((spec) => spec.children.some(isForeignName)).map((spec) => spec.path), []);
});

test('specs are internally consistent', () => {
  const problems: string[] = [];
  const check = (spec: ElementSpec, where: string, type: ValueType): void => {
    if (type.kind === 'enum') {
      const values = type.values.map((entry) => entry.value);
      if (values.length === 0) problems.push(`${where}: empty enum`);
      if (new Set(values).size !== values.length) problems.push(`${where}: duplicate enum values`);
    }
    if (type.kind === 'integer' && type.min !== undefined && type.max !== undefined && type.min > type.max) {
      problems.push(`${where}: min above max`);
    }
    if (type.kind === 'memory' && where.includes('@') && !spec.attributes.some((attribute) => attribute.name === 'unit')) {
      problems.push(`${where}: a memory size without a unit attribute beside it`);
    }
  };
  for (const spec of domainStructure()) {
    const names = spec.attributes.map((attribute) => attribute.name);
    if (new Set(names).size !== names.length) problems.push(`${spec.path}: duplicate attributes`);
    if (new Set(spec.children).size !== spec.children.length) problems.push(`${spec.path}: duplicate children`);
    for (const attribute of spec.attributes) check(spec, `${spec.path}@${attribute.name}`, attribute.type);
    if (spec.text) check(spec, `${spec.path} text`, spec.text);
    if (spec.empty && (spec.children.length > 0 || spec.text)) problems.push(`${spec.path}: empty, yet children or text`);
  }
  assert.deepEqual(problems, []);
});

test("the guide's structural mistakes are not in the structure, and the right places are known", () => {
  const domain = elementSpec('domain')!;
  assert.ok(domain.childrenKnown);
  assert.ok(!domain.children.includes('cpuset'), 'the <cpuset> wrapper (guide 9.3.2) is not a domain child');
  for (const child of ['name', 'uuid', 'memory', 'currentMemory', 'maxMemory', 'vcpu', 'vcpus', 'iothreads', 'cputune',
    'numatune', 'memtune', 'memoryBacking', 'blkiotune', 'cpu', 'os', 'features', 'clock', 'devices', 'on_poweroff']) {
    assert.ok(domain.children.includes(child), child);
  }
  assert.ok(!elementSpec('domain/cputune')!.children.includes('vcupin'), 'the typo of guide 9.3.4');
  assert.ok(!elementSpec('domain/memoryBacking')!.children.includes('page'), 'the pages of guide 9.3.10 belong in <hugepages>');
  assert.deepEqual(elementsNamed('vcpupin').map((spec) => spec.path), ['domain/cputune/vcpupin']);
  assert.deepEqual(elementsNamed('emulatorpin').map((spec) => spec.path), ['domain/cputune/emulatorpin']);
  assert.deepEqual(elementsNamed('hugepages').map((spec) => spec.path), ['domain/memoryBacking/hugepages']);
  const drivers = elementsNamed('driver').map((spec) => spec.path);
  for (const path of ['domain/devices/controller/driver', 'domain/devices/disk/driver', 'domain/devices/interface/driver']) {
    assert.ok(drivers.includes(path), path);
  }
  for (const path of ['domain/devices/memory', 'domain/memory', 'domain/numatune/memory']) {
    assert.ok(elementsNamed('memory').some((spec) => spec.path === path), path);
  }
  assert.equal(elementsNamed('boot')[0]?.path, 'domain/os/boot', 'nearest to the root first');
  assert.deepEqual(elementsNamed('cpuset'), []);
  assert.deepEqual(elementsNamed('interfase'), []);
});

test('the tuning values follow libvirt 11.3.0', () => {
  assert.deepEqual(sortedEnum(attributeType('domain/devices/disk/driver', 'cache')), [
    'default', 'directsync', 'none', 'unsafe', 'writeback', 'writethrough',
  ]);
  assert.deepEqual(enumValues(attributeType('domain/devices/disk/driver', 'io')), ['threads', 'native', 'io_uring']);
  const modes = ['interleave', 'preferred', 'restrictive', 'strict'];
  assert.deepEqual(sortedEnum(attributeType('domain/numatune/memory', 'mode')), modes);
  assert.deepEqual(sortedEnum(attributeType('domain/numatune/memnode', 'mode')), modes);
  assert.deepEqual(enumValues(attributeType('domain/numatune/memory', 'placement')), ['static', 'auto']);
  assert.deepEqual(enumValues(attributeType('domain/vcpu', 'placement')), ['static', 'auto']);
  assert.deepEqual(enumValues(attributeType('domain/cputune/vcpusched', 'scheduler')), ['batch', 'idle', 'fifo', 'rr']);
  assert.deepEqual(enumValues(attributeType('domain/cpu', 'mode')), ['custom', 'host-model', 'host-passthrough', 'maximum']);
  assert.deepEqual(sortedEnum(attributeType('domain/devices/interface/driver', 'name')), ['kvm', 'qemu', 'vfio', 'vhost', 'xen']);
  assert.ok(enumValues(attributeType('domain/devices/controller', 'model')).includes('virtio-scsi'));
  assert.deepEqual(elementSpec('domain/blkiotune/weight')!.text, { kind: 'integer', min: 100, max: 1000 });
  assert.deepEqual(elementSpec('domain/blkiotune/device/weight')!.text, { kind: 'integer', min: 100, max: 1000 });
  assert.deepEqual(elementSpec('domain/cputune/period')!.text, { kind: 'integer', min: 1000, max: 1000000 });
  assert.deepEqual(elementSpec('domain/vcpu')!.text, { kind: 'integer', min: 1, max: 65535 });
  assert.equal(attributeType('domain/cpu/topology', 'sockets')?.kind, 'integer');
  assert.deepEqual(attributeType('domain/memoryBacking/hugepages/page', 'nodeset'), { kind: 'nodeset' });
  assert.deepEqual(attributeType('domain/cputune/vcpupin', 'cpuset'), { kind: 'cpuset' });
  assert.deepEqual(elementSpec('domain/memtune/hard_limit')!.text, { kind: 'memory' });
  assert.equal(elementSpec('domain/devices/disk/iotune')!.children.length, 20);
  assert.equal(elementSpec('domain/cputune')!.children.length, 17);
  const vcpupin = elementSpec('domain/cputune/vcpupin')!;
  assert.ok(vcpupin.empty && vcpupin.attributes.every((attribute) => attribute.required));
  assert.deepEqual(vcpupin.attributes.map((attribute) => attribute.name), ['vcpu', 'cpuset'], 'in the order the schema declares them');
});

test('the overlay narrows what the sources narrow, and describes listed values', () => {
  assert.deepEqual(schemaElementSpec('domain/devices/interface/driver')!.attributes.find((a) => a.name === 'queues')?.type, {
    kind: 'integer',
    min: 1,
  });
  assert.deepEqual(attributeType('domain/devices/interface/driver', 'queues'), { kind: 'integer', min: 1, max: 256 });
  assert.deepEqual(attributeType('domain/cpu/numa/cell', 'memory'), { kind: 'memory' });
  assert.deepEqual(attributeType('domain/memoryBacking/hugepages/page', 'size'), { kind: 'memory' });
  const device = attributeType('domain/devices/disk', 'device');
  assert.equal(device?.kind, 'enum');
  if (device?.kind === 'enum') assert.ok(device.values.every((entry) => entry.doc && entry.doc.length > 0));
  const onCrash = elementSpec('domain/on_crash')!.text;
  assert.ok(onCrash?.kind === 'enum' && onCrash.values.find((entry) => entry.value === 'coredump-destroy')?.doc);
});

test('foreign-namespace names are recognised', () => {
  assert.ok(isForeignName('qemu:commandline'));
  assert.ok(isForeignName('xmlns:qemu'));
  assert.ok(isForeignName('xmlns'));
  assert.ok(!isForeignName('cputune'));
  const nowhere = { start: 0, end: 0 };
  const attribute = (name: string, value: string) => ({
    ...{ name, value, rawValue: value, quote: "'" as const, valueClosed: true },
    ...{ nameSpan: nowhere, valueSpan: undefined, span: nowhere },
  });
  assert.ok(isForeignElement({ name: 'commandline', attributes: [attribute('xmlns', 'http://libvirt.org/schemas/domain/qemu/1.0')] }));
  assert.ok(!isForeignElement({ name: 'cputune', attributes: [] }));
  assert.ok(!isForeignElement({ name: 'domain', attributes: [attribute('xmlns', '')] }));
});
