// Native and wasm give the same answer: the gongwen-wasm API's result for each
// seed (built for Node.js into target/wasm-node/) equals the CLI's JSON, and a
// bad file throws the CLI's message.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { CLI, ROOT, TARGET, cliJson, seedFiles } from './browser.mjs';

const require = createRequire(import.meta.url);
// Where .ci/build-wasm-node puts the wasm API.
const WASM_API = join(TARGET, 'wasm-node/gongwen_wasm.js');

describe('wasm API and CLI parity', () => {
  test('the built artefacts exist', () => {
    assert.ok(existsSync(WASM_API), `${WASM_API} is built (.ci/build-wasm-node)`);
    assert.ok(existsSync(CLI), `${CLI} is built (cargo build -p gongwen-cli)`);
  });

  test('analyze() equals gongwen outline --json and words --json for every seed', async () => {
    const wasm = require(WASM_API);
    const seeds = await seedFiles();
    const paths = seeds.map((seed) => `seeds/${seed.name}`);
    const outlines = cliJson(['outline', '--json', ...paths]);
    assert.equal(outlines.length, 5);
    paths.forEach((path, index) => {
      const result = wasm.analyze(path, readFileSync(join(ROOT, path)));
      assert.deepEqual(result.outline, outlines[index], `${path}: outline`);
      // analyze() sees one file, so compare with the CLI given that file alone.
      const [words] = cliJson(['words', '--json', path]);
      assert.deepEqual(result.words, words, `${path}: words`);
    });
  });

  test('analyze() equals the CLI on .docx, .doc and .wps files', () => {
    const wasm = require(WASM_API);
    const paths = ['002.marked.docx', '002.autonum.docx', '002.styles.docx', '002.doc', '002.wps', 'features.docx']
      .map((name) => `tests/fixtures/formats/${name}`);
    const outlines = cliJson(['outline', '--json', ...paths]);
    paths.forEach((path, index) => {
      const result = wasm.analyze(path, readFileSync(join(ROOT, path)));
      assert.deepEqual(result.outline, outlines[index], `${path}: outline`);
    });
  });

  test('compare() equals gongwen compare --json on the seeds, with and without a template', async () => {
    const wasm = require(WASM_API);
    const seeds = await seedFiles();
    const paths = seeds.map((seed) => `seeds/${seed.name}`);
    const files = (list) => list.map((path) => ({ name: path, bytes: readFileSync(join(ROOT, path)) }));
    const result = wasm.compare(files(paths));
    assert.deepEqual(result.errors, []);
    delete result.errors;
    assert.deepEqual(result, cliJson(['compare', '--json', ...paths]));
    assert.ok(result.passages.length > 20);
    const [template, ...reports] = paths;
    const withTemplate = wasm.compare(files(reports), { minChars: 30, templates: files([template]), excludeTemplates: true });
    delete withTemplate.errors;
    assert.deepEqual(withTemplate, cliJson(['compare', '--json', '--min-chars', '30', '--exclude-templates', '--template', template, ...reports]));
    const bad = wasm.compare([...files(reports), { name: 'bad.txt', bytes: Buffer.from('%PDF-1.7') }]);
    assert.equal(bad.errors.length, 1);
    assert.equal(bad.errors[0].file, 'bad.txt');
    assert.equal(bad.reports.length, reports.length);
  });

  test('a bad file throws the message the CLI prints', () => {
    const wasm = require(WASM_API);
    const dir = mkdtempSync(join(tmpdir(), 'gongwen-parity-'));
    const path = join(dir, 'bad.txt');
    const bytes = Buffer.from([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x37]); // %PDF-1.7
    writeFileSync(path, bytes);
    const cli = spawnSync(CLI, ['outline', '--json', path], { encoding: 'utf8' });
    assert.equal(cli.status, 1);
    const cliMessage = cli.stderr.trim().replace(`gongwen: ${path}: `, '');
    assert.throws(() => wasm.analyze(path, bytes), (error) => {
      assert.equal(error.message, cliMessage);
      return true;
    });
  });
});
