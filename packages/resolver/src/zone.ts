/**
 * A zone: the authoritative data from an apex down to its cuts, plus the glue below the cuts.
 * Zones are immutable values. A change (`withRRset`, `withoutRRset`, `withChanges`) returns a new
 * Zone and leaves the old one serving, so a server can swap versions atomically and a simulated
 * provider's servers can each hold a different version while a change propagates. A change copies
 * the index of names and re-validates (linear in the number of names; RRset objects are shared),
 * which suits the simulation's occasional edits next to its many lookups.
 */
import { RRType, typeName } from './constants.ts';
import { InputError } from './errors.ts';
import { canonicalName, childName, isSubdomain, parentName, type Name } from './name.ts';
import { checkTtl, groupRRsets, rdataEqual, rrsetRecords, TtlError, type RR, type RRset, type SoaData } from './record.ts';

/**
 * Thrown when records do not form a valid zone: which zone (and file, when known), which record
 * when one is to blame, and why.
 */
export class ZoneError extends InputError {
  constructor(
    /** The origin; undefined when the records do not say which zone they are. */
    readonly zone: Name | undefined,
    readonly record: { name: Name; type: number } | undefined,
    readonly reason: string,
    readonly file?: string,
  ) {
    const where = [file, zone === undefined ? undefined : `zone ${zone}`, record ? `${record.name} ${typeName(record.type)}` : undefined];
    super(`${where.filter((w) => w !== undefined).join(': ')}${where.some((w) => w !== undefined) ? ': ' : ''}${reason}`);
    this.name = 'ZoneError';
  }
}

export interface ZoneOptions {
  /** The apex; by default the owner of the single SOA record. */
  origin?: Name;
  /** Where the records came from, named in errors. */
  file?: string;
}

/** A batch of edits applied in one copy: RRsets to add or replace, and (name, type) pairs to drop. */
export interface ZoneChanges {
  put?: readonly RRset[];
  remove?: readonly { name: Name; type: number }[];
}

/** Types allowed at a delegation point: the delegation itself, DS (parent-side data) and glue. */
const AT_CUT = new Set<number>([RRType.NS, RRType.DS, RRType.A, RRType.AAAA]);
/** Types allowed below a delegation point: glue only. */
const BELOW_CUT = new Set<number>([RRType.A, RRType.AAAA]);
/** DNSSEC records that RFC 4035 §2.5 lets sit beside a CNAME: RRSIG (46), NSEC (47). */
const BESIDE_CNAME = new Set<number>([46, 47]);

type Node = ReadonlyMap<number, RRset>;

export class Zone {
  readonly origin: Name;
  /** The file the zone was read from, when known; named in errors. */
  readonly file: string | undefined;
  /** The apex SOA RRset (one record). */
  readonly soa: RRset;
  /** The apex NS RRset: the child side of the delegation. */
  readonly apexNs: RRset;
  readonly #nodes: ReadonlyMap<Name, Node>;
  /** Every name that exists: owners of data and their ancestors up to the apex (empty non-terminals). */
  readonly #existing: ReadonlySet<Name>;
  /** Owners of NS RRsets other than the apex. */
  readonly #cuts: ReadonlySet<Name>;

  private constructor(origin: Name, nodes: Map<Name, Node>, file: string | undefined) {
    this.origin = origin;
    this.file = file;
    this.#nodes = nodes;
    const checked = validate(origin, nodes, file);
    this.soa = checked.soa;
    this.apexNs = checked.apexNs;
    this.#existing = checked.existing;
    this.#cuts = checked.cuts;
  }

  /**
   * A zone from records (any order; records of one RRset with differing TTLs take the lowest, as
   * RFC 2181 §5.2 asks). Without `origin`, the owner of the single SOA record is the origin.
   */
  static fromRecords(records: readonly RR[], opts: ZoneOptions = {}): Zone {
    return Zone.fromRRsets(groupRRsets(records), opts);
  }

  static fromRRsets(sets: readonly RRset[], opts: ZoneOptions = {}): Zone {
    const origin = opts.origin !== undefined ? canonicalName(opts.origin) : originOf(sets, opts.file);
    const nodes = new Map<Name, Map<number, RRset>>();
    for (const set of sets) {
      const owned = ownedCopy(origin, set, opts.file);
      let node = nodes.get(owned.name);
      if (!node) nodes.set(owned.name, (node = new Map()));
      const existing = node.get(owned.type);
      node.set(owned.type, existing ? mergeSets(existing, owned) : owned);
    }
    return new Zone(origin, nodes, opts.file);
  }

