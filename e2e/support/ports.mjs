// The end-to-end server's data folder, by port: another port gets its own, so two runs (or two
// shards of one run, scripts/test-e2e.mjs) can go on side by side. Plain JavaScript, because the
// shard runner imports it without a TypeScript loader.

/** @param {number} port */
export function e2eDataDir(port) {
  return port === 3100 ? '.data-e2e' : `.data-e2e-${port}`;
}
