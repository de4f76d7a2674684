// Container metadata removal for video and audio with ffmpeg, streams copied untouched
// (`-c copy`: no re-encode, so nothing of the picture or sound changes). Only video and audio
// streams are kept: phones write location and device data into global and per-stream tags and
// into separate data tracks (QuickTime 'mebx'), which `-map_metadata -1` and the stream selection
// drop. Without ffmpeg, `stripContainerMetadata` answers null and the caller flags the file.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { env } from '@/lib/env.mjs';

const run = promisify(execFile);

// ffmpeg muxer per accepted type (audio/mp4 uses the "ipod" muxer, which writes .m4a).
const muxers: Record<string, { format: string; extension: string; extra?: string[] }> = {
  'video/mp4': { format: 'mp4', extension: 'mp4', extra: ['-movflags', '+faststart'] },
  'video/quicktime': { format: 'mov', extension: 'mov', extra: ['-movflags', '+faststart'] },
  'video/webm': { format: 'webm', extension: 'webm' },
  'audio/mp4': { format: 'ipod', extension: 'm4a' },
  'audio/mpeg': { format: 'mp3', extension: 'mp3', extra: ['-write_id3v1', '0', '-id3v2_version', '0'] },
  'audio/ogg': { format: 'ogg', extension: 'ogg' },
  'audio/wav': { format: 'wav', extension: 'wav' },
};

export function mediaExtension(mime: string): string {
  return muxers[mime]?.extension ?? 'bin';
}

let available: Promise<boolean> | undefined;

/** Whether ffmpeg runs here (checked once per process). */
export function ffmpegAvailable(binary = env().FFMPEG_PATH): Promise<boolean> {
  available ??= run(binary, ['-version'], { timeout: 10_000 }).then(
    () => true,
    () => false,
  );
  return available;
}

/** Tests simulate a machine without ffmpeg. */
export function setFfmpegAvailableForTests(value: boolean | undefined): void {
  available = value === undefined ? undefined : Promise.resolve(value);
}

/**
 * Writes the same media without container metadata into `dir` and answers its path, or null when
 * ffmpeg is missing. Throws when ffmpeg cannot read the file (the caller refuses it). Reads and
 * writes files: nothing is held in memory.
 */
export async function stripContainerMetadata(inputPath: string, mime: string, dir: string): Promise<string | null> {
  const muxer = muxers[mime];
  if (!muxer) throw new Error(`no muxer for ${mime}`);
  if (!(await ffmpegAvailable())) return null;
  const target = path.join(dir, `stripped.${muxer.extension}`);
  // prettier-ignore
  await run(env().FFMPEG_PATH, [
    '-nostdin', '-hide_banner', '-loglevel', 'error', '-i', inputPath,
    '-map', '0:v?', '-map', '0:a?', '-map_metadata', '-1', '-map_chapters', '-1', '-c', 'copy',
    '-fflags', '+bitexact', '-flags:v', '+bitexact', '-flags:a', '+bitexact',
    ...(muxer.extra ?? []), '-f', muxer.format, target,
  ], { timeout: 10 * 60_000, maxBuffer: 1024 * 1024 });
  return target;
}
