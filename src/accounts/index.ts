// Public face of what reading hands on (types, and the one count every reader of an account needs). It sits
// between the stages: read/ fills these in, report/ and probe/ read them, and neither imports the other for it.
export { rejectedCount, type FileResult, type InputAccount } from './input-account.js';
export type { EventRow, EventStreamItem } from './event-row.js';
export type { Rejection, UnknownLine } from '../types.js';
