// The cost of reading long documents in the page, measured and printed (not
// asserted: timings belong in benchmarks and the closing notes). A 200-page
// .docx (seed 002's automatically numbered copy, its body repeated) and a PDF
// of about 200 pages (seed 002 repeated, printed by Chromium) are made at test
// time, dropped, and timed from drop to analysis; the PDF's reading progress
// must show while pdf.js works through its pages.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { ROOT, waitForDictionary, withPage } from './browser.mjs';

const COPIES = 67; // seed 002 is three A4 pages

/** A .docx whose body is seed 002's automatically numbered body, COPIES times. */
function longDocx(dir) {
  const out = join(dir, 'long.docx');
  execFileSync('python3', ['-c', `
import re, sys, zipfile
source, out, copies = sys.argv[1], sys.argv[2], int(sys.argv[3])
with zipfile.ZipFile(source) as zin, zipfile.ZipFile(out, 'w', zipfile.ZIP_DEFLATED) as zout:
    for item in zin.infolist():
        data = zin.read(item.filename)
        if item.filename == 'word/document.xml':
            text = data.decode('utf-8')
            start = text.index('<w:body>') + len('<w:body>')
            end = text.rfind('<w:sectPr')
            text = text[:start] + text[start:end] * copies + text[end:]
            data = text.encode('utf-8')
        zout.writestr(item, data)
`, join(ROOT, 'tests/fixtures/formats/002.autonum.docx'), out, String(COPIES)]);
  return readFileSync(out);
}

/** A PDF of seed 002 repeated COPIES times, printed by Chromium. */
function longPdf(dir) {
  const text = readFileSync(join(ROOT, 'seeds/002_d150bcfd3ac612c2.txt'), 'utf8');
  const body = text.split('\n').filter((line) => line.trim()).map((line) => `<p>${line}</p>`).join('\n');
  const html = join(dir, 'long.html');
  writeFileSync(html, `<!doctype html><meta charset="utf-8"><style>@page{size:A4;margin:25mm}body{font:16px "WenQuanYi Micro Hei";line-height:1.8}p{text-indent:2em;margin:0}</style>${body.repeat(COPIES)}`);
  const out = join(dir, 'long.pdf');
  execFileSync(process.env.CHROMIUM ?? '/usr/bin/chromium', [
    '--headless', '--no-sandbox', '--disable-gpu', '--no-pdf-header-footer', `--print-to-pdf=${out}`, `file://${html}`,
  ], { stdio: 'ignore', timeout: 120_000 });
  return readFileSync(out);
}

/**
 * Drops `bytes` as `name` from inside the page and returns the milliseconds
 * from the drop to the file's analysis and whether its status ever showed
 * PDF reading progress. The bytes are placed in the page first, so the time
 * is the page's, not the test harness's.
 */
async function timeDrop(page, name, bytes) {
  await page.evaluate(({ name, base64 }) => {
    const binary = atob(base64);
    const data = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) data[i] = binary.charCodeAt(i);
    window.__timedFile = new File([data], name);
  }, { name, base64: bytes.toString('base64') });
  await page.evaluate((name) => {
    window.__progressSeen = false;
    new MutationObserver(() => {
      for (const item of document.querySelectorAll('.file-item')) {
        if (item.querySelector('.file-name').textContent === name
          && /正在读取 PDF：第 \d+\/\d+ 页/.test(item.querySelector('.file-status span').textContent)) {
          window.__progressSeen = true;
        }
      }
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
    const transfer = new DataTransfer();
    transfer.items.add(window.__timedFile);
    window.__dropAt = performance.now();
    document.querySelector('#drop-zone').dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
  }, name);
  const handle = await page.waitForFunction((name) => {
    const item = [...document.querySelectorAll('.file-item')].find((node) => node.querySelector('.file-name').textContent === name);
    if (!item || item.dataset.status === 'analyzing') return null;
    return { status: item.dataset.status, text: item.querySelector('.file-status span').textContent, ms: performance.now() - window.__dropAt, progress: window.__progressSeen };
  }, name, { polling: 'raf', timeout: 60_000 });
  return handle.jsonValue();
}

test('a 200-page .docx and a 200-page PDF are read in the page, with progress for the PDF', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'gongwen-long-'));
  const docx = longDocx(dir);
  const pdf = longPdf(dir);
  await withPage(async ({ page }) => {
    await waitForDictionary(page);
    for (const [name, bytes] of [['long.docx', docx], ['long.pdf', pdf]]) {
      const result = await timeDrop(page, name, bytes);
      assert.equal(result.status, 'done', `${name}: ${result.text}`);
      console.log(`# ${name}: ${(bytes.length / 1024).toFixed(0)} KB, drop to analysis ${Math.round(result.ms)} ms (${result.text})`);
      if (name.endsWith('.pdf')) assert.ok(result.progress, 'the PDF shows its reading progress');
    }
  });
});
