// Small pieces several rules share: picking the code sightings a rule owns, naming codes, and
// the domain a machine's SRV lookup uses.
import { describeHresult } from '../decode/index.js';
import { explain, msg, sentences, type MessageArg, type MessageRef } from '../messages/index.js';
import type { EvidenceRef } from '../types.js';
import { ownerOf, type CodeContext } from './codes.js';
import { evidenceOf, mergeEvidence } from './evidence-refs.js';
import type { CodeSighting, MachineView } from '../evidence/machine-view/index.js';

/** Unresolved sightings of the codes `ruleId` owns in `context`. */
export function ownedSightings(view: MachineView, ruleId: string, context: CodeContext): CodeSighting[] {
  return view.codeSightings().filter((s) => !s.resolved && s.context === context && ownerOf(s.code, context) === ruleId);
}

/** Unresolved sightings in `context` that no specific rule claims. */
export function unownedSightings(view: MachineView, context: CodeContext): CodeSighting[] {
  return view.codeSightings().filter((s) => !s.resolved && s.context === context && ownerOf(s.code, context) === undefined);
}

export function sightingEvidence(sightings: readonly CodeSighting[]): EvidenceRef[] {
  return mergeEvidence(
    [],
    sightings.map((s) => evidenceOf(s.fact)),
  );
}

export function distinctCodes(sightings: readonly CodeSighting[]): string[] {
  return [...new Set(sightings.map((s) => s.code))];
}

/** Each code explained, one sentence after another: "0xC004F074 (SL_E_VL_BINDING_SERVICE_UNAVAILABLE): No KMS host gave …" */
export function explainCodes(codes: readonly string[]): MessageArg {
  return sentences(codes.map(explain));
}

/** A detail that is only the codes' explanations. */
export function codesDetail(codes: readonly string[]): MessageRef {
  return msg('common.sentences', { items: explainCodes(codes) });
}

/** KB ids for the codes we have articles for (every code describeHresult knows). */
export function codeArticles(codes: readonly string[]): string[] {
  return codes.filter((c) => describeHresult(c).known).map((c) => `code/${describeHresult(c).code}`);
}

/** The DNS domain a client searches for `_vlmcs._tcp`: its FQDN minus the host label. */
export function dnsDomainOf(name: string): string | undefined {
  const parts = name.split('.');
  return parts.length > 1 && !/^\d+$/.test(parts[parts.length - 1]) ? parts.slice(1).join('.') : undefined;
}
