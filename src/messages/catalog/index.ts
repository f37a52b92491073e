// The messages of every layer but the rules, by id. One file per area; ids are unique across all of them.
// Each rule's own words sit in its file (src/diagnose/rules); src/report/speaker.ts joins the two.
import { CLI } from './cli.js';
import { COMMON } from './common.js';
import { DIAGNOSE } from './diagnose.js';
import { EVIDENCE } from './evidence.js';
import { GROUPS } from './groups.js';
import { TIMELINE } from './timeline.js';
import { REPORT } from './report.js';
import { WALK } from './walk.js';

export const CATALOG = {
  ...COMMON,
  ...DIAGNOSE,
  ...WALK,
  ...EVIDENCE,
  ...REPORT,
  ...GROUPS,
  ...TIMELINE,
  ...CLI,
};

/** The parts the catalog is made of, for the test that ids do not collide across files. */
export const CATALOG_PARTS = { COMMON, DIAGNOSE, WALK, EVIDENCE, REPORT, GROUPS, TIMELINE, CLI };

export type MessageId = keyof typeof CATALOG;
