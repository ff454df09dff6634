// Renders the extension icons (16, 32, 48, 128 px PNG) from one SVG drawn here: a play button inside a
// magnifying lens, the product in one picture. Run with `npm run icons`; the PNGs are committed.
import { mkdir, writeFile } from 'node:fs/promises';
import { Resvg } from '@resvg/resvg-js';

const SVG = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 128 128">
  <title>Player Inspector</title>
  <rect x="4" y="4" width="120" height="120" rx="26" fill="#1a73e8"/>
  <circle cx="56" cy="56" r="34" fill="#ffffff"/>
  <circle cx="56" cy="56" r="34" fill="none" stroke="#0b3a66" stroke-width="8"/>
  <path d="M45 38 L75 56 L45 74 Z" fill="#d93025"/>
  <path d="M81 81 L108 108" stroke="#0b3a66" stroke-width="16" stroke-linecap="round"/>
</svg>`;

const out = new URL('../icons/', import.meta.url);
await mkdir(out, { recursive: true });
await writeFile(new URL('icon.svg', out), `${SVG}\n`);
for (const size of [16, 32, 48, 128]) {
  const png = new Resvg(SVG, { fitTo: { mode: 'width', value: size } }).render().asPng();
  await writeFile(new URL(`icon-${size}.png`, out), png);
}
