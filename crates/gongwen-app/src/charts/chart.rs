//! A generic chart component: owns one ECharts instance for its lifetime,
//! applies the option it is given, follows its container's size and reports
//! clicks (on an item, or on an axis label the option made clickable with
//! `triggerEvent`) and sizes (an option may depend on the room it has). The container is observed, not the window: a panel may size its
//! chart after ECharts has started (the structure chart grows with the
//! report count), and ECharts only redraws when told.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use yew::prelude::*;

use super::echarts::ECharts;

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
    fn mount(element: &web_sys::HtmlElement, callbacks: Rc<RefCell<ChartCallbacks>>) -> Result<Self, JsValue> {
        let instance = ECharts::init(element)?;
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
    let container = use_node_ref();
    let chart = use_mut_ref(|| None::<MountedChart>);
    let failed = use_state(|| false);

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
                match MountedChart::mount(&element, callbacks) {
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
            let result = chart.borrow().as_ref().map(|mounted| mounted.instance.set_option(option));
            if let Some(Err(error)) = result {
                web_sys::console::error_2(&"ECharts rejected an option".into(), &error);
            }
        });
    }
    html! {
        <div class={classes!("chart", props.class.clone())} role="img" aria-label={props.label.clone()}>
            if *failed {
                <p class="chart-error">{ "图表组件加载失败，无法绘制图表。" }</p>
            }
            <div class="chart-canvas" ref={container}></div>
        </div>
    }
}
