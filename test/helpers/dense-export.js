// The activation-dense export: a Windows Event Forwarding collector (or a KMS host's Application log)
// holding 12288/12289 of many clients interleaved with one host's 12290s, plus unrelated Application
// events, so that three quarters of the records are activation events. Deterministic: the same options
// give the same bytes. Used by the golden test (a few MB) and by `npm run bench` (200 MB).
// Plain JavaScript so the bench scripts can import it without a build step.

const SPP = 'Microsoft-Windows-Security-SPP';
const SPP_GUID = '{E23B33B0-C8C9-472C-A5F9-F2BDFEA0F156}';
const ENTERPRISE = '73111121-5638-40f6-bc11-f1d7b0d64300';
const HOST = 'kms01.corp.contoso.com';

function spp(rec, id, when, computer, data, channel, sourceName) {
  const d = data.map((x) => `<Data>${x}</Data>`).join('');
  return `<Event xmlns="http://schemas.microsoft.com/win/2004/08/events/event"><System><Provider Name="${SPP}" Guid="${SPP_GUID}" EventSourceName="${sourceName}"/><EventID Qualifiers="16384">${id}</EventID><Version>0</Version><Level>4</Level><Task>0</Task><Opcode>0</Opcode><Keywords>0x80000000000000</Keywords><TimeCreated SystemTime="${when}"/><EventRecordID>${rec}</EventRecordID><Correlation/><Execution ProcessID="0" ThreadID="0"/><Channel>${channel}</Channel><Computer>${computer}</Computer><Security/></System><EventData>${d}</EventData></Event>`;
}

function unrelated(rec, when, computer, k) {
  if (k % 2 === 0) {
    return `<Event xmlns="http://schemas.microsoft.com/win/2004/08/events/event"><System><Provider Name="Microsoft-Windows-RestartManager" Guid="{0888E5EF-9B98-4695-979D-E92CE4247224}"/><EventID Qualifiers="">10000</EventID><Version>0</Version><Level>4</Level><Task>0</Task><Opcode>0</Opcode><Keywords>0x8000000000000000</Keywords><TimeCreated SystemTime="${when}"/><EventRecordID>${rec}</EventRecordID><Correlation/><Execution ProcessID="4312" ThreadID="9876"/><Channel>Application</Channel><Computer>${computer}</Computer><Security UserID="S-1-5-18"/></System><EventData><Data Name="RmSessionId">0</Data><Data Name="UTCStartTime">${when}</Data></EventData><RenderingInfo Culture="en-US"><Message>Starting session 0 - ${when}.</Message><Level>Information</Level><Task></Task><Opcode>Info</Opcode><Channel>Application</Channel><Provider>Microsoft-Windows-RestartManager</Provider><Keywords><Keyword>Classic</Keyword></Keywords></RenderingInfo></Event>`;
  }
  return `<Event xmlns="http://schemas.microsoft.com/win/2004/08/events/event"><System><Provider Name="MsiInstaller"/><EventID Qualifiers="0">1033</EventID><Version>0</Version><Level>4</Level><Task>0</Task><Opcode>0</Opcode><Keywords>0x80000000000000</Keywords><TimeCreated SystemTime="${when}"/><EventRecordID>${rec}</EventRecordID><Correlation/><Execution ProcessID="0" ThreadID="0"/><Channel>Application</Channel><Computer>${computer}</Computer><Security/></System><EventData><Data>Windows Installer installed the product. Product Name: Example Agent &amp; Tools.</Data></EventData></Event>`;
}

