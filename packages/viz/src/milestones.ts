import type { Milestones } from '@cutover/sim/result';

/** The milestones in the order a reader meets them, with the share each one stands for. */
export const MILESTONE_LEVELS: { key: keyof Milestones; label: string; share: number }[] = [
  { key: 't50', label: 't50', share: 0.5 },
  { key: 't90', label: 't90', share: 0.9 },
  { key: 't99', label: 't99', share: 0.99 },
  { key: 't999', label: 't99.9', share: 0.999 },
];

/**
 * Seconds after `changeAt` at which `values` first reaches `level` and stays there, by the same
 * rule the simulation uses for its milestones; null if it never does. Bins are read at their start.
 */
export function firstTimeStayingAtLeast(t: number[], values: number[], level: number, changeAt: number): number | null {
  let found: number | null = null;
  for (let i = values.length - 1; i >= 0; i--) {
    if ((values[i] as number) < level) break;
    found = t[i] as number;
  }
  return found === null ? null : found - changeAt;
}
