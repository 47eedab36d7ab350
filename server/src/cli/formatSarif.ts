import { isAbsolute, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { RuleMeta, Severity } from '../core/types';
import { rulePage } from '../ruleDocs';
import { VERSION } from '../version';
import type { LintResult } from './lintResult';

const SARIF_LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = {
  error: 'error',
  warning: 'warning',
  information: 'note',
  hint: 'note',
};

/** GitHub code scanning shows a rule's fullDescription at the top of its alerts and keeps at most this many characters of it. */
const FULL_DESCRIPTION_MAX = 1000;

/**
 * A SARIF 2.1.0 log of one run: the rules virt-tune knows and every finding as a result. The rules that
 * have results carry their page (docs/rules/<CODE>.md) as `help` and its "What it checks" as
 * `fullDescription`, which is what viewers and GitHub code scanning show beside an alert. No `helpUri`:
 * SARIF wants the absolute URI of the rule's documentation, and the only one virt-tune has is a `file:`
 * path into this machine's install, which is wrong wherever the log is read after it is moved (a CI
 * artifact, an upload) and tells the reader a local path; the package publishes no page on the web.
 */
export function formatSarif(results: readonly LintResult[], rules: readonly RuleMeta[]): string {
  const ruleIndex = new Map(rules.map((rule, index) => [rule.code, index]));
  const reported = new Set(results.flatMap(({ findings }) => findings.map((finding) => finding.rule)));
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'virt-tune',
            version: VERSION,
            rules: rules.map((rule) => ({
              id: rule.code,
              name: rule.name,
              shortDescription: { text: rule.title },
              ...(reported.has(rule.code) ? ruleHelp(rule.code) : {}),
              defaultConfiguration: { level: SARIF_LEVEL[rule.severity] },
            })),
          },
        },
        columnKind: 'utf16CodeUnits',
        results: results.flatMap(({ file, findings }) =>
          findings.map((finding) => ({
            ruleId: finding.rule,
            ...(ruleIndex.has(finding.rule) ? { ruleIndex: ruleIndex.get(finding.rule) } : {}),
            level: SARIF_LEVEL[finding.severity],
            message: { text: finding.message },
            locations: [
              {
                physicalLocation: {
                  artifactLocation: { uri: artifactUri(file.path) },
                  // SARIF counts from 1 and its end column is the one after the region.
                  region: {
                    startLine: finding.range.start.line + 1,
                    startColumn: finding.range.start.character + 1,
                    endLine: finding.range.end.line + 1,
                    endColumn: finding.range.end.character + 1,
                  },
                },
              },
            ],
          })),
        ),
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

/** A rule's page as SARIF's `help` (the Markdown page; its text is the same page, which reads as plain text) and its first paragraph of "What it checks" as `fullDescription`; nothing when the page cannot be read. */
function ruleHelp(code: string): { fullDescription?: { text: string }; help?: { text: string; markdown: string } } {
  const page = rulePage(code);
  if (page === undefined) return {};
  const lines = page.split(/\r?\n/);
  const heading = lines.indexOf('## What it checks');
  const paragraph: string[] = [];
  for (let at = heading + 1; heading >= 0 && at < lines.length && lines[at]!.trim() !== '' && !lines[at]!.startsWith('#'); at++) paragraph.push(lines[at]!.trim());
  const described = paragraph.length === 0 ? undefined : shortened(paragraph.join(' '), FULL_DESCRIPTION_MAX);
  return { ...(described ? { fullDescription: { text: described } } : {}), help: { text: page, markdown: page } };
}

/** The text cut to at most `max` characters, at the last sentence's end that fits (at a word, with an ellipsis, when none does). */
function shortened(text: string, max: number): string {
  if (text.length <= max) return text;
  const sentence = text.slice(0, max).lastIndexOf('. ');
  if (sentence > 0) return text.slice(0, sentence + 1);
  const word = text.slice(0, max - 1).lastIndexOf(' ');
  return `${text.slice(0, word > 0 ? word : max - 1)}…`;
}

function artifactUri(path: string): string {
  if (isAbsolute(path)) return pathToFileURL(path).href;
  return path.split(sep).map(encodeURIComponent).join('/');
}
