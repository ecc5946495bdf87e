/**
 * From a scenario that has the right shape (schema.ts) to the Scenario the world is built from:
 * defaults filled in, names made canonical, references between fields checked. Every problem found
 * is recorded with its path; the caller throws them together.
 */
import {
  canonicalName,
  isSubdomain,
  NameError,
  parentName,
  parseTypeName,
  profileNames,
  RRType,
  splitLabels,
  typeName,
  type Name,
  type RR,
  type SoaData,
} from '@cutover/resolver';
import type { CheckedDistribution } from '../random/distribution.ts';
import * as defaults from './defaults.ts';
import { distribution } from './distribution-schema.ts';
import { formatDuration } from './duration.ts';
import { closest } from './fields.ts';
import type { FieldPath } from './locate.ts';
import { resolvePlan } from './plan.ts';
import type { Problems } from './problems.ts';
import { recordsFromFile, recordsFromLines, type ReadFile } from './records.ts';
import {
  mixEntrySchema,
  stubLayerSchema,
  type ParsedDelegation,
  type ParsedMixEntry,
  type ParsedNameServer,
  type ParsedProvider,
  type ParsedScenario,
  type ParsedStubLayer,
} from './schema.ts';
import type {
  Delegation,
  Hierarchy,
  MixEntry,
  Provider,
  Registry,
  ResolverPopulation,
  Scenario,
  SoaSettings,
  StubLayer,
  WatchedName,
  ZoneSource,
} from './types.ts';

export interface NormaliseContext {
  file: string;
  /** The comment at the top of the file, the description when none is given. */
  topComment: string;
  readFile: ReadFile;
  problems: Problems;
}

/** Shares of a mix may miss 1 by this much (rounding in hand-written decimals). */
const SHARE_TOLERANCE = 1e-6;

const defaultDistribution = distribution('A distribution from defaults.ts.');

/** A distribution written in the defaults (already in seconds) in its checked form. */
function checkedDefault(spec: unknown): CheckedDistribution {
  return defaultDistribution.parse(spec);
}

export function normalise(parsed: ParsedScenario, context: NormaliseContext): Scenario {
  const { problems } = context;
  const n = new Normaliser(context);

  const horizon = parsed.horizon ?? defaults.DEFAULT_HORIZON;
  const bin = parsed.bin ?? defaults.DEFAULT_BIN;
  if (!(horizon > 0)) problems.expected(['horizon'], 'a duration > 0');
  if (!(bin > 0)) problems.expected(['bin'], 'a duration > 0');
  else if (bin > horizon) problems.expected(['bin'], `a duration ≤ the horizon (${formatDuration(horizon)})`);
  else if (horizon / bin > defaults.MAX_BINS) problems.expected(['bin'], `at least ${formatDuration(horizon / defaults.MAX_BINS)} (at most ${defaults.MAX_BINS} bins over the horizon)`);

  const domain = n.name(parsed.domain, ['domain']);
  if (domain === undefined || splitLabels(domain).length < 2) {
    if (domain !== undefined) problems.expected(['domain'], 'a name below a top-level domain, such as example.com');
    // Every other name is checked against the domain; without one, those checks would only mislead.
    return problems.fail();
  }

  const providerEntries = Object.entries(parsed.providers);
  if (providerEntries.length === 0) problems.expected(['providers'], 'at least one provider, e.g. old and new');
  const providers = providerEntries.map(([name, spec]) => n.provider(name, spec, domain));
  n.checkImports(providers);
  n.assignAddresses(providers, parsed);

  const hierarchy = n.hierarchy(parsed, domain, providers);
  const registry = hierarchy.registries.map((r) => r.zone).find((zone) => zone !== domain && isSubdomain(domain, zone)) ?? '.';

  const delegation = parsed.delegation
    ? n.delegation(parsed.delegation, ['delegation'], domain, providers)
    : n.delegation({ to: providerEntries[0]?.[0] ?? '' }, ['providers'], domain, providers);

  const clientStub = n.stubMix(parsed.clients?.stub ?? 'default', ['clients', 'stub']);
  const lookupsPerHour = parsed.clients?.lookupsPerHour ?? defaults.DEFAULT_LOOKUPS_PER_HOUR;
  const watch = parsed.watch.map((item, i) => n.watch(item, ['watch', i], domain, clientStub, lookupsPerHour));
  watch.forEach((item, i) => {
    const first = watch.findIndex((other) => other.name === item.name && other.type === item.type);
    if (first !== i) problems.add(['watch', i], `expected each name and type once, got ${item.name} ${typeName(item.type)} again (as watch[${first}])`);
  });

  const spread = parsed.clients?.spread ?? defaults.DEFAULT_SPREAD;

  const scenario: Scenario = {
    file: context.file,
    name: parsed.name ?? baseName(context.file),
    description: parsed.description ?? context.topComment,
    seed: parsed.seed ?? defaults.DEFAULT_SEED,
    replications: parsed.replications ?? defaults.DEFAULT_REPLICATIONS,
    horizon,
    bin,
    domain,
    registry,
    watch,
    hierarchy,
    registrar: { delay: parsed.registrar?.delay ?? checkedDefault(defaults.REGISTRAR_DELAY) },
    providers,
    delegation,
    resolvers: n.resolvers(parsed),
    clients: {
      count: parsed.clients?.count ?? defaults.DEFAULT_CLIENT_COUNT,
      spread: spread === 'equal' ? { kind: 'equal' } : { kind: 'zipf', s: spread.zipf.s },
      lookupsPerHour,
      stub: clientStub,
    },
    plan: [],
  };
  scenario.plan = resolvePlan(parsed.plan, scenario, n);
  return scenario;
}

