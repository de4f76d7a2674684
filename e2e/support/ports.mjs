// The end-to-end server's data folder, and the ports of the servers some files start beside it, by
// port: another port gets its own, so two runs (or two shards of one run, scripts/test-e2e.mjs) can
// go on side by side. Plain JavaScript, because the shard runner imports it without a TypeScript loader.

/** @param {number} port */
export function e2eDataDir(port) {
  return port === 3100 ? '.data-e2e' : `.data-e2e-${port}`;
}

/**
 * A run owns the 20 ports from E2E_PORT (a shard of `npm run test:e2e` its own 20, 100 further on).
 * Every server a file starts beside the main one takes its port from this one table, inside that
 * range: a far offset (E2E_PORT + 90) lands in the range of a run started on another E2E_PORT, and
 * two runs then fight over the port. Files run one at a time, so two files may share a port.
 */
const extraServerOffsets = {
  /** e2e/processes.e2e.ts: two servers side by side (this and the next port). */
  processes: 1,
  /** e2e/rate-limit.e2e.ts, e2e/notifications.e2e.ts (one after the other). */
  limits: 5,
  /** e2e/security/direct-facing.e2e.ts */
  directFacing: 7,
  /** e2e/security/no-lockout.e2e.ts */
  noLockout: 8,
  /** e2e/scale-out.e2e.ts: nginx on this port, its two processes on the next two (SCALE_OUT_PORT overrides). */
  scaleOut: 10,
};

/**
 * The port of the extra server `name` of the run on E2E_PORT.
 * @param {keyof typeof extraServerOffsets} name
 */
export function extraServerPort(name) {
  return Number(process.env.E2E_PORT ?? 3100) + extraServerOffsets[name];
}
