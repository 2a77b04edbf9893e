#!/usr/bin/env node
/**
 * `npm run scan`: Doyensec's electronegativity over the app's source (src/,
 * without tests and test helpers), offline, and a check that every finding it
 * reports is explained where it points. The convention: a comment on the
 * flagged line, or in the comment block right above it, that reads
 *
 *   // electronegativity: CHECK_ID — why this is fine here
 *   <!-- electronegativity: CHECK_ID — why this is fine here -->
 *
 * (several ids may share one comment, separated by commas). The scan fails on
 * a finding without one, on a finding it cannot place in a file, on a file it
 * could not parse, and on an explanation no finding needs any more.
 *
 * Electronegativity has its own install in tools/electronegativity (it needs
 * TypeScript 5's JavaScript API; the app builds with TypeScript 6): it is
 * installed from that folder's lock file when missing. The Electron version is
 * given (package.json's), so nothing is looked up; the one check that downloads
 * Electron's release list, AVAILABLE_SECURITY_FIXES_GLOBAL_CHECK, is left out.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import console from 'node:console';
import process from 'node:process';
import { URL, fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const TOOL_DIR = join(ROOT, 'tools/electronegativity');
const TOOL_ENTRY = join(TOOL_DIR, 'node_modules/@doyensec/electronegativity/dist/runner.js');
/** Needs the network (it downloads Electron's release list) and only judges a version read from package.json, which is given here instead. */
const LEFT_OUT_CHECKS = ['AvailableSecurityFixesGlobalCheck'];

const MARKER = /electronegativity:\s*([A-Z0-9_]+(?:\s*,\s*[A-Z0-9_]+)*)\s*(?:—|–|-|:)\s*(\S[^]*)/;

/** The check ids and reason of an explanation in one line of text, or null. A reason needs a few words. */
export function parseExplanation(text) {
  const match = MARKER.exec(text);
  if (!match) return null;
  const reason = match[2].replace(/\s*(-->|\*\/)\s*$/, '').trim();
  if (reason.split(/\s+/).length < 4) return null;
  return { ids: match[1].split(',').map((id) => id.trim()), reason };
}

/** Line numbers (0-based) of the comment block that ends right above line `index`: `//` lines, `/* … *\/` and `<!-- … -->` blocks. */
export function commentBlockAbove(lines, index) {
  const block = [];
  let i = index - 1;
  while (i >= 0) {
    const text = lines[i].trim();
    const closers = [
      ['*/', '/*'],
      ['-->', '<!--'],
    ];
    const closer = closers.find(([end]) => text.endsWith(end));
    if (closer) {
      let j = i;
      while (j >= 0 && !lines[j].includes(closer[1])) j--;
      if (j < 0) break;
      for (let k = i; k >= j; k--) block.push(k);
      i = j - 1;
    } else if (text.startsWith('//')) {
      block.push(i);
      i--;
    } else break;
  }
  return block;
}

/**
 * The explanation of check `id` for a finding at line `line` (1-based) of a
 * file's `lines`: on that line or in the comment block right above it.
 * Gives the line it was found on (0-based) and the reason, or null.
 */
export function findExplanation(lines, line, id) {
  for (const index of [line - 1, ...commentBlockAbove(lines, line - 1)]) {
    const explanation = index >= 0 && index < lines.length ? parseExplanation(lines[index]) : null;
    if (explanation?.ids.includes(id)) return { index, reason: explanation.reason };
  }
  return null;
}

/** Every explanation written in a file, as { index, ids }. */
export function explanationsIn(lines) {
  return lines.flatMap((text, index) => {
    const explanation = parseExplanation(text);
    return explanation ? [{ index, ids: explanation.ids }] : [];
  });
}

/**
 * Matches findings ({ file, line, id }, file relative to the source root) to
 * explanations in `sources` (file → lines). Returns the explained findings,
 * the unexplained ones, and explanations no finding used.
 */
export function judgeFindings(findings, sources) {
  const explained = [];
  const unexplained = [];
  const used = new Set();
  for (const finding of findings) {
    const lines = sources.get(finding.file);
    const explanation = lines && finding.line > 0 ? findExplanation(lines, finding.line, finding.id) : null;
    if (explanation) {
      explained.push({ ...finding, reason: explanation.reason });
      used.add(`${finding.file}:${explanation.index}:${finding.id}`);
    } else unexplained.push(finding);
  }
  const stale = [];
  for (const [file, lines] of sources) {
    for (const { index, ids } of explanationsIn(lines)) {
      for (const id of ids) if (!used.has(`${file}:${index}:${id}`)) stale.push({ file, line: index + 1, id });
    }
  }
  return { explained, unexplained, stale };
}

