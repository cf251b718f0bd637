// Chinese by default, English by the toolbar's toggle, remembered across
// reloads. In English no Chinese remains in the page's chrome: every CJK
// character on screen (text, title, aria-label, placeholder) is inside an
// element marked lang="zh-CN" — the reports' own text — and the charts'
// titles, axis names, series and legends are English.
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { clickHeatmapCell, dropFiles, loadSamples, openReport, screenshot, waitForDictionary, waitForReports, withPage } from './browser.mjs';

/**
 * In the page: the CJK text of the chrome — text nodes and the attributes
 * people read (title, aria-label, placeholder, alt) with a CJK character,
 * outside any element whose lang is Chinese (the html element's own lang
 * does not count). Hidden elements count too: a tooltip is read on hover.
 */
function chineseInChrome() {
  const cjk = /[\u3400-\u9fff\uf900-\ufaff]/;
  const marked = (element) => {
    const holder = element.closest('[lang]');
    return holder !== null && holder !== document.documentElement && holder.lang.toLowerCase().startsWith('zh');
  };
  const found = [];
  const describe = (element) => `${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ''}.${[...element.classList].join('.')}`;
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (!parent || parent.closest('script, style, .print-view') || !cjk.test(node.textContent) || marked(parent)) continue;
    found.push(`${describe(parent)} 「${node.textContent.trim().slice(0, 30)}」`);
  }
  for (const element of document.body.querySelectorAll('[title], [aria-label], [placeholder], [alt]')) {
    if (element.closest('.print-view') || marked(element)) continue;
    for (const name of ['title', 'aria-label', 'placeholder', 'alt']) {
      const value = element.getAttribute(name);
      if (value && cjk.test(value)) found.push(`${describe(element)} @${name}「${value.slice(0, 30)}」`);
    }
  }
  return [...new Set(found)];
}

/**
 * In the page: the chart texts (titles, axis names, series names, legend
 * entries, visual-map texts) of every drawn chart that hold a CJK character.
 */
function chineseInCharts() {
  const cjk = /[\u3400-\u9fff]/;
  const found = [];
  for (const element of document.querySelectorAll('.chart-canvas')) {
    const option = globalThis.echarts?.getInstanceByDom(element)?.getOption();
    if (!option) continue;
    const texts = [
      ...(option.title ?? []).flatMap((title) => [title.text, title.subtext]),
      ...[...(option.xAxis ?? []), ...(option.yAxis ?? [])].map((axis) => axis.name),
      ...(option.series ?? []).map((series) => series.name),
      ...(option.legend ?? []).flatMap((legend) => (legend.data ?? []).map((entry) => (typeof entry === 'string' ? entry : entry?.name))),
      ...(option.visualMap ?? []).flatMap((map) => map.text ?? []),
    ];
    for (const text of texts) if (typeof text === 'string' && cjk.test(text)) found.push(text);
  }
  return found;
}

/** Fails if Chinese remains in the chrome or the charts, naming `where`. */
async function assertEnglish(page, where) {
  assert.deepEqual(await page.evaluate(chineseInChrome), [], `Chinese left in the chrome: ${where}`);
  assert.deepEqual(await page.evaluate(chineseInCharts), [], `Chinese left in the charts: ${where}`);
}

const VIEWS = ['Keywords', 'Words', 'Phrases', 'Themes', 'Lengths', 'Structure', 'Compare', 'Figures', 'Proofing', 'Word list'];

