// End-to-end tests of every format a reviewer drops: each of seed 002's
// copies (.docx with typed, automatic and style-only numbering, .doc, .wps,
// .pdf, a two-page .pdf with a running header, .md, .html, GBK .txt) gives the
// .txt's headings; a .zip of reports unpacks into its files; a dropped folder
// is walked; each hostile file gets its own Chinese message while the others
// are analysed, the page stays alive, and nothing is fetched but the page's
// own files (pdf.js included, loaded only when a PDF arrives).
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import {
  ROOT, assertOnlyOwnStaticFiles, cspViolations, dropFiles, screenshot, waitForDictionary, waitForReports, withPage,
} from './browser.mjs';

const FORMATS = join(ROOT, 'tests/fixtures/formats');
const HOSTILE = join(ROOT, 'tests/fixtures/hostile');

async function fixture(dir, name) {
  return { name, bytes: await readFile(join(dir, name)) };
}

/** Each report's status line, by file name. */
function statuses(page) {
  return page.$$eval('.file-item', (items) => Object.fromEntries(items.map((item) => [
    item.querySelector('.file-name').textContent,
    { status: item.dataset.status, text: item.querySelector('.file-status span').textContent },
  ])));
}

/** Waits until no report is being read or analysed. */
async function waitUntilSettled(page, timeout = 60_000) {
  await page.waitForFunction(() => {
    const items = [...document.querySelectorAll('.file-item')];
    return items.length > 0 && items.every((item) => item.dataset.status !== 'analyzing');
  }, null, { timeout });
}

