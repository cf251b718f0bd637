// Shared set-up of the browser tests: serves dist/ on 127.0.0.1, launches
// Debian's Chromium headless through playwright-core, records every request so
// tests can prove nothing leaves the machine, collects Content-Security-Policy
// violations and dialogs, and saves screenshots under tests/artifacts/
// (git-ignored).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile, readdir } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { startServer } from '../../www/serve.mjs';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** Where cargo puts its output: CARGO_TARGET_DIR or target/. */
export const TARGET = resolve(ROOT, process.env.CARGO_TARGET_DIR ?? 'target');

/** The CLI the parity tests compare the page with (`cargo build -p gongwen-cli`), or GONGWEN_BIN. */
export const CLI = process.env.GONGWEN_BIN ?? join(TARGET, 'debug/gongwen');

/** The five sample reports (seeds/), as paths from the project root, where the CLI runs. */
export const SEED_FILES = ['000_75e6ea62ff7e3e22', '001_f49475697f059043', '002_d150bcfd3ac612c2', '003_540348e18545790a', '004_94ecaff50fb68a60']
  .map((stem) => `seeds/${stem}.txt`);

/** What the CLI prints for `args`, run in the repository, read as JSON. */
export function cliJson(args) {
  return JSON.parse(execFileSync(CLI, args, { cwd: ROOT, encoding: 'utf8' }));
}
export const ARTIFACTS = join(ROOT, 'tests/artifacts');

const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking',
  '--disable-component-update', '--no-first-run', '--disable-sync',
];

/** Debian's Chromium, headless, through playwright-core (CHROMIUM=… for another). */
export function launchChromium() {
  return chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

/** The five seed files as { name, text } in name order. */
export async function seedFiles() {
  const dir = join(ROOT, 'seeds');
  const names = (await readdir(dir)).filter((name) => name.endsWith('.txt')).sort();
  return Promise.all(names.map(async (name) => ({ name, text: await readFile(join(dir, name), 'utf8') })));
}

/**
 * Collects the page's CSP violations into window.__cspViolations from the
 * first script on; a test reads them with cspViolations(page).
 */
function recordCspViolations() {
  window.__cspViolations = [];
  document.addEventListener('securitypolicyviolation', (event) => {
    window.__cspViolations.push({
      directive: event.effectiveDirective,
      blocked: event.blockedURI,
      source: `${event.sourceFile}:${event.lineNumber}`,
      sample: event.sample,
    });
  });
}

/**
 * Serves dist/ and opens the page (with `query`, e.g. '?selftest', appended),
 * or opens `file` (the single-file build) from file:// with no server.
 * Returns { page, url, requests, errors, pageErrors, dialogs, close }: every
 * request's URL, console errors and uncaught exceptions, uncaught exceptions
 * alone, and the messages of dialogs (alert, confirm …), which are dismissed.
 * `colorScheme` is the system's colour scheme the page sees ('light' or 'dark').
 */
export async function openPage({ query = '', file = null, colorScheme = 'light', beforeNavigation = null } = {}) {
  const { server, url } = file ? { server: null, url: pathToFileURL(file).href } : await startServer(join(ROOT, 'dist'));
  const browser = await launchChromium();
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN', colorScheme });
  const requests = [];
  context.on('request', (request) => requests.push(request.url()));
  await context.addInitScript(recordCspViolations);
  const page = await context.newPage();
  const errors = [];
  const pageErrors = [];
  const dialogs = [];
  page.on('pageerror', (error) => {
    errors.push(String(error));
    pageErrors.push(String(error));
  });
  page.on('console', (message) => { if (message.type() === 'error') errors.push(message.text()); });
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    dialog.dismiss().catch(() => {});
  });
  // A test's own set-up of the context (say, holding back a request).
  if (beforeNavigation) await beforeNavigation(context);
  const navigationStart = Date.now();
  await page.goto(url + query);
  return {
    page,
    url,
    requests,
    errors,
    pageErrors,
    dialogs,
    navigationStart,
    async close() {
      await browser.close();
      if (server) await new Promise((done) => server.close(done));
    },
  };
}

/** Saves a full-window screenshot as tests/artifacts/NAME.png. */
export async function screenshot(page, name) {
  await mkdir(ARTIFACTS, { recursive: true });
  const path = join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path });
  return path;
}

/** Waits until the worker's dictionary is ready. */
export async function waitForDictionary(page) {
  await page.waitForSelector('[data-dictionary="ready"]', { timeout: 30_000 });
}

