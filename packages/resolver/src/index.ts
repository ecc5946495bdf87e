export * from './name.ts';
export * from './constants.ts';
export * from './record.ts';
export * from './message.ts';
export * from './actions.ts';
export * from './errors.ts';
export { parseZoneFile, type ZoneFileOptions } from './zonefile/parse.ts';
export { printZoneFile } from './zonefile/print.ts';
export { ZoneFileError, RDataError } from './zonefile/errors.ts';
export { parseRData, formatRData, formatRR } from './rdata-text.ts';
export { canonicalIPv6 } from './zonefile/ip-address.ts';
export { labelFromOctets, labelOctets } from './zonefile/escapes.ts';
export { Zone, ZoneError, type ZoneChanges, type ZoneOptions } from './zone.ts';
export { Authority, DEFAULT_UDP_SIZE, MAX_CNAME_LINKS, type AuthorityOptions, type QueryContext } from './authority.ts';
export { lookupInZone, type ZoneLookup } from './authority/lookup.ts';
export {
  addressOctets,
  checkServerCookie,
  CookieError,
  makeClientCookie,
  makeServerCookie,
  CLIENT_COOKIE_LENGTH,
  SERVER_COOKIE_LENGTH,
  type ServerCookieCheck,
} from './cookies.ts';
export { siphash24, SipHashKeyError } from './siphash.ts';
export { Cache, cacheKey, type CacheOrigin, type NegativeEntry, type NegativeKind, type PositiveEntry, type StoreCall, type StoreListener } from './cache/cache.ts';
export { Rank, rankName, isAnswerRank } from './cache/rank.ts';
export * from './cache/ttl-policy.ts';
export * from './profiles.ts';
export { Recursor, type RecursorOptions } from './iterator/recursor.ts';
export { IterativeResolution } from './iterator/resolution.ts';
export { defaultLimits, type Limits } from './iterator/limits.ts';
export { formatTrace, type TraceStep } from './iterator/trace.ts';
export { ResponseKind, classifyResponse, type Classified } from './iterator/classify.ts';
export { scrubResponse } from './iterator/scrub.ts';
export * from './wire/index.ts';
export * from './net/index.ts';
