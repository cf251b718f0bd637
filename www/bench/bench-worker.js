// The benchmark worker: generates the corpora, then times, text by text,
// raw jieba-rs cut, our per-report analysis and jieba-wasm's cut plus word
// counting in JavaScript, all in this one worker, one after the other.
import initOurs, { benchPrepare, benchCut, benchAnalyze } from './gongwen_wasm.js';
import initJiebaWasm, { cut as jiebaWasmCut } from './jieba/jieba_rs_wasm.js';
import { mulberry32 } from './mulberry32.js';

const SEEDS = ['000_75e6ea62ff7e3e22.txt', '001_f49475697f059043.txt', '002_d150bcfd3ac612c2.txt',
  '003_540348e18545790a.txt', '004_94ecaff50fb68a60.txt'];
const CHARS_PER_REPORT = 8000;

/** `count` reports of about 8,000 characters from the seeds' paragraphs, shuffled and lightly changed. */
function corpus(paragraphs, count) {
  const next = mulberry32(20261122 + count);
  const reports = [];
  for (let index = 0; index < count; index += 1) {
    const lines = [`2023年度述职报告（${index + 1}）`];
    let size = 0;
    while (size < CHARS_PER_REPORT) {
      const chars = [...paragraphs[Math.floor(next() * paragraphs.length)]];
      for (let swap = 0; swap < chars.length / 50; swap += 1) {
        const a = Math.floor(next() * chars.length);
        const b = Math.floor(next() * chars.length);
        [chars[a], chars[b]] = [chars[b], chars[a]];
      }
      lines.push(chars.join(''));
      size += chars.length;
    }
    reports.push(lines.join('\n'));
  }
  return reports;
}

/** Milliseconds `work` takes over every text. */
function timed(texts, work) {
  const start = performance.now();
  let sink = 0;
  for (const text of texts) sink += work(text);
  const elapsed = performance.now() - start;
  if (sink < 0) throw new Error('unreachable');
  return elapsed;
}

/** jieba-wasm's cut plus word frequencies counted in JavaScript. */
function jiebaWasmWords(text) {
  const counts = new Map();
  for (const word of jiebaWasmCut(text, true)) counts.set(word, (counts.get(word) ?? 0) + 1);
  return counts.size;
}

onmessage = async ({ data: { sizes } }) => {
  try {
    const start = performance.now();
    await initOurs();
    await initJiebaWasm();
    benchPrepare();
    jiebaWasmCut('预热', true);
    const prepare = performance.now() - start;
    const paragraphs = [];
    for (const name of SEEDS) {
      const text = await (await fetch(`seeds/${name}`)).text();
      paragraphs.push(...text.split('\n').filter((line) => line.length > 40));
    }
    const encoder = new TextEncoder();
    for (const reports of sizes) {
      postMessage({ status: `${reports} 份：生成…` });
      const texts = corpus(paragraphs, reports);
      const encoded = texts.map((text) => encoder.encode(text));
      const bytes = encoded.reduce((sum, b) => sum + b.length, 0);
      const megabytes = bytes / 1e6;
      postMessage({ status: `${reports} 份：jieba-rs cut…` });
      const rawMs = timed(texts, (text) => benchCut(text));
      postMessage({ status: `${reports} 份：本工具分析…` });
      let index = 0;
      const pipelineMs = timed(encoded, (b) => benchAnalyze(`r${index++}.txt`, b));
      postMessage({ status: `${reports} 份：jieba-wasm…` });
      const jiebaWasmMs = timed(texts, jiebaWasmWords);
      postMessage({
        row: {
          reports, megabytes,
          rawCut: megabytes / (rawMs / 1000), pipeline: megabytes / (pipelineMs / 1000), jiebaWasm: megabytes / (jiebaWasmMs / 1000),
          milliseconds: { rawCut: rawMs, pipeline: pipelineMs, jiebaWasm: jiebaWasmMs },
        },
      });
    }
    postMessage({ done: true, prepare });
  } catch (error) {
    postMessage({ error: String(error?.stack ?? error) });
  }
};
