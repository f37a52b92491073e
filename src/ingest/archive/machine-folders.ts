// Which machine an archive entry speaks for, the way a snapshot folder is read: the first folder below the
// root is the machine. A zip made by "Send to > Compressed folder" on a snapshot folder wraps everything in
// that one folder: when every entry sits in the same single top folder, that folder is the root instead.
// Decided after the whole archive is listed, since a tar only says what it holds by the time it ends.
// An archive inside a snapshot's machine folder (snapshot/client01/logs.zip) speaks for that machine.

export interface EntryMachine {
  /** The machine folder, when the entry sits in one. */
  folderMachine?: string;
  /** A plain path for naming the machine from the file name (client01-slmgr-dli.txt) or its folder. */
  namePath: string;
}

export interface ArchivedFile {
  /** InputFile.entryPath: folders and file name below the input the user named. */
  entryPath: readonly string[];
  /** InputFile.archiveRoot: the plain path those hang under. */
  archiveRoot: string;
  /** Set when the archive itself sat in a machine folder of a snapshot: that folder wins. */
  folderMachine?: string;
}

/** For the entries of one input the user named, in the order read. */
export function machinesForEntries(entries: readonly ArchivedFile[]): EntryMachine[] {
  const first = entries[0]?.entryPath[0];
  const wrapped = first !== undefined && entries.every((e) => e.entryPath.length >= 2 && e.entryPath[0] === first);
  return entries.map((e) => {
    const namePath = [e.archiveRoot, ...e.entryPath].join('/');
    if (e.folderMachine !== undefined) return { folderMachine: e.folderMachine, namePath };
    const below = wrapped ? e.entryPath.slice(1) : e.entryPath;
    return below.length >= 2 ? { folderMachine: below[0], namePath } : { namePath };
  });
}

const ARCHIVE_SUFFIX = /\.(zip|tar|tgz|tar\.gz|gz|gzip)$/i;

/** "customer.zip" → "customer", "client01.tar.gz" → "client01": an archive seen as the folder it packs. */
export function archiveStem(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? name;
  return base.replace(ARCHIVE_SUFFIX, '') || base;
}
