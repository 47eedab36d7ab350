import type { KernelEnumValue, KernelParamSpec, KernelValueType } from '../kb/cmdline';
import { KERNEL_PARAMETERS } from '../kb/cmdline/sources';
import { expectedText } from '../kb/cmdline/values';
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
