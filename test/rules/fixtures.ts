// Every rule's scenarios (test/rules/<area>/<name>.scenarios.ts) and the walk scenarios, as the files they make
// under fixtures/: rules/<area>--<name>/{fires,quiet}/ (+ .expect.json beside each) and scenarios/<name>/.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import fg from 'fast-glob';
import type { FixtureFolder, RuleScenarios, TranscribedScenarios } from './kit.js';
import { walkScenarios } from './walk-scenarios.js';

const HERE = import.meta.dirname;

export type AnyScenarios = RuleScenarios | TranscribedScenarios;

export function isTranscribed(s: AnyScenarios): s is TranscribedScenarios {
  return 'transcribed' in s;
}

/** `kms-client/no-response` → `kms-client--no-response`. */
export function ruleFolder(ruleId: string): string {
  return ruleId.replace('/', '--');
}

/** Each rule's scenarios module, by the file it sits in (relative to test/rules). */
export async function ruleScenarios(): Promise<Map<string, AnyScenarios>> {
  const files = fg.sync('*/*.scenarios.ts', { cwd: HERE }).sort();
  const out = new Map<string, AnyScenarios>();
  for (const file of files) {
    const mod = (await import(pathToFileURL(path.join(HERE, file)).href)) as { default: AnyScenarios };
    out.set(file, mod.default);
  }
  return out;
}

/** The files one folder makes, by path relative to fixtures/; the expectation sits beside the folder. */
function folderFiles(dir: string, f: FixtureFolder, into: Map<string, string | Uint8Array>): void {
  for (const [rel, text] of Object.entries(f.files)) into.set(path.posix.join(dir, rel), text);
  into.set(`${dir}.expect.json`, JSON.stringify(f.expect, null, 2) + '\n');
}

/** Every generated fixture file (path relative to fixtures/ → text), and the folders they fill. */
export async function generatedFixtures(): Promise<{ files: Map<string, string | Uint8Array>; folders: string[] }> {
  const files = new Map<string, string | Uint8Array>();
  const folders: string[] = [];
  for (const s of (await ruleScenarios()).values()) {
    if (isTranscribed(s)) continue;
    for (const kind of ['fires', 'quiet'] as const) {
      const dir = `rules/${ruleFolder(s.rule)}/${kind}`;
      folders.push(dir);
      folderFiles(dir, s[kind], files);
    }
  }
  for (const [name, f] of Object.entries(walkScenarios())) {
    folders.push(`scenarios/${name}`);
    folderFiles(`scenarios/${name}`, f, files);
  }
  return { files, folders };
}
