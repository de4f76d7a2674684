// Projects the provinces GeoJSON into SVG path strings for the server-rendered statistics map.
// Pure functions (no I/O): scripts/generate-province-shapes.ts runs them once and commits the
// result (province-shapes.json), so no request ever parses or projects 80 KB of GeoJSON.
import { provinces, type ProvinceCode } from '../../lib/geo/provinces';

type Ring = [number, number][];
type Geometry = { type: 'Polygon'; coordinates: Ring[] } | { type: 'MultiPolygon'; coordinates: Ring[][] };
export type ProvincesGeoJson = {
  features: { properties: Record<string, string | undefined>; geometry: Geometry }[];
};

export type ProvinceShape = { code: ProvinceCode; d: string; labelX: number; labelY: number };
export type ProvinceShapes = { width: number; height: number; shapes: ProvinceShape[] };

const codeByEnglishName = new Map<string, ProvinceCode>(provinces.map((p) => [p.nameEn, p.code]));

/** The ISO code for a feature; throws, so a renamed or new feature cannot silently drop out of the map. */
export function provinceCodeOf(properties: Record<string, string | undefined>): ProvinceCode {
  const name = properties['name:en'] ?? '';
  const code = codeByEnglishName.get(name);
  if (!code) throw new Error(`no province code for GeoJSON feature "${name}"`);
  return code;
}

function polygonsOf(geometry: Geometry): Ring[][] {
  return geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
}

/** Douglas–Peucker on projected points: drops points closer than `tolerance` to the kept line. */
export function simplify(points: [number, number][], tolerance: number): [number, number][] {
  if (points.length <= 3) return points;
  const keep = new Array<boolean>(points.length).fill(false);
  keep[0] = keep[points.length - 1] = true;
  const stack: [number, number][] = [[0, points.length - 1]];
  while (stack.length) {
    const [start, end] = stack.pop()!;
    const [ax, ay] = points[start]!;
    const [bx, by] = points[end]!;
    const length = Math.hypot(bx - ax, by - ay);
    let farthest = -1;
    let distance = tolerance;
    for (let i = start + 1; i < end; i++) {
      const [px, py] = points[i]!;
      const d =
        length === 0 ? Math.hypot(px - ax, py - ay) : Math.abs((bx - ax) * (ay - py) - (ax - px) * (by - ay)) / length;
      if (d > distance) {
        distance = d;
        farthest = i;
      }
    }
    if (farthest >= 0) {
      keep[farthest] = true;
      stack.push([start, farthest], [farthest, end]);
    }
  }
  return points.filter((_, i) => keep[i]);
}

/**
 * Equirectangular projection with longitude scaled by cos(mean latitude): at Iran's size the
 * shapes look right, and no projection library is needed. North is up; the map is geography, so it
 * is never mirrored for right-to-left pages.
 */
export function projectProvinces(geo: ProvincesGeoJson, { width = 600, tolerance = 0.7 } = {}): ProvinceShapes {
  let minLon = Infinity, maxLon = -Infinity, minLat = Infinity, maxLat = -Infinity;
  for (const feature of geo.features) {
    for (const polygon of polygonsOf(feature.geometry)) {
      for (const [lon, lat] of polygon[0]!) {
        minLon = Math.min(minLon, lon);
        maxLon = Math.max(maxLon, lon);
        minLat = Math.min(minLat, lat);
        maxLat = Math.max(maxLat, lat);
      }
    }
  }
  const kx = Math.cos((((minLat + maxLat) / 2) * Math.PI) / 180);
  const scale = width / ((maxLon - minLon) * kx);
  const height = Math.ceil((maxLat - minLat) * scale);
  const project = ([lon, lat]: [number, number]): [number, number] => [
    Math.round((lon - minLon) * kx * scale),
    Math.round((maxLat - lat) * scale),
  ];

  const shapes = geo.features.map((feature) => {
    const code = provinceCodeOf(feature.properties);
    let d = '';
    let largest = { area: -1, x: 0, y: 0 };
    for (const polygon of polygonsOf(feature.geometry)) {
      for (const ring of polygon) {
        const points = dedupe(simplify(ring.map(project), tolerance));
        if (points.length < 3) continue; // an islet smaller than a pixel
        d += pathOf(points);
        const area = Math.abs(signedArea(points));
        if (area > largest.area) largest = { area, ...centroid(points) };
      }
    }
    return { code, d, labelX: Math.round(largest.x), labelY: Math.round(largest.y) };
  });
  shapes.sort((a, b) => a.code.localeCompare(b.code));
  return { width, height, shapes };
}

function dedupe(points: [number, number][]): [number, number][] {
  return points.filter((p, i) => i === 0 || p[0] !== points[i - 1]![0] || p[1] !== points[i - 1]![1]);
}

/** Relative commands keep the markup small: "M12 40l3-2 …z". */
function pathOf(points: [number, number][]): string {
  const [first, ...rest] = points;
  let out = `M${first![0]} ${first![1]}l`;
  let [px, py] = first!;
  for (const [x, y] of rest) {
    const dx = x - px;
    const dy = y - py;
    out += `${dx}${dy < 0 ? '' : ' '}${dy} `;
    [px, py] = [x, y];
  }
  return `${out.trimEnd()}z`;
}

function signedArea(points: [number, number][]): number {
  let area = 0;
  for (let i = 0; i < points.length; i++) {
    const [x1, y1] = points[i]!;
    const [x2, y2] = points[(i + 1) % points.length]!;
    area += x1 * y2 - x2 * y1;
  }
  return area / 2;
}

function centroid(points: [number, number][]): { x: number; y: number } {
  const a = signedArea(points);
  if (a === 0) return { x: points[0]![0], y: points[0]![1] };
  let cx = 0;
  let cy = 0;
  for (let i = 0; i < points.length; i++) {
    const [x1, y1] = points[i]!;
    const [x2, y2] = points[(i + 1) % points.length]!;
    const f = x1 * y2 - x2 * y1;
    cx += (x1 + x2) * f;
    cy += (y1 + y2) * f;
  }
  return { x: cx / (6 * a), y: cy / (6 * a) };
}
