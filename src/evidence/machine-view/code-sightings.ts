// Every failure code one machine's own records show, with the walk it belongs to (KMS client or MAK) and
// whether a later success on that path made it history.
import type { Fact } from '../../decode/index.js';
import { describeHresult, isSuccessHresult } from '../../decode/index.js';
import { isKmsClientLicense, isMakLicense } from './license-kinds.js';
import type { MachineFacts } from './shape.js';

/** Where a code was seen: a KMS client exchange, a MAK / online activation, or anything else. */
export type CodeContext = 'kms' | 'mak';

export interface CodeSighting {
  code: string;
  context: CodeContext | 'other';
  fact: Fact;
  at: number;
  /** True when a later success on the same path (KMS or MAK) made this failure history. */
  resolved: boolean;
}

export function findCodeSightings(view: MachineFacts): CodeSighting[] {
  const out: CodeSighting[] = [];
  const kmsCut = view.lastKmsSuccess();
  const makCut = view.lastMakSuccess();
  const add = (code: string | undefined, context: CodeContext | 'other', fact: Fact): void => {
    if (!code || isSuccessHresult(code)) return;
    const at = view.at(fact);
    const cut = context === 'kms' ? kmsCut : context === 'mak' ? makCut : -Infinity;
    // slmgr output is "now": a success printed alongside it cannot postdate it.
    const resolved = fact.kind !== 'license' && fact.kind !== 'slmgr-error' && at <= cut;
    out.push({ code, context, fact, at, resolved });
  };
  const pathOf = (code: string): CodeContext => pathOfCode(view, code);
  let requested: Set<string> | undefined;
  // True when a 12288 of this machine asked a KMS host for `edition`: that product is a KMS client here.
  const requestedEdition = (edition: string | undefined): boolean => {
    if (edition === undefined) return false;
    requested ??= new Set(view.facts('kms-request').flatMap((q) => (q.edition === undefined ? [] : [q.edition])));
    return requested.has(edition);
  };
  for (const f of view.facts('kms-request')) add(f.result, 'kms', f);
  for (const f of view.facts('kms-response')) add(f.result, 'kms', f);
  for (const f of view.facts('service-info')) if (f.what === 'vl-activation-failed') add(f.result, 'kms', f);
  for (const f of view.facts('online-activation-failure')) {
    if (f.eventId === 8208) add(f.result, 'other', f);
    else if (f.result) add(f.result, pathOf(f.result), f);
  }
  for (const raw of view.facts('license')) {
    const l = view.withChannel(raw);
    for (const code of l.errors) {
      // A product whose channel is known and is no KMS client (Retail, OEM, MAK) activates online: its codes are
      // no KMS failure (ospp /act prints each product's channel, a Retail Grace beside a KMS client).
      const ctx: CodeContext = isKmsClientLicense(l) ? 'kms' : isMakLicense(l) || l.channel ? 'mak' : requestedEdition(l.edition) ? 'kms' : pathOf(code);
      add(code, ctx, raw);
    }
  }
  for (const e of view.facts('slmgr-error')) if (e.code) add(e.code, pathOf(e.code), e);
  return out;
}

/**
 * Which walk a code without a product channel belongs to (slmgr /ato prints none). The machine's own products
 * decide when they point one way (a KMS client product from /dli, /dlv or 12288, or a MAK product); when they
 * point both ways or nowhere, the code does: KMS and clock codes belong to the KMS client walk.
 */
function pathOfCode(view: Pick<MachineFacts, 'hasRole'>, code: string): CodeContext {
  const kmsClient = view.hasRole('kms-client');
  const mak = view.hasRole('mak');
  if (kmsClient !== mak) return kmsClient ? 'kms' : 'mak';
  const category = describeHresult(code).category;
  return category === 'kms' || category === 'time' ? 'kms' : 'mak';
}
