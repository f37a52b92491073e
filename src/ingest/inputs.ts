// Turns what the user typed (files, folders, globs, "-") into the list of inputs to read.
import { stat } from 'node:fs/promises';
import path from 'node:path';
import fg from 'fast-glob';
import { msg, type MessageId, type MessageRef } from '../messages/index.js';

export interface InputFile {
  /** Path to open; '-' for standard input. */
  path: string;
  /** Name shown in reports. */
  display: string;
  /** The first folder below a folder the user named: in a fleet snapshot, the machine's name. */
  folderMachine?: string;
  /**
   * Inside an archive: folders and file name below the archive the user named (nested archives as folders
   * named by their stem, a plain .gz replaced by the file it holds). Never a path to open: it only names
   * machines (see archive/machine-folders.ts), together with `archiveRoot`.
   */
  entryPath?: string[];
  /** The plain path an archive's entries hang under: customer.zip → "customer", logs/x.evtx.gz → "logs". */
  archiveRoot?: string;
}

export interface InputProblem {
  path: string;
  /** What is wrong, as a catalog message: rendered where it is shown (English in the input accounts). */
  message: MessageRef;
}

export interface ExpandedInputs {
  files: InputFile[];
  problems: InputProblem[];
}

export async function expandInputs(paths: string[]): Promise<ExpandedInputs> {
  const files: InputFile[] = [];
  const problems: InputProblem[] = [];
  const seen = new Set<string>();
  const add = (file: InputFile): void => {
    const key = file.path === '-' ? '-' : path.resolve(file.path);
    if (seen.has(key)) return;
    seen.add(key);
    files.push(file);
  };

  for (const given of paths) {
    if (given === '-') {
      add({ path: '-', display: '<stdin>' });
      continue;
    }
    const info = await stat(given).catch((error: NodeJS.ErrnoException) => error);
    if (!(info instanceof Error)) {
      if (info.isDirectory()) {
        const entries = await fg('**/*', { cwd: given, onlyFiles: true, dot: false, followSymbolicLinks: false });
        entries.sort();
        if (entries.length === 0) problems.push(problem(given, 'cli.path.empty-folder'));
        for (const entry of entries) {
          const segments = entry.split('/');
          const file: InputFile = { path: path.join(given, entry), display: path.join(given, entry) };
          if (segments.length > 1) file.folderMachine = segments[0];
          add(file);
        }
      } else {
        add({ path: given, display: given });
      }
      continue;
    }
    if (fg.isDynamicPattern(given)) {
      const matches = await fg(given.replace(/\\/g, '/'), { onlyFiles: true, dot: false });
      matches.sort();
      if (matches.length === 0) problems.push(problem(given, 'cli.path.no-match'));
      for (const match of matches) add({ path: match, display: match });
      continue;
    }
    problems.push(fsProblem(given, info));
  }
  return { files, problems };
}

function problem(given: string, id: MessageId, data?: Record<string, string>): InputProblem {
  return { path: given, message: msg(id, data) };
}

const FS_PROBLEM: Readonly<Record<string, MessageId>> = { ENOENT: 'cli.path.no-such', EACCES: 'cli.path.denied', EPERM: 'cli.path.denied', EISDIR: 'cli.path.is-folder' };

function fsProblem(given: string, error: NodeJS.ErrnoException): InputProblem {
  const id = error.code ? FS_PROBLEM[error.code] : undefined;
  return id ? problem(given, id) : problem(given, 'cli.path.other', { why: error.message });
}

export function describeFsError(error: NodeJS.ErrnoException): string {
  switch (error.code) {
    case 'ENOENT':
      return 'no such file or folder';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a folder';
    default:
      return error.message;
  }
}
