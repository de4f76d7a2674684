import { describe, expect, it } from 'vitest';
import { parseEnv } from '@/lib/env.mjs';
import { isWithinLimit, largestUploadBytes, sizeLimitBytes } from './limits';
import { sniff } from './sniff';

const bytes = (...parts: (string | number[])[]) =>
  new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? [...Buffer.from(p, 'latin1')] : p)));
const ftyp = (brand: string) => bytes([0, 0, 0, 0x18], 'ftyp', brand, [0, 0, 0, 0], 'isom');

describe('sniff decides the type by the bytes', () => {
  it.each([
    ['JPEG', bytes([0xff, 0xd8, 0xff, 0xe1]), 'image/jpeg'],
    ['PNG', bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), 'image/png'],
    ['WebP', bytes('RIFF', [1, 2, 3, 4], 'WEBPVP8 '), 'image/webp'],
    ['HEIC', ftyp('heic'), 'image/heic'],
    ['MP4', ftyp('isom'), 'video/mp4'],
    ['MOV', ftyp('qt  '), 'video/quicktime'],
    ['M4A', ftyp('M4A '), 'audio/mp4'],
    ['WebM', bytes([0x1a, 0x45, 0xdf, 0xa3, 0x9f, 0x42, 0x86, 0x81, 0x01, 0x42, 0x82, 0x84], 'webm'), 'video/webm'],
    ['MP3 with ID3', bytes('ID3', [4, 0, 0]), 'audio/mpeg'],
    ['MP3 frame', bytes([0xff, 0xfb, 0x90, 0x64]), 'audio/mpeg'],
    ['OGG', bytes('OggS', [0, 2]), 'audio/ogg'],
    ['WAV', bytes('RIFF', [1, 2, 3, 4], 'WAVEfmt '), 'audio/wav'],
    ['PDF', bytes('%PDF-1.7\n'), 'application/pdf'],
  ])('accepts %s', (_name, input, mime) => {
    expect(sniff(input)?.mime).toBe(mime);
  });

  it.each([
    ['an HTML page renamed .jpg', bytes('<!DOCTYPE html><html><script>alert(1)</script>')],
    ['an SVG image', bytes('<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"><script/></svg>')],
    ['an SVG without XML declaration', bytes('<svg onload="alert(1)"></svg>')],
    ['a GIF', bytes('GIF89a')],
    ['a ZIP (or DOCX)', bytes([0x50, 0x4b, 0x03, 0x04])],
    ['an executable', bytes([0x7f, 0x45, 0x4c, 0x46])],
    ['a Matroska (not WebM) file', bytes([0x1a, 0x45, 0xdf, 0xa3, 0x9f, 0x42, 0x82, 0x88], 'matroska')],
    ['AAC/ADTS audio', bytes([0xff, 0xf1, 0x50, 0x80])],
    ['an unknown ISO brand', ftyp('crx ')],
    ['plain text', bytes('hello')],
    ['nothing', new Uint8Array()],
    ['JPEG magic preceded by a byte', bytes([0x00, 0xff, 0xd8, 0xff])],
  ])('refuses %s', (_name, input) => {
    expect(sniff(input)).toBeNull();
  });
});

describe('size limits per kind', () => {
  const e = parseEnv({ MEDIA_MAX_IMAGE_MB: '2', MEDIA_MAX_VIDEO_MB: '300', MEDIA_MAX_AUDIO_MB: '50', MEDIA_MAX_DOCUMENT_MB: '10' });

  it('come from the environment, in megabytes', () => {
    expect(sizeLimitBytes('image', e)).toBe(2 * 1024 * 1024);
    expect(sizeLimitBytes('document', e)).toBe(10 * 1024 * 1024);
    expect(largestUploadBytes(e)).toBe(300 * 1024 * 1024);
  });

  it('accept up to the limit and refuse one byte more or an empty file', () => {
    expect(isWithinLimit('image', 2 * 1024 * 1024, e)).toBe(true);
    expect(isWithinLimit('image', 2 * 1024 * 1024 + 1, e)).toBe(false);
    expect(isWithinLimit('audio', 0, e)).toBe(false);
  });

  it('have defaults and refuse a non-number', () => {
    expect(sizeLimitBytes('image', parseEnv({}))).toBe(25 * 1024 * 1024);
    expect(() => parseEnv({ MEDIA_MAX_VIDEO_MB: 'lots' })).toThrow(/MEDIA_MAX_VIDEO_MB/);
  });
});
