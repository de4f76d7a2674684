// Images are decoded and encoded anew by sharp: the output carries pixels only. sharp writes no
// EXIF, XMP, IPTC or ICC data unless asked (we never call keepMetadata/withMetadata), and
// `rotate()` first applies the EXIF orientation so dropping that tag does not turn the photo.
import sharp from 'sharp';

/**
 * Whether this sharp build decodes HEIC (HEVC-coded HEIF). The prebuilt binaries decode only AVIF
 * (HEVC is patent-encumbered), so HEIC is refused at upload with advice rather than accepted and
 * then failed in processing.
 */
export function heicDecodable(): boolean {
  return sharp.format.heif.input.fileSuffix?.includes('.heic') ?? false;
}

export type Derivative = { bytes: Buffer; mime: string; extension: string };

// HEIC becomes JPEG: browsers cannot show it, and sharp's prebuilt binary may not encode it.
const outputs: Record<string, 'jpeg' | 'png' | 'webp'> = {
  'image/jpeg': 'jpeg',
  'image/png': 'png',
  'image/webp': 'webp',
  'image/heic': 'jpeg',
};

/** Throws when sharp cannot decode the bytes (corrupt, or HEIC without a decoder): the file is refused. */
export async function reencodeImage(input: Buffer, mime: string): Promise<Derivative> {
  const format = outputs[mime];
  if (!format) throw new Error(`not an image type: ${mime}`);
  // limitInputPixels (sharp's default, ~268 MP) refuses decompression bombs.
  const pipeline = sharp(input, { failOn: 'error' }).rotate();
  const bytes =
    format === 'jpeg'
      ? await pipeline.jpeg({ quality: 90, mozjpeg: true }).toBuffer()
      : format === 'png'
        ? await pipeline.png().toBuffer()
        : await pipeline.webp({ quality: 90 }).toBuffer();
  return { bytes, mime: `image/${format}`, extension: format === 'jpeg' ? 'jpg' : format };
}
