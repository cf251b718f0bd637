// Benchmark (run by hand, not in CI): how the page copes with a large drop.
// N generated reports of about 8,000 characters are written to a temporary
// folder and picked at once (the page's file input) on a page
// whose dictionary is ready; the script prints one JSON summary:
//
// - `analysedMillis`: from the drop to every report analysed (the file list
//   has no report 「分析中」 left);
// - `overviewMillis`: from the drop to the overview (the landing view)
//   listing all N reports;
// - `distinctiveMillis`: from the drop to the 特色词 panel listing the
//   first report's words against the N − 1 others, that report opened from
//   the list once the overview was ready;
// - `comparedMillis`: from the drop to the comparison of all N (which starts
//   by itself once every report is analysed, up to four million characters)
//   having answered, told by its worker ending (the script's clock, not the
//   page's); null when it did not start within 10 s of the distinctive words;
// - `peakMB`: the highest resident memory, anonymous memory and private
//   memory footprint of the tab's renderer process (the one with the most
//   anonymous memory: the page and its workers), sampled every 100 ms from
//   the drop to the comparison's end. The footprint is the tab's memory as
//   Chromium counts it on Linux (its task manager's 「内存占用空间」 / "Memory
//   footprint" column and its memory metrics: `CalculatePrivateFootprintKb`
//   in services/resource_coordinator/memory_instrumentation/
//   queued_request_dispatcher.cc): the process's anonymous resident memory
//   plus its swap, RssAnon + VmSwap of /proc/PID/status. The resident memory
//   adds the pages of the Chromium binary, its libraries and fonts, which
//   every Chromium process maps and shares;
// - `longTasks`: the page thread's long tasks (PerformanceObserver 'longtask':
//   more than 50 ms) from the drop on: the longest, how many, how many over
//   100 ms, and the eight longest with when they began after the drop;
// - `memory`: the page's JS heap (CDP Performance.getMetrics), its
//   ArrayBuffers, its wasm memory among them (CDP Runtime.getHeapUsage), each
//   worker's wasm memory (read through `self.gongwenMemoryBytes()`, which
//   www/worker.js and www/compare-worker.js define; absent in builds before
//   the pool), and the resident memory of Chromium's renderer processes (the
//   tab with its workers; `renderersMB` lists each one's resident and
//   anonymous memory, the latter without the shared pages of the Chromium
//   binary), in MB;
// - `messagesToPage`: what the workers posted to the page from the drop on
//   (count, total, largest and mean size), by worker script;
// - `pool`: how many reports each analysis worker analysed, from the file
//   list's `data-worker` attributes (absent before the pool).
//
// Usage, after `bash .ci/build-web`:
//
//   cd tests && node bench/analysis-browser.mjs [COUNT] [DIST]
//
// With PROFILE=1 in the environment, the page thread is profiled from the
// drop to the last analysis and the functions with the most self time are
// added (`pageThreadSelfMillis`; PROFILE_OUT=file.json also saves the CDP
// profile, whose call tree gives inclusive times); with TRACE=1, a Chromium trace is taken
// over the same span and each thread's busy time is added with the events
// that took it (`threadsBusyMillis`: per thread, its tasks' total and the
// longest-running kinds of event inside them; TRACE_OUT=file.json saves the
// trace for chrome://tracing or Perfetto); with SCREENSHOT=path.png, the window is
// saved when half the reports are analysed. COUNT defaults to 1,000; DIST (a built page, default ../dist) lets a saved
// build be measured the same way. The reports are made as in
// compare-browser.mjs: characters and sentences drawn from the seeds.
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startServer } from '../../www/serve.mjs';
import { ROOT, launchChromium, waitForPool } from '../e2e/browser.mjs';
import { xorshift } from './xorshift.mjs';

/** `count` reports of about `chars` characters: headings, seed sentences and drawn characters. */
async function syntheticReports(count, chars) {
  const dir = join(ROOT, 'seeds');
  const names = (await readdir(dir)).filter((name) => name.endsWith('.txt')).sort();
  const seeds = (await Promise.all(names.map((name) => readFile(join(dir, name), 'utf8')))).join('');
  const sentences = seeds.split(/(?<=。)/).map((s) => s.trim()).filter((s) => [...s].length > 10);
  const alphabet = [...new Set([...seeds].filter((c) => c >= '\u4e00' && c <= '\u9fff'))].sort();
  const numbers = ['一', '二', '三', '四', '五', '六'];
  const below = xorshift(0x2545f491);
  const reports = [];
  for (let index = 0; index < count; index += 1) {
    let text = `${index}号单位2023年度工作报告\n`;
    let length = 0;
    for (let section = 0; length < chars; section += 1) {
      text += `${numbers[section % numbers.length]}、第${section + 1}部分工作\n`;
      for (let paragraph = 0; paragraph < 4 && length < chars; paragraph += 1) {
        let body = '';
        for (let sentence = 0; sentence < 5; sentence += 1) {
          body += below(3) === 0
            ? Array.from({ length: 20 + below(40) }, () => alphabet[below(alphabet.length)]).join('') + '。'
            : sentences[below(sentences.length)];
        }
        length += [...body].length;
        text += body + '\n';
      }
    }
    reports.push({ name: `${String(index).padStart(4, '0')}.txt`, text });
  }
  return reports;
}

