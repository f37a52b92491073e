// The streaming event scanner must read every input exactly as the tree parser + mapping do: the same event
// (field for field, key order included) or the same error at the same offset.
import { readFileSync } from 'node:fs';
import fg from 'fast-glob';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { eventFromXml } from '../../src/ingest/xml/event-from-xml.js';
import { scanEvent } from '../../src/ingest/xml/scan-event.js';
import { EventSplitter } from '../../src/ingest/xml/split-events.js';
import { parseElement, XmlSyntaxError } from '../../src/ingest/xml/tokenize-event.js';

const SOURCE = { file: 'x.xml', format: 'xml' as const, line: 1 };

function outcome(read: () => unknown): string {
  try {
    return JSON.stringify(read());
  } catch (error) {
    if (!(error instanceof XmlSyntaxError)) throw error;
    return `syntax error at ${error.offset}: ${error.message}`;
  }
}

const viaTree = (xml: string): string => outcome(() => eventFromXml(parseElement(xml), SOURCE));
const viaScan = (xml: string): string => outcome(() => scanEvent(xml, SOURCE));

const NAMES = ['Event', 'System', 'Provider', 'EventID', 'TimeCreated', 'EventRecordID', 'Channel', 'Computer', 'Level', 'EventData', 'Data', 'Binary', 'UserData', 'RenderingInfo', 'Message', 'e:Event', 'x:Data', 'Other', 'EventDataX'];
const ATTRS = ['Name', 'Guid', 'EventSourceName', 'SystemTime', 'Qualifiers', 'x:Name', 'xmlns', 'xmlns:e', 'Other'];
const TEXTS = ['12288', ' 12289 ', '2024-03-05T09:12:04.1234567Z', 'pc1.contoso.com', '0xC004F038, 25', '', ' ', '&amp;', '&lt;x&gt;', '&#65;', '&#x10FFFF;', '&#x110000;', '&bogus;', '& ', 'a&b', '\n', '70000', '-1', '4'];

/** Well-formed-ish pieces of XML and the usual breakage, for both readers to judge. */
const piece: fc.Arbitrary<string> = fc.oneof(
  fc.tuple(fc.constantFrom(...NAMES), fc.array(fc.tuple(fc.constantFrom(...ATTRS), fc.constantFrom(...TEXTS), fc.constantFrom('"', "'")), { maxLength: 3 }), fc.boolean()).map(
    ([name, attrs, selfClosing]) => `<${name}${attrs.map(([a, v, q]) => ` ${a}=${q}${v}${q}`).join('')}${selfClosing ? '/' : ''}>`,
  ),
  fc.constantFrom(...NAMES).map((n) => `</${n}>`),
  fc.constantFrom(...TEXTS),
  fc.constantFrom('<!-- c -->', '<![CDATA[<raw & text>]]>', '<?pi x?>', '<!DOCTYPE x>', '<', '>', '<a b>', '<a b=x>', '<a b="<">', '</ Data >', '<!--', '<![CDATA[', '&'),
);

/** A plausible event with some of its pieces replaced. */
const wellFormed = (id: string, time: string, data: string[]): string =>
  `<Event xmlns="http://schemas.microsoft.com/win/2004/08/events/event"><System><Provider Name="Microsoft-Windows-Security-SPP" Guid="{E23B33B0}" EventSourceName="Software Protection Platform Service"/><EventID Qualifiers="16384">${id}</EventID><Level>4</Level><TimeCreated SystemTime="${time}"/><EventRecordID>7</EventRecordID><Channel>Application</Channel><Computer>pc1</Computer></System><EventData>${data.map((d) => `<Data>${d}</Data>`).join('')}</EventData></Event>`;

describe('scanEvent reads as the tree parser does', () => {
  it('on random pieces of event XML', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => {
        const xml = pieces.join('');
        expect(viaScan(xml)).toBe(viaTree(xml));
      }),
      { numRuns: 20_000 },
    );
  });

  it('on nested structures built from a grammar', () => {
    const element: fc.Arbitrary<string> = fc.letrec((tie) => ({
      node: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        fc.constantFrom(...TEXTS),
        fc.tuple(fc.constantFrom(...NAMES), fc.array(fc.tuple(fc.constantFrom(...ATTRS), fc.constantFrom(...TEXTS)), { maxLength: 2 }), fc.array(tie('node'), { maxLength: 4 })).map(
          ([name, attrs, kids]) => `<${name}${attrs.map(([a, v]) => ` ${a}="${v}"`).join('')}>${kids.join('')}</${name}>`,
        ),
      ),
    })).node;
    fc.assert(
      fc.property(element, fc.constantFrom('', ' ', '\n', '<!-- x -->', 'junk'), (xml, around) => {
        expect(viaScan(around + xml + around)).toBe(viaTree(around + xml + around));
      }),
      { numRuns: 20_000 },
    );
    // Inside a readable event, so that what is kept (first of each, leaves, Data names) is compared too.
    let readable = 0;
    fc.assert(
      fc.property(fc.array(element, { maxLength: 4 }), fc.array(element, { maxLength: 4 }), fc.constantFrom('4', ' 12288 '), (inSystem, inEvent, id) => {
        const xml = `<Event><System><EventID>${id}</EventID>${inSystem.join('')}</System>${inEvent.join('')}</Event>`;
        const tree = viaTree(xml);
        if (tree.startsWith('{"ok":true')) readable++;
        expect(viaScan(xml)).toBe(tree);
      }),
      { numRuns: 20_000 },
    );
    expect(readable).toBeGreaterThan(2_000);
  });

  it('on events with odd fields', () => {
    fc.assert(
      fc.property(fc.constantFrom(...TEXTS), fc.constantFrom(...TEXTS), fc.array(fc.constantFrom(...TEXTS), { maxLength: 4 }), (id, time, data) => {
        const xml = wellFormed(id, time, data);
        expect(viaScan(xml)).toBe(viaTree(xml));
      }),
      { numRuns: 5_000 },
    );
  });

  it('on deep nesting and on every XML event in the fixtures', async () => {
    const deep = (n: number): string => `<Event><UserData>${'<a>'.repeat(n)}x${'</a>'.repeat(n)}</UserData></Event>`;
    for (const n of [60, 61, 62, 63, 64]) expect(viaScan(deep(n))).toBe(viaTree(deep(n)));
    const files = await fg(['fixtures/**/*.xml'], { dot: true });
    let compared = 0;
    for (const file of files) {
      const bytes = readFileSync(file);
      const text = bytes[0] === 0xff && bytes[1] === 0xfe ? bytes.subarray(2).toString('utf16le') : bytes.toString('utf8');
      const splitter = new EventSplitter();
      for (const p of [...splitter.push(text), ...splitter.end()]) {
        if (p.kind !== 'event') continue;
        expect(viaScan(p.xml), `${file} line ${p.line}`).toBe(viaTree(p.xml));
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(100);
  });
});
