// Console pastes: prompts, banners and the outputs they hold, split into blocks for their readers.
export { promptCommand, parseCommandLine, commandWords, type PromptCommand } from './command.js';
export {
  BLOCK_KINDS, kindSpec, openingKind, startingKind, isBanner, isFrame, slmgrStarts, codeAtStart, PRODUCT_KEY,
  NSLOOKUP_STARTS, RESOLVE_DNSNAME_STARTS, TEST_NETCONNECTION_STARTS, IPCONFIG_HEADER,
  type BlockKind, type BlockFamily, type BlockKindSpec,
} from './kinds.js';
export { splitPaste, type PasteLine, type BlockReader, type BlockContext, type ReaderFactory, type SplitResult, type SplitBlock } from './split.js';
