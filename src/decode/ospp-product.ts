// One product as ospp.vbs prints it: a /dstatus block (SKU ID, LICENSE NAME, LICENSE STATUS, ERROR CODE,
// REMAINING GRACE, the partial key, the KMS lines) or an /act block (the same names, then the outcome). The
// lines are taken one by one (`take`); `toFact` builds the license fact, or says why the block names no product.
import type { LicenseFact, LicenseStatusName } from './facts.js';
import { channelFromDescription, keyTypeForChannel } from './channels.js';
import { parseGuid } from './fields.js';
import { isSuccessHresult, normalizeHresult } from './hresult.js';
import { identifyLicense } from './license-identity.js';
import { OsppKmsLines } from './ospp-kms-lines.js';
import { OFFICE_APP_ID } from './products.js';
import { osppStatus, readExportTime, type TimeZone } from '../ingest/index.js';
import type { SourceRef } from '../types.js';

export type OsppForm = 'ospp-status' | 'ospp-act';

/** Keys of the lines that belong to a product block. */
export const PRODUCT_KEYS = new Set([
  'productId', 'skuId', 'licenseName', 'licenseDescription', 'betaExpiration', 'licenseStatus', 'errorCode', 'errorDescription',
  'remainingGrace', 'partialKey', 'activationType', 'mostRecent', 'aoName', 'aoDn', 'aoPid', 'aoActivationId', 'kmsDnsUnavailable',
  'kmsFromDns', 'kmsRegistryOverride', 'activationInterval', 'renewalInterval', 'hostCaching', 'kmsLookupDomain', 'actSuccess',
  'offlineActSuccess', 'historyHint', 'kbNotice', 'kbLink',
]);

/** "For information purposes only as the status is licensed": ospp's own word that the code is no failure. */
const INFO_ONLY = /\(\s*for information purposes only[^)]*\)?\s*$/i;

export class OsppProduct {
  readonly firstLine: number;
  lastLine: number;
  private productId?: string;
  private skuText?: string;
  private activationId?: string;
  private name = '';
  private description = '';
  private status?: { name: LicenseStatusName; text: string };
  private reason?: { code: string; informational: boolean };
  private graceMinutes?: number;
  private partialKey?: string;
  private evaluationEnd?: string;
  private readonly kms = new OsppKmsLines();
  private outcome?: 'succeeded' | 'failed';
  private readonly errors: string[] = [];
  private readonly other: Record<string, string> = {};
  private readonly problems: string[] = [];

  constructor(
    readonly form: OsppForm,
    line: number,
    private readonly zone: TimeZone | undefined,
  ) {
    this.firstLine = line;
    this.lastLine = line;
  }

  /** True once the block names its product (a second SKU ID or PRODUCT ID then starts another block). */
  get named(): boolean {
    return this.activationId !== undefined || this.skuText !== undefined || this.name !== '' || this.productId !== undefined;
  }

  hasSku(): boolean {
    return this.activationId !== undefined || this.skuText !== undefined;
  }

  hasProductId(): boolean {
    return this.productId !== undefined;
  }

