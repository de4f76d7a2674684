import { describe, expect, it } from 'vitest';
import { isSameOriginRequest } from './same-origin';

const check = (headers: Record<string, string>) => isSameOriginRequest(new Headers(headers));
const host = { host: 'yadman.example' };

describe('a state-changing request is accepted only from the site itself', () => {
  it.each([
    ['the site itself (Sec-Fetch-Site and Origin)', { ...host, 'sec-fetch-site': 'same-origin', origin: 'https://yadman.example' }],
    ['an older browser sending only Origin', { ...host, origin: 'https://yadman.example' }],
    ['a browser sending only Sec-Fetch-Site', { ...host, 'sec-fetch-site': 'same-origin' }],
    ['behind a reverse proxy (x-forwarded-host)', { host: '127.0.0.1:3000', 'x-forwarded-host': 'yadman.example', origin: 'https://yadman.example' }],
  ])('accepts %s', (_, headers) => expect(check(headers)).toBe(true));

  it.each([
    ['another origin', { ...host, origin: 'https://evil.example' }],
    ['Origin: null', { ...host, origin: 'null' }],
    ['a cross-site Sec-Fetch-Site with a matching Origin', { ...host, 'sec-fetch-site': 'cross-site', origin: 'https://yadman.example' }],
    ['a same-site (sibling subdomain) request', { ...host, 'sec-fetch-site': 'same-site', origin: 'https://a.yadman.example' }],
    ['a request typed in the address bar (none)', { ...host, 'sec-fetch-site': 'none' }],
    ['a request with neither header', { ...host }],
    ['a look-alike host', { ...host, origin: 'https://yadman.example.evil.example' }],
    ['an unparsable Origin', { ...host, origin: 'not a url' }],
    ['no Host to compare with', { origin: 'https://yadman.example' }],
  ])('refuses %s', (_, headers) => expect(check(headers)).toBe(false));
});
