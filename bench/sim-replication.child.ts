/**
 * Child process of sim.bench.ts: runs one replication of the reference scenario, scaled as asked,
 * on the given number of worker threads (its parts shared out among them; build/parts.ts), and
 * prints its wall time and the process's peak resident memory as JSON. A process of its own so
 * that the peak is this replication's alone, not the benchmark runner's.
 *
 * Usage: node --import tsx bench/sim-replication.child.ts '{"resolvers":1000,"clients":100000,"days":3}' [workers]
 */
import { partCount } from '../packages/sim/src/build/parts.ts';
import { runStudy } from '../packages/sim/src/study/run-study.ts';
import { referenceScenario, type ReferenceScale } from './reference-scenario.ts';

const scale = JSON.parse(process.argv[2] ?? '{}') as Partial<ReferenceScale>;
const workers = Number(process.argv[3] ?? 1);
const scenario = await referenceScenario(scale);
const start = process.hrtime.bigint();
const [output] = await runStudy(scenario, { replications: [0], workers });
const seconds = Number(process.hrtime.bigint() - start) / 1e9;
// resourceUsage().maxRSS is in kibibytes (getrusage's ru_maxrss on Linux).
const peakBytes = process.resourceUsage().maxRSS * 1024;
process.stdout.write(`${JSON.stringify({ seconds, peakBytes, workers, parts: partCount(scenario), bins: output?.byName[0]?.shares.new.length ?? 0 })}\n`);
