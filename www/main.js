// Starts the page's wasm module (built by wasm-bindgen into gongwen-app.js),
// takes drops until the module has mounted its drop zone, and stands in for
// ECharts until it is needed.
import { holdEarlyDrops, stopHoldingDrops } from './dropped_files.js';
import init from './gongwen-app.js';

/**
 * ECharts (a third of a megabyte gzip'd, with the word cloud) is not needed
 * before a first result: this stand-in is the global `echarts` the page's one
 * binding (crates/gongwen-app/src/charts/echarts.rs) calls until the library
 * has loaded. It loads the library when the worker's dictionary is ready, or
 * when the first chart is made if that comes first; a chart made before then
 * is a placeholder that records its calls (setOption, on, resize, dispose)
 * and replays them on a real chart once ECharts is there, then forwards.
 * When the library is already loaded (the single-file build inlines it),
 * this does nothing.
 */
function deferECharts() {
  if (globalThis.echarts) return;
  const scripts = ['vendor/echarts.min.js', 'vendor/echarts-wordcloud.min.js'];
  const waiting = [];
  let loading = null;
  const loadScript = (src) => new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = src;
    script.onload = resolve;
    script.onerror = () => reject(new Error(`${src} 无法加载`));
    document.head.append(script);
  });
  const load = () => {
    loading ??= scripts.reduce((previous, src) => previous.then(() => loadScript(src)), Promise.resolve())
      .then(() => {
        const real = globalThis.echarts;
        for (const chart of waiting.splice(0)) chart.attach(real);
      })
      .catch((error) => console.error('图表库加载失败：', error));
    return loading;
  };
  class PendingChart {
    constructor(dom, theme, options) {
      this.dom = dom;
      this.theme = theme;
      this.options = options;
      this.calls = [];
      this.chart = null;
      this.disposed = false;
    }
    attach(real) {
      if (this.disposed) return;
      this.chart = real.init(this.dom, this.theme, this.options);
      for (const [method, args] of this.calls.splice(0)) this.chart[method](...args);
    }
    call(method, args) {
      if (this.chart) return this.chart[method](...args);
      this.calls.push([method, args]);
      return undefined;
    }
    setOption(...args) { return this.call('setOption', args); }
    on(...args) { return this.call('on', args); }
    resize(...args) { return this.call('resize', args); }
    getOption() { return this.chart?.getOption(); }
    getDataURL(...args) {
      if (!this.chart) throw new Error('图表库尚未加载完成');
      return this.chart.getDataURL(...args);
    }
    dispose() {
      this.disposed = true;
      if (this.chart) this.chart.dispose();
    }
  }
  globalThis.echarts = {
    init(dom, theme, options) {
      // A drawing without a page element (an SVG export) needs the library.
      if (!dom) throw new Error('图表库尚未加载完成');
      const chart = new PendingChart(dom, theme, options);
      waiting.push(chart);
      load();
      return chart;
    },
    getInstanceByDom() {
      return undefined;
    },
  };
  // The dictionary is ready: the page can analyse, and ECharts no longer
  // competes with the worker's module for the network.
  const observer = new MutationObserver(() => {
    if (document.querySelector('[data-dictionary="ready"]')) {
      observer.disconnect();
      load();
    }
  });
  observer.observe(document.documentElement, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-dictionary'] });
}

deferECharts();
// The page's shell (index.html) takes drops from now on; the module loads
// them once it has mounted.
holdEarlyDrops();

init({ module_or_path: new URL('./gongwen-app_bg.wasm', import.meta.url) }).then((exports) => {
  // The page's wasm memory, for the benchmarks (tests/bench), as the workers
  // report theirs.
  globalThis.gongwenMemoryBytes = () => exports.memory.buffer.byteLength;
}).catch((error) => {
  stopHoldingDrops();
  document.body.textContent = '公文透镜无法启动：' + error;
});
