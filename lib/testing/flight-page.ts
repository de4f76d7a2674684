// Reading a page as Next's client reads it: its HTML without the payload scripts, and the payload's
// rows with references resolved. For the proofs that a spliced page (the search shell, the submission
// steps' shells) is the page Next renders: the e2e suite and scripts/bench/step-shell-check.ts.

export type Rows = Map<string, unknown>;

/** The HTML without its payload scripts, and the payload's rows, as Next's client reads them. */
export function readPage(html: string, nonce: string) {
  const chunks: string[] = [];
  const rest = html.replaceAll(nonce, 'NONCE').replace(/<script nonce="NONCE">self\.__next_f\.push\((\[1,".*?"\])\)<\/script>/gs, (_, json: string) => {
    chunks.push((JSON.parse(json) as [number, string])[1]);
    return '<script>payload</script>';
  });
  const flight = chunks.join('');
  const rows: Rows = new Map();
  const bytes = Buffer.from(flight);
  let at = 0;
  while (at < bytes.length) {
    const colon = bytes.indexOf(':', at);
    const id = bytes.subarray(at, colon).toString();
    if (bytes[colon + 1] === 0x54 /* T: text, its length in bytes first */) {
      const comma = bytes.indexOf(',', colon);
      const length = parseInt(bytes.subarray(colon + 2, comma).toString(), 16);
      rows.set(id, bytes.subarray(comma + 1, comma + 1 + length).toString());
      at = comma + 1 + length;
      continue;
    }
    const end = bytes.indexOf('\n', colon);
    const row = bytes.subarray(colon + 1, end).toString();
    // JSON, or a tagged row (I: a client module, its chunks by reference) whose body is JSON.
    const tagged = /^([A-Z]*)([[{"].*)$/s.exec(row.replaceAll(nonce, 'NONCE'));
    rows.set(id, tagged ? (tagged[1] ? { [tagged[1]]: JSON.parse(tagged[2]!) } : JSON.parse(tagged[2]!)) : row);
    at = end + 1;
  }
  return { rest, rows };
}

/** A row's value with every reference to another row replaced by that row (ids differ between renders). */
export function resolve(rows: Rows, value: unknown, seen: string[] = []): unknown {
  if (typeof value === 'string') {
    // A path into another row (`$2a:props:messages:Errors`: Flight's reference to an object sent once).
    const path = /^\$([0-9a-f]+):([\w:]+)$/.exec(value);
    if (path && rows.has(path[1]!) && !seen.includes(path[1]!)) {
      let target = resolve(rows, rows.get(path[1]!), [...seen, path[1]!]);
      for (const key of path[2]!.split(':')) {
        const element = Array.isArray(target) && target[0] === '$';
        target = key === 'props' && element ? (target as unknown[])[3] : (target as Record<string, unknown> | undefined)?.[key];
      }
      return target;
    }
    const ref = /^\$[L@QWh]?([0-9a-f]+)$/.exec(value)?.[1];
    if (ref && rows.has(ref) && !seen.includes(ref)) return resolve(rows, rows.get(ref), [...seen, ref]);
    return value;
  }
  if (Array.isArray(value)) return value.map((v) => resolve(rows, v, seen));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolve(rows, v, seen)]));
  return value;
}
