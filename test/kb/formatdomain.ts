/**
 * docutils ids of the section titles of libvirt's formatdomain page, in page order, with the title as
 * shown: `Block I/O Tuning` -> `block-i-o-tuning`. Written independently of scripts/gen-doc-anchors.mjs,
 * so the tests check the generator rather than repeat it.
 */
export function docutilsIds(rst: string): Map<string, string> {
  const ids = new Map<string, string>();
  const lines = rst.split('\n');
  for (let i = 0; i + 1 < lines.length; i++) {
    const title = lines[i]!.trim();
    const underline = lines[i + 1]!.trimEnd();
    if (!title || !/^([=\-~^*#+`:.'"_])\1+$/.test(underline) || underline.length < title.length) continue;
    if (/^([=\-~^*#+`:.'"_])\1+$/.test(title)) continue;
    const text = title.replace(/``([^`]*)``/g, '$1').replace(/`([^`<]*?)`_/g, '$1');
    const id = text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
    if (id && !ids.has(id)) ids.set(id, text);
  }
  return ids;
}
