import { templateNotice, templateTags } from '../../core/template';
import { KSMTUNED_SCRIPT } from '../../kb/ksmtuned';
import type { KsmtunedRule } from './context';

/**
 * VT218: the file is a template (Jinja, ERB) for a configuration tool. Said once, at the first tag:
 * the lines the tags touch are not judged (bash will read their rendered text, which is not known
 * here), and `virt-tune fix` leaves the file alone. Information.
 */
export const templateFile: KsmtunedRule = {
  meta: {
    code: 'VT218',
    name: 'template-ksmtuned-conf',
    title: 'A template file is judged only outside its template tags',
    severity: 'information',
    sources: [KSMTUNED_SCRIPT],
    fixable: false,
  },
  check(context, report) {
    const tags = templateTags(context.text);
    if (tags.length > 0) report({ span: tags[0]!.span, message: templateNotice(tags[0]!, tags.length) });
  },
};
