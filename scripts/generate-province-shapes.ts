// Regenerates lib/geo/province-shapes.json from lib/geo/iran-provinces.geojson:
//   npx tsx scripts/generate-province-shapes.ts
// The JSON is committed so that pages never project GeoJSON per request; scripts/geo/projection.test.ts
// fails if it drifts from the GeoJSON.
import fs from 'node:fs';
import path from 'node:path';
import { projectProvinces, type ProvincesGeoJson } from './geo/projection';

const dir = path.resolve(import.meta.dirname, '../lib/geo');
const geo = JSON.parse(fs.readFileSync(path.join(dir, 'iran-provinces.geojson'), 'utf8')) as ProvincesGeoJson;
const shapes = projectProvinces(geo);
fs.writeFileSync(path.join(dir, 'province-shapes.json'), `${JSON.stringify(shapes, null, 1)}\n`);
const bytes = shapes.shapes.reduce((n, s) => n + s.d.length, 0);
console.log(`${shapes.shapes.length} provinces, ${shapes.width}×${shapes.height}, ${bytes} bytes of path data`);
