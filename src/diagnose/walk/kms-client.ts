// Table 2 of the guide, as questions about one KMS client, in the guide's order.
import { evidenceOf } from '../evidence.js';
import { hostLogSpan, hostMachine, kmsHosts, listeningPort, matchingHostEntries } from '../fleet-queries.js';
import { latestPortChecks, srvLookups, srvTargets } from '../network-queries.js';
import { editionOf } from '../remedies.js';
import { dnsDomainOf } from '../rule-helpers.js';
import { HOUR, toMs, formatDuration, formatUtc } from '../time.js';
import type { Exchange } from '../machine-view.js';
import { collectAppLog, collectKmsLog, collectSlmgr, failIf, pass, unknown, type StepDef, type WalkContext } from './step.js';
import { responseCount, type KmsHostRequestFact } from '../../decode/index.js';

function latest(ctx: WalkContext): Exchange | undefined {
  const recent = ctx.view.recentExchanges();
  return recent[recent.length - 1];
}

/** The host's 12290 answering the newest request, or why it cannot be looked up. */
function hostEntry(ctx: WalkContext): { entry?: KmsHostRequestFact; hostName?: string; collect?: string; note?: string } {
  const x = latest(ctx);
  if (!x) return { collect: collectAppLog(ctx.view.name, '12288/12289'), note: 'No 12288 from this client in the snapshot.' };
  const skew = ctx.options.skewHours * HOUR;
  const window = [x.at - skew, x.at + skew] as const;
  const host = hostMachine(ctx.fleet, x.request.host);
  if (!host) return { hostName: x.request.host, collect: collectKmsLog(x.request.host, ...window), note: `${x.request.host} is not in the snapshot.` };
  const span = hostLogSpan(ctx.fleet, host.key);
  const entry = matchingHostEntries(ctx.fleet, host.key, x.request, ctx.view.machine, skew, x.at)[0];
  if (entry) return { entry, hostName: host.name };
  if (!span || span.first > x.at + skew || span.last < x.at) {
    return { hostName: host.name, collect: collectKmsLog(host.name, ...window), note: `The snapshot holds no Key Management Service log of ${host.name} for the time of the request.` };
  }
  if (x.response) {
    return {
      hostName: host.name,
      collect: collectKmsLog(host.name, ...window),
      note: `The client got a 12289, yet ${host.name}'s log has no 12290 for it: another machine may answer under that name, or the exported log is incomplete.`,
    };
  }
  return { hostName: host.name, collect: collectKmsLog(host.name, ...window), note: `${host.name} logged nothing for this client around ${formatUtc(x.at)}.` };
}

