// slmgr prints a Windows product by its edition id ("Windows(R), Enterprise edition"), which names no
// version: the same text stands for Windows 7, 8.1 and 10/11 Enterprise. data/slmgr-skus.tsv maps each
// edition id to the edition words of the products table, so an event that knows the exact edition (by its
// activation id) can be recognised as the same product as an slmgr block on that machine.
import { loadTsv } from './data-files.js';
import type { Edition } from './products.js';

interface SkuRow {
  family: string;
  /** Edition names with version words removed, lower-case ("enterprise ltsc"). */
  words: string[];
}

let skus: Map<string, SkuRow> | undefined;

function table(): Map<string, SkuRow> {
  if (skus) return skus;
  skus = new Map(
    loadTsv('slmgr-skus.tsv').map((r) => [r.sku.toLowerCase(), { family: r.family, words: r.editions.split('|').map((w) => w.trim().toLowerCase()) }]),
  );
  return skus;
}

/** "Windows(R), Enterprise edition" → "enterprise"; "Windows(R) 7, EnterpriseN edition" → "enterprisen". */
export function slmgrSkuOf(name: string): string | undefined {
  const m = /^\s*windows\b[^,]*,\s*(\S+)\s+edition\s*$/i.exec(name);
  return m ? m[1].toLowerCase() : undefined;
}

/** "Windows 10 Enterprise 2016 LTSB" → "enterprise ltsb"; "Windows Server 2008 R2 Standard" → "standard". */
function editionWords(edition: string): string {
  return edition
    .replace(/\([^)]*\)/g, ' ')
    .split(/\s+/)
    .filter((w) => w && !/^[\d./-]+$/.test(w) && !/^(windows|server|r2)$/i.test(w))
    .join(' ')
    .toLowerCase();
}

/**
 * Whether an edition of the products table is the product an slmgr block names. Undefined when the slmgr
 * name is not a Windows edition id the table knows (Office blocks, unusual SKUs): the caller then has to
 * decide from other identifiers.
 */
export function slmgrNameMatchesEdition(slmgrName: string, edition: Pick<Edition, 'edition' | 'family'>): boolean | undefined {
  const sku = slmgrSkuOf(slmgrName);
  const row = sku ? table().get(sku) : undefined;
  if (!row) return undefined;
  return row.family === edition.family && row.words.includes(editionWords(edition.edition));
}

/** 'windows' or 'office': the product line a name, description or family belongs to ('' when none says). */
export function productLine(text: string): 'windows' | 'office' | '' {
  if (/\boffice\b/i.test(text)) return 'office';
  if (/\bwindows\b/i.test(text)) return 'windows';
  return '';
}
