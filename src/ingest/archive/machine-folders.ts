// Which machine an archive entry speaks for, the way a snapshot folder is read: the first folder below the
// root is the machine. A zip made by "Send to > Compressed folder" on a snapshot folder wraps everything in
// that one folder: when every entry sits in the same single top folder, that folder is the root instead.
// Decided after the whole archive is listed, since a tar only says what it holds by the time it ends.

export interface EntryMachine {
  /** The machine folder, when the entry sits in one. */
  folderMachine?: string;
  /** A plain path for naming the machine from the file name (client01-slmgr-dli.txt) or its folder. */
  namePath: string;
}

/**
 * `paths` are entry paths as InputFile.entryPath gives them: the top archive's stem first, then folders
 * (nested archives as folders named by their stem), then the file name.
 */
export function machinesForEntries(paths: ReadonlyArray<readonly string[]>): EntryMachine[] {
  const inner = paths.map((p) => p.slice(1));
  const first = inner[0]?.[0];
  const wrapped = first !== undefined && inner.every((p) => p.length >= 2 && p[0] === first);
  return paths.map((p, i) => {
    const below = wrapped ? inner[i].slice(1) : inner[i];
    const namePath = p.join('/');
    return below.length >= 2 ? { folderMachine: below[0], namePath } : { namePath };
  });
}

const ARCHIVE_SUFFIX = /\.(zip|tar|tgz|tar\.gz|gz|gzip)$/i;

/** "customer.zip" → "customer", "client01.tar.gz" → "client01": an archive seen as the folder it packs. */
export function archiveStem(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? name;
  return base.replace(ARCHIVE_SUFFIX, '') || base;
}
