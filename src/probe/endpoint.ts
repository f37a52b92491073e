// "name[:port]" and "IP[:port]" as the user types them (IPv6 in brackets: "[fd00::5]:53").
import { isIP } from 'node:net';
import { english, msg, type MessageRef } from '../messages/index.js';

export interface Endpoint {
  host: string;
  port: number;
}

/** A --host or --dns-server value that is not name[:port] / IP[:port]; the message is a catalog message for the CLI. */
export class EndpointError extends Error {
  readonly ref: MessageRef;
  constructor(ref: MessageRef) {
    super(english(ref));
    this.ref = ref;
  }
}

export function parseEndpoint(text: string, defaultPort: number, what: string): Endpoint {
  const value = text.trim();
  let host = value;
  let portText: string | undefined;
  const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(value);
  if (bracketed) {
    host = bracketed[1] ?? '';
    portText = bracketed[2];
  } else if (isIP(value) !== 6) {
    const at = value.lastIndexOf(':');
    if (at >= 0) {
      host = value.slice(0, at);
      portText = value.slice(at + 1);
    }
  }
  if (!/^[A-Za-z0-9._:-]+$/.test(host) || host === '') throw new EndpointError(msg('cli.endpoint-expected', { what, found: JSON.stringify(text) }));
  const port = portText === undefined ? defaultPort : Number(portText);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new EndpointError(msg('cli.endpoint-port', { what, found: JSON.stringify(portText) }));
  return { host, port };
}
