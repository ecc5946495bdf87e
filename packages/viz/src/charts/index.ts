import type { Result } from '@cutover/sim/result';
import { adoptionChart, firstTtlsWindow } from './adoption.ts';
import { sharesChart } from './shares.ts';
import { timelineChart } from './timeline.ts';
import { loadChart } from './load.ts';
import { profilesChart } from './profiles.ts';

export interface ChartSpec {
  /** File stem and HTML id: adoption.svg, #chart-adoption. */
  id: string;
  /** What the chart answers, as a figure caption. */
  caption: string;
  render: (result: Result) => string;
}

/** Every chart a run produces, in the order the report shows them. */
export const CHARTS: readonly ChartSpec[] = [
  { id: 'adoption', caption: 'How many client lookups reach the new provider, against the rule of thumb and the linear model.', render: (r) => adoptionChart(r) },
  { id: 'timeline', caption: 'The plan and the waits it opens, on the same time axis as the adoption chart.', render: (r) => timelineChart(r) },
  {
    id: 'adoption-first-ttls',
    caption: 'The same, over the first six reference TTLs, where the rule of thumb and the linear model differ most.',
    render: (r) => adoptionChart(r, { window: firstTtlsWindow(r), heading: 'in the first six TTLs' }),
  },
  { id: 'shares', caption: 'Where client lookups were answered from: new, old, failed or stale.', render: (r) => sharesChart(r) },
  { id: 'load', caption: 'Queries per second at each provider, and when the old one can be switched off: from then on, under 1 lookup in 10,000 reaches it.', render: (r) => loadChart(r) },
  { id: 'profiles', caption: 'Adoption per resolver profile: which populations make the tail.', render: (r) => profilesChart(r) },
];
