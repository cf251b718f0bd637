// The benchmark page: runs the benchmark worker over the corpus sizes the
// user (or tests/bench/pipeline-browser.mjs, through ?sizes=) asks for and
// shows one row per size; the whole result is also left in
// window.__benchResult for the script.
const sizesInput = document.querySelector('#sizes');
const status = document.querySelector('#status');
const body = document.querySelector('#results tbody');

const query = new URLSearchParams(location.search);
if (query.has('sizes')) sizesInput.value = query.get('sizes');

/** One table row of `cells`. */
function row(cells) {
  const tr = document.createElement('tr');
  for (const cell of cells) {
    const td = document.createElement('td');
    td.textContent = cell;
    tr.append(td);
  }
  body.append(tr);
}

function run() {
  const sizes = sizesInput.value.split(/[,，\s]+/).map(Number).filter((n) => n > 0);
  body.replaceChildren();
  status.textContent = '载入词典…';
  const worker = new Worker('bench-worker.js', { type: 'module' });
  const rows = [];
  worker.onmessage = ({ data }) => {
    if (data.status) {
      status.textContent = data.status;
    } else if (data.row) {
      const r = data.row;
      rows.push(r);
      row([r.reports, r.megabytes.toFixed(2), r.rawCut.toFixed(2), r.pipeline.toFixed(2), r.jiebaWasm.toFixed(2),
        (r.pipeline / r.rawCut).toFixed(2), (r.pipeline / r.jiebaWasm).toFixed(2)]);
    } else if (data.done) {
      status.textContent = `完成：${rows.length} 组`;
      window.__benchResult = { userAgent: navigator.userAgent, prepare: data.prepare, rows };
      worker.terminate();
    } else if (data.error) {
      status.textContent = `出错：${data.error}`;
      window.__benchResult = { error: data.error };
      worker.terminate();
    }
  };
  worker.postMessage({ sizes });
}

document.querySelector('#run').addEventListener('click', run);
if (query.has('auto')) run();
