import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readMessage } from '../../server/src/schema/messages';

test("libxml2's RelaxNG messages: what each names", () => {
  const cases: [string, ReturnType<typeof readMessage>][] = [
    ['Extra element devices in interleave', { kind: 'extra-in-interleave', element: 'devices' }],
    ['Element domain failed to validate content', { kind: 'invalid-content', element: 'domain' }],
    ['Invalid sequence in interleave', { kind: 'invalid-sequence' }],
    ['Element domain has extra content: boot', { kind: 'extra-content', parent: 'domain', element: 'boot' }],
    ['Invalid attribute devce for element source', { kind: 'invalid-attribute', attribute: 'devce', element: 'source' }],
    ['Element vcpupin failed to validate attributes', { kind: 'invalid-attributes', element: 'vcpupin' }],
    ['Expecting an element name, got nothing', { kind: 'missing-element', element: 'name' }],
    ['Expecting element target, got source', { kind: 'wrong-element', expected: 'target', element: 'source' }],
    ['Did not expect element pages there', { kind: 'unexpected-element', element: 'pages' }],
    ['Did not expect text in element vcpu content', { kind: 'unexpected-text', element: 'vcpu' }],
    ['Expecting element boot to be empty', { kind: 'unexpected-text', element: 'boot' }],
    ['Error validating value', { kind: 'invalid-value' }],
    ["Type unsignedShort doesn't allow value 'two'", { kind: 'invalid-value', value: 'two' }],
    ['Error validating datatype unsignedShort', { kind: 'invalid-value' }],
    ['Expecting a namespace for element x', { kind: 'wrong-namespace', element: 'x' }],
    ['Opening and ending tag mismatch: cputune line 5 and cputun', { kind: 'other' }],
  ];
  for (const [message, expected] of cases) assert.deepEqual(readMessage(message), expected, message);
});
