// Realistic questions, in English and Japanese: the expected article must rank first or second.
import { describe, expect, it } from 'vitest';
import { loadKb } from '../../src/kb/index.js';

const kb = loadKb();

function topTwo(query: string): string[] {
  return kb.search(query, { limit: 2 }).map((h) => h.id);
}

describe('search: English questions', () => {
  it.each([
    ['SRV record', 'procedure/check-srv-record'],
    ['duplicate CMID', 'kms-host/duplicate-cmid'],
    ['clients are not added to the KMS count', 'kms-host/duplicate-cmid'],
    ['KMS count below threshold 25', 'kms-client/count-below-threshold'],
    ['client clock differs from the KMS host', 'kms-client/time-skew'],
    ['how do I export the Key Management Service log', 'procedure/export-logs'],
    ['KMS host failed, how to replace it', 'procedure/kms-host-failover'],
    ['KMS host key installed on a client by mistake', 'kms-host/key-on-client'],
    ['only the first KMS host can create SRV records', 'kms-host/srv-only-first-host'],
    ['disable Windows Anytime Upgrade', 'procedure/disable-anytime-upgrade'],
    ['ActivationAlternateURL', 'procedure/activation-alternate-url'],
    ['activate MAK through a proxy with VAMT', 'procedure/vamt-proxy-activation'],
    ['standard user activation without UAC prompt', 'procedure/uac-and-activation'],
    ['read slmgr /dlv output', 'procedure/read-slmgr-dli-dlv'],
    ['black desktop notification', 'license/notification'],
    ['non-genuine 8209', 'genuine/non-genuine'],
    ['0xC004F074', 'code/0xC004F074'],
    ['SL_E_VL_NOT_ENOUGH_COUNT', 'code/0xC004F038'],
    ['TCP 1688 firewall', 'procedure/open-kms-port'],
    ['what does this error code mean slui', 'procedure/explain-error-code'],
  ])('%s → %s', (query, expected) => {
    expect(topTwo(query)).toContain(expected);
  });
});

describe('search: Japanese questions', () => {
  it.each([
    ['重複 CMID', 'kms-host/duplicate-cmid'],
    ['SRV レコード', 'procedure/check-srv-record'],
    ['SRV レコードを作成できない', 'kms-host/dns-publish-failed'],
    ['最初の KMS ホストしか SRV レコードを作成できない', 'kms-host/srv-only-first-host'],
    ['クライアントが KMS カウントに追加されません', 'kms-host/duplicate-cmid'],
    ['ライセンス認証のしきい値', 'kms-client/count-below-threshold'],
    ['KMS ホストのフェールオーバー', 'procedure/kms-host-failover'],
    ['Key Management Service ログ エクスポート', 'procedure/export-logs'],
    ['時刻 ずれ', 'kms-client/time-skew'],
    ['非正規 8209', 'genuine/non-genuine'],
    ['Windows Anytime Upgrade 無効化', 'procedure/disable-anytime-upgrade'],
    ['VAMT プロキシ ライセンス認証', 'procedure/vamt-proxy-activation'],
    ['ユーザー アカウント制御 ライセンス認証', 'procedure/uac-and-activation'],
    ['KMS キーを KMS クライアントにインストールしました', 'kms-host/key-on-client'],
    ['無効なボリューム ライセンス キー', 'kms-client/invalid-volume-key'],
    ['黒い デスクトップ 通知', 'license/notification'],
  ])('%s → %s', (query, expected) => {
    expect(topTwo(query)).toContain(expected);
  });
});

describe('search results', () => {
  it('carries id, title, score and an excerpt holding a query word', () => {
    const hit = kb.search('duplicate CMID', { limit: 2 }).find((h) => h.id === 'kms-host/duplicate-cmid');
    expect(hit?.title).toBe(kb.get('kms-host/duplicate-cmid')?.title);
    expect(hit?.score).toBeGreaterThan(0);
    expect(hit?.excerpt.toLowerCase()).toContain('cmid');
    expect(hit?.excerpt.length).toBeLessThanOrEqual(160);
  });

  it('shows the Japanese title in excerpts for Japanese questions', () => {
    const hit = kb.search('重複 CMID', { limit: 2 }).find((h) => h.id === 'kms-host/duplicate-cmid');
    expect(hit?.excerpt).toContain('CMID');
    expect(hit?.excerpt).toMatch(/[\u3040-\u30FF\u4E00-\u9FFF]/);
  });

  it('honours the limit and ranks by score', () => {
    const hits = kb.search('KMS', { limit: 5 });
    expect(hits).toHaveLength(5);
    const scores = hits.map((h) => h.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
  });

  it('returns nothing, without throwing, for empty or unmatched queries and lunr syntax', () => {
    expect(kb.search('', { limit: 5 })).toEqual([]);
    expect(kb.search('   ', { limit: 5 })).toEqual([]);
    expect(kb.search('zzqxw', { limit: 5 })).toEqual([]);
    expect(() => kb.search('title:foo +bar -baz ~2 ^3 *', { limit: 5 })).not.toThrow();
  });
});
