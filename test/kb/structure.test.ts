import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DOMAIN_STRUCTURE, elementSpec, elementsNamed, isForeignElement, isForeignName } from '../../server/src/kb/structure';
import type { ElementSpec, ValueType } from '../../server/src/kb/types';

function enumValues(type: ValueType | undefined): string[] {
  return type?.kind === 'enum' ? type.values.map((entry) => entry.value) : [];
}

function attributeType(path: string, name: string): ValueType | undefined {
  return elementSpec(path)?.attributes.find((attribute) => attribute.name === name)?.type;
}

test('paths are unique and every spec hangs under a parent that lists it', () => {
  const paths = DOMAIN_STRUCTURE.map((spec) => spec.path);
  assert.deepEqual(paths.filter((path, index) => paths.indexOf(path) !== index), []);
  for (const spec of DOMAIN_STRUCTURE) {
    if (spec.path === 'domain') continue;
    const slash = spec.path.lastIndexOf('/');
    const parent = elementSpec(spec.path.slice(0, slash));
    assert.ok(parent, `${spec.path} has no parent spec`);
    assert.ok(parent.children.includes(spec.path.slice(slash + 1)), `${parent.path} does not list ${spec.path}`);
  }
});

// Decision: no child is leaf-free. A child whose content the knowledge base does not describe gets an
// open spec (childrenKnown and attributesKnown false), so every known place has a spec to look up.
test('every child a complete spec lists has a spec of its own', () => {
  const missing = DOMAIN_STRUCTURE.filter((spec) => spec.childrenKnown).flatMap((spec) =>
    spec.children.filter((child) => !elementSpec(`${spec.path}/${child}`)).map((child) => `${spec.path}/${child}`),
  );
  assert.deepEqual(missing, []);
});

test('specs are internally consistent', () => {
  const problems: string[] = [];
  const check = (spec: ElementSpec, where: string, type: ValueType): void => {
    if (type.kind === 'enum') {
      const values = type.values.map((entry) => entry.value);
      if (values.length === 0) problems.push(`${where}: empty enum`);
      if (new Set(values).size !== values.length) problems.push(`${where}: duplicate enum values`);
      for (const entry of type.values) if (!entry.doc?.trim()) problems.push(`${where}=${entry.value}: no doc`);
    }
    if (type.kind === 'integer' && type.min !== undefined && type.max !== undefined && type.min > type.max) {
      problems.push(`${where}: min above max`);
    }
    if (type.kind === 'memory' && where.includes('@') && !spec.attributes.some((attribute) => attribute.name === 'unit')) {
      problems.push(`${where}: a memory size without a unit attribute beside it`);
    }
  };
  for (const spec of DOMAIN_STRUCTURE) {
    const names = spec.attributes.map((attribute) => attribute.name);
    if (new Set(names).size !== names.length) problems.push(`${spec.path}: duplicate attributes`);
    if (new Set(spec.children).size !== spec.children.length) problems.push(`${spec.path}: duplicate children`);
    for (const attribute of spec.attributes) check(spec, `${spec.path}@${attribute.name}`, attribute.type);
    if (spec.text) check(spec, `${spec.path} text`, spec.text);
    if (spec.empty && (spec.children.length > 0 || spec.text)) problems.push(`${spec.path}: empty, yet children or text`);
    if (!spec.childrenKnown && spec.children.length > 0) problems.push(`${spec.path}: open, yet lists children`);
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
  assert.equal(domain.children.length, 39);
  assert.ok(!elementSpec('domain/cputune')!.children.includes('vcupin'), 'the typo of guide 9.3.4');
  assert.ok(!elementSpec('domain/memoryBacking')!.children.includes('page'), 'the pages of guide 9.3.10 belong in <hugepages>');
  assert.deepEqual(elementsNamed('vcpupin').map((spec) => spec.path), ['domain/cputune/vcpupin']);
  assert.deepEqual(elementsNamed('emulatorpin').map((spec) => spec.path), ['domain/cputune/emulatorpin']);
  assert.deepEqual(elementsNamed('page').map((spec) => spec.path), ['domain/memoryBacking/hugepages/page']);
  assert.deepEqual(
    elementsNamed('driver').map((spec) => spec.path).sort(),
    ['domain/devices/controller/driver', 'domain/devices/disk/driver', 'domain/devices/interface/driver'],
  );
  assert.deepEqual(
    elementsNamed('memory').map((spec) => spec.path).sort(),
    ['domain/devices/memory', 'domain/memory', 'domain/numatune/memory'],
  );
  assert.deepEqual(elementsNamed('cpuset'), []);
});

test('the tuning values follow libvirt 11.3.0', () => {
  assert.deepEqual(enumValues(attributeType('domain/devices/disk/driver', 'cache')), [
    'default', 'none', 'writethrough', 'writeback', 'directsync', 'unsafe',
  ]);
  assert.deepEqual(enumValues(attributeType('domain/devices/disk/driver', 'io')), ['threads', 'native', 'io_uring']);
  assert.deepEqual(enumValues(attributeType('domain/numatune/memory', 'mode')), ['strict', 'interleave', 'preferred', 'restrictive']);
  assert.deepEqual(enumValues(attributeType('domain/numatune/memnode', 'mode')), ['strict', 'interleave', 'preferred', 'restrictive']);
  assert.deepEqual(enumValues(attributeType('domain/numatune/memory', 'placement')), ['static', 'auto']);
  assert.deepEqual(enumValues(attributeType('domain/vcpu', 'placement')), ['static', 'auto']);
  assert.deepEqual(enumValues(attributeType('domain/cputune/vcpusched', 'scheduler')), ['batch', 'idle', 'fifo', 'rr']);
  assert.deepEqual(enumValues(attributeType('domain/cpu', 'mode')), ['custom', 'host-model', 'host-passthrough', 'maximum']);
  assert.deepEqual(enumValues(attributeType('domain/devices/interface/driver', 'name')), ['vhost', 'qemu', 'vfio', 'kvm', 'xen']);
  assert.ok(enumValues(attributeType('domain/devices/controller', 'model')).includes('virtio-scsi'));
  assert.deepEqual(elementSpec('domain/blkiotune/weight')!.text, { kind: 'integer', min: 100, max: 1000 });
  assert.deepEqual(elementSpec('domain/blkiotune/device/weight')!.text, { kind: 'integer', min: 100, max: 1000 });
  assert.deepEqual(elementSpec('domain/cputune/period')!.text, { kind: 'integer', min: 1000, max: 1000000 });
  assert.deepEqual(elementSpec('domain/vcpu')!.text, { kind: 'integer', min: 1, max: 65535 });
  assert.deepEqual(attributeType('domain/cpu/topology', 'sockets'), { kind: 'integer', min: 1 });
  assert.deepEqual(attributeType('domain/memoryBacking/hugepages/page', 'nodeset'), { kind: 'nodeset' });
  assert.deepEqual(attributeType('domain/cputune/vcpupin', 'cpuset'), { kind: 'cpuset' });
  assert.deepEqual(elementSpec('domain/memtune/hard_limit')!.text, { kind: 'memory' });
  assert.equal(elementSpec('domain/devices/disk/iotune')!.children.length, 20);
  assert.equal(elementSpec('domain/cputune')!.children.length, 17);
  const vcpupin = elementSpec('domain/cputune/vcpupin')!;
  assert.ok(vcpupin.empty && vcpupin.attributes.every((attribute) => attribute.required));
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