const SCANNED = /\.(ts|tsx|js|mjs|cjs|jsx|html)$/;
const isTestFile = (path) => /\.test\.[a-z]+$/.test(path) || path.split(sep).includes('testing');

async function sourceFiles(dir) {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && SCANNED.test(e.name))
    .map((e) => relative(dir, join(e.parentPath, e.name)))
    .filter((path) => !isTestFile(path))
    .sort();
}

function ensureInstalled() {
  if (existsSync(TOOL_ENTRY)) return;
  console.log('Installing electronegativity into tools/electronegativity (npm ci)…');
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const result = spawnSync(npm, ['ci', '--prefix', TOOL_DIR, '--no-audit', '--no-fund'], { stdio: 'inherit', shell: process.platform === 'win32' });
  if (result.status !== 0 || !existsSync(TOOL_ENTRY)) throw new Error('could not install tools/electronegativity');
}

async function electronVersion() {
  const pkg = JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8'));
  const version = /\d+\.\d+\.\d+/.exec(pkg.devDependencies?.electron ?? pkg.dependencies?.electron ?? '')?.[0];
  if (!version) throw new Error('no Electron version in package.json');
  return version;
}

async function scan() {
  ensureInstalled();
  const version = await electronVersion();
  const srcDir = join(ROOT, 'src');
  const files = await sourceFiles(srcDir);
  // Scanned from a copy: electronegativity has no way to leave out tests and test helpers, whose stand-in Electron objects it would flag.
  const copy = await mkdtemp(join(tmpdir(), 'gloss-scan-'));
  let result;
  try {
    for (const file of files) await cp(join(srcDir, file), join(copy, file));
    const loaded = createRequire(join(TOOL_DIR, 'package.json'))('@doyensec/electronegativity');
    const run = typeof loaded === 'function' ? loaded : loaded.default;
    result = await run({
      input: copy,
      isRelative: true,
      excludeFromScan: LEFT_OUT_CHECKS,
      customScan: [],
      electronVersionOverride: version,
    });
  } finally {
    await rm(copy, { recursive: true, force: true });
  }

  const sources = new Map();
  for (const file of files) sources.set(file.split(sep).join('/'), (await readFile(join(srcDir, file), 'utf8')).split('\n'));
  const findings = result.issues.map((issue) => ({
    file: String(issue.file).split(sep).join('/'),
    line: issue.location?.line ?? 0,
    id: issue.id,
    severity: issue.severity?.name ?? '?',
    description: issue.description,
  }));
  const { explained, unexplained, stale } = judgeFindings(findings, sources);
  // A file that could not be parsed was not checked; one parsed with warnings was.
  const errors = result.errors.filter((e) => !e.tolerable).map((e) => `${relative(copy, e.file)}: ${e.message}`);
  const warnings = result.errors.filter((e) => e.tolerable).map((e) => `${relative(copy, e.file)}: ${e.message}`);

  console.log(`electronegativity ${createRequire(join(TOOL_DIR, 'package.json'))('@doyensec/electronegativity/package.json').version}, Electron ${version}: ${files.length} files of src/, ${result.globalChecks + result.atomicChecks} checks.`);
  for (const f of explained) console.log(`  explained  ${f.id} (${f.severity}) at src/${f.file}:${f.line}\n             ${f.reason}`);
  for (const f of unexplained) {
    const where = sources.has(f.file) ? `src/${f.file}:${f.line}` : 'no place in the code';
    console.log(`  UNEXPLAINED  ${f.id} (${f.severity}) at ${where}: ${f.description}`);
  }
  for (const s of stale) console.log(`  STALE  explanation of ${s.id} at src/${s.file}:${s.line}, which no finding needs`);
  for (const e of errors) console.log(`  NOT PARSED  src/${e}`);
  for (const w of warnings) console.log(`  parsed with a warning  src/${w}`);

  const failed = unexplained.length + stale.length + errors.length;
  if (failed) {
    console.log(
      `\nSecurity scan failed. Fix what a finding points at, or, where it is fine, say why in a comment on the flagged line or right above it:\n` +
        `  // electronegativity: CHECK_ID — why this is fine here\n` +
        `Remove explanations no finding needs. Details of each check: https://github.com/doyensec/electronegativity/wiki`,
    );
    return 1;
  }
  console.log(`Security scan passed: ${explained.length} finding${explained.length === 1 ? '' : 's'}, each explained beside the code.`);
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  scan().then(
    (code) => process.exit(code),
    (error) => {
      console.error(`Security scan could not run: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(2);
    },
  );
}