function baseName(file: string): string {
  const last = file.split(/[\\/]/).pop() ?? file;
  return last.replace(/\.(ya?ml|json)$/i, '') || 'scenario';
}

/** The checks and conversions of normalise, sharing the problem list and the scenario's file. */
export class Normaliser {
  readonly problems: Problems;

  constructor(private readonly context: NormaliseContext) {
    this.problems = context.problems;
  }

  /** A canonical name, or undefined (and a problem) when it cannot be one. */
  name(text: string, path: FieldPath, under?: Name): Name | undefined {
    let name: Name;
    try {
      name = canonicalName(text.endsWith('.') ? text : `${text}.`);
    } catch (error) {
      if (!(error instanceof NameError)) throw error;
      this.problems.expected(path, `a domain name (${error.reason})`);
      return undefined;
    }
    if (under !== undefined && under !== '.' && !isSubdomain(name, under)) {
      this.problems.expected(path, `a name under the domain ${under}`);
      return undefined;
    }
    return name;
  }

  /** A record type code from its mnemonic. */
  type(text: string, path: FieldPath): number {
    const code = parseTypeName(text);
    if (code === undefined) {
      this.problems.expected(path, 'a record type such as A, AAAA, MX, NS, TXT');
      return RRType.A;
    }
    return code;
  }

  provider(name: string, spec: ParsedProvider, domain: Name): Provider {
    const path = ['providers', name];
    const preset = spec.preset ?? 'generic';
    const presetValues = preset === 'route53' ? defaults.ROUTE53_PROVIDER : undefined;

    let zone: ZoneSource | null = null;
    let apex: { ns: RR[]; soa: RR | undefined } = { ns: [], soa: undefined };
    if (spec.zone !== undefined) {
      const given = (['file', 'records', 'import'] as const).filter((key) => spec.zone?.[key] !== undefined);
      if (given.length !== 1) {
        this.problems.add([...path, 'zone'], `expected exactly one of file, records, import, got ${given.length === 0 ? 'none' : given.join(' and ')}`);
      } else if (spec.zone.import !== undefined) {
        zone = { kind: 'import', from: spec.zone.import };
      } else {
        const source = this.zoneRecords(spec.zone, [...path, 'zone'], domain);
        apex = splitApex(source.records, domain);
        zone = { kind: 'records', records: source.records.filter((rr) => !isApexSoaOrNs(rr, domain)), file: source.file };
      }
    }

    const nameservers = this.nameservers(spec.nameservers, [...path, 'nameservers'], presetValues?.nameservers, apex.ns);
    if (nameservers.length === 0) {
      this.problems.add(path, 'expected nameservers: give a list, a preset, or apex NS records in the zone data');
    }
    const apexSoa = apex.soa?.data as SoaData | undefined;
    const base = presetValues?.soa ?? defaults.GENERIC_PROVIDER.soa;
    const soa: SoaSettings = {
      ttl: spec.soa?.ttl ?? apex.soa?.ttl ?? base.ttl,
      mname: this.optionalName(spec.soa?.mname, [...path, 'soa', 'mname']) ?? apexSoa?.mname ?? nameservers[0]?.name ?? '.',
      rname:
        this.optionalName(spec.soa?.rname, [...path, 'soa', 'rname']) ??
        apexSoa?.rname ??
        canonicalName(presetValues ? `${presetValues.soa.rname}.` : `hostmaster.${domain}`),
      serial: spec.soa?.serial ?? apexSoa?.serial ?? base.serial,
      refresh: spec.soa?.refresh ?? apexSoa?.refresh ?? base.refresh,
      retry: spec.soa?.retry ?? apexSoa?.retry ?? base.retry,
      expire: spec.soa?.expire ?? apexSoa?.expire ?? base.expire,
      minimum: spec.soa?.minimum ?? apexSoa?.minimum ?? base.minimum,
    };
    return {
      name,
      preset,
      nameservers: nameservers.map((server) => ({ name: server.name, address: server.address ?? '' })),
      nsTtl: spec.nsTtl ?? presetValues?.nsTtl ?? apex.ns[0]?.ttl ?? defaults.GENERIC_PROVIDER.nsTtl,
      soa,
      propagation: spec.propagation ?? checkedDefault(presetValues?.propagation ?? defaults.GENERIC_PROVIDER.propagation),
      apexNsInAuthority: spec.apexNsInAuthority ?? presetValues?.apexNsInAuthority ?? defaults.GENERIC_PROVIDER.apexNsInAuthority,
      cookies: spec.cookies ?? presetValues?.cookies ?? defaults.GENERIC_PROVIDER.cookies,
      zone,
    };
  }

