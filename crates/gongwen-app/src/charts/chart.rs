//! A generic chart component: owns one ECharts instance for its lifetime,
//! applies the option it is given, follows its container's size and reports
//! clicks and sizes (an option may depend on the room it has). The container is observed, not the window: a panel may size its
//! chart after ECharts has started (the structure chart grows with the
//! report count), and ECharts only redraws when told.

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
        on_click: Option<Callback<String>>,
        on_resize: Option<Callback<(u32, u32)>>,
    ) -> Result<Self, JsValue> {
        let instance = ECharts::init(element)?;
        let click = Closure::<dyn FnMut(JsValue)>::new(move |params: JsValue| {
            let name = js_sys::Reflect::get(&params, &"name".into()).ok().and_then(|name| name.as_string());
            if let (Some(on_click), Some(name)) = (&on_click, name) {
                on_click.emit(name);
            }
        });
        instance.on("click", click.as_ref().unchecked_ref());
        let resized = instance.clone();
        let observed = element.clone();
        // The observer also reports the first size, once the element is laid out.
        let on_resize = Closure::<dyn FnMut()>::new(move || {
            resized.resize();
            if let Some(on_resize) = &on_resize {
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

    {
        let container = container.clone();
        let chart = chart.clone();
        let failed = failed.clone();
        let on_click = props.on_click.clone();
        let on_resize = props.on_resize.clone();
        // Runs before the option effect below, which then draws the chart.
        use_effect_with((), move |_| {
            if let Some(element) = container.cast::<web_sys::HtmlElement>() {
                match MountedChart::mount(&element, on_click, on_resize) {
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
