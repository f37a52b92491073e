// Office products as ospp.vbs and WMI name them: "Office 16, Office16ProPlusVL_KMS_Client edition" → Office 2016
// Professional Plus. The version comes from the name's major version (data/office-versions.tsv), the edition
// from the token between "OfficeNN" and the channel suffix (data/office-editions.tsv). A token the table does
// not know is kept as printed: the edition is never guessed.
import { loadTsv } from './data-files.js';
import type { ProductLine } from './facts.js';
import { APPLICATION_IDS, editionByActivationId, OFFICE_APP_ID, WINDOWS_APP_ID } from './products.js';

export interface OfficeIdentity {
  /** '2010', '2013', '2016', '2019', 'LTSC 2021', 'LTSC 2024', or 'Microsoft 365' for subscription names. */
  version?: string;
  /** The edition in words: 'Professional Plus', 'Visio Standard', or the name's own token when unknown. */
  edition?: string;
  applicationId?: string;
}

interface VersionRow {
  version: string;
  applicationId: string;
}

let versions: Map<string, VersionRow> | undefined;
let editions: Map<string, string> | undefined;

function versionTable(): Map<string, VersionRow> {
  return (versions ??= new Map(loadTsv('office-versions.tsv').map((r) => [r.major, { version: r.version, applicationId: r.application_id }])));
}

function editionTable(): Map<string, string> {
  return (editions ??= new Map(loadTsv('office-editions.tsv').map((r) => [r.token.toLowerCase(), r.edition])));
}

// "Office 16, Office16ProPlusVL_KMS_Client edition": the major version, then the SKU name after the comma.
const OFFICE_NAME = /^\s*office\s+(\d{2})\s*,\s*(\S+)(?:\s+edition)?\s*$/i;
// The SKU name: "Office" [major] token [year] [Preview] then a channel suffix (VL_…, R_…, -KMS…, _…).
const SKU_NAME = /^office(?:\d{2})?([a-z0-9]+?)(\d{4})?(preview)?(?:vl(?:_|$)|r_|-|_|$)/i;

/** What an Office license name says about the product; undefined when the name is not an Office name. */
export function officeIdentityFromName(name: string): OfficeIdentity | undefined {
  const m = OFFICE_NAME.exec(name);
  if (!m) return undefined;
  const out: OfficeIdentity = {};
  const row = versionTable().get(m[1]);
  if (row) {
    out.version = row.version;
    out.applicationId = row.applicationId;
  }
  const sku = SKU_NAME.exec(m[2]);
  if (sku) {
    const token = sku[1];
    out.edition = editionTable().get(token.toLowerCase()) ?? token;
    if (/^o365/i.test(token)) out.version = 'Microsoft 365';
  }
  return out;
}

/** 'Office' or 'Windows' for an application id (Office 2010's own id included). */
export function productOfApplication(applicationId: string | undefined): ProductLine | undefined {
  if (!applicationId) return undefined;
  const id = applicationId.trim().replace(/^\{|\}$/g, '').toLowerCase();
  if (id === WINDOWS_APP_ID) return 'Windows';
  if (id === OFFICE_APP_ID) return 'Office';
  return APPLICATION_IDS.get(id)?.product.startsWith('Office') ? 'Office' : undefined;
}

/** The product line of a license: its application id, else its activation id's edition, else its name. */
export function productLineOf(l: { applicationId?: string; activationId?: string; name?: string; description?: string }): ProductLine | undefined {
  const byApp = productOfApplication(l.applicationId);
  if (byApp) return byApp;
  const edition = l.activationId ? editionByActivationId(l.activationId) : undefined;
  if (edition) return edition.family === 'Office' ? 'Office' : 'Windows';
  const text = `${l.name ?? ''} ${l.description ?? ''}`;
  if (/^\s*office\b/i.test(text)) return 'Office';
  if (/^\s*windows\b/i.test(text)) return 'Windows';
  return undefined;
}

/** The Office version of a products-table edition name ("Office LTSC Professional Plus 2021" → 'LTSC 2021'). */
export function officeVersionOfEdition(edition: string): string | undefined {
  const year = /\b(2010|2013|2016|2019|2021|2024)\b/.exec(edition)?.[1];
  if (!year) return undefined;
  return /\bLTSC\b/i.test(edition) ? `LTSC ${year}` : year;
}
