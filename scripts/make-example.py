#!/usr/bin/env python3
"""Writes fixtures/example/: a small fleet snapshot (one folder per machine) in the forms Windows writes.

Run from the repository root: python3 scripts/make-example.py. The output is committed; this script only
documents how it was made. Scenario (times UTC, 2024-03-07):
  client01  Windows 10/11 Enterprise, KMS client, host count 12 < 25 -> 0xC004F038 every 2 hours
  client02  Windows Server 2019 Standard, KMS client, activated (needs 5)
  kms01     KMS host; Key Management Service log exported with wevtutil qe /f:xml redirected from
            Windows PowerShell 5.1 (UTF-16LE with BOM, no root element); slmgr /dlv in Japanese
  lab-pc07 and lab-pc08 share one CMID (image not generalized); they appear only in kms01's log
"""
import os

ROOT = os.path.join(os.path.dirname(__file__), '..', 'fixtures', 'example')
SPP = ('Microsoft-Windows-Security-SPP', '{E23B33B0-C8C9-472C-A5F9-F2BDFEA0F156}')
ENT = '73111121-5638-40f6-bc11-f1d7b0d64300'
SRV19 = 'de32eafd-aaee-4662-9444-c1befb41bde2'


def event(rec, eid, when, computer, data, channel='Application', source='Software Protection Platform Service', q='"', binary=False):
    datas = ''.join(f'<Data>{d}</Data>' for d in data)
    blob = '<Binary>000006005A1B2453071A87ED31EBDB3C</Binary>' if binary else ''
    x = (f'<Event xmlns="http://schemas.microsoft.com/win/2004/08/events/event"><System>'
         f'<Provider Name="{SPP[0]}" Guid="{SPP[1]}" EventSourceName="{source}"/>'
         f'<EventID Qualifiers="16384">{eid}</EventID><Version>0</Version><Level>4</Level><Task>0</Task><Opcode>0</Opcode>'
         f'<Keywords>0x80000000000000</Keywords><TimeCreated SystemTime="{when}"/><EventRecordID>{rec}</EventRecordID>'
         f'<Correlation/><Execution ProcessID="0" ThreadID="0"/><Channel>{channel}</Channel><Computer>{computer}</Computer>'
         f'<Security/></System><EventData>{datas}{blob}</EventData></Event>')
    return x if q == '"' else x.replace('"', "'")


def write(rel, text, encoding='utf-8', bom=b''):
    path = os.path.join(ROOT, rel)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, 'wb') as f:
        f.write(bom + text.encode(encoding))


def event_viewer_xml(events):
    return '<?xml version="1.0" encoding="utf-8" standalone="yes"?>\r\n<Events>' + '\r\n'.join(events) + '</Events>'


# client01: fails every 2 hours with not enough count
c1 = 'client01.corp.contoso.com'
c1_cmid = '2ffcfc30-6a6a-49ec-92b8-f6150c7df211'
evs, rec = [], 5101
for hour in range(0, 11, 2):
    t = f'2024-03-07T{hour:02d}:05:1'
    ct = f'2024/03/07 {hour:02d}:05'
    evs.append(event(rec, 12288, t + '1.2031250Z', c1, [f'0x00000000, 0x00000000, kms01.corp.contoso.com:1688, {c1_cmid}, {ct}, 0, 2, {30240 - hour * 60}, {ENT}, 25'], binary=True))
    evs.append(event(rec + 1, 12289, t + '1.5312500Z', c1, [f'0xC004F038, 0x04000000, 0, 0, 12, 120, 10080, {ct}'], binary=True))
    rec += 2
write('client01/Application.xml', event_viewer_xml(evs))
write('client01/slmgr-dlv.txt', '\r\n'.join([
    'Software licensing service version: 10.0.19041.3996', '',
    'Name: Windows(R), Enterprise edition',
    'Description: Windows(R) Operating System, VOLUME_KMSCLIENT channel',
    f'Activation ID: {ENT}',
    'Application ID: 55c92734-d682-4d71-983e-d6ec3f16059f',
    'Extended PID: 03612-03291-000-000000-03-1033-19041.0000-0572024',
    'Product Key Channel: Volume:GVLK',
    'Installation ID: 151285369451960458716397512813567493154227340396104563782930183',
    'Partial Product Key: 2YT43',
    'License Status: Initial grace period',
    'Time remaining: 29640 minute(s) (20 day(s))',
    'Remaining Windows rearm count: 1001',
    'Remaining SKU rearm count: 1001',
    'Trusted time: 3/7/2024 10:15:02 AM',
    'Configured Activation Type: All', '',
    'Please use slmgr.vbs /ato to activate and update KMS client information in order to update values.', '',
]) + '\r\n')

