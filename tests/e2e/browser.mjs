// Shared set-up of the browser tests: serves dist/ on 127.0.0.1, launches
// Debian's Chromium headless through playwright-core, records every request so
// tests can prove nothing leaves the machine, and saves screenshots under
// tests/artifacts/ (git-ignored).
import { mkdir, readFile, readdir } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startServer } from '../../www/serve.mjs';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const ARTIFACTS = join(ROOT, 'tests/artifacts');

const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking',
  '--disable-component-update', '--no-first-run', '--disable-sync',
];

/** The five seed files as { name, text } in name order. */
export async function seedFiles() {
  const dir = join(ROOT, 'seeds');
  const names = (await readdir(dir)).filter((name) => name.endsWith('.txt')).sort();
  return Promise.all(names.map(async (name) => ({ name, text: await readFile(join(dir, name), 'utf8') })));
}

/** Serves dist/ and opens the page. Returns { page, requests, close }. */
export async function openPage() {
  const { server, url } = await startServer(join(ROOT, 'dist'));
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
  const requests = [];
  context.on('request', (request) => requests.push(request.url()));
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(String(error)));
  page.on('console', (message) => { if (message.type() === 'error') errors.push(message.text()); });
  const navigationStart = Date.now();
  await page.goto(url);
  return {
    page,
    url,
    requests,
    errors,
    navigationStart,
    async close() {
      await browser.close();
      await new Promise((done) => server.close(done));
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

/** Waits until every listed report is analysed or failed. */
export async function waitForReports(page, count) {
  await page.waitForFunction(
    (expected) => {
      const items = [...document.querySelectorAll('.file-item')];
      return items.length === expected && items.every((item) => item.dataset.status !== 'analyzing');
    },
    count,
    { timeout: 30_000 },
  );
}

/** Opens the page, runs `body(session)`, and always closes the browser and server. */
export async function withPage(body) {
  const session = await openPage();
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
