// "Likely shared causes": groups of failing machines that share something (a KMS host, a CMID, a DNS domain,
// a subnet, a product, a build, an error code, the time their failures began). These shapes are part of the
// JSON report contract (`groups`); the sentences are catalog messages, rendered by the reporters.
import type { MessageRef } from '../../types.js';

/** What the machines of a group share, most specific first (the order ranks groups that explain the same machines). */
export const ATTRIBUTE_KINDS = ['cmid', 'host', 'dns-suffix', 'subnet', 'product', 'build', 'code', 'onset'] as const;
export type AttributeKind = (typeof ATTRIBUTE_KINDS)[number];

export interface SharedAttribute {
  kind: AttributeKind;
  /** As compared: a host's display name, a CMID, a DNS suffix, `10.1.2.0/24`, `Windows Server: Windows Server 2022 Datacenter`, … */
  value: string;
}

/**
 * How many failing machines of one rule the group holds, of all that rule's failing machines. A finding that
 * follows from another on its machine (its `cause`) counts under that cause's rule, and is listed in `follows`.
 */
export interface GroupRule {
  rule: string;
  machines: number;
  of: number;
  /** Rules whose findings on these machines follow from this one (how many machines each), the most first. */
  follows?: Array<{ rule: string; machines: number }>;
}

/** The KMS host a group's machines ask, as the snapshot shows it. */
export interface GroupHostState {
  name: string;
  /** False when no export of the host is in the snapshot. */
  inSnapshot: boolean;
  /** ISO time of its newest 12290 (absent: its Key Management Service log is not in the snapshot or empty). */
  lastRequest?: string;
  /** Hours from that 12290 to the newest record of the snapshot. */
  hoursBeforeNewest?: number;
  currentCount?: number;
  requiredCount?: number;
  /** Rules that fired on the host itself (error or warning). */
  findings: string[];
}

export type OnsetChangeKind = 'host-last-request' | 'dns-publish-failed' | 'online-activation-failed' | 'count-below-threshold';

/** Something else the snapshot shows changing around the group's onset. */
export interface OnsetChange {
  kind: OnsetChangeKind;
  /** The machine whose log shows it (a host; for 8198s the first of the machines). */
  machine: string;
  /** ISO time (the first one, for several events). */
  time: string;
  /** How many events or machines (8198s); the count the host fell to (count-below-threshold). */
  count?: number;
  /** The count needed (count-below-threshold); the code (dns-publish-failed, online-activation-failed). */
  required?: number;
  code?: string;
}

/** When the group's trouble began: the first failure after the last success any of its machines had. */
export interface GroupOnset {
  /** ISO time of the newest success among the group's machines (absent: none succeeded in the snapshot). */
  lastSuccess?: string;
  /** ISO time of the first failure after it. */
  firstFailure?: string;
  changes: OnsetChange[];
}

export interface FleetGroup {
  /** `kind:value` of what the group shares first. */
  id: string;
  /** What the machines share: the first is the group's reason, the rest hold for exactly the same machines. */
  shared: SharedAttribute[];
  /** The rules (or, where the diagnosis names them, the likely causes) whose failing machines the group explains. */
  rules: GroupRule[];
  /** Machine display names, sorted. */
  machines: string[];
  /** Healthy machines (no error or warning) that share the first attribute, of those whose value is known. */
  healthy: { sharing: number; of: number };
  host?: GroupHostState;
  onset: GroupOnset;
  /** The group in one sentence, with its evidence. */
  message: MessageRef;
  /** When it began and what else changed then. */
  onsetMessage?: MessageRef;
}

export interface GroupOptions {
  /** Smallest group reported (default 3). */
  min: number;
  /** Share of a rule's failing machines (still unexplained) that must share the attribute (default 0.8). */
  share: number;
  /** Healthy machines that share it must stay under this share (default 0.5). */
  healthyShare: number;
}

export const DEFAULT_GROUP_OPTIONS: GroupOptions = { min: 3, share: 0.8, healthyShare: 0.5 };
