// The KMS lines of an ospp.vbs /dstatus block: the activation type, the host found through DNS or set by /sethst
// (the registry override), the intervals, host caching and the lookup domain → the product's KMS client settings.
import type { KmsClientInfo } from './facts.js';
import { parseHostPort } from './fields.js';

type HostPort = { host: string; port?: number };

export class OsppKmsLines {
  private kms?: KmsClientInfo;
  private registryHost?: HostPort;
  private dnsHost?: HostPort;

  /** Takes one line if it is a KMS line: true when taken; a value it cannot read goes to `problem`. */
  take(key: string, rest: string, problem: (what: string) => void): boolean {
    const kms = (): KmsClientInfo => (this.kms ??= { kmsNameSource: 'unknown' });
    switch (key) {
      case 'activationType':
        kms().activationType = rest;
        return true;
      case 'kmsDnsUnavailable':
        kms();
        return true;
      case 'kmsFromDns':
      case 'kmsRegistryOverride': {
        const hp = parseHostPort(rest);
        if (!hp) {
          problem(`KMS host ${JSON.stringify(rest)} is not host:port`);
          return true;
        }
        kms();
        if (key === 'kmsFromDns') this.dnsHost = hp;
        else this.registryHost = hp;
        return true;
      }
      case 'activationInterval':
      case 'renewalInterval': {
        const n = /^(\d+)\s*minutes?$/i.exec(rest);
        if (n) kms()[key] = Number(n[1]);
        else problem(`${key === 'activationInterval' ? 'activation' : 'renewal'} interval ${JSON.stringify(rest)} is not minutes`);
        return true;
      }
      case 'hostCaching':
        if (/^enabled$/i.test(rest)) kms().hostCaching = true;
        else if (/^disabled$/i.test(rest)) kms().hostCaching = false;
        else problem(`KMS host caching ${JSON.stringify(rest)} is neither Enabled nor Disabled`);
        return true;
      case 'kmsLookupDomain':
        kms().lookupDomain = rest;
        return true;
      default:
        return false;
    }
  }

  /** The KMS client settings the lines gave, if any. */
  info(): KmsClientInfo | undefined {
    if (!this.kms) return undefined;
    const out: KmsClientInfo = { ...this.kms };
    // /sethst writes the registry override: that host is used, and DNS discovery is not.
    const host = this.registryHost ?? this.dnsHost;
    if (host) {
      out.kmsName = host.host;
      if (host.port !== undefined) out.kmsPort = host.port;
    }
    out.kmsNameSource = this.registryHost ? 'registered' : 'dns';
    return out;
  }
}
