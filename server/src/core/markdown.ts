import { GUIDE_CREDIT, sourceLabel, sourceMarkdown } from '../kb/sources';
import type { EnumValue, Fact, Source } from '../kb/types';

/** What a fact says, as Markdown paragraphs: summary, details, advice, then default/range/unit. */
export function factParagraphs(fact: Fact): string[] {
  const paragraphs = [fact.summary];
  if (fact.details) paragraphs.push(fact.details);
  if (fact.advice) paragraphs.push(`**Advice:** ${fact.advice}`);
  const figures = factFigures(fact);
  if (figures) paragraphs.push(figures);
  return paragraphs;
}

function factFigures(fact: Fact): string | undefined {
  const figures: string[] = [];
  if (fact.default !== undefined) figures.push(`Default: ${asCode(fact.default)}`);
  if (fact.range !== undefined) figures.push(`Range: ${fact.range}`);
  if (fact.unit !== undefined) figures.push(`Unit: ${fact.unit}`);
  return figures.length > 0 ? figures.join(' · ') : undefined;
}

/** A bare token (`strict`, `1024`) in code style; prose, or text already marked up, as it is. */
function asCode(text: string): string {
  return /^[^\s`]+$/.test(text) ? `\`${text}\`` : text;
}

/** `- \`none\` — what it does` lines for a value list, the current one in bold. */
export function valueListMarkdown<Value extends EnumValue>(
  values: readonly Value[],
  docOf: (value: Value) => string | undefined,
  current?: string,
): string {
  return values
    .map((entry) => {
      const name = entry.value === current ? `**\`${entry.value}\`**` : `\`${entry.value}\``;
      const doc = docOf(entry);
      return doc ? `- ${name} — ${doc}` : `- ${name}`;
    })
    .join('\n');
}

/**
 * The sources line (guide sections as labels, libvirt and kernel pages as links), followed by the
 * guide's credit when the guide is among them: its license asks for it wherever its content is used.
 */
export function sourcesParagraphs(sources: readonly Source[]): string[] {
  const unique = uniqueSources(sources);
  if (unique.length === 0) return [];
  const paragraphs = [`Sources: ${unique.map(sourceMarkdown).join(' · ')}`];
  if (unique.some((source) => source.kind === 'guide')) {
    paragraphs.push(`_Guide content summarized from the ${GUIDE_CREDIT}._`);
  }
  return paragraphs;
}

function uniqueSources(sources: readonly Source[]): Source[] {
  const seen = new Set<string>();
  const result: Source[] = [];
  for (const source of sources) {
    const label = sourceLabel(source);
    if (seen.has(label)) continue;
    seen.add(label);
    result.push(source);
  }
  return result;
}

/** Paragraphs joined the way Markdown separates them. */
export function joinParagraphs(paragraphs: readonly string[]): string {
  return paragraphs.filter((paragraph) => paragraph !== '').join('\n\n');
}
