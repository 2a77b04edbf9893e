/**
 * The packaging configuration (electron-builder.config.ts), checked without
 * building: the Electron binary and electron-builder's packaging tools are
 * downloaded from GitHub, which a test cannot count on. So the configuration
 * is validated against electron-builder's own JSON schema and its own
 * validation function, and electron-builder's own code computes what it
 * would pack (its file matchers) and the Linux .desktop entry and MIME
 * definitions it would install. The icons in build/ are read back.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Ajv } from 'ajv';
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { XMLParser } from 'fast-xml-parser';
import type { Configuration, FileAssociation, LinuxConfiguration } from 'electron-builder';
import { afterAll, describe, expect, it } from 'vitest';
import config, { builderConfig, FILE_TYPES, RENDERER_ONLY_PACKAGES } from '../electron-builder.config';
import afterPack, { fuseMismatches, GLOSS_FUSES } from './apply-fuses.mjs';

const ROOT = resolve(import.meta.dirname, '..');
const require = createRequire(import.meta.url);
const SCHEMA = JSON.parse(readFileSync(join(ROOT, 'node_modules/app-builder-lib/scheme.json'), 'utf8'));
const PACKAGE = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));

/** The parts of app-builder-lib (electron-builder's engine) used here; it ships no types for its internals. */
type Filter = (file: string, stat: FakeStat) => boolean;
interface Matcher {
  patterns: string[];
  createFilter(): Filter;
}
const builderLib = {
  config: require('app-builder-lib/out/util/config/config.js') as {
    getConfig(projectDir: string, configPath: string | null, fromOptions: null, packageMetadata: { value: Promise<unknown> }): Promise<Configuration>;
    validateConfiguration(config: Configuration, debugLogger: { isEnabled: boolean; add(key: string, value: unknown): void }): Promise<void>;
  },
  fileMatcher: require('app-builder-lib/out/fileMatcher.js') as {
    getMainFileMatchers(appDir: string, destination: string, macroExpander: (p: string) => string, platformOptions: object, platformPackager: object, outDir: string, isElectronCompile: boolean): Matcher[];
    getNodeModuleFileMatcher(appDir: string, destination: string, macroExpander: (p: string) => string, platformOptions: object, packager: object): Matcher;
  },
  linux: require('app-builder-lib/out/targets/LinuxTargetHelper.js') as {
    LinuxTargetHelper: new (packager: object) => {
      computeDesktopEntry(options: LinuxConfiguration, exec?: string, extra?: object): Promise<string>;
      mimeTypeFiles: Promise<string | null>;
    };
  },
};
const quietLogger = { isEnabled: false, add: () => undefined };

interface FakeStat {
  isDirectory(): boolean;
  isSymbolicLink(): boolean;
  moduleFullFilePath?: string;
}
const fileStat = (moduleFullFilePath?: string): FakeStat => ({ isDirectory: () => false, isSymbolicLink: () => false, moduleFullFilePath });

/**
 * electron-builder's schema, compiled more strictly than electron-builder does:
 * no type coercion, and its `typeof` keyword (hooks may be functions) checked
 * rather than ignored. (The schema also spells linux.desktop.entry as a
 * function, so the configuration sets no desktop entry fields of its own.)
 * Compiled once: the schema is large.
 */
const validateSchema = (() => {
  const ajv = new Ajv({ allErrors: true, strict: false });
  ajv.addKeyword({ keyword: 'typeof', schemaType: 'string', validate: (type: string, data: unknown) => typeof data === type });
  return ajv.compile(SCHEMA);
})();

const associations = () => config.fileAssociations as FileAssociation[];

