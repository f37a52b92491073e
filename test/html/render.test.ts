import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildReport } from '../../src/report/index.js';
import type { Report, ShownReport } from '../../src/report/index.js';
import { CONTENT_SECURITY_POLICY, escapeHtml, html, markdownToHtml, readFleetViews, renderHtml } from '../../src/report/html/index.js';
import { trustedHtml } from '../../src/report/html/escape-html.js';
import { fleetFixture, HOSTILE_HOST, HOSTILE_NAMES, hostileReport } from './reports.js';

/** Every element name the renderer writes on purpose. Anything else in the output came from somewhere else. */
const OUR_TAGS = new Set([
  'html', 'head', 'meta', 'title', 'style', 'body', 'header', 'main', 'footer', 'section', 'div', 'span', 'h1', 'h2', 'h3',
  'h4', 'h5', 'h6', 'p', 'ul', 'ol', 'li', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'code', 'pre', 'strong', 'em', 'br', 'hr',
  'a', 'figure', 'figcaption', 'svg', 'g', 'rect', 'line', 'text', 'blockquote', 'del',
]);

function tagsIn(page: string): string[] {
  return [...new Set([...page.matchAll(/<([a-zA-Z][a-zA-Z0-9-]*)/g)].map((m) => m[1].toLowerCase()))];
}

