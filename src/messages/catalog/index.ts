// Every message volact shows a person, by id. One file per area; ids are unique across all of them.
import { CLI } from './cli.js';
import { COMMON } from './common.js';
import { EVIDENCE } from './evidence.js';
import { REPORT } from './report.js';
import { RULES_KMS_CLIENT } from './rules-kms-client.js';
import { RULES_KMS_HOST } from './rules-kms-host.js';
import { RULES_NETWORK } from './rules-network.js';
import { RULES_OTHER } from './rules-other.js';
import { WALK } from './walk.js';

export const CATALOG = {
  ...COMMON,
  ...RULES_KMS_CLIENT,
  ...RULES_KMS_HOST,
  ...RULES_OTHER,
  ...RULES_NETWORK,
  ...WALK,
  ...EVIDENCE,
  ...REPORT,
  ...CLI,
};

/** The parts the catalog is made of, for the test that ids do not collide across files. */
export const CATALOG_PARTS = { COMMON, RULES_KMS_CLIENT, RULES_KMS_HOST, RULES_OTHER, RULES_NETWORK, WALK, EVIDENCE, REPORT, CLI };

export type MessageId = keyof typeof CATALOG;
