/**
 * Seconds since the Unix epoch with sub-millisecond resolution. The only clock the daemons use;
 * the resolver core is handed its value, never reads one.
 */
export function wallClock(): number {
  return (performance.timeOrigin + performance.now()) / 1000;
}
