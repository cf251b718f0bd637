// What a reviewer checks, on the samples at 1366×768 and 1920×1080:
// - 校对 lists, report by report, exactly what `gongwen lint --json` finds
//   (kind, line, text as written: seed 004's 围绕围绕, 深入深入, 新时达), each
//   kind's toggle counting its findings, the formulation kinds first; a row
//   opens the reader at its finding, marked there;
// - the reader marks seed 002's figure 「65次」 (what it counts on hover) and
//   its doubled 「。。」, and its layer toggles take the marks away;
// - switching a kind off hides its rows and its reader marks, 仅警告 leaves
//   only warnings, and the choice survives a reload;
// - 结构 shows every report with the parts and flags of
//   `gongwen structure --json`: seed 004 without 问题 and 打算, seed 002 with
//   its 打算, which opens the reader where it starts.
// Screenshots of each view and of the marked reader at both sizes.
import assert from 'node:assert/strict';
import { basename, join } from 'node:path';
import { readFile } from 'node:fs/promises';
import { test } from 'node:test';
import {
  ROOT, cliJson, cspViolations, dropFiles, screenshot, seedFiles, waitForDictionary, waitForReports, withPage,
} from './browser.mjs';

/** What the CLI prints for `command --json` over the seeds, in name order. */
async function cli(command) {
  const seeds = (await seedFiles()).map((seed) => `seeds/${seed.name}`);
  return cliJson([command, '--json', ...seeds]);
}

/** The 校对 list as { report, count, findings: [{ kind, line, text, severity }] } per report. */
function lintList(page) {
  return page.$$eval('.lint-report', (reports) => reports.map((report) => ({
    report: report.dataset.report,
    count: report.querySelector('.lint-report-count').textContent,
    findings: [...report.querySelectorAll('.lint-finding')].map((row) => ({
      kind: row.dataset.kind,
      line: Number(row.dataset.line),
      text: row.querySelector('.lint-text').textContent,
      severity: row.classList.contains('warning') ? 'warning' : 'info',
    })),
  })));
}

/** The reader's figures: the text of each (its runs joined) with its tooltip. */
function readerFigures(page) {
  return page.$$eval('.reader-body .figure-mark', (spans) => {
    const figures = new Map();
    for (const span of spans) {
      const figure = figures.get(span.dataset.figure) ?? { text: '', title: span.title };
      figure.text += span.textContent;
      figures.set(span.dataset.figure, figure);
    }
    return [...figures.values()];
  });
}

/** The reader's marks of findings of `kind`: their texts and tooltips. */
function readerFindings(page, kind) {
  return page.$$eval(`.reader-body [data-lint~="${kind}"]`, (spans) =>
    spans.map((span) => ({ text: span.textContent, title: span.title })));
}

/** Loads the samples and waits for their analyses. */
async function loadSamples(page) {
  await waitForDictionary(page);
  await page.click('#load-samples');
  await waitForReports(page, 5);
}

/** Opens report `prefix` (e.g. '002_') in the reader. */
async function openReport(page, prefix) {
  await page.click(`.file-item:has-text("${prefix}")`);
  await page.waitForFunction((prefix) => document.querySelector('.reader-header h2')?.textContent.startsWith(prefix), prefix);
}

/**
 * Scrolls the reader down until the paragraph of source line `line` is
 * rendered (the reader renders only what is on screen) and centres it.
 */
async function scrollReaderTo(page, line) {
  const selector = `.reader-body .reader-paragraph[data-line="${line}"]`;
  await page.$eval('.reader-scroll', (scroller) => { scroller.scrollTop = 0; });
  for (let step = 0; step < 100 && !(await page.$(selector)); step += 1) {
    await page.$eval('.reader-scroll', (scroller) => { scroller.scrollTop += scroller.clientHeight / 2; });
    await page.waitForTimeout(50);
  }
  await page.$eval(selector, (paragraph) => paragraph.scrollIntoView({ block: 'center' }));
}

