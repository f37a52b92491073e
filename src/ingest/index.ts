export { expandInputs, type InputFile, type InputProblem, type ExpandedInputs } from './inputs.js';
export { openInput, type OpenedInput } from './read-input.js';
export { sniffFormat, SNIFF_BYTES, type InputKind, type Sniffed } from './sniff.js';
export { detectEncoding, decodeText, type TextEncoding, type EncodingGuess } from './encoding.js';
export { normalizeIsoTime, timeMs } from './time.js';
export { parseElement, eventFromXml, EventSplitter, XmlSyntaxError, type XmlElement } from './xml/index.js';
export { allLabels, afterLabel, matchLabel, fold, displayWidth, type Label, type LabelMatch } from './slmgr/labels.js';
export { looksLikeSlmgr } from './slmgr/looks-like-slmgr.js';
export { readExportTime, parseTimeZone, type TimeZone } from './text/local-time.js';
