// The fleet views of the report (the guide's SCCM license reports, computed from a snapshot). These shapes
// are part of the JSON report contract (`fleet`), and the HTML charts draw from them.

/** 02A/02B: when volume activations or grace periods run out, grouped by time range. */
export type ExpiryRange = 'expired' | '0-7d' | '8-30d' | '31-60d' | '61-90d' | '>90d';

/** The product lines a snapshot's licenses belong to: a KMS host counts them apart. */
export type ProductLineName = 'Windows' | 'Office';

export interface ExpiringLicense {
  machine: string;
  product: string;
  /** Windows or Office: written when the snapshot holds Office (absent in Windows-only reports and older ones). */
  productLine?: ProductLineName;
  /** License status name ('Licensed', 'OOBGrace', …). */
  status: string;
  /** ISO time when the activation or grace period ends. */
  expires: string;
  minutesLeft: number;
  range: ExpiryRange;
  source: { file: string; line?: number; record?: number };
}

export interface ProductCount {
  edition: string;
  family: string;
  /** Windows or Office, when the licenses say. */
  productLine?: ProductLineName;
  /** Key channel: VOLUME_KMSCLIENT, VOLUME_MAK, … */
  channel: string;
  machines: number;
  licensed: number;
}

/** 'enabled': slmgr /dlv says publishing is on, and no 12293/12294 says whether it worked. */
export type DnsPublishing = 'ok' | 'failed' | 'disabled' | 'enabled' | 'unknown';

export interface KmsHostView {
  name: string;
  /** From slmgr /dlv, else distinct CMIDs in its 12290s over the 30 days before now. */
  currentCount?: number;
  currentCountSource: 'slmgr' | '12290' | 'unknown';
  /** Distinct client CMIDs seen in the host's 12290 log. */
  clientsSeen: number;
  /** The highest count any client asked for (25 when a client OS asked, else 5). */
  requiredCount?: number;
  /** ISO time of the newest 12290. */
  lastActivity?: string;
  dnsPublishing: DnsPublishing;
  /** 12290 requests per UTC day, oldest first. */
  requestsPerDay: Array<{ day: string; requests: number; failed: number }>;
  /**
   * Windows and Office counted apart, when the host serves Office (its Office KMS host product, or Office requests
   * in its 12290 log); the fields above are then the Windows line's. Absent for Windows-only hosts.
   */
  products?: KmsHostProductCount[];
  /** Clients in the host's 12290 log that are not machines of the snapshot: every one (text reports cap them). Absent in reports of older versions. */
  clientsNotInSnapshot?: AbsentClient[];
  /** How many there were when a report kept only the newest (JSON: 200 per host unless `--evidence all`). */
  clientsNotInSnapshotTotal?: number;
}

/** One product line of a KMS host: its count (stated by the host, else distinct CMIDs over 30 days) and what its clients need. */
export interface KmsHostProductCount {
  product: ProductLineName;
  currentCount?: number;
  currentCountSource: 'slmgr' | 'wmi' | '12290' | 'unknown';
  clientsSeen: number;
  /** Windows: the highest count a client asked for (25 or 5). Office: 5. */
  requiredCount?: number;
}

/** A client a KMS host logged (12290) whose own exports the snapshot lacks. Name and CMID are as the client sent them. */
export interface AbsentClient {
  name: string;
  cmid: string;
  /** ISO time of its newest 12290 on this host. */
  lastRequest: string;
  /** Result code of that 12290. */
  lastResult: string;
  requests: number;
}

export interface FleetViews {
  /** 03A/03B: machines by license status (a machine counts once per product). */
  statusCounts: Record<string, number>;
  /** 03A per product line, written when the snapshot holds Office (absent in Windows-only reports and older ones). */
  statusCountsByProduct?: Partial<Record<ProductLineName, Record<string, number>>>;
  /** 02A/02B. */
  expiring: ExpiringLicense[];
  expiringByRange: Record<ExpiryRange, number>;
  /** 04A/04B. */
  products: ProductCount[];
  /** 05A. */
  kmsHosts: KmsHostView[];
  duplicateCmids: Array<{ cmid: string; names: string[] }>;
  /** KMS clients whose requests no host in the snapshot logged (only when the host's log is present). */
  unseenClients: Array<{ machine: string; host: string }>;
}
