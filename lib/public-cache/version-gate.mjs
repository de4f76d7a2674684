// @ts-check
// The current public data version, read cheaply under load and never stale.
//
// A request may use a read only if that read started after the request did: a read already in
// flight when it arrives may have started before a commit that precedes the request. So at most one
// read runs at a time, and every request that arrives while one runs waits for the next one, which
// starts as soon as the running one settles and serves all of them. Under load that is one
// primary-key read per round trip for any number of concurrent requests; alone, one read per request.

/**
 * @param {() => Promise<number>} read one read of the version from the database
 * @returns {() => Promise<number>} the version as of some moment after the call
 */
export function versionGate(read) {
  /** @type {Promise<number> | null} */
  let running = null;
  /** @type {Promise<number> | null} */
  let queued = null;
  const start = () => {
    const current = read();
    running = current;
    const clear = () => {
      if (running === current) running = null;
    };
    current.then(clear, clear);
    return current;
  };
  return () => {
    if (!running) return start();
    queued ??= running.then(
      () => undefined,
      () => undefined,
    ).then(() => {
      queued = null;
      return start();
    });
    return queued;
  };
}
