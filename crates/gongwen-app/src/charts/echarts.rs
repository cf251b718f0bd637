//! The one binding to Apache ECharts (loaded as the global `echarts` from our
//! own `vendor/echarts.min.js`): init, setOption, on, resize, dispose, and
//! the two exports (a PNG of the drawn canvas, an SVG drawn anew without a
//! page element by ECharts' server-side renderer).
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
    fn echarts_init(dom: &JsValue, theme: &JsValue, options: &JsValue) -> Result<ECharts, JsValue>;

    #[wasm_bindgen(method, catch, js_name = getDataURL)]
    fn echarts_get_data_url(this: &ECharts, options: &JsValue) -> Result<String, JsValue>;

    #[wasm_bindgen(method, catch, js_name = renderToSVGString)]
    fn echarts_render_to_svg_string(this: &ECharts) -> Result<String, JsValue>;

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
    /// Creates a chart in `dom` with ECharts' `theme` (none for the
    /// default); fails if ECharts is not loaded.
    pub fn init(dom: &web_sys::HtmlElement, theme: Option<&str>) -> Result<ECharts, JsValue> {
        echarts_init(dom, &theme.map_or(JsValue::NULL, JsValue::from_str), &JsValue::UNDEFINED)
    }

    /// Replaces the chart's option.
    pub fn set_option(&self, option: &serde_json::Value) -> Result<(), JsValue> {
        self.echarts_set_option(&to_js(option)?, true)
    }

    /// The drawn chart as a PNG `data:` URL, at twice its size, on `ground`.
    pub fn png_data_url(&self, ground: &str) -> Result<String, JsValue> {
        let options = to_js(&serde_json::json!({ "type": "png", "pixelRatio": 2, "backgroundColor": ground }))?;
        self.echarts_get_data_url(&options)
    }

    /// `option` drawn as an SVG document of `width` × `height` pixels with
    /// ECharts' `theme`, by the server-side renderer (no page element, no
    /// animation: the drawing is complete when this returns).
    pub fn svg_of(option: &serde_json::Value, theme: Option<&str>, width: u32, height: u32) -> Result<String, JsValue> {
        let options = to_js(&serde_json::json!({ "renderer": "svg", "ssr": true, "width": width, "height": height }))?;
        let chart = echarts_init(&JsValue::NULL, &theme.map_or(JsValue::NULL, JsValue::from_str), &options)?;
        let mut still = option.clone();
        if let serde_json::Value::Object(fields) = &mut still {
            fields.insert("animation".to_owned(), serde_json::Value::Bool(false));
        }
        let drawn = chart.set_option(&still).and_then(|()| chart.echarts_render_to_svg_string());
        chart.echarts_dispose();
        drawn
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

/// `value` as a plain JavaScript value (objects, not maps).
fn to_js(value: &serde_json::Value) -> Result<JsValue, JsValue> {
    let serializer = serde_wasm_bindgen::Serializer::json_compatible();
    value.serialize(&serializer).map_err(JsValue::from)
}