/**
 * Records the page's long tasks into window.__longTasks from the first script
 * on, and counts the bytes each kind of worker posts to the page into
 * window.__workerMessages (by script: worker.js, compare-worker.js).
 */
function recordLongTasks() {
  window.__longTasks = [];
  window.__workerMessages = {};
  const PageWorker = window.Worker;
  window.Worker = class extends PageWorker {
    constructor(url, options) {
      super(url, options);
      const script = String(url).split('/').pop();
      this.addEventListener('message', (event) => {
        const bytes = event.data?.byteLength;
        if (bytes === undefined || !window.__counting) return;
        const total = (window.__workerMessages[script] ??= { messages: 0, bytes: 0, largest: 0 });
        total.messages += 1;
        total.bytes += bytes;
        total.largest = Math.max(total.largest, bytes);
      });
    }
  };
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) window.__longTasks.push({ start: entry.startTime, duration: entry.duration });
  }).observe({ type: 'longtask', buffered: true });
}

/**
 * The browser's renderer processes (Linux /proc): each one's resident memory,
 * its anonymous part (the heaps and wasm memories, without the shared pages
 * of the Chromium binary and fonts) and its private memory footprint as
 * Chromium counts it (anonymous plus swapped out), in bytes.
 */
async function rendererProcesses(browserPid) {
  const processes = [];
  for (const pid of await readdir('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      const command = await readFile(`/proc/${pid}/cmdline`, 'utf8');
      const status = await readFile(`/proc/${pid}/status`, 'utf8');
      const parent = Number(/PPid:\s+(\d+)/.exec(status)?.[1]);
      if (!command.includes('--type=renderer') || !(await descendsFrom(parent, browserPid))) continue;
      const kilobytes = (field) => Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)?.[1] ?? 0) * 1024;
      processes.push({
        resident: kilobytes('VmRSS'),
        anonymous: kilobytes('RssAnon'),
        footprint: kilobytes('RssAnon') + kilobytes('VmSwap'),
      });
    } catch {
      // The process ended meanwhile.
    }
  }
  return processes;
}

async function descendsFrom(pid, ancestor) {
  for (let depth = 0; pid > 1 && depth < 8; depth += 1) {
    if (pid === ancestor) return true;
    const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => '');
    pid = Number(/PPid:\s+(\d+)/.exec(status)?.[1] ?? 0);
  }
  return pid === ancestor;
}

/** The Chromium this script launched: the child of this process without a `--type`. */
async function browserPid() {
  for (const pid of await readdir('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => '');
    const command = await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '');
    if (Number(/PPid:\s+(\d+)/.exec(status)?.[1]) === process.pid && !command.includes('--type=')) return Number(pid);
  }
  return 0;
}

/** The functions of a CDP CPU profile with the most self time, in ms. */
function selfTimes(profile) {
  const interval = (profile.endTime - profile.startTime) / 1000 / Math.max(1, profile.samples.length);
  const byName = new Map();
  for (const node of profile.nodes) {
    const { functionName, url, lineNumber } = node.callFrame;
    const name = `${functionName || '(anonymous)'} ${url.split('/').pop()}:${lineNumber}`;
    byName.set(name, (byName.get(name) ?? 0) + node.hitCount * interval);
  }
  return Object.fromEntries([...byName].sort((a, b) => b[1] - a[1]).slice(0, 25).map(([name, ms]) => [name, Math.round(ms)]));
}

const mb = (bytes) => Math.round(bytes / 1048576);

/**
 * Each thread's busy time in a Chromium trace: the total of its top-level
 * tasks and, inside them, the kinds of event with the most time (nested
 * events count in each kind that holds them), in ms.
 */