describe('electron-builder configuration', () => {
  it("matches electron-builder 26's JSON schema", () => {
    const validate = validateSchema;
    const valid = validate(config);
    expect(validate.errors ?? [], JSON.stringify(validate.errors, null, 2)).toEqual([]);
    expect(valid).toBe(true);
  });

  it('the schema check catches a misspelt option and a role macOS does not know', () => {
    const validate = validateSchema;
    expect(validate({ ...config, nsis: { ...config.nsis, perMachin: false } })).toBe(false);
    expect(validate.errors?.some((e) => e.keyword === 'additionalProperties' && e.params.additionalProperty === 'perMachin')).toBe(true);
    expect(validate({ ...config, protocols: [{ name: 'Gloss link', schemes: ['gloss'], role: 'Reader' }] })).toBe(false);
  });

  it("is found, loaded and accepted by electron-builder's own loader and validation", async () => {
    const loaded = await builderLib.config.getConfig(ROOT, 'electron-builder.config.ts', null, { value: Promise.resolve(PACKAGE) });
    expect(loaded.appId).toBe('app.gloss.desktop');
    expect(loaded.productName).toBe('Gloss');
    await expect(builderLib.config.validateConfiguration(loaded, quietLogger)).resolves.toBeUndefined();
    await expect(builderLib.config.validateConfiguration({ ...loaded, mac: { ...loaded.mac, hardenedRuntim: true } as never }, quietLogger)).rejects.toThrow(
      /does not match the API schema[\s\S]*configuration\.mac/,
    );
  }, 60_000); // electron-builder compiles its large schema on each call

  it('`npm run dist` builds the app, then packages it with this file, per platform too', () => {
    for (const [script, flag] of [
      ['dist', ''],
      ['dist:linux', ' --linux'],
      ['dist:mac', ' --mac'],
      ['dist:win', ' --win'],
    ]) {
      expect(PACKAGE.scripts[script], script).toBe(`electron-vite build && electron-builder --config electron-builder.config.ts${flag}`);
    }
  });

  it('names the app Gloss with its version from package.json, and builds every package the issue asks for', () => {
    expect(config.productName).toBe('Gloss');
    expect(config.extraMetadata?.version).toBeUndefined(); // the version comes from package.json
    expect(config.linux?.target).toEqual(['AppImage', 'deb']);
    expect(config.mac?.target).toBe('dmg');
    expect(config.win?.target).toBe('nsis');
    expect(config.asar).toBe(true);
  });

  it('Linux: the .deb has a maintainer and the Education and Office categories', () => {
    expect(config.linux?.maintainer).toMatch(/^[^<>]+ <[^<>@\s]+@[^<>@\s]+>$/);
    expect(config.linux?.category).toBe('Education;Office');
    expect(config.linux?.executableName).toBe('gloss');
  });

  it('macOS: education category, unsigned builds without the hardened runtime, no notarisation', () => {
    expect(config.mac?.category).toBe('public.app-category.education');
    expect(builderConfig({}).mac?.hardenedRuntime).toBe(false);
    expect(builderConfig({ CSC_LINK: '/path/to/certificate.p12' }).mac?.hardenedRuntime).toBe(true);
    expect(builderConfig({ CSC_NAME: 'Developer ID Application: Someone' }).mac?.hardenedRuntime).toBe(true);
    expect(config.mac?.notarize).toBe(false);
  });

  it('Windows: an NSIS installer for the current user that asks where to install', () => {
    expect(config.nsis).toMatchObject({ oneClick: false, perMachine: false, allowToChangeInstallationDirectory: true });
  });

  it('associates each file type with a name and a macOS role, one extension per entry', () => {
    expect(associations().map((a) => a.ext).sort()).toEqual(['md', 'qdpx', 'srt', 'txt', 'vtt']);
    for (const association of associations()) {
      // electron-builder writes `*.${ext}` into the Linux MIME definition: a list would come out as "*.a,b".
      expect(typeof association.ext, String(association.ext)).toBe('string');
      expect(association.name).toBeTruthy();
      expect(['Viewer', 'Editor']).toContain(association.role);
    }
    expect(associations().find((a) => a.ext === 'qdpx')).toMatchObject({ role: 'Editor', rank: 'Owner' });
    // Gloss does not ask macOS to make it the default app for every text file.
    expect(associations().find((a) => a.ext === 'txt')?.rank).toBe('Alternate');
    expect(associations().find((a) => a.ext === 'md')?.rank).toBe('Alternate');
    expect(associations().find((a) => a.ext === 'vtt')?.role).toBe('Viewer');
    expect(FILE_TYPES.map((type) => type.mimeType)).toEqual(['text/vtt', 'application/x-subrip', 'text/plain', 'text/markdown', 'application/x-qdpx']);
  });

  it('registers the gloss:// protocol, the scheme main asks to handle', () => {
    expect(config.protocols).toEqual([{ name: 'Gloss link', schemes: ['gloss'], role: 'Viewer' }]);
    expect(readFileSync(join(ROOT, 'src/core/links/gloss-url.ts'), 'utf8')).toMatch(/GLOSS_SCHEME = 'gloss'/);
  });
});