/** The check ids a structure flag of the CLI fails. */
const CHECK_OF_FLAG = {
  no_problems: 'problems',
  problems_too_short: 'problems-length',
  problems_generic: 'problems-specific',
  no_plans: 'plans',
  plans_repeat_achievements: 'plans-distinct',
};

for (const [width, height] of [[1366, 768], [1920, 1080]]) {
  test(`校对, 结构 and the reader's marks at ${width}×${height}`, async () => {
    await withPage(async ({ page, errors }) => {
      await page.setViewportSize({ width, height });
      await loadSamples(page);
      const lint = await cli('lint');
      const names = lint.map((record) => basename(record.file));

      // 校对: the CLI's findings, report by report, in text order.
      await page.click('.view-tab:has-text("校对")');
      await page.waitForSelector('.lint-panel');
      const listed = await lintList(page);
      assert.deepEqual(listed.map((report) => report.report), names);
      assert.deepEqual(
        listed.map((report) => report.findings.map(({ kind, line, text }) => ({ kind, line, text }))),
        lint.map((record) => record.diagnostics.map(({ kind, line, text }) => ({ kind, line, text }))),
      );
      assert.deepEqual(listed.map((report) => report.count), lint.map((record) => `${record.diagnostics.length} 处`));
      const seed004 = listed.find((report) => report.report.startsWith('004_'));
      for (const text of ['围绕围绕', '深入深入', '新时达']) {
        assert.ok(seed004.findings.some((finding) => finding.text === text), `004 lists ${text}`);
      }
      // One toggle per kind with its count, the four formulation kinds first.
      const toggles = await page.$$eval('.lint-kind', (labels) => labels.map((label) => ({
        kind: label.dataset.kind,
        count: Number(label.querySelector('.lint-kind-count').textContent),
        serious: label.classList.contains('serious'),
        on: label.querySelector('input').checked,
      })));
      assert.equal(toggles.length, 13);
      assert.deepEqual(toggles.map((toggle) => toggle.serious), [...Array(13).keys()].map((index) => index < 4));
      assert.ok(toggles.every((toggle) => toggle.on), 'every kind is on at first');
      const all = lint.flatMap((record) => record.diagnostics);
      for (const toggle of toggles) {
        assert.equal(toggle.count, all.filter((finding) => finding.kind === toggle.kind).length, toggle.kind);
      }
      await screenshot(page, `review-lint-${width}`);

      // A row opens the reader at its finding, marked there.
      await page.click('.lint-report[data-report^="004_"] .lint-finding:has(.lint-text:text-is("新时达"))');
      await page.waitForFunction(() => document.querySelector('#reader-focus')?.textContent === '新时达');
      assert.match(await page.textContent('.reader-header h2'), /^004_/);
      const typo = await readerFindings(page, 'typo');
      assert.ok(typo.some((mark) => mark.text.includes('新时') && mark.title.includes('新时代')), JSON.stringify(typo));

      // Seed 002: the figure 65次 and the doubled 。。 marked in the reader.
      await openReport(page, '002_');
      const figures = await readerFigures(page);
      const meetings = figures.find((figure) => figure.text === '65次');
      assert.ok(meetings, `65次 is marked: ${JSON.stringify(figures.map((figure) => figure.text))}`);
      assert.match(meetings.title, /数值：65；单位：次/);
      assert.match(meetings.title, /计数对象：召开党组会/);
      const doubledLine = lint[2].diagnostics.find((finding) => finding.kind === 'doubled_punctuation').line;
      await scrollReaderTo(page, doubledLine);
      const doubled = await readerFindings(page, 'doubled_punctuation');
      assert.deepEqual(doubled.map((mark) => mark.text), ['。。']);
      assert.match(doubled[0].title, /重复标点（警告）：标点「。」重复\n建议：。/);
      assert.equal(await page.$$eval('.reader-body .lint-mark.lint-warning', (spans) => spans.length), 1);
      await screenshot(page, `reader-marks-${width}`);
      // The reader's layer toggles take their marks away and bring them back.
      await page.uncheck('.reader-figures-toggle input');
      await page.waitForFunction(() => !document.querySelector('.reader-body .figure-mark'));
      assert.equal((await readerFindings(page, 'doubled_punctuation')).length, 1, 'the lint marks stay');
      await page.uncheck('.reader-lint-toggle input');
      await page.waitForFunction(() => !document.querySelector('.reader-body .lint-mark'));
      await page.check('.reader-figures-toggle input');
      await page.check('.reader-lint-toggle input');
      await page.waitForSelector('.reader-body .figure-mark');
      await page.waitForSelector('.reader-body .lint-mark');

      // Switching 重复标点 off hides its rows and its reader mark.
      await page.uncheck('.lint-kind[data-kind="doubled_punctuation"] input');
      await page.waitForFunction(() => !document.querySelector('.lint-finding[data-kind="doubled_punctuation"]'));
      assert.deepEqual(await readerFindings(page, 'doubled_punctuation'), []);
      assert.equal(await page.textContent('.reader-lint-toggle .layer-count'), String(lint[2].diagnostics.length - 1));
      assert.match(await page.textContent('.lint-summary'), new RegExp(`共 ${all.length} 处，列出 ${all.length - 1} 处`));
      // 仅警告 leaves only warnings.
      await page.click('.lint-severity .chip:has-text("仅警告")');
      const warnings = (await lintList(page)).flatMap((report) => report.findings);
      assert.deepEqual(
        warnings.map(({ kind, line, text }) => ({ kind, line, text })),
        all.filter((f) => f.severity === 'warning' && f.kind !== 'doubled_punctuation').map(({ kind, line, text }) => ({ kind, line, text })),
      );
      assert.ok(warnings.every((finding) => finding.severity === 'warning'));
      await page.click('.lint-severity .chip:has-text("全部")');

      // The choice survives a reload.
      await page.reload();
      await loadSamples(page);
      await page.click('.view-tab:has-text("校对")');
      await page.waitForSelector('.lint-panel');
      assert.equal(await page.isChecked('.lint-kind[data-kind="doubled_punctuation"] input'), false);
      assert.equal(await page.isChecked('.lint-kind[data-kind="typo"] input'), true);
      assert.equal(await page.$$eval('.lint-finding[data-kind="doubled_punctuation"]', (rows) => rows.length), 0);
      assert.equal((await lintList(page)).flatMap((report) => report.findings).length, all.length - 1);
      await openReport(page, '002_');
      await scrollReaderTo(page, doubledLine);
      await page.waitForSelector('.reader-body .figure-mark');
      assert.ok((await page.textContent('.reader-body')).includes('。。'), 'the text is there');
      assert.deepEqual(await readerFindings(page, 'doubled_punctuation'), []);

      // 结构: every report with the CLI's parts and flags.
      const structure = await cli('structure');
      await page.click('.view-tab:has-text("结构")');
      await page.waitForSelector('.structure-check-panel');
      const rows = await page.$$eval('.structure-check-row', (rows) => rows.map((row) => ({
        report: row.dataset.report,
        segments: [...row.querySelectorAll('.share-segment')].map((rect) => [...rect.classList].find((c) => c.startsWith('segment-')).slice(8)),
        checks: Object.fromEntries([...row.querySelectorAll('.check')].map((check) => [check.dataset.check, {
          outcome: check.dataset.outcome,
          share: check.querySelector('.check-share')?.textContent ?? null,
          message: check.querySelector('.check-message')?.textContent ?? null,
        }])),
      })));
      assert.deepEqual(rows.map((row) => row.report), names);
      for (const [index, record] of structure.entries()) {
        const row = rows[index];
        const failed = Object.entries(row.checks).filter(([, check]) => check.outcome === 'failed').map(([id]) => id);
        assert.deepEqual(failed.sort(), record.flags.map((flag) => CHECK_OF_FLAG[flag]).sort(), row.report);
        for (const part of record.parts) {
          assert.ok(row.segments.includes(part.part), `${row.report} shows its ${part.part}`);
          const shown = Number.parseFloat(row.checks[part.part].share);
          assert.ok(Math.abs(shown - part.share * 100) < 0.11, `${row.report} ${part.part}: ${shown}% against ${part.share}`);
        }
        assert.equal(row.segments.filter((segment) => ['achievements', 'problems', 'plans'].includes(segment)).length, record.parts.length);
      }
      const row004 = rows.find((row) => row.report.startsWith('004_'));
      assert.ok(!row004.segments.includes('problems') && !row004.segments.includes('plans'), '004 has no 问题 and no 打算');
      assert.equal(row004.checks.problems.outcome, 'failed');
      assert.equal(row004.checks.problems.message, '没有写存在的问题');
      assert.equal(row004.checks.plans.outcome, 'failed');
      assert.equal(row004.checks['problems-length'].outcome, 'na');
      const row002 = rows.find((row) => row.report.startsWith('002_'));
      assert.equal(row002.checks.plans.outcome, 'passed');
      assert.ok(row002.segments.includes('plans'));
      await screenshot(page, `review-structure-${width}`);
      // 002's 打算 opens the reader where it starts.
      const plans = structure[2].parts.find((part) => part.part === 'plans');
      await openReport(page, '000_');
      await page.click('.structure-check-row[data-report^="002_"] .check[data-check="plans"] .check-link');
      await page.waitForFunction(() => document.querySelector('.reader-header h2')?.textContent.startsWith('002_'));
      await page.waitForSelector('#reader-focus');
      const focusLine = await page.$eval('#reader-focus', (mark) => mark.closest('.reader-paragraph').dataset.line);
      assert.equal(Number(focusLine), plans.line);

      assert.deepEqual(await cspViolations(page), []);
      assert.deepEqual(errors, []);
    });
  });
}

