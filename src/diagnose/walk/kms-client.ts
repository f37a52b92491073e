// Table 2 of the guide, as questions about one KMS client, in the guide's order.
import { evidenceOf } from '../evidence-refs.js';
import { firstMatchingHostEntry, hostLogSpan, hostMachine, kmsHosts, listeningPort } from '../../evidence/fleet-queries.js';
import { latestPortChecks, srvLookups, srvTargets } from '../network-queries.js';
import { CMD, editionOf } from '../remedies.js';
import { dnsDomainOf } from '../rule-helpers.js';
import { HOUR, toMs } from '../../evidence/time.js';
import { duration, list, msg, time, type MessageRef } from '../../messages/index.js';
import type { Exchange } from '../../evidence/machine-view/index.js';
import { collectAppLog, collectKmsLog, collectSlmgr, pass, unknown, type StepDef, type WalkContext } from './step.js';
import { responseCount, type KmsHostRequestFact } from '../../decode/index.js';

function latest(ctx: WalkContext): Exchange | undefined {
  const recent = ctx.view.recentExchanges();
  return recent[recent.length - 1];
}

/** The host's 12290 answering the newest request, or why it cannot be looked up. */
function hostEntry(ctx: WalkContext): { entry?: KmsHostRequestFact; hostName?: string; collect?: MessageRef; note?: MessageRef } {
  const x = latest(ctx);
  if (!x) return { collect: collectAppLog(ctx.view.name, '12288/12289'), note: msg('walk.note.no-12288') };
  const skew = ctx.options.skewHours * HOUR;
  const from = x.at - skew;
  const to = x.at + skew;
  const host = hostMachine(ctx.fleet, x.request.host);
  if (!host) return { hostName: x.request.host, collect: collectKmsLog(x.request.host, from, to), note: msg('walk.note.host-not-in-snapshot', { host: x.request.host }) };
  const span = hostLogSpan(ctx.fleet, host.key);
  const entry = firstMatchingHostEntry(ctx.fleet, host.key, x.request, ctx.view.machine, skew, x.at);
  if (entry) return { entry, hostName: host.name };
  if (!span || span.first > x.at + skew || span.last < x.at) {
    return { hostName: host.name, collect: collectKmsLog(host.name, from, to), note: msg('walk.note.no-host-log-for-time', { host: host.name }) };
  }
  if (x.response) {
    return {
      hostName: host.name,
      collect: collectKmsLog(host.name, from, to),
      note: msg('walk.note.answered-but-unlogged', { host: host.name }),
    };
  }
  return { hostName: host.name, collect: collectKmsLog(host.name, from, to), note: msg('walk.note.host-logged-nothing', { host: host.name, at: time(x.at) }) };
}

