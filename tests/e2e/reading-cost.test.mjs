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
import { ROOT, dropFiles, waitForDictionary, withPage } from './browser.mjs';

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

test('a 200-page .docx and a 200-page PDF are read in the page, with progress for the PDF', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'gongwen-long-'));
  const docx = longDocx(dir);
  const pdf = longPdf(dir);
  await withPage(async ({ page }) => {
    await waitForDictionary(page);
    for (const [name, bytes] of [['long.docx', docx], ['long.pdf', pdf]]) {
      const started = Date.now();
      await dropFiles(page, [{ name, bytes }]);
      let sawProgress = false;
      for (;;) {
        const state = await page.$eval(`.file-item:has(.file-name:text-is("${name}"))`, (item) => ({
          status: item.dataset.status, text: item.querySelector('.file-status span').textContent,
        })).catch(() => null);
        if (state && /正在读取 PDF：第 \d+\/\d+ 页/.test(state.text)) sawProgress = true;
        if (state && state.status !== 'analyzing') {
          assert.equal(state.status, 'done', `${name}: ${state.text}`);
          break;
        }
        await page.waitForTimeout(50);
      }
      const pages = name.endsWith('.pdf') ? ` (${await page.$eval('.file-item:last-child .file-status span', (node) => node.textContent)})` : '';
      console.log(`# ${name}: ${(bytes.length / 1024).toFixed(0)} KB read and analysed in ${Date.now() - started} ms${pages}`);
      if (name.endsWith('.pdf')) assert.ok(sawProgress, 'the PDF shows its reading progress');
    }
  });
});
