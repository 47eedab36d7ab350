/**
 * The `virtTune` section the server pulls, with `libvirtUser` set to the value of `virtTune.libvirt` in
 * the user's own settings (undefined when they name none). VS Code hands the server merged settings; this
 * is how the server tells a libvirt URI the user wrote from one a workspace wrote, and refuses the
 * latter when it would make virsh run a program. Always overwritten, so a workspace cannot set it.
 */
export function withUserLibvirt(section: unknown, userValue: unknown): unknown {
  if (typeof section !== 'object' || section === null || Array.isArray(section)) return section;
  const copy: Record<string, unknown> = { ...(section as Record<string, unknown>) };
  delete copy['libvirtUser'];
  if (typeof userValue === 'string') copy['libvirtUser'] = userValue;
  return copy;
}
