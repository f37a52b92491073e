// The Japanese HTML report really shows Japanese glyphs in headless Chromium, not tofu boxes: .ci/run
// installs fonts-noto-cjk, and the page's font stacks must reach it. Three checks on the rendered page:
// the platform font Chromium used for Japanese text (CSS.getPlatformFontsForNode) is a CJK font that
// drew every glyph; each Japanese character of the headings draws differently from the missing-glyph box
// of an unassigned code point (U+0378) in the same font; and a Japanese string is not as wide as the same
// number of missing-glyph boxes. Skips with a note where no Chromium is installed.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lacks } from '../helpers/needs.js';
import { analyze } from '../../src/analyze.js';
import { buildReport } from '../../src/report/index.js';
import { renderHtml } from '../../src/report/html/index.js';
import { Chromium, findChromium, openPage, type LoadedPage } from './chromium.js';

const executable = findChromium();

const JAPANESE = /[\u3040-\u30ff\u3400-\u9fff]/;

/** Runs in the page: for the element's own font, which Japanese characters draw like the missing-glyph box. */
const GLYPH_PROBE = (selector: string): string => `(() => {
  const el = document.querySelector(${JSON.stringify(selector)});
  const style = getComputedStyle(el);
  const font = style.fontWeight + ' 32px ' + style.fontFamily;
  const canvas = document.createElement('canvas');
  canvas.width = 48; canvas.height = 48;
  const g = canvas.getContext('2d', { willReadFrequently: true });
  g.font = font;
  const draw = (ch) => {
    g.clearRect(0, 0, 48, 48);
    g.fillStyle = '#000';
    g.fillText(ch, 4, 36);
    return Array.from(g.getImageData(0, 0, 48, 48).data.filter((_, i) => i % 4 === 3)).join(',');
  };
  const tofu = draw('\\u0378');
  const chars = [...new Set([...el.textContent].filter((c) => ${JAPANESE}.test(c)))];
  const bitmaps = chars.map(draw);
  const width = (s) => g.measureText(s).width;
  const sample = chars.slice(0, 6).join('');
  return {
    text: el.textContent,
    chars,
    likeTofu: chars.filter((c, i) => bitmaps[i] === tofu),
    distinct: new Set(bitmaps).size,
    sampleWidth: width(sample),
    tofuWidth: width('\\u0378'.repeat([...sample].length)),
  };
})()`;

interface GlyphProbe {
  text: string;
  chars: string[];
  likeTofu: string[];
  distinct: number;
  sampleWidth: number;
  tofuWidth: number;
}

describe.skipIf(lacks('chromium (apt-get install chromium, or set CHROMIUM)', executable !== undefined))('Japanese HTML report in headless Chromium: real glyphs', () => {
  let browser: Chromium;
  let dir: string;
  let page: LoadedPage;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'volact-cjk-'));
    const now = '2024-03-07T12:00:00Z';
    const report = { ...buildReport(await analyze(['fixtures/example'], { now })), generatedAt: now };
    const file = path.join(dir, 'report-ja.html');
    writeFileSync(file, renderHtml(report, { markdown: { lang: 'ja' } }));
    browser = Chromium.launch(executable!);
    page = await openPage(browser, pathToFileURL(file).href);
  });

  afterAll(async () => {
    await page?.close();
    await browser?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('Chromium draws the Japanese title with a CJK font that has every glyph', async () => {
    await page.send('DOM.enable');
    await page.send('CSS.enable');
    // Mark the first chart label that holds Japanese (most hold numbers and host names).
    const marked = await page.evaluate<boolean>(
      `(() => { const t = [...document.querySelectorAll('svg text')].find((e) => ${JAPANESE}.test(e.textContent)); if (t) t.setAttribute('data-probe', ''); return !!t; })()`,
    );
    expect(marked).toBe(true);
    const { root } = (await page.send('DOM.getDocument', { depth: 1 })) as { root: { nodeId: number } };
    for (const selector of ['h1', 'main h2', 'figcaption', 'svg text[data-probe]']) {
      const { nodeId } = (await page.send('DOM.querySelector', { nodeId: root.nodeId, selector })) as { nodeId: number };
      expect(nodeId, selector).toBeGreaterThan(0);
      const { fonts } = (await page.send('CSS.getPlatformFontsForNode', { nodeId })) as { fonts: { familyName: string; glyphCount: number }[] };
      const cjk = fonts.filter((f) => /CJK|JP|Gothic|Mincho|Sans Mono CJK/i.test(f.familyName));
      expect(cjk.length, `${selector}: ${JSON.stringify(fonts)}`).toBeGreaterThan(0);
      expect(cjk.reduce((n, f) => n + f.glyphCount, 0), selector).toBeGreaterThan(0);
    }
  });

  it('no Japanese character of the headings draws like the missing-glyph box', async () => {
    for (const selector of ['h1', 'main h2', 'main h3', 'figcaption']) {
      const probe = await page.evaluate<GlyphProbe>(GLYPH_PROBE(selector));
      expect(probe.chars.length, `${selector}: ${probe.text}`).toBeGreaterThan(1);
      expect(probe.likeTofu, selector).toEqual([]);
      // Tofu boxes all look alike; real glyphs differ from each other.
      expect(probe.distinct, selector).toBe(probe.chars.length);
      expect(Math.abs(probe.sampleWidth - probe.tofuWidth), selector).toBeGreaterThan(1);
    }
  });

  it('the check can fail: an unassigned code point does draw as the missing-glyph box', async () => {
    const same = await page.evaluate<boolean>(`(() => {
      const c = document.createElement('canvas'); c.width = 48; c.height = 48;
      const g = c.getContext('2d', { willReadFrequently: true }); g.font = '32px sans-serif';
      const draw = (ch) => { g.clearRect(0, 0, 48, 48); g.fillText(ch, 4, 36); return Array.from(g.getImageData(0, 0, 48, 48).data).join(','); };
      return draw('\\u0378') === draw('\\u0379');
    })()`);
    expect(same).toBe(true);
  });
});
