// @ts-check
// Gzip of a cached page whose nonce changes on every response, without compressing per response.
//
// The page is stored as its segments between nonce placeholders. Each segment is compressed once,
// as raw deflate blocks ending on a byte boundary (a sync flush); each response then joins them
// with its nonce as a stored (uncompressed) block between them, a final empty block, and the gzip
// trailer (CRC-32 and length of what the reader will inflate). The only per-response work is the
// CRC over the page's bytes (zlib's CRC-32 runs at GB/s).
//
// The nonce itself goes in once as a stored block; every later occurrence is a copy of the one
// before it — a fixed-Huffman block holding one match (length: the nonce's, distance: known from the
// segments' lengths) — about 8 bytes instead of the nonce's own 29: a page carries its nonce some
// twenty times, and those bytes counted against the 200 KB first-visit budget.
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

// RFC 1951 §3.2.5: length codes 257… (base length, extra bits) and distance codes 0… (base, extra bits).
const lengthBase = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258];
const lengthExtra = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0];
const distanceBase = [1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577];
const distanceExtra = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13];

/** Index of the last base ≤ value. @param {number[]} bases @param {number} value */
const codeFor = (bases, value) => {
  let i = bases.length - 1;
  while (/** @type {number} */ (bases[i]) > value) i--;
  return i;
};

/**
 * A non-final fixed-Huffman block copying `length` bytes from `distance` back, then an empty stored
 * block, so that what follows starts on a byte boundary as the precompressed segments do.
 * @param {number} length 3 to 258
 * @param {number} distance 1 to 32,768
 */
export function copyBlock(length, distance) {
  /** @type {number[]} */
  const bytes = [];
  let bitBuffer = 0;
  let bitCount = 0;
  // Deflate fills bytes from their least significant bit; Huffman codes go most significant bit first.
  const bits = (/** @type {number} */ value, /** @type {number} */ count) => {
    for (let i = 0; i < count; i++) {
      bitBuffer |= ((value >> i) & 1) << bitCount++;
      if (bitCount === 8) {
        bytes.push(bitBuffer);
        bitBuffer = 0;
        bitCount = 0;
      }
    }
  };
  const huffman = (/** @type {number} */ code, /** @type {number} */ count) => {
    for (let i = count - 1; i >= 0; i--) bits((code >> i) & 1, 1);
  };
  bits(0, 1); // not the final block
  bits(1, 2); // fixed Huffman codes
  const l = codeFor(lengthBase, length);
  const symbol = 257 + l;
  // Fixed codes: 256–279 are 7 bits (0000000…), 280–287 are 8 bits (11000000…).
  if (symbol <= 279) huffman(symbol - 256, 7);
  else huffman(0b11000000 + symbol - 280, 8);
  bits(length - /** @type {number} */ (lengthBase[l]), /** @type {number} */ (lengthExtra[l]));
  const d = codeFor(distanceBase, distance);
  huffman(d, 5);
  bits(distance - /** @type {number} */ (distanceBase[d]), /** @type {number} */ (distanceExtra[d]));
  huffman(0, 7); // end of block (256)
  bits(0, 3); // an empty stored block: not final, type 00…
  if (bitCount > 0) bits(0, 8 - bitCount); // …padded to the byte…
  bytes.push(0x00, 0x00, 0xff, 0xff); // …LEN 0, NLEN 0xFFFF
  return Buffer.from(bytes);
}

const windowLimit = 32 * 1024;

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
  const copyable = filler.length >= 3 && filler.length <= 258;
  let crc = 0;
  let length = 0;
  for (let i = 0; i < segments.length; i++) {
    if (i > 0) {
      // From the second nonce on: a copy of the one before, when it is within deflate's window.
      const distance = filler.length + /** @type {Buffer} */ (segments[i - 1]).length;
      parts.push(i > 1 && copyable && distance <= windowLimit ? copyBlock(filler.length, distance) : between);
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
