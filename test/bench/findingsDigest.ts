import { createHash } from 'node:crypto';
import type { Finding, Fix } from '../../server/src/core/types';

/** What the dump writes for a text whose findings are too many to write out: how many, per rule, and one hash of them all. */
export interface FindingsDigest {
  findings: number;
  rules: Record<string, number>;
  /** sha256 over each finding's JSON with its fixes' own hashes in place of their edits. */
  sha256: string;
}

/**
 * Changes when any finding's rule, severity, message, range or fix does. A fix is often one object shared
 * by every finding it mends (65,536 findings, each with the same fix of 65,536 edits): it is hashed once
 * per object, by its content, so whether it is shared does not change the digest.
 */
export function findingsDigest(findings: readonly Finding[]): FindingsDigest {
  const fixHashes = new Map<Fix, string>();
  const fixHash = (fix: Fix) => {
    let hash = fixHashes.get(fix);
    if (hash === undefined) {
      hash = createHash('sha256').update(JSON.stringify(fix)).digest('hex');
      fixHashes.set(fix, hash);
    }
    return hash;
  };
  const whole = createHash('sha256');
  const rules: Record<string, number> = {};
  for (const finding of findings) {
    whole.update(`${JSON.stringify({ ...finding, fixes: finding.fixes.map(fixHash) })}\n`);
    rules[finding.rule] = (rules[finding.rule] ?? 0) + 1;
  }
  const sorted = Object.fromEntries(Object.entries(rules).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return { findings: findings.length, rules: sorted, sha256: whole.digest('hex') };
}
