/**
 * How `npm run dist` packages Gloss with electron-builder: AppImage and .deb
 * for Linux, .dmg for macOS, an NSIS installer for Windows, each with the
 * app's icon (build/, rendered from resources/icon.svg by
 * scripts/render-icon.mjs), its file types and the gloss:// protocol.
 *
 * Electron's fuses are flipped by scripts/apply-fuses.mjs as the afterPack
 * hook (GLOSS_FUSES there is the one list of fuse settings; the hook reads
 * the binary back and fails the build if any fuse is not as listed), so this
 * file sets no `electronFuses`.
 *
 * Written in TypeScript so the compiler checks it against electron-builder's
 * own types; electron-builder finds it by name and loads it with jiti.
 * scripts/electron-builder-config.test.ts validates it against
 * electron-builder's JSON schema.
 */
import type { Configuration, FileAssociation } from 'electron-builder';

/**
 * A file type Gloss opens. `rank` (macOS): how strongly Gloss claims it; `ownType`: Gloss defines the MIME type
 * itself (the system has no name for .qdpx).
 */
interface FileType {
  ext: string;
  name: string;
  mimeType: string;
  role: 'Viewer' | 'Editor';
  rank: 'Owner' | 'Default' | 'Alternate';
  ownType?: boolean;
}

/**
 * The file types Gloss opens from the file manager or the Dock. Transcripts are
 * read, never written back (Viewer); a REFI-QDA project is imported and can be
 * exported again (Editor). Plain text and Markdown are every editor's: Gloss is
 * offered for them but does not ask to be their default app.
 */
export const FILE_TYPES: readonly FileType[] = [
  { ext: 'vtt', name: 'WebVTT transcript', mimeType: 'text/vtt', role: 'Viewer', rank: 'Default' },
  { ext: 'srt', name: 'SubRip transcript', mimeType: 'application/x-subrip', role: 'Viewer', rank: 'Default' },
  { ext: 'txt', name: 'Plain text transcript', mimeType: 'text/plain', role: 'Viewer', rank: 'Alternate' },
  { ext: 'md', name: 'Markdown transcript', mimeType: 'text/markdown', role: 'Viewer', rank: 'Alternate' },
  { ext: 'qdpx', name: 'REFI-QDA project', mimeType: 'application/x-qdpx', role: 'Editor', rank: 'Owner', ownType: true },
];

/**
 * Packages only the renderer imports, and those they pull in: Vite bundles
 * them into out/renderer, so their copies in node_modules would only make the
 * package larger. Main's packages (zod, lowdb, yaml, …) are left external by
 * electron-vite and are packaged from node_modules. The config test checks
 * that main imports none of these.
 */
export const RENDERER_ONLY_PACKAGES = [
  'react',
  'react-dom',
  'scheduler',
  'lexical',
  '@lexical',
  '@fontsource',
  '@tanstack',
  // Pulled in by @lexical/react and lexical; type declarations are never needed at run time.
  '@floating-ui',
  '@preact',
  'tabbable',
  '@types',
] as const;

/**
 * Who the .deb names as its maintainer: the identity the project commits under.
 * Debian requires a name and an address here.
 */
const MAINTAINER = 'Gloss maintainers <maintainers@users.noreply.r-seed-41462eaa.example>';

/**
 * electron-builder links each association's MIME type into the .desktop entry
 * and writes a shared-mime-info definition for it, with a glob and an icon.
 * For the system's own types (text/plain, …) that definition would change how
 * every .txt file looks, so only Gloss's own type gets one; the others reach
 * the .desktop entry through linux.mimeTypes.
 */
function fileAssociations(): FileAssociation[] {
  return FILE_TYPES.map(({ ext, name, mimeType, role, rank, ownType }) => ({
    ext,
    name,
    description: name,
    role,
    rank,
    ...(ownType ? { mimeType } : {}),
  }));
}

/** The configuration; `env` decides only whether macOS builds are signed (CSC_LINK or CSC_NAME). */
export function builderConfig(env: Record<string, string | undefined> = process.env): Configuration {
  const macSigning = Boolean(env.CSC_LINK || env.CSC_NAME);
  return {
    appId: 'app.gloss.desktop',
    productName: 'Gloss',
    copyright: 'Copyright © Gloss maintainers',
    directories: { buildResources: 'build', output: 'dist' },
    // The built app and what main reads at run time: main finds the sample
    // transcript and the window's icon (Linux) at ../../resources/ from out/main,
    // which inside the package is app.asar/resources/ (Electron reads files in app.asar as in a folder).
    files: [
      'out/main/**',
      'out/preload/**',
      'out/renderer/**',
      '!out/**/*.map',
      'package.json',
      'resources/sample-interview.txt',
      'resources/icon.png',
      ...RENDERER_ONLY_PACKAGES.map((name) => `!node_modules/${name}{,/**}`),
    ],
    // Electron reads the window's title and WM_CLASS from desktopName, so the running window matches gloss.desktop.
    extraMetadata: { desktopName: 'gloss.desktop' },
    asar: true,
    afterPack: './scripts/apply-fuses.mjs',
    icon: 'build/icon.png',
    fileAssociations: fileAssociations(),
    protocols: [{ name: 'Gloss link', schemes: ['gloss'], role: 'Viewer' }],

    linux: {
      target: ['AppImage', 'deb'],
      executableName: 'gloss',
      // One PNG per size (16 … 1024), installed into the hicolor icon theme.
      icon: 'build/icons',
      category: 'Education;Office',
      maintainer: MAINTAINER,
      synopsis: 'Study transcripts: highlight, annotate, export',
      description: 'Gloss is a desktop app to study interview transcripts offline: highlight, code and annotate them, and export to Markdown, W3C Web Annotations and REFI-QDA.',
      // The system's types, for the .desktop entry's MimeType (see fileAssociations); gloss:// is added from `protocols`.
      mimeTypes: FILE_TYPES.filter((type) => !type.ownType).map((type) => type.mimeType),
    },
    appImage: { artifactName: 'Gloss-${version}-${arch}.${ext}' },
    deb: { packageCategory: 'education' },

    mac: {
      target: 'dmg',
      category: 'public.app-category.education',
      icon: 'build/icon.icns',
      // The hardened runtime is needed for notarisation, which needs a Developer ID; without signing it only gets in the way.
      hardenedRuntime: macSigning,
      // Notarisation is not set up (it needs an Apple developer account); an unsigned build is opened as the README says.
      notarize: false,
      darkModeSupport: true,
    },
    dmg: { artifactName: 'Gloss-${version}-${arch}.${ext}' },

    win: {
      target: 'nsis',
      icon: 'build/icon.ico',
    },
    nsis: {
      artifactName: 'Gloss-Setup-${version}.${ext}',
      oneClick: false,
      // Installs for the current user (no administrator rights asked), into a folder the reader may change.
      perMachine: false,
      allowToChangeInstallationDirectory: true,
      createDesktopShortcut: true,
      createStartMenuShortcut: true,
      shortcutName: 'Gloss',
    },
  };
}

export default builderConfig();
