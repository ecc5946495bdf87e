import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { InputError } from '@cutover/resolver';
import { describe, expect, it } from 'vitest';
import { ScenarioError } from '../../src/scenario/errors.ts';
import { loadScenario, parseScenario } from '../../src/scenario/load.ts';
import { BASE, BASE_LINES, withLine } from './fixtures.ts';

const FILE = 'scenarios/x.yaml';

function errorOf(text: string, readFile?: (path: string) => string): ScenarioError {
  try {
    parseScenario(text, FILE, readFile === undefined ? {} : { readFile });
  } catch (error) {
    expect(error).toBeInstanceOf(ScenarioError);
    expect(error).toBeInstanceOf(InputError);
    return error as ScenarioError;
  }
  throw new Error('expected a ScenarioError');
}

/** 1-based column of `token` in `line`: where the text to fix starts, read off the text itself. */
function columnOf(line: string, token: string): number {
  const index = line.indexOf(token);
  if (index < 0) throw new Error(`${token} not in ${line}`);
  return index + 1;
}

interface Case {
  /** The base scenario's line number to change, and what to put there. */
  line: number;
  text: string | string[] | null;
  /** Lines replaced from `line` on (default 1). */
  count?: number;
  /** Where the error must point: line, and the token whose first character is the column. */
  at: [line: number, token: string];
  path: string;
  reason: string | RegExp;
}

