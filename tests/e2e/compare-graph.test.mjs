// The comparison as a graph (关系图) and the reader's shared text, with the
// samples loaded:
// - 关系图: one node per report, an edge for every pair whose larger share
//   (max of A→B and B→A, read off the heatmap) reaches the threshold, and
//   none below it — at the default 10 % and after the slider moves to 30 %;
//   an edge's tooltip gives both shares and the passage count, and clicking
//   the 000–002 edge opens the two side by side;
// - the reader: once the reports are compared, its info line gives the
//   report's own-text share (as the 比对 table does) and 「标出共有文字」,
//   off by default, shades the shared text — the 清廉文化 passage among it,
//   its tooltip naming the reports that share it — while words stay
//   clickable.
// Screenshots at 1366×768.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cspViolations, screenshot, waitForDictionary, waitForReports, withPage, openReport } from './browser.mjs';

/** The ECharts option of the chart in `selector`, as plain data. */
function chartOption(page, selector) {
  return page.evaluate((selector) => {
    const element = document.querySelector(`${selector} .chart-canvas`);
    const option = element && globalThis.echarts?.getInstanceByDom(element)?.getOption();
    return option ? JSON.parse(JSON.stringify(option)) : null;
  }, selector);
}

/** Pairs of report labels whose larger share, in the heatmap, is at least `percent`. */
function pairsAtLeast(heatmap, percent) {
  const labels = heatmap.yAxis[0].data;
  const share = new Map();
  for (const cell of heatmap.series[0].data) {
    const [x, y, value] = cell.value;
    if (value != null) share.set(`${y},${x}`, value);
  }
  const pairs = [];
  for (let a = 0; a < labels.length; a += 1) {
    for (let b = a + 1; b < labels.length; b += 1) {
      const larger = Math.max(share.get(`${a},${b}`) ?? 0, share.get(`${b},${a}`) ?? 0);
      if (larger > 0 && larger >= percent) pairs.push([labels[a], labels[b]].sort().join(' — '));
    }
  }
  return pairs.sort();
}

/** The graph's edges as "label — label", sorted. */
function graphPairs(graph) {
  const nodes = graph.series[0].data;
  return graph.series[0].links.map((link) =>
    [nodes[link.source].label.formatter, nodes[link.target].label.formatter].sort().join(' — ')).sort();
}

/** Moves the threshold slider to `percent` and waits for the graph to follow. */
async function setThreshold(page, percent) {
  await page.evaluate((percent) => {
    const slider = document.querySelector('.threshold-control input[type="range"]');
    slider.value = String(percent);
    slider.dispatchEvent(new Event('input', { bubbles: true }));
  }, percent);
  await page.waitForFunction((percent) =>
    document.querySelector('.threshold-control output')?.textContent === `${percent}%`, percent);
}

/**
 * Clicks the graph's edge between the nodes labelled with these prefixes,
 * at the point of it farthest from every node.
 */
async function clickEdge(page, first, second) {
  const point = await page.evaluate(([first, second]) => {
    const element = document.querySelector('.similarity-graph .chart-canvas');
    const chart = globalThis.echarts.getInstanceByDom(element);
    const data = chart.getModel().getSeriesByIndex(0).getData();
    const nodes = chart.getOption().series[0].data;
    const pixels = nodes.map((_, i) => chart.convertToPixel({ seriesIndex: 0 }, data.getItemLayout(i)));
    const index = (prefix) => nodes.findIndex((node) => node.label.formatter.startsWith(prefix));
    const [pa, pb] = [pixels[index(first)], pixels[index(second)]];
    let best = null;
    for (let t = 0.2; t <= 0.8; t += 0.05) {
      const [x, y] = [pa[0] + (pb[0] - pa[0]) * t, pa[1] + (pb[1] - pa[1]) * t];
      const room = Math.min(...pixels.map(([nx, ny], i) => Math.hypot(nx - x, ny - y) - nodes[i].symbolSize / 2));
      if (!best || room > best.room) best = { x, y, room };
    }
    const box = element.getBoundingClientRect();
    return { x: box.left + best.x, y: box.top + best.y };
  }, [first, second]);
  await page.mouse.click(point.x, point.y);
}

