// Renders reports to HTML files and opens them in headless Chromium over the DevTools protocol: the charts
// must show the model's numbers, no script may run, no element may come from input, nothing may be fetched,
// and the page must read in light, dark and print. Skips with a note where no Chromium is installed.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lacks } from '../helpers/needs.js';
import type { FleetViews } from '../../src/fleet/types.js';
import { neutralizeControls, type ShownReport as Report } from '../../src/report/index.js';
import { renderHtml } from '../../src/report/html/index.js';
import { Chromium, findChromium, openPage, type LoadedPage } from './chromium.js';
import { contrast, DOM_PROBE, luminance, type DomProbe, type ProbedChart } from './dom-probe.js';
import { exampleReport, fleetFixture, HOSTILE_HOST, HOSTILE_NAMES, hostileReport } from './reports.js';
import { machineName, syntheticFleetReport } from '../helpers/synthetic-fleet-report.js';

const executable = findChromium();

/** Element names the renderer writes; the hostile page must hold no other. */
const OUR_TAGS = new Set([
  'html', 'head', 'meta', 'title', 'style', 'body', 'header', 'main', 'footer', 'section', 'div', 'span', 'h1', 'h2', 'h3', 'h4',
  'p', 'ul', 'ol', 'li', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'code', 'strong', 'em', 'br', 'a',
  'figure', 'figcaption', 'svg', 'g', 'rect', 'line', 'text',
]);