test('formulations quoted wrong are listed first, as the CLI finds them, and marked in the reader', async () => {
  const name = '2023-misquoted-formulations.txt';
  const path = join(ROOT, 'tests/fixtures/lint', name);
  const [record] = cliJson(['lint', '--json', path]);
  const formulationKinds = ['formulation_count', 'formulation_member', 'formulation_near_miss', 'formulation_outdated'];
  const expected = record.diagnostics.filter((finding) => formulationKinds.includes(finding.kind));
  assert.equal(expected.length, 7, 'the fixture misquotes seven formulations');
  await withPage(async ({ page, errors }) => {
    await page.setViewportSize({ width: 1366, height: 768 });
    await waitForDictionary(page);
    await dropFiles(page, [{ name, text: await readFile(path, 'utf8') }]);
    await waitForReports(page, 1);
    await page.click('.view-tab:has-text("校对")');
    await page.waitForSelector('.lint-panel');
    const [listed] = await lintList(page);
    const formulations = listed.findings.filter((finding) => formulationKinds.includes(finding.kind));
    assert.deepEqual(
      formulations.map(({ kind, line, text }) => ({ kind, line, text })),
      expected.map(({ kind, line, text }) => ({ kind, line, text })),
    );
    assert.ok(formulations.every((finding) => finding.severity === 'warning'));
    // Each formulation kind's toggle counts its findings.
    const counts = await page.$$eval('.lint-kind', (labels) => Object.fromEntries(labels.map((label) =>
      [label.dataset.kind, Number(label.querySelector('.lint-kind-count')?.textContent ?? NaN)])));
    for (const kind of formulationKinds) {
      assert.equal(counts[kind], expected.filter((finding) => finding.kind === kind).length, kind);
    }
    // The near miss is marked in the reader, its tooltip naming the canonical form.
    await page.click('.lint-finding[data-kind="formulation_near_miss"]');
    const marks = await readerFindings(page, 'formulation_near_miss');
    assert.ok(marks.some((mark) => mark.text.includes('社会主意') && mark.title.includes('习近平新时代中国特色社会主义思想')), JSON.stringify(marks));
    await screenshot(page, 'review-formulations-1366');
    assert.deepEqual(await cspViolations(page), []);
    assert.deepEqual(errors, []);
  });
});
