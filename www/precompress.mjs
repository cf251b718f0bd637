// Writes a gzip (`.gz`) and a brotli (`.br`) copy beside every text and wasm
// file of the built page, for www/serve.mjs to send when the browser accepts
// them. Called by .ci/build-web. Usage: node www/precompress.mjs [DIR]
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

/** The extensions worth compressing: text and wasm, not images or bcmaps. */
export const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.wasm', '.svg', '.json', '.txt']);

/** The single-file build's name in dist/ (www/single-file.mjs makes it). */
export const SINGLE_FILE = 'gongwen-lens.html';

/** Whether `file` (a path in dist/) gets .gz and .br copies: the single file is opened from disk, not served. */
export function isPrecompressed(file) {
  return COMPRESSIBLE.has(extname(file)) && file !== SINGLE_FILE;
}

/** gzip at its best level, as most servers and CDNs would send it. */
export const gzipBest = (bytes) => promisify(gzip)(bytes, { level: 9 });

/** brotli at its best quality and a window as large as the file needs. */
export const brotliBest = (bytes) => promisify(brotliCompress)(bytes, {
  params: {
    [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
    [constants.BROTLI_PARAM_LGWIN]: 24,
    [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
  },
});

/** Every file under `dir`, as paths relative to it, in name order. */
export async function listFiles(dir) {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath ?? entry.path, entry.name).slice(resolve(dir).length + 1))
    .sort();
}

/** Writes FILE.gz and FILE.br for each compressible file of `dir`. */
export async function precompress(dir) {
  const root = resolve(dir);
  const files = (await listFiles(root)).filter(isPrecompressed);
  await Promise.all(files.map(async (file) => {
    const bytes = await readFile(join(root, file));
    const [gz, br] = await Promise.all([gzipBest(bytes), brotliBest(bytes)]);
    await Promise.all([writeFile(join(root, `${file}.gz`), gz), writeFile(join(root, `${file}.br`), br)]);
  }));
  return files.length;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const count = await precompress(process.argv[2] ?? 'dist');
  console.log(`precompressed ${count} files (.gz, .br)`);
}
