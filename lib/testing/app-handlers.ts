// Every server action and route handler under app/, found on disk, for tests that must cover all
// of them (the authorization matrix, cross-site refusal): a new one is covered without being named.
import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { actionSpecKey, type ServerAction } from '@/lib/actions/define-action';

export const appRoot = path.resolve(import.meta.dirname, '../..');

function filesNamed(dir: string, name: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return filesNamed(full, name);
    return entry.name === name ? [path.relative(appRoot, full)] : [];
  });
}

export const actionFiles = filesNamed(path.join(appRoot, 'app'), 'actions.ts');
export const routeFiles = filesNamed(path.join(appRoot, 'app'), 'route.ts');

/** Every exported server action by its spec name; fails on an export not made with defineAction. */
export async function loadActions() {
  const actions = new Map<string, { file: string; action: ServerAction<unknown> }>();
  for (const file of actionFiles) {
    const exports = (await import(/* @vite-ignore */ path.join(appRoot, file))) as Record<string, unknown>;
    for (const [exportName, value] of Object.entries(exports)) {
      const spec = (value as Partial<ServerAction<unknown>>)[actionSpecKey];
      expect(spec, `${file} exports ${exportName}, which was not made with defineAction`).toBeDefined();
      expect(actions.has(spec!.name), `two actions named ${spec!.name}`).toBe(false);
      actions.set(spec!.name, { file, action: value as ServerAction<unknown> });
    }
  }
  return actions;
}

export type RouteHandler = (request: Request, context: { params: Promise<Record<string, string | string[]>> }) => Promise<Response>;

/** The handlers a route file exports, by HTTP method. */
export async function loadRouteHandlers(file: string): Promise<Record<string, RouteHandler>> {
  const exports = (await import(/* @vite-ignore */ path.join(appRoot, file))) as Record<string, unknown>;
  return Object.fromEntries(
    ['GET', 'HEAD', 'OPTIONS', 'POST', 'PUT', 'PATCH', 'DELETE'].filter((m) => typeof exports[m] === 'function').map((m) => [m, exports[m] as RouteHandler]),
  );
}
