// The grouping itself: for each rule, hash every attribute value of its failing machines, keep the values most of
// them share and few healthy machines do, take the best, set its machines aside, and look again at the rest.
// Each round is one pass over the machines still unexplained; a rule gets at most MAX_ROUNDS groups.
import { ATTRIBUTE_KINDS, type AttributeKind, type GroupOptions, type SharedAttribute } from './types.js';
import { upperTail } from './chance.js';
import { valuesOf, type MachineTraits } from './traits.js';

const HOUR = 3_600_000;
/** Onset windows, narrowest first; each is hashed at two offsets so a burst that straddles a boundary still falls in one. */
export const ONSET_WIDTHS = [HOUR, 6 * HOUR, 24 * HOUR] as const;
const MAX_ROUNDS = 10;
/**
 * Kinds that describe the failure rather than the machine: every failing machine has a code and an onset, no
 * healthy one does, so they pass the healthy test by construction. They lead a group only when they hold for
 * most of all the rule's machines (the first round), never among the few left over after the other groups.
 */
const SYMPTOMS: ReadonlySet<AttributeKind> = new Set(['code', 'onset']);
/** A group is reported only when chance would give that many machines sharing the value less often than this. */
export const CHANCE = 0.01;

/**
 * How much a kind of attribute says about a cause, when the same machines share several: a CMID or a host is a
 * thing that can be broken; failing at the same time is a hint. Scores multiply the machines a value explains.
 */
const KIND_WEIGHT: Record<AttributeKind, number> = {
  cmid: 1,
  host: 1,
  'dns-suffix': 0.95,
  subnet: 0.95,
  product: 0.9,
  build: 0.85,
  code: 0.8,
  onset: 0.6,
};

/** Kinds whose healthy share counts only healthy machines whose value is known (a machine without one neither shares nor differs). */
const KNOWN_ONLY: ReadonlySet<AttributeKind> = new Set(['host', 'dns-suffix', 'subnet', 'product', 'build']);

export interface Member {
  key: string;
  traits: MachineTraits;
}

/**
 * The healthy machines' values, counted once: one pass over the fleet. Only values some failing machine has
 * are counted (`wanted`), so 100,000 healthy CMIDs cost a lookup each, not a map entry each.
 */
export class HealthyCounts {
  private readonly counts = new Map<string, number>();
  private readonly known = new Map<AttributeKind, number>();
  private total = 0;

  constructor(private readonly wanted?: ReadonlySet<string>) {}

  add(traits: MachineTraits): void {
    this.total++;
    for (const kind of ATTRIBUTE_KINDS) {
      const values = attributeValues(traits, kind);
      if (values.length === 0) continue;
      this.known.set(kind, (this.known.get(kind) ?? 0) + 1);
      for (const v of values) {
        const id = idOf(kind, v);
        if (this.wanted && !this.wanted.has(id)) continue;
        this.counts.set(id, (this.counts.get(id) ?? 0) + 1);
      }
    }
  }

  /** Healthy machines sharing the value, of those it is compared with. */
  share(kind: AttributeKind, value: string): { sharing: number; of: number } {
    return { sharing: this.counts.get(idOf(kind, value)) ?? 0, of: KNOWN_ONLY.has(kind) ? (this.known.get(kind) ?? 0) : this.total };
  }

  /** Healthy machines sharing the value, whatever the denominator (for evidence: "which activates 40 other machines"). */
  sharing(kind: AttributeKind, value: string): number {
    return this.counts.get(idOf(kind, value)) ?? 0;
  }
}

export interface FoundGroup {
  shared: SharedAttribute[];
  members: Member[];
  healthy: { sharing: number; of: number };
}

export function idOf(kind: AttributeKind, value: string): string {
  return `${kind}:${value}`;
}

/** Every value of one kind the machine has; onset as the windows its first failure falls in. */
export function attributeValues(traits: MachineTraits, kind: AttributeKind): readonly string[] {
  if (kind !== 'onset') return valuesOf(traits, kind);
  if (traits.onset === undefined) return [];
  const out: string[] = [];
  for (const width of ONSET_WIDTHS) {
    for (const offset of [0, width / 2]) {
      const start = Math.floor((traits.onset - offset) / width) * width + offset;
      out.push(`${new Date(start).toISOString()}/${new Date(start + width).toISOString()}`);
    }
  }
  return out;
}

interface Candidate {
  kind: AttributeKind;
  value: string;
  count: number;
  healthy: { sharing: number; of: number };
  score: number;
}

/** What a rule's machines are compared with. */
export interface Baseline {
  healthy: HealthyCounts;
  /** The codes the rule is about (a time-skew finding always carries 0xC004F06C): sharing one says nothing the rule did not. */
  implied: ReadonlySet<string>;
  /** How long the snapshot's records span (ms): failures that began at random times would fall in a window this often. */
  span: number;
}

