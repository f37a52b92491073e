// Archives are a way in, not a format: they yield entries that the sniffers and readers take as files.
export { DEFAULT_ARCHIVE_LIMITS, ArchiveLimitError, formatBytes, type ArchiveLimits } from './limits.js';
export { sniffArchive, ARCHIVE_SNIFF_BYTES, UNREAD_ARCHIVES, type ArchiveKind } from './kind.js';
export { parseEntryName, decodeZipName, escapeNameText, type EntryName } from './entry-name.js';
export { machinesForEntries, archiveStem, type EntryMachine, type ArchivedFile } from './machine-folders.js';
export { peek, collect } from './bytes.js';
export { walkZip, type ZipSource } from './zip.js';
export { walkTar } from './tar.js';
export { walkGzip, gzipInnerName } from './gzip.js';
export type { ArchiveItem, Budget, WalkContext } from './walk.js';
