/**
 * The scenario's plan, run on the world's engine. Each action is taken at its time (absolute, or
 * `after` another action was taken or completed, which is known only during the run when a random
 * delay lies in between) and does what the operator's click does:
 *
 * - set-ttl, create-zone, import-records, set-records: a new version of the zone at one provider,
 *   reaching each of its servers after that server's delay (PENDING until all have it: INSYNC,
 *   which is when the action completes);
 * - delegate, rollback: the registrar submits the new NS set after its delay, the registry
 *   publishes it after its own (completion); white-label names come with their glue, and the
 *   provider's apex NS set is changed to them, as the Route 53 guide has it done (with address
 *   records for those the zone does not already give addresses or a CNAME);
 * - decommission: every server of the provider stops answering (timeouts) or answers REFUSED;
 * - change-address: a server moves. The provider updates its own records of the host (its
 *   infrastructure zone, and that zone's glue at the registry); nobody updates the glue of the
 *   migrated domain at its registry or the white-label records in the domain's zone, which is
 *   what breaks white-label name servers.
 *
 * Records the timeline: what was done in which lane, and the waits that follow from it.
 */
import { groupRRsets, isSubdomain, RRType, typeName, type Name, type RR, type RRset, type Zone } from '@cutover/resolver';
import type { TimelineEntry } from '../result.ts';
import { sampler } from '../random/sampler.ts';
import type { Delegation, PlannedAction, Provider } from '../scenario/types.ts';
import { scheduleServerMove } from '../world/server-node.ts';
import type { World } from '../world/world.ts';
import type { BuildContext } from './context.ts';
import { BuildError } from './errors.ts';
import { rrset, type Hierarchy } from './hierarchy.ts';
import { delegationHosts, type HostPlan } from './nameserver-hosts.ts';
import { apexHosts, domainZone, type BuiltProvider } from './providers.ts';

export interface PlanRecord {
  timeline: TimelineEntry[];
  /** When the registrar submitted the first delegation change; null until it has. */
  changeAt: number | null;
}

/** The provider the plan moves the domain to: the first delegate action's target other than the start's; null if none. */
export function targetProvider(ctx: BuildContext): string | null {
  const start = ctx.scenario.delegation.to;
  for (const action of ctx.scenario.plan) if (action.kind === 'delegate' && action.to !== start) return action.to;
  return null;
}

