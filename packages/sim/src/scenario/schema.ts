/**
 * The scenario file format, as a zod schema: what `cutover run SCENARIO` accepts, with every field
 * described so that scenarios/schema.json (generated from it) gives editors hover help. This
 * checks shapes and units only; relations between fields (shares adding up, actions naming
 * providers that exist, `after` chains) are checked in normalise.ts, and defaults live in
 * defaults.ts, so the file format reads in one place.
 */
import { z } from 'zod';
import { distribution } from './distribution-schema.ts';
import { domainName, duration, providerRef, share, strictObject, wholeNumber } from './fields.ts';

const RECORD_LINE =
  'A record in master-file format, relative to the domain: `www 300 IN A 192.0.2.10`, `@ 3600 IN MX 10 mail`. The TTL is required.';

const records = z.array(z.string({ error: 'expected a record such as "www 300 IN A 192.0.2.10"' }).describe(RECORD_LINE)).describe('Records, one per line of a zone file.');

const address = z
  .string({ error: 'expected an IPv4 or IPv6 address' })
  .refine((text) => z.ipv4().safeParse(text).success || z.ipv6().safeParse(text).success, { error: 'expected an IPv4 or IPv6 address' })
  .describe('An IPv4 or IPv6 address.');

export const nameServerSchema = z
  .union(
    [
      domainName('A name server by name; an address is assigned to it.'),
      strictObject({
        name: domainName('The name server\'s host name.'),
        address: address.optional().describe('Its address; assigned from 198.18.0.0/15 (RFC 2544) when absent.'),
      }),
    ],
    { error: 'expected a name server: a host name, or { name, address }' },
  )
  .describe('A name server: `ns1.example.net`, or `{ name: ns1.example.net, address: 203.0.113.1 }`.');

export const delegationSchema = strictObject({
  to: providerRef('The provider whose servers answer for the domain after this delegation.'),
  nameservers: z
    .array(nameServerSchema)
    .min(1)
    .optional()
    .describe(
      'White-label name servers (a reusable delegation set): the NS names the registrar publishes instead of the provider\'s own. Names under the domain need an address (glue).',
    ),
}).describe('A delegation at the registrar: `{ to: new }`, or white-label names with glue.');

const zoneSchema = strictObject({
  file: z.string().min(1).optional().describe('A zone file (RFC 1035 master format), relative to the scenario file.'),
  records: records.optional(),
  import: providerRef('Copy every record of this provider\'s zone except its apex SOA and NS (steps 2–3 of the Route 53 migration guide).').optional(),
})
  .meta({ minProperties: 1, maxProperties: 1 })
  .describe('The zone this provider serves from the start: exactly one of file, records, import. Apex SOA and NS come from the provider\'s settings.');

const soaSchema = strictObject({
  ttl: duration('TTL of the SOA record.').optional(),
  mname: domainName('Primary name server (default: the provider\'s first).').optional(),
  rname: domainName('Mailbox of the person responsible, as a name (hostmaster.example.com).').optional(),
  serial: wholeNumber(0, 'Serial number.').optional(),
  refresh: duration('Refresh interval.').optional(),
  retry: duration('Retry interval.').optional(),
  expire: duration('Expire interval.').optional(),
  minimum: duration('Minimum field: with the SOA TTL it sets the negative-caching TTL, min(ttl, minimum) (RFC 2308).').optional(),
}).describe('The SOA the provider puts at the apex; each field defaults from the preset or the zone data.');

