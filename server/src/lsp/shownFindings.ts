import type { Finding } from '../core/types';
import { mergeFindings } from '../services';
import { applyRuleLevels, type RuleLevels } from './ruleLevels';

/** A document's findings as the editor gets them, and the ones of those that carry fixes. */
export interface Shown {
  all: readonly Finding[];
  fixable: readonly Finding[];
}

/**
 * The findings shown for a document (the lint's, the verdict's merged in, at the user's rule levels), made
 * once for each lint result, verdict and setting: VS Code asks for code actions at every move of the cursor,
 * and merging and scanning every finding again cost 30-500 ms each on a file of 300,000 findings. Keyed by
 * the lint's own list (each service keeps one per document version), so it goes with it.
 */
export class ShownFindings {
  private readonly made = new WeakMap<readonly Finding[], { slow: readonly Finding[]; levels: RuleLevels; shown: Shown }>();

  of(fast: readonly Finding[], slow: readonly Finding[], levels: RuleLevels): Shown {
    const known = this.made.get(fast);
    // No verdict yet is a new empty list at every call.
    if (known && (known.slow === slow || (known.slow.length === 0 && slow.length === 0)) && known.levels === levels) return known.shown;
    const all = applyRuleLevels(mergeFindings(fast, slow), levels);
    const shown = { all, fixable: all.filter((finding) => finding.fixes.length > 0) };
    this.made.set(fast, { slow, levels, shown });
    return shown;
  }
}
