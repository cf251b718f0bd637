//! The vocabulary dialog: the user's own words (kept whole and counted),
//! built-in words to drop, stopwords to add or restore. Applying re-runs the
//! analysis; the lists can be exported to and imported from a text file
//! (whose name and contents stay Chinese whatever the page's language). The
//! words in the lists are the user's own text, marked as Chinese.

use gongwen_core::vocabulary::UserVocabulary;
use wasm_bindgen_futures::JsFuture;
use web_sys::{HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

use crate::download::download;
use crate::file_picker::open_file_picker;
use crate::i18n::{CONTENT_LANG, Language, english_things, use_language};

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

/// What the last export or import did, said under the buttons.
#[derive(Debug, Clone, PartialEq)]
enum Notice {
    /// The lists were saved to [`EXPORT_FILE_NAME`].
    Exported,
    /// The download failed, with the browser's error.
    ExportFailed(String),
    /// A file was imported, with so many added words.
    Imported(usize),
    /// The chosen file could not be read as text.
    Unreadable,
}

impl Notice {
    /// The notice in `language`: its words, then a file name (left as it
    /// is, Chinese in either language) when it names one.
    fn text(&self, language: Language) -> (String, Option<&'static str>) {
        match self {
            Self::Exported => (language.pick("已导出为 ", "Exported as ").to_owned(), Some(EXPORT_FILE_NAME)),
            Self::ExportFailed(error) => {
                (language.pick(format!("导出失败：{error}"), format!("Export failed: {error}")), None)
            }
            Self::Imported(added) => (
                language.pick(
                    format!("已导入 {added} 个新增词，点击「应用」生效"),
                    format!(
                        "Imported {}; click “Apply” to use them",
                        english_things(*added, "custom word", "custom words")
                    ),
                ),
                None,
            ),
            Self::Unreadable => (language.pick("无法读取该文件", "Could not read the file").to_owned(), None),
        }
    }
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
    let language = use_language();
    let lists = use_state(|| Lists::of(&props.vocabulary));
    let message = use_state(|| None::<Notice>);
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
                <textarea rows="6" lang={CONTENT_LANG} value={lists.0[index].clone()} oninput={on_input} data-list={index.to_string()} />
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
                Ok(()) => message.set(Some(Notice::Exported)),
                Err(error) => message.set(Some(Notice::ExportFailed(format!("{error:?}")))),
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
                        message.set(Some(Notice::Imported(imported.added_words.len())));
                        lists.set(Lists::of(&imported));
                    }
                    None => message.set(Some(Notice::Unreadable)),
                }
            });
        })
    };
    let on_reset = {
        let lists = lists.clone();
        Callback::from(move |_: MouseEvent| lists.set(Lists::of(&UserVocabulary::default())))
    };
    let notice = (*message).as_ref().map(|notice| notice.text(language));
    html! {
        <div class="dialog-backdrop" role="presentation">
            <div class="dialog" role="dialog" aria-modal="true" aria-label={language.pick("词表设置", "Vocabulary")}>
                <header class="dialog-header">
                    <h2>{ language.pick("词表设置", "Vocabulary") }</h2>
                    <button class="concordance-close" onclick={props.on_close.reform(|_: MouseEvent| ())} aria-label={language.pick("关闭", "Close")}>{ "×" }</button>
                </header>
                <p class="panel-note">{ language.pick(
                    format!("内置词表 {} 条提法、机构、活动、制度与口号。修改后点击「应用」重新分析全部报告；设置保存在本机浏览器中。", props.builtin_entries),
                    format!(
                        "The built-in lexicon holds {} formulations, institutions, campaigns, systems and slogans. After editing, click “Apply” to re-analyse all reports; the settings are kept in this browser.",
                        language.count(props.builtin_entries)
                    ),
                ) }</p>
                <div class="vocabulary-grid">
                    { field(0, language.pick("自定义词", "Custom words"), language.pick("作为完整词语计数，每行一个", "Counted as whole words; one per line")) }
                    { field(1, language.pick("移除的内置词", "Removed built-in words"), language.pick("不再作为词表词，每行一个", "No longer treated as lexicon words; one per line")) }
                    { field(2, language.pick("新增停用词", "Added stopwords"), language.pick("不计入词频，每行一个", "Left out of word counts; one per line")) }
                    { field(3, language.pick("恢复的停用词", "Restored stopwords"), language.pick("内置停用词中要重新计数的词", "Built-in stopwords to count again")) }
                </div>
                <footer class="dialog-footer">
                    <button class="primary" onclick={on_apply}>{ language.pick("应用", "Apply") }</button>
                    <button onclick={on_export}>{ language.pick("导出词表", "Export list") }</button>
                    <button onclick={on_pick_import}>{ language.pick("导入词表…", "Import list…") }</button>
                    <button onclick={on_reset}>{ language.pick("恢复默认", "Restore defaults") }</button>
                    <input ref={import_input} type="file" accept=".txt,text/plain" class="visually-hidden" onchange={on_import} />
                    <span class="dialog-message">
                        if let Some((words, file_name)) = notice {
                            { words }
                            if let Some(file_name) = file_name { <span lang={CONTENT_LANG}>{ file_name }</span> }
                        }
                    </span>
                </footer>
            </div>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn notices_read_as_before_in_chinese_and_without_chinese_in_english() {
        let chinese = |text: &str| {
            text.chars().any(|c| ('\u{3000}'..='\u{9fff}').contains(&c) || ('\u{ff00}'..='\u{ffef}').contains(&c))
        };
        let notices = [
            Notice::Exported,
            Notice::ExportFailed("JsValue(Error)".to_owned()),
            Notice::Imported(1),
            Notice::Unreadable,
        ];
        for notice in &notices {
            let (words, _) = notice.text(Language::English);
            assert!(!chinese(&words), "{words}");
        }
        assert_eq!(Notice::Exported.text(Language::Chinese), ("已导出为 ".to_owned(), Some(EXPORT_FILE_NAME)));
        assert_eq!(Notice::Imported(3).text(Language::Chinese).0, "已导入 3 个新增词，点击「应用」生效");
        assert_eq!(Notice::Imported(1).text(Language::English).0, "Imported 1 custom word; click “Apply” to use them");
    }
}
