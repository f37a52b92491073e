// `volact timeline --all -f html`: one self-contained page (the report's stylesheet and Content-Security-Policy,
// no script, nothing fetched) with the fleet's timeline drawn as two charts and written as a table.
import type { FleetTimeline } from '../../fleet/index.js';
import type { Speaker } from '../speaker.js';
import { fleetTimelineMarkdown } from '../timeline/fleet.js';
import { requestsFailuresChart, stateChangesChart } from './charts/timeline-chart.js';
import { html } from './escape-html.js';
import { markdownToHtml } from './markdown-to-html.js';
import { pageHead } from './render-html.js';

export function renderTimelineHtml(t: FleetTimeline, s: Speaker, version: string): string {
  const first = t.buckets[0]?.start.slice(0, 10) ?? '';
  const { intro, table } = split(fleetTimelineMarkdown(t, s).source);
  return html`${pageHead(s.lang, s.t('timeline.html-title', { date: first }), version)}
<body>
<header class="intro">${markdownToHtml(intro)}</header>
<section class="overview">${stateChangesChart(t, s)}${requestsFailuresChart(t, s)}</section>
<main class="report">${markdownToHtml(table)}</main>
</body>
</html>
`.source;
}

/** The heading and summary line above the charts, the table below them. */
function split(markdown: string): { intro: string; table: string } {
  const at = markdown.search(/^\| /m);
  return at < 0 ? { intro: markdown, table: '' } : { intro: markdown.slice(0, at), table: markdown.slice(at) };
}
