// 12293/12294 bookkeeping shared by the DNS publishing rules and walk steps.
import type { KmsServiceFact } from '../decode/index.js';
import type { MachineView } from './machine-view.js';

/** 12293s not followed by a 12294 for the same domain (SRV publishing is retried every 24 hours). */
export function openPublishFailures(view: MachineView): KmsServiceFact[] {
  const service = view.facts('kms-service');
  return service.filter((f, i) => {
    if (f.event !== 'dns-publish-failed') return false;
    const domain = (f.domain ?? '').toLowerCase();
    return !service.slice(i + 1).some((g) => g.event === 'dns-publish-ok' && (g.domain ?? '').toLowerCase() === domain);
  });
}

export function publishSuccesses(view: MachineView): KmsServiceFact[] {
  return view.facts('kms-service').filter((f) => f.event === 'dns-publish-ok');
}
