// Hostile uploads, built at test time (no binary blobs in the repository): disguised markup,
// polyglots, decompression bombs, truncated media, oversized metadata, and names that try path
// traversal or right-to-left tricks. Each says what a safe pipeline must do with it.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import sharp from 'sharp';

export type HostileFile = { name: string; filename: string; bytes: Buffer };

const ascii = (text: string) => Buffer.from(text, 'latin1');
const script = '<script>window.__xss=1</script>';

/** A PNG chunk with its length and CRC (zlib.crc32 covers type + data). */
export function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([ascii(type), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(zlib.crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A PNG whose header declares `width` × `height` pixels, with only a few rows of data behind it. */
export function pngDeclaring(width: number, height: number): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 0, 0, 0, 0], 8); // 8-bit greyscale
  const rows = zlib.deflateSync(Buffer.alloc((width + 1) * 4));
  return Buffer.concat([ascii('\x89PNG\r\n\x1a\n'), pngChunk('IHDR', header), pngChunk('IDAT', rows), pngChunk('IEND', Buffer.alloc(0))]);
}

/** Inserts JPEG segments right after the SOI marker. */
function withJpegSegments(jpeg: Buffer, segments: Buffer[]): Buffer {
  return Buffer.concat([jpeg.subarray(0, 2), ...segments, jpeg.subarray(2)]);
}
const jpegSegment = (marker: number, data: Buffer) => {
  const head = Buffer.alloc(4);
  head.writeUInt16BE(0xff00 | marker, 0);
  head.writeUInt16BE(data.length + 2, 2);
  return Buffer.concat([head, data]);
};

/** The same JPEG with its frame header (SOF0) claiming `width` × `height`. */
function jpegClaiming(jpeg: Buffer, width: number, height: number): Buffer {
  const out = Buffer.from(jpeg);
  for (let i = 2; i < out.length - 9; i++) {
    if (out[i] === 0xff && out[i + 1]! >= 0xc0 && out[i + 1]! <= 0xc2) {
      out.writeUInt16BE(height, i + 5);
      out.writeUInt16BE(width, i + 7);
      return out;
    }
  }
  throw new Error('no SOF marker');
}