  /** The RRset at (name, type); `name` must be canonical. Data below a cut is glue, returned as stored. */
  get(name: Name, type: number): RRset | undefined {
    return this.#nodes.get(name)?.get(type);
  }

  /** Every RRset owned by `name`, in insertion order. */
  rrsetsAt(name: Name): RRset[] {
    const node = this.#nodes.get(name);
    return node ? [...node.values()] : [];
  }

  /** True when `name` owns data or has descendants that do (an empty non-terminal exists too). */
  exists(name: Name): boolean {
    return this.#existing.has(name);
  }

  /**
   * The closest zone cut at or above `name` and below the apex, if any: the owner of the
   * delegation NS RRset that takes `name` out of this zone's authority. One set lookup per label.
   */
  cutFor(name: Name): Name | undefined {
    if (this.#cuts.size === 0) return undefined;
    for (let n: Name | undefined = name; n !== undefined && n !== this.origin; n = parentName(n)) {
      if (this.#cuts.has(n)) return n;
    }
    return undefined;
  }

  /** True when `name` owns a delegation (an NS RRset below the apex). */
  isCut(name: Name): boolean {
    return this.#cuts.has(name);
  }

  /** SOA fields of the apex. */
  get soaData(): SoaData {
    return this.soa.data[0] as SoaData;
  }

  /** RFC 2308 §3/§5: negative answers are cached for min(SOA TTL, SOA MINIMUM). */
  get negativeTtl(): number {
    return Math.min(this.soa.ttl, this.soaData.minimum);
  }

  rrsets(): RRset[] {
    const out: RRset[] = [];
    for (const node of this.#nodes.values()) for (const set of node.values()) out.push(set);
    return out;
  }

  records(): RR[] {
    return this.rrsets().flatMap((set) => rrsetRecords(set));
  }

  /** A new zone with `set` replacing the RRset of the same (name, type), or added. */
  withRRset(set: RRset): Zone {
    return this.withChanges({ put: [set] });
  }

  /** A new zone without the RRset at (name, type); the same zone when there is none. */
  withoutRRset(name: Name, type: number): Zone {
    return this.withChanges({ remove: [{ name, type }] });
  }

  /** A new zone with removals applied first, then the RRsets put; validated as a whole. */
  withChanges(changes: ZoneChanges): Zone {
    const nodes = new Map(this.#nodes);
    let changed = false;
    for (const { name, type } of changes.remove ?? []) {
      const owner = canonicalName(name);
      const node = nodes.get(owner);
      if (!node?.has(type)) continue;
      const copy = new Map(node);
      copy.delete(type);
      if (copy.size === 0) nodes.delete(owner);
      else nodes.set(owner, copy);
      changed = true;
    }
    for (const set of changes.put ?? []) {
      const owned = ownedCopy(this.origin, set, this.file);
      const copy = new Map(nodes.get(owned.name));
      copy.set(owned.type, owned);
      nodes.set(owned.name, copy);
      changed = true;
    }
    return changed ? new Zone(this.origin, nodes, this.file) : this;
  }
}

function originOf(sets: readonly RRset[], file: string | undefined): Name {
  const soas = sets.filter((s) => s.type === RRType.SOA);
  if (soas.length === 0) throw new ZoneError(undefined, undefined, 'no SOA record: a zone needs exactly one, at its apex', file);
  const owners = new Set(soas.map((s) => canonicalName(s.name)));
  if (owners.size > 1) {
    const [first, second] = [...owners];
    throw new ZoneError(first!, { name: second!, type: RRType.SOA }, 'a second SOA record: a zone has exactly one, at its apex', file);
  }
  return [...owners][0]!;
}

/**
 * A canonical, TTL-checked, frozen copy of an RRset: later edits by the caller cannot reach the
 * zone, and a reader that tries to edit what the zone hands out fails loudly instead of changing
 * every response that shares the RRset.
 */
function ownedCopy(origin: Name, set: RRset, file: string | undefined): RRset {
  const name = canonicalName(set.name);
  try {
    checkTtl(set.ttl);
  } catch (e) {
    if (e instanceof TtlError) throw new ZoneError(origin, { name, type: set.type }, e.message, file);
    throw e;
  }
  return frozen({ name, type: set.type, class: set.class, ttl: set.ttl, data: [...set.data] });
}

/** Two RRsets given for one (name, type): their records once each, at the lower TTL (RFC 2181 §5.2). */
function mergeSets(a: RRset, b: RRset): RRset {
  const data = [...a.data];
  for (const d of b.data) if (!data.some((x) => rdataEqual(a.type, x, d))) data.push(d);
  return frozen({ ...a, ttl: Math.min(a.ttl, b.ttl), data });
}

function frozen(set: RRset): RRset {
  Object.freeze(set.data);
  return Object.freeze(set);
}

interface Checked {
  soa: RRset;
  apexNs: RRset;
  existing: Set<Name>;
  cuts: Set<Name>;
}

/** The structural rules of a zone; the first broken one is thrown as a ZoneError. */
function validate(origin: Name, nodes: ReadonlyMap<Name, Node>, file: string | undefined): Checked {
  const fail = (name: Name, type: number | undefined, reason: string): never => {
    throw new ZoneError(origin, type === undefined ? undefined : { name, type }, reason, file);
  };
  const apex = nodes.get(origin);
  const soa = apex?.get(RRType.SOA);
  if (!soa) return fail(origin, undefined, 'no SOA record at the apex');
  if (soa.data.length !== 1) fail(origin, RRType.SOA, `${soa.data.length} SOA records at the apex; a zone has exactly one`);
  const apexNs = apex!.get(RRType.NS);
  if (!apexNs || apexNs.data.length === 0) return fail(origin, RRType.NS, 'no NS records at the apex');

  const cuts = new Set<Name>();
  for (const [name, node] of nodes) {
    if (!isSubdomain(name, origin)) {
      const first = node.keys().next().value as number;
      fail(name, first, `outside the zone ${origin}`);
    }
    for (const set of node.values()) {
      if (set.class !== soa.class) fail(name, set.type, `class ${set.class} differs from the zone's class ${soa.class}`);
      if (set.data.length === 0) fail(name, set.type, 'an RRset with no records');
    }
    if (node.has(RRType.SOA) && name !== origin) fail(name, RRType.SOA, `an SOA record below the apex ${origin}`);
    const cname = node.get(RRType.CNAME);
    if (cname) {
      if (cname.data.length > 1) fail(name, RRType.CNAME, 'more than one CNAME record at one name (RFC 2181 §10.1)');
      for (const type of node.keys()) {
        if (type !== RRType.CNAME && !BESIDE_CNAME.has(type)) {
          fail(name, RRType.CNAME, `a CNAME beside other data (${typeName(type)}) at the same name (RFC 1034 §3.6.2, RFC 2181 §10.1)`);
        }
      }
    }
    if (name !== origin && node.has(RRType.NS)) {
      if (name.startsWith('*.')) fail(name, RRType.NS, 'a wildcard owner cannot be a delegation (RFC 4592 §4.2)');
      cuts.add(name);
    }
  }

  const existing = new Set<Name>();
  for (const [name, node] of nodes) {
    const cut = cuts.size > 0 ? cutAbove(name, origin, cuts) : undefined;
    if (cut !== undefined) {
      for (const type of node.keys()) {
        if (!BELOW_CUT.has(type)) {
          fail(name, type, `below the zone cut at ${cut}, where only glue (A, AAAA) belongs`);
        }
      }
    } else if (cuts.has(name)) {
      for (const type of node.keys()) {
        if (!AT_CUT.has(type)) fail(name, type, 'at a zone cut, where only NS, DS and glue belong');
      }
    }
    for (let n: Name | undefined = name; n !== undefined && !existing.has(n); n = n === origin ? undefined : parentName(n)) {
      existing.add(n);
    }
  }
  return { soa, apexNs, existing, cuts };
}

/** The cut strictly above `name` (and below `origin`), if any. */
function cutAbove(name: Name, origin: Name, cuts: ReadonlySet<Name>): Name | undefined {
  if (name === origin) return undefined;
  for (let n = parentName(name); n !== undefined && n !== origin; n = parentName(n)) {
    if (cuts.has(n)) return n;
  }
  return undefined;
}

/** The wildcard name that may synthesise answers below `encloser` (RFC 4592 §3.3.1). */
export function wildcardOf(encloser: Name): Name {
  return childName('*', encloser);
}
