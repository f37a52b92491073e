// What the view's sections ask of one another. The sections (states, code sightings) take this shape, not the
// class, so they sit beside it without importing it back.
import type { Fact, FactKind, LicenseFact } from '../../decode/index.js';
import type { Role } from '../model.js';
import type { Exchange } from './exchanges.js';
import type { ProductKind } from './license-kinds.js';

export type FactOf<K extends FactKind> = Extract<Fact, { kind: K }>;

export interface MachineFacts {
  /** When a fact happened; slmgr text (no time) counts as the snapshot's "now". */
  at(fact: Fact): number;
  /** Facts of one kind, oldest first. */
  facts<K extends FactKind>(kind: K): FactOf<K>[];
  hasRole(role: Role): boolean;
  licenses(kind?: ProductKind): LicenseFact[];
  statusLicenses(kind?: ProductKind): LicenseFact[];
  withChannel(l: LicenseFact): LicenseFact;
  exchanges(): Exchange[];
  lastKmsSuccess(): number;
  lastMakSuccess(): number;
}