async function ffmpegClip(args: string[], extension: string): Promise<Buffer | null> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'yadman-hostile-'));
  try {
    const out = path.join(dir, `clip.${extension}`);
    await promisify(execFile)('ffmpeg', ['-hide_banner', '-loglevel', 'error', ...args, out]);
    return await readFile(out);
  } catch {
    return null; // no ffmpeg here: the video cases are left out
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export async function hostileCorpus(): Promise<HostileFile[]> {
  const jpeg = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#336699' } }).jpeg().toBuffer();
  const png = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#996633' } }).png().toBuffer();
  const webp = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#669933' } }).webp().toBuffer();
  const iend = png.length - 12;
  const mp4 = await ffmpegClip(['-f', 'lavfi', '-i', 'testsrc=duration=1:size=32x32:rate=5', '-pix_fmt', 'yuv420p'], 'mp4');
  const mp3 = await ffmpegClip(['-f', 'lavfi', '-i', 'sine=duration=1'], 'mp3');
  const webm = await ffmpegClip(['-f', 'lavfi', '-i', 'testsrc=duration=1:size=32x32:rate=5', '-c:v', 'libvpx'], 'webm');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" onload="window.__xss=1"><script>window.__xss=1</script></svg>`;

  const files: HostileFile[] = [
    { name: 'HTML named .jpg', filename: 'photo.jpg', bytes: ascii(`<!doctype html><html>${script}</html>`) },
    { name: 'HTML with a UTF-8 BOM', filename: 'photo.png', bytes: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), ascii(`<html>${script}`)]) },
    { name: 'SVG with script', filename: 'image.svg', bytes: ascii(svg) },
    { name: 'SVG named .png', filename: 'image.png', bytes: ascii(`<?xml version="1.0"?>${svg}`) },
    { name: 'XHTML', filename: 'page.xhtml', bytes: ascii(`<html xmlns="http://www.w3.org/1999/xhtml">${script}</html>`) },
    { name: 'JavaScript', filename: 'x.js', bytes: ascii('window.__xss=1') },
    { name: 'zero bytes', filename: 'empty.jpg', bytes: Buffer.alloc(0) },
    { name: 'one byte', filename: 'one.jpg', bytes: Buffer.from([0xff]) },
    { name: 'JPEG magic then nothing', filename: 'magic.jpg', bytes: Buffer.from([0xff, 0xd8, 0xff, 0xe0]) },
    { name: 'truncated JPEG', filename: 'cut.jpg', bytes: jpeg.subarray(0, Math.floor(jpeg.length / 2)) },
    { name: 'JPEG + HTML polyglot', filename: 'poly.jpg', bytes: Buffer.concat([jpeg, ascii(`<html>${script}</html>`)]) },
    { name: 'JPEG + PDF polyglot', filename: 'poly.pdf.jpg', bytes: Buffer.concat([jpeg, ascii('%PDF-1.4\n1 0 obj<</JS (app.alert(1))>>endobj\n%%EOF')]) },
    { name: 'JPEG with script in a comment segment', filename: 'comment.jpg', bytes: withJpegSegments(jpeg, [jpegSegment(0xfe, ascii(script))]) },
    { name: 'JPEG with 5 MB of APP segments (huge EXIF block)', filename: 'exif.jpg', bytes: withJpegSegments(jpeg, Array.from({ length: 80 }, () => jpegSegment(0xe1, Buffer.concat([ascii('Exif\0\0'), Buffer.alloc(65_000, 0x41)])))) },
    { name: 'JPEG claiming 65,000 × 65,000 px', filename: 'bomb.jpg', bytes: jpegClaiming(jpeg, 65_000, 65_000) },
    { name: 'PNG declaring 50,000 × 50,000 px (decompression bomb)', filename: 'bomb.png', bytes: pngDeclaring(50_000, 50_000) },
    { name: 'PNG with a 200 MB zTXt bomb', filename: 'ztxt.png', bytes: Buffer.concat([png.subarray(0, 33), pngChunk('zTXt', Buffer.concat([ascii('Comment\0\0'), zlib.deflateSync(Buffer.alloc(200 * 1024 * 1024, 0x20))])), png.subarray(33)]) },
    { name: 'PNG with script in a tEXt chunk', filename: 'text.png', bytes: Buffer.concat([png.subarray(0, iend), pngChunk('tEXt', ascii(`Comment\0${script}`)), png.subarray(iend)]) },
    { name: 'PNG + HTML after IEND', filename: 'trail.png', bytes: Buffer.concat([png, ascii(`<html>${script}`)]) },
    { name: 'PNG with a broken CRC', filename: 'crc.png', bytes: Buffer.concat([png.subarray(0, 29), Buffer.from([0, 0, 0, 0]), png.subarray(33)]) },
    { name: 'truncated WebP', filename: 'cut.webp', bytes: webp.subarray(0, 20) },
    { name: 'path traversal name', filename: '../../../../etc/passwd.jpg', bytes: jpeg },
    { name: 'Windows path traversal name', filename: '..\\..\\windows\\win.ini.png', bytes: png },
    { name: 'right-to-left override name', filename: 'photo\u202Egpj.exe', bytes: jpeg },
    { name: 'name with NUL and control characters', filename: 'a\u0000b\u0007\u001b[31m.jpg', bytes: jpeg },
    { name: '10,000-character name', filename: `${'ا'.repeat(10_000)}.jpg`, bytes: jpeg },
    { name: 'Windows executable', filename: 'setup.jpg', bytes: Buffer.concat([ascii('MZ'), Buffer.alloc(200)]) },
    { name: 'ELF binary', filename: 'a.mp4', bytes: Buffer.concat([ascii('\x7fELF'), Buffer.alloc(200)]) },
    { name: 'ZIP archive', filename: 'a.docx.jpg', bytes: Buffer.concat([ascii('PK\x03\x04'), Buffer.alloc(200)]) },
    { name: 'GIF (not accepted)', filename: 'a.gif', bytes: ascii('GIF89a\x01\x00\x01\x00\x00\x00\x00;') },
    { name: 'Matroska that is not WebM', filename: 'a.mkv', bytes: Buffer.concat([Buffer.from([0x1a, 0x45, 0xdf, 0xa3]), ascii('\x42\x82\x88matroska'), Buffer.alloc(64)]) },
    { name: 'MP4 brand then HTML', filename: 'a.mp4', bytes: Buffer.concat([Buffer.from([0, 0, 0, 0x18]), ascii('ftypisom'), Buffer.alloc(12), ascii(`<html>${script}`)]) },
    { name: 'ID3 header claiming 200 MB, then nothing', filename: 'a.mp3', bytes: ascii('ID3\x04\x00\x00\x7f\x7f\x7f\x7f') },
    { name: 'WAV header claiming 4 GB, truncated', filename: 'a.wav', bytes: Buffer.concat([ascii('RIFF\xff\xff\xff\xffWAVEfmt '), Buffer.alloc(8)]) },
    { name: 'PDF with JavaScript', filename: 'doc.pdf', bytes: ascii('%PDF-1.4\n1 0 obj<</Type/Catalog/OpenAction<</S/JavaScript/JS(app.alert(1))>>>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF') },
    { name: 'HEIC brand with garbage', filename: 'a.heic', bytes: Buffer.concat([Buffer.from([0, 0, 0, 0x18]), ascii('ftypheic'), Buffer.alloc(200)]) },
  ];
  if (mp4) {
    files.push({ name: 'truncated MP4', filename: 'cut.mp4', bytes: mp4.subarray(0, Math.floor(mp4.length / 3)) });
    files.push({ name: 'MP4 + HTML polyglot', filename: 'poly.mp4', bytes: Buffer.concat([mp4, ascii(`<html>${script}`)]) });
  }
  if (mp3) files.push({ name: 'truncated MP3', filename: 'cut.mp3', bytes: mp3.subarray(0, 100) });
  if (webm) files.push({ name: 'truncated WebM', filename: 'cut.webm', bytes: webm.subarray(0, 60) });
  return files;
}
