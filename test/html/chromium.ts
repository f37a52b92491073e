// A small DevTools-protocol client over --remote-debugging-pipe (fd 3 in, fd 4 out, NUL-separated JSON), so
// the browser test needs neither a WebSocket nor an npm package. Test helper only: not part of volact.
import { spawn, type ChildProcess } from 'node:child_process';
import { accessSync, constants, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Readable, Writable } from 'node:stream';

const CANDIDATES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'];

/** The browser to drive: $CHROMIUM, else the first of the usual names on PATH. */
export function findChromium(): string | undefined {
  const fromEnv = process.env.CHROMIUM;
  if (fromEnv) return fromEnv;
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    for (const name of CANDIDATES) {
      const candidate = path.join(dir, name);
      try {
        accessSync(candidate, constants.X_OK);
        return candidate;
      } catch {
        // not here; keep looking
      }
    }
  }
  return undefined;
}

/** Flags from the issue: no sandbox (containers), no GPU, and nothing the browser would fetch on its own. */
export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--no-default-browser-check',
  '--hide-scrollbars',
  '--mute-audio',
  '--disable-breakpad',
  '--disable-crash-reporter',
];

export interface CdpEvent {
  method: string;
  params: Record<string, unknown>;
  sessionId?: string;
}

interface Pending {
  resolve: (value: Record<string, unknown>) => void;
  reject: (error: Error) => void;
}

export class Chromium {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private readonly listeners = new Set<(event: CdpEvent) => void>();
  private buffer = '';

  private constructor(
    private readonly child: ChildProcess,
    private readonly userDataDir: string,
  ) {
    const out = child.stdio[4] as Readable;
    out.setEncoding('utf8');
    out.on('data', (chunk: string) => this.receive(chunk));
    child.on('exit', () => {
      for (const p of this.pending.values()) p.reject(new Error('chromium exited'));
      this.pending.clear();
    });
  }

  static launch(executable: string): Chromium {
    const userDataDir = mkdtempSync(path.join(tmpdir(), 'volact-chromium-'));
    const child = spawn(executable, [...CHROMIUM_FLAGS, `--user-data-dir=${userDataDir}`, '--remote-debugging-pipe', 'about:blank'], {
      stdio: ['ignore', 'ignore', 'ignore', 'pipe', 'pipe'],
    });
    return new Chromium(child, userDataDir);
  }

  private receive(chunk: string): void {
    this.buffer += chunk;
    let end: number;
    while ((end = this.buffer.indexOf('\0')) >= 0) {
      const message = JSON.parse(this.buffer.slice(0, end)) as {
        id?: number;
        result?: Record<string, unknown>;
        error?: { message: string };
        method?: string;
        params?: Record<string, unknown>;
        sessionId?: string;
      };
      this.buffer = this.buffer.slice(end + 1);
      if (message.id !== undefined) {
        const pending = this.pending.get(message.id);
        this.pending.delete(message.id);
        if (message.error) pending?.reject(new Error(message.error.message));
        else pending?.resolve(message.result ?? {});
      } else if (message.method) {
        const event: CdpEvent = { method: message.method, params: message.params ?? {} };
        if (message.sessionId) event.sessionId = message.sessionId;
        for (const listener of this.listeners) listener(event);
      }
    }
  }

