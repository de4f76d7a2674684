import { describe, expect, it } from 'vitest';
import { aboutLabel } from './about-label';

const reza = { nameFa: 'رضا نمونه‌زاده (نمونه)', nameLatin: 'Reza Example (demo)' };
const proposed = { nameFa: 'امید آزمون‌زاده', nameLatin: null };

describe('aboutLabel', () => {
  it('uses the Latin name on English pages when there is one, the Persian one otherwise', () => {
    expect(aboutLabel([reza, proposed], 'en')).toBe('Reza Example (demo), امید آزمون‌زاده');
  });
  it('uses the Persian name on Persian pages, the Latin one when only that was given', () => {
    expect(aboutLabel([reza, { nameFa: '', nameLatin: 'Omid' }], 'fa')).toBe('رضا نمونه‌زاده (نمونه)، Omid');
  });
  it('is empty when nobody is named yet', () => {
    expect(aboutLabel([], 'en')).toBe('');
  });
});