/** Waits until every worker of the analysis pool has loaded its dictionary; returns how many there are. */
export async function waitForPool(page) {
  await waitForDictionary(page);
  await page.waitForFunction(() => {
    const status = document.querySelector('[data-dictionary="ready"]');
    return status && Number(status.dataset.workersReady) === Number(status.dataset.workers);
  }, null, { timeout: 60_000 });
  return page.$eval('[data-dictionary="ready"]', (status) => Number(status.dataset.workers));
}

/** Waits until every listed report is analysed or failed. */
export async function waitForReports(page, count, timeout = 30_000) {
  await page.waitForFunction(
    (expected) => {
      const items = [...document.querySelectorAll('.file-item')];
      return items.length === expected && items.every((item) => item.dataset.status !== 'analyzing');
    },
    count,
    { timeout },
  );
}

/** Clicks the heatmap cell of row report `row` and column report `column` (names' prefixes). */
export async function clickHeatmapCell(page, row, column) {
  const position = await page.waitForFunction(([row, column]) => {
    const element = document.querySelector('.similarity-heatmap .chart-canvas') ?? document.querySelector('.similarity-heatmap');
    const chart = element && globalThis.echarts?.getInstanceByDom(element);
    if (!chart) return null;
    const labels = chart.getOption().yAxis[0].data;
    const y = labels.findIndex((label) => label.startsWith(row));
    const x = labels.findIndex((label) => label.startsWith(column));
    if (x < 0 || y < 0) return null;
    const [px, py] = chart.convertToPixel({ seriesIndex: 0 }, [x, y]);
    const box = element.getBoundingClientRect();
    return { x: box.left + px, y: box.top + py };
  }, [row, column]);
  const { x, y } = await position.jsonValue();
  await page.mouse.click(x, y);
}

/**
 * Loads the five samples at a window of `width`×`height` once the
 * dictionary is ready, and waits for their analyses.
 */
export async function loadSamples(page, { width = 1366, height = 768 } = {}) {
  await page.setViewportSize({ width, height });
  await waitForDictionary(page);
  await page.click('#load-samples');
  await waitForReports(page, 5);
}

/**
 * Opens a report from the file list (the overview is the landing view once
 * two or more reports are in): the first, or the first whose item holds
 * `name`; waits for the reader.
 */
export async function openReport(page, name = null) {
  await page.click(name === null ? '.file-item >> nth=0' : `.file-item:has-text("${name}")`);
  await page.waitForSelector('.reader-scroll');
}

/**
 * Dispatches a drop of `files` on the drop zone: each { name, text } or
 * { name, bytes }.
 */
export async function dropFiles(page, files, selector = '#drop-zone') {
  const payload = files.map((file) => ({
    name: file.name,
    bytes: file.bytes ? [...file.bytes] : [...Buffer.from(file.text, 'utf8')],
  }));
  await page.evaluate(({ files, selector }) => {
    const transfer = new DataTransfer();
    for (const file of files) {
      transfer.items.add(new File([new Uint8Array(file.bytes)], file.name, { type: 'text/plain' }));
    }
    const zone = document.querySelector(selector);
    zone.dispatchEvent(new DragEvent('dragenter', { dataTransfer: transfer, bubbles: true }));
    zone.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
  }, { files: payload, selector });
}

/** The CSP violations the page has seen so far. */
export function cspViolations(page) {
  return page.evaluate(() => window.__cspViolations);
}

/**
 * Fails unless every request was for one of the page's own static files:
 * the server's origin and a path that exists in dist/.
 */
export function assertOnlyOwnStaticFiles(requests, url) {
  const origin = new URL(url).origin;
  const foreign = requests.filter((request) => {
    const target = new URL(request);
    if (target.origin !== origin) return true;
    const path = decodeURIComponent(target.pathname);
    return !existsSync(join(ROOT, 'dist', path === '/' ? 'index.html' : path));
  });
  assert.deepEqual(foreign, [], 'every request is for one of the page\'s own files');
}

/**
 * Opens the page (with `openPage`'s `options`), runs `body(session)`, and
 * always closes the browser and server.
 */
export async function withPage(body, options = {}) {
  const session = await openPage(options);
  try {
    return await body(session);
  } finally {
    await session.close();
  }
}

/** The titles of the outline tree's top-level nodes. */
export function topLevelTitles(page) {
  return page.$$eval('.outline > .outline-level > li > .outline-row .outline-title', (nodes) =>
    nodes.map((node) => node.textContent));
}
