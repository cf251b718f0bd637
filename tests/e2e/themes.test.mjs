// Themes that fit the genre: with the samples and one report per genre
// loaded, the 主题 view names each report's genre and the cues it was told
// by, uses that genre's scheme (a 政府工作报告 gets 经济发展, 民生保障 …, its
// Party-building theme under 30%), shares sections among several themes,
// and lets the user pick one scheme for all reports — a choice kept across
// reloads. Screenshots at 1366×768 and 1920×1080.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import { ROOT, dropFiles, screenshot, waitForDictionary, waitForReports, withPage } from './browser.mjs';

const GENRES = ['gov-work-report.txt', 'party-congress-report.txt', 'work-summary.md', 'personal-duty-report.txt'];

async function loadReports(page) {
  await waitForDictionary(page);
  await page.click('#load-samples');
  await waitForReports(page, 5);
  const files = await Promise.all(GENRES.map(async (name) => ({
    name, bytes: await readFile(join(ROOT, 'tests/fixtures/genres', name)),
  })));
  await dropFiles(page, files);
  await waitForReports(page, 5 + GENRES.length);
}

async function openThemes(page, fileName) {
  await page.click(`.file-item:has(.file-name:text-is("${fileName}"))`);
  await page.click('.view-tab:has-text("主题")');
  await page.waitForSelector('.theme-panel .genre-line');
}

/** The theme table as { theme: percent }. */
function shares(page) {
  return page.$$eval('.theme-panel table.themes tbody tr', (rows) => Object.fromEntries(rows.map((row) => {
    const cells = row.querySelectorAll('td');
    return [cells[0].textContent.replace('＊', ''), Number.parseFloat(cells[2].textContent)];
  })));
}

for (const [width, height] of [[1366, 768], [1920, 1080]]) {
  test(`each genre gets its own themes at ${width}×${height}`, async () => {
    await withPage(async ({ page }) => {
      await page.setViewportSize({ width, height });
      await loadReports(page);
      await openThemes(page, 'gov-work-report.txt');
      assert.match(await page.textContent('.theme-panel .genre-line'), /体裁：政府工作报告.*标题含「政府工作报告」/);
      const government = await shares(page);
      assert.ok(government['经济发展'] > 20 && government['民生保障'] > 5, JSON.stringify(government));
      assert.ok(government['党的建设'] < 30, JSON.stringify(government));
      assert.equal(government['作风建设'], undefined, 'no Party-building scheme for a government report');
      const livelihood = page.locator('.section-themes li', { hasText: '切实保障和改善民生' });
      assert.match(await livelihood.locator('.theme-tags').textContent(), /^民生保障/);
      // The review's first part is shared among several themes.
      const shared = await page.$$eval('.section-themes li', (items) => items.filter((item) => item.querySelectorAll('.theme-tag').length > 1).length);
      assert.ok(shared >= 3, `${shared} sections carry several themes`);
      await screenshot(page, `themes-government-${width}`);
      await page.locator('.section-themes li', { hasText: '2021年工作回顾' }).scrollIntoViewIfNeeded();
      await screenshot(page, `themes-sections-${width}`);

      await openThemes(page, 'party-congress-report.txt');
      assert.match(await page.textContent('.theme-panel .genre-line'), /党代会报告/);
      const army = page.locator('.section-themes li', { hasText: '加强党管武装' });
      assert.match(await army.locator('.theme-tags').textContent(), /^国防和军队/);

      await openThemes(page, '000_75e6ea62ff7e3e22.txt');
      assert.match(await page.textContent('.theme-panel .genre-line'), /党建述职/);
      assert.ok((await shares(page))['政治建设'] > 0);
    });
  });
}

test('one scheme for all reports, kept across reloads', async () => {
  await withPage(async ({ page }) => {
    await page.setViewportSize({ width: 1366, height: 768 });
    await loadReports(page);
    await openThemes(page, 'gov-work-report.txt');
    await page.click('.scheme-choice .chip:text-is("党建述职")');
    const underParty = await shares(page);
    assert.ok('政治建设' in underParty && !('经济发展' in underParty), JSON.stringify(underParty));
    assert.match(await page.textContent('.theme-panel .genre-line'), /体裁：政府工作报告/, 'the genre stays as detected');
    await screenshot(page, 'themes-chosen-scheme');
    await page.reload();
    await loadReports(page);
    await openThemes(page, 'gov-work-report.txt');
    assert.equal(await page.getAttribute('.scheme-choice .chip:text-is("党建述职")', 'aria-pressed'), 'true');
    assert.ok('政治建设' in await shares(page));
    await page.click('.scheme-choice .chip:has-text("按体裁")');
    assert.ok('经济发展' in await shares(page));
  });
});
