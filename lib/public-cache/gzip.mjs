// @ts-check
// Gzip of a cached page whose nonce changes on every response, without compressing per response.
//
// The page is stored as its segments between nonce placeholders. Each segment is compressed once,
// as raw deflate blocks ending on a byte boundary (a sync flush); each response then joins them
// with its nonce as a stored (uncompressed) block between them, a final empty block, and the gzip
// trailer (CRC-32 and length of what the reader will inflate). The only per-response work is the
// CRC over the page's bytes (zlib's CRC-32 runs at GB/s).
//
// So that a segment may still point back at the page before it (most of a page's compression),
// each is compressed with a preset dictionary: the preceding 32 KB as the reader will have it, with
// every nonce as 0xFF bytes of the same length. Distances therefore match the real output, and no
// match can ever copy a nonce byte: 0xFF never occurs in UTF-8, so no string of a UTF-8 segment
// matches one. A body that is not such text (it holds a 0xFF byte) is compressed without dictionaries.
import zlib from 'node:zlib';

const header = Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0, 0, 0, 0, 0x00, 0xff]);
// A final stored block of length 0: BFINAL=1, BTYPE=00, LEN=0, NLEN=0xffff.
const finalBlock = Buffer.from([0x01, 0x00, 0x00, 0xff, 0xff]);

const windowSize = 32 * 1024;

/**
 * The segments compressed once, to be joined per response by `joinGzip` with fillers of `fillerLength` bytes.
 * @param {Buffer[]} segments
 * @param {number} fillerLength
 * @returns {Buffer[]}
 */
export function compressSegments(segments, fillerLength) {
  const text = segments.every((segment) => !segment.includes(0xff));
  const filler = Buffer.alloc(fillerLength, 0xff);
  let history = Buffer.alloc(0);
  return segments.map((segment, i) => {
    if (i > 0) history = Buffer.concat([history, filler]).subarray(-windowSize);
    const dictionary = text && history.length > 0 ? { dictionary: history } : {};
    const compressed =
      segment.length === 0 ? Buffer.alloc(0) : zlib.deflateRawSync(segment, { level: 9, finishFlush: zlib.constants.Z_SYNC_FLUSH, ...dictionary });
    history = Buffer.concat([history, segment]).subarray(-windowSize);
    return compressed;
  });
}

/**
 * One stored block holding `bytes` (at most 65,535), not final. Follows a sync flush, so it starts
 * on a byte boundary: the 3 header bits and their padding make one zero byte.
 * @param {Buffer} bytes
 */
function storedBlock(bytes) {
  const block = Buffer.allocUnsafe(5 + bytes.length);
  block[0] = 0x00;
  block.writeUInt16LE(bytes.length, 1);
  block.writeUInt16LE(~bytes.length & 0xffff, 3);
  bytes.copy(block, 5);
  return block;
}

/**
 * The gzip body of `segments` joined by `filler`, from their `compressed` forms.
 * @param {Buffer[]} segments the uncompressed segments (for the CRC and length)
 * @param {Buffer[]} compressed `compressSegments(segments)`
 * @param {Buffer} filler what goes between two segments (this response's nonce)
 * @returns {Buffer[]}
 */
export function joinGzip(segments, compressed, filler) {
  /** @type {Buffer[]} */
  const parts = [header];
  const between = storedBlock(filler);
  let crc = 0;
  let length = 0;
  for (let i = 0; i < segments.length; i++) {
    if (i > 0) {
      parts.push(between);
      crc = zlib.crc32(filler, crc);
      length += filler.length;
    }
    parts.push(/** @type {Buffer} */ (compressed[i]));
    crc = zlib.crc32(/** @type {Buffer} */ (segments[i]), crc);
    length += /** @type {Buffer} */ (segments[i]).length;
  }
  const trailer = Buffer.allocUnsafe(8);
  trailer.writeUInt32LE(crc >>> 0, 0);
  trailer.writeUInt32LE(length >>> 0, 4);
  parts.push(finalBlock, trailer);
  return parts;
}
