/**
 * What the command line asks for. Where Gloss keeps its data: `--data-dir PATH` (or `--data-dir=PATH`) on the
 * command line, else the GLOSS_DATA_DIR environment variable, else Electron's
 * userData folder (tests and portable installs use the first two). And which
 * transcript files to import and open (`gloss interview.vtt notes.txt`), and
 * which gloss:// links to open.
 */
import { resolve } from 'node:path';

export function resolveDataDir(argv: readonly string[], env: Record<string, string | undefined>, fallback: string): string {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--data-dir' && argv[i + 1]) return resolve(argv[i + 1]);
    if (arg.startsWith('--data-dir=') && arg.length > '--data-dir='.length) return resolve(arg.slice('--data-dir='.length));
  }
  if (env.GLOSS_DATA_DIR) return resolve(env.GLOSS_DATA_DIR);
  return fallback;
}

/**
 * Paths of the files named on the command line, resolved against `cwd`.
 * `argv` is what follows the executable (and, unpackaged, the app path);
 * options and the value of --data-dir are not files.
 */
export function filesFromArgv(argv: readonly string[], cwd: string): string[] {
  const files: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--data-dir') i++;
    else if (!arg.startsWith('-') && !isGlossLink(arg)) files.push(resolve(cwd, arg));
  }
  return files;
}

/** A gloss:// link (opened from a notes app), not a file: the operating system hands it over as an argument. */
const isGlossLink = (arg: string) => /^gloss:/i.test(arg);

/**
 * The gloss:// links on a command line (Windows and Linux start Gloss, or hand a second launch, the link clicked as
 * an argument). Only picked out here; each is checked before the app acts on it.
 */
export function linksFromArgv(argv: readonly string[]): string[] {
  const links: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--data-dir') i++;
    else if (isGlossLink(argv[i])) links.push(argv[i]);
  }
  return links;
}

/**
 * The app's own data folder, where Electron puts it (userData, named after the app) plus `library`, for tools that
 * run without Electron (the `gloss` command): on Linux $XDG_CONFIG_HOME/gloss (or ~/.config/gloss), on macOS
 * ~/Library/Application Support/gloss, on Windows %APPDATA%\gloss.
 */
export function appDataDir(env: Record<string, string | undefined>, platform: string, home: string): string {
  const join = (...parts: string[]) => parts.join(platform === 'win32' ? '\\' : '/');
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', 'gloss', 'library');
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), 'gloss', 'library');
  return join(env.XDG_CONFIG_HOME || join(home, '.config'), 'gloss', 'library');
}
