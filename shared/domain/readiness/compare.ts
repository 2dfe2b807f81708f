import type { Finding, Severity } from './finding';

/** What a comparison needs of each review: its findings and its criteria's statuses. */
export interface ComparableReview<S extends string = string> {
  findings: readonly Finding[];
  criteria: readonly { id: string; status: S }[];
}

export interface FindingChanges {
  /** In the earlier review only: fixed since. */
  improved: Finding[];
  /** In the later review only: new since. */
  regressed: Finding[];
  /** In both (the later wording, with the earlier severity). */
  unchanged: (Finding & { fromSeverity: Severity })[];
}

/**
 * A finding's identity across reviews: its rule and its object. The object is the record the
 * fix target names when it names one (a control renamed between two reviews is still the same
 * control), else its label ("Risk assessment"). The message is not part of it: rewording a
 * message is not a change in readiness.
 */
export function findingKey(f: Pick<Finding, 'rule' | 'object' | 'target'>): string {
  const object = 'id' in f.target ? `${f.target.screen}:${f.target.id}` : f.object;
  return `${f.rule}\u0000${object}`;
}

/**
 * Findings that improved, regressed or stayed between two reviews. One rule may raise several
 * findings about one object (a vendor report missing and unreviewed): they are matched in
 * order, and the surplus on either side is the change.
 */
export function compareFindings(from: readonly Finding[], to: readonly Finding[]): FindingChanges {
  const earlier = new Map<string, Finding[]>();
  for (const f of from) {
    const k = findingKey(f);
    earlier.set(k, [...(earlier.get(k) ?? []), f]);
  }
  const regressed: Finding[] = [];
  const unchanged: FindingChanges['unchanged'] = [];
  for (const f of to) {
    const match = earlier.get(findingKey(f))?.shift();
    if (match) unchanged.push({ ...f, fromSeverity: match.severity });
    else regressed.push(f);
  }
  const improved = from.filter((f) => earlier.get(findingKey(f))?.includes(f));
  return { improved, regressed, unchanged };
}

/** Criteria whose status differs between two reviews (null: not in that review's scope). */
export function compareCriteria<S extends string>(
  from: readonly { id: string; status: S }[],
  to: readonly { id: string; status: S }[],
): { id: string; from: S | null; to: S | null }[] {
  const before = new Map(from.map((c) => [c.id, c.status]));
  const after = new Map(to.map((c) => [c.id, c.status]));
  const ids = [...new Set([...before.keys(), ...after.keys()])].sort();
  return ids
    .map((id) => ({ id, from: before.get(id) ?? null, to: after.get(id) ?? null }))
    .filter((c) => c.from !== c.to);
}
