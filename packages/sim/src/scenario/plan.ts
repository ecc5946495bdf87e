/**
 * The plan: actions at absolute times, or `after` another action (+ `wait`). Checks ids, references
 * and cycles, and turns every time that follows from the plan alone into an absolute one.
 */
import { RRType, type Name } from '@cutover/resolver';
import { formatDuration } from './duration.ts';
import { closest } from './fields.ts';
import type { FieldPath } from './locate.ts';
import type { Normaliser } from './normalise.ts';
import { ACTION_KINDS, type ParsedAction } from './schema.ts';
import type { ActionBody, ActionTiming, PlannedAction, Scenario } from './types.ts';

export function resolvePlan(actions: readonly ParsedAction[], scenario: Scenario, n: Normaliser): PlannedAction[] {
  const problems = n.problems;
  const ids = actions.map((action, i) => action.id ?? `step-${i + 1}`);
  ids.forEach((id, i) => {
    const first = ids.indexOf(id);
    if (first !== i) problems.expected(['plan', i, 'id'], `an id not used before (plan[${first}] has it)`);
  });

  const planned: PlannedAction[] = [];
  actions.forEach((action, i) => {
    const path: FieldPath = ['plan', i];
    const timing = timingOf(action, ids[i]!, path, ids, n);
    const body = bodyOf(action, path, scenario, n);
    if (body !== undefined) planned.push({ ...timing, ...body });
  });
  const rollback = planned.findIndex((action) => action.kind === 'rollback');
  if (rollback >= 0 && !planned.some((action) => action.kind === 'delegate')) {
    problems.add(['plan', rollback, 'rollback'], 'expected a delegate action in the plan for rollback to undo, got none', 'key');
  }
  if (problems.count > 0) return planned;

  // Cycles, then absolute times where the chain of `after` never waits on a random completion.
  const byId = new Map(planned.map((action, i) => [action.id, { action, index: i }]));
  const resolved = new Map<string, number | null>();
  const timeOf = (id: string, trail: string[]): number | null | 'cycle' => {
    if (resolved.has(id)) return resolved.get(id)!;
    if (trail.includes(id)) return 'cycle';
    const entry = byId.get(id)!;
    const after = entry.action.after;
    if (after === null) {
      resolved.set(id, entry.action.at);
      return entry.action.at;
    }
    const base = timeOf(after.id, [...trail, id]);
    if (base === 'cycle') return 'cycle';
    const time = base === null || after.from === 'complete' ? null : base + after.wait;
    resolved.set(id, time);
    return time;
  };
  planned.forEach((action, i) => {
    const time = timeOf(action.id, []);
    if (time === 'cycle') {
      problems.add(['plan', i, 'after'], `expected an action that does not lead back to this one, got a cycle: ${cycleFrom(action.id, byId)}`);
      return;
    }
    action.at = time;
    if (time !== null && time > scenario.horizon) {
      problems.add(['plan', i, action.after === null ? 'at' : 'after'], `expected a time within the horizon (${formatDuration(scenario.horizon)}), got ${formatDuration(time)}`);
    }
  });
  return planned;
}

function cycleFrom(start: string, byId: Map<string, { action: PlannedAction }>): string {
  const chain = [start];
  let next = byId.get(start)?.action.after?.id;
  while (next !== undefined && !chain.includes(next)) {
    chain.push(next);
    next = byId.get(next)?.action.after?.id;
  }
  return [...chain, next ?? ''].join(' → after → ');
}

