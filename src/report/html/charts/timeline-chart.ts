// The fleet's timeline drawn per hour or day: licenses changing state (stacked by the state entered, coloured
// by what it means), and requests with the failures among them. One column per bucket, its numbers in a title.
import type { FleetTimeline, FleetTimelineBucket } from '../../../fleet/index.js';
import { formatTime } from '../../../messages/index.js';
import type { Speaker } from '../../speaker.js';
import { html, joinHtml, type Html } from '../escape-html.js';
import { FULL_WIDTH, emptyFigure, figure, niceMax, type Tone } from './figure.js';

const HEIGHT = 170;
const PLOT = { left: 44, right: FULL_WIDTH - 10, top: 14, bottom: 138 };

/** Which tone a state entered means: activated, a grace period running, or trouble. */
export function stateTone(state: string): Tone {
  if (state === 'Licensed') return 'good';
  if (state === 'OOBGrace' || state === 'OOTGrace' || state === 'ExtendedGrace') return 'warn';
  if (state === 'Notification' || state === 'Unlicensed' || state === 'NonGenuineGrace') return 'bad';
  return 'neutral';
}

const TONES: readonly Tone[] = ['good', 'warn', 'bad', 'neutral'];

function changes(b: FleetTimelineBucket): number {
  let n = 0;
  for (const v of Object.values(b.states)) n += v;
  return n;
}

interface Column {
  bucket: FleetTimelineBucket;
  /** Bottom to top: [tone, value]. */
  stack: Array<[Tone, number]>;
}

function columns(t: FleetTimeline, of: (b: FleetTimelineBucket) => Array<[Tone, number]>, text: Speaker, chart: string, label: string): Html {
  const cols: Column[] = t.buckets.map((bucket) => ({ bucket, stack: of(bucket) }));
  let highest = 1;
  for (const c of cols) highest = Math.max(highest, c.stack.reduce((n, [, v]) => n + v, 0));
  const top = niceMax(highest);
  const slot = (PLOT.right - PLOT.left) / Math.max(1, cols.length);
  const width = Math.max(1, slot * 0.8);
  const y = (n: number): number => PLOT.bottom - (n / top) * (PLOT.bottom - PLOT.top);
  const bars = cols.map((c, i) => {
    const x = PLOT.left + i * slot + (slot - width) / 2;
    let base = 0;
    const rects = c.stack
      .filter(([, v]) => v > 0)
      .map(([tone, v]) => {
        const r = html`<rect class="tone-${tone}" x="${x}" y="${y(base + v)}" width="${width}" height="${y(base) - y(base + v)}"/>`;
        base += v;
        return r;
      });
    const b = c.bucket;
    const title = text.t('timeline.chart.bucket', { start: formatTime(b.start, text.lang), requests: { count: b.requests }, unanswered: { count: b.unanswered }, failed: { count: b.failed }, activated: { count: b.activated }, changes: { count: changes(b) } });
    return html`<g class="bucket" data-start="${b.start}" data-requests="${b.requests}" data-unanswered="${b.unanswered}" data-failed="${b.failed}" data-changes="${changes(b)}"><title>${title}</title>${rects}</g>`;
  });
  const first = t.buckets[0]?.start;
  const last = t.buckets[t.buckets.length - 1]?.start;
  const axis = html`<g class="axis"><line x1="${PLOT.left}" x2="${PLOT.right}" y1="${PLOT.bottom}" y2="${PLOT.bottom}"/><text x="${PLOT.left - 6}" y="${PLOT.top + 4}" text-anchor="end">${top}</text><text x="${PLOT.left - 6}" y="${PLOT.bottom}" text-anchor="end">0</text>${first ? html`<text x="${PLOT.left}" y="${PLOT.bottom + 16}">${formatTime(first, text.lang)}</text>` : undefined}${last && last !== first ? html`<text x="${PLOT.right}" y="${PLOT.bottom + 16}" text-anchor="end">${formatTime(last, text.lang)}</text>` : undefined}</g>`;
  return html`<svg class="timeline" data-chart="${chart}" viewBox="0 0 ${FULL_WIDTH} ${HEIGHT}" width="${FULL_WIDTH}" height="${HEIGHT}" role="img" aria-label="${label}">${axis}${bars}</svg>`;
}

export function stateChangesChart(t: FleetTimeline, text: Speaker): Html {
  const caption = text.t('timeline.chart.states');
  if (t.buckets.length === 0) return emptyFigure('timeline-states', caption, text.t('timeline.chart.empty'));
  const byTone = (b: FleetTimelineBucket): Array<[Tone, number]> =>
    TONES.map((tone): [Tone, number] => [tone, Object.entries(b.states).reduce((n, [state, v]) => (stateTone(state) === tone ? n + v : n), 0)]);
  const states = new Set(t.buckets.flatMap((b) => Object.keys(b.states)));
  const legend = html`<p class="legend">${joinHtml(
    [...states].sort().map((state) => html`<span class="swatch tone-${stateTone(state)}"></span> ${state}`),
    ' ',
  )}</p>`;
  return figure('timeline-states', caption, joinHtml([legend, columns(t, byTone, text, 'timeline-states', caption)]));
}

export function requestsFailuresChart(t: FleetTimeline, text: Speaker): Html {
  const caption = text.t('timeline.chart.requests');
  if (t.buckets.length === 0) return emptyFigure('timeline-requests', caption, text.t('timeline.chart.empty'));
  // Failures at the bottom, then requests nobody answered, then the rest of the requests.
  const stack = (b: FleetTimelineBucket): Array<[Tone, number]> => [['bad', b.failed], ['warn', b.unanswered], ['neutral', Math.max(0, b.requests - b.unanswered - b.failed)]];
  const legend = html`<p class="legend"><span class="swatch tone-bad"></span> ${text.t('timeline.fleet-head.3')} <span class="swatch tone-warn"></span> ${text.t('timeline.fleet-head.6')} <span class="swatch tone-neutral"></span> ${text.t('timeline.fleet-head.1')}</p>`;
  return figure('timeline-requests', caption, joinHtml([legend, columns(t, stack, text, 'timeline-requests', caption)]));
}