function threadsBusy(trace) {
  const events = JSON.parse(trace.toString('utf8')).traceEvents;
  const names = new Map();
  for (const event of events) {
    if (event.ph === 'M' && event.name === 'thread_name') names.set(`${event.pid}:${event.tid}`, event.args.name);
  }
  const threads = new Map();
  for (const event of events) {
    if (event.ph !== 'X' || !event.dur) continue;
    const thread = names.get(`${event.pid}:${event.tid}`) ?? 'other';
    if (!/CrRendererMain|DedicatedWorker/.test(thread)) continue;
    const key = `${thread} ${event.pid}:${event.tid}`;
    const summary = threads.get(key) ?? { tasks: 0, kinds: new Map() };
    if (event.name === 'ThreadControllerImpl::RunTask' || event.name === 'RunTask') summary.tasks += event.dur;
    else summary.kinds.set(event.name, (summary.kinds.get(event.name) ?? 0) + event.dur);
    threads.set(key, summary);
  }
  const ms = (micros) => Math.round(micros / 1000);
  return Object.fromEntries([...threads].filter(([, summary]) => summary.tasks > 50_000).map(([key, summary]) => [key, {
    tasks: ms(summary.tasks),
    kinds: Object.fromEntries([...summary.kinds].sort((a, b) => b[1] - a[1]).slice(0, 12).map(([name, dur]) => [name, ms(dur)])),
  }]));
}