  /** Takes one labelled line of the block. */
  take(key: string, rest: string, line: number): void {
    this.lastLine = line;
    if (this.kms.take(key, rest, (what) => this.problem(line, what))) return;
    switch (key) {
      case 'productId':
        this.productId = rest;
        break;
      case 'skuId': {
        const id = parseGuid(rest);
        if (id) this.activationId = id;
        else {
          this.skuText = rest;
          this.problem(line, `SKU ID ${JSON.stringify(rest)} is not a GUID`);
        }
        break;
      }
      case 'licenseName':
        this.name = pastedUnderscores(rest);
        break;
      case 'licenseDescription':
        this.description = pastedUnderscores(rest);
        break;
      case 'betaExpiration':
        this.readExpiration(rest, line);
        break;
      case 'licenseStatus': {
        const name = osppStatus(rest) as LicenseStatusName | undefined;
        if (name) this.status = { name, text: rest.trim() };
        else this.problem(line, `license status ${JSON.stringify(rest)} is not one ospp prints`);
        break;
      }
      case 'errorCode':
        this.readErrorCode(rest, line);
        break;
      case 'remainingGrace': {
        // "9 days  (14316 minute(s) before expiring)": the minutes are exact, the days rounded down.
        const m = /\((\d+)\s*minute/i.exec(rest);
        if (m) this.graceMinutes = Number(m[1]);
        else this.problem(line, `remaining grace ${JSON.stringify(rest)} has no minutes`);
        break;
      }
      case 'partialKey':
        if (/^[0-9A-Z]{5}$/i.test(rest)) this.partialKey = rest.toUpperCase();
        else this.problem(line, `partial key ${JSON.stringify(rest)} is not five key characters`);
        break;
      case 'actSuccess':
      case 'offlineActSuccess':
        this.outcome = 'succeeded';
        break;
      case 'mostRecent':
      case 'aoName':
      case 'aoDn':
      case 'aoPid':
      case 'aoActivationId':
        this.other[OTHER_LABELS[key]] = rest;
        break;
      // ERROR DESCRIPTION is ospp's wording (or "Run the following: cscript ospp.vbs /ddescr:0x…", which is no
      // description at all); the code's meaning comes from our tables. The NOTICE / KB lines repeat the code.
      default:
        break;
    }
  }

  /** The license this block describes, or why it describes none. */
  toFact(source: SourceRef): LicenseFact | string {
    if (!this.named) return 'an ospp block with no SKU ID, PRODUCT ID or LICENSE NAME';
    const channel = channelFromDescription(this.description) ?? '';
    const fact: LicenseFact = {
      kind: 'license',
      source: { ...source, line: this.firstLine },
      computer: '',
      time: '',
      name: this.name,
      description: this.description,
      channel,
      keyType: channel ? keyTypeForChannel(channel) : 'Unknown',
      licenseStatus: this.status?.name ?? 'Unknown',
      licenseStatusText: this.status?.text ?? '',
      errors: [...this.errors],
      form: this.form,
      lineStart: this.firstLine,
      lineEnd: this.lastLine,
    };
    if (this.activationId) fact.activationId = this.activationId;
    if (this.partialKey) fact.partialKey = this.partialKey;
    if (this.reason) {
      fact.statusReason = this.reason.code;
      if (this.reason.informational) fact.statusReasonInformational = true;
    }
    if (this.graceMinutes !== undefined) {
      // REMAINING GRACE is WMI's GracePeriodRemaining: on a licensed volume product, the time until it expires.
      if (fact.licenseStatus === 'Licensed') fact.volumeExpiryMinutes = this.graceMinutes;
      else fact.graceMinutes = this.graceMinutes;
    }
    if (this.evaluationEnd) fact.evaluationEnd = this.evaluationEnd;
    const kms = this.kms.info();
    if (kms) fact.kmsClient = kms;
    if (this.outcome) fact.activation = this.outcome;
    if (this.productId) this.other['PRODUCT ID'] = this.productId;
    if (this.skuText) this.other['SKU ID'] = this.skuText;
    if (Object.keys(this.other).length) fact.other = { ...this.other };
    if (this.problems.length) fact.problems = [...this.problems];
    identifyLicense(fact);
    // ospp lists only the products of Office's application id (Office 2010's own id comes from its version row).
    fact.applicationId ??= OFFICE_APP_ID;
    fact.product ??= 'Office';
    return fact;
  }

  private readErrorCode(rest: string, line: number): void {
    const informational = INFO_ONLY.test(rest);
    const code = normalizeHresult(/^(0x[0-9a-f]{1,8})\b/i.exec(rest)?.[1] ?? '');
    if (!code) {
      this.problem(line, `error code ${JSON.stringify(rest)} is not an HRESULT`);
      return;
    }
    if (this.form === 'ospp-act') {
      this.errors.push(code);
      this.outcome = 'failed';
      return;
    }
    this.reason = { code, informational: informational || isSuccessHresult(code) };
  }

  private readExpiration(rest: string, line: number): void {
    // ospp prints 1601-01-01 (in the machine's date format) when the license has no end.
    if (/\b1601\b/.test(rest)) return;
    const end = readExportTime(rest, this.zone);
    if (end) this.evaluationEnd = end.iso;
    else this.problem(line, `beta expiration ${JSON.stringify(rest)} is not a date`);
  }

  private problem(line: number, what: string): void {
    this.problems.push(`line ${line} (${what})`);
  }
}

const OTHER_LABELS: Record<string, string> = {
  mostRecent: 'Most recent successful activation client information',
  aoName: 'Activation Object name',
  aoDn: 'AO DN',
  aoPid: 'AO extended PID',
  aoActivationId: 'AO activation ID',
};

/** Pasted ospp text sometimes gains a space after an underscore ("TIMEBASED_ SUB"); ospp's own names have none. */
function pastedUnderscores(value: string): string {
  return value.replace(/_ +(?=\S)/g, '_');
}
