/** Text for HTML: every character that could open markup or end an attribute is escaped. */
export function escapeHtml(text: string | number): string {
  return String(text).replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

/** `class="a b"` from the names that are set. */
export function classes(...names: (string | false | null | undefined)[]): string {
  const present = names.filter((name): name is string => typeof name === 'string' && name !== '');
  return present.length > 0 ? ` class="${escapeHtml(present.join(' '))}"` : '';
}

/** A horizontal meter as SVG (attributes, not inline styles, so the strict CSP holds): `part` of `whole` filled. */
export function meter(part: number, whole: number, label: string, conflict = false): string {
  const width = whole > 0 ? Math.max(0, Math.min(100, (part / whole) * 100)) : 0;
  return (
    `<svg${classes('meter', conflict && 'conflict')} viewBox="0 0 100 6" preserveAspectRatio="none" role="img" aria-label="${escapeHtml(label)}">` +
    `<rect class="track" width="100" height="6"/><rect class="used" width="${width.toFixed(2)}" height="6"/></svg>`
  );
}
