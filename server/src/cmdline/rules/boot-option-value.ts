import { closestNames } from '../../core/similarity';
import { WORD_READERS, wordReaders, type WordReader, type WordValues } from '../../kb/cmdline/words';
import { knownParams, type CmdlineRule } from './context';
import { valueFileSpan } from './spans';

/** systemd's parse_boolean() and dracut's getargbool read these (case aside). */
const TRUE = ['1', 'yes', 'y', 'true', 't', 'on'];
const FALSE = ['0', 'no', 'n', 'false', 'f', 'off'];

/**
 * VT311: a value the initramfs, init or an installer does not take, for the words whose values they
 * document (`systemd.log_level=debuge`, `rd.break=premount` under dracut, `fsck.mode=skipp`). The program
 * ignores the setting (or logs that it cannot parse it) and keeps its default: a warning, with the
 * closest documented value offered.
 */
export const bootOptionValue: CmdlineRule = {
  meta: {
    code: 'VT311',
    name: 'boot-option-value',
    title: 'Values of initramfs, init and installer options must be ones their reader documents',
    severity: 'warning',
    sources: WORD_READERS.filter((reader) => reader.values).flatMap((reader) => reader.sources),
    fixable: true,
  },
  check(context, report) {
    for (const line of context.lines) {
      if (line.hypervisor) continue;
      for (const param of knownParams(line)) {
        if (param.value === undefined || !param.valueOffsets) continue;
        const all = wordReaders(param.name);
        const readers = all.filter((reader) => reader.values?.[param.name]);
        // A reader that documents the word without its values (dracut's `boot=<device>`) may take anything.
        if (readers.length === 0 || readers.length < all.length) continue;
        // A word several programs read (`boot=` of live-boot and of dracut's FIPS check) is fine when any of them takes the value.
        const problems = readers.map((reader) => ({ reader, expected: problem(reader.values![param.name]!, param.value!) }));
        if (problems.some((entry) => entry.expected === undefined)) continue;
        const { reader, expected } = problems[0]!;
        const values = reader.values![param.name]!;
        const choices = values.kind === 'keywords' ? values.values : [...TRUE, ...FALSE, ...(values.also ?? [])];
        const suggestions = closestNames(param.value, choices);
        const span = valueFileSpan(param, { start: 0, end: param.value.length });
        report({
          span,
          message:
            `${param.name}=${param.value}: ${readerName(reader)} takes ${expected}.` +
            (suggestions.length > 0 ? ` Did you mean ${suggestions.map((value) => `'${value}'`).join(' or ')}?` : '') +
            ' As written, the setting is not applied.',
          fixes: suggestions.map((value) => ({ title: `Change '${param.value}' to '${value}'`, edits: [{ span, newText: value }] })),
        });
      }
    }
  },
};

function readerName(reader: WordReader): string {
  return reader.reader;
}

/** What the value should be, in words, or undefined when it is fine. */
function problem(values: WordValues, value: string): string | undefined {
  if (values.kind === 'bool') {
    const lower = value.toLowerCase();
    if (TRUE.includes(lower) || FALSE.includes(lower) || values.also?.includes(value)) return undefined;
    return `a boolean (1/yes/true/on or 0/no/false/off)${values.also ? ` or ${values.also.join(', ')}` : ''}`;
  }
  if (values.values.includes(value)) return undefined;
  const range = values.alsoNumbers;
  if (range && /^[0-9]+$/.test(value) && Number(value) >= range.min && Number(value) <= range.max) return undefined;
  return `one of ${values.values.join(', ')}${range ? ` or a number from ${range.min} to ${range.max}` : ''}`;
}
