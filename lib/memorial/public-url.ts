// The site's public origin for permanent links (citations, OpenGraph, JSON-LD, feeds): AUTH_URL
// when configured (required behind a proxy), else the request's own host.
import 'server-only';
import { headers } from 'next/headers';
import { env } from '@/lib/env.mjs';

export async function publicOrigin(): Promise<string> {
  const configured = env().AUTH_URL;
  if (configured) return new URL(configured).origin;
  const h = await headers();
  const host = h.get('host') ?? 'localhost';
  const proto = h.get('x-forwarded-proto') ?? 'http';
  return `${proto}://${host}`;
}
