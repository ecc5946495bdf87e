/**
 * Digest lengths of the DS digest types with a fixed size: SHA-1 (RFC 4034 §5.1.4), SHA-256
 * (RFC 4509), GOST R 34.11-94 (RFC 5933), SHA-384 (RFC 6605). A DS whose digest has the wrong
 * length for its type can never match a DNSKEY, so it is refused when read.
 */
const digestOctets = new Map<number, number>([
  [1, 20],
  [2, 32],
  [3, 32],
  [4, 48],
]);

/** Why a digest of `octets` octets does not fit `digestType`, or undefined when it does. */
export function dsDigestProblem(digestType: number, octets: number): string | undefined {
  if (octets === 0) return 'a digest of at least one octet';
  const want = digestOctets.get(digestType);
  if (want !== undefined && want !== octets) {
    return `${want * 2} hex digits for digest type ${digestType} (got ${octets * 2})`;
  }
  return undefined;
}
