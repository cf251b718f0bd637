//! The vocabulary dialog: the user's own words (kept whole and counted),
//! built-in words to drop, stopwords to add or restore. Applying re-runs the
//! analysis; the lists can be exported to and imported from a text file.

use gongwen_core::vocabulary::UserVocabulary;
use wasm_bindgen_futures::JsFuture;
use web_sys::{HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

use crate::download::download;
use crate::file_picker::open_file_picker;

/// The exported file's name.
const EXPORT_FILE_NAME: &str = "公文透镜用户词表.txt";

/// Properties of [`VocabularyDialog`].
#[derive(Properties, PartialEq)]
pub struct VocabularyDialogProps {
    /// The current changes.
    pub vocabulary: UserVocabulary,
    /// How many entries the built-in lexicon has.
    pub builtin_entries: usize,
    /// Called with the edited changes.
    pub on_apply: Callback<UserVocabulary>,
    /// Called to close without applying.
    pub on_close: Callback<()>,
}

/// The four lists as edited text, one word per line.
#[derive(Clone, PartialEq)]
struct Lists([String; 4]);

impl Lists {
    fn of(vocabulary: &UserVocabulary) -> Self {
        Self([
            vocabulary.added_words.join("\n"),
            vocabulary.removed_words.join("\n"),
            vocabulary.added_stopwords.join("\n"),
            vocabulary.removed_stopwords.join("\n"),
        ])
    }

    fn vocabulary(&self) -> UserVocabulary {
        let words = |text: &str| text.lines().map(str::to_owned).collect();
        UserVocabulary {
            added_words: words(&self.0[0]),
            removed_words: words(&self.0[1]),
            added_stopwords: words(&self.0[2]),
            removed_stopwords: words(&self.0[3]),
        }
        .normalized()
    }
}

/// The vocabulary dialog.
#[component]
pub fn VocabularyDialog(props: &VocabularyDialogProps) -> Html {
    let lists = use_state(|| Lists::of(&props.vocabulary));
    let message = use_state(String::new);
    let import_input = use_node_ref();
    let field = |index: usize, label: &str, hint: &str| {
        let lists_handle = lists.clone();
        let on_input = Callback::from(move |event: InputEvent| {
            let area: HtmlTextAreaElement = event.target_unchecked_into();
            let mut next = (*lists_handle).clone();
            next.0[index] = area.value();
            lists_handle.set(next);
        });
        html! {
            <label class="vocabulary-field">
                <span class="vocabulary-label">{ label }</span>
                <span class="vocabulary-hint">{ hint }</span>
                <textarea rows="6" value={lists.0[index].clone()} oninput={on_input} data-list={index.to_string()} />
            </label>
        }
    };
    let on_apply = {
        let lists = lists.clone();
        props.on_apply.reform(move |_: MouseEvent| lists.vocabulary())
    };
    let on_export = {
        let lists = lists.clone();
        let message = message.clone();
        Callback::from(move |_: MouseEvent| {
            match download(EXPORT_FILE_NAME, "text/plain;charset=utf-8", &lists.vocabulary().to_text()) {
                Ok(()) => message.set(format!("已导出为 {EXPORT_FILE_NAME}")),
                Err(error) => message.set(format!("导出失败：{error:?}")),
            }
        })
    };
    let on_pick_import = open_file_picker(import_input.clone());
    let on_import = {
        let lists = lists.clone();
        let message = message.clone();
        Callback::from(move |event: Event| {
            let input: HtmlInputElement = event.target_unchecked_into();
            let Some(file) = input.files().and_then(|files| files.get(0)) else { return };
            input.set_value("");
            let lists = lists.clone();
            let message = message.clone();
            wasm_bindgen_futures::spawn_local(async move {
                match JsFuture::from(file.text()).await.ok().and_then(|text| text.as_string()) {
                    Some(text) => {
                        let imported = UserVocabulary::from_text(&text);
                        message.set(format!("已导入 {} 个新增词，点击「应用」生效", imported.added_words.len()));
                        lists.set(Lists::of(&imported));
                    }
                    None => message.set("无法读取该文件".to_owned()),
                }
            });
        })
    };
    let on_reset = {
        let lists = lists.clone();
        Callback::from(move |_: MouseEvent| lists.set(Lists::of(&UserVocabulary::default())))
    };
    html! {
        <div class="dialog-backdrop" role="presentation">
            <div class="dialog" role="dialog" aria-modal="true" aria-label="词表设置">
                <header class="dialog-header">
                    <h2>{ "词表设置" }</h2>
                    <button class="concordance-close" onclick={props.on_close.reform(|_: MouseEvent| ())} aria-label="关闭">{ "×" }</button>
                </header>
                <p class="panel-note">{ format!("内置词表 {} 条提法、机构、活动、制度与口号。修改后点击「应用」重新分析全部报告；设置保存在本机浏览器中。", props.builtin_entries) }</p>
                <div class="vocabulary-grid">
                    { field(0, "自定义词", "作为完整词语计数，每行一个") }
                    { field(1, "移除的内置词", "不再作为词表词，每行一个") }
                    { field(2, "新增停用词", "不计入词频，每行一个") }
                    { field(3, "恢复的停用词", "内置停用词中要重新计数的词") }
                </div>
                <footer class="dialog-footer">
                    <button class="primary" onclick={on_apply}>{ "应用" }</button>
                    <button onclick={on_export}>{ "导出词表" }</button>
                    <button onclick={on_pick_import}>{ "导入词表…" }</button>
                    <button onclick={on_reset}>{ "恢复默认" }</button>
                    <input ref={import_input} type="file" accept=".txt,text/plain" class="visually-hidden" onchange={on_import} />
                    <span class="dialog-message">{ (*message).clone() }</span>
                </footer>
            </div>
        </div>
    }
}
