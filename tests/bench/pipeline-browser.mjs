// Benchmark (run by hand, not in CI): the per-report analysis in the page
// against raw jieba-rs cut and against jieba-wasm, in one Web Worker of
// Debian's headless Chromium. Usage, from tests/:
//
//   node bench/pipeline-browser.mjs [sizes, default 1,10,100,1000] [--no-build]
//
// It builds the page and the benchmark (`.ci/build-web`, `.ci/build-bench`)
// unless told not to, serves dist/ on 127.0.0.1, opens bench/bench.html with
// the sizes, waits for every row and prints the table as JSON: per corpus
// size, megabytes (UTF-8), MB/s of raw jieba-rs cut, of our analysis and of
// jieba-wasm's cut plus JavaScript word counting, and the two ratios the
// issue sets targets for (analysis ÷ cut ≥ 0.5, analysis ÷ jieba-wasm ≥ 3).
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { ROOT, launchChromium } from '../e2e/browser.mjs';
import { startServer } from '../../www/serve.mjs';

const args = process.argv.slice(2);
const sizes = args.find((arg) => !arg.startsWith('--')) ?? '1,10,100,1000';
if (!args.includes('--no-build')) {
  execFileSync('bash', ['.ci/build-web'], { cwd: ROOT, stdio: 'inherit' });
  execFileSync('bash', ['.ci/build-bench'], { cwd: ROOT, stdio: 'inherit' });
}
const { server, url } = await startServer(join(ROOT, 'dist'));
const browser = await launchChromium();
try {
  const page = await browser.newPage();
  page.on('pageerror', (error) => console.error(String(error)));
  await page.goto(`${url}bench/bench.html?auto&sizes=${encodeURIComponent(sizes)}`);
  await page.waitForFunction(() => window.__benchResult, null, { timeout: 30 * 60_000, polling: 1000 });
  const result = await page.evaluate(() => window.__benchResult);
  if (result.error) throw new Error(result.error);
  const round = (value) => Math.round(value * 100) / 100;
  const table = result.rows.map((row) => ({
    reports: row.reports,
    megabytes: round(row.megabytes),
    rawCutMBs: round(row.rawCut),
    pipelineMBs: round(row.pipeline),
    jiebaWasmMBs: round(row.jiebaWasm),
    pipelineOverCut: round(row.pipeline / row.rawCut),
    pipelineOverJiebaWasm: round(row.pipeline / row.jiebaWasm),
  }));
  console.log(JSON.stringify({ date: new Date().toISOString().slice(0, 10), userAgent: result.userAgent,
    prepareMs: Math.round(result.prepare), table }, null, 2));
} finally {
  await browser.close();
  server.close();
}
