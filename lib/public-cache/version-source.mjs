// @ts-check
// The app (instrumentation.ts, inside Next's bundle) hands the server in front of it
// (scripts/server.mjs) its reader of the public data version, through `globalThis` of the one
// process they share: the server then reads the version through the app's own database handle
// (PostgreSQL pool or the embedded PGlite, which only one handle per process may open).

const slot = Symbol.for('yadman.publicCache.version');

/** @typedef {() => Promise<number>} VersionReader */

/** @param {VersionReader} read */
export function provideVersionReader(read) {
  /** @type {{ [slot]?: VersionReader }} */ (/** @type {unknown} */ (globalThis))[slot] = read;
}

/** @returns {VersionReader | null} the reader, once the app has started */
export function providedVersionReader() {
  return /** @type {{ [slot]?: VersionReader }} */ (/** @type {unknown} */ (globalThis))[slot] ?? null;
}
