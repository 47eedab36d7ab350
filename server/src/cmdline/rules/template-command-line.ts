import { templateNotice, templateTags } from '../../core/template';
import { KERNEL_PARAMETERS_INTRO } from '../../kb/cmdline/sources';
import type { CmdlineRule } from './context';

/**
 * VT310: the file is a template (Jinja, ERB), as Ansible, Salt, Puppet and Chef keep /etc/default/grub.
 * Said once, at the first tag: the lines the tags touch are not judged (their rendered text is not
 * known), and `virt-tune fix` leaves the file alone. Information.
 */
export const templateFile: CmdlineRule = {
  meta: {
    code: 'VT310',
    name: 'template-command-line',
    title: 'A template file is judged only outside its template tags',
    severity: 'information',
    sources: [KERNEL_PARAMETERS_INTRO],
    fixable: false,
  },
  check(context, report) {
    const tags = templateTags(context.text);
    if (tags.length > 0) report({ span: tags[0]!.span, message: templateNotice(tags[0]!, tags.length) });
  },
};
