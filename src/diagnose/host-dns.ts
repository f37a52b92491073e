// 12293/12294 bookkeeping shared by the DNS publishing rules and walk steps.
import type { KmsServiceFact } from '../decode/index.js';
import type { MachineView } from '../evidence/machine-view/index.js';

/** 12293s not followed by a 12294 for the same domain (SRV publishing is retried every 24 hours). */
export function openPublishFailures(view: MachineView): KmsServiceFact[] {
  const service = view.facts('kms-service');
  // From the newest back: a failure is open unless a success for its domain came after it.
  const publishedLater = new Set<string>();
  const open: KmsServiceFact[] = [];
  for (let i = service.length - 1; i >= 0; i--) {
    const f = service[i];
    const domain = (f.domain ?? '').toLowerCase();
    if (f.event === 'dns-publish-ok') publishedLater.add(domain);
    else if (f.event === 'dns-publish-failed' && !publishedLater.has(domain)) open.push(f);
  }
  return open.reverse();
}

export function publishSuccesses(view: MachineView): KmsServiceFact[] {
  return view.facts('kms-service').filter((f) => f.event === 'dns-publish-ok');
}
