//! The toolbar's 「本机保存」 switch: off by default; when on, it says so and
//! how many reports the browser keeps, and a failure to keep them is shown
//! in its place.

use yew::prelude::*;

use crate::i18n::use_language;
use crate::saved_work::{SavedWork, SavedWorkStatus};

/// What the switch explains on hover, in Chinese and in English.
const EXPLANATION: (&str, &str) = (
    "开启后，载入的报告文件保存在本浏览器（IndexedDB）中，刷新或重新打开页面时自动恢复；\
     文件不会上传。关闭本开关或点「清空」即删除保存的文件。",
    "When on, the report files you load are kept in this browser (IndexedDB) and restored when the page is \
     reloaded or opened again; nothing is uploaded. Turning this off, or Clear, deletes what was kept.",
);

/// Properties of [`SavedWorkToggle`].
#[derive(Properties, PartialEq)]
pub struct SavedWorkToggleProps {
    /// The saved work.
    pub saved: SavedWork,
    /// How many reports are loaded (all kept when saving is on).
    pub reports: usize,
    /// Called with the new choice.
    pub on_toggle_saved: Callback<bool>,
}

/// The 「本机保存」 switch.
#[component]
pub fn SavedWorkToggle(props: &SavedWorkToggleProps) -> Html {
    let language = use_language();
    let status = props.saved.status();
    let checked = *status != SavedWorkStatus::Off;
    let onchange = props
        .on_toggle_saved
        .reform(|event: Event| event.target_unchecked_into::<web_sys::HtmlInputElement>().checked());
    let (class, text) = match status {
        SavedWorkStatus::Off => ("off", html! { language.pick("本机保存", "Keep in browser") }),
        SavedWorkStatus::Restoring => {
            ("on", html! { language.pick("本机保存：正在恢复…", "Kept in browser: restoring…") })
        }
        SavedWorkStatus::On => (
            "on",
            html! { language.pick(
                format!("本机保存：已开（{} 份）", props.reports),
                format!("Kept in browser ({})", language.things(props.reports, "份", "report", "reports")),
            ) },
        ),
        SavedWorkStatus::Failed(message) => ("failed", html! { message.text(language) }),
    };
    html! {
        <label class={classes!("saved-work", class)} title={language.pick(EXPLANATION.0, EXPLANATION.1)} data-saved-work={class}>
            <input id="saved-work" type="checkbox" {checked} {onchange} />
            <span role="status">{ text }</span>
        </label>
    }
}
