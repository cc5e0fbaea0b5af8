import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** Solid colours that survive VP8 and scaling distinctly (R, G, B). */
export const COLOURS = {
  red: [220, 30, 30],
  green: [30, 200, 60],
  blue: [30, 60, 220],
  yellow: [230, 210, 30],
} as const satisfies Record<string, readonly [number, number, number]>;
export type Colour = keyof typeof COLOURS;

/** BT.601 limited range, as Chromium's I420 → RGB conversion expects. */
function yuv([r, g, b]: readonly [number, number, number]) {
  const y = 16 + (65.481 * r + 128.553 * g + 24.966 * b) / 255;
  const u = 128 + (-37.797 * r - 74.203 * g + 112.0 * b) / 255;
  const v = 128 + (112.0 * r - 93.786 * g - 18.214 * b) / 255;
  return [y, u, v].map((x) => Math.max(0, Math.min(255, Math.round(x)))) as [number, number, number];
}

/**
 * A Y4M file of one solid colour for `--use-file-for-fake-video-capture`: header `C420`, 30 fps (`F30:1`), a few
 * identical frames (Chromium loops the file). One file per participant tells their pictures apart.
 */
export function solidY4m(colour: Colour, opts: { width?: number; height?: number; frames?: number; dir?: string } = {}): string {
  const width = opts.width ?? 320;
  const height = opts.height ?? 240;
  const frames = opts.frames ?? 3;
  const [y, u, v] = yuv(COLOURS[colour]);
  const header = Buffer.from(`YUV4MPEG2 W${width} H${height} F30:1 Ip A1:1 C420\n`, 'ascii');
  const frameHeader = Buffer.from('FRAME\n', 'ascii');
  const lumaSize = width * height;
  const chromaSize = (width / 2) * (height / 2);
  const frame = Buffer.alloc(lumaSize + 2 * chromaSize);
  frame.fill(y, 0, lumaSize);
  frame.fill(u, lumaSize, lumaSize + chromaSize);
  frame.fill(v, lumaSize + chromaSize);
  const parts = [header];
  for (let i = 0; i < frames; i++) parts.push(frameHeader, frame);
  const dir = opts.dir ?? mkdtempSync(path.join(tmpdir(), 'etapiste-y4m-'));
  const file = path.join(dir, `${colour}-${width}x${height}.y4m`);
  writeFileSync(file, Buffer.concat(parts));
  return file;
}

/** Is a sampled RGB pixel close to the colour (VP8 and colour conversion move it by a few tens at most)? */
export function looksLike(rgb: readonly number[], colour: Colour, tolerance = 60): boolean {
  const want = COLOURS[colour];
  return want.every((c, i) => Math.abs(c - (rgb[i] ?? -999)) <= tolerance);
}

/** The nearest of the test colours to a sampled pixel. */
export function nearestColour(rgb: readonly number[]): Colour {
  let best: Colour = 'red';
  let bestDistance = Infinity;
  for (const [name, want] of Object.entries(COLOURS) as [Colour, readonly number[]][]) {
    const d = want.reduce((sum, c, i) => sum + (c - (rgb[i] ?? 0)) ** 2, 0);
    if (d < bestDistance) {
      bestDistance = d;
      best = name;
    }
  }
  return best;
}
