// Template nodes + values → RawEvent, rendering only what a RawEvent holds. System children that
// RawEvent does not carry (Keywords, Task, Correlation, Execution, Security …) are never rendered,
// which is most of the per-record work in a typical log.
import type { RawEvent, SourceRef } from '../../types.js';
import type { ElementNode, Node, ValueRef } from './binxml.js';
import { EventShapeError, newEventFields, finishEvent, readPayload, readSystemField, type EventFields } from './event.js';
import { Resolver, type XElement } from './resolve.js';

const SYSTEM_FIELDS = new Set(['Provider', 'EventID', 'Level', 'TimeCreated', 'EventRecordID', 'Channel', 'Computer']);

export class EventExtractor {
  constructor(private readonly resolver: Resolver) {}

  extract(nodes: Node[], source: SourceRef): RawEvent {
    this.resolver.startRecord();
    const f = newEventFields();
    if (!this.top(nodes, null, f)) throw new EventShapeError('record holds no <Event> element');
    return finishEvent(f, source);
  }

  private top(nodes: Node[], values: ValueRef[] | null, f: EventFields): boolean {
    for (const n of nodes) {
      if (n.kind === 'inst') {
        if (this.top(n.template.nodes, n.values, f)) return true;
      } else if (n.kind === 'el' && n.name === 'Event') {
        this.event(n, values, f);
        return true;
      }
    }
    return false;
  }

  private event(ev: ElementNode, values: ValueRef[] | null, f: EventFields): void {
    for (const c of ev.children) {
      if (c.kind === 'el') {
        if (c.name === 'System') this.system(c, values, f);
        else this.resolved(this.resolver.elementsOf(c, values), f);
      } else if (c.kind === 'sub') {
        // Windows stores EventData/UserData as a nested BinXML substitution under <Event>.
        const out: Array<XElement | string> = [];
        this.resolver.substitution(c.index, values, out);
        this.resolved(out, f);
      } else if (c.kind === 'inst') {
        const out: Array<XElement | string> = [];
        this.resolver.resolve([c], null, out);
        this.resolved(out, f);
      }
    }
  }

  private resolved(parts: Array<XElement | string>, f: EventFields): void {
    for (const p of parts) {
      if (typeof p === 'string') continue;
      if (p.name === 'System') {
        for (const x of p.children) if (typeof x !== 'string') readSystemField(x, f);
      } else readPayload(p, f);
    }
  }

  private system(sys: ElementNode, values: ValueRef[] | null, f: EventFields): void {
    for (const c of sys.children) {
      if (c.kind !== 'el' || !SYSTEM_FIELDS.has(c.name)) continue;
      for (const x of this.resolver.elementsOf(c, values)) if (typeof x !== 'string') readSystemField(x, f);
    }
  }
}
