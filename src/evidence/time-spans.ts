// A CMID under two names is either one machine renamed or clones: a renamed machine's names follow one
// another in time (each stops before the next starts), clones renew on their own schedules and interleave.
// The evidence layer uses this to join renames; the rules use it to qualify a duplicate-CMID finding.

export interface TimeSpan {
  /** Comparable times: ISO-8601 UTC strings of one format, or milliseconds. */
  first: string | number;
  last: string | number;
}

/** The spans in time order, when each ends before the next begins; undefined when any two overlap. */
export function followOneAnother<S extends TimeSpan>(spans: readonly S[]): S[] | undefined {
  const ordered = [...spans].sort((a, b) => (a.first < b.first ? -1 : a.first > b.first ? 1 : 0));
  return ordered.every((span, i) => i === 0 || ordered[i - 1].last < span.first) ? ordered : undefined;
}
