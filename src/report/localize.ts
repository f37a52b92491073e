// Puts a report into one language. Findings, walk steps and evidence carry their wording as catalog
// messages (id + data); this re-renders every sentence from them, so Markdown, HTML, JSON, JUnit and
// GitHub output all speak the chosen language. Input values inside the data stay as they were.
import { render, type Lang, type MessageRef } from '../messages/index.js';
import type { EvidenceRef, Finding, WalkStep } from '../types.js';
import type { MarkdownOptions } from './markdown.js';
import type { Report } from './model.js';

/** Our labels' language for the Markdown (and so HTML) renderer. Findings and steps come localized (localizeReport). */
export function languageOptions(lang: Lang): Pick<MarkdownOptions, 'lang'> {
  return { lang };
}

/** The report with every finding, walk step and evidence summary rendered in `lang` (English is returned as it is). */
export function localizeReport(report: Report, lang: Lang): Report {
  if (lang === 'en') return report;
  const say = (ref: MessageRef): string => render(ref, lang);
  const evidence = localizeEvidence(say);
  return {
    ...report,
    findings: report.findings.map((f) => localizeFinding(f, say, evidence)),
    machines: report.machines.map((m) => (m.walk ? { ...m, walk: m.walk.map((s) => localizeStep(s, say, evidence)) } : m)),
  };
}

function localizeFinding<F extends Finding>(f: F, say: (ref: MessageRef) => string, evidence: (e: EvidenceRef) => EvidenceRef): F {
  const m = f.messages;
  if (!m) return { ...f, evidence: f.evidence.map(evidence) };
  return {
    ...f,
    title: say(m.title),
    detail: m.detail.map(say).join(' '),
    remedy: m.remedy.map(say),
    evidence: f.evidence.map(evidence),
  };
}

function localizeStep<S extends WalkStep>(s: S, say: (ref: MessageRef) => string, evidence: (e: EvidenceRef) => EvidenceRef): S {
  const m = s.messages;
  const out: S = { ...s, evidence: s.evidence.map(evidence) };
  if (!m) return out;
  out.step = say(m.step);
  if (m.note) out.note = say(m.note);
  if (m.collect) out.collect = say(m.collect);
  return out;
}

/** Evidence references are shared between findings and steps: render each once. */
function localizeEvidence(say: (ref: MessageRef) => string): (e: EvidenceRef) => EvidenceRef {
  const done = new Map<EvidenceRef, EvidenceRef>();
  return (e) => {
    if (!e.message) return e;
    let out = done.get(e);
    if (!out) done.set(e, (out = { ...e, summary: say(e.message) }));
    return out;
  };
}
