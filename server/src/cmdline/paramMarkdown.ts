import type { KernelEnumValue, KernelParamSpec, KernelValueType } from '../kb/cmdline';
import { KERNEL_PARAMETERS } from '../kb/cmdline/sources';
import { expectedText } from '../kb/cmdline/values';
import type { WordClass, WordReader } from '../kb/cmdline/words';
import { joinParagraphs, sourcesParagraphs, valueListMarkdown } from '../core/markdown';

const REPEAT_TEXT: Record<KernelParamSpec['repeat'], string> = {
  last: 'Given twice, the last one stays.',
  first: 'Given twice, only the first counts.',
  each: 'May be given several times.',
  accumulate: 'Given twice, both copies count: their options add up.',
};

/** Everything the knowledge base says about a parameter, as Markdown; `current` is the value written. */
export function paramMarkdown(spec: KernelParamSpec, current?: string): string {
  const heading = `**\`${spec.name}\`** — kernel ${spec.name.includes('.') ? 'module option' : 'parameter'}` + (spec.documentedAs ? ` (documented as \`${spec.documentedAs}\`)` : '');
  const paragraphs = [heading, spec.summary];
  if (spec.details) paragraphs.push(spec.details);
  if (spec.advice) paragraphs.push(`**Advice:** ${spec.advice}`);
  const values = enumValues(spec.value);
  if (values.length > 0) paragraphs.push(valueListMarkdown(values, (entry) => valueDoc(entry), current));
  else paragraphs.push(`Value: ${expectedText(spec.value)}.`);
  const figures = [
    spec.default !== undefined ? `Default: ${/^[^\s`]+$/.test(spec.default) ? `\`${spec.default}\`` : spec.default}` : undefined,
    spec.arch ? `Architectures: ${spec.arch.join(', ')}` : undefined,
    spec.repeatNote ?? REPEAT_TEXT[spec.repeat],
    spec.parsedBy ? `Parsed by ${spec.parsedBy.replace(/^(\S+\(\))/, '`$1`')}` : undefined,
  ].filter((figure): figure is string => figure !== undefined);
  paragraphs.push(figures.join(' · '));
  return joinParagraphs([...paragraphs, ...sourcesParagraphs(spec.sources)]);
}

/** One value of a parameter, then the parameter. */
export function valueMarkdown(spec: KernelParamSpec, value: string): string | undefined {
  const entry = enumValues(spec.value).find((candidate) => candidate.value === value);
  if (!entry) return undefined;
  const doc = valueDoc(entry);
  return joinParagraphs([`**\`${spec.name}=${value}\`**${doc ? ` — ${doc}` : ''}`, spec.summary, ...sourcesParagraphs(spec.sources)]);
}

/** For a parameter the documentation lists but the knowledge base does not describe. */
export function documentedOnlyMarkdown(name: string): string {
  return joinParagraphs([
    `**\`${name}\`** — kernel parameter`,
    'Documented in the kernel\'s parameter list; virt-tune has nothing more to say about it.',
    ...sourcesParagraphs([KERNEL_PARAMETERS]),
  ]);
}

const CLASS_TEXT: Record<WordClass, string> = {
  kernel: 'kernel parameter',
  module: 'kernel module option',
  initramfs: 'read by the initramfs',
  init: 'read by init and its helpers',
  installer: 'read by an installer',
  hypervisor: 'hypervisor option',
};

/** For a word the kernel's own list leaves out but another reader documents: who reads it, and where that is written. */
export function readerMarkdown(name: string, readers: readonly WordReader[]): string {
  const lines = readers.map((reader) => {
    const values = reader.values?.[name];
    const valueText = values ? (values.kind === 'bool' ? ' Takes a boolean.' : ` Takes ${values.values.map((value) => `\`${value}\``).join(', ')}.`) : '';
    return `${CLASS_TEXT[reader.class]}: ${reader.reader}.${valueText}`;
  });
  return joinParagraphs([`**\`${name}\`**`, ...lines, ...sourcesParagraphs(readers.flatMap((reader) => reader.sources))]);
}

export function enumValues(type: KernelValueType): readonly KernelEnumValue[] {
  if (type.kind === 'enum') return type.values;
  if (type.kind === 'flaggedCpulist') return type.flags;
  return [];
}

function valueDoc(entry: KernelEnumValue): string | undefined {
  const notes = [entry.doc, entry.arch ? `${entry.arch.join(', ')} only` : undefined, entry.deprecated ? `deprecated: use \`${entry.deprecated.instead}\`` : undefined];
  const text = notes.filter((note) => note !== undefined).join('; ');
  return text === '' ? undefined : text;
}