describe('every format', () => {
  test('seed 002 in every format has the 19 headings of its .txt', async () => {
    await withPage(async ({ page, requests, url, errors }) => {
      await waitForDictionary(page);
      const txt = (await readFile(join(ROOT, 'seeds/002_d150bcfd3ac612c2.txt')));
      const names = [
        '002.marked.docx', '002.autonum.docx', '002.doc', '002.wps', '002.pdf', '002.paged.pdf',
        '002.md', '002.html', '002.gbk.txt',
      ];
      const before = requests.length;
      const files = [{ name: '002.txt', bytes: txt }, ...await Promise.all(names.map((name) => fixture(FORMATS, name)))];
      const started = Date.now();
      await dropFiles(page, files);
      await waitUntilSettled(page);
      console.log(`# ten formats of seed 002 analysed in ${Date.now() - started} ms`);
      const shown = await statuses(page);
      for (const name of ['002.txt', ...names]) {
        assert.equal(shown[name]?.status, 'done', `${name}: ${JSON.stringify(shown[name])}`);
        assert.match(shown[name].text, / 19 个标题 /, `${name}: ${shown[name].text}`);
      }
      assert.match(shown['002.autonum.docx'].text, /^Word 文档 · utf-8/);
      assert.match(shown['002.doc'].text, /^Word 97–2003 文档 · utf-16le/);
      assert.match(shown['002.pdf'].text, /^PDF/);
      // pdf.js came from the page's own files, only after a PDF arrived.
      const pdfjs = requests.slice(before).filter((request) => request.includes('/vendor/pdfjs/'));
      assert.ok(pdfjs.some((request) => request.endsWith('pdf.min.mjs')), JSON.stringify(pdfjs));
      assert.ok(!requests.slice(0, before).some((request) => request.includes('/vendor/pdfjs/')), 'pdf.js is not loaded up front');
      // The paged PDF's first heading is placed by page and line.
      await page.click('.file-item:has-text("002.paged.pdf")');
      const place = await page.getAttribute('.outline-node >> nth=0', 'title');
      assert.match(place, /^第 1 页第 11 行：一、/);
      await page.click('.file-item:has-text("002.autonum.docx")');
      assert.match(await page.getAttribute('.outline-node >> nth=0', 'title'), /^第 2 段：一、/);
      await screenshot(page, 'formats');
      assert.deepEqual(await cspViolations(page), []);
      assert.deepEqual(errors, []);
      assertOnlyOwnStaticFiles(requests, url);
    });
  });

  test('a zip of reports unpacks into its files, system files skipped', async () => {
    await withPage(async ({ page }) => {
      await waitForDictionary(page);
      await dropFiles(page, [await fixture(HOSTILE, 'reports.zip')]);
      await page.waitForFunction(() => document.querySelectorAll('.file-item').length >= 3);
      await waitUntilSettled(page);
      const shown = await statuses(page);
      const names = Object.keys(shown);
      assert.ok(names.every((name) => name.startsWith('reports.zip/')), JSON.stringify(names));
      assert.ok(names.some((name) => name.endsWith('述职报告.txt')), 'a GBK-named entry is decoded');
      assert.ok(!names.some((name) => name.includes('__MACOSX') || name.includes('.DS_Store')));
      assert.ok(Object.values(shown).every((entry) => entry.status === 'done'), JSON.stringify(shown));
    });
  });

  test('a dropped folder is walked in name order, hidden files skipped', async () => {
    await withPage(async ({ page }) => {
      await waitForDictionary(page);
      // A synthetic drop cannot carry a real folder; the walker is given
      // entries shaped as the File and Directory Entries API shapes them.
      const paths = await page.evaluate(async () => {
        const file = (name, text) => ({
          name, isFile: true, isDirectory: false, file: (ok) => ok(new File([text], name)),
        });
        const folder = (name, children) => ({
          name, isFile: false, isDirectory: true,
          createReader() {
            let done = false;
            return { readEntries(ok) { ok(done ? [] : children); done = true; } };
          },
        });
        const root = folder('述职材料', [
          file('b.txt', '一、第二份'), file('.hidden.txt', 'x'), folder('子目录', [file('c.md', '## 一、第三份')]),
          file('a.txt', '一、第一份'), folder('__MACOSX', [file('._a.txt', 'x')]),
        ]);
        const snippet = [...document.querySelectorAll('script[type=module]')].length; // keep the page's own modules
        const module = await import(new URL(
          [...performance.getEntriesByType('resource')].map((entry) => entry.name).find((name) => name.endsWith('/dropped_files.js')),
        ).href);
        const transfer = { items: [{ kind: 'file', webkitGetAsEntry: () => root, getAsFile: () => null }], files: [] };
        return snippet >= 0 ? (await module.droppedFiles(transfer)).map((entry) => entry.path) : [];
      });
      assert.deepEqual(paths, ['述职材料/a.txt', '述职材料/b.txt', '述职材料/子目录/c.md']);
    });
  });

  test('each hostile file gets its message, the others are analysed, the page lives', async () => {
    await withPage(async ({ page, errors, dialogs, url, requests }) => {
      await waitForDictionary(page);
      const expected = {
        'zip-bomb.docx': /疑似压缩炸弹/,
        'zip-bomb-entries.zip': /压缩包内有 20000 个文件/,
        'truncated.docx': /Word 文档（\.docx）已损坏或不完整/,
        'no-document-xml.docx': /缺少正文部分 word\/document\.xml/,
        'deep-nesting.docx': /XML 元素嵌套超过 256 层/,
        'encrypted.pdf': /PDF 设有密码或已加密/,
        'no-text.pdf': /PDF 没有文字层/,
        'renamed-binary.txt': /PNG 图片/,
        'invalid-utf8.txt': /无法识别文件编码/,
        'sheet.xlsx': /Excel 表格/,
        'fake.ofd': /OFD/,
        'old.rtf': /RTF/,
      };
      const analysed = ['utf16le-nobom.txt', 'utf16be-nobom.txt', 'deep-nesting.html', 'xml-entities.docx', 'empty.txt'];
      const files = await Promise.all([...Object.keys(expected), ...analysed].map((name) => fixture(HOSTILE, name)));
      files.push(await fixture(HOSTILE, 'nested.zip'));
      await dropFiles(page, files);
      // 51 MB made in the page: refused by its size, before it is read.
      await page.evaluate(() => {
        const transfer = new DataTransfer();
        transfer.items.add(new File([new Uint8Array(51 * 1024 * 1024).fill(0x41)], 'huge.txt'));
        document.querySelector('#drop-zone').dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
      });
      files.push({ name: 'huge.txt' });
      // The nested archive is replaced by its one file.
      await page.waitForFunction((count) => document.querySelectorAll('.file-item').length === count, files.length);
      await waitUntilSettled(page);
      const shown = await statuses(page);
      for (const [name, message] of Object.entries(expected)) {
        assert.equal(shown[name]?.status, 'failed', `${name}: ${JSON.stringify(shown[name])}`);
        assert.match(shown[name].text, message, name);
      }
      assert.match(shown['huge.txt'].text, /文件大小 51\.0 MB 超过上限 50\.0 MB/);
      // An archive inside the archive is listed, not opened.
      assert.equal(shown['nested.zip/inner.zip']?.status, 'failed', JSON.stringify(shown));
      assert.match(shown['nested.zip/inner.zip'].text, /压缩包中的压缩包/);
      for (const name of analysed) {
        assert.equal(shown[name]?.status, 'done', `${name}: ${JSON.stringify(shown[name])}`);
      }
      await screenshot(page, 'hostile-files');
      // The page still works: the samples load and open.
      await page.click('#load-samples');
      await waitForReports(page, files.length + 5, 60_000);
      assert.deepEqual(dialogs, []);
      assert.deepEqual(errors, []);
      assert.deepEqual(await cspViolations(page), []);
      assertOnlyOwnStaticFiles(requests, url);
    });
  });
});
