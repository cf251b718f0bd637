// The page by keyboard alone: Tab reaches 「载入示例报告」 with a visible
// focus ring and Enter loads the samples; ↓/↑ walk the reports from the
// overview; ] and [ walk the open report's headings; a distinctive word
// opened with Enter shows its concordance and Esc closes it; / goes to the
// search box, Enter searches every report and Esc closes the results; 「帮助」 opens the guide (with the
// shortcuts and the privacy statement) and Esc closes it. Screenshot of the
// guide at 1366×768.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { join } from 'node:path';

import { ROOT, cspViolations, screenshot, waitForDictionary, waitForReports, withPage } from './browser.mjs';

/** The file name of the report open in the reader. */
function openReport(page) {
  return page.$eval('.file-item.selected .file-name, .file-item.selected', (item) => item.textContent);
}

test('the page driven by the keyboard alone', async () => {
  await withPage(async ({ page, errors }) => {
    await page.setViewportSize({ width: 1366, height: 768 });
    await waitForDictionary(page);
    // Tab to 「载入示例报告」: the focus is visible.
    let tabs = 0;
    while (await page.evaluate(() => document.activeElement?.id) !== 'load-samples' && tabs < 10) {
      await page.keyboard.press('Tab');
      tabs += 1;
    }
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'load-samples');
    const outline = await page.$eval('#load-samples', (button) => getComputedStyle(button).outlineStyle);
    assert.equal(outline, 'solid', 'the focused button shows a ring');
    await page.keyboard.press('Enter');
    await waitForReports(page, 5);
    await page.waitForSelector('.overview-pane');
    // Out of the focused button, the arrows walk the reports.
    await page.evaluate(() => document.activeElement?.blur());
    await page.keyboard.press('ArrowDown');
    await page.waitForSelector('.reader-scroll');
    assert.match(await openReport(page), /^000_/);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.waitForFunction(() => document.querySelector('.file-item.selected')?.textContent.startsWith('002_'));
    await page.keyboard.press('ArrowUp');
    await page.waitForFunction(() => document.querySelector('.file-item.selected')?.textContent.startsWith('001_'));
    // ] and [ walk the headings: the outline marks the one shown.
    await page.keyboard.press(']');
    await page.keyboard.press(']');
    const second = await page.$eval('.outline-node.focused', (node) => node.textContent);
    await page.keyboard.press('[');
    const first = await page.$eval('.outline-node.focused', (node) => node.textContent);
    assert.notEqual(first, second);
    // A distinctive word opened with Enter; Esc closes its concordance.
    await page.waitForSelector('.keyness-panel .word-link');
    await page.focus('.keyness-panel .word-link >> nth=0');
    await page.keyboard.press('Enter');
    await page.waitForSelector('.concordance');
    await page.evaluate(() => document.activeElement?.blur());
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => !document.querySelector('.concordance'));
    // / goes to the search box; Enter searches every report; Esc closes the results.
    await page.keyboard.press('/');
    await page.waitForFunction(() => document.activeElement?.id === 'search-all');
    await page.keyboard.type('两个维护');
    await page.keyboard.press('Enter');
    await page.waitForSelector('.search-summary');
    await page.evaluate(() => document.activeElement?.blur());
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => !document.querySelector('.search-pane'));
    // 帮助: the guide, closed with Esc.
    await page.click('#open-help');
    await page.waitForSelector('.help-dialog');
    const help = await page.textContent('.help-dialog');
    for (const words of ['总览', '每千字', '↑ / ↓', '不上传']) assert.ok(help.includes(words), words);
    await screenshot(page, 'help-1366');
    await page.evaluate(() => document.activeElement?.blur());
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => !document.querySelector('.help-dialog'));
    assert.deepEqual(await cspViolations(page), []);
    assert.deepEqual(errors, []);
  });
});

test('files are picked by keyboard: Tab to 「选择文件…」, Enter opens the file chooser', async () => {
  await withPage(async ({ page, errors }) => {
    // Listened for early: the browser intercepts file choosers only once
    // asked to, and the request must land before the key does.
    const chosen = page.waitForEvent('filechooser');
    await waitForDictionary(page);
    let tabs = 0;
    while (!(await page.evaluate(() => document.activeElement?.classList.contains('primary'))) && tabs < 10) {
      await page.keyboard.press('Tab');
      tabs += 1;
    }
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), '选择文件…');
    await page.keyboard.press('Enter');
    const chooser = await chosen;
    assert.ok(chooser.isMultiple(), 'several files at once');
    await chooser.setFiles([join(ROOT, 'seeds/000_75e6ea62ff7e3e22.txt'), join(ROOT, 'seeds/001_f49475697f059043.txt')]);
    await waitForReports(page, 2);
    assert.equal(await page.$$eval('.file-item[data-status="done"]', (items) => items.length), 2);
    assert.deepEqual(errors, []);
  });
});
