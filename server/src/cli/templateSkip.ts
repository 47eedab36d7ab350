import { templateEngine, templateTags } from '../core/template';

/**
 * Why `fix` leaves a file alone because it is a template (Jinja, ERB), or undefined when it is not one.
 * The rendered file is what a machine reads; rewriting the template's own text could break its
 * expressions, so no fix is applied to any part of it.
 */
export function templateSkipNotice(path: string, text: string): string | undefined {
  const tag = templateTags(text)[0];
  if (!tag) return undefined;
  const line = text.slice(0, tag.span.start).split('\n').length;
  return `${path}: left unchanged: it is a ${templateEngine(tag)} template (line ${line}), and fix does not change templates`;
}
