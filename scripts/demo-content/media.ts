import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** ffmpeg flags that keep random serials and encoder banners out of the output. */
const EXACT = ['-fflags', '+bitexact', '-flags', '+bitexact', '-map_metadata', '-1'];

function withTemp<T>(fn: (dir: string) => T): T {
  const dir = mkdtempSync(path.join(tmpdir(), 'lanterne-demo-'));
  try {
    return fn(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export interface SpeechOptions {
  text: string;
  /** An espeak-ng voice, e.g. `fr` or `fr+f3`. */
  voice: string;
  /** Words per minute: slower than espeak's 175 for an older audience. */
  speed: number;
  title: string;
  artist: string;
  licence: string;
}

/** Reads a text with espeak-ng and encodes it as a small mono MP3 (plays on every phone). */
export function speechMp3(options: SpeechOptions): Buffer {
  return withTemp((dir) => {
    const wav = path.join(dir, 'voice.wav');
    const out = path.join(dir, 'voice.mp3');
    execFileSync('espeak-ng', [
      '-v',
      options.voice,
      '-s',
      String(options.speed),
      '-g',
      '4',
      '-w',
      wav,
      options.text,
    ]);
    execFileSync('ffmpeg', [
      '-hide_banner',
      '-loglevel',
      'error',
      '-y',
      '-i',
      wav,
      ...EXACT,
      '-af',
      'highpass=f=80,loudnorm=I=-18:TP=-2',
      '-ac',
      '1',
      '-ar',
      '22050',
      '-c:a',
      'libmp3lame',
      '-b:a',
      '40k',
      '-write_xing',
      '0',
      '-id3v2_version',
      '3',
      '-metadata',
      `title=${options.title}`,
      '-metadata',
      `artist=${options.artist}`,
      '-metadata',
      `copyright=${options.licence}`,
      out,
    ]);
    return readFileSync(out);
  });
}

/** Duration of a media file in seconds, from ffprobe. */
export function durationOf(data: Buffer, ext: string): number {
  return withTemp((dir) => {
    const file = path.join(dir, `media.${ext}`);
    writeFileSync(file, data);
    const out = execFileSync(
      'ffprobe',
      ['-v', 'error', '-show_entries', 'format=duration', '-of', 'default=nw=1:nk=1', file],
      { encoding: 'utf8' },
    );
    return Number(out.trim());
  });
}

/**
 * A short MP4 (H.264, no sound) from still frames, each held then cross-faded into the
 * next. One encoder thread, so the same frames always give the same bytes.
 */
export function slideshowMp4(
  frames: Buffer[],
  hold: number,
  fade: number,
  width: number,
  height: number,
  title: string,
): Buffer {
  return withTemp((dir) => {
    const inputs: string[] = [];
    frames.forEach((frame, i) => {
      const file = path.join(dir, `frame-${i}.png`);
      writeFileSync(file, frame);
      inputs.push('-loop', '1', '-t', String(hold + fade), '-framerate', '25', '-i', file);
    });
    const scaled = frames.map(
      (_, i) => `[${i}:v]scale=${width}:${height}:flags=lanczos,format=yuv420p,setsar=1[s${i}]`,
    );
    const chain: string[] = [];
    let last = 's0';
    for (let i = 1; i < frames.length; i += 1) {
      const label = `x${i}`;
      chain.push(
        `[${last}][s${i}]xfade=transition=fade:duration=${fade}:offset=${i * hold}[${label}]`,
      );
      last = label;
    }
    const out = path.join(dir, 'video.mp4');
    execFileSync('ffmpeg', [
      '-hide_banner',
      '-loglevel',
      'error',
      '-y',
      ...inputs,
      '-filter_complex',
      [...scaled, ...chain].join(';'),
      '-map',
      `[${last}]`,
      ...EXACT,
      '-c:v',
      'libx264',
      '-preset',
      'slow',
      '-crf',
      '30',
      '-tune',
      'stillimage',
      '-threads',
      '1',
      '-x264-params',
      'threads=1',
      '-pix_fmt',
      'yuv420p',
      '-movflags',
      '+faststart',
      '-metadata',
      `title=${title}`,
      out,
    ]);
    return readFileSync(out);
  });
}
