import { describe, expect, it } from 'vitest';
import { RRType } from '../../src/constants.ts';
import { scrubResponse } from '../../src/iterator/scrub.ts';
import { response } from './messages.ts';

const names = (rrs: { name: string; type: number }[]) => rrs.map((rr) => `${rr.name} ${rr.type}`);

describe('scrubbing a response to the answering server\u2019s bailiwick', () => {
  it('keeps a referral\u2019s in-bailiwick glue and drops glue for names in other zones', () => {
    const r = response('www.example.com.', RRType.A, {
      authority: 'example.com. NS ns1.example.com.\nexample.com. NS ns.example.net.',
      additional: 'ns1.example.com. A 192.0.2.1\nns.example.net. A 192.0.2.66',
    });
    const s = scrubResponse(r, 'www.example.com.', RRType.A, 'com.');
    expect(names(s.authority)).toEqual(['example.com. 2', 'example.com. 2']);
    expect(names(s.additional)).toEqual(['ns1.example.com. 1']);
  });

  it('drops records about other zones: a poisoning attempt in the answer and authority sections', () => {
    const r = response('www.example.com.', RRType.A, {
      aa: true,
      answer: 'www.example.com. A 192.0.2.1\nwww.bank.test. A 203.0.113.66',
      authority: 'example.com. NS ns1.example.com.\nbank.test. NS ns.evil.test.\ncom. NS ns.evil.test.',
      additional: 'ns1.example.com. A 192.0.2.53\nns.evil.test. A 203.0.113.66',
    });
    const s = scrubResponse(r, 'www.example.com.', RRType.A, 'example.com.');
    expect(names(s.answer)).toEqual(['www.example.com. 1']);
    expect(names(s.authority)).toEqual(['example.com. 2']);
    expect(names(s.additional)).toEqual(['ns1.example.com. 1']);
  });

  it('keeps a CNAME chain while it stays in the zone and cuts it where it leaves', () => {
    const r = response('a.example.com.', RRType.A, {
      aa: true,
      answer: 'a.example.com. CNAME b.example.com.\nb.example.com. CNAME c.example.net.\nc.example.net. A 192.0.2.7',
    });
    const s = scrubResponse(r, 'a.example.com.', RRType.A, 'example.com.');
    expect(names(s.answer)).toEqual([`a.example.com. ${RRType.CNAME}`, `b.example.com. ${RRType.CNAME}`]);
  });

  it('drops answer records that are not on the chain from the question', () => {
    const r = response('a.example.com.', RRType.A, { aa: true, answer: 'a.example.com. A 192.0.2.1\nz.example.com. A 192.0.2.2' });
    expect(names(scrubResponse(r, 'a.example.com.', RRType.A, 'example.com.').answer)).toEqual(['a.example.com. 1']);
  });

  it('keeps the root servers\u2019 addresses in a priming answer', () => {
    const r = response('.', RRType.NS, { aa: true, answer: '. NS a.root-servers.net.', additional: 'a.root-servers.net. A 198.41.0.4' });
    expect(scrubResponse(r, '.', RRType.NS, '.').additional).toHaveLength(1);
  });
});
