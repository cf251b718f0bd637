// 搜索: the toolbar's search over every loaded report — plain text finds
// what a search of each text finds, grouped by report with section, line
// and context; a regular expression finds the same for the same literal and
// more with a pattern; a bad pattern gets a message in Chinese; a hit opens
// the reader at it; Esc closes the results. Screenshot at 1366×768.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cspViolations, loadSamples, screenshot, seedFiles, withPage } from './browser.mjs';

/** Non-overlapping occurrences of `needle` in `text`. */
function count(text, needle) {
  return text.split(needle).length - 1;
}

/** The results: per report, its name and hit count. */
function results(page) {
  return page.$$eval('.search-report', (sections) => sections.map((section) => ({
    name: section.querySelector('h3').firstChild.textContent,
    hits: section.querySelectorAll('.search-hit').length,
  })));
}

async function search(page, text, regex) {
  await page.fill('#search-all', text);
  await page.setChecked('#search-regex', regex);
  await page.press('#search-all', 'Enter');
  await page.waitForSelector('.search-summary, .search-error');
}

test('searching every report, plain and with a regular expression', async () => {
  await withPage(async ({ page, errors }) => {
    await loadSamples(page);
    const seeds = await seedFiles();
    const expected = seeds.map(({ name, text }) => ({ name, hits: count(text, '党建') })).filter((r) => r.hits > 0);
    await search(page, '党建', false);
    assert.deepEqual(await results(page), expected);
    const first = await page.$eval('.search-hit', (hit) => ({
      where: hit.querySelector('.search-where').textContent,
      mark: hit.querySelector('mark').textContent,
    }));
    assert.match(first.where, /^第 \d+ 行/);
    assert.equal(first.mark, '党建');
    await screenshot(page, 'search-1366');
    // The same literal as a pattern finds the same; a pattern finds its variants.
    await search(page, '党建', true);
    assert.deepEqual(await results(page), expected);
    await search(page, '[一二三四五]是', true);
    const enumerations = seeds.map(({ name, text }) => ({ name, hits: (text.match(/[一二三四五]是/gu) ?? []).length })).filter((r) => r.hits > 0);
    assert.deepEqual(await results(page), enumerations);
    // A bad pattern is refused in Chinese.
    await search(page, '([', true);
    assert.match(await page.textContent('.search-error'), /正则表达式有误/);
    // A hit opens the reader at it.
    await search(page, '党建', false);
    await page.click('.search-report >> nth=1 >> .search-hit >> nth=0');
    await page.waitForSelector('.reader-scroll .reader-focus');
    assert.equal(await page.$('.search-pane'), null);
    assert.equal(await page.textContent('.reader-scroll .reader-focus'), '党建');
    // Esc closes the results.
    await search(page, '党建', false);
    await page.evaluate(() => document.activeElement?.blur());
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => !document.querySelector('.search-pane'));
    assert.deepEqual(await cspViolations(page), []);
    assert.deepEqual(errors, []);
  });
});