  /** Records from `{ file }` or `{ records }`. */
  zoneRecords(spec: { file?: string | undefined; records?: string[] | undefined }, path: FieldPath, domain: Name): { records: RR[]; file: string | null } {
    if (spec.file !== undefined) {
      return recordsFromFile(spec.file, this.context.file, domain, [...path, 'file'], this.problems, this.context.readFile);
    }
    return { records: recordsFromLines(spec.records ?? [], domain, [...path, 'records'], this.problems), file: null };
  }

  private optionalName(text: string | undefined, path: FieldPath): Name | undefined {
    return text === undefined ? undefined : this.name(text, path);
  }

  /** Name servers as given, else the preset's, else the zone data's apex NS; addresses are filled in later. */
  private nameservers(given: ParsedNameServer[] | undefined, path: FieldPath, preset: string[] | undefined, apexNs: RR[]): { name: Name; address?: string | undefined }[] {
    if (given !== undefined) {
      const servers: { name: Name; address?: string | undefined }[] = [];
      given.forEach((server, i) => {
        const spec = typeof server === 'string' ? { name: server } : server;
        const name = this.name(spec.name, typeof server === 'string' ? [...path, i] : [...path, i, 'name']);
        if (name === undefined) return;
        if (servers.some((s) => s.name === name)) this.problems.expected([...path, i], 'each name server once');
        servers.push({ name, address: spec.address });
      });
      return servers;
    }
    if (preset !== undefined) return preset.map((name) => ({ name: canonicalName(`${name}.`) }));
    return apexNs.map((rr) => ({ name: rr.data as Name }));
  }

  /** An imported zone must come from another provider, and imports must not go round in a circle. */
  checkImports(providers: Provider[]): void {
    const byName = new Map(providers.map((p) => [p.name, p]));
    for (const provider of providers) {
      if (provider.zone?.kind !== 'import') continue;
      const path = ['providers', provider.name, 'zone', 'import'];
      if (!byName.has(provider.zone.from)) {
        this.unknownProvider(provider.zone.from, path, providers);
        continue;
      }
      if (provider.zone.from === provider.name) {
        this.problems.expected(path, `a provider other than ${provider.name} itself`);
        continue;
      }
      const seen = new Set([provider.name]);
      let next: Provider | undefined = byName.get(provider.zone.from);
      while (next?.zone?.kind === 'import' && !seen.has(next.name)) {
        seen.add(next.name);
        next = byName.get(next.zone.from);
      }
      if (next !== undefined && seen.has(next.name)) {
        this.problems.expected(path, 'a provider whose zone is not imported back from this one', ` (imports go round: ${[...seen].join(' → ')} → ${next.name})`);
      }
    }
  }

  unknownProvider(name: string, path: FieldPath, providers: readonly Provider[]): void {
    const known = providers.map((p) => p.name);
    const guess = closest(name, known);
    this.problems.expected(path, `one of the providers (${known.join(', ')})`, guess === undefined ? '' : `; did you mean "${guess}"?`);
  }

