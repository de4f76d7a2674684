// Images are decoded and encoded anew by sharp: the output carries pixels only. sharp writes no
// EXIF, XMP, IPTC or ICC data unless asked (we never call keepMetadata/withMetadata), and
// `rotate()` first applies the EXIF orientation so dropping that tag does not turn the photo.
import path from 'node:path';
import sharp from 'sharp';

/**
 * Whether this sharp build decodes HEIC (HEVC-coded HEIF). The prebuilt binaries decode only AVIF
 * (HEVC is patent-encumbered), so HEIC is refused at upload with advice rather than accepted and
 * then failed in processing.
 */
export function heicDecodable(): boolean {
  return sharp.format.heif.input.fileSuffix?.includes('.heic') ?? false;
}

/** A metadata-free copy, written to `path` in the job's temporary folder. */
export type Derivative = { path: string; mime: string; extension: string };

// HEIC becomes JPEG: browsers cannot show it, and sharp's prebuilt binary may not encode it.
const outputs: Record<string, 'jpeg' | 'png' | 'webp'> = {
  'image/jpeg': 'jpeg',
  'image/png': 'png',
  'image/webp': 'webp',
  'image/heic': 'jpeg',
};

/**
 * Reads the image from a file and writes the re-encoded copy into `dir` (sharp streams from disk:
 * the upload is never held whole). Throws when sharp cannot decode the bytes (corrupt, or HEIC
 * without a decoder): the file is refused.
 */
export async function reencodeImage(inputPath: string, mime: string, dir: string): Promise<Derivative> {
  const format = outputs[mime];
  if (!format) throw new Error(`not an image type: ${mime}`);
  const extension = format === 'jpeg' ? 'jpg' : format;
  const output = path.join(dir, `derivative.${extension}`);
  // limitInputPixels (sharp's default, ~268 MP) refuses decompression bombs.
  const pipeline = sharp(inputPath, { failOn: 'error' }).rotate();
  const encoded =
    format === 'jpeg' ? pipeline.jpeg({ quality: 90, mozjpeg: true }) : format === 'png' ? pipeline.png() : pipeline.webp({ quality: 90 });
  await encoded.toFile(output);
  return { path: output, mime: `image/${format}`, extension };
}
