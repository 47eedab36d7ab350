import type { KsmKnob, KsmtunedVariable } from '../kb/ksmtuned';
import { ksmKnob } from '../kb/ksmtuned';
import { factParagraphs, joinParagraphs, sourcesParagraphs } from '../core/markdown';

const KIND_LABEL: Record<KsmtunedVariable['kind'], string> = {
  integer: 'integer',
  duration: 'seconds for sleep(1)',
  path: 'file path',
  flag: 'on when not empty',
};

/** What the knowledge base says about a ksmtuned variable, and the /sys/kernel/mm/ksm files it drives. */
export function variableMarkdown(variable: KsmtunedVariable): string {
  const knobs = variable.knobs.flatMap((name) => {
    const knob = ksmKnob(name);
    return knob ? [`- \`${knob.path}\` — ${knob.summary}`] : [];
  });
  const drives = knobs.length > 0 ? [`Ends up in:\n\n${knobs.join('\n')}`] : [];
  return joinParagraphs([
    `**${variable.name}** (ksmtuned.conf) — ${KIND_LABEL[variable.kind]}`,
    ...factParagraphs(variable),
    ...drives,
    ...sourcesParagraphs(variable.sources),
  ]);
}

export function knobMarkdown(knob: KsmKnob): string {
  return joinParagraphs([
    `**\`${knob.path}\`**`,
    knob.summary,
    knob.details ?? '',
    knob.values ? `Values: ${knob.values}` : '',
    `Kernel default: \`${knob.kernelDefault}\``,
    `**ksmtuned:** ${knob.drivenBy}`,
    knob.advice ? `**Advice:** ${knob.advice}` : '',
    ...sourcesParagraphs(knob.sources),
  ]);
}
