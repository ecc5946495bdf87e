/**
 * Small inline scenarios for the builder's tests, written as YAML and read by the real parser, so
 * the tests exercise the path a scenario file takes. `lab` makes the usual two-provider migration
 * with every delay and TTL given explicitly; the other fields are the parser's defaults.
 */
import { parseScenario } from '../../src/scenario/load.ts';
import type { Scenario } from '../../src/scenario/types.ts';

export const OLD_WWW = '192.0.2.1';
export const NEW_WWW = '192.0.2.2';

export interface LabSpec {
  horizon: number;
  bin: number;
  seed?: number;
  /** TTL of the delegation at com (the parent side). */
  parentTtl: number;
  /** NS TTL at both providers (the child side); the parent's by default. */
  childTtl?: number;
  wwwTtl?: number;
  /** YAML list items of resolvers.mix, e.g. "{ profile: unbound, share: 1 }". */
  mix: string[];
  resolvers: number;
  clients: number;
  lookupsPerHour: number;
  /** Seconds between the registrar's submission and com's publication. */
  publishDelay?: number;
  registrarDelay?: number;
  /** Extra YAML lines for providers.old and providers.new (indented by the caller's 4 spaces). */
  oldExtra?: string[];
  newProvider?: string[];
  watch?: string[];
  /** The clients' stub mix (YAML), `none` by default. */
  stub?: string;
  plan: string[];
}

export function labYaml(spec: LabSpec): string {
  const childTtl = spec.childTtl ?? spec.parentTtl;
  const wwwTtl = spec.wwwTtl ?? 60;
  const lines = [
    '# A test migration from old to new.',
    `seed: ${spec.seed ?? 1}`,
    `horizon: ${spec.horizon}`,
    `bin: ${spec.bin}`,
    'domain: example.com',
    'watch:',
    ...(spec.watch ?? ['www.example.com']).map((w) => `  - ${w}`),
    'hierarchy:',
    '  tlds:',
    `    com: { delegationTtl: ${spec.parentTtl}, publishDelay: ${spec.publishDelay ?? 0} }`,
    `registrar: { delay: ${spec.registrarDelay ?? 0} }`,
    'providers:',
    '  old:',
    '    nameservers: [ns1.oldprov.net, ns2.oldprov.net]',
    `    nsTtl: ${childTtl}`,
    ...(spec.oldExtra ?? []).map((l) => `    ${l}`),
    '    zone:',
    '      records:',
    `        - "www ${wwwTtl} IN A ${OLD_WWW}"`,
    '  new:',
    ...(spec.newProvider ?? [
      '    nameservers: [ns1.newprov.net, ns2.newprov.net]',
      `    nsTtl: ${childTtl}`,
      '    zone:',
      '      records:',
      `        - "www ${wwwTtl} IN A ${NEW_WWW}"`,
    ]),
    'resolvers:',
    `  count: ${spec.resolvers}`,
    '  latency: 10ms',
    '  mix:',
    ...spec.mix.map((m) => `    - ${m}`),
    'clients:',
    `  count: ${spec.clients}`,
    '  spread: equal',
    `  lookupsPerHour: ${spec.lookupsPerHour}`,
    `  stub: ${spec.stub ?? 'none'}`,
    'plan:',
    ...spec.plan.map((p) => `  - ${p}`),
  ];
  return `${lines.join('\n')}\n`;
}

export function lab(spec: LabSpec): Scenario {
  return parseScenario(labYaml(spec), 'test.yaml');
}

/** Index of the first bin at or after time `t`. */
export function binAt(scenario: Scenario, t: number): number {
  return Math.ceil(t / scenario.bin);
}