  /**
   * Gives every name server without an address one from 198.18.0.0/15 (RFC 2544), skipping every
   * address the scenario mentions anywhere, and checks that no two servers share a name.
   */
  assignAddresses(providers: Provider[], parsed: ParsedScenario): void {
    const used = new Set<string>();
    JSON.stringify(parsed, (_key, value: unknown) => {
      if (typeof value === 'object' && value !== null && 'address' in value && typeof value.address === 'string') used.add(value.address);
      return value;
    });
    const owner = new Map<Name, string>();
    let next = defaults.ASSIGNED_ADDRESS_BASE + 1;
    for (const provider of providers) {
      provider.nameservers.forEach((server, i) => {
        const other = owner.get(server.name);
        if (other !== undefined && other !== provider.name) {
          this.problems.expected(['providers', provider.name, 'nameservers', i], `a name server not also listed under provider ${other}`);
        }
        owner.set(server.name, provider.name);
        if (server.address !== '') return;
        let address: string;
        do address = ipv4(next++);
        while (used.has(address));
        used.add(address);
        server.address = address;
      });
    }
  }

  hierarchy(parsed: ParsedScenario, domain: Name, providers: Provider[]): Hierarchy {
    const root = { ...defaults.ROOT_DEFAULTS };
    const givenRoot = parsed.hierarchy?.root;
    if (givenRoot?.nsTtl !== undefined) root.nsTtl = givenRoot.nsTtl;
    if (givenRoot?.delegationTtl !== undefined) root.delegationTtl = givenRoot.delegationTtl;
    if (givenRoot?.negativeTtl !== undefined) root.negativeTtl = givenRoot.negativeTtl;

    const registries = new Map<Name, Registry>();
    const defaultRegistry = (zone: Name): Registry => ({
      zone,
      delegationTtl: defaults.REGISTRY_DEFAULTS.delegationTtl,
      negativeTtl: defaults.REGISTRY_DEFAULTS.negativeTtl,
      publishDelay: checkedDefault(defaults.REGISTRY_DEFAULTS.publishDelay),
    });
    for (const tld of defaults.DEFAULT_REGISTRIES) registries.set(`${tld}.`, defaultRegistry(`${tld}.`));
    for (const [key, spec] of Object.entries(parsed.hierarchy?.tlds ?? {})) {
      const zone = this.name(key, ['hierarchy', 'tlds', key]);
      if (zone === undefined) continue;
      if (isSubdomain(zone, domain)) {
        this.problems.add(['hierarchy', 'tlds', key], `expected a registry above the domain ${domain}, got ${zone}`, 'key');
        continue;
      }
      const base = registries.get(zone) ?? defaultRegistry(zone);
      registries.set(zone, {
        zone,
        delegationTtl: spec.delegationTtl ?? base.delegationTtl,
        negativeTtl: spec.negativeTtl ?? base.negativeTtl,
        publishDelay: spec.publishDelay ?? base.publishDelay,
      });
    }
    // Every name that must be resolvable (the domain, name servers outside it) needs a registry above it.
    const needed = [domain, ...providers.flatMap((p) => p.nameservers.map((s) => s.name))].filter((name) => name === domain || !isSubdomain(name, domain));
    for (const name of needed) {
      const covered = [...registries.keys()].some((zone) => zone !== name && isSubdomain(name, zone));
      if (!covered) {
        const tld = topLevel(name);
        if (tld !== undefined && tld !== name) registries.set(tld, defaultRegistry(tld));
      }
    }
    return { root, registries: [...registries.values()].sort((a, b) => b.zone.length - a.zone.length || a.zone.localeCompare(b.zone)) };
  }

  /** A delegation with its NS names and glue: the provider's own servers, or white-label names. */
  delegation(spec: ParsedDelegation, path: FieldPath, domain: Name, providers: readonly Provider[]): Delegation {
    const provider = providers.find((p) => p.name === spec.to);
    if (provider === undefined) {
      if (providers.length > 0) this.unknownProvider(spec.to, [...path, 'to'], providers);
      return { to: spec.to, nameservers: [], whiteLabel: false };
    }
    if (spec.nameservers === undefined) {
      return { to: provider.name, nameservers: provider.nameservers.map((s) => ({ name: s.name, address: s.address })), whiteLabel: false };
    }
    const nameservers: { name: Name; address: string | null }[] = [];
    spec.nameservers.forEach((server, i) => {
      const written = typeof server === 'string' ? { name: server, address: undefined } : server;
      const serverPath = typeof server === 'string' ? [...path, 'nameservers', i] : [...path, 'nameservers', i, 'name'];
      const name = this.name(written.name, serverPath);
      if (name === undefined) return;
      const inDomain = isSubdomain(name, domain);
      if (inDomain && written.address === undefined) {
        this.problems.add([...path, 'nameservers', i], `${name} is under ${domain}, so the registry needs its address (glue): write { name: ${written.name}, address: … }`);
      }
      nameservers.push({ name, address: written.address ?? null });
    });
    return { to: provider.name, nameservers, whiteLabel: true };
  }

