// Progress on stderr, only where a person watches (stderr is a terminal) and only once the work has
// taken long enough to wonder about; pipes, files and CI logs get nothing.
import { processIo, runLang, type CliIo } from './output.js';
import { count, msg } from '../messages/index.js';
import { speaker } from '../report/speaker.js';

const QUIET_FOR_MS = 1000;
const EVERY_MS = 250;

export function progressReporter(io: CliIo): ((done: number, total: number) => void) | undefined {
  if (io !== processIo || process.stderr.isTTY !== true) return undefined;
  const started = Date.now();
  let shown = 0;
  return (done, total) => {
    const now = Date.now();
    if (now - started < QUIET_FOR_MS) return;
    if (done < total && now - shown < EVERY_MS) return;
    shown = now;
    io.stderr(`\r${speaker(runLang(io)).say(msg('cli.progress', { done: count(done), total: count(total) }))}${done === total ? '\n' : ''}`);
  };
}

/** The analyze option that shows progress, or nothing. */
export function withProgress(io: CliIo): { onProgress?: (done: number, total: number) => void } {
  const onProgress = progressReporter(io);
  return onProgress ? { onProgress } : {};
}
