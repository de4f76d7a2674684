// 1,000 loads → 1,000 distinct CSP nonces (issue 7): a nonce an attacker has seen once is useless
// to them only if it never comes back. Bounded: exactly 1,000 requests, four at a time, on loopback.
import { recordFigure } from '../../lib/testing/security-figures';
import { expect, test } from '../fixtures';

const loads = 1_000;
const parallel = 4;

test(`${loads} page loads carry ${loads} distinct nonces, each also on the page's scripts`, async ({ request }) => {
  test.setTimeout(600_000);
  const nonces = new Set<string>();
  let mismatched = 0;
  let next = 0;
  const worker = async () => {
    while (next < loads) {
      next += 1;
      const response = await request.get('/en');
      const nonce = /'nonce-([^']+)'/.exec(response.headers()['content-security-policy'] ?? '')?.[1];
      if (nonce) nonces.add(nonce);
      if (!nonce || !(await response.text()).includes(`nonce="${nonce}"`)) mismatched += 1;
    }
  };
  await Promise.all(Array.from({ length: parallel }, worker));
  recordFigure({ figure: `distinct CSP nonces in ${loads} loads`, measured: nonces.size, target: `= ${loads}`, ok: nonces.size === loads });
  recordFigure({ figure: 'loads whose scripts lack the header nonce', measured: mismatched, target: '0', ok: mismatched === 0 });
  expect(nonces.size).toBe(loads);
  expect(mismatched).toBe(0);
});