describe.skipIf(lacks('chromium (apt-get install chromium, or set CHROMIUM)', executable !== undefined))('HTML report in headless Chromium', () => {
  let browser: Chromium;
  let dir: string;
  const pages: Record<string, { url: string; report: Report }> = {};

  function write(name: string, report: Report): void {
    const file = path.join(dir, `${name}.html`);
    writeFileSync(file, renderHtml(report));
    pages[name] = { url: pathToFileURL(file).href, report };
  }

  async function probe(name: string, options: Parameters<typeof openPage>[2] = {}): Promise<{ page: LoadedPage; dom: DomProbe }> {
    const page = await openPage(browser, pages[name].url, options);
    return { page, dom: await page.evaluate<DomProbe>(DOM_PROBE) };
  }

  function chart(dom: DomProbe, name: string): ProbedChart {
    const found = dom.charts.find((c) => c.chart === name);
    if (!found) throw new Error(`no chart ${name}; charts: ${dom.charts.map((c) => c.chart).join(', ')}`);
    return found;
  }

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'volact-html-'));
    browser = Chromium.launch(executable!);
    write('fleet', fleetFixture());
    write('example', await exampleReport());
    write('hostile', await hostileReport());
    write('large', syntheticFleetReport({ machines: 10_000, failing: 20 }));
  });

  afterAll(async () => {
    await browser?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('draws the fleet fixture’s numbers in every chart', async () => {
    const { page, dom } = await probe('fleet');
    const status = chart(dom, 'license-status');
    expect(status.bars.map((b) => [b.label, b.value, b.text])).toEqual([
      ['Licensed', 40, '40'],
      ['OOBGrace', 7, '7'],
      ['Notification', 2, '2'],
      ['Unlicensed', 1, '1'],
    ]);
    // Bar lengths are proportional to the values (the thinnest bars have a 2-unit floor).
    expect(status.bars[0].width / status.bars[1].width).toBeCloseTo(40 / 7, 1);

    expect(chart(dom, 'expiry-ranges').bars.map((b) => b.value)).toEqual([1, 2, 4, 3, 0, 40]);
    expect(chart(dom, 'expiry-ranges').bars[4].width).toBe(0);
    expect(chart(dom, 'findings-severity').bars.map((b) => [b.label, b.value])).toEqual([['errors', 2], ['warnings', 1], ['info', 0]]);

    const kms = chart(dom, 'kms-count');
    expect(kms.hosts.map((h) => [h.host, h.current, h.required])).toEqual([
      ['kms01.corp.example', '27', '25'],
      ['kms02.branch.example', '4', '5'],
      ['kms03.lab.example', '', null],
    ]);
    const [five, twentyFive] = kms.thresholds;
    expect([five.count, twentyFive.count]).toEqual([5, 25]);
    // Bars and threshold lines share one scale: 27 reaches past the 25 line, 4 stops short of the 5 line.
    const origin = five.x - (twentyFive.x - five.x) / 4;
    expect(origin + kms.hosts[0].width).toBeGreaterThan(twentyFive.x);
    expect(origin + kms.hosts[1].width).toBeLessThan(five.x);
    expect(kms.hosts[0].width / kms.hosts[1].width).toBeCloseTo(27 / 4, 1);

    const days = chart(dom, 'kms-requests').days;
    expect(days.filter((d) => d.host === 'kms01.corp.example').map((d) => d.requests)).toEqual([40, 38, 12, 9, 44, 51, 47]);
    expect(days.filter((d) => d.host === 'kms02.branch.example').map((d) => [d.day, d.requests, d.failed])).toEqual([
      ['2024-03-05', 3, 3],
      ['2024-03-06', 6, 2],
      ['2024-03-07', 2, 0],
    ]);
    expect(dom.tiles).toEqual({ machines: '4', licensed: '40 / 50', 'expiring-soon': '7', 'kms-hosts': '3', errors: '2' });
    expect(dom.text).toContain('pc-017.corp.example');
    await page.close();
  });

  it('draws the example fleet, read through the whole pipeline, as its model says', async () => {
    const { page, dom } = await probe('example');
    const fleet = pages.example.report.fleet as FleetViews;
    const status = chart(dom, 'license-status');
    expect(Object.fromEntries(status.bars.map((b) => [b.label, b.value]))).toEqual(fleet.statusCounts);
    expect(chart(dom, 'expiry-ranges').bars.map((b) => b.value)).toEqual(Object.values(fleet.expiringByRange));
    const kms = chart(dom, 'kms-count');
    expect(kms.hosts.map((h) => [h.host, Number(h.current)])).toEqual(fleet.kmsHosts.map((h) => [h.name, h.currentCount]));
    expect(kms.hosts.length).toBeGreaterThan(0);
    const days = chart(dom, 'kms-requests').days;
    expect(days.map((d) => [d.host, d.day, d.requests, d.failed])).toEqual(
      fleet.kmsHosts.flatMap((h) => h.requestsPerDay.map((d) => [h.name, d.day, d.requests, d.failed])),
    );
    const findings = pages.example.report.summary.findings;
    expect(chart(dom, 'findings-severity').bars.map((b) => b.value)).toEqual([findings.error, findings.warning, findings.info]);
    expect(dom.tiles.machines).toBe(String(pages.example.report.summary.machines));
    await page.close();
  });

  it('hostile names stay text: no script runs, no element comes from input, nothing is fetched', async () => {
    const { page, dom } = await probe('hostile');
    expect(dom.scripts).toBe(0);
    expect(dom.eventHandlers).toEqual([]);
    expect(dom.pwned).toBe(false);
    expect(page.dialogs).toEqual([]);
    expect(dom.tags.filter((t) => !OUR_TAGS.has(t))).toEqual([]);
    expect(dom.urls.filter((u) => !/^#[\w-]+$/.test(u))).toEqual([]);
    expect(dom.styleElements).toBe(1);
    expect(dom.csp).toMatch(/^default-src 'none'; style-src 'unsafe-inline'; img-src data:/);
    expect(page.requests).toEqual([pages.hostile.url]);
    // Nothing even tried to load or run: a blocked attempt would leave a CSP violation in the log.
    expect(page.messages).toEqual([]);
    // Every name is shown as it was sent (controls made visible), in the charts and in the Markdown tables.
    for (const name of HOSTILE_NAMES) expect(dom.text).toContain(neutralizeControls(name));
    expect(dom.text).toContain(HOSTILE_HOST);
    expect(chart(dom, 'license-status').bars.map((b) => b.label)).toEqual(expect.arrayContaining(HOSTILE_NAMES.map(neutralizeControls)));
    expect(chart(dom, 'kms-count').hosts.map((h) => h.host)).toEqual([HOSTILE_HOST, ...HOSTILE_NAMES.map(neutralizeControls)]);
    expect(dom.hiddenCharts).toBe(0);
    await page.close();
  });

  it('opens a 10,000-machine fleet page: failing machines in full, the rest counted', async () => {
    const { page, dom } = await probe('large');
    const layout = await page.evaluate<{ h2: string[]; rows: Record<string, number>; loadMs: number; height: number }>(`(() => {
      const rows = {};
      for (const h of document.querySelectorAll('h2, h3')) {
        let el = h.nextElementSibling;
        while (el && !/^H[23]$/.test(el.tagName)) {
          if (el.tagName === 'TABLE') rows[h.textContent] = el.querySelectorAll('tbody tr').length;
          el = el.nextElementSibling;
        }
      }
      const nav = performance.getEntriesByType('navigation')[0];
      return { h2: [...document.querySelectorAll('main h2')].map((h) => h.textContent), rows, loadMs: nav.loadEventEnd - nav.startTime, height: document.documentElement.scrollHeight };
    })()`);
    console.log(`large fleet page: ${(Buffer.byteLength(renderHtml(pages.large.report)) / 1e6).toFixed(2)} MB, load event after ${layout.loadMs.toFixed(0)} ms, ${layout.height} px tall`);
    const failing = Array.from({ length: 20 }, (_, k) => machineName(k * 500));
    expect(layout.h2).toEqual(['Summary', 'Findings by rule', 'Fleet', ...failing, 'Machines without warnings or errors (9980)', 'Inputs']);
    // One row per rule, not per machine; the healthy machines are counted, not listed; no input rows.
    expect(layout.rows['Findings by rule']).toBe(3);
    expect(layout.rows['Machines without warnings or errors (9980)']).toBeUndefined();
    expect(layout.rows['Inputs']).toBeUndefined();
    expect(dom.text).toContain('9980 machines are not listed one by one');
    expect(dom.tiles.machines).toBe('10000');
    expect(chart(dom, 'findings-severity').bars.map((b) => b.value)).toEqual([40, 0, 9980]);
    expect(dom.hiddenCharts).toBe(0);
    expect(page.messages).toEqual([]);
    await page.close();
  });

  it('the checks catch an unsafe page (negative control)', async () => {
    const file = path.join(dir, 'unsafe.html');
    writeFileSync(
      file,
      '<!DOCTYPE html><html><body><figure class="chart" data-chart="x"></figure><img src="http://127.0.0.1:9/pixel.png">' +
        '<b onclick="x()">b</b><script>window.volactPwned = 1; alert("ran");</script></body></html>',
    );
    pages.unsafe = { url: pathToFileURL(file).href, report: fleetFixture() };
    const { page, dom } = await probe('unsafe');
    expect(dom.scripts).toBe(1);
    expect(dom.pwned).toBe(true);
    expect(page.dialogs).toEqual(['ran']);
    expect(dom.eventHandlers).toEqual(['b@onclick']);
    expect(dom.tags).toEqual(expect.arrayContaining(['img', 'script']));
    expect(page.requests).toContain('http://127.0.0.1:9/pixel.png');
    await page.close();
  });

  it('reads in light and dark mode and when printed', async () => {
    const light = await probe('fleet', { colorScheme: 'light' });
    const dark = await probe('fleet', { colorScheme: 'dark' });
    const print = await probe('fleet', { media: 'print', colorScheme: 'dark' });
    expect(luminance(light.dom.colors.background)).toBeGreaterThan(0.9);
    expect(luminance(dark.dom.colors.background)).toBeLessThan(0.05);
    expect(luminance(print.dom.colors.background)).toBeGreaterThan(0.9);
    for (const { dom } of [light, dark, print]) {
      expect(contrast(dom.colors.text, dom.colors.background)).toBeGreaterThan(7);
      expect(contrast(dom.colors.good, dom.colors.background)).toBeGreaterThan(3);
      expect(dom.hiddenCharts).toBe(0);
    }
    expect(dark.dom.colors.good).not.toBe(light.dom.colors.good);
    for (const { page } of [light, dark, print]) await page.close();
  });

  it('takes a screenshot of the fleet report', async () => {
    const page = await openPage(browser, pages.example.url, { width: 1100, height: 900 });
    const png = await page.screenshot();
    await page.close();
    expect(png.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
    const width = png.readUInt32BE(16);
    const height = png.readUInt32BE(20);
    expect(width).toBe(1100);
    expect(height).toBeGreaterThan(900);
    const out = process.env.VOLACT_SCREENSHOT_DIR;
    if (out) {
      mkdirSync(out, { recursive: true });
      writeFileSync(path.join(out, 'example-report.png'), png);
    }
  });
});
