// The properties of the WMI licensing classes (data/wmi-properties.tsv): SoftwareLicensingProduct (one object per
// SKU the machine knows) and SoftwareLicensingService (one per machine), plus what PowerShell adds to any object.
// Recognising an inventory and telling the two classes apart both come from this table.
import { loadTsv } from '../data-files.js';

export type WmiClass = 'SoftwareLicensingProduct' | 'SoftwareLicensingService';

interface Tables {
  /** Lower-case property name → the classes that have it ('*' for PowerShell's own). */
  classes: Map<string, Set<string>>;
}

let tables: Tables | undefined;

function load(): Tables {
  if (tables) return tables;
  const classes = new Map<string, Set<string>>();
  for (const r of loadTsv('wmi-properties.tsv')) {
    const key = r.property.toLowerCase();
    const set = classes.get(key) ?? new Set<string>();
    set.add(r.class);
    classes.set(key, set);
  }
  return (tables = { classes });
}

/** True for a property of either licensing class (not one PowerShell adds to every object). */
export function isLicensingProperty(name: string): boolean {
  const set = load().classes.get(name.toLowerCase());
  return set !== undefined && !set.has('*');
}

/** Names other objects have too (an event's Id, a service's Name): they never tell a licensing object alone. */
const GENERIC = new Set(['id', 'name', 'description', 'version', 'caption']);

/** How many different licensing properties, beyond the generic names, a list of names holds. */
export function telling(names: Iterable<string>): number {
  const seen = new Set<string>();
  for (const name of names) {
    const key = name.toLowerCase();
    if (!GENERIC.has(key) && isLicensingProperty(name)) seen.add(key);
  }
  return seen.size;
}

/** True for a property PowerShell adds to every CIM / WMI object (PSComputerName, __SERVER, CimClass …). */
export function isPowerShellProperty(name: string): boolean {
  return load().classes.get(name.toLowerCase())?.has('*') === true;
}

/** The class an object's property names point to: a name only one class has decides. */
export function classOfProperties(names: Iterable<string>): WmiClass | undefined {
  let product = 0;
  let service = 0;
  for (const name of names) {
    const set = load().classes.get(name.toLowerCase());
    if (!set || set.has('*')) continue;
    const p = set.has('SoftwareLicensingProduct');
    const s = set.has('SoftwareLicensingService');
    if (p && !s) product++;
    else if (s && !p) service++;
  }
  if (product > 0 && service === 0) return 'SoftwareLicensingProduct';
  if (service > 0 && product === 0) return 'SoftwareLicensingService';
  return undefined;
}

/** "#TYPE Microsoft.Management.Infrastructure.CimInstance#root/cimv2/SoftwareLicensingProduct", "__CLASS : …". */
export function classFromTypeName(text: string): WmiClass | undefined {
  const m = /(SoftwareLicensingProduct|SoftwareLicensingService)\b/i.exec(text);
  if (!m) return undefined;
  return m[1].toLowerCase() === 'softwarelicensingproduct' ? 'SoftwareLicensingProduct' : 'SoftwareLicensingService';
}
