// The fleet views (the guide's SCCM license reports) and the findings that belong to no single machine.
import type { ExpiryRange, FleetViews, KmsHostView } from '../../fleet/index.js';
import { codeSpan, md, type Markdown } from '../escape.js';
import { MESSAGES, type Speaker } from '../speaker.js';
import type { ShownFinding } from '../wording.js';
import { header, sortFindings, table, type Ctx } from './common.js';
import { renderFinding } from './findings.js';

/** Rows shown per table; the JSON report always has all of them. */
const FLEET_ROWS = 100;
/** Clients a host saw outside the snapshot, per host: a busy host serves thousands. */
const ABSENT_CLIENT_ROWS = 20;
const SOON: ReadonlySet<ExpiryRange> = new Set(['expired', '0-7d', '8-30d']);

export function renderFleet(views: FleetViews | undefined, findings: readonly ShownFinding[], ctx: Ctx): Markdown[] {
  const fleetFindings = sortFindings(findings.filter((f) => !f.machine));
  const sections = views ? renderFleetViews(views, ctx.s) : [];
  if (sections.length === 0 && fleetFindings.length === 0) return [];
  const parts: Markdown[] = [md`## ${ctx.s.t('report.fleet')}`, ...sections];
  if (fleetFindings.length > 0) parts.push(md`### ${ctx.s.t('report.fleetFindings')}`);
  for (const f of fleetFindings) parts.push(renderFinding(f, ctx));
  return parts;
}

/** One Markdown table per view, or nothing for a view with no rows. */
function renderFleetViews(views: FleetViews, s: Speaker): Markdown[] {
  const out: Markdown[] = [];
  const statuses = Object.entries(views.statusCounts);
  if (statuses.length > 0) {
    out.push(table(s, md`### ${s.t('report.statusView')}`, header(s, 'report.statusHead', 2), md`|---|---:|`, statuses.map(([status, n]) => md`| ${status} | ${n} |`)));
  }
  // Office beside Windows, when the snapshot holds Office.
  const byProduct = views.statusCountsByProduct;
  if (byProduct) {
    const rows = statuses.map(([status]) => md`| ${status} | ${byProduct.Windows?.[status] ?? 0} | ${byProduct.Office?.[status] ?? 0} |`);
    out.push(table(s, md`### ${s.t('report.statusByProductView')}`, header(s, 'report.statusByProductHead', 3), md`|---|---:|---:|`, rows));
  }
  const ranges = (Object.entries(views.expiringByRange) as [ExpiryRange, number][]).filter(([, n]) => n > 0);
  if (ranges.length > 0) {
    out.push(table(s, md`### ${s.t('report.rangeView')}`, header(s, 'report.rangeHead', 2), md`|---|---:|`, ranges.map(([r, n]) => md`| ${s.t(`report.ranges.${r}`)} | ${n} |`)));
  }
  const soon = views.expiring.filter((e) => SOON.has(e.range));
  if (soon.length > 0) {
    const rows = soon.slice(0, FLEET_ROWS).map((e) => md`| ${e.machine} | ${e.product} | ${e.status} | ${e.expires} | ${timeLeft(e.minutesLeft, s)} |`);
    out.push(table(s, md`### ${s.t('report.soonView')}`, header(s, 'report.soonHead', 5), md`|---|---|---|---|---:|`, rows, soon.length));
  }
  if (views.products.length > 0) {
    const rows = views.products.slice(0, FLEET_ROWS).map((p) => md`| ${p.edition} | ${p.family} | ${p.channel} | ${p.machines} | ${p.licensed} |`);
    out.push(table(s, md`### ${s.t('report.productsView')}`, header(s, 'report.productsHead', 5), md`|---|---|---|---:|---:|`, rows, views.products.length));
  }
  if (views.kmsHosts.length > 0) {
    const rows = views.kmsHosts.map(
      (h) => md`| ${h.name} | ${countText(h, s)} | ${h.requiredCount ?? '?'} | ${h.clientsSeen} | ${h.lastActivity ?? s.t('report.noneLogged')} | ${dnsText(h, s)} |`,
    );
    out.push(table(s, md`### ${s.t('report.hostsView')}`, header(s, 'report.hostsHead', 6), md`|---|---:|---:|---:|---|---|`, rows));
  }
  for (const h of views.kmsHosts) {
    // Names and CMIDs here are what clients sent: input, escaped like every other value.
    const absent = h.clientsNotInSnapshot ?? [];
    if (absent.length === 0) continue;
    const rows = absent.slice(0, ABSENT_CLIENT_ROWS).map((c) => md`| ${c.name} | ${codeSpan(c.cmid)} | ${c.lastRequest} | ${c.lastResult} | ${c.requests} |`);
    const title = md`### ${s.t('report.absentClientsView', { host: h.name })}`;
    out.push(table(s, title, header(s, 'report.absentClientsHead', 5), md`|---|---|---|---|---:|`, rows, h.clientsNotInSnapshotTotal ?? absent.length));
  }
  if (views.duplicateCmids.length > 0) {
    const rows = views.duplicateCmids.slice(0, FLEET_ROWS).map((d) => md`| ${codeSpan(d.cmid)} | ${d.names.join(', ')} |`);
    out.push(table(s, md`### ${s.t('report.duplicatesView')}`, header(s, 'report.duplicatesHead', 2), md`|---|---|`, rows, views.duplicateCmids.length));
  }
  if (views.unseenClients.length > 0) {
    const rows = views.unseenClients.slice(0, FLEET_ROWS).map((u) => md`| ${u.machine} | ${u.host} |`);
    out.push(table(s, md`### ${s.t('report.unseenView')}`, header(s, 'report.unseenHead', 2), md`|---|---|`, rows, views.unseenClients.length));
  }
  return out;
}

function countText(host: KmsHostView, s: Speaker): Markdown {
  const windows = host.currentCount === undefined ? md`?` : host.currentCountSource === '12290' ? md`${host.currentCount} (${s.t('report.from12290')})` : md`${host.currentCount}`;
  // A host that serves Office counts it apart: its Office count sits beside the Windows one.
  const office = host.products?.find((p) => p.product === 'Office');
  if (!office) return windows;
  const count = office.currentCount === undefined ? '?' : office.currentCountSource === '12290' ? `${office.currentCount} (${s.t('report.from12290')})` : String(office.currentCount);
  return md`${windows} · ${s.t('report.officeCount', { count })}`;
}

/** How a KMS host stands with DNS publishing; a state an older report wrote that we no longer name, as it is. */
function dnsText(host: KmsHostView, s: Speaker): string {
  const id = `report.dns.${host.dnsPublishing}`;
  return MESSAGES.has(id) ? s.say({ id }) : host.dnsPublishing;
}

/** "3 d", "5 h", "12 min", "2 d ago". */
function timeLeft(minutes: number, s: Speaker): string {
  const abs = Math.abs(minutes);
  const text =
    abs >= 2 * 24 * 60
      ? s.t('report.timeLeft.days', { n: { count: Math.floor(abs / (24 * 60)) } })
      : abs >= 60
        ? s.t('report.timeLeft.hours', { n: { count: Math.floor(abs / 60) } })
        : s.t('report.timeLeft.minutes', { n: { count: abs } });
  return minutes < 0 ? s.t('report.timeLeft.ago', { text }) : text;
}
