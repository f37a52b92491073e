// "Likely shared causes" (src/fleet/groups): one sentence per group of failing machines, with its evidence, and
// when its trouble began. Rule titles come in as messages of their own ({rule}); values from input as they are.
import type { MessageText } from '../types.js';

export const GROUPS = {
  'groups.sentence': {
    en: '{n} of {total|# machine|# machines} with “{rule}”{follows? (and what follows from it: {follows})} {shared}{evidence?; {evidence}}{also? (also {also})}.',
    ja: '「{rule}」{follows? (これに起因する{follows}を含む) }の {total} 台のうち {n} 台に共通するのは、{shared} です{evidence?。{evidence}}{also? (ほかに {also})}。',
  },
  'groups.shared.host': { en: 'ask {host}', ja: '要求先の KMS ホスト {host}' },
  'groups.shared.cmid': {
    en: 'share CMID {cmid} (clones of an image that was not generalized)',
    ja: 'CMID {cmid} (一般化されていないイメージの複製)',
  },
  'groups.shared.dns-suffix': { en: 'are in DNS domain {suffix}', ja: 'DNS ドメイン {suffix}' },
  'groups.shared.subnet': { en: 'have addresses in {subnet}', ja: 'アドレス範囲 {subnet}' },
  'groups.shared.product': { en: 'run {product}', ja: '製品 {product}' },
  'groups.shared.build': { en: 'run licensing service version {build}', ja: 'ライセンス サービスのバージョン {build}' },
  'groups.shared.code': { en: 'report {code}', ja: 'エラー コード {code}' },
  'groups.shared.onset': { en: 'began failing within {window}', ja: '失敗の開始時刻 ({window})' },
  'groups.also': { en: '“{rule}” on {n}', ja: '「{rule}」{n} 台' },
  'groups.host.last-request': {
    en: 'its last 12290 is {last}, {gap} before the newest record in the snapshot',
    ja: 'そのホストの最後の 12290 は {last} で、スナップショットの最新のレコードより {gap}前です',
  },
  'groups.host.count': {
    en: 'its count is {count}, below the {need} its clients need',
    ja: 'そのホストのカウントは {count} で、クライアントに必要な {need} に達していません',
  },
  'groups.host.not-in-snapshot': {
    en: 'the snapshot holds no export of that host',
    ja: 'スナップショットにはそのホストのエクスポートがありません',
  },
  'groups.host.no-log': {
    en: 'the snapshot holds no Key Management Service log of that host',
    ja: 'スナップショットにはそのホストの Key Management Service ログがありません',
  },
  'groups.rule': { en: '“{rule}”', ja: '「{rule}」' },
  'groups.more': { en: '{n} more', ja: 'ほか {n} 件' },
  'groups.host.findings': { en: 'on that host: {rules}', ja: 'そのホストの検出事項: {rules}' },
  'groups.context.host': {
    en: 'they ask {host}, which activates {k|# other machine|# other machines}',
    ja: '要求先はいずれも {host} で、このホストはほかの {k} 台をライセンス認証しています',
  },
  'groups.context.code': { en: 'their failures show {code}', ja: '失敗には {code} が記録されています' },
  'groups.onset.between': {
    en: 'It began between {last} (the newest success among these machines) and {first} (the first failure after it){changes?; around then, {changes}}.',
    ja: 'これらのコンピューターで最後に成功した {last} から、その後の最初の失敗の {first} までの間に始まりました{changes?。同じころの変化: {changes}}。',
  },
  'groups.onset.first': {
    en: 'It began at {first} (none of these machines succeeded before it in the snapshot){changes?; around then, {changes}}.',
    ja: '{first} に始まりました (スナップショットにはそれ以前の成功がありません){changes?。同じころの変化: {changes}}。',
  },
  'groups.change.host-last-request': { en: '{host} logged its last 12290 at {time}', ja: '{host} の最後の 12290 ({time})' },
  'groups.change.dns-publish-failed': {
    en: '{host} logged 12293 (SRV record not published{code?, {code}}) at {time}',
    ja: '{host} の 12293 (SRV レコードを発行できない{code?、{code}}、{time})',
  },
  'groups.change.online-activation-failed': {
    en: '{n|# machine|# machines} logged 8198 from {time}{code? ({code})}',
    ja: '{n} 台のコンピューターの 8198{code? ({code})} ({time} 以降)',
  },
  'groups.change.count-below-threshold': {
    en: "{host}'s count fell to {count}, under {need}, by {time}",
    ja: '{host} のカウントの低下 ({time} までに {count}、必要数 {need} 未満)',
  },
} satisfies Record<string, MessageText>;
