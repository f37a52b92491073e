// --group-min and --group-share, shared by `analyze` and `check`: how failing machines are grouped into likely
// shared causes (src/fleet/groups).
import type { Command } from 'commander';
import { DEFAULT_GROUP_OPTIONS, type GroupOptions } from '../fleet/index.js';
import { msg } from '../messages/index.js';
import { UsageError } from './output.js';

export interface GroupFlags {
  groupMin?: string;
  groupShare?: string;
}

export function addGroupOptions(command: Command): Command {
  return command
    .option('--group-min <n>', `smallest group of failing machines reported as a likely shared cause (default ${DEFAULT_GROUP_OPTIONS.min}; 0 groups nothing)`)
    .option('--group-share <p>', `share of a rule's failing machines that must share what a group names: 0.8 or 80% (default ${DEFAULT_GROUP_OPTIONS.share * 100}%)`);
}

/** The grouping the flags ask for; false when `--group-min 0` turns it off. */
export function groupOptionsFrom(flags: GroupFlags): Partial<GroupOptions> | false {
  const out: Partial<GroupOptions> = {};
  if (flags.groupMin !== undefined) {
    const n = Number(flags.groupMin);
    if (!Number.isInteger(n) || n < 0) throw new UsageError(msg('cli.expects-group-min', { found: JSON.stringify(flags.groupMin) }));
    if (n === 0) return false;
    out.min = n;
  }
  if (flags.groupShare !== undefined) {
    const share = parseShare(flags.groupShare);
    if (share === undefined) throw new UsageError(msg('cli.expects-group-share', { found: JSON.stringify(flags.groupShare) }));
    out.share = share;
  }
  return out;
}

/** 0.8, 80% or 80 (a number above 1 is a percentage). */
function parseShare(value: string): number | undefined {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(%?)\s*$/.exec(value);
  if (!m) return undefined;
  const n = Number(m[1]);
  const share = m[2] || n > 1 ? n / 100 : n;
  return share > 0 && share <= 1 ? share : undefined;
}
