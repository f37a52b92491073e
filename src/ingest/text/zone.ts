// The --tz option as readers see it: parsed once per file; an unknown zone is reported, never fatal.
import type { ReaderContext, ReaderItem } from '../../types.js';
import { parseTimeZone, type TimeZone } from './local-time.js';

export interface ZoneChoice {
  zone?: TimeZone;
  /** A rejection to yield first when the user's zone could not be read. */
  problem?: ReaderItem;
}

export function zoneFor(ctx: ReaderContext): ZoneChoice {
  if (!ctx.tz) return {};
  const zone = parseTimeZone(ctx.tz);
  if (zone) return { zone };
  return {
    problem: {
      kind: 'rejected',
      rejection: {
        where: 'option --tz',
        reason: `unknown time zone ${JSON.stringify(ctx.tz)} (use an IANA name like Asia/Tokyo or ±HH:MM); local times are read as UTC`,
      },
    },
  };
}
