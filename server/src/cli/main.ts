import { fixCommand } from './fixCommand';
import { hostCommand } from './hostCommand';
import { lintCommand } from './lintCommand';
import { rulesCommand } from './rulesCommand';
import { tuneCommand } from './tuneCommand';
import { EXIT_CLEAN, EXIT_USAGE, UsageError, type Output } from './usage';
import { VERSION } from '../version';
import { codeRanges, GUEST_RULE_CODES, HOST_RULE_CODES, RULE_CODES_BY_KIND } from '../ruleRegistry';

/** The help text; the rule codes in it come from the rule registry, so they always match the rules. */
export const HELP = `virt-tune ${VERSION}: checks libvirt domain XML against the RHEL 7 Virtualization Tuning
and Optimization Guide and libvirt's documentation.

Usage:
  virt-tune lint [options] PATH...     report problems
  virt-tune fix [--dry-run] PATH...    apply the safe fixes
  virt-tune rules [--format text|json] list the rules
  virt-tune host [--root DIR | --capabilities FILE] [--libvirt URI] [--format text|json]
                                       show a host as virt-tune sees it: NUMA nodes, CPUs,
                                       huge pages, KSM, THP, PCI devices (default: this machine)
  virt-tune tune [--host live|DIR|FILE] [--libvirt URI | --guests auto|none|PATH] [--node N]
                 [--no-lock] [--write] FILE
                                       write the guide's NUMA, pinning, huge page and multi-queue
                                       tuning into one domain, fitted to the host (default: this
                                       machine) and to the pins of the domains libvirt at URI
                                       defines, or of the domain files --guests names (auto: the
                                       others beside FILE in a copy of /etc/libvirt/qemu); prints
                                       the diff and why, --write applies it
  virt-tune --help | --version

PATH is a file or a folder. Folders are searched recursively (node_modules and .git left out;
links to files the search reaches by their own names, such as libvirt's autostart/, too) for
.xml files whose root element is <domain> (other XML is skipped), for files named ksmtuned.conf
or *ksmtuned*.conf, and for kernel command lines: etc/default/grub, grub.cfg, grub2.cfg, grub.conf,
menu.lst, loader/entries/*.conf, kernel/cmdline, cmdline and *.cmdline.

Options of lint and fix:
  -f, --format text|json|sarif  lint output (default text: file:line:col: severity CODE message)
      --kind domain|ksmtuned|cmdline
                                treat every file as this kind instead of detecting it
      --host live|none|DIR|FILE the host the guest runs on, for the host-aware rules (${codeRanges([...HOST_RULE_CODES])}):
                                live is this machine, DIR a root folder holding a host's sys/ and
                                proc/, FILE virsh capabilities XML (default none); give --host
                                again for saved virsh domcapabilities XML (machine types, CPU
                                models and device types of that hypervisor)
      --libvirt auto|none|URI   ask this libvirt what its QEMU offers, for VT160-VT165: auto
                                (default) is qemu:///system with --host live when virsh connects
      --guests auto|none|PATH   lint: the host's other guests, for the rules across guests
                                (${codeRanges([...GUEST_RULE_CODES])}): auto (default) is the domains of the libvirt
                                --libvirt asks, else the domain files beside each domain whose
                                folder is a copy of /etc/libvirt/qemu (named qemu, or holding
                                autostart/); PATH, given once or more, names one host's domain
                                files and folders
      --schema auto|builtin|PATH
                                lint: also judge domains with libvirt's RelaxNG schema: auto
                                (default) is the host's /usr/share/libvirt/schemas/domain.rng when
                                libvirt is installed, builtin is virt-tune's own structure only,
                                PATH is a domain.rng or the folder holding it
  -n, --dry-run                 fix: print a unified diff instead of writing
  -v, --verbose                 also say which files were skipped or changed

fix applies only the fixes marked safe, repeating until nothing changes. Files are replaced
atomically with their mode kept; a file that would not be well-formed XML afterwards (VT100) is
left as it is.

Rules (virt-tune rules lists them): domain XML ${codeRanges(RULE_CODES_BY_KIND.domain)};
ksmtuned.conf ${codeRanges(RULE_CODES_BY_KIND.ksmtuned)}; kernel command lines ${codeRanges(RULE_CODES_BY_KIND.cmdline)}.

Exit status: 0 no error-level problem, 1 an error-level problem (remaining, for fix),
2 a usage error or a file that cannot be read or written.
`;

/** Runs one command line and returns the exit status. */
export async function main(argv: string[], output: Output): Promise<number> {
  try {
    const [command, ...rest] = argv;
    if (command === undefined || command === '--help' || command === '-h' || command === 'help' || rest.includes('--help') || rest.includes('-h')) {
      output.stdout(HELP);
      return command === undefined ? EXIT_USAGE : EXIT_CLEAN;
    }
    switch (command) {
      case '--version':
      case '-V':
        output.stdout(`${VERSION}\n`);
        return EXIT_CLEAN;
      case 'lint':
        return await lintCommand(rest, output);
      case 'fix':
        return await fixCommand(rest, output);
      case 'rules':
        return rulesCommand(rest, output);
      case 'host':
        return await hostCommand(rest, output);
      case 'tune':
        return await tuneCommand(rest, output);
      default:
        throw new UsageError(`unknown command '${command}'`);
    }
  } catch (error) {
    if (error instanceof UsageError || isParseArgsError(error)) {
      output.stderr(`virt-tune: ${(error as Error).message}\nRun 'virt-tune --help' for usage.\n`);
      return EXIT_USAGE;
    }
    throw error;
  }
}

function isParseArgsError(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS_');
}