export const KMS_CLIENT_STEPS: StepDef[] = [
  {
    id: 'kms-client/activated',
    step: 'Is the KMS client activated?',
    decide: (ctx) => {
      const fail = failIf(ctx, ['kms-client/not-activated']);
      if (fail) return fail;
      const ok = ctx.fired.get('kms-client/activated');
      if (ok) return pass(ok.evidence, 'Licensed.');
      return unknown(collectSlmgr(ctx.view.name, '/dli'), 'No slmgr output or event tells the license state.');
    },
  },
  {
    id: 'kms-client/threshold',
    step: 'Is the KMS activation threshold met (25 for client OS, 5 for servers)?',
    decide: (ctx) => {
      const fail = failIf(ctx, ['kms-client/count-below-threshold', 'kms-host/count-below-threshold']);
      if (fail) return fail;
      // Only a response the host answered carries its count; a failed exchange's 0 is no count.
      const answered = ctx.view.recentExchanges().filter((x) => x.response && responseCount(x.response) !== undefined);
      const x = answered[answered.length - 1];
      if (x?.response) {
        const need = x.request.requiredCount ?? editionOf(x.request)?.threshold;
        return pass([evidenceOf(x.response)], `The host reported count ${responseCount(x.response)}${need !== undefined ? `; this client needs ${need}` : ''}.`);
      }
      if (ctx.fired.has('kms-client/activated')) return pass(ctx.fired.get('kms-client/activated')?.evidence ?? [], 'The client is activated, so the count was met.');
      const kmsHost = latest(ctx)?.request.host || 'the KMS host';
      return unknown(`Run "slmgr.vbs /dli" on ${kmsHost} and save its output ("Current count"); or ${collectAppLog(ctx.view.name, '12288/12289').replace(/^Export/, 'export')}`, 'No 12289 tells the host count.');
    },
  },
  {
    id: 'kms-client/response-result',
    step: 'Does event 12289 report result 0?',
    decide: (ctx) => {
      const answered = ctx.view.recentExchanges().filter((x) => x.response);
      const bad = answered.filter((x) => x.response && x.response.result !== '0x00000000');
      if (bad.length) return { status: 'fail', evidence: bad.map((x) => evidenceOf(x.response!)), note: `12289 result ${[...new Set(bad.map((x) => x.response!.result))].join(', ')}.` };
      const x = answered[answered.length - 1];
      if (x?.response) return pass([evidenceOf(x.response)], '12289 result 0x00000000.');
      return unknown(`Run "slmgr.vbs /ato" on ${ctx.view.name}, then export its Application log (Microsoft-Windows-Security-SPP events 12288/12289).`, 'No 12289 in the snapshot for the current requests.');
    },
  },
  {
    id: 'kms-client/host-and-port',
    step: 'Are the KMS host name and port in 12288 right?',
    decide: (ctx) => {
      const fail = failIf(ctx, ['kms-client/host-mismatch', 'dns/srv-port-mismatch']);
      if (fail) return fail;
      const x = latest(ctx);
      if (!x) return unknown(collectAppLog(ctx.view.name, '12288'), 'No 12288 names the host this client uses.');
      const host = hostMachine(ctx.fleet, x.request.host);
      if (host?.roles.includes('kms-host')) {
        const listen = listeningPort(host);
        return pass([evidenceOf(x.request)], `${x.request.host}:${x.request.port ?? '?'} is the KMS host ${host.name}, listening on ${listen.port}.`);
      }
      const hosts = kmsHosts(ctx.fleet).map((h) => h.name);
      return unknown(
        `Run "slmgr.vbs /dlv" on ${x.request.host} and save its output (it shows whether it is a KMS host and its listening port).`,
        hosts.length ? `${x.request.host} is not in the snapshot.` : 'The snapshot holds no KMS host to compare with.',
        [evidenceOf(x.request)],
      );
    },
  },
  {
    id: 'kms-client/dns-discovery',
    step: 'Can the client find a KMS host (DNS SRV _vlmcs._tcp or a set name)?',
    decide: (ctx) => {
      const fail = failIf(ctx, ['kms-client/dns-lookup-failed', 'dns/srv-missing']);
      if (fail) return fail;
      const answered = srvLookups(ctx.view).filter((l) => l.outcome === 'answer');
      if (answered.length) {
        const targets = [...new Set(answered.flatMap((l) => l.records.map((r) => `${r.target}:${r.port}`)))];
        return pass(answered.map((l) => evidenceOf(l)), `DNS answers _vlmcs._tcp with ${targets.join(', ')}.`);
      }
      const x = latest(ctx);
      if (x?.request.host) return pass([evidenceOf(x.request)], `The client found ${x.request.host}.`);
      const domain = dnsDomainOf(ctx.view.name) ?? '<domain>';
      return unknown(
        `Run "nslookup -type=srv _vlmcs._tcp.${domain}" and "slmgr.vbs /dli" on ${ctx.view.name} and save both outputs (Resolve-DnsName -Type SRV _vlmcs._tcp.${domain} works too).`,
        'No request and no SRV lookup show which host the client found.',
      );
    },
  },
  {
    id: 'kms-client/host-reachable',
    step: 'Is the KMS host reachable on its port (a TCP test, or a 12289 for each 12288)?',
    decide: (ctx) => {
      const fail = failIf(ctx, ['network/port-blocked', 'kms-client/no-response']);
      if (fail) return fail;
      const open = latestPortChecks(ctx.view).filter((c) => c.outcome === 'open');
      if (open.length) return pass(open.map((c) => evidenceOf(c)), `TCP ${open.map((c) => `${c.host}:${c.port}`).join(', ')} accepted the connection.`);
      const x = latest(ctx);
      if (x?.response) return pass([evidenceOf(x.request), evidenceOf(x.response)], `12289 followed the 12288 to ${x.request.host}.`);
      if (ctx.fired.has('kms-client/activated') && !x) return pass(ctx.fired.get('kms-client/activated')?.evidence ?? [], 'The client is activated.');
      const host = x?.request.host || srvTargets(ctx.view)[0]?.record.target || '<kms-host>';
      const port = x?.request.port ?? srvTargets(ctx.view)[0]?.record.port ?? 1688;
      return unknown(
        `${collectAppLog(ctx.view.name, '12288/12289')} Or run "Test-NetConnection ${host} -Port ${port}" on ${ctx.view.name} and save its output.`,
        'No request from this client and no port test in the snapshot.',
      );
    },
  },
  {
    id: 'kms-client/host-logged-request',
    step: 'Did the KMS host log a 12290 for this client?',
    decide: (ctx) => {
      const fail = failIf(ctx, ['kms-client/not-seen-by-host']);
      if (fail) return fail;
      const r = hostEntry(ctx);
      if (r.entry) return pass([evidenceOf(r.entry)], `${r.hostName} logged the request.`);
      return unknown(r.collect ?? collectKmsLog(r.hostName ?? 'the KMS host'), r.note ?? 'The host log could not be matched.');
    },
  },
  {
    id: 'kms-client/time-skew',
    step: 'Are client and host clocks within 4 hours of each other?',
    decide: (ctx) => {
      const fail = failIf(ctx, ['kms-client/time-skew']);
      if (fail) return fail;
      const r = hostEntry(ctx);
      const host = toMs(r.entry?.time);
      const client = toMs(r.entry?.clientTime);
      if (r.entry && host !== undefined && client !== undefined) {
        return pass([evidenceOf(r.entry)], `Host time and client time in 12290 differ by ${formatDuration(host - client)}.`);
      }
      if (ctx.fired.has('kms-client/activated')) return pass(ctx.fired.get('kms-client/activated')?.evidence ?? [], 'The client is activated, so the host accepted its clock.');
      return unknown(r.collect ?? collectKmsLog(r.hostName ?? 'the KMS host'), `No 12290 for this client to compare the clocks with${r.note ? `: ${r.note}` : '.'}`);
    },
  },
  {
    id: 'kms-client/volume-key',
    step: 'Does the host accept the volume key (no 0xC004F035, BIOS marker present)?',
    decide: (ctx) => {
      const fail = failIf(ctx, ['kms-client/invalid-volume-key', 'oem/missing-bios-marker']);
      if (fail) return fail;
      const x = latest(ctx);
      if (x) return pass([evidenceOf(x.response ?? x.request)], 'No 0xC004F035 and no NOT_WINDOWS_SLP flag.');
      if (ctx.fired.has('kms-client/activated')) return pass(ctx.fired.get('kms-client/activated')?.evidence ?? [], 'Activated.');
      return unknown(collectAppLog(ctx.view.name, '12288/12289'), 'No request to judge from.');
    },
  },
  {
    id: 'kms-client/counted',
    step: 'Is the client added to the KMS count (its own CMID)?',
    decide: (ctx) => {
      const fail = failIf(ctx, ['kms-host/duplicate-cmid']);
      if (fail) return fail;
      if (!ctx.view.machine.cmids.length) return unknown(collectSlmgr(ctx.view.name, '/dli'), 'The client\'s CMID is not in the snapshot.');
      const r = hostEntry(ctx);
      if (r.entry) return pass([evidenceOf(r.entry)], `The host saw CMID ${r.entry.cmid} only from this machine.`);
      return pass([], `CMID ${ctx.view.machine.cmids.join(', ')} is used by no other machine of the snapshot.`);
    },
  },
  {
    id: 'kms-client/failover',
    step: 'Does the client find hosts through DNS (so it can fail over)?',
    decide: (ctx) => {
      const fail = failIf(ctx, ['kms-client/static-host']);
      if (fail) return fail;
      const fromDns = ctx.view.licenses('kms-client').find((l) => l.kmsClient?.kmsNameSource === 'dns');
      if (fromDns) return pass([evidenceOf(fromDns)], fromDns.kmsClient?.kmsName ? `KMS name from DNS: ${fromDns.kmsClient.kmsName}.` : 'DNS auto-discovery is on (no host found yet).');
      return unknown(collectSlmgr(ctx.view.name, '/dli'), 'Only slmgr /dli tells whether the host name came from DNS or was set with /skms.');
    },
  },
  {
    id: 'kms-client/expiry',
    step: 'Is the activation far from its 180-day end (renewals working)?',
    decide: (ctx) => {
      const fail = failIf(ctx, ['kms-client/activation-expiring']);
      if (fail) return fail;
      const licensed = ctx.view.states('kms-client').filter((r) => r.state === 'Licensed' && r.minutes !== undefined);
      if (!licensed.length) return undefined;
      return pass(licensed.map((r) => evidenceOf(r.fact)), `More than ${ctx.options.expiryWarningDays} days left.`);
    },
  },
];