/** Each a mistake someone will make, and the message that must come back. */
const cases: Record<string, Case> = {
  'a misspelt top-level key': {
    line: 4,
    text: 'horizn: 5d',
    at: [4, 'horizn'],
    path: 'horizn',
    reason: 'unknown key "horizn"; did you mean "horizon"?',
  },
  'a misspelt provider key': {
    line: 12,
    text: '    nameserver: [ns1.oldprovider.net]',
    at: [12, 'nameserver'],
    path: 'providers.old.nameserver',
    reason: 'unknown key "nameserver"; did you mean "nameservers"?',
  },
  'a misspelt key in a mix entry (reported before the missing key it causes)': {
    line: 23,
    text: '    - { profle: unbound, share: 0.5 }',
    at: [23, 'profle'],
    path: 'resolvers.mix[0].profle',
    reason: 'unknown key "profle"; did you mean "profile"?',
  },
  'a misspelt key inside an action': {
    line: 30,
    text: '  - { id: lower-ttl, at: 0, set-ttl: { provider: old, tll: 900 } }',
    at: [30, 'tll'],
    path: 'plan[0].set-ttl.tll',
    reason: 'unknown key "tll"; did you mean "ttl"?',
  },
  'a misspelt action kind': {
    line: 32,
    text: '  - { after: change, wait: 2d, decomission: { provider: old } }',
    at: [32, 'decomission'],
    path: 'plan[2].decomission',
    reason: 'unknown key "decomission"; did you mean "decommission"?',
  },
  'a misspelt distribution kind': {
    line: 21,
    text: ['  count: 100', '  latency: { exponentail: { mean: 20ms } }'],
    at: [22, 'exponentail'],
    path: 'resolvers.latency.exponentail',
    reason: 'unknown key "exponentail"; did you mean "exponential"?',
  },
  'a misspelt key inside a distribution': {
    line: 21,
    text: ['  count: 100', '  latency: { lognormal: { median: 30ms, p96: 150ms } }'],
    at: [22, 'p96'],
    path: 'resolvers.latency.lognormal.p96',
    reason: 'unknown key "p96"; did you mean "p95"?',
  },
  'a word where a whole number belongs': {
    line: 21,
    text: '  count: many',
    at: [21, 'many'],
    path: 'resolvers.count',
    reason: 'expected a whole number ≥ 1, got "many"',
  },
  'a fraction where a whole number belongs': {
    line: 21,
    text: '  count: 10.5',
    at: [21, '10.5'],
    path: 'resolvers.count',
    reason: 'expected a whole number ≥ 1, got 10.5',
  },
  'a share that is not a number': {
    line: 23,
    text: '    - { profile: unbound, share: 0.5x }',
    at: [23, '0.5x'],
    path: 'resolvers.mix[0].share',
    reason: 'expected a number between 0 and 1, got "0.5x"',
  },
  'a share above 1': {
    line: 23,
    text: '    - { profile: unbound, share: 1.5 }',
    at: [23, '1.5'],
    path: 'resolvers.mix[0].share',
    reason: 'expected a number between 0 and 1, got 1.5',
  },
  'a share with no value': {
    line: 23,
    text: '    - { profile: unbound, share: }',
    at: [23, 'share'],
    path: 'resolvers.mix[0].share',
    reason: 'expected a number between 0 and 1, got an empty value',
  },
  'shares that do not add up to 1': {
    line: 23,
    text: '    - { profile: unbound, share: 0.4 }',
    at: [23, '-'],
    path: 'resolvers.mix',
    reason: 'expected shares adding up to 1, got 0.9',
  },
  'stub shares that do not add up to 1': {
    line: 28,
    text: ['  stub:', '    - { kind: browser, share: 0.6 }', '    - { kind: os, share: 0.3 }'],
    at: [29, '-'],
    path: 'clients.stub',
    reason: 'expected shares adding up to 1, got 0.9',
  },
  'an unknown resolver profile': {
    line: 23,
    text: '    - { profile: unbund, share: 0.5 }',
    at: [23, 'unbund'],
    path: 'resolvers.mix[0].profile',
    reason: /^expected a resolver profile \(unbound, bind, .*forwarder\), got "unbund"; did you mean "unbound"\?$/,
  },
  'an unknown named mix': {
    line: 28,
    text: '  stub: defualt',
    at: [28, 'defualt'],
    path: 'clients.stub',
    reason: 'expected a stub mix name (default, none) or a list, got "defualt"; did you mean "default"?',
  },
  'a stub kind that does not exist': {
    line: 28,
    text: ['  stub:', '    - { kind: browsr, share: 1 }'],
    at: [29, 'browsr'],
    path: 'clients.stub[0].kind',
    reason: 'expected one of "browser", "os", "java", "none", got "browsr"; did you mean "browser"?',
  },
  'a malformed duration': {
    line: 4,
    text: 'horizon: 5x',
    at: [4, '5x'],
    path: 'horizon',
    reason: 'expected a duration such as 300, 45s, 15m, 48h, 7d or 1h30m, got "5x"',
  },
  'units in the wrong order': {
    line: 4,
    text: 'horizon: 30m1h',
    at: [4, '30m1h'],
    path: 'horizon',
    reason: 'expected a duration such as 300, 45s, 15m, 48h, 7d or 1h30m, got "30m1h"',
  },
  'a negative duration': {
    line: 5,
    text: 'bin: -5',
    at: [5, '-5'],
    path: 'bin',
    reason: 'expected a duration such as 300, 45s, 15m, 48h, 7d or 1h30m (not negative), got -5',
  },
  'a duration of the wrong type': {
    line: 5,
    text: 'bin: true',
    at: [5, 'true'],
    path: 'bin',
    reason: 'expected a duration such as 300, 45s, 15m, 48h, 7d or 1h30m, got true',
  },
  'a bin longer than the horizon': {
    line: 5,
    text: 'bin: 6d',
    at: [5, '6d'],
    path: 'bin',
    reason: 'expected a duration ≤ the horizon (5d), got "6d"',
  },
  'zero replications': {
    line: 3,
    text: ['name: test', 'replications: 0'],
    at: [4, '0'],
    path: 'replications',
    reason: 'expected a whole number ≥ 1, got 0',
  },
  'no domain': {
    line: 6,
    text: null,
    at: [3, 'name'],
    path: 'domain',
    reason: 'expected a domain name such as www.example.com, got nothing',
  },
  'a bad domain name': {
    line: 6,
    text: 'domain: example..com',
    at: [6, 'example..com'],
    path: 'domain',
    reason: 'expected a domain name (empty label), got "example..com"',
  },
  'a top-level domain as the domain': {
    line: 6,
    text: 'domain: com',
    at: [6, 'com'],
    path: 'domain',
    reason: 'expected a name below a top-level domain, such as example.com, got "com"',
  },
  'the same name watched twice': {
    line: 9,
    text: '  - { name: WWW.example.com., type: a }',
    at: [9, '{'],
    path: 'watch[1]',
    reason: 'expected each name and type once, got www.example.com. A again (as watch[0])',
  },
  'a watched name outside the domain': {
    line: 8,
    text: '  - www.example.org',
    at: [8, 'www.example.org'],
    path: 'watch[0]',
    reason: 'expected a name under the domain example.com., got "www.example.org"',
  },
  'a record type that does not exist': {
    line: 9,
    text: '  - { name: example.com, type: MXX }',
    at: [9, 'MXX'],
    path: 'watch[1].type',
    reason: 'expected a record type such as A, AAAA, MX, NS, TXT, got "MXX"',
  },
  'a mapping where a list belongs': {
    line: 7,
    text: ['watch: { name: www.example.com }'],
    count: 3,
    at: [7, '{'],
    path: 'watch',
    reason: 'expected a list, got a mapping',
  },
  'text where a mapping belongs': {
    line: 26,
    text: ['clients: lots'],
    count: 3,
    at: [26, 'lots'],
    path: 'clients',
    reason: 'expected a mapping, got "lots"',
  },
  'a bad record': {
    line: 15,
    text: '        - "www 300 IN A 192.0.2.999"',
    at: [15, '"www'],
    path: 'providers.old.zone.records[0]',
    reason: /^bad A address "192\.0\.2\.999": expected .*\(in "www 300 IN A 192\.0\.2\.999"\)$/,
  },
  'a record with no TTL': {
    line: 15,
    text: '        - "www IN A 192.0.2.10"',
    at: [15, '"www'],
    path: 'providers.old.zone.records[0]',
    reason: /^no TTL for this record/,
  },
  'a record outside the domain': {
    line: 15,
    text: '        - "www.example.org. 300 IN A 192.0.2.10"',
    at: [15, '"www'],
    path: 'providers.old.zone.records[0]',
    reason: 'expected a record under example.com., got "www.example.org. 300 IN A 192.0.2.10"',
  },
  'a zone with both a file and records': {
    line: 13,
    text: '    zone: { file: old.zone, records: ["www 300 IN A 192.0.2.10"] }',
    count: 4,
    at: [13, '{'],
    path: 'providers.old.zone',
    reason: 'expected exactly one of file, records, import, got file and records',
  },
  'an import from a provider that does not exist': {
    line: 19,
    text: '    zone: { import: olde }',
    at: [19, 'olde'],
    path: 'providers.new.zone.import',
    reason: 'expected one of the providers (old, new), got "olde"; did you mean "old"?',
  },
  'an action naming a provider that does not exist': {
    line: 31,
    text: '  - { id: change, after: lower-ttl, wait: 48h, delegate: { to: nwe } }',
    at: [31, 'nwe'],
    path: 'plan[1].delegate.to',
    reason: 'expected one of the providers (old, new), got "nwe"; did you mean "new"?',
  },
  'after naming an id that does not exist': {
    line: 31,
    text: '  - { id: change, after: lower-tl, wait: 48h, delegate: { to: new } }',
    at: [31, 'lower-tl'],
    path: 'plan[1].after',
    reason: 'expected the id of an action in the plan (lower-ttl, change, step-3), got "lower-tl"; did you mean "lower-ttl"?',
  },
  'a cycle of after': {
    line: 30,
    text: '  - { id: lower-ttl, after: step-3, set-ttl: { provider: old, ttl: 900 } }',
    at: [30, 'step-3'],
    path: 'plan[0].after',
    reason: 'expected an action that does not lead back to this one, got a cycle: lower-ttl → after → step-3 → after → change → after → lower-ttl',
  },
  'two actions with one id': {
    line: 31,
    text: '  - { id: lower-ttl, after: lower-ttl, wait: 48h, delegate: { to: new } }',
    at: [31, 'lower-ttl'],
    path: 'plan[1].id',
    reason: 'expected an id not used before (plan[0] has it), got "lower-ttl"',
  },
  'two kinds in one action': {
    line: 32,
    text: '  - { after: change, wait: 2d, decommission: { provider: old }, rollback: }',
    at: [32, '{'],
    path: 'plan[2]',
    reason: /^expected exactly one of set-ttl, create-zone, .*, got rollback and decommission$/,
  },
  'both at and after': {
    line: 32,
    text: '  - { at: 1d, after: change, decommission: { provider: old } }',
    at: [32, 'after'],
    path: 'plan[2].after',
    reason: 'expected either at or after, not both',
  },
  'a wait with nothing to wait after': {
    line: 32,
    text: '  - { at: 3d, wait: 1d, decommission: { provider: old } }',
    at: [32, 'wait'],
    path: 'plan[2].wait',
    reason: 'wait applies only with after',
  },
  'neither at nor after': {
    line: 32,
    text: '  - { decommission: { provider: old } }',
    at: [32, '{'],
    path: 'plan[2]',
    reason: 'expected at (a time from the start) or after (the id of another action)',
  },
  'an action after the horizon': {
    line: 32,
    text: '  - { after: change, wait: 4d, decommission: { provider: old } }',
    at: [32, 'change'],
    path: 'plan[2].after',
    reason: 'expected a time within the horizon (5d), got 6d',
  },
  'a decommission mode that does not exist': {
    line: 32,
    text: '  - { after: change, wait: 2d, decommission: { provider: old, mode: refused } }',
    at: [32, 'refused'],
    path: 'plan[2].decommission.mode',
    reason: 'expected one of "stop", "refuse", got "refused"; did you mean "refuse"?',
  },
  'a new address for a server the provider does not have': {
    line: 32,
    text: '  - { at: 3d, change-address: { provider: new, server: ns1.oldprovider.net, address: 203.0.113.5 } }',
    at: [32, 'ns1.oldprovider.net'],
    path: 'plan[2].change-address.server',
    reason: /^expected one of the name servers of new \(ns-0\.awsdns-00\.com\., .*\), got "ns1\.oldprovider\.net"$/,
  },
  'a bad address': {
    line: 32,
    text: '  - { at: 3d, change-address: { provider: new, server: ns-0.awsdns-00.com, address: 203.0.113.500 } }',
    at: [32, '203.0.113.500'],
    path: 'plan[2].change-address.address',
    reason: 'expected an IPv4 or IPv6 address, got "203.0.113.500"',
  },
  'white-label names under the domain without glue': {
    line: 31,
    text: '  - { id: change, after: lower-ttl, wait: 48h, delegate: { to: new, nameservers: [ns1.example.com] } }',
    at: [31, 'ns1.example.com'],
    path: 'plan[1].delegate.nameservers[0]',
    reason: 'ns1.example.com. is under example.com., so the registry needs its address (glue): write { name: ns1.example.com, address: … }',
  },
  'a lognormal whose p95 is below its median': {
    line: 21,
    text: ['  count: 100', '  latency: { lognormal: { median: 30ms, p95: 10ms } }'],
    at: [22, '10ms'],
    path: 'resolvers.latency.lognormal.p95',
    reason: 'expected a duration ≥ median (30ms), got "10ms"',
  },
  'a distribution with two kinds': {
    line: 21,
    text: ['  count: 100', '  latency: { constant: 1, exponential: { mean: 1 } }'],
    at: [22, '{'],
    path: 'resolvers.latency',
    reason: 'expected exactly one kind, got constant and exponential',
  },
  'a forwarder with nothing to forward to': {
    line: 25,
    text: ['    - { profile: public, cap: 6h, share: 0.1 }', '    - { profile: forwarder, share: 0.1 }'],
    at: [26, '{'],
    path: 'resolvers.mix[3]',
    reason: 'a forwarder needs upstream: the profile or label of the resolvers it forwards to',
  },
  'a list where the providers mapping belongs': {
    line: 10,
    text: ['providers:', '  - old'],
    count: 10,
    at: [11, '-'],
    path: 'providers',
    reason: 'expected a mapping, got a list',
  },
  'an empty list of watched names': {
    line: 7,
    text: 'watch: []',
    count: 3,
    at: [7, '['],
    path: 'watch',
    reason: 'expected at least 1 item, got an empty list',
  },
  'a provider importing its own zone': {
    line: 19,
    text: '    zone: { import: new }',
    at: [19, 'new'],
    path: 'providers.new.zone.import',
    reason: 'expected a provider other than new itself, got "new"',
  },
  'a uniform whose max is below its min': {
    line: 21,
    text: ['  count: 100', '  latency: { uniform: { min: 5m, max: 1m } }'],
    at: [22, '1m'],
    path: 'resolvers.latency.uniform.max',
    reason: 'expected a duration ≥ min (5m), got "1m"',
  },
  'a stub setting that does not apply to its kind': {
    line: 28,
    text: '  stub: [{ kind: os, hold: 5m, share: 1 }]',
    at: [28, 'hold'],
    path: 'clients.stub[0].hold',
    reason: 'hold does not apply to a stub layer of kind os',
  },
  'a misspelt key in a registry': {
    line: 20,
    text: ['hierarchy: { tlds: { com: { delegationTTL: 1d } } }', 'resolvers:'],
    at: [20, 'delegationTTL'],
    path: 'hierarchy.tlds.com.delegationTTL',
    reason: 'unknown key "delegationTTL"; did you mean "delegationTtl"?',
  },
};

