// Editions, application ids and license states, from data/products.tsv,
// data/application-ids.tsv and data/license-states.tsv.
import { loadTsv } from './data-files.js';
import type { LicenseStatusName } from './facts.js';

export interface Edition {
  edition: string;
  /** 'Windows client' | 'Windows Server' | 'Office' */
  family: string;
  /** KMS client setup key, when one is published. */
  gvlk?: string;
  /** Lower-case GUID; '' for the few editions known only by name and key. */
  activationId: string;
  /** KMS activation threshold the edition needs: 25 (client OS) or 5 (server OS, Office). */
  threshold: 25 | 5;
  applicationId: string;
  /** 'volume' | 'preview' | 'retail-group(…)' as the source table has it. */
  kind: string;
}

export const WINDOWS_APP_ID = '55c92734-d682-4d71-983e-d6ec3f16059f';
export const OFFICE_APP_ID = '0ff1ce15-a989-479d-af46-f275c6370663';

export interface ApplicationInfo {
  applicationId: string;
  product: string;
  note: string;
}

function guid(s: string): string {
  return s.trim().replace(/^\{|\}$/g, '').toLowerCase();
}

let editions: Edition[] | undefined;
let byId: Map<string, Edition> | undefined;
let byName: Map<string, Edition> | undefined;

/** Lower-case, (R)/(TM)/® removed, punctuation folded to single spaces: the key for name lookups. */
export function editionNameKey(name: string): string {
  return name
    .toLowerCase()
    .replace(/\((r|tm)\)|®|™/g, ' ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

function load(): Edition[] {
  if (editions) return editions;
  editions = loadTsv('products.tsv').map((r) => {
    const appId = guid(r.application_id) || WINDOWS_APP_ID;
    const threshold: 25 | 5 = r.threshold === '25' ? 25 : r.threshold === '5' ? 5 : r.family === 'Windows client' ? 25 : 5;
    const e: Edition = {
      edition: r.edition,
      family: r.family,
      activationId: guid(r.activation_id),
      threshold,
      applicationId: appId,
      kind: r.kind,
    };
    if (r.gvlk) e.gvlk = r.gvlk;
    return e;
  });
  byId = new Map();
  byName = new Map();
  for (const e of editions) {
    if (e.activationId && !byId.has(e.activationId)) byId.set(e.activationId, e);
    const key = editionNameKey(e.edition);
    if (!byName.has(key)) byName.set(key, e);
  }
  return editions;
}

export function allEditions(): readonly Edition[] {
  return load();
}

export function editionByActivationId(id: string): Edition | undefined {
  load();
  return byId?.get(guid(id));
}

/** Exact match after folding case, (R)/(TM) and punctuation; also accepts the GVLK. */
export function editionByName(name: string): Edition | undefined {
  load();
  const key = editionNameKey(name);
  const hit = byName?.get(key);
  if (hit) return hit;
  const asKey = name.trim().toUpperCase();
  return editions?.find((e) => e.gvlk === asKey);
}

/** The edition whose KMS client setup key (GVLK) this is. */
export function editionByGvlk(key: string): Edition | undefined {
  const asKey = key.trim().toUpperCase();
  return load().find((e) => e.gvlk === asKey);
}

/** application id → product ('Windows', 'Office', 'Office 2010'), from data/application-ids.tsv. */
export const APPLICATION_IDS: ReadonlyMap<string, ApplicationInfo> = new Map(
  loadTsv('application-ids.tsv').map((r) => [
    guid(r.application_id),
    { applicationId: guid(r.application_id), product: r.product, note: r.note },
  ]),
);

export function applicationName(id: string): string | undefined {
  return APPLICATION_IDS.get(guid(id))?.product;
}

interface LicenseStateRow {
  value: number;
  name: LicenseStatusName;
  slStatus?: string;
}

let states: LicenseStateRow[] | undefined;

function stateTable(): LicenseStateRow[] {
  if (states) return states;
  states = loadTsv('license-states.tsv').map((r) => ({
    value: Number(r.value),
    name: r.name as LicenseStatusName,
    slStatus: r.sl_status || undefined,
  }));
  return states;
}

/** 0..6 → 'Unlicensed' … 'ExtendedGrace'; anything else → 'Unknown'. */
export function licenseStateName(value: number): LicenseStatusName {
  return stateTable().find((s) => s.value === value)?.name ?? 'Unknown';
}

/** All seven states in order. */
export function licenseStateNames(): LicenseStatusName[] {
  return stateTable().map((s) => s.name);
}

/** 'SL_LICENSING_STATUS_NOTIFICATION' (8230) → 'Notification'; the SL enum is coarser (grace → 'OOBGrace'). */
export function licenseStateFromSlStatus(sl: string): LicenseStatusName {
  const up = sl.trim().toUpperCase();
  return stateTable().find((s) => s.slStatus === up)?.name ?? 'Unknown';
}