function timingOf(action: ParsedAction, id: string, path: FieldPath, ids: readonly string[], n: Normaliser): ActionTiming {
  const problems = n.problems;
  if (action.at !== undefined && action.after !== undefined) {
    problems.add([...path, 'after'], 'expected either at or after, not both', 'key');
  } else if (action.at === undefined && action.after === undefined) {
    problems.add(path, 'expected at (a time from the start) or after (the id of another action)');
  }
  if (action.after === undefined) {
    for (const key of ['wait', 'from'] as const) {
      if (action[key] !== undefined) problems.add([...path, key], `${key} applies only with after`, 'key');
    }
    return { id, at: action.at ?? 0, after: null };
  }
  if (!ids.includes(action.after)) {
    const guess = closest(action.after, ids);
    problems.expected([...path, 'after'], `the id of an action in the plan (${ids.join(', ')})`, guess === undefined ? '' : `; did you mean "${guess}"?`);
  }
  return { id, at: null, after: { id: action.after, wait: action.wait ?? 0, from: action.from ?? 'taken' } };
}

function bodyOf(action: ParsedAction, path: FieldPath, scenario: Scenario, n: Normaliser): ActionBody | undefined {
  const problems = n.problems;
  const kinds = ACTION_KINDS.filter((kind) => action[kind] !== undefined);
  if (kinds.length !== 1) {
    problems.add(path, `expected exactly one of ${ACTION_KINDS.join(', ')}, got ${kinds.length === 0 ? 'none' : kinds.join(' and ')}`);
    return undefined;
  }
  const providers = scenario.providers;
  const provider = (name: string, at: FieldPath): string => {
    if (!providers.some((p) => p.name === name)) n.unknownProvider(name, at, providers);
    return name;
  };
  const domain: Name = scenario.domain;
  const kind = kinds[0]!;
  const here = [...path, kind];
  switch (kind) {
    case 'set-ttl': {
      const spec = action['set-ttl']!;
      return {
        kind,
        provider: provider(spec.provider, [...here, 'provider']),
        name: spec.name === undefined ? domain : (n.name(spec.name, [...here, 'name'], domain) ?? domain),
        type: spec.type === undefined ? RRType.NS : n.type(spec.type, [...here, 'type']),
        ttl: spec.ttl,
      };
    }
    case 'create-zone':
      return { kind, provider: provider(action['create-zone']!.provider, [...here, 'provider']) };
    case 'import-records': {
      const spec = action['import-records']!;
      const sources = (['from', 'file', 'records'] as const).filter((key) => spec[key] !== undefined);
      const target = provider(spec.provider, [...here, 'provider']);
      if (sources.length !== 1) {
        problems.add(here, `expected exactly one of from, file, records, got ${sources.length === 0 ? 'none' : sources.join(' and ')}`);
        return undefined;
      }
      if (spec.from !== undefined) {
        provider(spec.from, [...here, 'from']);
        if (spec.from === spec.provider) problems.expected([...here, 'from'], 'a provider other than the one importing');
        return { kind, provider: target, source: { kind: 'import', from: spec.from } };
      }
      const { records, file } = n.zoneRecords(spec, here, domain);
      return { kind, provider: target, source: { kind: 'records', records, file } };
    }
    case 'set-records': {
      const spec = action['set-records']!;
      return { kind, provider: provider(spec.provider, [...here, 'provider']), records: n.zoneRecords({ records: spec.records }, here, domain).records };
    }
    case 'delegate':
      return { kind, ...n.delegation(action.delegate!, here, domain, providers) };
    case 'rollback':
      return { kind };
    case 'decommission': {
      const spec = action.decommission!;
      return { kind, provider: provider(spec.provider, [...here, 'provider']), mode: spec.mode ?? 'stop' };
    }
    case 'change-address': {
      const spec = action['change-address']!;
      const target = provider(spec.provider, [...here, 'provider']);
      const server = n.name(spec.server, [...here, 'server']) ?? '.';
      const servers = providers.find((p) => p.name === target)?.nameservers;
      if (servers !== undefined && !servers.some((s) => s.name === server)) {
        problems.expected([...here, 'server'], `one of the name servers of ${target} (${servers.map((s) => s.name).join(', ')})`);
      }
      return { kind, provider: target, server, address: spec.address };
    }
  }
}
