/**
 * Layers (shared/DESIGN.md, issue 11): data flow one way, so no module below
 * the UI imports the UI. Reads every import, `export … from`, dynamic
 * `import()` and `new URL('…', import.meta.url)` of src/ and checks the
 * folders each layer may reach.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';

const SRC = resolve(dirname(fileURLToPath(import.meta.url)), '../src');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return sources(p);
    return /\.(ts|tsx|js)$/.test(e.name) && !e.name.endsWith('.d.ts') ? [p] : [];
  });
}

const SPECIFIER = [
  /\b(?:import|export)\s[^'"]*?\bfrom\s*['"]([^'"]+)['"]/g, // import x from '…', export { x } from '…'
  /\bimport\s*['"]([^'"]+)['"]/g, // import '…'
  /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g, // import('…')
  /\bnew URL\(\s*['"]([^'"]+)['"]\s*,\s*import\.meta\.url/g, // worker and thread entries
];

/** The top folder under src/ of every relative import of `file` ('' for a file at the top, such as main.tsx). */
function importedFolders(file: string): { specifier: string; folder: string }[] {
  const text = readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  const out: { specifier: string; folder: string }[] = [];
  for (const re of SPECIFIER) {
    for (const m of text.matchAll(re)) {
      const spec = m[1]!;
      if (!spec.startsWith('.')) continue;
      const target = relative(SRC, resolve(dirname(file), spec));
      if (target.startsWith('..')) continue;
      const parts = target.split(sep);
      out.push({ specifier: spec, folder: parts.length > 1 ? parts[0]! : '' });
    }
  }
  return out;
}

const FILES = sources(SRC);
const folderOf = (file: string) => relative(SRC, file).split(sep)[0]!;

/** Violations of `allowed` by the files of `folder`: "file → specifier". */
function violations(folder: string, allowed: (target: string) => boolean): string[] {
  return FILES.filter((f) => folderOf(f) === folder).flatMap((f) =>
    importedFolders(f)
      .filter(({ folder: target }) => target !== folder && !allowed(target))
      .map(({ specifier }) => `${relative(SRC, f)} → ${specifier}`),
  );
}

describe('import direction', () => {
  test('the scan finds the layers and their imports', () => {
    expect(FILES.length).toBeGreaterThan(50);
    expect(importedFolders(join(SRC, 'model/build.ts')).map((i) => i.folder)).toContain('domain');
  });

  test('domain imports nothing from other src folders', () => {
    expect(violations('domain', () => false)).toEqual([]);
  });

  test('model imports only domain', () => {
    expect(violations('model', (t) => t === 'domain')).toEqual([]);
  });

  test('present (the words, names, tables and charts that ui and export share) imports only domain and model', () => {
    expect(violations('present', (t) => t === 'domain' || t === 'model')).toEqual([]);
  });

  test.each(['solver', 'store', 'export', 'cli'])('%s imports nothing from ui', (folder) => {
    expect(violations(folder, (t) => t !== 'ui')).toEqual([]);
  });
});

describe('pages', () => {
  const pages = sources(join(SRC, 'ui')).filter((f) => /Page\.tsx$/.test(f));
  const component = (f: string) => /export function (\w+Page)\b/.exec(readFileSync(f, 'utf8'))?.[1];

  test('each page is <Feature>Page.tsx in its own feature folder, never in shell/', () => {
    expect(pages.length).toBeGreaterThanOrEqual(7);
    const folders = pages.map((f) => relative(join(SRC, 'ui'), dirname(f)));
    for (const folder of folders) expect(folder === 'shell' || folder.includes(sep), folder).toBe(false);
    expect(new Set(folders).size).toBe(folders.length);
  });

  test('no two components share a page name, and the router loads every page from shell/pages.ts', () => {
    const names = pages.map(component);
    expect(names.every(Boolean)).toBe(true);
    expect(new Set(names).size).toBe(names.length);
    const router = readFileSync(join(SRC, 'ui/shell/pages.ts'), 'utf8');
    for (const f of pages) expect(router, f).toContain(`../${relative(join(SRC, 'ui'), f).replace(/\.tsx$/, '').split(sep).join('/')}`);
  });
});
