// Figures for `npm run test:security` (scripts/test-security.ts prints them beside their targets).
// A test records what it measured AND asserts the target itself: the table reports, the assertion
// decides. Outside the runner (YADMAN_SECURITY_FIGURES unset) recording does nothing.
import fs from 'node:fs';
import path from 'node:path';

export type SecurityFigure = {
  /** What was measured, as a short sentence: "distinct CSP nonces in 1,000 loads". */
  figure: string;
  measured: number | string;
  /** The target in words: "= 1,000", "0", "≤ 2 s". */
  target: string;
  ok: boolean;
};

export function recordFigure(figure: SecurityFigure): void {
  const file = process.env.YADMAN_SECURITY_FIGURES;
  if (!file) return;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.appendFileSync(file, `${JSON.stringify(figure)}\n`);
}
