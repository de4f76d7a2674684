// The mirror commands render React to static HTML (react-dom/server), which the `react-server`
// condition forbids; without that condition the `server-only` marker would throw. These commands
// are server code run by an administrator, so the marker resolves to nothing here (as in Vitest).
import { register } from 'node:module';

const hook = `export async function resolve(specifier, context, next) {
  if (specifier === 'server-only') return { url: 'data:text/javascript,', shortCircuit: true };
  return next(specifier, context);
}`;
register(`data:text/javascript,${encodeURIComponent(hook)}`);