describe('the Linux desktop entry electron-builder writes', () => {
  const linuxOptions = config.linux as LinuxConfiguration;
  const tempDirs: string[] = [];
  afterAll(async () => Promise.all(tempDirs.map((dir) => rm(dir, { recursive: true, force: true }))));

  /** What electron-builder's Linux targets read from their packager, taken from the configuration. */
  async function linuxPackager() {
    const temp = await mkdtemp(join(tmpdir(), 'gloss-desktop-'));
    tempDirs.push(temp);
    let count = 0;
    return {
      config,
      platformSpecificBuildOptions: linuxOptions,
      fileAssociations: [...associations(), ...((linuxOptions.fileAssociations as FileAssociation[]) ?? [])],
      executableName: linuxOptions.executableName,
      appInfo: { productName: config.productName, sanitizedProductName: config.productName, productFilename: config.productName, description: PACKAGE.description },
      info: { metadata: { ...PACKAGE, ...config.extraMetadata } },
      getTempFile: async (suffix: string) => join(temp, `${count++}${suffix}`),
    };
  }

  it('lists every file type and x-scheme-handler/gloss, with the categories, icon and window class', async () => {
    const helper = new builderLib.linux.LinuxTargetHelper(await linuxPackager());
    const entry = await helper.computeDesktopEntry(linuxOptions);
    const fields = Object.fromEntries(
      entry
        .split('\n')
        .filter((line) => line.includes('='))
        .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
    );
    expect(entry.startsWith('[Desktop Entry]\n')).toBe(true);
    expect(fields.Name).toBe('Gloss');
    expect(fields.Icon).toBe('gloss');
    expect(fields.Categories).toBe('Education;Office;');
    // Electron takes the running window's class from desktopName, so the dock finds this entry.
    expect(fields.StartupWMClass).toBe('gloss');
    expect(fields.Exec).toMatch(/ %U$/); // files and links are handed over as arguments
    expect(fields.MimeType.split(';').filter(Boolean).sort()).toEqual(
      ['application/x-qdpx', 'application/x-subrip', 'text/markdown', 'text/plain', 'text/vtt', 'x-scheme-handler/gloss'].sort(),
    );
  });

  it("defines only Gloss's own MIME type (.qdpx), leaving the system's text types alone", async () => {
    const helper = new builderLib.linux.LinuxTargetHelper(await linuxPackager());
    const file = await helper.mimeTypeFiles;
    expect(file).not.toBeNull();
    const xml = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === 'mime-type' }).parse(await readFile(file as string, 'utf8'));
    const types = xml['mime-info']['mime-type'];
    expect(types.map((t: Record<string, unknown>) => t['@_type'])).toEqual(['application/x-qdpx']);
    expect(types[0].glob['@_pattern']).toBe('*.qdpx');
  });
});

