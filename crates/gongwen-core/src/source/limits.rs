//! How much a reader may take, and why a file could not be read.
//!
//! Users drop files they did not make. A Word document is a ZIP archive that
//! can unpack to gigabytes (a zip bomb), its XML can nest without end, a text
//! file can be 100 MB of one line. [`ReadLimits`] bounds what one file may
//! cost; a reader that hits a bound stops with a [`ReadError`] that says which,
//! and the other files go on.

use std::fmt;

use crate::decode::DecodeError;

/// What one file may cost. The defaults suit a browser tab on an ordinary
/// laptop; the page shows the file-size limit to users.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReadLimits {
    /// The largest file accepted, in bytes.
    pub max_file_bytes: u64,
    /// The most bytes all files loaded at once may have together (the page
    /// holds them for re-analysis).
    pub max_total_bytes: u64,
    /// The most bytes all entries of one ZIP container (a .docx, a .zip of
    /// reports) may unpack to together.
    pub max_unpacked_bytes: u64,
    /// The most entries one ZIP container may list.
    pub max_entries: usize,
    /// The largest ratio of unpacked to packed size one large entry may have;
    /// real documents stay far below it, zip bombs far above.
    pub max_compression_ratio: u64,
    /// The deepest nesting of XML elements a document may have.
    pub max_xml_depth: usize,
    /// The most pages of a PDF that are read.
    pub max_pdf_pages: u32,
}

impl Default for ReadLimits {
    fn default() -> Self {
        Self {
            max_file_bytes: 50 * MIB,
            max_total_bytes: 512 * MIB,
            max_unpacked_bytes: 256 * MIB,
            max_entries: 10_000,
            max_compression_ratio: 200,
            max_xml_depth: 256,
            max_pdf_pages: 2_000,
        }
    }
}

/// One mebibyte.
pub const MIB: u64 = 1024 * 1024;

/// Entries smaller than this are not held to the compression ratio: a small
/// file of repeated markup may compress well without being a bomb.
pub(crate) const RATIO_EXEMPT_BYTES: u64 = MIB;

impl ReadLimits {
    /// Fails when a file of `len` bytes is over the size limit.
    pub fn check_file_size(&self, len: usize) -> Result<(), ReadError> {
        let bytes = u64::try_from(len).unwrap_or(u64::MAX);
        if bytes > self.max_file_bytes {
            return Err(ReadError::TooLarge { bytes, limit: self.max_file_bytes });
        }
        Ok(())
    }
}

/// Formats a byte count as users read it: `812 B`, `7.4 KB`, `50.0 MB`, `1.2 GB`.
pub fn format_bytes(bytes: u64) -> String {
    const UNITS: [&str; 3] = ["KB", "MB", "GB"];
    if bytes < 1024 {
        return format!("{bytes} B");
    }
    let mut value = bytes as f64 / 1024.0;
    let mut unit = 0;
    // Rounding to one decimal must not show `1024.0 KB`.
    while value >= 1023.95 && unit + 1 < UNITS.len() {
        value /= 1024.0;
        unit += 1;
    }
    format!("{value:.1} {}", UNITS[unit])
}

/// Why a file could not be read.
///
/// The `Display` text is in Chinese and names the problem and what to do: it
/// is shown to users as is, in the page, the CLI and the wasm API.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReadError {
    /// A text file whose bytes are not text in a known encoding.
    Decode(DecodeError),
    /// The file is larger than [`ReadLimits::max_file_bytes`].
    TooLarge {
        /// The file's size.
        bytes: u64,
        /// The limit.
        limit: u64,
    },
    /// The files loaded together would be over [`ReadLimits::max_total_bytes`].
    TotalTooLarge {
        /// Bytes already loaded.
        loaded: u64,
        /// The limit.
        limit: u64,
    },
    /// A format the readers do not read, with what to convert it to.
    Unsupported(UnsupportedFormat),
    /// The file is of a format the readers know but is damaged or incomplete.
    Corrupt {
        /// The format, as users name it, e.g. `"Word 文档（.docx）"`.
        format: &'static str,
        /// What is wrong, in Chinese.
        detail: String,
    },
    /// Reading the file would exceed a limit: a zip bomb, absurd nesting.
    LimitExceeded {
        /// The format, as users name it, e.g. `"Word 文档（.docx）"`.
        format: &'static str,
        /// Which limit, in Chinese.
        detail: String,
    },
    /// The file is protected by a password.
    Encrypted {
        /// The format, as users name it, e.g. `"Word 文档（.docx）"`.
        format: &'static str,
    },
    /// A PDF with no text layer: a scan.
    NoTextLayer,
    /// A PDF given to a reader that has no PDF text extractor (the CLI).
    PdfNeedsPage,
    /// A ZIP archive of files: unpack it with
    /// [`unpack_reports`](super::archive::unpack_reports) first.
    Archive,
}

