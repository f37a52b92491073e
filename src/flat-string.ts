// Strings a run keeps until the report is written (finding details, evidence summaries, walk notes) are built
// by concatenation, and V8 keeps a concatenation as a rope: a tree of 32-byte nodes over every piece. A dense
// log's diagnosis held ~950k such nodes (about 30 MB, plus the pieces). Flattening copies the characters
// into one string in place and lets the tree go.

/** Flattens `text` in place (V8 flattens a rope before reading it as a number) and returns it. */
export function flatString(text: string): string {
  // The number is not wanted; reading the string as one is what makes V8 flatten it where it stands.
  Number(text);
  return text;
}