/** Groups for one rule's failing machines. */
export function findGroups(failing: readonly Member[], baseline: Baseline, options: GroupOptions): FoundGroup[] {
  const found: FoundGroup[] = [];
  let rest = failing;
  for (let round = 0; round < MAX_ROUNDS && rest.length >= options.min; round++) {
    const candidates = candidatesOf(rest, baseline, options);
    const best = candidates.find((c) => round === 0 || !SYMPTOMS.has(c.kind));
    if (!best) break;
    const members = rest.filter((m) => has(m, best));
    found.push({ shared: [{ kind: best.kind, value: best.value }, ...alsoShared(best, candidates, members, options.healthyShare)], members, healthy: best.healthy });
    const taken = new Set(members);
    rest = rest.filter((m) => !taken.has(m));
  }
  return found;
}

function candidatesOf(machines: readonly Member[], { healthy, implied, span }: Baseline, options: GroupOptions): Candidate[] {
  const counts = new Map<string, { kind: AttributeKind; value: string; count: number }>();
  for (const m of machines) {
    for (const kind of ATTRIBUTE_KINDS) {
      for (const value of attributeValues(m.traits, kind)) {
        const id = idOf(kind, value);
        const c = counts.get(id);
        if (c) c.count++;
        else counts.set(id, { kind, value, count: 1 });
      }
    }
  }
  const need = Math.max(options.min, Math.ceil(options.share * machines.length - 1e-9));
  const out: Candidate[] = [];
  for (const c of counts.values()) {
    if (c.count < need || (c.kind === 'code' && implied.has(c.value))) continue;
    const h = healthy.share(c.kind, c.value);
    const hs = h.of > 0 ? h.sharing / h.of : 0;
    if (hs >= options.healthyShare) continue;
    if (upperTail(machines.length, c.count, chanceOf(c.kind, c.value, h, span)) >= CHANCE) continue;
    out.push({ ...c, healthy: h, score: c.count * (1 - hs) * KIND_WEIGHT[c.kind] });
  }
  return out.sort(byRank);
}

/**
 * How often one machine would have the value by chance: the healthy machines' share (never taken as less than
 * one in their number + 2, so a handful of healthy machines proves little); for an onset window, its width over
 * the snapshot's span.
 */
function chanceOf(kind: AttributeKind, value: string, h: { sharing: number; of: number }, span: number): number {
  if (kind === 'onset') {
    const [from, to] = value.split('/').map((t) => Date.parse(t));
    return span > 0 ? Math.min(1, (to - from) / span) : 1;
  }
  return Math.max(h.of > 0 ? h.sharing / h.of : 0, 1 / (h.of + 2));
}

/** Best first: score, then the more specific kind, the narrower onset window, the longer DNS suffix, then the value. */
function byRank(a: Candidate, b: Candidate): number {
  return (
    b.score - a.score ||
    ATTRIBUTE_KINDS.indexOf(a.kind) - ATTRIBUTE_KINDS.indexOf(b.kind) ||
    narrowness(b) - narrowness(a) ||
    (a.value < b.value ? -1 : a.value > b.value ? 1 : 0)
  );
}

/** A narrower onset window or a longer DNS suffix says more. */
function narrowness(c: Candidate): number {
  if (c.kind === 'onset') {
    const [from, to] = c.value.split('/').map((t) => Date.parse(t));
    return -(to - from);
  }
  if (c.kind === 'dns-suffix') return c.value.split('.').length;
  return 0;
}

function has(m: Member, c: { kind: AttributeKind; value: string }): boolean {
  return attributeValues(m.traits, c.kind).includes(c.value);
}

/**
 * Other candidates that hold for exactly the same machines and for at most half the healthy share a group may
 * have: said in the same sentence; one per kind (the most specific). A value half the healthy machines share
 * too is only context (the sentence names it as evidence, not as what the machines share).
 */
function alsoShared(best: Candidate, candidates: readonly Candidate[], members: readonly Member[], healthyShare: number): SharedAttribute[] {
  const kinds = new Set<AttributeKind>([best.kind]);
  const out: SharedAttribute[] = [];
  for (const c of candidates) {
    // When it began is said for every group; as a shared attribute it only leads a group of its own.
    if (c === best || c.kind === 'onset' || kinds.has(c.kind) || c.count !== members.length) continue;
    if (c.healthy.of > 0 && c.healthy.sharing / c.healthy.of > healthyShare / 2) continue;
    if (!members.every((m) => has(m, c))) continue;
    kinds.add(c.kind);
    out.push({ kind: c.kind, value: c.value });
  }
  return out.sort((a, b) => ATTRIBUTE_KINDS.indexOf(a.kind) - ATTRIBUTE_KINDS.indexOf(b.kind));
}
