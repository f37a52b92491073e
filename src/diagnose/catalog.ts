// Every rule's words under their full ids (`<rule id>.<key>`): the part of the catalog the rules bring.
import type { MessageText } from '../messages/index.js';
import { RULES } from './registry.js';
import type { Rule } from './rule.js';

/** The messages of `rules` by full id; an id given twice is a bug in a rule's meta. */
export function ruleMessages(rules: readonly Rule[]): Record<string, MessageText> {
  const out: Record<string, MessageText> = {};
  for (const { meta } of rules) {
    for (const [key, text] of Object.entries(meta.messages)) {
      const id = `${meta.id}.${key}`;
      if (id in out) throw new Error(`message ${id} is declared twice`);
      out[id] = text;
    }
  }
  return out;
}

export const RULE_MESSAGES: Readonly<Record<string, MessageText>> = ruleMessages(RULES);