/** Windows writes 7 fractional digits. */
const systemTime = (ms) => new Date(ms).toISOString().replace('Z', '0000Z');
/** '2024/01/01 10:05' as 12288/12289 print the client time. */
const clientTime = (ms) => new Date(ms).toISOString().slice(0, 16).replace('T', ' ').replace(/-/g, '/');
/** '2024/1/1 10:05' as 12290 prints it (no padding). */
function hostClientTime(ms) {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}/${d.getUTCMonth() + 1}/${d.getUTCDate()} ${d.getUTCHours()}:${String(d.getUTCMinutes()).padStart(2, '0')}`;
}

/**
 * What a client does in this log, by its number: most renew fine, half of the rest are refused for the
 * count, and a few show each of the troubles the rules look for.
 */
function troubleOf(client) {
  if (client % 17 === 3) return 'skew'; // clock 6 h behind: the host refuses with 0xC004F06C
  if (client % 23 === 5) return 'clone'; // shares its CMID with the client before it
  if (client % 29 === 7) return 'dns'; // no KMS host found: 12288 only
  if (client % 31 === 9) return 'other-host'; // asks a host outside the snapshot, which answers
  if (client % 37 === 11) return 'unanswered'; // asks kms01, which never logs it and never answers
  return client % 2 === 0 ? 'count' : 'ok';
}

/**
 * Yields the export in pieces (each a few KB) until at least `targetBytes` are written.
 * `ids`: 'per-channel' (the default) numbers the Application records and the Key Management Service records each
 * on their own, as one log per channel does; 'interleaved' numbers every record from one counter, so each
 * channel's ids jump over the other channel's (a merged or filtered export: holes everywhere).
 * @param {{ clients: number, targetBytes: number, unrelatedPerExchange?: number, start?: number, ids?: 'per-channel' | 'interleaved' }} options
 */
export function* denseExportChunks(options) {
  const { clients, targetBytes } = options;
  const unrelatedPer = options.unrelatedPerExchange ?? 1;
  const start = options.start ?? Date.UTC(2024, 0, 1);
  yield '<?xml version="1.0" encoding="utf-8" standalone="yes"?>\r\n<Events>';
  let bytes = 0;
  let rec = 1;
  let kmsRec = 1;
  const interleaved = options.ids === 'interleaved';
  for (let group = 0; bytes < targetBytes; group++) {
    const client = group % clients;
    const trouble = troubleOf(client);
    const name = `pc${String(client).padStart(4, '0')}.corp.contoso.com`;
    // The first group of a GUID is 8 hex digits: past 9,999 clients the number takes the '6c' too.
    const cmidOf = (c) => `${c < 10_000 ? `5d6c${String(c).padStart(4, '0')}` : `5d${String(c).padStart(6, '0')}`}-1b2a-4c3d-8e4f-a5b6c7d8e9f0`;
    const cmid = trouble === 'clone' ? cmidOf(client - 1) : cmidOf(client);
    const at = start + group * 42_000;
    const clientAt = trouble === 'skew' ? at - 6 * 3_600_000 : at;
    const result = trouble === 'count' ? '0xC004F038' : trouble === 'skew' ? '0xC004F06C' : '0x00000000';
    const host = trouble === 'other-host' ? 'kms99.corp.contoso.com' : HOST;
    const requestResult = trouble === 'dns' ? '0x8007232B' : '0x00000000';
    const ct = clientTime(clientAt);
    const lines = [
      spp(rec++, 12288, systemTime(at), name, [`${requestResult}, 0x00000000, ${host}:1688, ${cmid}, ${ct}, 0, 2, 30240, ${ENTERPRISE}, 25`], 'Application', 'Software Protection Platform Service'),
    ];
    if (trouble !== 'dns' && trouble !== 'unanswered') {
      if (host === HOST) {
        const fields = [result, '25', name, cmid, hostClientTime(clientAt), '0', '2', '30240', ENTERPRISE];
        lines.push(spp(interleaved ? rec++ : kmsRec++, 12290, systemTime(at + 300), HOST, [fields.join(','), ...fields], 'Key Management Service', 'KmsRequests'));
      }
      const activated = result === '0x00000000';
      lines.push(spp(rec++, 12289, systemTime(at + 600), name, [`${result}, ${activated ? '0x00000000' : '0x04000000'}, ${activated ? 1 : 0}, 0, ${trouble === 'count' ? 12 : 30}, 120, 10080, ${ct}`], 'Application', 'Software Protection Platform Service'));
    }
    for (let k = 0; k < unrelatedPer; k++) lines.push(unrelated(rec++, systemTime(at + 5000 + k * 1000), name, group + k));
    const chunk = lines.join('\r\n') + '\r\n';
    bytes += Buffer.byteLength(chunk);
    yield chunk;
  }
  yield '</Events>\r\n';
}

/** The whole export as one string (for the small golden copy). */
export function denseExport(options) {
  return [...denseExportChunks(options)].join('');
}
