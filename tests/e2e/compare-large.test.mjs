// A large stack in the comparison view: 80 generated reports in 8 families
// of 10 (each family's reports share a long passage; families share
// nothing) are shown by groups — 8 groups of 10, labelled 「第 N 组（10 份）」
// — and zoomed into: a group's cell shows its 10 reports, all of one
// family; two groups' cell shows their 20; a group's label zooms like its
// cell; the trail leads back. The graph shows one scope's reports. Kept
// under a minute. Screenshots at 1366×768.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { mulberry32 } from '../../www/bench/mulberry32.js';
import { cspViolations, dropFiles, screenshot, waitForDictionary, waitForReports, withPage } from './browser.mjs';

const FAMILIES = 8;
const PER_FAMILY = 10;

const CHARACTERS = '的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严';

/** `count` characters drawn from CHARACTERS, with sentence punctuation. */
function prose(next, count) {
  let text = '';
  for (let i = 1; i <= count; i += 1) {
    text += CHARACTERS[Math.floor(next() * CHARACTERS.length)];
    if (i % 40 === 0) text += '。';
    else if (i % 13 === 0) text += '，';
  }
  return text;
}

/**
 * The stack: each report a family passage between two passages of its own,
 * the families interleaved, so that only the clustering can gather them.
 */
function stack() {
  const next = mulberry32(2024);
  const families = Array.from({ length: FAMILIES }, () => prose(next, 520));
  const files = [];
  for (let member = 0; member < PER_FAMILY; member += 1) {
    for (let family = 0; family < FAMILIES; family += 1) {
      const name = `家族${family + 1}_第${String(member + 1).padStart(2, '0')}份.txt`;
      const text = `述职报告\n一、工作情况\n${prose(next, 300)}\n${families[family]}\n二、下一步打算\n${prose(next, 300)}\n`;
      files.push({ name, text });
    }
  }
  return files;
}

/** The heatmap's option, as plain data. */
function heatmapOption(page) {
  return page.evaluate(() => {
    const element = document.querySelector('.similarity-heatmap .chart-canvas');
    const option = element && globalThis.echarts?.getInstanceByDom(element)?.getOption();
    return option ? JSON.parse(JSON.stringify(option)) : null;
  });
}

/** Waits until the heatmap's row labels satisfy `check` (a function source over `labels`). */
async function waitForLabels(page, predicate) {
  await page.waitForFunction((predicate) => {
    const element = document.querySelector('.similarity-heatmap .chart-canvas');
    const labels = element && globalThis.echarts?.getInstanceByDom(element)?.getOption()?.yAxis?.[0]?.data;
    return labels && new Function('labels', `return (${predicate})(labels)`)(labels);
  }, predicate.toString());
  return (await heatmapOption(page)).yAxis[0].data;
}

/** Clicks the heatmap cell at row `y`, column `x` (positions on the axes). */
async function clickCell(page, x, y) {
  const point = await page.evaluate(([x, y]) => {
    const element = document.querySelector('.similarity-heatmap .chart-canvas');
    const [px, py] = globalThis.echarts.getInstanceByDom(element).convertToPixel({ seriesIndex: 0 }, [x, y]);
    const box = element.getBoundingClientRect();
    return { x: box.left + px, y: box.top + py };
  }, [x, y]);
  await page.mouse.click(point.x, point.y);
}

/** Clicks the row label at position `y`, just left of the axis. */
async function clickRowLabel(page, y) {
  const point = await page.evaluate((y) => {
    const element = document.querySelector('.similarity-heatmap .chart-canvas');
    const chart = globalThis.echarts.getInstanceByDom(element);
    const [px, py] = chart.convertToPixel({ seriesIndex: 0 }, [0, y]);
    const rect = chart.getModel().getComponent('grid').coordinateSystem.getRect();
    const box = element.getBoundingClientRect();
    return { x: box.left + rect.x - 20, y: box.top + py, px };
  }, y);
  await page.mouse.click(point.x, point.y);
}

const isGroups = (labels) => labels.length > 0 && labels.every((label) => /^第 \d+ 组（\d+ 份）$/.test(label));
const familyOf = (label) => label.match(/^家族(\d+)_/)?.[1];

