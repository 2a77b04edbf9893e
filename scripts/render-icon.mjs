#!/usr/bin/env node
/**
 * Renders the app icon (resources/icon.svg) into what electron-builder packs,
 * in build/ (its buildResources folder; the files are committed):
 *
 *   build/icon.png          1024 x 1024, the master
 *   build/icons/NxN.png     16 … 1024, the Linux icon set (hicolor theme)
 *   build/icon.ico          Windows: 16, 24, 32, 48, 64, 128 and 256 px, PNG-compressed
 *   build/icon.icns         macOS: 16 … 1024 px (and @2x), PNG-compressed
 *
 * and resources/icon.png (256 px), packed into the app for the window's icon on Linux.
 *
 * Each size is drawn from the SVG by Chromium (through Playwright), not scaled
 * down from the master, so small sizes stay sharp; the SVG itself switches to
 * bolder lines below 100 px. At 64 px and less the tile's macOS margin is
 * cropped away, so the small icons use their few pixels.
 *
 *   node scripts/render-icon.mjs            (GLOSS_CHROMIUM names another Chromium)
 *
 * electron-builder 26 would make .ico and .icns from the PNG with a tool it
 * downloads from GitHub; writing them here keeps `npm run dist` from needing it.
 */
import { Buffer } from 'node:buffer';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import process from 'node:process';
import { pathToFileURL } from 'node:url';

const ROOT = resolve(import.meta.dirname, '..');
const SVG = join(ROOT, 'resources/icon.svg');
const BUILD = join(ROOT, 'build');

/** The Linux set: the hicolor theme's usual sizes. */
export const SET_SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024];
/** Windows Explorer and the taskbar pick from these; 256 is the largest an .ico holds. */
export const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256];
/** The icns element types and their pixel sizes (ic11-ic14 are the @2x ones: 16@2x is 32 px, …). */
export const ICNS_ELEMENTS = [
  ['icp4', 16],
  ['icp5', 32],
  ['icp6', 64],
  ['ic07', 128],
  ['ic08', 256],
  ['ic09', 512],
  ['ic10', 1024],
  ['ic11', 32],
  ['ic12', 64],
  ['ic13', 256],
  ['ic14', 512],
];
/** The window's icon on Linux (window.ts): the window manager scales it for the title bar and the task switcher. */
export const WINDOW_ICON_SIZE = 256;
/** Up to this size the tile fills the whole square. */
const CROP_AT_MOST = 64;
/** The tile (100…924 on the 1024 grid) and a thin margin around it. */
const CROPPED_VIEWBOX = '84 84 856 856';

/** An .ico holding the given PNGs (each at most 256 px): a directory of entries, then the images. */
export function icoFromPngs(images) {
  const header = Buffer.alloc(6 + 16 * images.length);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2); // 1: icon (2 would be a cursor)
  header.writeUInt16LE(images.length, 4);
  let offset = header.length;
  images.forEach(({ size, png }, i) => {
    if (size > 256) throw new Error(`an .ico entry is at most 256 px, not ${size}`);
    const entry = 6 + 16 * i;
    header.writeUInt8(size === 256 ? 0 : size, entry); // 0 means 256
    header.writeUInt8(size === 256 ? 0 : size, entry + 1);
    header.writeUInt8(0, entry + 2); // no palette
    header.writeUInt8(0, entry + 3);
    header.writeUInt16LE(1, entry + 4); // colour planes
    header.writeUInt16LE(32, entry + 6); // bits per pixel
    header.writeUInt32LE(png.length, entry + 8);
    header.writeUInt32LE(offset, entry + 12);
    offset += png.length;
  });
  return Buffer.concat([header, ...images.map((image) => image.png)]);
}

/** An .icns holding the given PNGs: 'icns', the total length, then (type, length, data) elements, big-endian. */
export function icnsFromPngs(elements) {
  const parts = elements.map(({ type, png }) => {
    const head = Buffer.alloc(8);
    head.write(type, 0, 'latin1');
    head.writeUInt32BE(png.length + 8, 4);
    return Buffer.concat([head, png]);
  });
  const head = Buffer.alloc(8);
  head.write('icns', 0, 'latin1');
  head.writeUInt32BE(8 + parts.reduce((sum, part) => sum + part.length, 0), 4);
  return Buffer.concat([head, ...parts]);
}

/** Debian's Chromium where installed (this machine cannot download Playwright's); GLOSS_CHROMIUM overrides. */
function chromiumExecutable() {
  if (process.env.GLOSS_CHROMIUM) return process.env.GLOSS_CHROMIUM;
  return existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined;
}

/** Renders the SVG at each size; returns a Map from size to PNG bytes. */
async function renderSizes(svg, sizes) {
  const { chromium } = await import('@playwright/test');
  const browser = await chromium.launch({
    executablePath: chromiumExecutable(),
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
  try {
    const page = await browser.newPage({ deviceScaleFactor: 1 });
    const pngs = new Map();
    for (const size of sizes) {
      const source = size <= CROP_AT_MOST ? svg.replace('viewBox="0 0 1024 1024"', `viewBox="${CROPPED_VIEWBOX}"`) : svg;
      if (size <= CROP_AT_MOST && source === svg) throw new Error('resources/icon.svg has no viewBox="0 0 1024 1024" to crop');
      await page.setViewportSize({ width: size, height: size });
      // As an <img>, so the SVG's own media queries see the size it is drawn at.
      const src = `data:image/svg+xml;base64,${Buffer.from(source).toString('base64')}`;
      await page.setContent(`<html><body style="margin:0;background:transparent"><img src="${src}" width="${size}" height="${size}" style="display:block"></body></html>`);
      await page.locator('img').evaluate((img) => img.decode());
      pngs.set(size, await page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } }));
    }
    return pngs;
  } finally {
    await browser.close();
  }
}

export async function renderIcon() {
  const svg = await readFile(SVG, 'utf8');
  const sizes = [...new Set([...SET_SIZES, ...ICO_SIZES, ...ICNS_ELEMENTS.map(([, size]) => size)])].sort((a, b) => a - b);
  const pngs = await renderSizes(svg, sizes);
  await mkdir(join(BUILD, 'icons'), { recursive: true });
  await writeFile(join(BUILD, 'icon.png'), pngs.get(1024));
  for (const size of SET_SIZES) await writeFile(join(BUILD, 'icons', `${size}x${size}.png`), pngs.get(size));
  await writeFile(join(BUILD, 'icon.ico'), icoFromPngs(ICO_SIZES.map((size) => ({ size, png: pngs.get(size) }))));
  await writeFile(join(BUILD, 'icon.icns'), icnsFromPngs(ICNS_ELEMENTS.map(([type, size]) => ({ type, png: pngs.get(size) }))));
  await writeFile(join(ROOT, 'resources/icon.png'), pngs.get(WINDOW_ICON_SIZE));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    await renderIcon();
    process.stdout.write('Icons written: build/icon.png, build/icons/*.png, build/icon.ico, build/icon.icns, resources/icon.png.\n');
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  }
}
