// Media that leaks the way phones and cameras do, built at test time: every location, device and
// serial value contains `leakCanary`, so one search of a derivative's bytes and of every tool's
// report finds any survivor. exiftool (IPTC, MakerNote, thumbnail, GPS) and ffmpeg (video, audio)
// are used when installed; cases that need a missing tool are left out (and say so).
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import sharp from 'sharp';
import { pngChunk } from './hostile-media';

const run = promisify(execFile);
export const leakCanary = 'LeakCanary';

export type LeakyFile = { name: string; filename: string; bytes: Buffer; orientation?: 6 | 8 };

/** Whether a command-line tool runs here. */
export async function hasTool(binary: string, versionArg = '-ver'): Promise<boolean> {
  return run(binary, [versionArg]).then(() => true, () => false);
}

const exif = {
  IFD0: { Make: `${leakCanary}Make`, Model: `${leakCanary}Model`, Software: `${leakCanary}Software`, Artist: `${leakCanary}Artist` },
  IFD2: { BodySerialNumber: `${leakCanary}Serial`, MakerNote: `${leakCanary}MakerNote`, LensSerialNumber: `${leakCanary}Lens` },
  IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '35/1 41/1 2112/100', GPSLongitudeRef: 'E', GPSLongitude: '51/1 23/1 2040/100', GPSAreaInformation: `${leakCanary}Area` },
};
const xmp =
  '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">' +
  `<rdf:Description xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/" xmlns:exif="http://ns.adobe.com/exif/1.0/" photoshop:City="${leakCanary}City" exif:GPSLatitude="35,41.352N"/></rdf:RDF></x:xmpmeta>`;

const base = (width = 40, height = 20) => sharp({ create: { width, height, channels: 3, background: '#884422' } });

async function withTempDir<T>(work: (dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'yadman-leaky-'));
  try {
    return await work(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** exiftool adds IPTC, a thumbnail and GPS to a JPEG (null without exiftool). */
function jpegWithExiftool(jpeg: Buffer, thumbnail: Buffer): Promise<Buffer | null> {
  return withTempDir(async (dir) => {
    const file = path.join(dir, 'a.jpg');
    await writeFile(file, jpeg);
    await writeFile(path.join(dir, 't.jpg'), thumbnail);
    const tags = [`-IPTC:City=${leakCanary}City`, `-IPTC:Country-PrimaryLocationName=${leakCanary}Country`, `-IPTC:By-line=${leakCanary}Byline`, `-SerialNumber=${leakCanary}Serial2`, `-ThumbnailImage<=${path.join(dir, 't.jpg')}`];
    return run('exiftool', ['-q', '-overwrite_original', ...tags, file]).then(() => readFile(file), () => null);
  });
}

/** A one-second clip from ffmpeg with location, device and title tags (null without ffmpeg). */
function clip(extension: 'mp4' | 'mov' | 'mp3' | 'm4a', video: boolean): Promise<Buffer | null> {
  return withTempDir(async (dir) => {
    const out = path.join(dir, `clip.${extension}`);
    const inputs = ['-f', 'lavfi', '-i', 'sine=duration=1', ...(video ? ['-f', 'lavfi', '-i', 'testsrc=duration=1:size=32x32:rate=5', '-pix_fmt', 'yuv420p'] : [])];
    const tags = ['location', 'location-eng', 'com.apple.quicktime.location.ISO6709', 'make', 'model', 'com.apple.quicktime.make', 'com.apple.quicktime.model', 'title', 'artist', 'comment', 'encoder']
      .flatMap((key) => ['-metadata', `${key}=${key.includes('location') ? '+35.6892+051.3890/' : ''}${leakCanary}${key}`]);
    const container = extension === 'mov' || extension === 'mp4' ? ['-movflags', 'use_metadata_tags'] : [];
    const audio = extension === 'm4a' ? ['-c:a', 'aac'] : [];
    return run('ffmpeg', ['-hide_banner', '-loglevel', 'error', ...inputs, ...tags, '-metadata:s:a', `handler_name=${leakCanary}Mic`, ...container, ...audio, '-shortest', out]).then(() => readFile(out), () => null);
  });
}

export async function leakyCorpus(): Promise<{ files: LeakyFile[]; missing: string[] }> {
  const jpeg = await base().jpeg().withExif(exif).withXmp(xmp).toBuffer();
  const thumbnail = await base(8, 4).jpeg().withExif({ IFD0: { Make: `${leakCanary}ThumbMake` } }).toBuffer();
  const png = await base().png().withExif(exif).withXmp(xmp).toBuffer();
  const iend = png.length - 12;
  const pngText = Buffer.concat([
    png.subarray(0, iend),
    pngChunk('tEXt', Buffer.from(`Location\0+35.6892+051.3890 ${leakCanary}Text`, 'latin1')),
    pngChunk('iTXt', Buffer.from(`Author\0\0\0\0\0${leakCanary}Itxt`, 'latin1')),
    png.subarray(iend),
  ]);
  const files: LeakyFile[] = [
    { name: 'JPEG with GPS, make, model, serial, MakerNote, XMP', filename: 'IMG_0001.jpg', bytes: jpeg },
    { name: 'JPEG orientation 6', filename: 'IMG_0006.jpg', bytes: await base().jpeg().withExif(exif).withMetadata({ orientation: 6 }).toBuffer(), orientation: 6 },
    { name: 'JPEG orientation 8', filename: 'IMG_0008.jpg', bytes: await base().jpeg().withExif(exif).withMetadata({ orientation: 8 }).toBuffer(), orientation: 8 },
    { name: 'PNG with eXIf, XMP, tEXt and iTXt', filename: 'screen.png', bytes: pngText },
    { name: 'WebP with EXIF and XMP', filename: 'photo.webp', bytes: await base().webp().withExif(exif).withXmp(xmp).toBuffer() },
  ];
  const missing: string[] = [];
  const withTool = await jpegWithExiftool(jpeg, thumbnail);
  if (withTool) files.push({ name: 'JPEG with IPTC, thumbnail and a second serial (exiftool)', filename: 'IMG_0002.jpg', bytes: withTool });
  else missing.push('JPEG with IPTC and thumbnail (needs exiftool)');
  for (const [extension, video] of [['mp4', true], ['mov', true], ['mp3', false], ['m4a', false]] as const) {
    const bytes = await clip(extension, video);
    if (bytes) files.push({ name: `${extension.toUpperCase()} with location, make, model and ID3/udta tags`, filename: `clip.${extension}`, bytes });
    else missing.push(`${extension} (needs ffmpeg)`);
  }
  return { files, missing };
}
