// The Settings > Activation page, copied as text (Wind4/vlmcsd#37, Py-KMS-Organization/py-kms#60):
//
//   Edition: Windows Server 2019 Datacenter
//   Activation: Windows is not activated
//   Product ID: 00430-70000-00001-AA496
//   Product Key: CPR8F
//   We can't activate Windows on this device right now. … (Windows' own sentence)
//   Error code: 0xC004F025              (or at the end of that sentence)
//
// → a license fact (form 'settings': the edition, the partial key, the activation line as its status text) and
// an slmgr-error fact with origin 'settings' for the code, its text Windows' sentence.
import type { BlockReader, PasteLine } from '../../ingest/index.js';
import type { SourceRef } from '../../types.js';
import type { Fact, LicenseFact, SlmgrErrorFact } from '../facts.js';
import { normalizeHresult } from '../hresult.js';
import { editionByName } from '../products.js';

export interface SettingsParse {
  facts: Fact[];
  unknown: PasteLine[];
}

// Case matters: ospp.vbs prints "ERROR CODE:" and "PRODUCT ID:".
const FIELD = /^\s*(Edition|Activation|Product ID|Product [Kk]ey)\s*[:：]\s*(.*)$/;
const ERROR_CODE = /(?:^|\s)Error code\s*[:：]\s*(0x[0-9a-fA-F]{8})\s*\.?\s*$/;
const KEY_TAIL = /([0-9A-Z]{5})\s*$/i;

export class SettingsReader implements BlockReader<SettingsParse> {
  private readonly facts: Fact[] = [];
  private readonly unknownLines: PasteLine[] = [];
  private license: LicenseFact | undefined;
  private sentence: PasteLine[] = [];

  constructor(
    private readonly source: SourceRef,
    private readonly startsBlock: (text: string) => boolean,
  ) {}

  read({ no, text }: PasteLine): boolean {
    if (text.trim() === '') return true;
    let m: RegExpExecArray | null;
    if ((m = FIELD.exec(text))) {
      const value = (m[2] ?? '').trim();
      const license = this.ensure(no);
      license.lineEnd = no;
      switch ((m[1] ?? '').toLowerCase()) {
        case 'edition':
          license.name = value;
          break;
        case 'activation':
          license.licenseStatusText = value;
          if (/^Windows is activated\b/i.test(value)) license.licenseStatus = 'Licensed';
          break;
        case 'product id':
          (license.other ??= {})['Product ID'] = value;
          break;
        default: {
          const key = KEY_TAIL.exec(value)?.[1];
          if (key) license.partialKey = key.toUpperCase();
          else (license.problems ??= []).push(`line ${no} (product key ${JSON.stringify(value)} does not end in five key characters)`);
        }
      }
    } else if ((m = ERROR_CODE.exec(text))) {
      const before = text.slice(0, m.index).trim();
      if (before) this.sentence.push({ no, text: before });
      const error: SlmgrErrorFact = {
        kind: 'slmgr-error',
        source: { ...this.source, line: no },
        computer: '',
        time: '',
        code: normalizeHresult(m[1] ?? ''),
        text: this.sentence.map((l) => l.text).join(' '),
        line: no,
        origin: 'settings',
      };
      if (this.license?.name) error.nearProduct = this.license.name;
      this.facts.push(error);
      this.sentence = [];
    } else if (!this.startsBlock(text) && /[.。!?]\s*$|\b(?:activate|activation)\b/i.test(text)) {
      // Windows' sentence about the failure, kept as the text of the code that follows it.
      this.sentence.push({ no, text: text.trim() });
    } else {
      return false;
    }
    return true;
  }

  unknown(line: PasteLine): void {
    this.unknownLines.push(line);
  }

  end(): SettingsParse {
    if (this.sentence.length > 0) {
      // Windows' sentence with no code after it: the page's message, or (with no page fields) lines not understood.
      if (this.license) (this.license.other ??= {})['Message'] = this.sentence.map((l) => l.text).join(' ');
      else for (const l of this.sentence) this.unknownLines.push(l);
    }
    if (this.license) {
      const edition = this.license.name ? editionByName(this.license.name) : undefined;
      if (edition) {
        this.license.edition = edition.edition;
        this.license.family = edition.family;
        this.license.applicationId = edition.applicationId;
      }
      this.facts.unshift(this.license);
    }
    return { facts: this.facts, unknown: this.unknownLines };
  }

  private ensure(no: number): LicenseFact {
    return (this.license ??= {
      kind: 'license',
      source: { ...this.source, line: no },
      computer: '',
      time: '',
      name: '',
      description: '',
      channel: '',
      keyType: 'Unknown',
      licenseStatus: 'Unknown',
      licenseStatusText: '',
      errors: [],
      form: 'settings',
      lineStart: no,
      lineEnd: no,
    });
  }
}
