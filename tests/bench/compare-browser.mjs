// Benchmark (run by hand, not in CI): how long the page's comparison worker
// takes to compare N synthetic reports of about 10,000 characters, and how
// much memory it holds afterwards. Usage, after `bash .ci/build-web`:
//
//   cd tests && node bench/compare-browser.mjs 100 1000
//
// Each report is mostly its own text (characters drawn from the seeds'),
// a fifth sentences drawn from the seeds (shared by many reports, some with
// 2023 changed to 2022) and one template sentence shared by all — the same
// recipe as crates/gongwen-core/benches/compare.rs. The reports are dropped
// on the page in batches, analysed by the analysis worker, then the 比对 tab
// is opened; the script prints the comparison worker's own time, the time
// from the click to the heatmap, and the worker's wasm memory.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ROOT, dropFiles, openPage, waitForDictionary, waitForReports } from '../e2e/browser.mjs';
import { xorshift } from './xorshift.mjs';

async function syntheticReports(count) {
  const dir = join(ROOT, 'seeds');
  const names = (await readdir(dir)).filter((name) => name.endsWith('.txt')).sort();
  const seeds = (await Promise.all(names.map((name) => readFile(join(dir, name), 'utf8')))).join('');
  const sentences = seeds.split(/(?<=。)/).filter((s) => [...s].length > 10);
  const alphabet = [...new Set([...seeds].filter((c) => c >= '\u4e00' && c <= '\u9fff'))].sort();
  const template = '坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻落实上级各项决策部署，对标对表年度目标任务，压紧压实工作责任，确保各项工作落地见效。';
  const below = xorshift(0x9e3779b9);
  const reports = [];
  for (let index = 0; index < count; index += 1) {
    let text = `${index}号单位2023年度工作报告\n一、主要工作\n${template}\n`;
    let chars = 0;
    while (chars < 10_000) {
      let paragraph;
      if (below(5) === 0) {
        const sentence = sentences[below(sentences.length)];
        paragraph = below(3) === 0 ? sentence.replaceAll('2023', '2022') : sentence;
      } else {
        const length = 40 + below(120);
        paragraph = Array.from({ length }, () => alphabet[below(alphabet.length)]).join('') + '。';
      }
      chars += [...paragraph].length;
      text += paragraph;
      if (below(4) === 0) text += '\n';
    }
    reports.push({ name: `${String(index).padStart(4, '0')}.txt`, text });
  }
  return reports;
}

async function measure(count) {
  const session = await openPage();
  const { page } = session;
  try {
    await waitForDictionary(page);
    const reports = await syntheticReports(count);
    const loadStarted = Date.now();
    for (let at = 0; at < reports.length; at += 100) {
      await dropFiles(page, reports.slice(at, at + 100));
    }
    await waitForReports(page, count, 30 * 60_000);
    const analysed = (Date.now() - loadStarted) / 1000;
    const started = Date.now();
    await page.click('.view-tab:has-text("比对")');
    await page.waitForSelector('.compare-result', { timeout: 10 * 60_000 });
    const wall = (Date.now() - started) / 1000;
    const summary = await page.$eval('.compare-summary', (p) => ({ millis: Number(p.dataset.millis), memory: Number(p.dataset.memory), text: p.textContent }));
    console.log(`${count} reports: analysed in ${analysed.toFixed(1)} s; compared in ${(summary.millis / 1000).toFixed(2)} s in the worker, `
      + `${wall.toFixed(2)} s from the click to the heatmap; worker memory ${(summary.memory / 1048576).toFixed(0)} MB`);
    console.log(`  ${summary.text}`);
  } finally {
    await session.close();
  }
}

const counts = process.argv.slice(2).map(Number).filter((n) => n > 1);
for (const count of counts.length ? counts : [100]) {
  await measure(count);
}
