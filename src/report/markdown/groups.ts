// "Likely shared causes", right after the summary: one numbered item per group (its sentence, when it began,
// and its machines, capped like the other lists).
import { joinMd, md, type Markdown } from '../escape.js';
import type { Speaker } from '../speaker.js';
import { groupOnsetText, groupText, type ShownGroup } from '../wording.js';

/** Machines named per group; the rest are counted. */
export const GROUP_MACHINES = 10;

export function renderGroups(groups: readonly ShownGroup[] | undefined, s: Speaker): Markdown | undefined {
  if (!groups || groups.length === 0) return undefined;
  const items = groups.map((g, i) => {
    const onset = groupOnsetText(g, s);
    const total = g.machinesTotal ?? g.machines.length;
    const names = g.machines.slice(0, GROUP_MACHINES).join(', ');
    const more = total > GROUP_MACHINES ? md` ${s.t('report.moreMachines', { n: { count: total - GROUP_MACHINES } })}` : md``;
    // Paragraphs of one list item: indented under its number, a blank line apart.
    const lines = [md`${i + 1}. ${groupText(g, s)}`];
    if (onset) lines.push(md`   ${onset}`);
    lines.push(md`   ${s.t('report.groupMachines')}: ${names}${more}`);
    return joinMd(lines, '\n\n');
  });
  return joinMd([md`## ${s.t('report.groups')}`, md``, md`${s.t('report.groupsIntro')}`, md``, joinMd(items, '\n\n')]);
}
