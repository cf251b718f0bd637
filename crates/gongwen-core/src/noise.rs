//! Removed noise: what a phase took out of a report because it is not the
//! report's text (site marks, front matter, running headers of a PDF), kept
//! with its source position so that nothing is dropped silently. The readers
//! in [`source`](crate::source) and [`clean`](crate::clean) both record it, so
//! the type lives below both.

use serde::{Deserialize, Serialize};

/// What kind of noise a removal was.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NoiseKind {
    /// A paywall marker such as `##paidbegin##` or `##paidend##`.
    PaywallMarker,
    /// An advertisement inserted by a document-sharing site, such as
    /// `^【更多素^材尽在哒&哒~文*库】`.
    SiteAdvert,
    /// An invisible character (zero-width space, stray byte order mark).
    InvisibleCharacter,
    /// Markdown front matter other than its title (author, date, tags).
    FrontMatter,
    /// A PDF's running header or footer, repeated on its pages.
    RunningHeader,
    /// A PDF's page number (`- 3 -`, `第 3 页`).
    PageNumber,
    /// A salutation line (`各位代表：`, `同志们！`), in whatever markup.
    Salutation,
    /// A table of contents made of links to the document's own headings.
    TableOfContents,
}

impl NoiseKind {
    /// The kind's English name (paywall marker, running header …).
    pub fn label_en(self) -> &'static str {
        match self {
            NoiseKind::PaywallMarker => "paywall marker",
            NoiseKind::SiteAdvert => "site advert",
            NoiseKind::InvisibleCharacter => "invisible character",
            NoiseKind::FrontMatter => "front matter",
            NoiseKind::RunningHeader => "running header or footer",
            NoiseKind::PageNumber => "page number",
            NoiseKind::Salutation => "salutation",
            NoiseKind::TableOfContents => "table of contents",
        }
    }

    /// The kind's Chinese name, as users see it (付费标记, 页眉页脚 …).
    pub fn label(self) -> &'static str {
        match self {
            NoiseKind::PaywallMarker => "付费标记",
            NoiseKind::SiteAdvert => "网站广告",
            NoiseKind::InvisibleCharacter => "不可见字符",
            NoiseKind::FrontMatter => "文件头信息",
            NoiseKind::RunningHeader => "页眉页脚",
            NoiseKind::PageNumber => "页码",
            NoiseKind::Salutation => "称呼语",
            NoiseKind::TableOfContents => "目录",
        }
    }
}

/// One piece of text removed by cleaning.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RemovedNoise {
    /// What was removed.
    pub kind: NoiseKind,
    /// The removed text, exactly as it stood in the source.
    pub text: String,
    /// 1-based source line.
    pub line: u32,
    /// 1-based column, in characters, on that source line.
    pub column: u32,
}
