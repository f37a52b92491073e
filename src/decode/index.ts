// Public face of the decode layer: raw events and slmgr text in, typed activation facts out.
export type * from './facts.js';
export { decodeEvent, isActivationEvent, isSppProvider, ACTIVATION_EVENT_IDS } from './events.js';
export { dataFromMessage } from './message.js';
export { parseSlmgr, SlmgrReader, licenseStatusFromText } from './slmgr/index.js';
export { looksLikeSlmgr } from '../ingest/index.js';
export type { SlmgrParse } from './slmgr/index.js';
export { parsePaste, parseNetworkText, type PasteParse } from './paste/index.js';
export { normalizeHresult, describeHresult, allHresults, isSuccessHresult, isKmsClientCode } from './hresult.js';
export type { HresultInfo } from './hresult.js';
export { responseCount } from './count-bearing.js';
export { slmgrNameMatchesEdition, slmgrSkuOf, productLine } from './slmgr-skus.js';
export {
  editionByActivationId,
  editionByGvlk,
  editionByName,
  editionNameKey,
  allEditions,
  APPLICATION_IDS,
  WINDOWS_APP_ID,
  OFFICE_APP_ID,
  applicationName,
  licenseStateName,
  licenseStateNames,
  licenseStateFromSlStatus,
} from './products.js';
export type { Edition, ApplicationInfo } from './products.js';
export { channelInfo, keyTypeForChannel, channelFromDescription, roleForKeyType, allChannels } from './channels.js';
export type { ChannelInfo, ChannelRole } from './channels.js';
export { statusFlagNames, allStatusFlags } from './status-flags.js';
export type { StatusFlag } from './status-flags.js';
export { parseClientTime, parseGuid } from './fields.js';
export { vlmcsDomain } from './network/index.js';
export type { PasteParse as NetworkParse } from './paste/index.js';
export { parseDocument, type DocumentParse } from './document.js';
export { parseOspp, parseOsppLines, type OsppParse } from './ospp.js';
export { decodeWmiObject } from './wmi.js';
export { officeIdentityFromName, productLineOf, productOfApplication } from './office-products.js';

export { CODE_NAMES } from './code-names.js';