/// A format the readers do not read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct UnsupportedFormat {
    /// The format's name as users know it, e.g. `"Excel 表格（.xlsx）"`.
    pub name: &'static str,
    /// What to do instead, e.g. `"请把报告另存为 .docx 或 .txt"`.
    pub advice: &'static str,
}

impl From<DecodeError> for ReadError {
    fn from(error: DecodeError) -> Self {
        ReadError::Decode(error)
    }
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ReadError::Decode(error) => error.fmt(f),
            ReadError::TooLarge { bytes, limit } => {
                write!(f, "文件大小 {} 超过上限 {}，未读取；请拆分后再试", format_bytes(*bytes), format_bytes(*limit))
            }
            ReadError::TotalTooLarge { loaded, limit } => write!(
                f,
                "已载入 {} 的文件，再加上此文件将超过合计上限 {}，未读取；请先移除部分报告",
                format_bytes(*loaded),
                format_bytes(*limit)
            ),
            ReadError::Unsupported(format) => write!(f, "暂不支持读取{}；{}", format.name, format.advice),
            ReadError::Corrupt { format, detail } => write!(f, "{format}已损坏或不完整：{detail}"),
            ReadError::LimitExceeded { format, detail } => write!(f, "{format}超出读取限制，已拒绝：{detail}"),
            ReadError::Encrypted { format } => {
                write!(f, "{format}设有密码或已加密，无法读取；请取消密码后再试")
            }
            ReadError::NoTextLayer => {
                f.write_str("PDF 没有文字层（可能是扫描件或图片），无法提取文字；本工具不做文字识别（OCR）")
            }
            ReadError::PdfNeedsPage => {
                f.write_str("命令行和 JavaScript 接口不读取 PDF：请在网页中打开，或先将 PDF 另存为 .docx 或 .txt")
            }
            ReadError::Archive => f.write_str("这是 ZIP 压缩包，需先展开再逐个读取其中的报告"),
        }
    }
}

impl ReadError {
    /// The error in English (the `Display` text is Chinese). It names no
    /// format in Chinese and quotes nothing from the file.
    pub fn english(&self) -> String {
        match self {
            ReadError::Decode(error) => error.english(),
            ReadError::TooLarge { bytes, limit } => format!(
                "The file is {}, over the {} limit: not read; split it and try again",
                format_bytes(*bytes),
                format_bytes(*limit)
            ),
            ReadError::TotalTooLarge { loaded, limit } => format!(
                "{} of files are loaded; this one would pass the {} limit in all: not read; remove some reports first",
                format_bytes(*loaded),
                format_bytes(*limit)
            ),
            ReadError::Unsupported(_) => {
                "This kind of file is not read: save the report as .docx or .txt (a picture's text cannot be read)"
                    .to_owned()
            }
            ReadError::Corrupt { .. } => "The file is damaged or incomplete: it could not be read".to_owned(),
            ReadError::LimitExceeded { .. } => {
                "Reading the file would pass a safety limit (an archive bomb, absurd nesting): refused".to_owned()
            }
            ReadError::Encrypted { .. } => {
                "The file is protected by a password or encrypted: remove the password and try again".to_owned()
            }
            ReadError::NoTextLayer => {
                "The PDF has no text layer (a scan or pictures): its text cannot be read; this tool does no OCR"
                    .to_owned()
            }
            ReadError::PdfNeedsPage => {
                "The command line and the JavaScript API do not read PDFs: open it in the page, or save it as .docx or .txt"
                    .to_owned()
            }
            ReadError::Archive => "This is a ZIP archive: unpack it and read the reports inside".to_owned(),
        }
    }
}

impl std::error::Error for ReadError {}
