import { test } from 'node:test';
import assert from 'node:assert/strict';
import { found, guest } from './guest';

test("VT183 flags a second primary video device", () => {
  const text = guest("  <devices>\n    <video><model type='vga' primary='yes'/></video><video><model type='qxl' primary='yes'/></video>\n  </devices>", {});
  const results = found(text, 'VT183');
  assert.equal(results.length, 1, results.map((result) => result.message).join('\n'));
  assert.equal(results[0]!.finding.severity, 'error');
  assert.equal(results[0]!.at, "yes");
  assert.match(results[0]!.message, /already primary/);
});

test("VT183 flags 'none' beside another video device", () => {
  const text = guest("  <devices>\n    <video><model type='qxl'/></video><video><model type='none'/></video>\n  </devices>", {});
  const results = found(text, 'VT183');
  assert.equal(results.length, 1, results.map((result) => result.message).join('\n'));
  assert.equal(results[0]!.finding.severity, 'error');
  assert.equal(results[0]!.at, "none");
  assert.match(results[0]!.message, /no video device/);
});

test("VT183 flags a QXL memory size on another model", () => {
  const text = guest("  <devices>\n    <video><model type='vga' vgamem='16384'/></video>\n  </devices>", {});
  const results = found(text, 'VT183');
  assert.equal(results.length, 1, results.map((result) => result.message).join('\n'));
  assert.equal(results[0]!.finding.severity, 'error');
  assert.equal(results[0]!.at, "16384");
  assert.match(results[0]!.message, /vgamem= sizes a memory region only QXL has/);
});

test("VT183 is silent for one primary, and for QXL sizes on QXL", () => {
  assert.deepEqual(found(guest("  <devices>\n    <video><model type='qxl' ram='65536' vgamem='16384' primary='yes'/></video><video><model type='vga' vram='16384'/></video>\n  </devices>", {}), 'VT183').map((result) => result.message), []);
});
