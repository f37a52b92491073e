// docs/rules.md, the rule catalogue, written from the rules' own meta: what each rule is called, how severe it
// is by default, when it fires, which part of the guide it comes from, and the articles it cites. Generated,
// never edited: `npm run docs:rules` writes it and test/diagnose/rules-doc.test.ts fails when it is stale.
import type { Rule } from './rule.js';

const HEAD = `# Rules

<!-- Written by \`npm run docs:rules\` from each rule's meta (src/diagnose/rules/): edit the rule, not this file. -->

Every rule volact runs, in the order the guide walks them. \`volact explain <rule id>\` prints a rule's article
(\`--lang ja\`: in Japanese). \`--rule <rule id>=error|warning|info|off\`, or \`rules\` in \`volact.config.json\`,
changes a rule's severity or turns it off.`;

/** One line of a table cell: a pipe would end the cell. */
const cell = (text: string): string => text.replace(/\|/g, '\\|');

export function rulesDoc(rules: readonly Rule[]): string {
  const table = ['| Rule | Severity | Finding | From the guide |', '|---|---|---|---|'];
  const sections: string[] = [];
  for (const { meta } of rules) {
    const title = meta.messages.title.en;
    table.push(`| [\`${meta.id}\`](#${anchor(meta.id)}) | ${meta.severity} | ${cell(title)} | ${cell(meta.seed)} |`);
    const lines = [`## ${meta.id}`, '', `**${title}** (${meta.severity}; from the guide: ${meta.seed})`, '', `When it fires: ${meta.description}`];
    if (meta.supersededBy?.length) lines.push('', `Gives way to ${meta.supersededBy.map((id) => `\`${id}\``).join(', ')} when that fires on the same machine.`);
    if (meta.consequenceOf?.length) {
      lines.push('', `Follows from ${meta.consequenceOf.map((id) => `\`${id}\``).join(', ')}: when one of them fires on the same machine, this finding is shown under it as a consequence.`);
    }
    lines.push('', `Articles: ${meta.kb.map((id) => `\`${id}\``).join(', ')} (\`volact explain ${meta.id}\`).`);
    sections.push(lines.join('\n'));
  }
  return [HEAD, table.join('\n'), ...sections].join('\n\n') + '\n';
}

/** GitHub's heading anchor for a rule id: `kms-client/no-response` → `kms-clientno-response`. */
function anchor(id: string): string {
  return id.toLowerCase().replace(/[^a-z0-9 -]/g, '').replace(/ /g, '-');
}