export const KMS_CLIENT_STEPS: StepDef[] = [
  {
    id: 'kms-client/activated',
    symptom: true,
    rules: ['kms-client/not-activated'],
    decide: (ctx) => {
      const ok = ctx.fired.get('kms-client/activated');
      if (ok) return pass(ok.evidence, msg('walk.note.licensed'));
      return unknown(collectSlmgr(ctx.view.name, '/dli'), msg('walk.note.no-license-state-any'));
    },
  },
  {
    id: 'kms-client/threshold',
    rules: ['kms-client/count-below-threshold', 'kms-host/count-below-threshold'],
    decide: (ctx) => {
      // Only a response the host answered carries its count; a failed exchange's 0 is no count.
      const answered = ctx.view.recentExchanges().filter((x) => x.response && responseCount(x.response) !== undefined);
      const x = answered[answered.length - 1];
      if (x?.response) {
        const need = x.request.requiredCount ?? editionOf(x.request)?.threshold;
        return pass(
          [evidenceOf(x.response)],
          need !== undefined ? msg('walk.note.count-need', { count: responseCount(x.response), need }) : msg('walk.note.count', { count: responseCount(x.response) }),
        );
      }
      if (ctx.fired.has('kms-client/activated')) return pass(ctx.fired.get('kms-client/activated')?.evidence ?? [], msg('walk.note.activated-count-met'));
      const kmsHost = latest(ctx)?.request.host || msg('common.the-kms-host');
      return unknown(msg('walk.collect.dli-or-log', { host: kmsHost, cmd: CMD.dli, log: collectAppLog(ctx.view.name, '12288/12289', true) }), msg('walk.note.no-count-12289'));
    },
  },
  {
    id: 'kms-client/response-result',
    symptom: true,
    decide: (ctx) => {
      const answered = ctx.view.recentExchanges().filter((x) => x.response);
      const bad = answered.filter((x) => x.response && x.response.result !== '0x00000000');
      if (bad.length) return { status: 'fail', evidence: bad.map((x) => evidenceOf(x.response!)), note: msg('walk.note.result', { codes: list([...new Set(bad.map((x) => x.response!.result))]) }) };
      const x = answered[answered.length - 1];
      if (x?.response) return pass([evidenceOf(x.response)], msg('walk.note.result-ok'));
      return unknown(msg('walk.collect.ato-and-log', { machine: ctx.view.name, cmd: CMD.ato }), msg('walk.note.no-12289'));
    },
  },
  {
    id: 'kms-client/host-and-port',
    rules: ['kms-client/host-is-self', 'kms-client/host-mismatch', 'dns/srv-port-mismatch'],
    decide: (ctx) => {
      const x = latest(ctx);
      if (!x) {
        // slmgr /dlv names the host the client is set to (registered or found in DNS) when no 12288 does.
        const named = ctx.view.licenses('kms-client').some((l) => l.kmsClient?.kmsName) || ctx.view.facts('kms-host-set').length > 0;
        const collect = named
          ? collectAppLog(ctx.view.name, '12288')
          : msg('walk.collect.dlv-kms-name-or-log', { machine: ctx.view.name, cmd: CMD.dlv, log: collectAppLog(ctx.view.name, '12288', true) });
        return unknown(collect, msg('walk.note.no-12288-host'));
      }
      const host = hostMachine(ctx.fleet, x.request.host);
      if (host?.roles.includes('kms-host')) {
        const listen = listeningPort(host);
        return pass([evidenceOf(x.request)], msg('walk.note.is-host', { target: `${x.request.host}:${x.request.port ?? '?'}`, host: host.name, port: listen.port }));
      }
      return unknown(
        msg('walk.collect.dlv-host', { host: x.request.host, cmd: CMD.dlv }),
        kmsHosts(ctx.fleet).length ? msg('walk.note.host-not-in-snapshot', { host: x.request.host }) : msg('walk.note.no-host-to-compare'),
        [evidenceOf(x.request)],
      );
    },
  },
  {
    id: 'kms-client/dns-discovery',
    rules: ['kms-client/dns-lookup-failed', 'dns/srv-missing'],
    decide: (ctx) => {
      const answered = srvLookups(ctx.view).filter((l) => l.outcome === 'answer');
      if (answered.length) {
        const targets = [...new Set(answered.flatMap((l) => l.records.map((r) => `${r.target}:${r.port}`)))];
        return pass(answered.map((l) => evidenceOf(l)), msg('walk.note.srv-answers', { targets: list(targets) }));
      }
      const x = latest(ctx);
      if (x?.request.host) return pass([evidenceOf(x.request)], msg('walk.note.found-host', { host: x.request.host }));
      const domain = dnsDomainOf(ctx.view.name) ?? '<domain>';
      return unknown(msg('walk.collect.srv-and-dli', { machine: ctx.view.name, cmdSrv: CMD.srvLookup(domain), cmd: CMD.dli, cmdResolve: `Resolve-DnsName -Type SRV _vlmcs._tcp.${domain}` }), msg('walk.note.no-request-or-lookup'));
    },
  },
  {
    id: 'kms-client/host-reachable',
    rules: ['network/port-blocked', 'kms-client/no-response'],
    decide: (ctx) => {
      const open = latestPortChecks(ctx.view).filter((c) => c.outcome === 'open');
      if (open.length) return pass(open.map((c) => evidenceOf(c)), msg('walk.note.port-open', { targets: list(open.map((c) => `${c.host}:${c.port}`)) }));
      const x = latest(ctx);
      if (x?.response) return pass([evidenceOf(x.request), evidenceOf(x.response)], msg('walk.note.response-followed', { host: x.request.host }));
      if (ctx.fired.has('kms-client/activated') && !x) return pass(ctx.fired.get('kms-client/activated')?.evidence ?? [], msg('walk.note.client-activated'));
      const host = x?.request.host || srvTargets(ctx.view)[0]?.record.target || '<kms-host>';
      const port = x?.request.port ?? srvTargets(ctx.view)[0]?.record.port ?? 1688;
      return unknown(
        msg('walk.collect.log-or-port-test', { log: collectAppLog(ctx.view.name, '12288/12289'), cmd: `Test-NetConnection ${host} -Port ${port}`, machine: ctx.view.name }),
        msg('walk.note.no-request-or-port-test'),
      );
    },
  },
  {
    id: 'kms-client/host-logged-request',
    rules: ['kms-client/not-seen-by-host'],
    decide: (ctx) => {
      const r = hostEntry(ctx);
      if (r.entry) return pass([evidenceOf(r.entry)], msg('walk.note.host-logged', { host: r.hostName ?? '?' }));
      return unknown(r.collect ?? collectKmsLog(r.hostName ?? '?'), r.note ?? msg('walk.note.host-log-unmatched'));
    },
  },
  {
    id: 'kms-client/time-skew',
    rules: ['kms-client/time-skew'],
    decide: (ctx) => {
      const r = hostEntry(ctx);
      const host = toMs(r.entry?.time);
      const client = toMs(r.entry?.clientTime);
      if (r.entry && host !== undefined && client !== undefined) {
        return pass([evidenceOf(r.entry)], msg('walk.note.clock-diff', { by: duration(host - client) }));
      }
      if (ctx.fired.has('kms-client/activated')) return pass(ctx.fired.get('kms-client/activated')?.evidence ?? [], msg('walk.note.clock-accepted'));
      return unknown(
        r.collect ?? collectKmsLog(r.hostName ?? '?'),
        r.note ? msg('walk.note.no-12290-clock-because', { why: r.note }) : msg('walk.note.no-12290-clock'),
      );
    },
  },
  {
    id: 'kms-client/volume-key',
    rules: ['kms-client/invalid-volume-key', 'oem/missing-bios-marker'],
    decide: (ctx) => {
      const x = latest(ctx);
      if (x) return pass([evidenceOf(x.response ?? x.request)], msg('walk.note.volume-key-ok'));
      if (ctx.fired.has('kms-client/activated')) return pass(ctx.fired.get('kms-client/activated')?.evidence ?? [], msg('walk.note.activated'));
      return unknown(collectAppLog(ctx.view.name, '12288/12289'), msg('walk.note.no-request-judge'));
    },
  },
  {
    id: 'kms-client/counted',
    rules: ['kms-host/duplicate-cmid'],
    decide: (ctx) => {
      if (!ctx.view.machine.cmids.length) return unknown(collectSlmgr(ctx.view.name, '/dli'), msg('walk.note.no-cmid'));
      const r = hostEntry(ctx);
      if (r.entry) return pass([evidenceOf(r.entry)], msg('walk.note.cmid-only-here', { cmid: r.entry.cmid }));
      return pass([], msg('walk.note.cmid-unshared', { cmids: list(ctx.view.machine.cmids) }));
    },
  },
  {
    id: 'kms-client/failover',
    rules: ['kms-client/static-host'],
    decide: (ctx) => {
      const fromDns = ctx.view.licenses('kms-client').find((l) => l.kmsClient?.kmsNameSource === 'dns');
      if (fromDns) {
        const name = fromDns.kmsClient?.kmsName;
        return pass([evidenceOf(fromDns)], name ? msg('walk.note.kms-name-dns', { name }) : msg('walk.note.dns-discovery-on'));
      }
      return unknown(collectSlmgr(ctx.view.name, '/dli'), msg('walk.note.only-dli'));
    },
  },
  {
    id: 'kms-client/expiry',
    symptom: true,
    rules: ['kms-client/activation-expiring'],
    decide: (ctx) => {
      const licensed = ctx.view.states('kms-client').filter((r) => r.state === 'Licensed' && r.minutes !== undefined);
      if (!licensed.length) return undefined;
      return pass(licensed.map((r) => evidenceOf(r.fact)), msg('walk.note.days-left', { days: ctx.options.expiryWarningDays }));
    },
  },
];
