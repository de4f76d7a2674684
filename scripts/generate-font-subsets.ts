// Regenerates the self-hosted font subsets and their stylesheet in app/fonts/ (committed):
//   npx tsx scripts/generate-font-subsets.ts
// from the variable Vazirmatn of @fontsource-variable/vazirmatn, with subset-font (HarfBuzz's
// hb-subset in wasm: keeps the contextual letter forms Persian shaping needs, and can pin the
// weight axis, which no CSS-only approach can). scripts/fonts/subsets.test.ts fails if the stylesheet drifts.
import fs from 'node:fs';
import path from 'node:path';
import subsetFont from 'subset-font';
import { fontFaceCss, fontSubsets, fontWeights, subsetText } from './fonts/subsets';

const root = path.resolve(import.meta.dirname, '..');
const sourceDir = path.join(root, 'node_modules/@fontsource-variable/vazirmatn');
const outDir = path.join(root, 'app/fonts');

for (const subset of fontSubsets) {
  const source = fs.readFileSync(path.join(sourceDir, 'files', subset.source));
  const out = await subsetFont(source, subsetText(subset), {
    targetFormat: 'woff2',
    variationAxes: { wght: { min: fontWeights.min, max: fontWeights.max } },
  });
  fs.writeFileSync(path.join(outDir, subset.file), out);
  console.log(`${subset.file}: ${source.length} → ${out.length} bytes`);
}
fs.writeFileSync(path.join(outDir, 'vazirmatn.css'), fontFaceCss());
fs.copyFileSync(path.join(sourceDir, 'LICENSE'), path.join(outDir, 'LICENSE'));
