import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectProvinces, provinceCodeOf, simplify, type ProvincesGeoJson } from './projection';
import committed from '../../lib/geo/province-shapes.json';
import { provinceCodes, provinces } from '../../lib/geo/provinces';

const geo = JSON.parse(
  fs.readFileSync(path.join(import.meta.dirname, '../../lib/geo/iran-provinces.geojson'), 'utf8'),
) as ProvincesGeoJson;

describe('province map projection', () => {
  it('joins every GeoJSON feature to exactly one province code, and every code has a feature', () => {
    const codes = geo.features.map((f) => provinceCodeOf(f.properties));
    expect(new Set(codes).size).toBe(31);
    expect([...codes].sort()).toEqual([...provinceCodes].sort());
  });

  it('matches the Persian names of the GeoJSON too (the join is not a coincidence of English spellings)', () => {
    for (const feature of geo.features) {
      const province = provinces.find((p) => p.code === provinceCodeOf(feature.properties))!;
      expect(feature.properties['name:fa']).toBe(province.nameFa);
    }
  });

  it('produces a closed SVG path inside the view box for all 31 provinces', () => {
    const { width, height, shapes } = projectProvinces(geo);
    expect(shapes).toHaveLength(31);
    for (const shape of shapes) {
      expect(shape.d, shape.code).toMatch(/^M\d+ \d+l[-\d ]+z(M\d+ \d+l[-\d ]+z)*$/);
      expect(shape.labelX).toBeGreaterThanOrEqual(0);
      expect(shape.labelX).toBeLessThanOrEqual(width);
      expect(shape.labelY).toBeGreaterThanOrEqual(0);
      expect(shape.labelY).toBeLessThanOrEqual(height);
    }
  });

  it('keeps the committed province-shapes.json in step with the GeoJSON (regenerate with the script)', () => {
    expect(committed).toEqual(projectProvinces(geo));
  });

  it('keeps the map light enough for a first visit on a slow connection', () => {
    const bytes = committed.shapes.reduce((n, s) => n + s.d.length, 0);
    expect(bytes).toBeLessThan(20_000);
  });

  it('rejects a feature whose name has no province code', () => {
    expect(() => provinceCodeOf({ 'name:en': 'Atlantis' })).toThrow(/Atlantis/);
  });

  it('simplifies a straight line to its end points', () => {
    expect(simplify([[0, 0], [1, 0.1], [2, 0], [3, 0.1], [4, 0]], 0.5)).toEqual([[0, 0], [4, 0]]);
  });
});