export function schedulePlan(world: World, ctx: BuildContext, hierarchy: Hierarchy, providers: ReadonlyMap<string, BuiltProvider>, hosts: HostPlan): PlanRecord {
  const { scenario } = ctx;
  const engine = world.engine;
  const record: PlanRecord = { timeline: [], changeAt: null };
  const registrarDelay = sampler(scenario.registrar.delay, ctx.stream('registrar', 'delay'), 'registrar.delay');
  const registry = hierarchy.registries.get(scenario.registry)!;
  /** Delegations in the order the operator asked for them (what a rollback goes back from). */
  const requested: Delegation[] = [scenario.delegation];
  /** Delegations in the order the registrar submitted them (what the registry replaces). */
  const submitted: Delegation[] = [scenario.delegation];
  const dependents = new Map<string, PlannedAction[]>();
  for (const action of scenario.plan) {
    if (action.at !== null || action.after === null) continue;
    const list = dependents.get(action.after.id) ?? [];
    list.push(action);
    dependents.set(action.after.id, list);
  }

  const where = (action: PlannedAction): string => `plan[${scenario.plan.indexOf(action)}] (${action.kind}, id ${action.id})`;
  const lane = (provider: string): TimelineEntry['lane'] => (provider === scenario.delegation.to ? 'old provider' : 'new provider');
  const display = (p: Provider): string => (p.preset === 'route53' ? 'Route 53' : p.name);
  const note = (entry: TimelineEntry): void => {
    record.timeline.push(entry);
  };
  const built = (action: PlannedAction, name: string): BuiltProvider => {
    const p = providers.get(name);
    if (p === undefined) throw new BuildError(scenario.file, where(action), `no provider named ${name}`);
    return p;
  };
  const zoneAt = (action: PlannedAction, p: BuiltProvider): Zone => {
    const zone = p.world.zone(scenario.domain);
    if (zone === undefined) throw new BuildError(scenario.file, where(action), `${p.spec.name} has no zone for ${scenario.domain} at t=${engine.now} s (create-zone first)`);
    return zone;
  };
  /** A change at a provider: notes its PENDING period and returns when it is INSYNC. */
  const synced = (p: BuiltProvider, insync: number): number => {
    if (insync > engine.now) note({ lane: lane(p.spec.name), label: `${display(p.spec)} PENDING → INSYNC`, start: engine.now, end: insync });
    return insync;
  };

  const completed = (action: PlannedAction, at: number): void => {
    for (const next of dependents.get(action.id) ?? []) if (next.after!.from === 'complete') scheduleAction(next, at + next.after!.wait);
  };
  const taken = (action: PlannedAction, now: number): void => {
    for (const next of dependents.get(action.id) ?? []) if (next.after!.from === 'taken') scheduleAction(next, now + next.after!.wait);
  };

  const delegateTo = (action: PlannedAction, next: Delegation, label: string): void => {
    const now = engine.now;
    if (next.whiteLabel) {
      // The provider's zone names the white-label servers at its apex, with their addresses.
      const p = built(action, next.to);
      const zone = p.world.zone(scenario.domain);
      if (zone !== undefined) synced(p, p.world.change(scenario.domain, whiteLabelApex(delegationHosts(next, scenario))));
    }
    requested.push(next);
    const submitAt = now + Math.max(0, registrarDelay());
    note({ lane: 'registrar', label, start: now, end: submitAt });
    engine.scheduleAt(submitAt, () => {
      const previous = submitted[submitted.length - 1]!;
      submitted.push(next);
      record.changeAt ??= engine.now;
      const publishAt = registry.submit(scenario.registry, hierarchy.delegationChange(previous, next));
      note({ lane: 'registry', label: 'registry publishes', start: publishAt });
      const old = providers.get(previous.to)?.world.zone(scenario.domain);
      const longest = Math.max(hierarchy.delegationTtl, old?.apexNs.ttl ?? 0);
      note({ lane: 'resolvers', label: `old NS TTL ${longest} s`, start: publishAt, end: publishAt + longest });
      completed(action, publishAt);
    });
  };

  const take = (action: PlannedAction): void => {
    const now = engine.now;
    taken(action, now);
    switch (action.kind) {
      case 'set-ttl': {
        const p = built(action, action.provider);
        const zone = zoneAt(action, p);
        const set = zone.get(action.name, action.type);
        if (set === undefined) throw new BuildError(scenario.file, where(action), `${p.spec.name} has no ${action.name} ${typeName(action.type)} records to set the TTL of`);
        note({ lane: lane(p.spec.name), label: `${typeName(action.type)} TTL ${action.ttl} s${action.name === scenario.domain ? '' : ` on ${action.name}`}`, start: now });
        completed(action, synced(p, p.world.change(scenario.domain, { put: [{ ...set, ttl: action.ttl }] })));
        return;
      }
      case 'create-zone': {
        const p = built(action, action.provider);
        note({ lane: lane(p.spec.name), label: `create hosted zone at ${display(p.spec)}`, start: now });
        completed(action, synced(p, p.world.publish(domainZone(ctx, p.spec, apexHosts(p.spec, null), []))));
        return;
      }
      case 'import-records': {
        const p = built(action, action.provider);
        const records = importedRecords(action, action.source);
        const zone = p.world.zone(scenario.domain);
        const next = zone === undefined ? domainZone(ctx, p.spec, apexHosts(p.spec, null), records) : withRecords(zone, records);
        note({ lane: lane(p.spec.name), label: `import records into ${display(p.spec)}`, start: now });
        completed(action, synced(p, p.world.publish(next)));
        return;
      }
      case 'set-records': {
        const p = built(action, action.provider);
        zoneAt(action, p);
        note({ lane: lane(p.spec.name), label: `change records at ${display(p.spec)} only`, start: now });
        completed(action, synced(p, p.world.change(scenario.domain, { put: groupRRsets(action.records) })));
        return;
      }
      case 'delegate':
        delegateTo(action, action, `change NS to ${action.to}`);
        return;
      case 'rollback': {
        const back = requested[requested.length - 2];
        if (back === undefined) throw new BuildError(scenario.file, where(action), `at t=${now} s no delegation change has been asked for to roll back`);
        delegateTo(action, back, `roll back NS to ${back.to}`);
        return;
      }
      case 'decommission': {
        const p = built(action, action.provider);
        p.world.scheduleState(world.network, action.mode === 'stop' ? 'stopped' : 'lame', now);
        note({ lane: lane(p.spec.name), label: `decommission ${display(p.spec)} (${action.mode === 'stop' ? 'servers stop' : 'REFUSED'})`, start: now });
        completed(action, now);
        return;
      }
      case 'change-address': {
        const p = built(action, action.provider);
        const server = p.world.servers.find((s) => s.host === action.server);
        if (server === undefined) throw new BuildError(scenario.file, where(action), `${p.spec.name} has no server ${action.server}`);
        scheduleServerMove(engine, world.horizon, world.network, server, action.address, now);
        note({ lane: lane(p.spec.name), label: `${action.server} moves to ${action.address}`, start: now });
        let done = now;
        for (const domain of hosts.infra.filter((d) => d.provider === p.spec.name && isSubdomain(action.server, d.domain))) {
          const moved = (zone: Zone): RRset[] => {
            const set = zone.get(action.server, RRType.A);
            return set === undefined ? [] : [{ ...set, data: [action.address] }];
          };
          done = Math.max(done, synced(p, p.world.change(domain.domain, { put: moved(p.world.zone(domain.domain)!) })));
          const parent = hierarchy.registries.get(domain.registry)!;
          done = Math.max(done, parent.submit(domain.registry, (zone) => zone.withChanges({ put: moved(zone) })));
        }
        completed(action, done);
        return;
      }
    }
  };

  /** Records of another provider's zone as it is now, or of a file or list. */
  const importedRecords = (action: PlannedAction, source: Extract<PlannedAction, { kind: 'import-records' }>['source']): RR[] => {
    if (source.kind === 'records') return source.records;
    const from = built(action, source.from);
    return zoneAt(action, from)
      .records()
      .filter((rr) => rr.name !== scenario.domain || (rr.type !== RRType.SOA && rr.type !== RRType.NS));
  };

  function scheduleAction(action: PlannedAction, at: number): void {
    engine.scheduleAt(Math.max(at, engine.now), () => take(action));
  }

  for (const action of scenario.plan) if (action.at !== null) scheduleAction(action, action.at);
  return record;
}

