// What the server may write to its logs (PRODUCT.md §2: logs can be subpoenaed or stolen).
// Installed on console.* by instrumentation.ts, so it also covers what Next, Auth.js and the
// database drivers print. Each call becomes ONE line:
// - control and bidi characters are escaped, so text from a request cannot forge log lines or
//   reorder what an operator reads (\n, \r, ESC, U+202E, …);
// - an error prints as its name, message and stack frames only — never its other properties,
//   where drivers keep the query's bound values (which may be testimony text or a username);
// - "params: …" sections that drizzle puts into its error messages are cut;
// - anything shaped like an IPv4 or IPv6 address is replaced, whatever printed it.
// Our own log calls print names and ids only; this is the net under everyone else's.

const controlCharacters = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
const ipv4 = /\b(?:\d{1,3}\.){3}\d{1,3}\b/g;
// Three or more colons: addresses like 2001:db8::1 or ::ffff:1.2.3.4, not times (12:30:45) or
// source positions (file.js:11:27).
const ipv6 = /(?<![\w:])(?:[0-9a-f]{0,4}:){3,7}[0-9a-f]{0,4}(?![\w:])/gi;
const driverParams = /\n?params:[\s\S]*$/;
const maxFrames = 8;

export function escapeControlCharacters(text: string): string {
  return text.replace(controlCharacters, (c) => {
    if (c === '\n') return '\\n';
    if (c === '\r') return '\\r';
    if (c === '\t') return '\\t';
    return `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
  });
}

function redactAddresses(text: string): string {
  return text.replace(ipv4, '[address]').replace(ipv6, '[address]');
}

function describeError(error: Error, depth = 0): string {
  const frames = (error.stack ?? '')
    .split('\n')
    .filter((line) => /^\s+at /.test(line))
    .slice(0, maxFrames)
    .map((line) => line.trim());
  const message = error.message.replace(driverParams, '');
  const cause = error.cause instanceof Error && depth < 3 ? ` [cause: ${describeError(error.cause, depth + 1)}]` : '';
  return `${error.name}: ${message}${frames.length ? ` (${frames.join(' | ')})` : ''}${cause}`;
}

function describe(value: unknown): string {
  if (value instanceof Error) return describeError(value);
  if (typeof value === 'string') return value;
  if (value === null || typeof value !== 'object') return String(value);
  // Plain objects are rare in our logs; print their shape, not their contents.
  return `[${value.constructor?.name ?? 'object'} with ${Object.keys(value).length} keys]`;
}

/** The one line a console call with these arguments may write. */
export function formatLogLine(args: unknown[]): string {
  return escapeControlCharacters(redactAddresses(args.map(describe).join(' ')));
}

const levels = ['log', 'info', 'warn', 'error', 'debug', 'trace'] as const;
let installed = false;

/** Routes every console call of this process through formatLogLine. */
export function installLogGuard(target: Pick<Console, (typeof levels)[number]> = console): void {
  if (installed && target === console) return;
  for (const level of levels) {
    const original = target[level].bind(target);
    target[level] = (...args: unknown[]) => original(formatLogLine(args));
  }
  if (target === console) installed = true;
}
