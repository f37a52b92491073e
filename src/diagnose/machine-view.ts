// Derived views of one machine's facts that several rules and walk steps share: facts by kind in
// time order, 12288/12289 exchanges, "resolved" cut-offs, license states, and every error code seen.
import type {
  Fact,
  FactKind,
  KmsRequestFact,
  KmsResponseFact,
  LicenseFact,
  LicenseStatusName,
} from '../decode/index.js';
import { describeHresult, isSuccessHresult, licenseStateFromSlStatus } from '../decode/index.js';
import type { Fleet, Machine, Role } from '../evidence/index.js';
import type { CodeContext } from './codes.js';
import { toMs, MINUTE } from './time.js';

export type FactOf<K extends FactKind> = Extract<Fact, { kind: K }>;

/** One 12288 and the 12289 that answered it (if any arrived within the activation interval). */
export interface Exchange {
  request: KmsRequestFact;
  response?: KmsResponseFact;
  at: number;
}

/** A license state as one source reports it. */
export interface StateReading {
  state: LicenseStatusName;
  fact: Fact;
  at: number;
  /** Minutes until the state expires, counted from `at` (volume expiry or grace). */
  minutes?: number;
}

export interface CodeSighting {
  code: string;
  context: CodeContext | 'other';
  fact: Fact;
  at: number;
  /** True when a later success on the same path (KMS or MAK) made this failure history. */
  resolved: boolean;
}

/** The client retries every 120 minutes until activated: a 12289 later than that answers another request. */
const DEFAULT_ACTIVATION_INTERVAL_MIN = 120;
/** A successful KMS activation or renewal is valid for 180 days. */
export const KMS_VALIDITY_MIN = 180 * 24 * 60;

const isKmsClientLicense = (f: LicenseFact): boolean => f.channel === 'VOLUME_KMSCLIENT' || f.keyType === 'Volume:GVLK';
const isMakLicense = (f: LicenseFact): boolean => /^VOLUME_MAK/.test(f.channel) || f.keyType === 'Volume:MAK';
const isKmsHostLicense = (f: LicenseFact): boolean =>
  (/^VOLUME_KMS/.test(f.channel) && f.channel !== 'VOLUME_KMSCLIENT') || f.keyType === 'Volume:CSVLK';

export type ProductKind = 'kms-client' | 'mak' | 'kms-host';

const LICENSE_TEST: Record<ProductKind, (f: LicenseFact) => boolean> = {
  'kms-client': isKmsClientLicense,
  mak: isMakLicense,
  'kms-host': isKmsHostLicense,
};
const KEY_TYPE: Record<ProductKind, string> = { 'kms-client': 'Volume:GVLK', mak: 'Volume:MAK', 'kms-host': 'Volume:CSVLK' };

interface Twin {
  license: LicenseFact;
  /** Its place among the machine's license facts. */
  at: number;
}

export class MachineView {
  private readonly byKind = new Map<FactKind, Fact[]>();
  private exchangeCache?: Exchange[];
  private kmsSuccessCache?: number;
  private makSuccessCache?: number;
  private sightingsCache?: CodeSighting[];
  private officeCache?: boolean;
  private readonly licensesCache = new Map<ProductKind, LicenseFact[]>();
  private twinIndex?: { byActivationId: Map<string, Twin>; byName: Map<string, Twin> };
  private requestedEditions?: Set<string>;

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

  licenses(kind?: ProductKind): LicenseFact[] {
    const all = this.facts('license');
    if (!kind) return all;
    let held = this.licensesCache.get(kind);
    if (!held) this.licensesCache.set(kind, (held = all.filter((l) => LICENSE_TEST[kind](this.withChannel(l)))));
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
    const twins = (this.twinIndex ??= this.indexTwins());
    const byId = l.activationId ? twins.byActivationId.get(l.activationId) : undefined;
    const byName = twins.byName.get(l.name);
    // The first block in fact order that matches either way, as a scan from the start would find it.
    const twin = byId && byName ? (byId.at <= byName.at ? byId : byName) : (byId ?? byName);
    return twin ? { ...l, channel: twin.license.channel, keyType: twin.license.keyType } : l;
  }

  /** Blocks that print a channel, first by activation id and by name (a machine can list thousands of products). */
  private indexTwins(): { byActivationId: Map<string, Twin>; byName: Map<string, Twin> } {
    const byActivationId = new Map<string, Twin>();
    const byName = new Map<string, Twin>();
    this.facts('license').forEach((license, at) => {
      if (license.channel === '') return;
      if (license.activationId && !byActivationId.has(license.activationId)) byActivationId.set(license.activationId, { license, at });
      if (!byName.has(license.name)) byName.set(license.name, { license, at });
    });
    return { byActivationId, byName };
  }