  watch(item: ParsedScenario['watch'][number], path: FieldPath, domain: Name, clientStub: StubLayer[], lookupsPerHour: number): WatchedName {
    const spec = typeof item === 'string' ? { name: item } : item;
    const name = this.name(spec.name, typeof item === 'string' ? path : [...path, 'name'], domain) ?? domain;
    const type = spec.type === undefined ? RRType.A : this.type(spec.type, [...path, 'type']);
    const stub =
      'stub' in spec && spec.stub !== undefined
        ? this.stubMix(spec.stub, [...path, 'stub'])
        : defaults.TYPES_WITHOUT_STUB.has(typeName(type))
          ? this.stubMix('none', [...path])
          : clientStub;
    const rate = 'lookupsPerHour' in spec && spec.lookupsPerHour !== undefined ? spec.lookupsPerHour : lookupsPerHour;
    return { name, type, stub, lookupsPerHour: rate };
  }

  stubMix(spec: string | ParsedStubLayer[], path: FieldPath): StubLayer[] {
    let layers: ParsedStubLayer[];
    if (typeof spec === 'string') {
      const named = defaults.STUB_MIXES[spec];
      if (named === undefined) {
        this.unknownName(spec, path, Object.keys(defaults.STUB_MIXES), 'a stub mix name');
        return [];
      }
      layers = named.map((layer) => stubLayerSchema.parse(layer));
    } else {
      layers = spec;
    }
    const result = layers.map((layer, i): StubLayer => {
      const here = typeof spec === 'string' ? path : [...path, i];
      const misplaced = (key: 'hold' | 'cap') => this.problems.add([...here, key], `${key} does not apply to a stub layer of kind ${layer.kind}`, 'key');
      switch (layer.kind) {
        case 'browser':
          if (layer.cap !== undefined) misplaced('cap');
          if (layer.hold === 'forever') this.problems.expected([...here, 'hold'], 'a duration (only java holds forever)');
          return { kind: 'browser', share: layer.share, hold: typeof layer.hold === 'number' ? layer.hold : defaults.BROWSER_HOLD };
        case 'java':
          if (layer.cap !== undefined) misplaced('cap');
          return { kind: 'java', share: layer.share, hold: layer.hold === 'forever' ? null : (layer.hold ?? defaults.JAVA_HOLD) };
        case 'os':
          if (layer.hold !== undefined) misplaced('hold');
          return { kind: 'os', share: layer.share, cap: layer.cap ?? { constant: defaults.OS_CAP } };
        case 'none':
          if (layer.hold !== undefined) misplaced('hold');
          if (layer.cap !== undefined) misplaced('cap');
          return { kind: 'none', share: layer.share };
      }
    });
    if (typeof spec !== 'string') this.sharesAddUp(result, path);
    return result;
  }

