import { closestNames, editDistance } from '../../core/similarity';
import type { FixSpec } from '../../core/types';
import { FOREIGN_VARIABLE_SOURCES, foreignVariable, KSMTUNED_SCRIPT, ksmtunedVariable, ksmtunedVariableNames } from '../../kb/ksmtuned';
import type { KsmtunedRule } from './context';
import { replaceFix } from './edits';

/**
 * Names bash itself or the commands ksmtuned runs read from the environment: setting them in the file
 * does change what ksmtuned does, so they are not unknown.
 */
const SHELL_NAMES = /^(PATH|IFS|TZ|LANG|LANGUAGE|LC_[A-Z_]+|TMPDIR)$/;

/** The names ksmtuned reads that are closest to `name`: only those at the smallest distance (case ignored). */
function nearestNames(name: string): string[] {
  const distance = (candidate: string) => editDistance(name.toLowerCase(), candidate.toLowerCase());
  const close = closestNames(name, ksmtunedVariableNames());
  const best = Math.min(...close.map(distance));
  return close.filter((candidate) => distance(candidate) === best);
}

/**
 * VT203: a variable ksmtuned does not read. bash sets it and nothing uses it, so the setting has no
 * effect: almost surely a misspelt name (a warning), with the closest names ksmtuned reads. A name the
 * file itself expands elsewhere (`$NAME`) is the user's own helper and is left alone.
 */
export const unknownVariable: KsmtunedRule = {
  meta: {
    code: 'VT203',
    name: 'unknown-variable',
    title: 'Variables must be ones ksmtuned reads',
    severity: 'warning',
    sources: [KSMTUNED_SCRIPT, ...FOREIGN_VARIABLE_SOURCES],
    fixable: true,
  },
  check(context, report) {
    const { model } = context;
    // A misspelt name is often set many times: its candidates and message are worked out once.
    const said = new Map<string, Saying>();
    for (const { assignment } of model.assignments) {
      const { name, nameSpan } = assignment;
      if (ksmtunedVariable(name) || model.referenced.has(name) || SHELL_NAMES.test(name)) continue;
      let saying = said.get(name);
      if (!saying) said.set(name, (saying = whatToSay(name)));
      const { candidates, titles, message } = saying;
      const fixes: FixSpec[] = candidates.map((candidate, index) => replaceFix(titles[index]!, nameSpan, candidate, candidates.length === 1));
      report({ span: nameSpan, message, fixes });
    }
  },
};

/** What is said of one misspelt name: the names it may have meant, a fix's title for each, the message. */
interface Saying {
  candidates: string[];
  titles: string[];
  message: string;
}

/** The names a misspelt `name` may have meant, their fixes' titles and the finding's message. */
function whatToSay(name: string): Saying {
  const foreign = foreignVariable(name);
  const candidates = nearestNames(name);
  let message: string;
  if (foreign) message = `ksmtuned does not read ${name}: ${foreign}.`;
  else if (candidates.length > 0) {
    const caseOnly = candidates.some((candidate) => candidate.toLowerCase() === name.toLowerCase());
    message = `ksmtuned does not read ${name}${caseOnly ? ' (bash names are case-sensitive)' : ''}. Did you mean ${candidates.join(' or ')}?`;
  } else {
    message = `ksmtuned does not read ${name}, so setting it has no effect. It reads ${ksmtunedVariableNames().join(', ')}.`;
  }
  return { candidates, titles: candidates.map((candidate) => `Rename to ${candidate}`), message };
}
