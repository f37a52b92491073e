// The fleet's timeline per hour or day as text: a Markdown table, JSON lines or CSV (HTML: ../html/timeline-page.ts).
import type { FleetTimeline, FleetTimelineBucket } from '../../fleet/index.js';
import { formatTime } from '../../messages/index.js';
import { joinMd, md, type Markdown } from '../escape.js';
import type { Speaker } from '../speaker.js';
import { csvRow } from './csv.js';

function statesText(states: Record<string, number>): string {
  return Object.entries(states)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .map(([state, n]) => `${state} ${n}`)
    .join(' · ');
}

export function fleetTimelineMarkdown(t: FleetTimeline, s: Speaker): Markdown {
  const by = s.t(`timeline.by.${t.by}`);
  const parts: Markdown[] = [md`# ${s.t('timeline.fleet-title', { by })}`, md``];
  if (t.buckets.length === 0) return joinMd([...parts, md`${s.t('timeline.fleet-none')}`]);
  parts.push(md`${s.t('timeline.fleet-summary', { machines: { count: t.machines }, by })}`, md``);
  const names = [0, 1, 2, 3, 4, 5, 6].map((i) => s.say({ id: `timeline.fleet-head.${i}` }));
  parts.push(md`| ${names[0]} | ${names[1]} | ${names[6]} | ${names[2]} | ${names[3]} | ${names[4]} | ${names[5]} |`, md`|---|---:|---:|---:|---:|---:|---|`);
  for (const b of t.buckets) parts.push(md`| ${formatTime(b.start, s.lang)} | ${b.requests} | ${b.unanswered} | ${b.activated} | ${b.failed} | ${b.hostLogged} | ${statesText(b.states)} |`);
  return joinMd(parts);
}

export function* fleetTimelineJsonl(t: FleetTimeline): Generator<string> {
  for (const b of t.buckets) yield JSON.stringify({ by: t.by, ...b }) + '\n';
}

export function* fleetTimelineCsv(t: FleetTimeline): Generator<string> {
  yield 'start,requests,unanswered,activated,failed,hostLogged,states\n';
  for (const b of t.buckets) yield csvRow([b.start, String(b.requests), String(b.unanswered), String(b.activated), String(b.failed), String(b.hostLogged), statesCsv(b)]);
}

function statesCsv(b: FleetTimelineBucket): string {
  return Object.entries(b.states)
    .map(([state, n]) => `${state}=${n}`)
    .join(';');
}
