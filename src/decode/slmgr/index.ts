// slmgr.vbs output → license facts: the reader (line by line, for the paste splitter) and a whole-text parse.
export { SlmgrReader, parseSlmgr, type SlmgrParse, type SlmgrParseOptions, type UnknownLine } from './reader.js';
export { licenseStatusFromText } from './status.js';
