// What PowerShell writes for an event's Properties (the positional Data) in its text forms.

/** The .NET type names PowerShell prints when it did not expand a collection. */
const TYPE_NAME = /^(System\.[\w.`[\]]+|\{?System\.Diagnostics\.Eventing\.Reader\.EventProperty[^}]*\}?)$/;

/**
 * Data values from a CSV Properties cell: a JSON array of strings or of {Value} objects. A type name (the
 * usual case) or any other shape gives undefined: the decode layer then reads the message instead.
 */
export function dataFromProperties(cell: string): string[] | undefined {
  const text = cell.trim();
  if (text === '' || TYPE_NAME.test(text) || !text.startsWith('[')) return undefined;
  try {
    return dataFromJsonProperties(JSON.parse(text));
  } catch {
    return undefined;
  }
}

/** Data values from a JSON Properties array; undefined when the values were lost to type names. */
export function dataFromJsonProperties(value: unknown): string[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const out: string[] = [];
  for (const item of value) {
    if (typeof item === 'string') {
      if (TYPE_NAME.test(item)) return undefined;
      out.push(item);
    } else if (item && typeof item === 'object' && 'Value' in item) {
      out.push(scalarText((item as { Value: unknown }).Value));
    } else {
      out.push(scalarText(item));
    }
  }
  return out;
}

/** A JSON value as the text Windows would have put in <Data>. */
export function scalarText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value === 'object' && 'Guid' in value) return String((value as { Guid: unknown }).Guid);
  if (typeof value === 'object' && 'DateTime' in value) return String((value as { DateTime: unknown }).DateTime);
  return JSON.stringify(value);
}
