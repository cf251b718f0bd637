//! 帮助与关于: a short guide to what each view shows and how each number is
//! computed, the keyboard shortcuts, the version and the privacy statement,
//! in the page's language. The Chinese markers the English quotes (一、,
//! 一是) are marked as Chinese.

use gongwen_core::ReadLimits;
use gongwen_core::source::limits::format_bytes;
use yew::prelude::*;

use crate::comparison::background_comparison_limit;
use crate::i18n::{CONTENT_LANG, Language, use_language};

/// Properties of [`HelpDialog`].
#[derive(Properties, PartialEq)]
pub struct HelpDialogProps {
    /// Called to close the dialog.
    pub on_close: Callback<()>,
}

/// One entry of the guide: a name and what it means.
fn entry(name: &str, meaning: Html) -> Html {
    html! { <><dt>{ name.to_owned() }</dt><dd>{ meaning }</dd></> }
}

/// Chinese text quoted in the English guide.
fn chinese(text: &str) -> Html {
    html! { <span lang={CONTENT_LANG}>{ text.to_owned() }</span> }
}

/// The guide to the views and their numbers, in Chinese.
fn views_in_chinese() -> Html {
    html! {
        <>
            { entry("总览", html! { format!("两份以上报告时首先显示：每份报告一行。字数不计空白；章节是一级标题（一、二、……）的个数，要点是“一是、二是……”的个数；数据/千字是每千字的实绩数据个数；隐去是数值被 ** 等隐去的数据；问题占比是“存在问题”部分占全文的比例；自有文字是不与其他报告共有的文字比例（比对后显示：报告合计不超过 {}时分析完即自动比对，更多时打开「比对」才比对）；校对是校对发现的问题数（括号内为警告数）。", background_comparison_limit(Language::Chinese)) }) }
            { entry("特色词", html! { "与其余报告相比显著多用的词：G²（对数似然比）≥ 3.84 即 p < 0.05；对数比为效应量。关键词按 TF-IDF，以已载入报告为语料。" }) }
            { entry("词频、提法、主题", html! { "词次是分词后的次数，原文次数是该字符串在正文中出现的次数；提法按内置词表计数；主题按报告体裁的主题方案分配各章节篇幅。" }) }
            { entry("篇幅、结构", html! { "篇幅是各一级标题所占比例；结构把正文分为开头、成效、问题、打算，并按评议常用的六项逐一检查。" }) }
            { entry("比对", html! { "两两比对相同段落（默认至少 20 字，不计标点空白）；热力图第 A 行第 B 列是 A 的文字中与 B 共有的比例；多数报告共有的段落视为套话。" }) }
            { entry("数据、校对", html! { "数据是带数字的实绩（数值、单位、约数、计数对象）；校对列出提法错误、疑似错别字、重复字词与标点、半角标点、引号括号不配对、数字写法混用等。" }) }
            { entry("词表", html! { "粘贴或载入自己的词表（每行一个词，可加制表符和类别），统计各报告中每个词、每个类别的次数与每万字频次（从左到右不重叠计数）。" }) }
        </>
    }
}

