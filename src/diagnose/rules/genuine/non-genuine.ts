// Non-genuine recovery: 8209 holds the reason validation failed.
import { normalizeHresult } from '../../../decode/index.js';
import { evidenceOf } from '../../evidence-refs.js';
import { CMD } from '../../remedies.js';
import { codeArticles, explainCodes } from '../../rule-helpers.js';
import { defineRule } from '../../rule.js';
import { msg } from '../../../messages/index.js';
import { sluiSteps } from '../../code-steps.js';

export default defineRule({
  meta: {
    id: 'genuine/non-genuine',
    severity: 'error',
    description: '8209: the genuine state was set to non-genuine, with the reason code and the application id; no later 12305 set it back.',
    kb: ['event/8209', 'procedure/recover-non-genuine'],
    facts: ['non-genuine', 'service-info'],
    seed: 'non-genuine recovery',
    messages: {
      title: { en: 'Windows set itself to non-genuine', ja: 'Windows が正規品ではない状態になった' },
      'detail-codes': {
        en: 'Validation failed: {codes}. A leaked or blocked key, or tampered system files, are the usual causes; the machine has a 30-day non-genuine grace period.',
        ja: '検証に失敗しました: {codes}。通常の原因は、漏えいまたはブロックされたキーか、改ざんされたシステム ファイルです。このコンピューターには 30 日間の猶予期間があります。',
      },
      'detail-no-code': {
        en: 'Validation failed; the reason field names no specific code. A leaked or blocked key, or tampered system files, are the usual causes; the machine has a 30-day non-genuine grace period.',
        ja: '検証に失敗しました。理由のフィールドには特定のコードがありません。通常の原因は、漏えいまたはブロックされたキーか、改ざんされたシステム ファイルです。このコンピューターには 30 日間の猶予期間があります。',
      },
      'remedy-reinstall': {
        en: 'If system files were tampered with, reinstall Windows and activate again.',
        ja: 'システム ファイルが改ざんされている場合は、Windows を再インストールしてライセンス認証をやり直します。',
      },
      'remedy-host-key': {
        en: 'If a KMS host key was compromised, replace it on every host that uses it; clients then re-activate with slmgr.vbs /ato or at their next renewal.',
        ja: 'KMS ホスト キーが漏えいした場合は、それを使うすべてのホストでキーを交換します。クライアントは slmgr.vbs /ato または次回の更新でライセンス認証し直します。',
      },
      'remedy-mak': {
        en: 'If a MAK was compromised, install a new one ({ipk}) and activate ({ato}).',
        ja: 'MAK が漏えいした場合は、新しい MAK をインストールし ({ipk})、ライセンス認証します ({ato})。',
      },
      'remedy-validate': {
        en: 'Then validate again online so the state returns to genuine.',
        ja: 'その後、オンラインで再度検証し、正規品の状態に戻します。',
      },
    },
  },
  check({ view }, m) {
    const back = view.facts('service-info').filter((f) => f.what === 'genuine-state-genuine');
    const lastBack = back.length ? view.at(back[back.length - 1]) : -Infinity;
    const events = view.facts('non-genuine').filter((f) => view.at(f) > lastBack);
    if (!events.length) return [];
    const codes = [...new Set(events.map((f) => normalizeHresult(f.reason)).filter((c): c is string => !!c && c !== '0x00000000'))];
    return [
      {
        detail: codes.length ? m('detail-codes', { codes: explainCodes(codes) }) : m('detail-no-code'),
        evidence: events.map((f) => evidenceOf(f)),
        remedy: [
          ...sluiSteps(codes),
          m('remedy-reinstall'),
          m('remedy-host-key'),
          m('remedy-mak', { ipk: msg('common.ipk', { key: msg('common.new-mak') }), ato: CMD.ato }),
          m('remedy-validate'),
        ],
        kb: codeArticles(codes),
      },
    ];
  },
});
