// No user-facing English sentence is built outside the message catalog. The scan reads every string a
// source file in scope writes (string literals and the literal parts of templates, via the TypeScript
// parser, so comments never count) and fails on anything that reads like a sentence: three words in a
// row of which the last two are lower-case, e.g. "is not activated". Identifiers, codes, commands and
// data such as 'VOLUME_KMSCLIENT' or 'slmgr.vbs /dli' do not look like that.
//
// Scope: the floors that speak to a person about a diagnosis — src/diagnose (rules, walks, evidence
// summaries), src/evidence, src/fleet, src/report (chrome, renderers), src/gate and src/cli (errors, verdicts) and the
// probe's argument errors (src/probe/endpoint.ts).
// Out of scope, on purpose:
// - src/ingest, src/decode, src/analyze.ts: rejection reasons ("expected <Event>, found …", with where).
//   They describe bytes of the input for whoever fixes the export or reports a reader bug; they quote
//   the format's own tokens, and a reason must read the same in a bug report whatever the locale.
// - src/config: config-file errors, same nature (they quote the JSON the user wrote).
// - src/probe (but its --host / --dns-server errors, endpoint.ts): its facts' `detail` holds the resolver's or the
//   socket's error the way Test-NetConnection's own output is kept: as data of the check, shown in brackets.
// - src/kb: the knowledge base is text in kb/**, with its own Japanese bodies (other work on issue 16).
// - CLI help (commander .description/.option/.argument, and src/cli/help-examples.ts): the CLI reference,
//   mirrored in README.md.
// - A rule's meta.description and meta.seed: developer documentation of the rule (docs/rules.md), never shown in reports.
// - A rule's meta.messages (its `en` / `ja` texts): the rule's part of the catalog, kept beside the rule.
// - src/diagnose/rules-doc.ts: writes docs/rules.md, developer documentation (English, like meta.description).
// - `new Error(...)` and `super(...)` in a class that extends Error without a catalog message: invariants and
//   signals (OutputClosed) that are never shown to a person.
// - src/report/junit.ts and github.ts chrome: CI formats read by machines and CI pages (their findings
//   text is localized like every report's).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const SCOPE = ['src/diagnose', 'src/evidence', 'src/fleet', 'src/report', 'src/gate', 'src/cli', 'src/probe/endpoint.ts'];
const EXEMPT_FILES = new Set(['src/report/junit.ts', 'src/report/github.ts', 'src/cli/help-examples.ts', 'src/diagnose/rules-doc.ts']);
const SENTENCE = /\b[A-Za-z][a-z]+(?:'[a-z]+)?[ \u00a0]+[a-z]{2,}[ \u00a0]+[a-z]{2,}\b/;
const HELP_CALLS = new Set(['description', 'option', 'requiredOption', 'argument', 'command', 'summary']);

function filesUnder(dir: string): string[] {
  if (dir.endsWith('.ts')) return [dir];
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return filesUnder(full);
    return full.endsWith('.ts') ? [full] : [];
  });
}

/** True inside a class that extends Error directly (its message is for the stack trace, never shown). */
function extendsError(node: ts.Node): boolean {
  for (let n: ts.Node | undefined = node.parent; n; n = n.parent) {
    if (ts.isClassDeclaration(n)) return (n.heritageClauses ?? []).some((h) => h.types.some((t) => t.expression.getText() === 'Error'));
  }
  return false;
}

/** Why a string is allowed where it stands, or undefined when it is an ordinary string. */
function exemptContext(node: ts.Node): string | undefined {
  for (let n: ts.Node | undefined = node.parent; n; n = n.parent) {
    if (ts.isImportDeclaration(n) || ts.isExportDeclaration(n)) return 'module';
    if (ts.isNewExpression(n) && ts.isIdentifier(n.expression) && n.expression.text === 'Error') return 'invariant';
    if (ts.isCallExpression(n) && ts.isPropertyAccessExpression(n.expression) && HELP_CALLS.has(n.expression.name.text)) return 'help';
    if (ts.isPropertyAssignment(n) && ts.isIdentifier(n.name) && (n.name.text === 'description' || n.name.text === 'seed')) return 'rule meta';
    if (ts.isPropertyAssignment(n) && ts.isIdentifier(n.name) && (n.name.text === 'en' || n.name.text === 'ja') && inRuleMessages(n)) return 'rule messages';
    if (ts.isCallExpression(n) && n.expression.kind === ts.SyntaxKind.SuperKeyword && extendsError(n)) return 'invariant';
    if ((ts.isStatement(n) && !ts.isExpressionStatement(n)) || ts.isClassElement(n)) break;
  }
  return undefined;
}

/** A message text of a rule: `messages: { key: { en, ja } }` in its meta, or a `const messages = { … }` beside it. */
function inRuleMessages(entry: ts.PropertyAssignment): boolean {
  const text = entry.parent;
  const keyed = text.parent;
  if (!ts.isPropertyAssignment(keyed)) return false;
  const holder = keyed.parent.parent;
  const named = (n: ts.Node): boolean => (ts.isPropertyAssignment(n) || ts.isVariableDeclaration(n)) && ts.isIdentifier(n.name) && n.name.text === 'messages';
  // `const messages = { … } as const satisfies RuleMessages` wraps the object in two expressions.
  let up: ts.Node = holder;
  while (ts.isAsExpression(up) || ts.isSatisfiesExpression(up)) up = up.parent;
  return named(up) && entry.getSourceFile().fileName.includes('src/diagnose/rules/');
}

function literalTexts(file: string): { line: number; text: string }[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const out: { line: number; text: string }[] = [];
  const visit = (node: ts.Node): void => {
    let text: string | undefined;
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) text = node.text;
    else if (ts.isTemplateHead(node) || ts.isTemplateMiddle(node) || ts.isTemplateTail(node)) text = node.text;
    if (text !== undefined && !exemptContext(node)) out.push({ line: source.getLineAndCharacterOfPosition(node.getStart()).line + 1, text });
    ts.forEachChild(node, visit);
  };
  visit(source);
  return out;
}

/** Sentences a file builds outside the catalog, as "file:line: text". */
export function englishSentences(files: readonly string[]): string[] {
  return files.flatMap((file) => literalTexts(file).filter((l) => SENTENCE.test(l.text)).map((l) => `${file}:${l.line}: ${l.text}`));
}

describe('source scan: sentences come from the catalog', () => {
  const files = SCOPE.flatMap(filesUnder).filter((f) => !EXEMPT_FILES.has(f.split(path.sep).join('/')));

  it('scans the floors in scope', () => {
    expect(files.length).toBeGreaterThan(60);
    expect(files.some((f) => f.includes('rules'))).toBe(true);
  });

  it('no file in scope builds an English sentence', () => {
    expect(englishSentences(files)).toEqual([]);
  });

  it('the scan does find sentences (it can fail)', () => {
    expect(SENTENCE.test('The KMS host is not activated')).toBe(true);
    expect(SENTENCE.test("host's log has no 12290")).toBe(true);
    expect(SENTENCE.test('VOLUME_KMSCLIENT')).toBe(false);
    expect(SENTENCE.test('slmgr.vbs /dli')).toBe(false);
    expect(SENTENCE.test('Key Management Service')).toBe(false);
    const catalogFile = 'src/messages/catalog/walk.ts';
    expect(englishSentences([catalogFile]).length).toBeGreaterThan(20);
  });
});
