// The KMS host side of Table 2 and the Management Pack alerts, as questions about one host.
import { evidenceOf } from '../evidence-refs.js';
import { hostLog } from '../../evidence/fleet-queries.js';
import { publishSuccesses } from '../host-dns.js';
import { hostCounts } from '../host-count.js';
import { msg, sentences } from '../../messages/index.js';
import { CMD } from '../remedies.js';
import { collectAppLog, collectKmsLog, collectSlmgr, pass, unknown, type StepDef, type WalkContext } from './step.js';

function lastLogged(ctx: WalkContext) {
  const log = hostLog(ctx.fleet, ctx.view.key);
  return log[log.length - 1];
}

export const KMS_HOST_STEPS: StepDef[] = [
  {
    id: 'kms-host/activated',
    rules: ['kms-host/not-activated'],
    decide: (ctx) => {
      const ok = ctx.view.states('kms-host').filter((r) => r.state === 'Licensed');
      if (ok.length) return pass(ok.map((r) => evidenceOf(r.fact)), msg('walk.note.licensed'));
      return unknown(collectSlmgr(ctx.view.name), msg('walk.note.no-host-key-state'));
    },
  },
  {
    id: 'kms-host/service',
    rules: ['kms-host/service-failed'],
    decide: (ctx) => {
      const last = lastLogged(ctx);
      if (last) return pass([evidenceOf(last)], msg('walk.note.serving'));
      const published = publishSuccesses(ctx.view);
      if (published.length) return pass([evidenceOf(published[published.length - 1])], msg('walk.note.published-srv'));
      return unknown(collectAppLog(ctx.view.name, '12291-12294'), msg('walk.note.no-service-sign'));
    },
  },
  {
    id: 'kms-host/dns-publish',
    rules: ['kms-host/srv-only-first-host', 'kms-host/dns-publish-failed'],
    decide: (ctx) => {
      const published = publishSuccesses(ctx.view);
      if (published.length) return pass([evidenceOf(published[published.length - 1])], msg('walk.note.published-to', { domain: published[published.length - 1].domain ?? msg('common.dns') }));
      // slmgr /dlv says whether publishing is on; only 12294/12293 (or the record itself) say it worked.
      const on = ctx.view.licenses().find((l) => l.kmsHost?.dnsPublishing === true);
      if (on) {
        return unknown(
          msg('walk.collect.publish-log-or-srv', { log: collectAppLog(ctx.view.name, '12293/12294'), cmd: CMD.srvLookup() }),
          msg('walk.note.publishing-on'),
          [evidenceOf(on, msg('walk.note.publishing-on-evidence'))],
        );
      }
      const off = ctx.view.licenses().find((l) => l.kmsHost?.dnsPublishing === false);
      if (off) {
        return unknown(
          msg('walk.collect.srv-manual', { cmd: CMD.srvLookup() }),
          msg('walk.note.publishing-off'),
          [evidenceOf(off, msg('walk.note.publishing-off-evidence'))],
        );
      }
      return unknown(
        msg('walk.collect.publish-log-or-srv', { log: collectAppLog(ctx.view.name, '12293/12294'), cmd: CMD.srvLookup() }),
        msg('walk.note.no-publish-events'),
      );
    },
  },
  {
    id: 'kms-host/count',
    rules: ['kms-host/count-below-threshold'],
    decide: (ctx) => {
      // Windows and Office are counted apart; the step passes when every product line the host serves has its count.
      const counts = hostCounts(ctx.view, ctx.fleet, ctx.now);
      const short = counts.find((c) => c.count < c.need);
      if (counts.length && !short) {
        const notes = counts.map((c) => (c.product === 'Office' ? msg('walk.note.count-office-ok', { count: c.count }) : msg('walk.note.count-ok', { count: c.count, need: c.need })));
        return pass(counts.flatMap((c) => c.evidence), notes.length === 1 ? notes[0] : msg('common.sentences', { items: sentences(notes) }));
      }
      if (short) return unknown(msg('walk.collect.dli-count', { machine: ctx.view.name, cmd: CMD.dli }), msg('walk.note.count-partial', { count: short.count }), short.evidence);
      return unknown(collectSlmgr(ctx.view.name, '/dli'), msg('walk.note.no-count'));
    },
  },
  {
    id: 'kms-host/unique-cmids',
    rules: ['kms-host/duplicate-cmid'],
    decide: (ctx) => {
      const log = hostLog(ctx.fleet, ctx.view.key);
      if (log.length) return pass([evidenceOf(log[log.length - 1])], msg('walk.note.cmids-unique', { n: new Set(log.map((e) => e.cmid)).size }));
      return unknown(collectKmsLog(ctx.view.name), msg('walk.note.no-host-log'));
    },
  },
  {
    id: 'kms-host/activity',
    rules: ['kms-host/idle', 'kms-host/failed-host-referenced'],
    decide: (ctx) => {
      const last = lastLogged(ctx);
      if (last) return pass([evidenceOf(last)], msg('walk.note.last-12290', { at: last.time }));
      return unknown(collectKmsLog(ctx.view.name), msg('walk.note.no-host-log'));
    },
  },
  {
    id: 'kms-host/key-placement',
    rules: ['kms-host/key-on-client'],
    decide: (ctx) => {
      const host = ctx.view.licenses('kms-host');
      if (host.length) return pass(host.map((l) => evidenceOf(l)), msg('walk.note.product', { product: host[0].name }));
      return unknown(collectSlmgr(ctx.view.name), msg('walk.note.only-slmgr-edition'));
    },
  },
  {
    id: 'kms-host/log-intact',
    rules: ['kms-host/log-cleared'],
    decide: (ctx) => {
      const log = hostLog(ctx.fleet, ctx.view.key);
      if (log.length) return pass([evidenceOf(log[0]), evidenceOf(log[log.length - 1])], msg('walk.note.log-intact', { n: log.length }));
      return unknown(collectKmsLog(ctx.view.name), msg('walk.note.no-host-log'));
    },
  },
];
