//! A generic chart component: owns one ECharts instance for its lifetime,
//! applies the option it is given, follows its container's size and reports
//! clicks (on an item, or on an axis label the option made clickable with
//! `triggerEvent`) and sizes (an option may depend on the room it has). The container is observed, not the window: a panel may size its
//! chart after ECharts has started (the structure chart grows with the
//! report count), and ECharts only redraws when told.
//!
//! Every chart is drawn in the system's colour scheme ([`dark_scheme`]) and
//! offers itself as a PNG (the drawn canvas) and an SVG (drawn anew as
//! vectors), named after its label.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use yew::prelude::*;

use super::dark_scheme::{ColourScheme, for_the_scheme};
use super::echarts::ECharts;
use crate::download::{download, download_bytes};
use crate::i18n::use_language;

/// Properties of [`Chart`].
#[derive(Properties, PartialEq)]
pub struct ChartProps {
    /// The ECharts option to show.
    pub option: Rc<serde_json::Value>,
    /// Called with the clicked item's name.
    #[prop_or_default]
    pub on_click: Option<Callback<String>>,
    /// Called with the text of a clicked axis label (of an axis with
    /// `triggerEvent: true`).
    #[prop_or_default]
    pub on_axis_click: Option<Callback<String>>,
    /// Called with the chart's width and height in CSS pixels, once it is
    /// laid out and whenever they change.
    #[prop_or_default]
    pub on_resize: Option<Callback<(u32, u32)>>,
    /// Extra CSS classes of the container.
    #[prop_or_default]
    pub class: Classes,
    /// Accessible label of the chart.
    pub label: AttrValue,
}

/// The callbacks of the latest render. The chart's event handlers read
/// them when an event comes, so a parent's new callback (for a new
/// comparison, a zoomed heatmap) is the one called.
#[derive(Default)]
struct ChartCallbacks {
    on_click: Option<Callback<String>>,
    on_axis_click: Option<Callback<String>>,
    on_resize: Option<Callback<(u32, u32)>>,
}

/// A live chart with the handlers that must live as long as it.
struct MountedChart {
    instance: ECharts,
    _on_click: Closure<dyn FnMut(JsValue)>,
    resizes: web_sys::ResizeObserver,
    _on_resize: Closure<dyn FnMut()>,
}

impl MountedChart {
    /// Starts ECharts in `element`, forwarding clicks and following the
    /// element's size.
    fn mount(
        element: &web_sys::HtmlElement,
        scheme: ColourScheme,
        callbacks: Rc<RefCell<ChartCallbacks>>,
    ) -> Result<Self, JsValue> {
        let instance = ECharts::init(element, scheme.echarts_theme())?;
        let clicked = callbacks.clone();
        let click = Closure::<dyn FnMut(JsValue)>::new(move |params: JsValue| {
            let field = |key: &str| js_sys::Reflect::get(&params, &key.into()).ok().and_then(|value| value.as_string());
            // Cloned out first: the callback may cause a render, which replaces them.
            let (callback, text) = match field("componentType").as_deref() {
                Some("xAxis" | "yAxis") => (clicked.borrow().on_axis_click.clone(), field("value")),
                _ => (clicked.borrow().on_click.clone(), field("name")),
            };
            if let (Some(callback), Some(text)) = (callback, text) {
                callback.emit(text);
            }
        });
        instance.on("click", click.as_ref().unchecked_ref());
        let resized = instance.clone();
        let observed = element.clone();
        // The observer also reports the first size, once the element is laid out.
        let on_resize = Closure::<dyn FnMut()>::new(move || {
            resized.resize();
            let on_resize = callbacks.borrow().on_resize.clone();
            if let Some(on_resize) = on_resize {
                let (width, height) = (observed.client_width(), observed.client_height());
                on_resize.emit((u32::try_from(width).unwrap_or(0), u32::try_from(height).unwrap_or(0)));
            }
        });
        let resizes = web_sys::ResizeObserver::new(on_resize.as_ref().unchecked_ref())?;
        resizes.observe(element);
        Ok(Self { instance, _on_click: click, resizes, _on_resize: on_resize })
    }
}

impl Drop for MountedChart {
    fn drop(&mut self) {
        self.resizes.disconnect();
        self.instance.dispose();
    }
}

