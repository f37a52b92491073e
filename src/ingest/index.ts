export { expandInputs, type InputFile, type InputProblem, type ExpandedInputs } from './inputs.js';
export { openInput, openInputs, type OpenedInput, type OpenedEntry, type OpenInputsOptions } from './read-input.js';
export { machinesForEntries, sniffArchive, DEFAULT_ARCHIVE_LIMITS, type ArchiveLimits, type EntryMachine, type ArchivedFile } from './archive/index.js';
export { sniffFormat, SNIFF_BYTES, type InputKind, type Sniffed } from './sniff.js';
export { detectEncoding, decodeText, type TextEncoding, type EncodingGuess } from './encoding.js';
export { normalizeIsoTime, timeMs } from './time.js';
export { parseElement, eventFromXml, EventSplitter, XmlSyntaxError, type XmlElement } from './xml/index.js';
