// "name[:port]" and "IP[:port]" as the user types them (IPv6 in brackets: "[fd00::5]:53").
import { isIP } from 'node:net';

export interface Endpoint {
  host: string;
  port: number;
}

export class EndpointError extends Error {}

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
  if (!/^[A-Za-z0-9._:-]+$/.test(host) || host === '') throw new EndpointError(`${what} expects name[:port] or IP[:port], found ${JSON.stringify(text)}`);
  const port = portText === undefined ? defaultPort : Number(portText);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new EndpointError(`${what}: port must be 1..65535, found ${JSON.stringify(portText)}`);
  return { host, port };
}