/// An ECharts chart in a `div`.
#[component]
pub fn Chart(props: &ChartProps) -> Html {
    let language = use_language();
    let container = use_node_ref();
    let chart = use_mut_ref(|| None::<MountedChart>);
    let failed = use_state(|| false);
    // Read once: a chart keeps the scheme it started in.
    let scheme = *use_state(ColourScheme::of_the_system);

    let callbacks = use_mut_ref(ChartCallbacks::default);
    *callbacks.borrow_mut() = ChartCallbacks {
        on_click: props.on_click.clone(),
        on_axis_click: props.on_axis_click.clone(),
        on_resize: props.on_resize.clone(),
    };
    {
        let container = container.clone();
        let chart = chart.clone();
        let failed = failed.clone();
        // Runs before the option effect below, which then draws the chart.
        use_effect_with((), move |_| {
            if let Some(element) = container.cast::<web_sys::HtmlElement>() {
                match MountedChart::mount(&element, scheme, callbacks) {
                    Ok(mounted) => *chart.borrow_mut() = Some(mounted),
                    Err(error) => {
                        web_sys::console::error_2(&"ECharts could not start".into(), &error);
                        failed.set(true);
                    }
                }
            }
            move || drop(chart.borrow_mut().take())
        });
    }
    {
        let chart = chart.clone();
        use_effect_with(props.option.clone(), move |option| {
            let option = for_the_scheme(option, scheme);
            let result = chart.borrow().as_ref().map(|mounted| mounted.instance.set_option(&option));
            if let Some(Err(error)) = result {
                web_sys::console::error_2(&"ECharts rejected an option".into(), &error);
            }
        });
    }
    let export_png = {
        let chart = chart.clone();
        let label = props.label.clone();
        Callback::from(move |_| {
            let drawn = chart.borrow().as_ref().map(|mounted| mounted.instance.png_data_url(scheme.ground()));
            let saved = drawn.map(|url| url.and_then(|url| download_data_url(&chart_file_name(&label, "png"), &url)));
            if let Some(Err(error)) = saved {
                web_sys::console::error_2(&"The chart could not be saved as PNG".into(), &error);
            }
        })
    };
    let export_svg = {
        let container = container.clone();
        let option = props.option.clone();
        let label = props.label.clone();
        Callback::from(move |_| {
            let Some(element) = container.cast::<web_sys::HtmlElement>() else { return };
            let (width, height) = (element.client_width().max(1), element.client_height().max(1));
            let mut drawn = for_the_scheme(&option, scheme).into_owned();
            if let serde_json::Value::Object(fields) = &mut drawn {
                fields.insert("backgroundColor".to_owned(), scheme.ground().into());
            }
            let saved = ECharts::svg_of(&drawn, scheme.echarts_theme(), width.unsigned_abs(), height.unsigned_abs())
                .and_then(|svg| download(&chart_file_name(&label, "svg"), "image/svg+xml", &svg));
            if let Err(error) = saved {
                web_sys::console::error_2(&"The chart could not be saved as SVG".into(), &error);
            }
        })
    };
    html! {
        <div class={classes!("chart", props.class.clone())} role="img" aria-label={props.label.clone()}>
            if *failed {
                <p class="chart-error">{ language.pick("图表组件加载失败，无法绘制图表。", "The chart library did not load: no chart can be drawn.") }</p>
            }
            <div class="chart-canvas" ref={container}></div>
            if !*failed {
                <div class="chart-export" role="group" aria-label={language.pick("导出图表", "Export the chart")}>
                    <button type="button" class="chart-export-png" title={language.pick("下载此图（PNG 图片）", "Download this chart (PNG image)")} onclick={export_png}>{ "PNG" }</button>
                    <button type="button" class="chart-export-svg" title={language.pick("下载此图（SVG 矢量图）", "Download this chart (SVG drawing)")} onclick={export_svg}>{ "SVG" }</button>
                </div>
            }
        </div>
    }
}

/// The file name of a chart's export: its label without the characters file
/// systems refuse, at most 60 characters, then `.extension`.
pub fn chart_file_name(label: &str, extension: &str) -> String {
    let name: String =
        label
            .chars()
            .map(|c| {
                if matches!(c, '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|') || c.is_control() {
                    '_'
                } else {
                    c
                }
            })
            .take(60)
            .collect();
    let name = name.trim();
    format!("{}.{extension}", if name.is_empty() { "图表" } else { name })
}

/// Offers a `data:` URL's base64 payload (a PNG) as a download of bytes.
fn download_data_url(name: &str, url: &str) -> Result<(), JsValue> {
    let window = web_sys::window().ok_or("no window")?;
    let (head, payload) = url.split_once(',').ok_or("not a data URL")?;
    let mime = head.trim_start_matches("data:").trim_end_matches(";base64");
    let binary = window.atob(payload)?;
    let bytes: Vec<u8> = binary.chars().map(|c| u8::try_from(u32::from(c)).unwrap_or(0)).collect();
    download_bytes(name, mime, &bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_chart_file_is_named_after_its_label_without_forbidden_characters() {
        assert_eq!(chart_file_name("篇章结构：成效/问题", "png"), "篇章结构：成效_问题.png");
        assert_eq!(chart_file_name("  ", "svg"), "图表.svg");
        assert_eq!(chart_file_name(&"字".repeat(80), "svg").chars().count(), 64);
    }
}
