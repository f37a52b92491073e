// The HTML overview's own wording in English and Japanese, served from the message catalog (src/messages).
import type { ExpiryRange } from '../../fleet/types.js';
import { count, formatTime, render, type Lang, type MessageArg } from '../../messages/index.js';

export interface HtmlText {
  glance: string;
  tiles: { machines: string; licensed: string; expiringSoon: string; kmsHosts: string; errors: string };
  status: { caption: string; none: string; noStatus: string; note: string };
  expiry: { caption: string; none: string; ranges: Record<ExpiryRange, string> };
  findings: { caption: string; error: string; warning: string; info: string };
  kmsCount: {
    caption: string;
    none: string;
    noHost: string;
    note: string;
    unknown: string;
    hostTitle: (host: string, count: number | undefined, need: number | undefined, source: string) => string;
    /** "5 · servers". */
    threshold: (count: number, kind: 'servers' | 'clients') => string;
  };
  requests: {
    caption: string;
    none: string;
    noEvents: string;
    answered: string;
    failed: string;
    perHost: (total: number, failed: number) => string;
    day: (day: string, requests: number, failed: number) => string;
    aria: (host: string) => string;
  };
  expiring: { title: string; head: [string, string, string, string, string]; more: (n: number) => string; ended: string };
  footer: (version: string, schema: number) => string;
  /** A time from the report (ISO) for a table cell: minute precision, in UTC, saying so. */
  time: (iso: string) => string;
}

/** One language's overview wording, read from the message catalog (`html.*`). */
function textFor(lang: Lang): HtmlText {
  const say = (id: string, data?: Record<string, MessageArg>): string => render({ id, ...(data ? { data } : {}) }, lang);
  const group = <K extends string>(prefix: string, keys: readonly K[]): Record<K, string> =>
    Object.fromEntries(keys.map((k) => [k, say(`${prefix}.${k}`)])) as Record<K, string>;
  return {
    glance: say('html.glance'),
    tiles: group('html.tiles', ['machines', 'licensed', 'expiringSoon', 'kmsHosts', 'errors'] as const),
    status: group('html.status', ['caption', 'none', 'noStatus', 'note'] as const),
    expiry: {
      caption: say('html.expiry.caption'),
      none: say('html.expiry.none'),
      ranges: group('html.expiry.ranges', ['expired', '0-7d', '8-30d', '31-60d', '61-90d', '>90d'] as const),
    },
    findings: group('html.findings', ['caption', 'error', 'warning', 'info'] as const),
    kmsCount: {
      ...group('html.kmsCount', ['caption', 'none', 'noHost', 'note', 'unknown'] as const),
      hostTitle: (host, current, need, source) =>
        current === undefined
          ? say('html.kmsCount.hostUnknown', { host })
          : need === undefined
            ? say('html.kmsCount.hostCount', { host, count: current, source })
            : say('html.kmsCount.hostCountNeed', { host, count: current, need, source }),
      threshold: (n, kind) => say(`html.kmsCount.threshold-${kind}`, { count: n }),
    },
    requests: {
      ...group('html.requests', ['caption', 'none', 'noEvents', 'answered', 'failed'] as const),
      perHost: (total, failed) => say('html.requests.perHost', { total: count(total), failed: count(failed) }),
      day: (day, requests, failed) => say('html.requests.day', { day, requests: count(requests), failed: count(failed) }),
      aria: (host) => say('html.requests.aria', { host }),
    },
    expiring: {
      title: say('html.expiring.title'),
      head: [0, 1, 2, 3, 4].map((i) => say(`html.expiring.head.${i}`)) as HtmlText['expiring']['head'],
      more: (n) => say('html.expiring.more', { n: count(n) }),
      ended: say('html.expiring.ended'),
    },
    footer: (version, schema) => say('html.footer', { version, schema }),
    time: (iso) => formatTime(iso, lang),
  };
}

export const HTML_TEXT: Record<Lang, HtmlText> = { en: textFor('en'), ja: textFor('ja') };
