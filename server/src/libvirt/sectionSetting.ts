import { parseLibvirtSetting, type LibvirtSetting } from './setting';

/**
 * `virtTune.libvirt` from a settings section, and whether the user's own settings wrote it. VS Code
 * merges user and workspace settings before the server sees them, so the client adds the user's own
 * value as `libvirtUser` (client/src/libvirtSetting.ts, always overwriting whatever a workspace put
 * there); a URI counts as the user's only when that value names it too. Other clients that do not send
 * `libvirtUser` get every URI except those that run a program.
 */
export function libvirtFromSection(section: unknown): { setting: LibvirtSetting; fromUser: boolean } {
  const record = typeof section === 'object' && section !== null && !Array.isArray(section) ? (section as Record<string, unknown>) : {};
  const value = typeof record['libvirt'] === 'string' ? record['libvirt'] : undefined;
  const user = typeof record['libvirtUser'] === 'string' ? record['libvirtUser'] : undefined;
  const setting = parseLibvirtSetting(value);
  return { setting, fromUser: setting.kind === 'uri' && user !== undefined && user.trim() === setting.uri };
}