export const providerSchema = strictObject({
  preset: z
    .enum(['generic', 'route53'])
    .optional()
    .describe(
      '`route53`: 4 servers across com/net/org/co.uk, NS TTL 172800, SOA 1 7200 900 1209600 86400 with TTL 900, each change reaching each server within about 60 s. `generic` (default): the values below, or those in the zone data.',
    ),
  nameservers: z.array(nameServerSchema).min(1).optional().describe('The provider\'s name servers. Default: the preset\'s, or the apex NS records of the zone data.'),
  nsTtl: duration('TTL of the apex NS records the provider serves. Default: 172800 for route53; the zone data\'s, else 172800.').optional(),
  soa: soaSchema.optional(),
  propagation: distribution('Delay for a change to reach each server; until it has reached all, the change is PENDING. Default: 0, or uniform 0–60 s for route53.').optional(),
  apexNsInAuthority: z.boolean().optional().describe('Whether its servers add the apex NS set to the authority section of positive answers (BIND does; Route 53 undocumented). Default: true, false for route53.'),
  cookies: z.boolean().optional().describe('Whether its servers return DNS COOKIEs (RFC 7873), which decides whether BIND 9.18 resolvers adopt their NS set. Default: true, false for route53.'),
  zone: zoneSchema.optional().describe('The zone it serves from the start. Absent: none until a create-zone action.'),
}).describe('A DNS provider: its name servers and the zone it serves.');

const registrySchema = strictObject({
  delegationTtl: duration('TTL of the NS and glue records this registry publishes for delegated names (172800 for .com/.net).').optional(),
  negativeTtl: duration('Negative-caching TTL of the registry zone (900 for .com).').optional(),
  publishDelay: distribution('Delay between the registrar\'s submission and publication in the zone (.com: under 5 min on average).').optional(),
}).describe('A registry zone such as com or co.uk.');

export const hierarchySchema = strictObject({
  root: strictObject({
    nsTtl: duration('TTL of the root NS set (518400).').optional(),
    delegationTtl: duration('TTL of TLD delegations and glue in the root (172800).').optional(),
    negativeTtl: duration('Negative-caching TTL of the root zone (86400).').optional(),
  })
    .optional()
    .describe('The root zone.'),
  tlds: z
    .record(z.string(), registrySchema)
    .optional()
    .describe('Registry zones by name (com, net, org, co.uk, …), merged with the defaults; the domain\'s own registry is added if missing.'),
}).describe('The root and the registries above the domain. Default: root + com, net, org, co.uk with the TTLs of shared/facts.md.');

const profileNames = 'unbound, bind, bind-9.18, bind-9.20, bind-parent-centric, powerdns, knot, ttl-floor, ttl-cap, sticky, serve-stale, public, forwarder';

export const mixEntrySchema = strictObject({
  profile: z
    .string({ error: `expected a resolver profile: ${profileNames}` })
    .describe(`Resolver software or behaviour: ${profileNames}. \`public\`: a sharded public resolver; \`forwarder\`: a cache in front of another resolver.`),
  share: share('Fraction of resolvers with this profile; the shares of a mix add up to 1.'),
  label: z.string().min(1).optional().describe('Name for this entry in the Result\'s byProfile. Default: the profile, with its floor or cap.'),
  floor: distribution('Minimum TTL it enforces, drawn per resolver (e.g. `{ choice: [1h, 6h, 24h] }`). Default: the profile\'s (24 h for ttl-floor).').optional(),
  cap: distribution('Maximum TTL it keeps anything for, drawn per resolver. Default: the profile\'s (21600 for ttl-cap).').optional(),
  shards: wholeNumber(1, 'Independent caches behind one address, each query landing on a random one. Default: 8 for public, else 1.').optional(),
  upstream: z.string().optional().describe('For a forwarder: the profile or label of the mix entries it forwards to.'),
}).describe('One kind of resolver in the population.');

export const resolverMixSchema = z
  .union([z.string({ error: 'expected a mix name' }), z.array(mixEntrySchema).min(1)], {
    error: 'expected a named mix (default, compliant, isp-floor-24h) or a list of { profile, share }',
  })
  .describe('The resolver population: a named mix (default, compliant, isp-floor-24h) or a list of { profile, share, … }.');