  send(method: string, params: Record<string, unknown> = {}, sessionId?: string): Promise<Record<string, unknown>> {
    const id = this.nextId++;
    const input = this.child.stdio[3] as Writable;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      input.write(JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) }) + '\0');
    });
  }

  onEvent(listener: (event: CdpEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Resolves on the first event of that name (for that session). */
  waitFor(method: string, sessionId?: string): Promise<CdpEvent> {
    return new Promise((resolve) => {
      const off = this.onEvent((event) => {
        if (event.method === method && (sessionId === undefined || event.sessionId === sessionId)) {
          off();
          resolve(event);
        }
      });
    });
  }

  async close(): Promise<void> {
    const exited = new Promise<void>((resolve) => {
      if (this.child.exitCode !== null || this.child.signalCode !== null) resolve();
      else this.child.once('exit', () => resolve());
    });
    this.send('Browser.close').catch(() => undefined);
    // The profile folder is only safe to delete once the browser (and its helpers) stopped writing to it.
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 5000);
    await exited;
    clearTimeout(timer);
    rmSync(this.userDataDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
  }
}

export interface PageOptions {
  width?: number;
  height?: number;
  colorScheme?: 'light' | 'dark';
  media?: 'screen' | 'print';
}

export interface LoadedPage {
  /** Every URL the page asked the network stack for (the document itself included). */
  requests: string[];
  /** alert/confirm/prompt dialogs: only a running script opens one. */
  dialogs: string[];
  /** Console messages, exceptions and browser log entries (CSP violations land here). */
  messages: string[];
  evaluate<T>(expression: string): Promise<T>;
  /** A raw DevTools-protocol command in this page's session. */
  send(method: string, params?: Record<string, unknown>): Promise<Record<string, unknown>>;
  screenshot(): Promise<Buffer>;
  close(): Promise<void>;
}

/** The few event fields the page watcher reads. */
interface EventParams {
  request?: { url: string };
  message?: string;
  type?: string;
  exceptionDetails?: { text: string };
  entry?: { source: string; text: string };
}

/** Opens `url` in a fresh tab with the emulation asked for, and waits for the load event. */
export async function openPage(browser: Chromium, url: string, options: PageOptions = {}): Promise<LoadedPage> {
  const { targetId } = (await browser.send('Target.createTarget', { url: 'about:blank' })) as { targetId: string };
  const { sessionId } = (await browser.send('Target.attachToTarget', { targetId, flatten: true })) as { sessionId: string };
  const requests: string[] = [];
  const dialogs: string[] = [];
  const messages: string[] = [];
  const off = browser.onEvent((event) => {
    if (event.sessionId !== sessionId) return;
    const p = event.params as EventParams;
    if (event.method === 'Network.requestWillBeSent') requests.push(String(p.request?.url));
    else if (event.method === 'Page.javascriptDialogOpening') {
      dialogs.push(String(p.message));
      void browser.send('Page.handleJavaScriptDialog', { accept: false }, sessionId);
    } else if (event.method === 'Runtime.consoleAPICalled') messages.push(`console.${p.type}`);
    else if (event.method === 'Runtime.exceptionThrown') messages.push(`exception: ${p.exceptionDetails?.text}`);
    else if (event.method === 'Log.entryAdded') messages.push(`log ${p.entry?.source}: ${p.entry?.text}`);
  });
  for (const domain of ['Page', 'Network', 'Runtime', 'Log']) await browser.send(`${domain}.enable`, {}, sessionId);
  const width = options.width ?? 1100;
  const height = options.height ?? 900;
  await browser.send('Emulation.setDeviceMetricsOverride', { width, height, deviceScaleFactor: 1, mobile: false }, sessionId);
  await browser.send(
    'Emulation.setEmulatedMedia',
    { media: options.media ?? 'screen', features: [{ name: 'prefers-color-scheme', value: options.colorScheme ?? 'light' }] },
    sessionId,
  );
  const loaded = browser.waitFor('Page.loadEventFired', sessionId);
  await browser.send('Page.navigate', { url }, sessionId);
  await loaded;
  return {
    requests,
    dialogs,
    messages,
    async evaluate<T>(expression: string): Promise<T> {
      const reply = (await browser.send('Runtime.evaluate', { expression, returnByValue: true }, sessionId)) as {
        result: { value: T };
        exceptionDetails?: { text: string };
      };
      if (reply.exceptionDetails) throw new Error(`evaluate failed: ${reply.exceptionDetails.text}`);
      return reply.result.value;
    },
    send(method: string, params: Record<string, unknown> = {}): Promise<Record<string, unknown>> {
      return browser.send(method, params, sessionId);
    },
    async screenshot(): Promise<Buffer> {
      const metrics = (await browser.send('Page.getLayoutMetrics', {}, sessionId)) as { cssContentSize: { width: number; height: number } };
      const clip = { x: 0, y: 0, width, height: Math.ceil(metrics.cssContentSize.height), scale: 1 };
      const shot = (await browser.send('Page.captureScreenshot', { format: 'png', clip, captureBeyondViewport: true }, sessionId)) as { data: string };
      return Buffer.from(shot.data, 'base64');
    },
    async close(): Promise<void> {
      off();
      await browser.send('Target.closeTarget', { targetId });
    },
  };
}