async function measure(count, dist) {
  const reports = await syntheticReports(count, 8_000);
  const folder = await mkdtemp(join(tmpdir(), 'gongwen-bench-'));
  const paths = [];
  let bytes = 0;
  for (const report of reports) {
    const path = join(folder, report.name);
    await writeFile(path, report.text);
    paths.push(path);
    bytes += Buffer.byteLength(report.text);
  }
  const { server, url } = await startServer(dist);
  const browser = await launchChromium();
  try {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
    await context.addInitScript(recordLongTasks);
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (error) => errors.push(String(error)));
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    await page.goto(url);
    await waitForPool(page);
    if (process.env.PROFILE) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 1000 });
      await cdp.send('Profiler.start');
    }
    // The reports are picked from disk through the page's file input, as a
    // user picks them: the tab holds File handles, not the texts (handing
    // the texts to the page from the script would leave tens of megabytes of
    // strings in its heap and inflate the memory measured).
    if (process.env.TRACE) {
      await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8'] });
    }
    await page.evaluate(() => {
      window.__longTasks = [];
      window.__counting = true;
    });
    // The comparison's worker ends once it has answered (the keyness
    // worker, the other of that script, stays).
    const comparedAt = new Promise((compared) => {
      page.on('worker', (worker) => {
        if (worker.url().endsWith('compare-worker.js')) worker.on('close', () => compared(Date.now()));
      });
    });
    const peak = { resident: 0, anonymous: 0, footprint: 0 };
    let sampling = true;
    const sampler = (async (pid) => {
      while (sampling) {
        const tab = (await rendererProcesses(pid)).reduce((most, r) => (r.anonymous > most.anonymous ? r : most), peak);
        peak.resident = Math.max(peak.resident, tab.resident);
        peak.anonymous = Math.max(peak.anonymous, tab.anonymous);
        peak.footprint = Math.max(peak.footprint, tab.footprint);
        await new Promise((wait) => setTimeout(wait, 100));
      }
    })(await browserPid());
    const startedHere = Date.now();
    const started = await page.evaluate(() => performance.now());
    await page.setInputFiles('#file-input', paths);
    const dropped = { started, bytes };
    await page.evaluate((started) => { window.__dropped = started; }, started);
    if (process.env.SCREENSHOT) {
      // The progress bar half way through.
      await page.waitForFunction((half) => Number(document.querySelector('.analysis-count')?.dataset.finished) >= half,
        Math.floor(count / 2), { timeout: 30 * 60_000, polling: 100 });
      await page.screenshot({ path: process.env.SCREENSHOT });
    }
    const analysedAt = await page.waitForFunction((count) => {
      const items = document.querySelectorAll('.file-item');
      if (items.length !== count) return false;
      for (const item of items) if (item.dataset.status === 'analyzing') return false;
      return performance.now();
    }, count, { timeout: 30 * 60_000, polling: 50 }).then((handle) => handle.jsonValue());
    const rawProfile = process.env.PROFILE ? (await cdp.send('Profiler.stop')).profile : undefined;
    if (rawProfile && process.env.PROFILE_OUT) await writeFile(process.env.PROFILE_OUT, JSON.stringify(rawProfile));
    const profile = rawProfile ? selfTimes(rawProfile) : undefined;
    const trace = process.env.TRACE ? await browser.stopTracing() : undefined;
    if (trace && process.env.TRACE_OUT) await writeFile(process.env.TRACE_OUT, trace);
    const busy = trace ? threadsBusy(trace) : undefined;
    // The landing view: the overview lists every report.
    const overviewAt = await page.waitForFunction((count) => (
      document.querySelector(`.overview-table[aria-rowcount="${count + 1}"]`) ? performance.now() : false
    ), count, { timeout: 10 * 60_000, polling: 50 }).then((handle) => handle.jsonValue());
    // Then the first report opened: its distinctive words against the others.
    await page.click('.file-item >> nth=0');
    const distinctiveAt = await page.waitForFunction((others) => {
      const title = document.querySelector('.keyness-panel .list-title')?.textContent ?? '';
      return title.includes(`其余 ${others} 份`) && document.querySelector('.keyness-panel .distinctive, .keyness-panel .keyness-empty')
        ? performance.now() : false;
    }, count - 1, { timeout: 10 * 60_000, polling: 50 }).then((handle) => handle.jsonValue());
    // A stack above the page's BACKGROUND_COMPARISON_CHARS is compared only
    // when asked: null then.
    const comparedMillis = await Promise.race([comparedAt, new Promise((late) => setTimeout(late, 10_000, null))])
      .then((at) => (at === null ? null : at - startedHere));
    sampling = false;
    await sampler;
    // Let late renders land in the long-task list.
    await page.waitForTimeout(1_000);
    const longTasks = await page.evaluate(() => window.__longTasks.filter((task) => task.start >= window.__dropped));
    const { metrics } = await cdp.send('Performance.getMetrics');
    const metric = (name) => metrics.find((m) => m.name === name)?.value ?? 0;
    const workerMemory = {};
    for (const worker of page.workers()) {
      const bytes = await worker.evaluate(() => self.gongwenMemoryBytes?.() ?? null).catch(() => null);
      const script = worker.url().split('/').pop();
      if (bytes !== null) (workerMemory[script] ??= []).push(mb(bytes));
    }
    const heapUsage = await cdp.send('Runtime.getHeapUsage').catch(() => ({}));
    const messages = await page.evaluate(() => window.__workerMessages);
    const pool = await page.$$eval('.file-item', (items) => {
      const counts = {};
      for (const item of items) if (item.dataset.worker) counts[item.dataset.worker] = (counts[item.dataset.worker] ?? 0) + 1;
      return counts;
    });
    const durations = longTasks.map((task) => Math.round(task.duration)).sort((a, b) => b - a);
    const longest = [...longTasks].sort((a, b) => b.duration - a.duration).slice(0, 8)
      .map((task) => ({ millis: Math.round(task.duration), afterDropMillis: Math.round(task.start - dropped.started) }));
    return {
      reports: count,
      megabytes: Number((dropped.bytes / 1e6).toFixed(1)),
      hardwareConcurrency: await page.evaluate(() => navigator.hardwareConcurrency),
      analysedMillis: Math.round(analysedAt - dropped.started),
      overviewMillis: Math.round(overviewAt - dropped.started),
      distinctiveMillis: Math.round(distinctiveAt - dropped.started),
      comparedMillis,
      peakMB: { resident: mb(peak.resident), anonymous: mb(peak.anonymous), footprint: mb(peak.footprint) },
      longTasks: {
        longestMillis: durations[0] ?? 0,
        count: durations.length,
        over100: durations.filter((d) => d > 100).length,
        longest,
      },
      memory: {
        jsHeapUsedMB: mb(metric('JSHeapUsedSize')),
        jsHeapTotalMB: mb(metric('JSHeapTotalSize')),
        pageArrayBuffersMB: heapUsage.backingStorageSize === undefined ? null : mb(heapUsage.backingStorageSize),
        pageWasmMB: await page.evaluate(() => globalThis.gongwenMemoryBytes?.() ?? null).then((bytes) => bytes === null ? null : mb(bytes)),
        workersWasmMB: workerMemory,
        ...(await rendererProcesses(await browserPid()).then((renderers) => ({
          rendererResidentMB: mb(renderers.reduce((sum, r) => sum + r.resident, 0)),
          renderersMB: renderers.map((r) => ({ resident: mb(r.resident), anonymous: mb(r.anonymous), footprint: mb(r.footprint) })),
        }))),
      },
      pool,
      messagesToPage: Object.fromEntries(Object.entries(messages).map(([script, total]) => [script, {
        messages: total.messages,
        totalMB: Number((total.bytes / 1048576).toFixed(1)),
        largestKB: Math.round(total.largest / 1024),
        meanKB: Math.round(total.bytes / Math.max(1, total.messages) / 1024),
      }])),
      errors,
      ...(profile ? { pageThreadSelfMillis: profile } : {}),
      ...(busy ? { threadsBusyMillis: busy } : {}),
    };
  } finally {
    await browser.close();
    await new Promise((done) => server.close(done));
    await rm(folder, { recursive: true, force: true });
  }
}

const count = Number(process.argv[2] ?? 1_000);
const dist = resolve(process.argv[3] ?? join(ROOT, 'dist'));
console.log(JSON.stringify(await measure(count, dist), null, 2));
