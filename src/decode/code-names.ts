// How messages name codes, "0xC004F074 (SYMBOL)", and explain them from our tables (English, and Japanese
// where written). Reporters hand this to the catalog they render through; the message floor never imports it.
import type { CodeNames } from '../messages/index.js';
import { describeHresult } from './hresult.js';

export const CODE_NAMES: CodeNames = {
  label(code) {
    const info = describeHresult(code);
    return info.symbol ? `${info.code} (${info.symbol})` : info.code;
  },
  meaning(code, lang) {
    const info = describeHresult(code);
    return lang === 'ja' ? info.meaningJa : info.meaning;
  },
};