describe('every mistake gets its own error at its own place', () => {
  it.each(Object.entries(cases))('%s', (_title, c) => {
    const text = withLine(c.line, c.text, c.count);
    const error = errorOf(text);
    const lineText = text.split('\n')[c.at[0] - 1]!;
    const where = { line: error.line, column: error.column, path: error.path };
    expect(where).toEqual({ line: c.at[0], column: columnOf(lineText, c.at[1]), path: c.path });
    if (typeof c.reason === 'string') expect(error.reason).toBe(c.reason);
    else expect(error.reason).toMatch(c.reason);
    // One line, in the form the CLI prints.
    expect(error.message).toBe(`${FILE}:${error.line}:${error.column}: ${c.path}: ${error.reason}`);
    expect(error.message).not.toContain('\n');
  });

  it('counts cases', () => {
    expect(Object.keys(cases).length).toBeGreaterThanOrEqual(25);
  });
});

describe('files and YAML', () => {
  it('reports a YAML syntax error with its line', () => {
    const error = errorOf(withLine(31, '  - { id: change, after: lower-ttl, wait: 48h, delegate: { to: new }'));
    expect(error.path).toBe('');
    expect(error.line).toBeGreaterThanOrEqual(31);
    expect(error.message).toMatch(/^scenarios\/x\.yaml:\d+:\d+: YAML: /);
    expect(error.message).not.toContain('\n');
  });

  it('rejects tabs used for indentation', () => {
    const error = errorOf(withLine(21, '\tcount: 100'));
    expect([error.line, error.column]).toEqual([21, 1]);
    expect(error.reason).toMatch(/^YAML: .*tab/i);
  });

  it('rejects a key given twice', () => {
    const error = errorOf(withLine(5, ['bin: 5m', 'horizon: 6d']));
    expect([error.line, error.column]).toEqual([6, 1]);
    expect(error.reason).toMatch(/^YAML: .*unique/i);
  });

  it('rejects an empty file, and one holding only comments', () => {
    for (const text of ['', '\n\n', '# nothing here\n']) {
      const error = errorOf(text);
      expect(error.message).toBe('scenarios/x.yaml:1:1: expected a scenario (a mapping with domain, watch, providers, plan …), got an empty file');
    }
  });

  it('rejects a document that is not a mapping', () => {
    expect(errorOf('- a\n- b\n').message).toBe('scenarios/x.yaml:1:1: expected a scenario (a mapping with domain, watch, providers, plan …), got a list');
  });

  it('names a zone file that cannot be read, at the place that names it', () => {
    const text = withLine(13, ['    zone: { file: zones/missing.zone }']).replace(/ {6}records:\n(?: {8}- .*\n)+/, '');
    const error = errorOf(text, (path) => {
      throw Object.assign(new Error(`ENOENT: ${path}`), { code: 'ENOENT' });
    });
    expect(error.path).toBe('providers.old.zone.file');
    expect([error.line, error.column]).toEqual([13, columnOf('    zone: { file: zones/missing.zone }', 'zones/')]);
    expect(error.reason).toBe(`cannot read the zone file ${join('scenarios', 'zones', 'missing.zone')}: no such file`);
  });

  it('passes on a zone file\'s own error with its own line', () => {
    const text = withLine(13, ['    zone: { file: old.zone }']).replace(/ {6}records:\n(?: {8}- .*\n)+/, '');
    const error = errorOf(text, () => '$ORIGIN example.com.\nwww 300 IN A 192.0.2.10\nmail 300 IN A 10.0.0.300\n');
    expect(error.message).toMatch(/^old\.zone:3:\d+: .*10\.0\.0\.300/);
  });

  it('names a scenario file that does not exist', async () => {
    const path = join(tmpdir(), 'cutover-no-such-scenario.yaml');
    await expect(loadScenario(path)).rejects.toThrow(ScenarioError);
    await expect(loadScenario(path)).rejects.toThrow(`${path}:1:1: cannot read the scenario: no such file`);
  });

  it('collects every problem, in document order', () => {
    const text = BASE.replace('horizon: 5d', 'horizon: 5x').replace('share: 0.3', 'share: lots');
    const error = errorOf(text);
    expect(error.problems.map((p) => [p.line, p.path])).toEqual([
      [4, 'horizon'],
      [24, 'resolvers.mix[1].share'],
    ]);
  });

  it('accepts the base scenario the cases start from', () => {
    expect(() => parseScenario(BASE, FILE)).not.toThrow();
    expect(BASE_LINES.length).toBe(32);
  });
});
