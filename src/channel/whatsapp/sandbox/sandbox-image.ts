import { deflateSync } from 'node:zlib';

const SIZE = 96;

/**
 * A small PNG drawn on the spot (a two-colour gradient with a sun), so the sandbox can send "a photo" without
 * shipping image files. `seed` picks the colours, which makes each picture a different file.
 */
export function sandboxPng(seed: number): Uint8Array<ArrayBuffer> {
  const hue = Math.abs(Math.floor(seed)) % 360;
  const [r1, g1, b1] = hsl(hue, 0.65, 0.55);
  const [r2, g2, b2] = hsl((hue + 60) % 360, 0.7, 0.35);
  const rows: number[] = [];
  for (let y = 0; y < SIZE; y++) {
    rows.push(0); // filter type "none" for each scanline
    for (let x = 0; x < SIZE; x++) {
      const sun = (x - 66) ** 2 + (y - 28) ** 2 < 13 ** 2;
      const mix = y / (SIZE - 1);
      if (sun) rows.push(253, 224, 71);
      else rows.push(lerp(r1, r2, mix), lerp(g1, g2, mix), lerp(b1, b2, mix));
    }
  }
  const header = new Uint8Array(13);
  const view = new DataView(header.buffer);
  view.setUint32(0, SIZE);
  view.setUint32(4, SIZE);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB, no interlace
  const signature = new Uint8Array([137, 80, 78, 71, 13, 10, 26, 10]);
  return concat([signature, chunk('IHDR', header), chunk('IDAT', deflateSync(new Uint8Array(rows))), chunk('IEND', new Uint8Array())]);
}

function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  out.set(new TextEncoder().encode(type), 4);
  out.set(data, 8);
  view.setUint32(8 + data.length, Bun.hash.crc32(out.subarray(4, 8 + data.length)));
  return out;
}

const concat = (parts: Uint8Array[]): Uint8Array<ArrayBuffer> => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
};

const lerp = (a: number, b: number, t: number) => Math.round(a + (b - a) * t);

function hsl(h: number, s: number, l: number): [number, number, number] {
  const k = (n: number) => (n + h / 30) % 12;
  const a = s * Math.min(l, 1 - l);
  const f = (n: number) => l - a * Math.max(-1, Math.min(k(n) - 3, Math.min(9 - k(n), 1)));
  return [Math.round(f(0) * 255), Math.round(f(8) * 255), Math.round(f(4) * 255)];
}