test('the seeds as a graph, and their shared text shaded in the reader', async () => {
  await withPage(async ({ page, errors }) => {
    await page.setViewportSize({ width: 1366, height: 768 });
    await waitForDictionary(page);
    await page.click('#load-samples');
    await waitForReports(page, 5);
    await openReport(page);
    await page.click('.view-tab:has-text("比对")');
    await page.waitForSelector('.compare-result', { timeout: 60_000 });
    await page.waitForFunction(() => document.querySelector('.similarity-heatmap .chart-canvas canvas'));
    const heatmap = await chartOption(page, '.similarity-heatmap');

    await page.click('.compare-mode:has-text("关系图")');
    await page.waitForFunction(() => document.querySelector('.similarity-graph .chart-canvas canvas'));
    let graph = await chartOption(page, '.similarity-graph');
    assert.equal(graph.series[0].data.length, 5, 'one node per report');
    const atTen = pairsAtLeast(heatmap, 10);
    assert.ok(atTen.length >= 3, `pairs sharing 10 %: ${atTen}`);
    assert.deepEqual(graphPairs(graph), atTen, 'an edge for every pair at or above 10 %, and no other');
    const edge = graph.series[0].links.find((link) => link.id === '0,2');
    assert.match(edge.tooltip.formatter, /前者 [\d.]+% 的文字见于后者\n后者 [\d.]+% 的文字见于前者\n共有段落 \d+ 段/);
    await screenshot(page, 'compare-graph-1366');

    await setThreshold(page, 30);
    await page.waitForFunction(() => /不低于 30%/.test(document.querySelector('.similarity-hint')?.textContent ?? ''));
    graph = await chartOption(page, '.similarity-graph');
    const atThirty = pairsAtLeast(heatmap, 30);
    assert.ok(atThirty.length < atTen.length && atThirty.length > 0, `${atThirty} of ${atTen}`);
    assert.deepEqual(graphPairs(graph), atThirty, 'the weaker edges are hidden');

    await clickEdge(page, '000', '002');
    await page.waitForSelector('.side-by-side');
    const names = await page.$$eval('.sbs-column .sbs-name', (nodes) => nodes.map((node) => node.textContent));
    assert.deepEqual(names.map((name) => name.slice(0, 3)).sort(), ['000', '002'], 'the edge opens its pair');
    await page.click('.sbs-header button:has-text("关闭")');
    await page.waitForSelector('.reader-scroll');

    // The reader of the selected report (000): its own-text share, as 比对 gives it.
    await page.click('.file-item:has-text("000_")');
    const ownInTable = await page.$$eval('.own-text tbody tr', (rows) => rows
      .find((row) => row.cells[0].textContent.startsWith('000_')).cells[2].textContent);
    const ownInReader = await page.textContent('.reader-own-text');
    assert.equal(ownInReader.trim(), `· 自有文字 ${ownInTable}`);
    assert.match(await page.getAttribute('.reader-own-text', 'title'), /不见于其他已载入报告/);
    assert.equal(await page.$$eval('.reader-body .shared-text', (spans) => spans.length), 0, 'off by default');

    await page.check('.reader-shade-toggle input');
    await page.waitForSelector('.reader-body .shared-text');
    const visible = await page.$$eval('.reader-body .reader-paragraph', (paragraphs) =>
      paragraphs.map((p) => p.textContent).join('').length);
    let shaded = await page.$$eval('.reader-body .shared-text', (spans) => spans.map((span) => span.textContent));
    const shadedChars = shaded.reduce((sum, text) => sum + text.length, 0);
    assert.ok(shadedChars > 0 && shadedChars < visible, `${shadedChars} of ${visible} characters shaded`);

    // The 清廉文化 passage, opened from the passage list, is shaded where the reader shows it.
    await page.click('.passage-list .passage:has(.passage-text:has-text("清廉文化氛围")) .occurrence-link:has-text("000_")');
    await page.waitForSelector('#reader-focus .shared-text');
    shaded = await page.$$eval('.reader-body .shared-text', (spans) =>
      spans.map((span) => ({ text: span.textContent, title: span.title })));
    const integrity = shaded.filter((span) => span.text.includes('清廉'));
    assert.ok(
      integrity.some((span) => ['001_', '002_', '004_'].every((name) => span.title.includes(name))),
      `the 清廉文化 passage is shaded, its tooltip naming 001, 002 and 004: ${JSON.stringify(integrity)}`,
    );
    await screenshot(page, 'reader-shared-text-1366');

    // A shaded word still opens its concordance.
    await page.click('.reader-body .w.shared-text >> nth=3');
    await page.waitForSelector('.concordance .kwic-line');
    await page.uncheck('.reader-shade-toggle input');
    await page.waitForFunction(() => document.querySelectorAll('.reader-body .shared-text').length === 0);
    assert.deepEqual(await cspViolations(page), []);
    assert.deepEqual(errors, []);
  });
});
