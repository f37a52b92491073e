// Findings grouped by cause, as the diagnosis linked them (diagnose/causes.ts): each finding that follows
// from another (`cause`) sits under that finding, on the same machine. One pass over the findings; a
// consequence whose cause is not in the report (a trimmed baseline) stands on its own.
import type { ShownFinding } from './wording.js';

export class CauseGroups<F extends ShownFinding> {
  private readonly heads = new Map<string, F>();
  private readonly under = new Map<F, F[]>();
  private readonly headOfFinding = new Map<F, F>();

  constructor(findings: readonly F[]) {
    for (const f of findings) if (f.consequences?.length) this.heads.set(key(f.machine, f.rule), f);
    for (const f of findings) {
      if (f.cause === undefined) continue;
      const head = this.heads.get(key(f.machine, f.cause));
      if (!head || head === f) continue;
      this.headOfFinding.set(f, head);
      const list = this.under.get(head);
      if (list) list.push(f);
      else this.under.set(head, [f]);
    }
  }

  /** The finding `f` follows from, when the report holds it. */
  headOf(f: F): F | undefined {
    return this.headOfFinding.get(f);
  }

  /** The findings that follow from `f`, in the order its `consequences` name them. */
  consequencesOf(f: F): F[] {
    const list = this.under.get(f);
    if (!list) return [];
    const order = f.consequences ?? [];
    return [...list].sort((a, b) => order.indexOf(a.rule) - order.indexOf(b.rule));
  }
}

function key(machine: string | undefined, rule: string): string {
  return `${machine ?? ''}\u0000${rule}`;
}
