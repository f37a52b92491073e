// The KMS host side of Table 2 and the Management Pack alerts, as questions about one host.
import { evidenceOf } from '../evidence.js';
import { hostLog } from '../fleet-queries.js';
import { publishSuccesses } from '../host-dns.js';
import { hostCount } from '../host-count.js';
import { collectAppLog, collectKmsLog, collectSlmgr, failIf, pass, unknown, type StepDef, type WalkContext } from './step.js';

function lastLogged(ctx: WalkContext) {
  const log = hostLog(ctx.fleet, ctx.view.key);
  return log[log.length - 1];
}

export const KMS_HOST_STEPS: StepDef[] = [
  {
    id: 'kms-host/activated',
    step: "Is the KMS host's own key (CSVLK) activated?",
    decide: (ctx) => {
      const fail = failIf(ctx, ['kms-host/not-activated']);
      if (fail) return fail;
      const ok = ctx.view.states('kms-host').filter((r) => r.state === 'Licensed');
      if (ok.length) return pass(ok.map((r) => evidenceOf(r.fact)), 'Licensed.');
      return unknown(collectSlmgr(ctx.view.name), 'No slmgr output or 8230 shows the state of the host key.');
    },
  },
  {
    id: 'kms-host/service',
    step: 'Is the Key Management Service running (no 12291/12292)?',
    decide: (ctx) => {
      const fail = failIf(ctx, ['kms-host/service-failed']);
      if (fail) return fail;
      const last = lastLogged(ctx);
      if (last) return pass([evidenceOf(last)], 'The host is serving requests (12290).');
      const published = publishSuccesses(ctx.view);
      if (published.length) return pass([evidenceOf(published[published.length - 1])], 'The service published its SRV record (12294).');
      return unknown(collectAppLog(ctx.view.name, '12291-12294'), 'Nothing shows the service running or failing.');
    },
  },
  {
    id: 'kms-host/dns-publish',
    step: 'Does the host publish its SRV record (12294, no 12293)?',
    decide: (ctx) => {
      const fail = failIf(ctx, ['kms-host/srv-only-first-host', 'kms-host/dns-publish-failed']);
      if (fail) return fail;
      const published = publishSuccesses(ctx.view);
      if (published.length) return pass([evidenceOf(published[published.length - 1])], `Published to ${published[published.length - 1].domain ?? 'DNS'}.`);
      const off = ctx.view.licenses().find((l) => l.kmsHost?.dnsPublishing === false);
      if (off) {
        return unknown(
          `Run "nslookup -type=srv _vlmcs._tcp.<domain>" from a client and save the output: with publishing off, the record must have been made by hand.`,
          'DNS publishing is turned off on this host (slmgr), so it never writes its SRV record itself.',
          [evidenceOf(off, 'slmgr: DNS publishing disabled')],
        );
      }
      return unknown(
        `${collectAppLog(ctx.view.name, '12293/12294')} Or run "nslookup -type=srv _vlmcs._tcp.<domain>" and save the output.`,
        'No 12293 or 12294 in the snapshot (publishing may be turned off, or the Application log is missing).',
      );
    },
  },
  {
    id: 'kms-host/count',
    step: 'Is the host count at or above what its clients need?',
    decide: (ctx) => {
      const fail = failIf(ctx, ['kms-host/count-below-threshold']);
      if (fail) return fail;
      const c = hostCount(ctx.view, ctx.fleet, ctx.now);
      if (c && c.count >= c.need) return pass(c.evidence, `Count ${c.count}, clients need ${c.need}.`);
      if (c) return unknown(`Run "slmgr.vbs /dli" on ${ctx.view.name} and save its output ("Current count").`, `The exported 12290 log shows ${c.count} distinct CMIDs, but it covers less than 30 days, so the real count may be higher.`, c.evidence);
      return unknown(collectSlmgr(ctx.view.name, '/dli'), 'No count in the snapshot.');
    },
  },
  {
    id: 'kms-host/unique-cmids',
    step: 'Does every client have its own CMID (are clients added to the count)?',
    decide: (ctx) => {
      const fail = failIf(ctx, ['kms-host/duplicate-cmid']);
      if (fail) return fail;
      const log = hostLog(ctx.fleet, ctx.view.key);
      if (log.length) return pass([evidenceOf(log[log.length - 1])], `${new Set(log.map((e) => e.cmid)).size} CMIDs, each from one machine name.`);
      return unknown(collectKmsLog(ctx.view.name), 'No 12290 log from this host.');
    },
  },
  {
    id: 'kms-host/activity',
    step: `Has the host logged requests recently (KMS Management Pack: no activity for 8 hours)?`,
    decide: (ctx) => {
      const fail = failIf(ctx, ['kms-host/idle', 'kms-host/failed-host-referenced']);
      if (fail) return fail;
      const last = lastLogged(ctx);
      if (last) return pass([evidenceOf(last)], `Last 12290 at ${last.time}.`);
      return unknown(collectKmsLog(ctx.view.name), 'No 12290 log from this host.');
    },
  },
  {
    id: 'kms-host/key-placement',
    step: 'Is the KMS host key on an edition meant to be a host (not a client OS)?',
    decide: (ctx) => {
      const fail = failIf(ctx, ['kms-host/key-on-client']);
      if (fail) return fail;
      const host = ctx.view.licenses('kms-host');
      if (host.length) return pass(host.map((l) => evidenceOf(l)), `${host[0].name}.`);
      return unknown(collectSlmgr(ctx.view.name), 'Only slmgr shows which edition holds the host key.');
    },
  },
  {
    id: 'kms-host/log-intact',
    step: 'Is the Key Management Service log intact (not cleared)?',
    decide: (ctx) => {
      const fail = failIf(ctx, ['kms-host/log-cleared']);
      if (fail) return fail;
      const log = hostLog(ctx.fleet, ctx.view.key);
      if (log.length) return pass([evidenceOf(log[0]), evidenceOf(log[log.length - 1])], `${log.length} 12290 records without gaps.`);
      return unknown(collectKmsLog(ctx.view.name), 'No 12290 log from this host.');
    },
  },
];