/** `zone` with every record replaced by `records`, except the apex SOA and NS and the addresses of in-zone name servers. */
function withRecords(zone: Zone, records: readonly RR[]): Zone {
  const origin = zone.origin;
  const nsHosts = new Set(zone.apexNs.data as string[]);
  const keep = (set: RRset): boolean => (set.name === origin && (set.type === RRType.SOA || set.type === RRType.NS)) || (nsHosts.has(set.name) && set.type === RRType.A);
  const remove = zone.rrsets().filter((set) => !keep(set)).map((set) => ({ name: set.name, type: set.type }));
  const put = groupRRsets(records).filter((set) => !keep(set));
  return zone.withChanges({ remove, put });
}

/**
 * A zone edit making the white-label hosts the apex NS set (same TTL), with an address record for
 * each in-zone host the zone does not define already: a host the owner gave a CNAME (the mistake
 * RFC 1912 §2.4 warns of) or addresses of its own keeps what the owner wrote.
 */
function whiteLabelApex(hosts: readonly { name: Name; address: string }[]): (zone: Zone) => Zone {
  return (zone) => {
    const { origin, apexNs } = zone;
    const defined = (name: Name): boolean => ADDRESS_OR_ALIAS.some((type) => zone.get(name, type) !== undefined);
    return zone.withChanges({
      put: [
        rrset(origin, RRType.NS, apexNs.ttl, hosts.map((h) => h.name)),
        ...hosts.filter((h) => isSubdomain(h.name, origin) && !defined(h.name)).map((h) => rrset(h.name, RRType.A, apexNs.ttl, [h.address])),
      ],
    });
  };
}

/** Record types that say where a host is: an address of its own, or an alias. */
const ADDRESS_OR_ALIAS = [RRType.A, RRType.AAAA, RRType.CNAME] as const;