test('80 reports shown by groups of similar reports, and zoomed into', { timeout: 90_000 }, async () => {
  await withPage(async ({ page, errors }) => {
    await page.setViewportSize({ width: 1366, height: 768 });
    await waitForDictionary(page);
    await dropFiles(page, stack());
    await waitForReports(page, FAMILIES * PER_FAMILY, 60_000);
    await page.click('.view-tab:has-text("比对")');
    await page.waitForSelector('.compare-result', { timeout: 30_000 });

    const groups = await waitForLabels(page, (labels) => labels.every((label) => label.startsWith('第 ')));
    assert.deepEqual(groups, Array.from({ length: FAMILIES }, (_, g) => `第 ${g + 1} 组（${PER_FAMILY} 份）`));
    let option = await heatmapOption(page);
    const cell = (x, y) => option.series[0].data.find((item) => item.value[0] === x && item.value[1] === y);
    assert.ok(cell(2, 2).value[2] > 30, `a family's reports share much: ${cell(2, 2).value[2]}%`);
    assert.equal(cell(1, 2).value[2], 0, 'families share nothing');
    assert.match(cell(2, 2).tooltip.formatter, /组内两两平均 [\d.]+%/);
    assert.match(await page.textContent('.similarity-hint'), /80 份报告分为 8 组相近的报告/);
    assert.equal(await page.$$eval('.own-text tbody tr', (rows) => rows.length), 80);
    await screenshot(page, 'compare-groups-1366');

    // A group's cell: its ten reports, all of one family, report by report.
    await clickCell(page, 2, 2);
    let labels = await waitForLabels(page, (labels) => !labels[0].startsWith('第 '));
    assert.equal(labels.length, PER_FAMILY);
    assert.equal(new Set(labels.map(familyOf)).size, 1, `one family: ${labels}`);
    assert.equal(await page.$$eval('.own-text tbody tr', (rows) => rows.length), PER_FAMILY, 'the table follows the zoom');
    assert.match(await page.textContent('.zoom-trail'), /全部 80 份.*第 3 组（10 份）/);
    await screenshot(page, 'compare-groups-zoomed-1366');

    // In the zoomed heatmap a cell opens its pair.
    await clickCell(page, 1, 0);
    await page.waitForSelector('.side-by-side');
    await page.click('.sbs-header button:has-text("关闭")');

    // Back, then two groups' cell: their twenty reports, two families.
    await page.click('.zoom-back');
    await waitForLabels(page, (labels) => labels.length === 8 && labels[0].startsWith('第 '));
    await clickCell(page, 5, 0);
    labels = await waitForLabels(page, (labels) => !labels[0].startsWith('第 '));
    assert.equal(labels.length, 2 * PER_FAMILY);
    assert.equal(new Set(labels.map(familyOf)).size, 2, `two families: ${labels}`);

    // The graph shows the zoomed reports; the trail's first step leads back to all.
    await page.click('.compare-mode:has-text("关系图")');
    await page.waitForFunction(() => document.querySelector('.similarity-graph .chart-canvas canvas'));
    const nodes = await page.evaluate(() => globalThis.echarts
      .getInstanceByDom(document.querySelector('.similarity-graph .chart-canvas')).getOption().series[0].data.length);
    assert.equal(nodes, 2 * PER_FAMILY);
    await page.click('.zoom-level:has-text("全部 80 份")');
    await page.click('.compare-mode:has-text("热力图")');
    assert.ok(isGroups(await waitForLabels(page, (labels) => labels.length === 8 && labels[0].startsWith("第 "))));

    // A group's label zooms as its cell does, and so does its button.
    await clickRowLabel(page, 6);
    labels = await waitForLabels(page, (labels) => !labels[0].startsWith('第 '));
    assert.equal(labels.length, PER_FAMILY);
    assert.equal(new Set(labels.map(familyOf)).size, 1);
    assert.match(await page.textContent('.zoom-trail'), /第 7 组（10 份）/);
    await page.click('.zoom-level:has-text("全部 80 份")');
    await page.click('.group-chip:has-text("第 8 组（10 份）")');
    labels = await waitForLabels(page, (labels) => !labels[0].startsWith('第 '));
    assert.equal(new Set(labels.map(familyOf)).size, 1);
    assert.match(await page.textContent('.zoom-trail'), /第 8 组（10 份）/);
    assert.deepEqual(await cspViolations(page), []);
    assert.deepEqual(errors, []);
  });
});
