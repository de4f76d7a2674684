/* eslint-disable @typescript-eslint/no-require-imports -- a CommonJS entry: require() is the point. */
// Entry of a render pool worker (render-pool.ts): Node 20 does not pass the main thread's module
// hooks (tsx, the server-only marker of scripts/mirror/allow-server-only.mjs) to worker threads,
// so this plain CommonJS file registers tsx's require hook, lets `server-only` resolve to nothing
// (server code run by an administrator, as in the export command), and loads the TypeScript worker.
const Module = require('node:module');
const { register } = require('tsx/cjs/api');

register();
const load = Module._load;
Module._load = function (request, ...rest) {
  return request === 'server-only' ? {} : load.call(this, request, ...rest);
};
require('./render-worker.ts');
