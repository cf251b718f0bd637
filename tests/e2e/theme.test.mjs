// The page in the system's light and dark schemes: every piece of text in
// the page's chrome and views reaches WCAG AA contrast against the ground it
// is drawn on, and every chart downloads as PNG and SVG.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';

import { join } from 'node:path';

import { ROOT, cliJson, loadSamples, openReport, screenshot, seedFiles, withPage } from './browser.mjs';

/**
 * In the page: the visible text (an element's own text) whose colour, over
 * the grounds behind it, falls short of WCAG AA — 4.5:1, or 3:1 for large
 * text. Disabled controls, hidden text and text on images or gradients are
 * left out, as WCAG does.
 */
function contrastShortfalls() {
  const parse = (css) => {
    const parts = css.match(/[\d.]+/g)?.map(Number) ?? [];
    return parts.length < 3 ? null : { r: parts[0], g: parts[1], b: parts[2], a: parts.length > 3 ? parts[3] : 1 };
  };
  const over = (top, bottom) => ({
    r: top.r * top.a + bottom.r * (1 - top.a),
    g: top.g * top.a + bottom.g * (1 - top.a),
    b: top.b * top.a + bottom.b * (1 - top.a),
    a: 1,
  });
  const luminance = ({ r, g, b }) => {
    const channel = (value) => {
      const v = value / 255;
      return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
    };
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
  };
  /** The solid ground behind `element`, or null when an image is in it. */
  const groundOf = (element) => {
    const layers = [];
    for (let node = element; node; node = node.parentElement) {
      const style = getComputedStyle(node);
      if (style.backgroundImage !== 'none') return null;
      const colour = parse(style.backgroundColor);
      if (colour && colour.a > 0) {
        layers.push(colour);
        if (colour.a >= 1) break;
      }
    }
    return layers.reduceRight((ground, layer) => over(layer, ground), { r: 255, g: 255, b: 255, a: 1 });
  };
  const shortfalls = [];
  for (const element of document.querySelectorAll('body *')) {
    const ownText = [...element.childNodes].filter((node) => node.nodeType === Node.TEXT_NODE).map((node) => node.textContent).join('').trim();
    if (!ownText || element.closest('[aria-hidden="true"], .visually-hidden, :disabled, script, style, option')) continue;
    const box = element.getBoundingClientRect();
    if (box.width === 0 || box.height === 0 || box.bottom < 0 || box.top > innerHeight || box.right < 0 || box.left > innerWidth) continue;
    const style = getComputedStyle(element);
    if (style.visibility !== 'visible') continue;
    let opacity = 1;
    for (let node = element; node; node = node.parentElement) opacity *= Number(getComputedStyle(node).opacity);
    const ground = groundOf(element);
    const ink = parse(style.color);
    if (!ground || !ink) continue;
    const seen = over({ ...ink, a: ink.a * opacity }, ground);
    const [light, dark] = [luminance(seen), luminance(ground)].sort((a, b) => b - a);
    const ratio = (light + 0.05) / (dark + 0.05);
    const size = parseFloat(style.fontSize);
    const large = size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700);
    if (ratio < (large ? 3 : 4.5)) {
      shortfalls.push(`${element.tagName.toLowerCase()}.${[...element.classList].join('.')} 「${ownText.slice(0, 12)}」 ${ratio.toFixed(2)}:1 (${style.color} on ${JSON.stringify(ground)})`);
    }
  }
  return [...new Set(shortfalls)];
}

/** Checks the contrast of what is on screen now, named `where`. */
async function assertContrast(page, where) {
  const shortfalls = await page.evaluate(contrastShortfalls);
  assert.deepEqual(shortfalls, [], `text under WCAG AA contrast in ${where}`);
}

for (const colorScheme of ['light', 'dark']) {
  test(`every text reaches WCAG AA contrast in the ${colorScheme} scheme, at 1366×768 and 3840×2160`, async () => {
    await withPage(async (session) => {
      const { page } = session;
      await assertContrast(page, 'the empty page');
      await loadSamples(page);
      await page.waitForSelector('.overview-table tbody tr.line');
      await screenshot(page, `theme-${colorScheme}-overview`);
      await assertContrast(page, 'the overview');
      await openReport(page);
      for (const view of ['词频', '校对', '数据', '结构']) {
        await page.click(`.view-tab:has-text("${view}")`);
        await page.waitForTimeout(300);
        await assertContrast(page, `the reader beside ${view}`);
      }
      await page.click('.view-tab:has-text("词频")');
      await page.waitForSelector('.chart canvas');
      await screenshot(page, `theme-${colorScheme}-reader`);
      await page.click('#open-help');
      await assertContrast(page, 'the help dialog');
      await page.keyboard.press('Escape');
      // A 4K screen: the same page, every pane in use.
      await page.setViewportSize({ width: 3840, height: 2160 });
      await page.click('#show-overview');
      await page.waitForSelector('.overview-table tbody tr.line');
      await screenshot(page, `theme-${colorScheme}-overview-4k`);
      await assertContrast(page, 'the overview on a 4K screen');
      await openReport(page);
      await screenshot(page, `theme-${colorScheme}-reader-4k`);
      const ground = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      assert.equal(ground, colorScheme === 'dark' ? 'rgb(22, 22, 22)' : 'rgb(245, 245, 243)');
      assert.deepEqual(session.pageErrors, []);
    }, { colorScheme });
  });
}

test('a chart downloads as a PNG image and as an SVG drawing with its words', async () => {
  await withPage(async (session) => {
    const { page } = session;
    await loadSamples(page);
    await openReport(page);
    await page.click('.view-tab:has-text("词频")');
    await page.waitForSelector('.chart canvas');
    const saved = async (button) => {
      const [download] = await Promise.all([page.waitForEvent('download'), page.click(`.chart ${button}`)]);
      return { name: download.suggestedFilename(), bytes: await readFile(await download.path()) };
    };
    const png = await saved('.chart-export-png');
    assert.match(png.name, /\.png$/);
    assert.deepEqual([...png.bytes.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const width = png.bytes.readUInt32BE(16);
    assert.ok(width >= 400, `the PNG is drawn at twice the chart's size (${width} px wide)`);

    const svg = await saved('.chart-export-svg');
    assert.match(svg.name, /\.svg$/);
    const drawing = svg.bytes.toString('utf8');
    assert.match(drawing, /^<svg[^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    const shown = await page.textContent('.file-item.selected .file-name');
    const seed = (await seedFiles()).find((file) => shown.includes(file.name.replace(/\.txt$/, '')));
    assert.ok(seed, `the open report 「${shown}」 is a seed`);
    const top = cliJson(['words', '--json', join(ROOT, 'seeds', seed.name)])[0].top[0].word;
    assert.ok(drawing.includes(`>${top}<`), `the SVG holds the most frequent word 「${top}」`);
    assert.deepEqual(session.pageErrors, []);
  });
});
