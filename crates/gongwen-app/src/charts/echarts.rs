//! The one binding to Apache ECharts (loaded as the global `echarts` from our
//! own `vendor/echarts.min.js`): init, setOption, on, resize, dispose.
//!
//! **API boundary:** chart options are built as `serde_json::Value` and cross
//! into JavaScript here, through `serde-wasm-bindgen`'s JSON-compatible
//! serialiser.

use serde::Serialize;
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    /// An ECharts instance.
    #[derive(Debug, Clone)]
    pub type ECharts;

    #[wasm_bindgen(catch, js_namespace = echarts, js_name = init)]
    fn echarts_init(dom: &web_sys::HtmlElement) -> Result<ECharts, JsValue>;

    #[wasm_bindgen(method, catch, js_name = setOption)]
    fn echarts_set_option(this: &ECharts, option: &JsValue, not_merge: bool) -> Result<(), JsValue>;

    #[wasm_bindgen(method, js_name = on)]
    fn echarts_on(this: &ECharts, event: &str, handler: &js_sys::Function);

    #[wasm_bindgen(method, js_name = resize)]
    fn echarts_resize(this: &ECharts);

    #[wasm_bindgen(method, js_name = dispose)]
    fn echarts_dispose(this: &ECharts);
}

impl ECharts {
    /// Creates a chart in `dom`; fails if ECharts is not loaded.
    pub fn init(dom: &web_sys::HtmlElement) -> Result<ECharts, JsValue> {
        echarts_init(dom)
    }

    /// Replaces the chart's option.
    pub fn set_option(&self, option: &serde_json::Value) -> Result<(), JsValue> {
        let serializer = serde_wasm_bindgen::Serializer::json_compatible();
        let value = option.serialize(&serializer).map_err(JsValue::from)?;
        self.echarts_set_option(&value, true)
    }

    /// Registers a handler for a chart event such as `"click"`.
    pub fn on(&self, event: &str, handler: &js_sys::Function) {
        self.echarts_on(event, handler);
    }

    /// Fits the chart to its container's new size.
    pub fn resize(&self) {
        self.echarts_resize();
    }

    /// Frees the chart.
    pub fn dispose(&self) {
        self.echarts_dispose();
    }
}
