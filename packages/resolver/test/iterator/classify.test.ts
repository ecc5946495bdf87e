import { describe, expect, it } from 'vitest';
import { Rcode, RRType } from '../../src/constants.ts';
import { classifyResponse, ResponseKind } from '../../src/iterator/classify.ts';
import { response } from './messages.ts';

const SOA = 'example.com. 900 SOA ns1.example.com. h.example.com. 1 7200 900 1209600 300';

describe('classifying a response (RFC 1034 §5.3.3 step 4)', () => {
  it('an authoritative answer, with the child apex NS set seen in authority', () => {
    const r = response('www.example.com.', RRType.A, { aa: true, answer: 'www.example.com. A 192.0.2.1', authority: 'example.com. NS ns1.example.com.' });
    const c = classifyResponse(r, 'www.example.com.', RRType.A, 'example.com.');
    expect(c.kind).toBe(ResponseKind.Answer);
    expect(c.ns?.name).toBe('example.com.');
  });

  it('a referral to a zone below the one asked', () => {
    const r = response('www.example.com.', RRType.A, { authority: 'example.com. 172800 NS ns1.example.net.' });
    const c = classifyResponse(r, 'www.example.com.', RRType.A, 'com.');
    expect(c.kind).toBe(ResponseKind.Referral);
    expect(c.ns?.data).toEqual(['ns1.example.net.']);
  });

  it('a referral to the zone itself or above it is lame', () => {
    const self = response('www.example.com.', RRType.A, { authority: 'example.com. NS ns1.example.net.' });
    expect(classifyResponse(self, 'www.example.com.', RRType.A, 'example.com.')).toMatchObject({ kind: ResponseKind.Lame, reason: 'referral upward or sideways' });
  });

  it('NXDOMAIN and NODATA with their SOA', () => {
    const nx = response('x.example.com.', RRType.A, { aa: true, rcode: Rcode.NXDOMAIN, authority: SOA });
    expect(classifyResponse(nx, 'x.example.com.', RRType.A, 'example.com.')).toMatchObject({ kind: ResponseKind.NxDomain, finalName: 'x.example.com.' });
    const nodata = response('www.example.com.', RRType.MX, { aa: true, authority: SOA });
    const c = classifyResponse(nodata, 'www.example.com.', RRType.MX, 'example.com.');
    expect(c.kind).toBe(ResponseKind.NoData);
    expect(c.soa?.ttl).toBe(900);
  });

  it('a CNAME leading out of the zone is followed; one ending in an in-zone NXDOMAIN is negative', () => {
    const out = response('a.example.com.', RRType.A, { aa: true, answer: 'a.example.com. CNAME b.example.net.' });
    expect(classifyResponse(out, 'a.example.com.', RRType.A, 'example.com.')).toMatchObject({ kind: ResponseKind.Cname, finalName: 'b.example.net.' });
    const nx = response('a.example.com.', RRType.A, { aa: true, rcode: Rcode.NXDOMAIN, answer: 'a.example.com. CNAME b.example.com.', authority: SOA });
    expect(classifyResponse(nx, 'a.example.com.', RRType.A, 'example.com.')).toMatchObject({ kind: ResponseKind.NxDomain, finalName: 'b.example.com.' });
  });

  it('REFUSED, SERVFAIL, and answers without AA are lame', () => {
    expect(classifyResponse(response('a.example.com.', RRType.A, { rcode: Rcode.REFUSED }), 'a.example.com.', RRType.A, 'example.com.').kind).toBe(ResponseKind.Lame);
    expect(classifyResponse(response('a.example.com.', RRType.A, { rcode: Rcode.SERVFAIL }), 'a.example.com.', RRType.A, 'example.com.').kind).toBe(ResponseKind.Lame);
    const noAa = response('a.example.com.', RRType.A, { answer: 'a.example.com. A 192.0.2.1' });
    expect(classifyResponse(noAa, 'a.example.com.', RRType.A, 'example.com.')).toMatchObject({ kind: ResponseKind.Lame, reason: 'answer without AA' });
    expect(classifyResponse(response('a.example.com.', RRType.A, {}), 'a.example.com.', RRType.A, 'example.com.').kind).toBe(ResponseKind.Lame);
  });

  it('a CNAME loop in one answer ends the chain instead of looping', () => {
    const r = response('a.example.com.', RRType.A, { aa: true, answer: 'a.example.com. CNAME b.example.com.\nb.example.com. CNAME a.example.com.' });
    expect(classifyResponse(r, 'a.example.com.', RRType.A, 'example.com.').chain).toHaveLength(2);
  });
});