  resolvers(parsed: ParsedScenario): ResolverPopulation {
    const path = ['resolvers', 'mix'];
    const spec = parsed.resolvers?.mix ?? 'default';
    let entries: ParsedMixEntry[] = [];
    let mixName: string | null = null;
    if (typeof spec === 'string') {
      const named = defaults.RESOLVER_MIXES[spec];
      if (named === undefined) this.unknownName(spec, path, Object.keys(defaults.RESOLVER_MIXES), 'a resolver mix name');
      else {
        entries = named.map((entry) => mixEntrySchema.parse(entry));
        mixName = spec;
      }
    } else {
      entries = spec;
    }
    const here = (i: number): FieldPath => (typeof spec === 'string' ? path : [...path, i]);
    const known = [...profileNames(), 'forwarder'];
    const mix = entries.map((entry, i): MixEntry => {
      if (!known.includes(entry.profile)) {
        const guess = closest(entry.profile, known);
        this.problems.expected([...here(i), 'profile'], `a resolver profile (${known.join(', ')})`, guess === undefined ? '' : `; did you mean "${guess}"?`);
      }
      const role = entry.profile === 'forwarder' ? 'forwarder' : 'recursive';
      if (role === 'forwarder' && entry.upstream === undefined) this.problems.add(here(i), 'a forwarder needs upstream: the profile or label of the resolvers it forwards to');
      if (role === 'recursive' && entry.upstream !== undefined) this.problems.add([...here(i), 'upstream'], `upstream applies only to profile forwarder, not ${entry.profile}`, 'key');
      return {
        label: entry.label ?? autoLabel(entry),
        role,
        profile: entry.profile === 'forwarder' ? 'unbound' : entry.profile,
        share: entry.share,
        floor: entry.floor ?? (entry.profile === 'ttl-floor' ? { constant: 86400 } : null),
        cap: entry.cap ?? (entry.profile === 'ttl-cap' ? { constant: 21600 } : null),
        shards: entry.shards ?? (entry.profile === 'public' ? defaults.PUBLIC_SHARDS : 1),
        upstream: [],
      };
    });
    mix.forEach((entry, i) => {
      const first = mix.findIndex((other) => other.label === entry.label);
      if (first !== i) this.problems.add(here(i), `two mix entries are labelled "${entry.label}"; give one of them a different label`);
      const upstream = entries[i]?.upstream;
      if (upstream === undefined || entry.role !== 'forwarder') return;
      entry.upstream = mix.filter((other, j) => other.role === 'recursive' && (other.label === upstream || entries[j]?.profile === upstream)).map((other) => other.label);
      if (entry.upstream.length === 0) this.problems.expected([...here(i), 'upstream'], 'the profile or label of a recursive resolver in this mix');
    });
    if (typeof spec !== 'string') this.sharesAddUp(mix, path);
    return {
      count: parsed.resolvers?.count ?? defaults.DEFAULT_RESOLVER_COUNT,
      mixName,
      mix,
      latency: parsed.resolvers?.latency ?? checkedDefault(defaults.RESOLVER_LATENCY),
    };
  }

  private sharesAddUp(entries: readonly { share: number }[], path: FieldPath): void {
    const total = entries.reduce((sum, entry) => sum + entry.share, 0);
    if (Math.abs(total - 1) > SHARE_TOLERANCE) {
      this.problems.add(path, `expected shares adding up to 1, got ${Number(total.toFixed(9))}`);
    }
  }

  private unknownName(name: string, path: FieldPath, known: string[], what: string): void {
    const guess = closest(name, known);
    this.problems.expected(path, `${what} (${known.join(', ')}) or a list`, guess === undefined ? '' : `; did you mean "${guess}"?`);
  }
}

/** `ttl-floor (1h|6h|24h)`, `public (cap 6h)`, or just the profile. */
function autoLabel(entry: ParsedMixEntry): string {
  const parts: string[] = [];
  if (entry.floor !== undefined) parts.push(`floor ${describeSpread(entry.floor)}`);
  if (entry.cap !== undefined) parts.push(`cap ${describeSpread(entry.cap)}`);
  return parts.length === 0 ? entry.profile : `${entry.profile} (${parts.join(', ')})`;
}

function describeSpread(spec: CheckedDistribution): string {
  if ('constant' in spec) return formatDuration(spec.constant);
  if ('choice' in spec) return spec.choice.map(formatDuration).join('|');
  return Object.keys(spec)[0] ?? '';
}

/** The apex SOA and NS records of zone data, which set a provider's defaults. */
function splitApex(records: readonly RR[], domain: Name): { ns: RR[]; soa: RR | undefined } {
  return {
    ns: records.filter((rr) => rr.name === domain && rr.type === RRType.NS),
    soa: records.find((rr) => rr.name === domain && rr.type === RRType.SOA),
  };
}

function isApexSoaOrNs(rr: RR, domain: Name): boolean {
  return rr.name === domain && (rr.type === RRType.NS || rr.type === RRType.SOA);
}

/** The top-level domain a name is under (com. for www.example.com.). */
function topLevel(name: Name): Name | undefined {
  let current: Name | undefined = name;
  while (current !== undefined && parentName(current) !== '.') current = parentName(current);
  return current;
}

function ipv4(value: number): string {
  return [value >>> 24, (value >>> 16) & 255, (value >>> 8) & 255, value & 255].join('.');
}
