// The size report of the built page: raw, gzip and brotli bytes of every file
// of dist/ (pdf.js's cMaps, fonts and decoders summed as one line), and the
// total of what the page transfers before it can show a first result, checked
// against the budget with --budget. Printed by .ci/build-web; .ci/test runs
// it with --budget. Usage: node www/size-report.mjs [DIR] [--budget]
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliBest, gzipBest, isPrecompressed, listFiles } from './precompress.mjs';

/** What may be transferred, gzip'd, before a first result: 2.5 MB (issue 12). */
export const BUDGET_GZIP_BYTES = 2_500_000;

/**
 * The files the page fetches before it can show a first result: the page,
 * its wasm module and glue (with the glue's snippets, and the drop handling
 * main.js and the glue share), the analysis worker's
 * bootstrap, glue and module, and the comparison worker's (the page starts
 * it at load for the set's distinctive words). tests/e2e/budget.test.mjs
 * records the requests of a real session until the page can analyse and
 * fails if any is missing here, so the total never undercounts. Not among
 * them: ECharts (main.js loads it once the dictionary is ready or a chart is
 * first shown), pdf.js (the first PDF loads it) and the single-file build.
 * Paths are relative to dist/; `snippets/` stands for every file under it.
 */
export const FIRST_RESULT_FILES = [
  'index.html',
  'style.css',
  'favicon.svg',
  'main.js',
  'dropped_files.js',
  'gongwen-app.js',
  'gongwen-app_bg.wasm',
  'snippets/',
  'worker.js',
  'gongwen-worker.js',
  'gongwen-worker_bg.wasm',
  'compare-worker.js',
  'gongwen-compare-worker.js',
  'gongwen-compare-worker_bg.wasm',
];

/** Whether `file` (relative to dist/) is fetched before a first result. */
export function isFirstResultFile(file) {
  return FIRST_RESULT_FILES.some((entry) => (entry.endsWith('/') ? file.startsWith(entry) : file === entry));
}

/** The compressed size of `file`: its precompressed copy's if there is one. */
async function compressedSize(root, file, bytes, extension, compress) {
  const copy = await readFile(join(root, `${file}${extension}`)).catch(() => null);
  return (copy ?? await compress(bytes)).length;
}

/**
 * Sizes of every file of `dir`: [{ file, raw, gzip, brotli }]; compressed
 * sizes only for text and wasm that is served (else the raw size thrice).
 */
export async function measure(dir) {
  const root = resolve(dir);
  const files = (await listFiles(root)).filter((file) => !/\.(gz|br)$/.test(file));
  return Promise.all(files.map(async (file) => {
    const bytes = await readFile(join(root, file));
    if (!isPrecompressed(file)) {
      return { file, raw: bytes.length, gzip: bytes.length, brotli: bytes.length };
    }
    const [gzip, brotli] = await Promise.all([
      compressedSize(root, file, bytes, '.gz', gzipBest),
      compressedSize(root, file, bytes, '.br', brotliBest),
    ]);
    return { file, raw: bytes.length, gzip, brotli };
  }));
}

const megabytes = (bytes) => `${(bytes / 1e6).toFixed(3)} MB`;
const sum = (rows, key) => rows.reduce((total, row) => total + row[key], 0);

/** The report as lines of text. */
export function formatReport(rows) {
  const line = (name, row) =>
    `${String(row.raw).padStart(10)} ${String(row.gzip).padStart(10)} ${String(row.brotli).padStart(10)}  ${name}`;
  const total = (name, group) => line(name, { raw: sum(group, 'raw'), gzip: sum(group, 'gzip'), brotli: sum(group, 'brotli') });
  const grouped = (row) => row.file.startsWith('vendor/pdfjs/') && row.file.split('/').length > 3;
  const lines = [`${'raw'.padStart(10)} ${'gzip'.padStart(10)} ${'brotli'.padStart(10)}  file (bytes; * = before a first result)`];
  for (const row of rows.filter((row) => !grouped(row))) {
    lines.push(line(`${isFirstResultFile(row.file) ? '* ' : '  '}${row.file}`, row));
  }
  lines.push(total('  vendor/pdfjs/{cmaps,standard_fonts,wasm}/ (only for PDFs)', rows.filter(grouped)));
  const first = rows.filter((row) => isFirstResultFile(row.file));
  lines.push(total('* before a first result', first));
  return lines;
}

/** Whether the files before a first result fit the budget, and the total. */
export function checkBudget(rows) {
  const total = sum(rows.filter((row) => isFirstResultFile(row.file)), 'gzip');
  return { total, ok: total <= BUDGET_GZIP_BYTES };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const dir = args.find((arg) => !arg.startsWith('--')) ?? 'dist';
  const rows = await measure(dir);
  console.log(formatReport(rows).join('\n'));
  const { total, ok } = checkBudget(rows);
  const verdict = `before a first result: ${megabytes(total)} gzip, budget ${megabytes(BUDGET_GZIP_BYTES)}`;
  if (args.includes('--budget') && !ok) {
    console.error(`over budget — ${verdict}`);
    process.exit(1);
  }
  console.log(ok ? `within budget — ${verdict}` : `OVER BUDGET — ${verdict}`);
}