export const stubLayerSchema = strictObject({
  kind: z.enum(['browser', 'os', 'java', 'none']).describe('browser: keeps an answer `hold` seconds whatever its TTL; os: honours the TTL up to `cap`; java: keeps it `hold` seconds or forever; none: no cache.'),
  share: share('Fraction of clients with this stub layer; the shares add up to 1.'),
  hold: z
    .union([duration('Seconds.'), z.literal('forever')], { error: 'expected a duration or "forever"' })
    .optional()
    .describe('browser, java: how long an answer is kept regardless of its TTL (browser 60 s; java 30 s, or forever).'),
  cap: distribution('os: the longest an answer is kept (systemd-resolved 2 h, Windows 1 d).').optional(),
}).describe('A cache between the application and the recursive resolver.');

export const stubMixSchema = z
  .union([z.string({ error: 'expected a stub mix name' }), z.array(stubLayerSchema).min(1)], {
    error: 'expected a named stub mix (default, none) or a list of { kind, share }',
  })
  .describe('Stub caches in front of the resolvers: a named mix (default, none) or a list of { kind, share, … }.');

export const watchSchema = z
  .union(
    [
      domainName('A name whose A record is watched.'),
      strictObject({
        name: domainName('The name looked up, under the domain.'),
        type: z.string().optional().describe('Record type looked up (A, AAAA, MX, TXT, …). Default: A.'),
        stub: stubMixSchema.optional().describe('Stub caches for this lookup. Default: clients.stub, or none for MX (mail servers do not keep a stub cache).'),
        lookupsPerHour: z.number().positive().optional().describe('Lookups of this name per client per hour. Default: clients.lookupsPerHour.'),
      }),
    ],
    { error: 'expected a name, or { name, type }' },
  )
  .describe('A name and type clients look up.');

const actionBodies = {
  'set-ttl': strictObject({
    provider: providerRef('Where the TTL changes.'),
    name: domainName('Owner name. Default: the domain (apex).').optional(),
    type: z.string().optional().describe('Record type. Default: NS.'),
    ttl: duration('The new TTL.'),
  })
    .describe('Set the TTL of a record set (by default the apex NS) at one provider.')
    .optional(),
  'create-zone': strictObject({ provider: providerRef('The provider that creates the hosted zone.') })
    .describe('Create the hosted zone at a provider: apex SOA and NS only.')
    .optional(),
  'import-records': strictObject({
    provider: providerRef('The provider receiving the records.'),
    from: providerRef('Copy every record of this provider except the apex SOA and NS.').optional(),
    file: z.string().min(1).optional().describe('Or the records of this zone file, relative to the scenario.'),
    records: records.optional(),
  })
    .describe('Import records into a provider\'s zone: exactly one of from, file, records.')
    .optional(),
  'set-records': strictObject({
    provider: providerRef('The only provider that changes (the other keeps its data: divergence while both serve).'),
    records: records.min(1),
  })
    .describe('Create or replace record sets at one provider only.')
    .optional(),
  delegate: delegationSchema.optional().describe('Change the delegation at the registrar (the registrar and the registry add their delays).'),
  rollback: z
    .union([z.null(), z.literal(true), strictObject({})], { error: 'expected nothing, true or {}' })
    .optional()
    .describe('Delegate back to where the domain was delegated before the last delegate.'),
  decommission: strictObject({
    provider: providerRef('The provider switched off.'),
    mode: z.enum(['stop', 'refuse']).optional().describe('stop: its servers go silent (timeouts); refuse: they answer REFUSED. Default: stop.'),
  })
    .describe('Switch a provider off for the domain.')
    .optional(),
  'change-address': strictObject({
    provider: providerRef('The provider whose server moves.'),
    server: domainName('The server\'s name.'),
    address: address.describe('Its new address.'),
  })
    .describe('Give a server a new address; glue elsewhere (white-label names) still points at the old one.')
    .optional(),
};

export const ACTION_KINDS = Object.keys(actionBodies) as (keyof typeof actionBodies)[];

