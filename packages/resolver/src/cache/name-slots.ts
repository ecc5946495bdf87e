import { RRType } from '../constants.ts';

/**
 * Where one owner name's positive entries sit in the cache's entry list, by type slot (the type,
 * with the class above it when it is not IN). A, AAAA and NS, which every delegation lookup asks
 * for, have fields of their own, so the commonest lookups cost one map probe (the name) instead
 * of two; other types go to a small map. −1: nothing stored.
 */
export class NameSlots {
  a = -1;
  aaaa = -1;
  ns = -1;
  private other: Map<number, number> | undefined;

  get(slot: number): number {
    switch (slot) {
      case RRType.A:
        return this.a;
      case RRType.AAAA:
        return this.aaaa;
      case RRType.NS:
        return this.ns;
      default:
        return this.other?.get(slot) ?? -1;
    }
  }

  set(slot: number, at: number): void {
    switch (slot) {
      case RRType.A:
        this.a = at;
        return;
      case RRType.AAAA:
        this.aaaa = at;
        return;
      case RRType.NS:
        this.ns = at;
        return;
      default:
        (this.other ??= new Map()).set(slot, at);
    }
  }
}
