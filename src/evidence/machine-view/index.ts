// Derived views of one machine's facts that several rules, walk steps and fleet views share: facts by kind in
// time order, 12288/12289 exchanges, "resolved" cut-offs, license states, and every error code seen. The
// sections live beside it (exchanges, license kinds, states, code sightings); this class keeps their caches.
import type { Fact, FactKind, LicenseFact } from '../../decode/index.js';
import { isSuccessHresult, licenseStateFromSlStatus } from '../../decode/index.js';
import type { Fleet, Machine, Role } from '../model.js';
import { toMs } from '../time.js';
import { findCodeSightings, type CodeSighting } from './code-sightings.js';
import { pairExchanges, type Exchange } from './exchanges.js';
import { indexTwins, LICENSE_TEST, withTwinChannel, type ProductKind, type TwinIndex } from './license-kinds.js';
import type { FactOf, MachineFacts } from './shape.js';
import { licenseStates, slmgrReading, type StateReading } from './states.js';

export type { CodeContext, CodeSighting } from './code-sightings.js';
export type { Exchange } from './exchanges.js';
export { pairExchanges } from './exchanges.js';
export type { ProductKind } from './license-kinds.js';
export type { FactOf } from './shape.js';
export { currentStates, KMS_VALIDITY_MIN, type StateReading } from './states.js';

export class MachineView implements MachineFacts {
  private readonly byKind = new Map<FactKind, Fact[]>();
  private exchangeCache?: Exchange[];
  private kmsSuccessCache?: number;
  private makSuccessCache?: number;
  private sightingsCache?: CodeSighting[];
  private officeCache?: boolean;
  private readonly licensesCache = new Map<ProductKind, LicenseFact[]>();
  private twinIndex?: TwinIndex;

  constructor(
    readonly machine: Machine,
    readonly fleet: Fleet,
    readonly now: number,
  ) {
    const ordered = machine.facts
      .map((fact, i) => ({ fact, i, t: this.at(fact) }))
      .sort((a, b) => a.t - b.t || a.i - b.i);
    for (const { fact } of ordered) {
      const list = this.byKind.get(fact.kind);
      if (list) list.push(fact);
      else this.byKind.set(fact.kind, [fact]);
    }
  }

  get key(): string {
    return this.machine.key;
  }
  get name(): string {
    return this.machine.name;
  }
  hasRole(role: Role): boolean {
    return this.machine.roles.includes(role);
  }

  /** When a fact happened; slmgr text (no time) counts as the snapshot's "now". */
  at(fact: Fact): number {
    return toMs(fact.time) ?? this.now;
  }

  /** Facts of one kind, oldest first. */
  facts<K extends FactKind>(kind: K): FactOf<K>[] {
    return (this.byKind.get(kind) ?? []) as FactOf<K>[];
  }

  /** True when the machine holds an Office product (a license, or a KMS request for one). */
  holdsOffice(): boolean {
    return (this.officeCache ??= this.facts('license').some((l) => l.product === 'Office') || this.facts('kms-request').some((q) => q.product === 'Office'));
  }

  hasAny(kinds: readonly FactKind[]): boolean {
    return kinds.some((k) => (this.byKind.get(k)?.length ?? 0) > 0);
  }

  /** All slmgr blocks; for a kind of product only those with a key installed (not "This license is not in use."). */
  licenses(kind?: ProductKind): LicenseFact[] {
    const all = this.facts('license');
    if (!kind) return all;
    let held = this.licensesCache.get(kind);
    if (!held) this.licensesCache.set(kind, (held = all.filter((l) => !l.notInUse && LICENSE_TEST[kind](this.withChannel(l)))));
    return held;
  }

  /** Blocks that state a license status (/dli, /dlv, /xpr), not /ato outcomes. */
  statusLicenses(kind?: ProductKind): LicenseFact[] {
    return this.licenses(kind).filter((l) => l.form !== 'ato' && l.licenseStatus !== 'Unknown');
  }

  /**
   * slmgr /ato prints the product name without its channel; borrow the channel from the /dli or /dlv
   * block of the same product on this machine (the first such block, by activation id or by name).
   */
  withChannel(l: LicenseFact): LicenseFact {
    if (l.channel) return l;
    return withTwinChannel(l, (this.twinIndex ??= indexTwins(this.facts('license'))));
  }

  /** Each 12288 with the 12289 that answered it, if any (see pairExchanges). */
  exchanges(): Exchange[] {
    return (this.exchangeCache ??= pairExchanges(this.facts('kms-request'), this.facts('kms-response'), (f) => this.at(f)));
  }

  /** Time of the newest proof that KMS activation worked: a 12289 with activated=1 and a success result, or slmgr Licensed. */
  lastKmsSuccess(): number {
    // Every KMS rule and walk step asks; the facts do not change while the chain runs.
    return (this.kmsSuccessCache ??= this.findLastKmsSuccess());
  }

  private findLastKmsSuccess(): number {
    let t = -Infinity;
    for (const r of this.facts('kms-response')) if (r.activated && isSuccessHresult(r.result)) t = Math.max(t, this.at(r));
    for (const l of this.licenses('kms-client')) if (l.licenseStatus === 'Licensed' || l.activation === 'succeeded') t = Math.max(t, this.at(l));
    return t;
  }

  lastMakSuccess(): number {
    return (this.makSuccessCache ??= this.findLastMakSuccess());
  }

  private findLastMakSuccess(): number {
    let t = -Infinity;
    for (const l of this.licenses('mak')) if (l.licenseStatus === 'Licensed' || l.activation === 'succeeded') t = Math.max(t, this.at(l));
    for (const s of this.facts('license-state-data'))
      if (s.keyType === 'Volume:MAK' && licenseStateFromSlStatus(s.licenseState) === 'Licensed') t = Math.max(t, this.at(s));
    return t;
  }

  /** Exchanges after the last success: the failures still standing. */
  unresolvedExchanges(): Exchange[] {
    const cut = this.lastKmsSuccess();
    return this.exchanges().filter((x) => x.at > cut);
  }

  /** What the client is doing now: the unresolved exchanges, else the newest one. */
  recentExchanges(): Exchange[] {
    const open = this.unresolvedExchanges();
    if (open.length) return open;
    const all = this.exchanges();
    return all.length ? [all[all.length - 1]] : [];
  }

  /** License state readings for one kind of product (see licenseStates). */
  states(kind: ProductKind): StateReading[] {
    return licenseStates(this, kind);
  }

  /** Every failure code this machine's own records show, with the path it belongs to. */
  codeSightings(): readonly CodeSighting[] {
    return (this.sightingsCache ??= findCodeSightings(this));
  }

  /** The state an slmgr block states, with the minutes it has left (see slmgrReading). */
  slmgrReading(l: LicenseFact): StateReading {
    return slmgrReading(this, l);
  }
}

const built = new WeakMap<Machine, MachineView>();

/** The machine's view as of `now`, built once per machine, fleet and clock: the rules and the fleet views share it. */
export function machineView(fleet: Fleet, machine: Machine, now: number): MachineView {
  const held = built.get(machine);
  if (held && held.fleet === fleet && held.now === now) return held;
  const view = new MachineView(machine, fleet, now);
  built.set(machine, view);
  return view;
}