/** Attributes inside tags: an event handler, a URL or a style from input would show up here. */
function dangerousAttributes(page: string): string[] {
  const out: string[] = [];
  for (const tag of page.matchAll(/<[a-zA-Z][^>]*>/g)) {
    for (const attr of tag[0].matchAll(/\s([a-zA-Z:-]+)\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)/g)) {
      const name = attr[1].toLowerCase();
      const value = attr[2].replace(/^["']|["']$/g, '');
      if (name.startsWith('on') || name === 'src' || name === 'style' || (name === 'href' && !/^#[\w-]+$/.test(value))) out.push(`${name}=${value}`);
    }
  }
  return out;
}

describe('HTML escaping', () => {
  it('escapes the five HTML specials and makes controls visible', () => {
    expect(escapeHtml(`<a href="x" title='y'>&amp;</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;');
    expect(escapeHtml('a\u202Eb\u001b[1m')).toBe('a\\u{202e}b\\u{001b}[1m');
  });

  it('the html template escapes values but keeps Html parts and literal markup', () => {
    const name = '<img src=x onerror=alert(1)>';
    expect(html`<b title="${name}">${name}</b>${trustedHtml('<i>ok</i>')}`.source).toBe(
      '<b title="&lt;img src=x onerror=alert(1)&gt;">&lt;img src=x onerror=alert(1)&gt;</b><i>ok</i>',
    );
    expect(html`${[html`<i>${'&'}</i>`, html`<i>2</i>`]}|${undefined}|${Number.NaN}|${2.5}`.source).toBe('<i>&amp;</i><i>2</i>||0|2.5');
  });
});

describe('Markdown to HTML: the second wall', () => {
  it('turns raw HTML in the Markdown into visible text, block and inline', () => {
    const out = markdownToHtml('x <img src=x onerror=alert(1)> <b>y</b>\n\n<script>alert(1)</script>\n\n<div onclick="x">z</div>\n').source;
    expect(tagsIn(out).sort()).toEqual(['p']);
    expect(out).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(out).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('keeps exactly <br> (table cells need it) and nothing like it', () => {
    const out = markdownToHtml('a<br>b <br/> <br onclick=x> <BR>').source;
    expect(out).toBe('<p>a<br>b &lt;br/&gt; &lt;br onclick=x&gt; &lt;BR&gt;</p>\n');
  });

  it('writes links that leave the page, autolinks and images as text', () => {
    const out = markdownToHtml('[a](javascript:alert(1)) [b](#kb-x) [c](http://evil.example/) ![i](http://evil.example/p.png) http://evil.example www.evil.example <https://evil.example/x>').source;
    expect(dangerousAttributes(out)).toEqual([]);
    expect(out).toContain('<a href="#kb-x">b</a>');
    expect(out).toContain('a (javascript:alert(1))');
    expect(out).toContain('<span class="image-alt">[i]</span>');
    expect(tagsIn(out).sort()).toEqual(['a', 'p', 'span']);
  });
});

describe('renderHtml', () => {
  it('writes one self-contained page with a strict Content-Security-Policy', () => {
    const page = renderHtml(fleetFixture());
    expect(page.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(page).toContain(`<meta http-equiv="Content-Security-Policy" content="${escapeHtml(CONTENT_SECURITY_POLICY)}">`);
    expect(CONTENT_SECURITY_POLICY).toMatch(/^default-src 'none'; style-src 'unsafe-inline'; img-src data:/);
    expect(page).not.toMatch(/<script|<link|<img|<iframe|@import|url\(/i);
    expect(dangerousAttributes(page)).toEqual([]);
    expect(tagsIn(page).filter((t) => !OUR_TAGS.has(t))).toEqual([]);
  });

  it('draws the fleet numbers of the model', () => {
    const page = renderHtml(fleetFixture());
    const bars = (chart: string): string[][] => {
      const figure = page.match(new RegExp(`<figure class="chart" data-chart="${chart}">.*?</figure>`, 's'))![0];
      return [...figure.matchAll(/data-label="([^"]*)" data-value="([^"]*)"/g)].map((m) => [m[1], m[2]]);
    };
    expect(bars('license-status')).toEqual([['Licensed', '40'], ['OOBGrace', '7'], ['Notification', '2'], ['Unlicensed', '1']]);
    expect(bars('expiry-ranges').map(([, n]) => n)).toEqual(['1', '2', '4', '3', '0', '40']);
    expect(bars('findings-severity')).toEqual([['errors', '2'], ['warnings', '1'], ['info', '0']]);
    expect([...page.matchAll(/data-host="([^"]*)" data-current="([^"]*)"(?: data-required="(\d+)")?/g)].map((m) => [m[1], m[2], m[3]])).toEqual([
      ['kms01.corp.example', '27', '25'],
      ['kms02.branch.example', '4', '5'],
      ['kms03.lab.example', '', undefined],
    ]);
    expect(page).toMatch(/data-tile="licensed"><span class="tile-value">40 \/ 50</);
    expect(page).toMatch(/data-tile="expiring-soon"><span class="tile-value">7</);
  });

  it('shows every chart, saying why, when the report has no fleet views (an older JSON report)', () => {
    const report = { ...fleetFixture(), fleet: undefined } as unknown as Report;
    const page = renderHtml(report);
    for (const chart of ['license-status', 'expiry-ranges', 'kms-count', 'kms-requests']) {
      expect(page).toContain(`data-chart="${chart}" data-empty="true"`);
    }
    expect(page).toContain('data-chart="findings-severity">');
  });

  it('keeps hostile names from the pipeline as text', async () => {
    const page = renderHtml(await hostileReport());
    expect(tagsIn(page).filter((t) => !OUR_TAGS.has(t))).toEqual([]);
    expect(dangerousAttributes(page)).toEqual([]);
    expect(page).not.toContain('<script');
    expect(page).toContain(escapeHtml(HOSTILE_HOST));
    for (const name of HOSTILE_NAMES) expect(page).toContain(`data-label="${escapeHtml(name)}"`);
  });

  it('never lets any name become markup (property)', () => {
    const fragments = fc.constantFrom('<', '>', '"', "'", '&', '`', '[', ']', '(', ')', '!', '*', '_', '#', '|', '\n', '\u202e', '\u001b', 'javascript:', 'http://x/', '<br>', 'script', 'img', ' on', 'onerror=', '=', '\\', '-->', '<!--', 'a');
    const hostileString = fc.array(fragments, { maxLength: 12 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(hostileString, hostileString, hostileString, (machine, title, status) => {
        const base = fleetFixture();
        const report: ShownReport = {
          ...base,
          machines: [{ ...base.machines[0], name: machine, aliases: [machine, title] }],
          findings: [{ ...base.findings[0], machine, title, detail: status, remedy: [title], evidence: [{ file: machine, summary: status }] }],
          fleet: { ...base.fleet, statusCounts: { [status]: 3 }, kmsHosts: [{ ...base.fleet.kmsHosts[0], name: machine }] },
        };
        const page = renderHtml(report);
        expect(tagsIn(page).filter((t) => !OUR_TAGS.has(t))).toEqual([]);
        expect(dangerousAttributes(page)).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });
});

describe('reading fleet views', () => {
  it('drops malformed values instead of drawing them', () => {
    const views = readFleetViews({
      statusCounts: { Licensed: 3, Bad: Number.NaN, Neg: -1, Str: '4' },
      expiringByRange: { expired: 2, '0-7d': 'x' },
      expiring: [{ machine: 'm', product: 'p', status: 's', expires: 'e', minutesLeft: 1, range: '0-7d' }, { machine: 1 }, null],
      kmsHosts: [{ name: 'h', currentCount: Infinity, requestsPerDay: [{ day: 'd', requests: 3, failed: 9 }, { day: 'e' }] }, 'x'],
    });
    expect(views.statusCounts).toEqual({ Licensed: 3 });
    expect(views.expiringByRange).toEqual({ expired: 2, '0-7d': 0, '8-30d': 0, '31-60d': 0, '61-90d': 0, '>90d': 0 });
    expect(views.expiring?.map((e) => e.machine)).toEqual(['m']);
    expect(views.kmsHosts).toEqual([
      { name: 'h', currentCountSource: 'unknown', clientsSeen: 0, dnsPublishing: 'unknown', requestsPerDay: [{ day: 'd', requests: 3, failed: 3 }] },
    ]);
    expect(readFleetViews(undefined)).toEqual({});
    expect(readFleetViews([])).toEqual({});
  });

  it('a report built by the pipeline carries views the charts can read', async () => {
    const report = await hostileReport();
    const views = readFleetViews(report.fleet);
    expect(views.kmsHosts?.[0]).toMatchObject({ name: HOSTILE_HOST, currentCount: 18, requiredCount: 25 });
    expect(buildReport).toBeTypeOf('function');
  });
});

describe('renderHtml at fleet scale', () => {
  it('keeps a 10,000-machine page with 20 failing under 1.5 MB', async () => {
    const { syntheticFleetReport } = await import('../helpers/synthetic-fleet-report.js');
    const page = renderHtml(syntheticFleetReport({ machines: 10_000, failing: 20 }));
    expect(Buffer.byteLength(page)).toBeLessThan(1.5 * 1024 * 1024);
    // Each failing machine's section carries its anchor; the findings-by-rule table links to it.
    expect(page.match(/<h2 id="machine-pc\d+_2e_corp_2e_example">pc\d+\.corp\.example<\/h2>/g)).toHaveLength(20);
    expect(page).toMatch(/<a href="#machine-pc\d+_2e_corp_2e_example">pc\d+\.corp\.example<\/a>/);
    expect(page).toContain('<h2>Machines without warnings or errors (9980)</h2>');
  });
});

describe('volact analyze -f html', () => {
  it('prints the HTML report of a fleet', async () => {
    const { runCli } = await import('../cli/run-cli.js');
    const run = await runCli(['analyze', 'fixtures/example', '-f', 'html', '--now', '2024-03-08T00:00:00Z']);
    expect(run.code).toBe(0);
    expect(run.stdout.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(run.stdout).toContain('data-chart="kms-count"');
    expect(run.stdout).toContain('<h2>Findings by rule</h2>');
    expect(tagsIn(run.stdout).filter((t) => !OUR_TAGS.has(t))).toEqual([]);
  });
});

describe('HTML layout of findings and walks (issue 23)', () => {
  async function nightly(): Promise<string> {
    const { runCli } = await import('../cli/run-cli.js');
    const run = await runCli(['analyze', 'fixtures/snapshots/nightly-2024-03-07', '-f', 'html', '--now', '2024-03-07T23:59:00Z']);
    expect(run.code).toBe(0);
    return run.stdout;
  }
  const style = (page: string): string => /<style>([\s\S]*?)<\/style>/.exec(page)?.[1] ?? '';
  const rule = (css: string, selector: string): string => new RegExp(`(?:^|\\n)${selector.replace(/[.()]/g, '\\$&')} \\{([^}]*)\\}`).exec(css)?.[1] ?? '';

  it('rule ids are code that does not wrap mid-word', async () => {
    const page = await nightly();
    expect(page).toContain('<code class="rule-id">kms-client/no-response</code>');
    // Every rule id the page shows in code is one of these.
    const plain = [...page.matchAll(/<code>([a-z-]+\/[a-z-]+)<\/code>/g)].map((m) => m[1]);
    expect(plain).toEqual([]);
    expect(rule(style(page), 'code.rule-id')).toMatch(/white-space: nowrap/);
  });

  it('failing walk steps stand out in colour and weight; passing and unknown ones do not', async () => {
    const page = await nightly();
    const rows = [...page.matchAll(/<tr class="(step-\w+)">\n<td>(.)<\/td>/g)].map((m) => [m[1], m[2]]);
    expect(rows.filter(([cls]) => cls === 'step-fail').length).toBeGreaterThan(0);
    for (const [cls, mark] of rows) expect({ '✘': 'step-fail', '?': 'step-unknown', '✔': 'step-pass' }[mark]).toBe(cls);
    const fail = rule(style(page), 'tr.step-fail td');
    expect(fail).toMatch(/color: var\(--bad\)/);
    expect(fail).toMatch(/font-weight: 600/);
    expect(rule(style(page), 'tr.step-pass td')).not.toMatch(/font-weight/);
  });

  it('machine names in "Findings by rule" link to the machine sections, and each link has its target', async () => {
    const page = await nightly();
    const table = /<h2>Findings by rule<\/h2>\s*<table>([\s\S]*?)<\/table>/.exec(page)?.[1] ?? '';
    const links = [...table.matchAll(/<a href="#(machine-[\w-]+)">([^<]+)<\/a>/g)];
    expect(links.map((l) => l[2])).toContain('client03.corp.contoso.com');
    for (const [, id] of links) expect(page).toContain(`id="${id}"`);
  });

  it('the summary table has no empty header row', async () => {
    const page = await nightly();
    const summary = /<h2>Summary<\/h2>[\s\S]*?<table>([\s\S]*?)<\/table>/.exec(page)?.[1] ?? '';
    expect(summary).toContain('<td>Inputs</td>');
    expect(summary).not.toContain('<thead>');
    expect(summary).not.toMatch(/<th>\s*<\/th>/);
    // A table with header words keeps its header.
    expect(/<h2>Findings by rule<\/h2>\s*<table>\s*<thead>/.test(page)).toBe(true);
  });
});