# client02: Windows Server 2019 Standard, activated
c2 = 'client02.corp.contoso.com'
c2_cmid = 'a0e1d9c4-8f3b-4f55-9a57-3c1f0b6d2e11'
write('client02/Application.xml', event_viewer_xml([
    event(7201, 12288, '2024-03-07T06:40:02.0937500Z', c2, [f'0x00000000, 0x00000000, kms01.corp.contoso.com:1688, {c2_cmid}, 2024/03/07 06:40, 1, 1, 249120, {SRV19}, 5'], binary=True),
    event(7202, 12289, '2024-03-07T06:40:02.4218750Z', c2, ['0x00000000, 0x00000000, 1, 0, 12, 120, 10080, 2024/03/07 06:40'], binary=True),
]))

# kms01: 12 distinct CMIDs in the last days, two names sharing one CMID
clients = [(c1, c1_cmid, ENT, 25, 2, 30240), (c2, c2_cmid, SRV19, 5, 1, 249120)]
for n in range(1, 9):
    clients.append((f'pc{n:02d}.corp.contoso.com', f'5d6c{n:04d}-1b2a-4c3d-8e4f-a5b6c7d8e9f0', ENT, 25, 2, 40000 - n * 100))
dup = 'c0ffee00-1111-4222-8333-444455556666'
clients.append(('lab-pc07.corp.contoso.com', dup, ENT, 25, 2, 41000))
clients.append(('lab-pc08.corp.contoso.com', dup, ENT, 25, 2, 41000))
clients.append(('srv-app01.corp.contoso.com', '7e7e7e7e-0000-4000-8000-000000000001', SRV19, 5, 1, 249120))
clients.append(('srv-app02.corp.contoso.com', '7e7e7e7e-0000-4000-8000-000000000002', SRV19, 5, 1, 249120))
lines, rec = [], 30001
for day in (5, 6, 7):
    for i, (name, cmid, act, need, state, minutes) in enumerate(clients):
        hh, mm = (i * 53 // 60) % 10, (i * 53) % 60
        if name == c2 and day == 7:
            hh, mm = 6, 40
        if name == c1 and day == 7:
            hh, mm = 10, 5
        result = '0xC004F038' if need == 25 else '0x0'
        info = f'{result},{need},{name},{cmid},2024/3/{day} {hh}:{mm:02d},0,{state},{minutes},{act}'
        fields = [result, str(need), name, cmid, f'2024/3/{day} {hh}:{mm:02d}', '0', str(state), str(minutes), act]
        lines.append(event(rec, 12290, f'2024-03-0{day}T{hh:02d}:{mm:02d}:12.{rec % 1000:03d}0000Z', 'kms01.corp.contoso.com',
                           [info] + fields, channel='Key Management Service', source='KmsRequests', q="'"))
        rec += 1
write('kms01/KeyManagementService.xml', '\r\n'.join(lines) + '\r\n', encoding='utf-16-le', bom=b'\xff\xfe')
write('kms01/slmgr-dlv.txt', '\r\n'.join([
    '名前: Windows(R), ServerStandard edition',
    '説明: Windows(R) Operating System, VOLUME_KMS_C channel',
    'ライセンス認証 ID: 8449b1fb-f0ea-497a-99ab-66ca96e9a0f5',
    'アプリケーション ID: 55c92734-d682-4d71-983e-d6ec3f16059f',
    '拡張 PID: 06401-02270-000-000001-03-1041-17763.0000-0642024',
    'プロダクト キーの一部: 7KWX3',
    'ライセンスの状態: ライセンスされています',
    '残りの Windows 猶予期限リセット可能回数: 1000',
    '信頼された時間: 2024/03/07 10:20:31', '',
    'キー管理サービスはこのコンピュータで有効です',
    '    現在の数: 12',
    '    リッスン先のポート: 1688',
    '    DNS 発行は有効です',
    '    KMS 優先度: 通常', '',
    'クライアントから受信したキー管理サービスの累積要求数',
    '    受信した要求の合計数: 1422',
    '    受信した失敗要求数: 931',
    '    ライセンスの状態が "ライセンスされていません" の要求数: 0',
    '    ライセンスの状態が "ライセンスされています" の要求数 491',
    '    ライセンスの状態が "最初の猶予期間" の要求数: 931',
    '    ライセンスの状態が "ライセンスの期限切れ" または "ハードウェアが許容外" の要求数: 0',
    '    ライセンスの状態が "非正規の猶予期間間" の要求数: 0',
    '    ライセンスの状態が "通知" の要求数: 0', '',
]) + '\r\n')
print('wrote', ROOT)
