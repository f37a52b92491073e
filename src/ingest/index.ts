export { expandInputs, type InputFile, type InputProblem, type ExpandedInputs } from './inputs.js';
export { openInput, openInputs, type OpenedInput, type OpenedEntry, type OpenInputsOptions } from './read-input.js';
export { machinesForEntries, sniffArchive, DEFAULT_ARCHIVE_LIMITS, type ArchiveLimits, type EntryMachine, type ArchivedFile } from './archive/index.js';
export { sniffFormat, SNIFF_BYTES, type InputKind, type Sniffed } from './sniff.js';
export { detectEncoding, decodeText, type TextEncoding, type EncodingGuess } from './encoding.js';
export { normalizeIsoTime, timeMs } from './time.js';
export { parseElement, eventFromXml, EventSplitter, XmlSyntaxError, type XmlElement } from './xml/index.js';
export {
  allLabels, labelWords, allStatusWords, afterLabel, matchLabel, statusFromText, fold, displayWidth, SLMGR_LANGUAGES,
  type Label, type LabelMatch, type StatusWord, type SlmgrLanguage,
} from './slmgr/labels.js';
export * from './text/paste/index.js';
export { looksLikeSlmgr } from './slmgr/looks-like-slmgr.js';
export { readExportTime, parseTimeZone, type TimeZone } from './text/local-time.js';
export { matchOsppLine, osppStatus, type OsppMatch } from './ospp/labels.js';
export { looksLikeOspp } from './ospp/looks-like-ospp.js';
export { classOfProperties, classFromTypeName, type WmiClass } from './wmi/properties.js';
export { readMsDate } from './text/local-time.js';
export { PropertyListReader, parsePropertyList, type ListParse, type NumberedText } from './wmi/property-list.js';
export { guessForeignLanguage, LANGUAGES_READ, type LanguageGuess } from './text/language.js';