/// The guide to the views and their numbers, in English, each entry named
/// as its tab is.
fn views_in_english() -> Html {
    html! {
        <>
            { entry("Overview", html! { <>
                { "Shown first when two or more reports are loaded: one row per report. Chars does not count whitespace; Sections counts the top-level headings (" }
                { chinese("一、二、……") }
                { ") and Points the enumerated points (" }
                { chinese("一是、二是……") }
                { format!("); Figures/1k is the number of concrete figures per 1,000 characters; Hidden counts the figures whose value is hidden by ** or the like; Problems is the share of the text taken by the problems part; Own text is the share of the text found in no other report (once compared: up to {} in all, right after the analysis; beyond, when Compare is opened); Proofing is the number of proofing findings, warnings in brackets.", background_comparison_limit(Language::English)) }
            </> }) }
            { entry("Keywords", html! { "Distinctive words: words a report uses significantly more often than the other reports, by G² (log-likelihood) ≥ 3.84, that is p < 0.05; the log ratio is the effect size. Keywords are ranked by TF-IDF, with the loaded reports as the corpus." }) }
            { entry("Words, Phrases, Themes", html! { "Tokens are a word’s count after word segmentation; Occurrences are the times the string appears anywhere in the text. Phrases, the fixed formulations, are counted from the built-in lexicon. Themes divide the length of each section among the themes of the scheme for the report’s genre." }) }
            { entry("Lengths, Structure", html! { "Lengths give the share of the text under each top-level heading. Structure divides the text into opening, achievements, problems and plans, and checks it against the six points reviewers commonly look for." }) }
            { entry("Compare", html! { "Finds identical passages between every pair of reports (by default at least 20 characters, punctuation and whitespace ignored). In the heat map, row A, column B is the share of A’s text that it shares with B. Passages most reports share are treated as boilerplate." }) }
            { entry("Figures, Proofing", html! { "Figures are achievements stated with numbers (value, unit, approximation, what is counted). Proofing lists wrong or outdated formulations, likely typos, doubled words and punctuation, half-width punctuation, unmatched quotes and brackets, mixed number styles and more." }) }
            { entry("Word list", html! { "Paste or load your own word list (one word per line, optionally followed by a tab and a category) to count each word and each category in every report, with its frequency per 10,000 characters (counted left to right, without overlaps)." }) }
        </>
    }
}

/// The help and about dialog.
#[component]
pub fn HelpDialog(props: &HelpDialogProps) -> Html {
    let language = use_language();
    let close = props.on_close.reform(|_: MouseEvent| ());
    let version = env!("CARGO_PKG_VERSION");
    let max_file = format_bytes(ReadLimits::default().max_file_bytes);
    html! {
        <div class="dialog-backdrop" role="presentation">
            <div class="dialog help-dialog" role="dialog" aria-modal="true" aria-labelledby="help-title">
                <header class="dialog-header">
                    <h2 id="help-title">{ language.pick("帮助与关于", "Help and about") }</h2>
                    <button class="concordance-close" onclick={close.clone()} aria-label={language.pick("关闭", "Close")}>{ "×" }</button>
                </header>
                <div class="help-body">
                    <h3>{ language.pick("各视图与数字", "Views and numbers") }</h3>
                    <dl class="help-list">
                        { if language.is_english() { views_in_english() } else { views_in_chinese() } }
                    </dl>
                    <h3>{ language.pick("键盘", "Keyboard") }</h3>
                    <dl class="help-list keys">
                        { entry("↑ / ↓", html! { language.pick("上一份 / 下一份报告", "Previous / next report") }) }
                        { entry("[ / ]", html! { language.pick("当前报告的上一个 / 下一个标题", "Previous / next heading of the current report") }) }
                        { entry("/", html! { language.pick("到搜索框：搜索全部报告（可用正则）", "Go to the search box: search all reports (regular expressions allowed)") }) }
                        { entry("Esc", html! { language.pick("关闭对话框、搜索结果、并排阅读或索引", "Close a dialog, the search results, side-by-side reading or the concordance") }) }
                    </dl>
                    <h3>{ language.pick("关于", "About") }</h3>
                    if language.is_english() {
                        <p>{ "Gongwen Lens (" }{ chinese("公文透镜") }{ format!(") {version}.") }</p>
                        <p>{ format!("Privacy: report files are read and analysed only in this browser, on this computer, and are never uploaded to any server; the page fetches nothing from the network. Vocabulary settings and custom word lists are kept only in this browser. “Keep in browser” is off by default; when it is on, the loaded report files are kept in this browser’s IndexedDB and restored after a reload, and turning it off or clicking “Clear” deletes them. Each file may be at most {max_file}.") }</p>
                    } else {
                        <p>{ format!("公文透镜 Gongwen Lens {version}。") }</p>
                        <p>{ format!("隐私：报告文件只在本机浏览器中读取和分析，不上传到任何服务器；页面不联网获取任何内容。词表设置和自定义词表只保存在本机浏览器中。「本机保存」默认关闭；开启后，载入的报告文件保存在本浏览器的 IndexedDB 中，刷新后自动恢复，关闭该开关或点「清空」即删除。单个文件上限 {max_file}。") }</p>
                    }
                </div>
                <footer class="dialog-footer">
                    <button class="primary" onclick={close}>{ language.pick("知道了", "Got it") }</button>
                </footer>
            </div>
        </div>
    }
}
