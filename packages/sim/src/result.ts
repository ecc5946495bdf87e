/**
 * The Result of a run: the one contract between the simulation and everything that shows it (the
 * charts, the HTML report, the CLI's table and CSV). Plain and JSON-serialisable, so a saved
 * result.json can be redrawn or merged later; `version` changes whenever a field changes meaning.
 *
 * Times are seconds. `t` holds the start of each bin, counted from the start of the simulation;
 * milestone and decommission figures are counted from `changeAt`, the moment the registrar
 * submitted the delegation change.
 */
export const RESULT_VERSION = 1;

/** A series over the bins as the mean across replications with its 5th and 95th percentiles. */
export interface Band {
  mean: number[];
  p05: number[];
  p95: number[];
}

/** Shares of client lookups per bin; in each bin new + old + failed + stale = 1 (for the mean). */
export interface Shares {
  /** Answered from the new provider's data. */
  new: Band;
  /** Answered from the old provider's data. */
  old: Band;
  /** SERVFAIL or timeout. */
  failed: Band;
  /** Served stale (RFC 8767) after resolution failed. */
  stale: Band;
}

export interface Milestones {
  /** Seconds after `changeAt` when the mean share on the new provider first reaches 50 % and stays there; null if not within the horizon. */
  t50: number | null;
  t90: number | null;
  t99: number | null;
  t999: number | null;
}

/** The series for one watched name; the Result's top-level series are those of the first. */
export interface NameSeries {
  name: string;
  /** Record type, e.g. "A", "MX". */
  type: string;
  shares: Shares;
  milestones: Milestones;
}

/** One bar on the timeline chart: an action (start only) or a wait it opens (start to end). */
export interface TimelineEntry {
  lane: 'registrar' | 'registry' | 'old provider' | 'new provider' | 'resolvers';
  label: string;
  /** Seconds from the start of the simulation. */
  start: number;
  /** Present for a wait or a state that lasts ("Route 53 PENDING → INSYNC"). */
  end?: number;
}

export interface ScenarioSummary {
  name: string;
  /** What the scenario teaches, from its comment or description. */
  description: string;
  seed: number;
  replications: number;
  /** Seconds simulated. */
  horizon: number;
  /** Bin width in seconds. */
  bin: number;
  resolvers: number;
  clients: number;
  /** The TTL (seconds) the scenario names for the rule-of-thumb and linear curves: the delegation TTL the resolvers start with. */
  referenceTtl: number;
  /** Share of resolvers per profile name. */
  profileMix: Record<string, number>;
  /** Names of the providers, old first. */
  providers: { old: string; new: string };
}

export interface Result {
  version: typeof RESULT_VERSION;
  scenario: ScenarioSummary;
  t: number[];
  changeAt: number;
  shares: Shares;
  /** Share of resolvers whose cached delegation for the zone points at each side (failed/stale: none cached usable). */
  resolverShares: Shares;
  /** Queries per second arriving at each provider's servers, by provider name. */
  load: Record<string, Band>;
  /** `shares.new` per resolver profile. */
  byProfile: Record<string, Band>;
  byName: NameSeries[];
  milestones: Milestones;
  /** Seconds after `changeAt` after which the old provider receives under 1 lookup in 10,000; null if never within the horizon. */
  safeDecommissionAfter: number | null;
  /** Share of lookups that would fail if the old provider were switched off at each time `t` (seconds after `changeAt`). */
  failuresIfDecommissionedAt: { t: number[]; share: number[] };
  timeline: TimelineEntry[];
}
