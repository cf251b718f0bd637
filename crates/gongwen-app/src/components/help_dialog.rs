//! 帮助与关于: a short guide to what each view shows and how each number is
//! computed, the keyboard shortcuts, the version and the privacy statement.

use gongwen_core::ReadLimits;
use gongwen_core::source::limits::format_bytes;
use yew::prelude::*;

/// Properties of [`HelpDialog`].
#[derive(Properties, PartialEq)]
pub struct HelpDialogProps {
    /// Called to close the dialog.
    pub on_close: Callback<()>,
}

/// One entry of the guide: a name and what it means.
fn entry(name: &str, meaning: &str) -> Html {
    html! { <><dt>{ name.to_owned() }</dt><dd>{ meaning.to_owned() }</dd></> }
}

/// The help and about dialog.
#[component]
pub fn HelpDialog(props: &HelpDialogProps) -> Html {
    let close = props.on_close.reform(|_: MouseEvent| ());
    html! {
        <div class="dialog-backdrop" role="presentation">
            <div class="dialog help-dialog" role="dialog" aria-modal="true" aria-labelledby="help-title">
                <header class="dialog-header">
                    <h2 id="help-title">{ "帮助与关于" }</h2>
                    <button class="concordance-close" onclick={close.clone()} aria-label="关闭">{ "×" }</button>
                </header>
                <div class="help-body">
                    <h3>{ "各视图与数字" }</h3>
                    <dl class="help-list">
                        { entry("总览", "两份以上报告时首先显示：每份报告一行。字数不计空白；章节是一级标题（一、二、……）的个数，要点是“一是、二是……”的个数；数据/千字是每千字的实绩数据个数；隐去是数值被 ** 等隐去的数据；问题占比是“存在问题”部分占全文的比例；自有文字是不与其他报告共有的文字比例（比对后显示）；校对是校对发现的问题数（括号内为警告数）。") }
                        { entry("特色词", "与其余报告相比显著多用的词：G²（对数似然比）≥ 3.84 即 p < 0.05；对数比为效应量。关键词按 TF-IDF，以已载入报告为语料。") }
                        { entry("词频、提法、主题", "词次是分词后的次数，原文次数是该字符串在正文中出现的次数；提法按内置词表计数；主题按报告体裁的主题方案分配各章节篇幅。") }
                        { entry("篇幅、结构", "篇幅是各一级标题所占比例；结构把正文分为开头、成效、问题、打算，并按评议常用的六项逐一检查。") }
                        { entry("比对", "两两比对相同段落（默认至少 20 字，不计标点空白）；热力图第 A 行第 B 列是 A 的文字中与 B 共有的比例；多数报告共有的段落视为套话。") }
                        { entry("数据、校对", "数据是带数字的实绩（数值、单位、约数、计数对象）；校对列出提法错误、疑似错别字、重复字词与标点、半角标点、引号括号不配对、数字写法混用等。") }
                        { entry("词表", "粘贴或载入自己的词表（每行一个词，可加制表符和类别），统计各报告中每个词、每个类别的次数与每万字频次（从左到右不重叠计数）。") }
                    </dl>
                    <h3>{ "键盘" }</h3>
                    <dl class="help-list keys">
                        { entry("↑ / ↓", "上一份 / 下一份报告") }
                        { entry("[ / ]", "当前报告的上一个 / 下一个标题") }
                        { entry("/", "到搜索框：搜索全部报告（可用正则）") }
                        { entry("Esc", "关闭对话框、搜索结果、并排阅读或索引") }
                    </dl>
                    <h3>{ "关于" }</h3>
                    <p>{ format!("公文透镜 Gongwen Lens {}。", env!("CARGO_PKG_VERSION")) }</p>
                    <p>{ format!("隐私：报告文件只在本机浏览器中读取和分析，不上传到任何服务器；页面不联网获取任何内容。词表设置和自定义词表只保存在本机浏览器中。「本机保存」默认关闭；开启后，载入的报告文件保存在本浏览器的 IndexedDB 中，刷新后自动恢复，关闭该开关或点「清空」即删除。单个文件上限 {}。", format_bytes(ReadLimits::default().max_file_bytes)) }</p>
                </div>
                <footer class="dialog-footer">
                    <button class="primary" onclick={close}>{ "知道了" }</button>
                </footer>
            </div>
        </div>
    }
}
