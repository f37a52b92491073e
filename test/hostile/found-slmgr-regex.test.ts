// slmgr parsing with regexes that backtracked quadratically on long runs: the channel token before "channel"
// on a run of letters (13 s for 100 KB), and the "Activating …" name on a run of blanks (6 s for 80 KB).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { channelFromDescription, parseSlmgr } from '../../src/decode/index.js';
import { checkInput } from '../fuzz/lib/index.js';

const found = (name: string): Buffer => readFileSync(path.join(import.meta.dirname, '../../fixtures/hostile/found', name));

describe('fuzz findings stay fixed', () => {
  for (const name of ['slmgr-letter-run-description.txt', 'slmgr-activating-blank-run.txt']) {
    it(`${name}: read and parsed with every property kept`, async () => {
      const result = await checkInput(found(name), { filter: false, chunkSize: 65536, compareChunking: true, compareAccount: true });
      expect(result.kind).toBe('slmgr');
      expect(result.violations).toEqual([]);
      expect(result.documents).toBe(1);
    });
  }

  it('finds the channel token by walking back from "channel", also after 400 000 letters', () => {
    expect(channelFromDescription('Windows(R) Operating System, VOLUME_KMSCLIENT channel')).toBe('VOLUME_KMSCLIENT');
    expect(channelFromDescription('Office 16, VOLUME_MAK_B channel.')).toBe('VOLUME_MAK_B');
    expect(channelFromDescription('9VOLUME_A  Channel')).toBe('VOLUME_A');
    expect(channelFromDescription('VOLUME_ channel')).toBeUndefined();
    expect(channelFromDescription(`${'A'.repeat(400_000)} x`)).toBeUndefined();
    expect(channelFromDescription(`${'A'.repeat(400_000)}_B channel`)).toBe(`${'A'.repeat(400_000)}_B`);
  });

  it('names an "Activating" product after 400 000 blanks', () => {
    const text = `Activating Windows(R), ServerStandard edition (fed62577-a7b1-4d60-9bd4-3e0a5d4d1d2b)${' '.repeat(400_000)}x ...\r\nProduct activated successfully.\r\n`;
    const parsed = parseSlmgr(text, { file: 'x', format: 'slmgr' });
    expect(parsed.facts.length).toBeGreaterThan(0);
    const plain = parseSlmgr('Activating Windows(R), ServerStandard edition (fed62577-a7b1-4d60-9bd4-3e0a5d4d1d2b) ...\r\nProduct activated successfully.\r\n', { file: 'x', format: 'slmgr' });
    expect(JSON.stringify(plain.facts)).toMatch(/"ServerStandard"|Windows\(R\), ServerStandard edition/);
    expect(JSON.stringify(plain.facts)).toMatch(/fed62577-a7b1-4d60-9bd4-3e0a5d4d1d2b/);
  });
});