test('the English toggle leaves no Chinese in the chrome, and is remembered', async () => {
  await withPage(async (session) => {
    const { page } = session;
    await waitForDictionary(page);
    assert.equal(await page.getAttribute('html', 'lang'), 'zh-CN');
    assert.equal(await page.textContent('#load-samples'), '载入示例报告', 'Chinese by default');
    await page.click('#language-toggle');
    assert.equal(await page.getAttribute('html', 'lang'), 'en');
    await assertEnglish(page, 'the empty page');

    await loadSamples(page);
    await page.waitForSelector('.overview-table tbody tr.line');
    await page.waitForFunction(() => [...document.querySelectorAll('.overview-distinctive')].every((td) => td.textContent.trim() !== ''));
    await assertEnglish(page, 'the overview');
    await screenshot(page, 'english-overview');

    // A file that is not text, and one whose numbering skips: their messages
    // (from the worker and the core) are English too.
    await dropFiles(page, [
      { name: 'binary.txt', bytes: Buffer.from([0x4d, 0x5a, 0x00, 0x01, 0x02, 0x00, 0x00, 0x10]) },
      { name: 'skips.txt', text: '一、总体情况\n全年召开会议12次。\n三、存在问题\n学习不够深入。\n四、下一步打算\n继续加强。\n' },
    ]);
    await waitForReports(page, 7);
    const failed = await page.textContent('.file-item[data-status="failed"] .file-status');
    assert.match(failed, /^Could not analyse: [A-Z]/, `an English reason: ${failed}`);
    await openReport(page, 'skips.txt');
    await page.waitForSelector('.outline-diagnostic');
    assert.match(await page.textContent('.outline-diagnostic'), /^Numbering skips from 1 to 3/);
    await assertEnglish(page, 'a failed file and numbering diagnostics');
    await page.click('.file-item:has-text("binary.txt") .file-remove');
    await page.click('.file-item:has-text("skips.txt") .file-remove');
    await page.waitForFunction(() => document.querySelectorAll('.file-item').length === 5);

    await openReport(page);
    for (const view of VIEWS) {
      await page.click(`.view-tab:text-is("${view}")`);
      if (view === 'Compare') await page.waitForSelector('.compare-result', { timeout: 60_000 });
      await page.waitForTimeout(400);
      await assertEnglish(page, `the reader beside ${view}`);
    }
    await page.click('.view-tab:text-is("Words")');
    await page.waitForSelector('.chart canvas');
    await screenshot(page, 'english-reader');

    // A word's concordance, the side-by-side reading, the search, the dialogs.
    await page.click('.reader-body .w >> nth=3');
    await page.waitForSelector('.concordance');
    await assertEnglish(page, 'the concordance');
    await page.click('.view-tab:text-is("Compare")');
    await clickHeatmapCell(page, '000', '001');
    await page.waitForSelector('.side-by-side');
    await assertEnglish(page, 'the side-by-side reading');
    await screenshot(page, 'english-side-by-side');
    await page.fill('#search-all', '党建');
    await page.press('#search-all', 'Enter');
    await page.waitForSelector('.search-hit');
    await assertEnglish(page, 'the search results');
    await page.click('#open-help');
    await page.waitForSelector('.help-dialog');
    await assertEnglish(page, 'the help dialog');
    await screenshot(page, 'english-help');
    await page.keyboard.press('Escape');
    await page.click('#open-vocabulary');
    await page.waitForSelector('.dialog');
    await assertEnglish(page, 'the vocabulary dialog');
    await page.keyboard.press('Escape');

    // Remembered: a reload stays English; the toggle goes back to Chinese.
    await page.reload();
    await waitForDictionary(page);
    assert.equal(await page.textContent('#load-samples'), 'Load samples');
    await page.click('#language-toggle');
    assert.equal(await page.textContent('#load-samples'), '载入示例报告');
    await page.reload();
    await waitForDictionary(page);
    assert.equal(await page.getAttribute('html', 'lang'), 'zh-CN');
    assert.deepEqual(session.pageErrors, []);
  });
});

test('numbers follow the language: grouped by thousands in English, plain in Chinese', async () => {
  await withPage(async (session) => {
    const { page } = session;
    await loadSamples(page);
    await page.waitForSelector('.overview-table tbody tr.line');
    const chars = () => page.$$eval('.overview-table tbody tr.line', (rows) => rows.map((row) => row.querySelectorAll('td')[2].textContent.trim()));
    const chinese = await chars();
    assert.ok(chinese.every((cell) => /^\d+$/.test(cell)), `plain digits in Chinese: ${chinese}`);
    await page.click('#language-toggle');
    const english = await chars();
    assert.deepEqual(english, chinese.map((cell) => Number(cell).toLocaleString('en-US')));
    assert.ok(english.some((cell) => cell.includes(',')), 'thousands are grouped');
    assert.equal(await page.textContent('.overview-pane .pane-title'), 'Overview: 5 reports');
  });
});