describe('what goes into the package', () => {
  const outDir = join(ROOT, 'dist');
  const expand = (pattern: string) => pattern;
  const packagerInfo = { projectDir: ROOT, buildResourcesDir: join(ROOT, 'build'), config, isPrepackedAppAsar: false, debugLogger: quietLogger };
  const [appMatcher] = builderLib.fileMatcher.getMainFileMatchers(ROOT, '/app', expand, {}, { info: packagerInfo }, outDir, false);
  const appFilter = appMatcher.createFilter();
  const modulesFilter = builderLib.fileMatcher.getNodeModuleFileMatcher(ROOT, '/app', expand, {}, packagerInfo).createFilter();
  const packed = (path: string) => appFilter(join(ROOT, path), fileStat());
  /** A file of a production dependency, as electron-builder's node_modules collector asks about it. */
  const packedModuleFile = (path: string) => modulesFilter(join(ROOT, path), fileStat(path));

  it('packs the built app, package.json and the sample transcript', () => {
    for (const path of ['out/main/index.js', 'out/main/import-worker.js', 'out/main/chunks/parse-plain-text-x.js', 'out/preload/index.cjs', 'out/renderer/index.html', 'out/renderer/assets/index-x.js', 'package.json', 'resources/sample-interview.txt', 'resources/icon.png']) {
      expect(packed(path), path).toBe(true);
    }
  });

  it('packs no sources, tests, source maps, build tools or the command-line build', () => {
    const tracked = ['src/main/index.ts', 'src/core/links/gloss-url.ts', 'src/renderer/src/main.tsx', 'src/main/window.test.ts', 'e2e/support/paths.ts', 'bench/library.bench.ts', 'scripts/apply-fuses.mjs', 'scripts/electron-builder-config.test.ts', 'test-fixtures/a.vtt', 'docs/x.md', 'README.md', 'electron-builder.config.ts', 'tsconfig.json', 'build/icon.png', 'resources/icon.svg', 'out/main/index.js.map', 'out/cli/gloss.js', 'bin/gloss.mjs', 'dist/linux-unpacked/gloss'];
    for (const path of tracked) expect(packed(path), path).toBe(false);
    const patterns = (config.files as string[]).filter((pattern) => !pattern.startsWith('!'));
    for (const pattern of patterns) expect(pattern, pattern).toMatch(/^(out\/(main|preload|renderer)\/\*\*|package\.json|resources\/(sample-interview\.txt|icon\.png))$/);
  });

  it("main's sample transcript and window icon are where the package puts them: ../../resources/ from out/main", () => {
    expect(readFileSync(join(ROOT, 'src/main/index.ts'), 'utf8')).toContain("join(here, '../../resources/sample-interview.txt')");
    expect(readFileSync(join(ROOT, 'src/main/window.ts'), 'utf8')).toContain("'../../resources/icon.png')");
    expect(resolve('/app/out/main', '../../resources/sample-interview.txt')).toBe('/app/resources/sample-interview.txt');
    expect(existsSync(join(ROOT, 'resources/sample-interview.txt'))).toBe(true);
  });

  it("packs main's packages from node_modules and leaves out those only the renderer's bundle uses", () => {
    expect(packedModuleFile('node_modules/zod/index.js')).toBe(true);
    expect(packedModuleFile('node_modules/@sanity/diff-match-patch/dist/index.js')).toBe(true);
    expect(packedModuleFile('node_modules/react-dom/client.js')).toBe(false);
    expect(packedModuleFile('node_modules/@lexical/react/index.js')).toBe(false);
    expect(packedModuleFile('node_modules/@fontsource/literata/index.css')).toBe(false);
    expect(packedModuleFile('node_modules/@floating-ui/dom/dist/floating-ui.dom.mjs')).toBe(false);
  });

  it("leaves out no package that main, preload, core or shared import (electron-vite keeps them external)", () => {
    const imported = new Set<string>();
    for (const folder of ['src/main', 'src/preload', 'src/core', 'src/shared']) {
      for (const entry of readdirSync(join(ROOT, folder), { recursive: true, withFileTypes: true })) {
        if (!entry.isFile() || !/\.tsx?$/.test(entry.name) || entry.name.endsWith('.test.ts') || entry.parentPath.includes('testing')) continue;
        const text = readFileSync(join(entry.parentPath, entry.name), 'utf8');
        // Static imports and re-exports (`from '…'`), side-effect imports and dynamic import('…'), not `typeof import('…')` types.
        for (const [, ...specs] of text.matchAll(/\bfrom\s+'([^']+)'|^import\s+'([^']+)'|(?<!typeof )\bimport\(\s*'([^']+)'\s*\)/gm)) {
          const spec = specs.find(Boolean) as string;
          if (spec.startsWith('.') || spec.startsWith('node:')) continue;
          imported.add(spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]);
        }
      }
    }
    expect(imported.has('zod')).toBe(true); // the scan sees main's imports
    for (const name of imported) {
      const left = RENDERER_ONLY_PACKAGES.find((excluded) => name === excluded || name.startsWith(`${excluded}/`));
      expect(left, `${name} is imported by main but left out of the package`).toBeUndefined();
      if (name !== 'electron') expect(PACKAGE.dependencies[name], `${name} is imported by main but is not a production dependency`).toBeTruthy();
    }
  });
});

