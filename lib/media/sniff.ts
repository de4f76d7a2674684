// The type of an upload is decided by its first bytes (magic numbers), never by its name or the
// browser's claim: an HTML page renamed .jpg or an SVG (scriptable XML) is refused. Only the
// formats listed here are accepted; everything else is unknown and refused. Importable anywhere.

export type MediaKind = 'image' | 'video' | 'audio' | 'document';
export type SniffedType = { kind: MediaKind; mime: string; extension: string };

/** How many leading bytes `sniff` needs. */
export const sniffLength = 64;

/** The `accept` list of the upload input (a hint for the file picker; the bytes decide). */
export const acceptList =
  'image/jpeg,image/png,image/webp,image/heic,image/heif,video/mp4,video/webm,video/quicktime,' +
  'audio/mpeg,audio/mp4,audio/x-m4a,audio/ogg,audio/wav,audio/x-wav,application/pdf,' +
  '.jpg,.jpeg,.png,.webp,.heic,.heif,.mp4,.webm,.mov,.mp3,.m4a,.ogg,.oga,.wav,.pdf';

const ascii = (bytes: Uint8Array, start: number, length: number) =>
  String.fromCharCode(...bytes.subarray(start, start + length));

const startsWith = (bytes: Uint8Array, signature: readonly number[], offset = 0) =>
  bytes.length >= offset + signature.length && signature.every((b, i) => bytes[offset + i] === b);

// ISO base media (MP4 family): "ftyp" at offset 4, then the major brand.
const heicBrands = new Set(['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis', 'mif1', 'msf1']);
const audioBrands = new Set(['M4A ', 'M4B ', 'F4A ']);
const videoBrands = new Set(['isom', 'iso2', 'iso4', 'iso5', 'iso6', 'mp41', 'mp42', 'avc1', 'M4V ', 'M4VH', 'mmp4', 'dash', 'MSNV', 'f4v ']);

function sniffIsoMedia(bytes: Uint8Array): SniffedType | null {
  if (bytes.length < 12 || ascii(bytes, 4, 4) !== 'ftyp') return null;
  const brand = ascii(bytes, 8, 4);
  if (heicBrands.has(brand)) return { kind: 'image', mime: 'image/heic', extension: 'heic' };
  if (brand === 'qt  ') return { kind: 'video', mime: 'video/quicktime', extension: 'mov' };
  if (audioBrands.has(brand)) return { kind: 'audio', mime: 'audio/mp4', extension: 'm4a' };
  if (videoBrands.has(brand)) return { kind: 'video', mime: 'video/mp4', extension: 'mp4' };
  return null;
}

function isMp3Frame(bytes: Uint8Array): boolean {
  // Frame sync (11 bits set), MPEG layer III; excludes AAC/ADTS (layer bits 00).
  return bytes.length >= 2 && bytes[0] === 0xff && (bytes[1]! & 0xe0) === 0xe0 && (bytes[1]! & 0x06) === 0x02;
}

/** The accepted type of these leading bytes, or null (refused). */
export function sniff(bytes: Uint8Array): SniffedType | null {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return { kind: 'image', mime: 'image/jpeg', extension: 'jpg' };
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) {
    return { kind: 'image', mime: 'image/png', extension: 'png' };
  }
  if (ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 4) === 'WEBP') return { kind: 'image', mime: 'image/webp', extension: 'webp' };
  if (ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 4) === 'WAVE') return { kind: 'audio', mime: 'audio/wav', extension: 'wav' };
  const iso = sniffIsoMedia(bytes);
  if (iso) return iso;
  // EBML header; WebM declares its doctype early. Other Matroska files are not accepted.
  if (startsWith(bytes, [0x1a, 0x45, 0xdf, 0xa3]) && ascii(bytes, 4, sniffLength - 4).includes('webm')) {
    return { kind: 'video', mime: 'video/webm', extension: 'webm' };
  }
  if (ascii(bytes, 0, 4) === 'OggS') return { kind: 'audio', mime: 'audio/ogg', extension: 'ogg' };
  if (ascii(bytes, 0, 3) === 'ID3' || isMp3Frame(bytes)) return { kind: 'audio', mime: 'audio/mpeg', extension: 'mp3' };
  if (ascii(bytes, 0, 5) === '%PDF-') return { kind: 'document', mime: 'application/pdf', extension: 'pdf' };
  return null;
}