  /**
   * Pairs each 12288 with the first unused 12289 that follows it within the activation interval (and before the
   * next 12288). Both lists are in time order, so one pointer walks the responses: a response older than a
   * request can answer no later request either.
   */
  exchanges(): Exchange[] {
    if (this.exchangeCache) return this.exchangeCache;
    const responses = this.facts('kms-response');
    const requests = this.facts('kms-request');
    const interval = (responses.find((r) => r.activationInterval > 0)?.activationInterval ?? DEFAULT_ACTIVATION_INTERVAL_MIN) * MINUTE;
    const out: Exchange[] = [];
    let next = 0;
    for (let i = 0; i < requests.length; i++) {
      const request = requests[i];
      const at = this.at(request);
      const until = Math.min(at + interval, i + 1 < requests.length ? this.at(requests[i + 1]) : Infinity);
      while (next < responses.length && this.at(responses[next]) < at) next++;
      const response = next < responses.length && this.at(responses[next]) <= until ? responses[next++] : undefined;
      out.push(response ? { request, response, at } : { request, at });
    }
    return (this.exchangeCache = out);
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

  /**
   * License state readings for one kind of product. slmgr text is the authority (one reading per
   * product block); without it, the newest event that tells the state.
   */
  states(kind: ProductKind): StateReading[] {
    const slmgr = this.statusLicenses(kind);
    if (slmgr.length) {
      return slmgr.map((l) => this.slmgrReading(l));
    }
    const readings: StateReading[] = [];
    for (const s of this.facts('license-state-data')) {
      if (s.keyType !== KEY_TYPE[kind]) continue;
      const r: StateReading = { state: licenseStateFromSlStatus(s.licenseState), fact: s, at: this.at(s) };
      const end = toMs(s.graceEnd);
      if (end !== undefined) r.minutes = Math.round((end - r.at) / MINUTE);
      readings.push(r);
    }
    if (kind === 'kms-client') {
      for (const x of this.exchanges()) {
        const q = x.request;
        if (q.licenseStateName) {
          const r: StateReading = { state: q.licenseStateName, fact: q, at: x.at };
          if (q.minutesToExpiry !== undefined) r.minutes = q.minutesToExpiry;
          readings.push(r);
        }
        if (x.response) {
          const ok = x.response.activated && isSuccessHresult(x.response.result);
          // A failed response leaves the state the request reported; a success makes it Licensed.
          if (ok) readings.push({ state: 'Licensed', fact: x.response, at: this.at(x.response), minutes: KMS_VALIDITY_MIN });
        }
      }
    }
    if (!readings.length) return [];
    const newest = readings.reduce((a, b) => (b.at >= a.at ? b : a));
    return [newest];
  }

  /** Every failure code this machine's own records show, with the path it belongs to. */
  codeSightings(): readonly CodeSighting[] {
    return (this.sightingsCache ??= this.findCodeSightings());
  }

  private findCodeSightings(): CodeSighting[] {
    const out: CodeSighting[] = [];
    const kmsCut = this.lastKmsSuccess();
    const makCut = this.lastMakSuccess();
    const add = (code: string | undefined, context: CodeContext | 'other', fact: Fact): void => {
      if (!code || isSuccessHresult(code)) return;
      const at = this.at(fact);
      const cut = context === 'kms' ? kmsCut : context === 'mak' ? makCut : -Infinity;
      // slmgr output is "now": a success printed alongside it cannot postdate it.
      const resolved = fact.kind !== 'license' && fact.kind !== 'slmgr-error' && at <= cut;
      out.push({ code, context, fact, at, resolved });
    };
    for (const f of this.facts('kms-request')) add(f.result, 'kms', f);
    for (const f of this.facts('kms-response')) add(f.result, 'kms', f);
    for (const f of this.facts('service-info')) if (f.what === 'vl-activation-failed') add(f.result, 'kms', f);
    for (const f of this.facts('online-activation-failure')) {
      if (f.eventId === 8208) add(f.result, 'other', f);
      else if (f.result) add(f.result, this.pathOfCode(f.result), f);
    }
    for (const raw of this.facts('license')) {
      const l = this.withChannel(raw);
      for (const code of l.errors) {
        // A product whose channel is known and is no KMS client (Retail, OEM, MAK) activates online: its codes are
        // no KMS failure (ospp /act prints each product's channel, a Retail Grace beside a KMS client).
        const ctx: CodeContext = isKmsClientLicense(l) ? 'kms' : isMakLicense(l) || l.channel ? 'mak' : this.requestedEdition(l.edition) ? 'kms' : this.pathOfCode(code);
        add(code, ctx, raw);
      }
    }
    for (const e of this.facts('slmgr-error')) if (e.code) add(e.code, this.pathOfCode(e.code), e);
    return out;
  }

  /**
   * The state an slmgr block states, with the minutes it has left: /dli and /dlv print minutes (volume expiry
   * when Licensed, else grace), /xpr prints the date it ends.
   */
  slmgrReading(l: LicenseFact): StateReading {
    const r: StateReading = { state: l.licenseStatus, fact: l, at: this.at(l) };
    const minutes = l.licenseStatus === 'Licensed' ? l.volumeExpiryMinutes : l.graceMinutes;
    const printedEnd = toMs(l.expiresAt);
    if (minutes !== undefined) r.minutes = minutes;
    else if (printedEnd !== undefined) r.minutes = Math.round((printedEnd - r.at) / MINUTE);
    return r;
  }

  /** True when a 12288 of this machine asked a KMS host for `edition`: that product is a KMS client here. */
  private requestedEdition(edition: string | undefined): boolean {
    if (edition === undefined) return false;
    this.requestedEditions ??= new Set(this.facts('kms-request').flatMap((q) => (q.edition === undefined ? [] : [q.edition])));
    return this.requestedEditions.has(edition);
  }

  /**
   * Which walk a code without a product channel belongs to (slmgr /ato prints none). The machine's own products
   * decide when they point one way (a KMS client product from /dli, /dlv or 12288, or a MAK product); when they
   * point both ways or nowhere, the code does: KMS and clock codes belong to the KMS client walk.
   */
  private pathOfCode(code: string): CodeContext {
    const kmsClient = this.hasRole('kms-client');
    const mak = this.hasRole('mak');
    if (kmsClient !== mak) return kmsClient ? 'kms' : 'mak';
    const category = describeHresult(code).category;
    return category === 'kms' || category === 'time' ? 'kms' : 'mak';
  }
}
