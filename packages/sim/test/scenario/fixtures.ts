/**
 * A small valid scenario whose lines the error tests edit one at a time, so that each expected
 * line and column can be read off the text below. Line numbers are 1-based, as in messages.
 */
export const BASE_LINES = [
  '# Lower the NS TTL at the old provider, wait out the old TTL,', //  1
  '# then delegate to Route 53.', //                                   2
  'name: test', //                                                      3
  'horizon: 5d', //                                                     4
  'bin: 5m', //                                                         5
  'domain: example.com', //                                             6
  'watch:', //                                                          7
  '  - www.example.com', //                                             8
  '  - { name: example.com, type: MX }', //                             9
  'providers:', //                                                     10
  '  old:', //                                                         11
  '    nameservers: [ns1.oldprovider.net, ns2.oldprovider.net]', //    12
  '    zone:', //                                                      13
  '      records:', //                                                 14
  '        - "www 300 IN A 192.0.2.10"', //                            15
  '        - "@ 3600 IN MX 10 mail"', //                               16
  '  new:', //                                                         17
  '    preset: route53', //                                            18
  '    zone: { import: old }', //                                      19
  'resolvers:', //                                                     20
  '  count: 100', //                                                   21
  '  mix:', //                                                         22
  '    - { profile: unbound, share: 0.5 }', //                         23
  '    - { profile: bind, share: 0.3 }', //                            24
  '    - { profile: public, cap: 6h, share: 0.2 }', //                 25
  'clients:', //                                                       26
  '  count: 1000', //                                                  27
  '  stub: default', //                                                28
  'plan:', //                                                          29
  '  - { id: lower-ttl, at: 0, set-ttl: { provider: old, ttl: 900 } }', // 30
  '  - { id: change, after: lower-ttl, wait: 48h, delegate: { to: new } }', // 31
  '  - { after: change, wait: 2d, decommission: { provider: old } }', // 32
];

export const BASE = `${BASE_LINES.join('\n')}\n`;

/**
 * The base scenario with `count` lines from line `n` replaced (or removed, with null; or by
 * several lines, with a list).
 */
export function withLine(n: number, replacement: string | string[] | null, count = 1): string {
  const lines = [...BASE_LINES];
  lines.splice(n - 1, count, ...(replacement === null ? [] : Array.isArray(replacement) ? replacement : [replacement]));
  return `${lines.join('\n')}\n`;
}
