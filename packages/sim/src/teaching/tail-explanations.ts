import { getProfile } from '@cutover/resolver';
import type { MixEntry } from '../scenario/types.ts';

/**
 * One sentence per mechanism that keeps lookups on the old provider after one TTL, for people
 * learning why the rule of thumb is not a law.
 */
export function explainMechanism(label: string, mix: readonly MixEntry[]): string {
  if (label === 'stub caches') return 'browsers hold an answer for 60 s and operating-system caches up to their cap after the resolver has switched';
  const entry = mix.find((m) => m.label === label);
  if (!entry) return '';
  if (entry.floor !== null || entry.profile === 'ttl-floor') return 'a TTL floor: these resolvers keep the old delegation and records long after their TTL, up to the floor';
  if (entry.shards > 1) return `${entry.shards} independent cache shards: each switches on its own clock, so a lookup may land on a shard still holding old data`;
  if (entry.profile === 'bind-parent-centric') return "parent-centric: the registry's delegation TTL rules, not the child's";
  if (entry.profile === 'sticky') return "no ghost-domain clamp: the old servers' own NS set keeps renewing the old delegation";
  if (entry.profile === 'powerdns') return "adopts the child's NS TTL as soon as it sees it, longer or shorter than the parent's";
  if (entry.profile === 'serve-stale') return 'serves stale answers when the old servers stop answering';
  if (entry.role === 'forwarder') return 'a forwarder adds its own cache in front of its upstream resolver';
  const prefetch = getProfile(entry.profile).ttl.prefetch;
  if (prefetch) {
    return `prefetch: a record asked for in its last ${prefetch.trigger} s is refreshed early, while the old delegation may still be cached, and then held for one more TTL`;
  }
  return 'honours the TTL: switches at a time uniform within one TTL (the linear model)';
}
