import { parseArgs } from 'node:util';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { spanToRange } from '../core/report';
import { parseXml } from '../xml/parser';
import { buildDomainModel } from '../domain/model';
import { isolatedCpus, TUNE_TITLE, tuneDomain } from '../tune';
import type { Guests } from '../guests/types';
import { openLibvirt } from '../libvirt/open';
import { parseLibvirtSetting } from '../libvirt/setting';
import { validateHost } from './commonOptions';
import { GUESTS_OPTION, guestsForFiles, parseGuestsOption } from './guestsOption';
import { writeFileAtomically } from './atomicWrite';
import { collectSourceFiles, encodeSource, isFaithfulUtf8 } from './sourceFiles';
import { unifiedDiff } from './unifiedDiff';
import { EXIT_CLEAN, EXIT_ERRORS_FOUND, EXIT_USAGE, UsageError, type Output } from './usage';

/**
 * `virt-tune tune FILE`: writes the guide's chapter 8 and 9 tuning into one domain, fitted to a host
 * (this machine by default) and its other guests (--libvirt's domains, or --guests' files). Prints the unified diff and why; `--write` replaces
 * the file atomically, as `fix` does. With several placements the first (best) is taken, or the one
 * on `--node N`; the others are listed.
 */
export async function tuneCommand(args: string[], output: Output): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      host: { type: 'string', default: 'live' },
      node: { type: 'string' },
      write: { type: 'boolean', short: 'w', default: false },
      'no-lock': { type: 'boolean', default: false },
      libvirt: { type: 'string' },
      ...GUESTS_OPTION,
    },
  });
  if (positionals.length !== 1) throw new UsageError(`tune takes one FILE (got ${positionals.length})`);
  let node: number | undefined;
  if (values.node !== undefined) {
    if (!/^[0-9]+$/.test(values.node)) throw new UsageError(`--node must be a host NUMA node number (got '${values.node}')`);
    node = Number(values.node);
  }
  const { host } = await validateHost(values.host);
  if (!host) throw new UsageError('tune needs a host: --host live (the default), a root folder or a capabilities file');
  const path = positionals[0]!;
  if (values.libvirt !== undefined && values.guests !== undefined) throw new UsageError('tune takes the other guests from --libvirt or from --guests, not both');
  const guests = await otherGuests(values.libvirt, values.guests, path);
  const collected = await collectSourceFiles([path], 'domain');
  for (const line of collected.unreadable) output.stderr(`virt-tune: ${line}\n`);
  const file = collected.files[0];
  if (!file) return EXIT_USAGE;
  if (!isFaithfulUtf8(file)) {
    output.stderr(`virt-tune: ${file.path}: left unchanged: not valid UTF-8\n`);
    return EXIT_USAGE;
  }
  const xml = parseXml(file.text);
  if (xml.root?.name !== 'domain') {
    output.stderr(`virt-tune: ${file.path}: not a libvirt domain (its root element is not <domain>)\n`);
    return EXIT_USAGE;
  }
  const result = tuneDomain({
    text: file.text,
    xml,
    model: buildDomainModel(xml.root),
    host,
    guests,
    isolatedCpus: host.cmdline ? isolatedCpus(host.cmdline) : [],
    ...(node !== undefined ? { node } : {}),
    lockMemory: !values['no-lock'],
  });
  const choice = result.choices[0];
  if (!choice) {
    output.stderr(`virt-tune: ${file.path}: no placement fits on ${host.source}${node !== undefined ? ` using node ${node}` : ''}:\n`);
    for (const note of result.notes) output.stderr(`  ${note}\n`);
    return EXIT_ERRORS_FOUND;
  }
  const document = TextDocument.create('file:///virt-tune-tune', 'xml', 1, file.text);
  const tuned = TextDocument.applyEdits(
    document,
    choice.edits.map((edit) => ({ range: spanToRange(document, edit.span), newText: edit.newText })),
  );
  if (tuned !== file.text) {
    if (values.write) {
      try {
        await writeFileAtomically(file.path, encodeSource(file, tuned));
      } catch (error) {
        output.stderr(`virt-tune: cannot write ${file.path}: ${error instanceof Error ? error.message : String(error)}\n`);
        return EXIT_USAGE;
      }
    } else {
      output.stdout(unifiedDiff(file.path, file.path, file.text, tuned));
    }
  }
  output.stdout(`\n${choice.markdown}\n`);
  const others = result.choices.slice(1);
  if (others.length > 0) {
    output.stdout(`\nOther placements (choose with --node N):\n${others.map((other) => `- ${TUNE_TITLE}: ${other.summary}\n`).join('')}`);
  }
  output.stderr(
    tuned === file.text
      ? `${file.path}: already tuned for ${host.source}\n`
      : `${file.path}: ${values.write ? 'tuned' : 'would be tuned'} ${choice.summary}\n`,
  );
  return EXIT_CLEAN;
}

/**
 * The guests whose pins the placement avoids, read as lint reads them (guestsForFiles): libvirt's domains
 * with --libvirt, else the files --guests names (auto: the other domain files when FILE is in a copy of
 * /etc/libvirt/qemu). Unlike lint, a libvirt that does not answer is a usage error: tune would otherwise
 * place the guest over pins it was asked to avoid.
 */
async function otherGuests(libvirtUri: string | undefined, guestsValues: string[] | undefined, path: string): Promise<Guests> {
  if (libvirtUri === undefined) return (await guestsForFiles(await parseGuestsOption(guestsValues), undefined)('domain', path)).guests ?? [];
  const opened = await openLibvirt(parseLibvirtSetting(libvirtUri), { fromUser: true });
  if (opened.problem) throw new UsageError(`--libvirt: ${opened.problem}`);
  if (!opened.connection) throw new UsageError(`--libvirt: no libvirt answers at ${libvirtUri}`);
  const { guests } = await guestsForFiles({ kind: 'auto' }, opened.connection)('domain', path);
  if (!guests) throw new UsageError(`--libvirt: the domains of ${libvirtUri} cannot be listed`);
  return guests;
}
