// The mirror's static assets: the site's stylesheet compiled for the mirror's markup (the same
// Tailwind theme and base styles as app/globals.css), the self-hosted Vazirmatn subsets, a favicon,
// the search script and its index. Nothing is fetched from anywhere at export or at reading time.
import fs from 'node:fs/promises';
import path from 'node:path';
import { build } from 'esbuild';
import postcss from 'postcss';
import tailwind from '@tailwindcss/postcss';
import sharp from 'sharp';
import type { PublicPersonSummary } from '@/lib/memorial/dto';
import { personSegment } from '@/lib/memorial/paths';
import type { IndexEntry } from './client/search';
import type { ExportOutput } from './output';

const root = process.cwd();
const fonts = ['vazirmatn-persian.woff2', 'vazirmatn-latin.woff2', 'vazirmatn-latin-ext.woff2', 'LICENSE'];

async function stylesheet(): Promise<string> {
  const from = path.join(root, 'app/globals.css');
  const globals = await fs.readFile(from, 'utf8');
  // Only the classes the mirror's pages use: its own components and the site's shared ones.
  const input = globals.replace(
    "@import 'tailwindcss';",
    ["@import 'tailwindcss' source(none);", "@source '../components/mirror';", "@source '../components/memorial';", "@source '../components/statistics';", "@source '../lib/mirror/client';"].join('\n'),
  );
  // Two postcss copies in the tree (vitest's) make the plugin type nominally different; it is the same API.
  const result = await postcss([tailwind({ optimize: { minify: true } }) as postcss.AcceptedPlugin]).process(input, { from, to: path.join(root, 'app/mirror.css') });
  return result.css;
}

async function searchScript(): Promise<string> {
  const result = await build({
    entryPoints: [path.join(root, 'lib/mirror/client/search.ts')],
    bundle: true,
    format: 'iife',
    minify: true,
    target: 'es2019',
    write: false,
    alias: { '@': root },
  });
  return result.outputFiles[0]!.text;
}

// A plain mark (a flame in the accent colour) for browsers and Kiwix.
const faviconSvg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 48 48"><rect width="48" height="48" rx="8" fill="#fafaf9"/><path d="M24 6c6 9 12 14 12 23a12 12 0 0 1-24 0c0-6 4-10 6-14 1 4 3 6 5 7-1-6 0-11 1-16z" fill="#9a3412"/></svg>`;

export async function writeAssets(out: ExportOutput): Promise<void> {
  await out.write('assets/site.css', await stylesheet());
  // The compiled stylesheet keeps app/globals.css's relative font URLs (./fonts/…).
  for (const font of fonts) await out.write(`assets/fonts/${font}`, await fs.readFile(path.join(root, 'app/fonts', font)));
  await out.write('assets/favicon.png', await sharp(Buffer.from(faviconSvg)).resize(48, 48).png().toBuffer());
  await out.write('assets/search.js', await searchScript());
}

/** The search index: one compact entry per person, loaded by a script tag (fetch is refused on file://). */
export async function writeSearchIndex(out: ExportOutput, persons: readonly PublicPersonSummary[]): Promise<number> {
  const entries: IndexEntry[] = persons.map((p) => [personSegment(p), p.nameFa, p.nameLatin ?? 0]);
  const body = `window.YADMAN_MIRROR_INDEX=${JSON.stringify(entries)};\n`;
  await out.write('assets/search-index.js', body);
  return Buffer.byteLength(body);
}