describe('Electron fuses', () => {
  it('are flipped by scripts/apply-fuses.mjs after packing, the one place they are set', () => {
    expect(config.afterPack).toBe('./scripts/apply-fuses.mjs');
    expect(config).not.toHaveProperty('electronFuses');
    expect(typeof afterPack).toBe('function');
  });

  it('turn off running as Node, NODE_OPTIONS and --inspect, and load only an integrity-checked app.asar', () => {
    expect(GLOSS_FUSES[FuseV1Options.RunAsNode]).toBe(false);
    expect(GLOSS_FUSES[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(false);
    expect(GLOSS_FUSES[FuseV1Options.EnableNodeCliInspectArguments]).toBe(false);
    expect(GLOSS_FUSES[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(true);
    expect(GLOSS_FUSES[FuseV1Options.OnlyLoadAppFromAsar]).toBe(true);
    expect(config.asar).toBe(true);
  });

  it("the hook sets them in a binary that carries Electron's fuse wire, and reads them back", async () => {
    const appOutDir = await mkdtemp(join(tmpdir(), 'gloss-fuses-'));
    try {
      // What Electron 45 carries: the sentinel, wire version 1, nine fuses at their defaults ('1' on, '0' off).
      const defaults = '101100011';
      const binary = join(appOutDir, 'gloss');
      await writeFile(binary, Buffer.concat([Buffer.from('\x7fELF…code…'), Buffer.from('dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX'), Buffer.from([1, defaults.length]), Buffer.from(defaults), Buffer.from('…more code')]));
      await afterPack({ appOutDir, electronPlatformName: 'linux', packager: { appInfo: { productFilename: 'Gloss' }, executableName: 'gloss' } });
      const wire = await getCurrentFuseWire(binary);
      const on = (option: FuseV1Options) => String.fromCharCode(wire[option] as number);
      expect(on(FuseV1Options.RunAsNode)).toBe('0');
      expect(on(FuseV1Options.EnableNodeOptionsEnvironmentVariable)).toBe('0');
      expect(on(FuseV1Options.EnableNodeCliInspectArguments)).toBe('0');
      expect(on(FuseV1Options.EnableEmbeddedAsarIntegrityValidation)).toBe('1');
      expect(on(FuseV1Options.OnlyLoadAppFromAsar)).toBe('1');
      // A fuse newer than @electron/fuses 1.8 keeps Electron's default.
      expect(String.fromCharCode((wire as Record<number, number>)[8])).toBe('1');
      expect(await fuseMismatches(binary)).toEqual([]);
    } finally {
      await rm(appOutDir, { recursive: true, force: true });
    }
  });

  it.each([
    ['linux', 'gloss'],
    ['win32', 'Gloss.exe'],
    ['darwin', 'Gloss.app'],
  ])('the hook flips them in the packed %s binary (%s)', async (platform, binary) => {
    const appOutDir = await mkdtemp(join(tmpdir(), 'gloss-fuses-'));
    try {
      const context = { appOutDir, electronPlatformName: platform, packager: { appInfo: { productFilename: 'Gloss' }, executableName: 'gloss' } };
      // No Electron here: the hook fails on the missing binary, and says which file it looked for.
      await expect(afterPack(context)).rejects.toThrow(join(appOutDir, binary));
    } finally {
      await rm(appOutDir, { recursive: true, force: true });
    }
  });
});

describe('the app icon', () => {
  /** Width and height from a PNG's header (signature, then the IHDR chunk). */
  function pngSize(png: Buffer): { width: number; height: number } {
    expect(png.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
    expect(png.subarray(12, 16).toString('latin1')).toBe('IHDR');
    return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
  }

  it('build/icon.png is a 1024 x 1024 PNG, and the configuration names it', () => {
    expect(config.icon).toBe('build/icon.png');
    expect(pngSize(readFileSync(join(ROOT, 'build/icon.png')))).toEqual({ width: 1024, height: 1024 });
  });

  it("the window's icon on Linux, resources/icon.png, is a 256 x 256 PNG", () => {
    expect(pngSize(readFileSync(join(ROOT, 'resources/icon.png')))).toEqual({ width: 256, height: 256 });
  });

  it('the Linux set holds each size it is named after', () => {
    expect(config.linux?.icon).toBe('build/icons');
    const names = readdirSync(join(ROOT, 'build/icons')).sort((a, b) => parseInt(a) - parseInt(b));
    expect(names).toEqual(['16x16.png', '24x24.png', '32x32.png', '48x48.png', '64x64.png', '128x128.png', '256x256.png', '512x512.png', '1024x1024.png']);
    for (const name of names) {
      const size = parseInt(name);
      expect(pngSize(readFileSync(join(ROOT, 'build/icons', name))), name).toEqual({ width: size, height: size });
    }
  });

  it('build/icon.ico holds PNGs from 16 to 256 px, each the size its entry says', () => {
    expect(config.win?.icon).toBe('build/icon.ico');
    const ico = readFileSync(join(ROOT, 'build/icon.ico'));
    expect([ico.readUInt16LE(0), ico.readUInt16LE(2)]).toEqual([0, 1]);
    const sizes = [];
    for (let i = 0; i < ico.readUInt16LE(4); i++) {
      const entry = 6 + 16 * i;
      const size = ico.readUInt8(entry) || 256;
      const image = ico.subarray(ico.readUInt32LE(entry + 12), ico.readUInt32LE(entry + 12) + ico.readUInt32LE(entry + 8));
      expect(pngSize(image)).toEqual({ width: size, height: size });
      sizes.push(size);
    }
    // electron-builder refuses an .ico without a 256 px image.
    expect(sizes).toEqual([16, 24, 32, 48, 64, 128, 256]);
  });

  it('build/icon.icns holds PNGs from 16 to 1024 px, each the size its type stands for', () => {
    expect(config.mac?.icon).toBe('build/icon.icns');
    const icns = readFileSync(join(ROOT, 'build/icon.icns'));
    expect(icns.subarray(0, 4).toString('latin1')).toBe('icns');
    expect(icns.readUInt32BE(4)).toBe(icns.length);
    const expected: Record<string, number> = { icp4: 16, icp5: 32, icp6: 64, ic07: 128, ic08: 256, ic09: 512, ic10: 1024, ic11: 32, ic12: 64, ic13: 256, ic14: 512 };
    const seen: string[] = [];
    for (let offset = 8; offset < icns.length; ) {
      const type = icns.subarray(offset, offset + 4).toString('latin1');
      const length = icns.readUInt32BE(offset + 4);
      const size = expected[type];
      expect(size, type).toBeDefined();
      expect(pngSize(icns.subarray(offset + 8, offset + length)), type).toEqual({ width: size, height: size });
      seen.push(type);
      offset += length;
    }
    expect(seen.sort()).toEqual(Object.keys(expected).sort());
  });
});
