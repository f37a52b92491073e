// One stylesheet, inlined: the page must not fetch anything. Colours are variables so dark mode and print
// swap the palette without touching the charts; print keeps the bar colours (print-color-adjust).
export const STYLESHEET = `
:root {
  color-scheme: light dark;
  --bg: #ffffff; --fg: #1f2328; --muted: #59636e; --line: #d1d9e0; --panel: #f6f8fa; --code: #eff2f5;
  --good: #1a7f37; --warn: #9a6700; --bad: #cf222e; --neutral: #0969da; --grid: #8c959f;
}
@media (prefers-color-scheme: dark) {
  :root {
    --bg: #0d1117; --fg: #e6edf3; --muted: #9198a1; --line: #3d444d; --panel: #151b23; --code: #262c36;
    --good: #3fb950; --warn: #d29922; --bad: #f85149; --neutral: #4493f8; --grid: #656c76;
  }
}
* { box-sizing: border-box; }
html { background: var(--bg); color: var(--fg); }
body { margin: 0 auto; max-width: 1100px; padding: 24px 28px 48px; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", "Noto Sans", "Noto Sans CJK JP", sans-serif; }
h1 { font-size: 1.8em; margin: 0 0 4px; }
h2 { border-bottom: 1px solid var(--line); padding-bottom: 4px; margin-top: 36px; }
h3 { margin-top: 24px; }
code { background: var(--code); padding: 1px 5px; border-radius: 4px; font: 0.9em ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; overflow-wrap: anywhere; }
table { border-collapse: collapse; margin: 12px 0; display: block; overflow-x: auto; max-width: 100%; }
th, td { border: 1px solid var(--line); padding: 4px 10px; text-align: left; vertical-align: top; overflow-wrap: break-word; }
th { background: var(--panel); }
td.num, th.num { text-align: right; }
code.rule-id { white-space: nowrap; overflow-wrap: normal; }
tr.step-fail td { color: var(--bad); font-weight: 600; }
tr.step-fail td:last-child { font-weight: normal; }
tr.step-unknown td:first-child { color: var(--warn); font-weight: 600; }
tr.step-pass td:first-child { color: var(--good); }
.overview h2 { margin-top: 20px; }
.tiles { display: flex; flex-wrap: wrap; gap: 12px; margin: 12px 0 20px; }
.tile { flex: 1 1 150px; border: 1px solid var(--line); border-left: 6px solid var(--neutral); border-radius: 6px; padding: 10px 14px; background: var(--panel); }
.tile-good { border-left-color: var(--good); } .tile-warn { border-left-color: var(--warn); } .tile-bad { border-left-color: var(--bad); }
.tile-value { display: block; font-size: 1.8em; font-weight: 600; font-variant-numeric: tabular-nums; }
.tile-label { color: var(--muted); }
.charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(400px, 1fr)); gap: 16px; align-items: start; }
figure.chart { margin: 0 0 16px; border: 1px solid var(--line); border-radius: 6px; padding: 12px 14px; background: var(--bg); break-inside: avoid; }
figcaption { font-weight: 600; margin-bottom: 6px; }
figure.chart svg { display: block; width: 100%; max-width: 100%; height: auto; margin-bottom: 6px; }
.chart-note, .chart-empty, .legend { color: var(--muted); font-size: 0.88em; margin: 4px 0 0; }
svg text { fill: var(--fg); font: 12px system-ui, -apple-system, "Segoe UI", "Noto Sans", "Noto Sans CJK JP", sans-serif; }
svg text.value, .axis text { fill: var(--muted); font-variant-numeric: tabular-nums; }
svg .tone-good, .swatch.tone-good { fill: var(--good); background: var(--good); }
svg .tone-warn, .swatch.tone-warn { fill: var(--warn); background: var(--warn); }
svg .tone-bad, .swatch.tone-bad { fill: var(--bad); background: var(--bad); }
svg .tone-neutral, .swatch.tone-neutral { fill: var(--neutral); background: var(--neutral); }
.swatch { display: inline-block; width: 10px; height: 10px; border-radius: 2px; vertical-align: middle; }
.threshold line { stroke: var(--grid); stroke-dasharray: 4 3; stroke-width: 1.5; }
.threshold text { fill: var(--muted); }
.axis line { stroke: var(--grid); }
.host-name { font-weight: 600; }
.image-alt { color: var(--muted); }
footer { margin-top: 40px; color: var(--muted); font-size: 0.85em; }
@media print {
  :root { --bg: #ffffff; --fg: #000000; --muted: #444c56; --line: #8c959f; --panel: #f6f8fa; --code: #eff2f5;
    --good: #1a7f37; --warn: #9a6700; --bad: #cf222e; --neutral: #0969da; --grid: #57606a; }
  html, body { background: #ffffff; color: #000000; }
  body { max-width: none; padding: 0; font-size: 11pt; }
  * { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
  .charts { display: block; }
  figure.chart, .tile, tr { break-inside: avoid; }
  h2, h3 { break-after: avoid; }
  table { display: table; }
}
`;