export const actionSchema = strictObject({
  id: z.string().min(1).optional().describe('A name other actions can refer to in `after`. Default: step-N, N its position in the plan.'),
  at: duration('When the action is taken, counted from the start of the simulation.').optional(),
  after: z.string().min(1).optional().describe('Take this action after the action with this id …'),
  wait: duration('… once this much time has passed (default 0).').optional(),
  from: z
    .enum(['taken', 'complete'])
    .optional()
    .describe('… counting from when that action was taken (default), or from when it completed: published by the registry, or in sync at every server of the provider.'),
  ...actionBodies,
}).describe(`A step of the plan: \`at\` or \`after\` (+ \`wait\`), and exactly one of ${ACTION_KINDS.join(', ')}.`);

export const scenarioSchema = strictObject({
  name: z.string().min(1).optional().describe('Short name. Default: the file name without extension.'),
  description: z.string().optional().describe('What the scenario teaches. Default: the comment at the top of the file.'),
  seed: wholeNumber(0, 'Seed of every random stream; the same seed gives the same Result.').optional(),
  replications: wholeNumber(1, 'Independent runs whose spread gives the p05/p95 bands. Default: 8.').optional(),
  horizon: duration('How long to simulate. Default: 7d.').optional(),
  bin: duration('Width of a bin of the Result\'s series. Default: 5m.').optional(),
  domain: domainName('The zone being migrated, e.g. example.com.'),
  watch: z.array(watchSchema).min(1).describe('What clients look up; the first is the Result\'s top-level series.'),
  hierarchy: hierarchySchema.optional(),
  registrar: strictObject({
    delay: distribution('Delay between a delegation change in the registrar\'s UI and its submission to the registry (not published; default uniform 30 s–5 min).').optional(),
  })
    .optional()
    .describe('The registrar.'),
  providers: z.record(z.string(), providerSchema).describe('DNS providers by name, e.g. old and new.'),
  delegation: delegationSchema.optional().describe('The delegation at the start. Default: to the first provider listed.'),
  resolvers: strictObject({
    count: wholeNumber(1, 'Number of recursive resolvers. Default: 10000.').optional(),
    mix: resolverMixSchema.optional(),
    latency: distribution('Round-trip time between a resolver and an authoritative server. Default: lognormal median 30 ms, p95 150 ms.').optional(),
  })
    .optional()
    .describe('The recursive resolvers.'),
  clients: strictObject({
    count: wholeNumber(1, 'Number of clients. Default: 1000000.').optional(),
    spread: z
      .union([z.literal('equal'), strictObject({
          zipf: strictObject({ s: z.number().min(0).describe('Exponent: the k-th largest resolver serves ∝ 1/k^s clients.') }).describe('Zipf-sized resolvers.'),
        })], {
        error: 'expected equal or { zipf: { s } }',
      })
      .optional()
      .describe('How clients are spread over resolvers: equal, or Zipf-sized. Default: { zipf: { s: 1 } }.'),
    lookupsPerHour: z.number().positive().optional().describe('Lookups of each watched name per client per hour (a Poisson stream). Default: 2.'),
    stub: stubMixSchema.optional(),
  })
    .optional()
    .describe('The clients behind the resolvers.'),
  plan: z.array(actionSchema).describe('The migration: actions at absolute times or after other actions.'),
}).describe('A cutover scenario: the DNS hierarchy, two providers, the resolver and client populations, and the plan of the migration.');

export type ScenarioInput = z.input<typeof scenarioSchema>;
export type ParsedScenario = z.output<typeof scenarioSchema>;
export type ParsedAction = z.output<typeof actionSchema>;
export type ParsedProvider = z.output<typeof providerSchema>;
export type ParsedMixEntry = z.output<typeof mixEntrySchema>;
export type ParsedStubLayer = z.output<typeof stubLayerSchema>;
export type ParsedNameServer = z.output<typeof nameServerSchema>;
export type ParsedDelegation = z.output<typeof delegationSchema>;
export type ParsedWatch = z.output<typeof watchSchema>;
export type MixEntryInput = z.input<typeof mixEntrySchema>;
export type StubLayerInput = z.input<typeof stubLayerSchema>;
