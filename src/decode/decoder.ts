// The shape every per-event decoder shares.
import type { Fact, FactBase } from './facts.js';
import type { RawEvent } from '../types.js';

export interface DecoderInput {
  event: RawEvent;
  eventId: number;
  /** Positional values: the event's Data, or values recovered from its rendered message. */
  data: readonly string[];
  /** source/computer/time/eventId, ready to spread into a fact. */
  base: Omit<FactBase, 'problems'>;
}

export type DecoderOutput = { facts: Fact[] } | { rejected: string } | { ignored: true };

export type Decoder = (input: DecoderInput) => DecoderOutput;
