//! Word 97–2003 binary documents (`.doc`) and WPS Office's `.wps`, which uses
//! the same layout → paragraphs as lines.
//!
//! The file is an OLE compound file. Its `WordDocument` stream starts with
//! the FIB, which says where the piece table (`Clx`) lies in the table stream
//! (`0Table` or `1Table`) and how many characters the main text has. The
//! piece table maps character positions to byte runs of the `WordDocument`
//! stream, each either UTF-16LE or "compressed" Windows-1252. The text's
//! control characters are then read as Word means them: paragraph and cell
//! marks end lines, fields show their result, objects and note references
//! leave nothing.
//!
//! Automatic numbering is not rendered: when the document defines lists and
//! no line starts with a number, a note says the numbers may be missing.

use std::io::{Cursor, Read};

use super::limits::{ReadError, ReadLimits, format_bytes};
use super::{LineHint, LineUnit, SourceDocument, SourceFormat, SourceLine};
use crate::decode::Encoding;
use crate::diagnostic::Diagnostic;

const FORMAT: &str = "Word 97–2003 文档（.doc）";

/// The FIB's magic number.
const WORD_IDENT: u16 = 0xA5EC;
/// The first FIB version with a piece table we read (Word 97).
const WORD_97_FIB: u16 = 0x00C1;
/// Index of the `Clx` pair in `FibRgFcLcb97`.
const CLX_PAIR: usize = 33;
/// Index of the list-definitions (`PlfLst`) pair.
const LIST_PAIR: usize = 73;

fn corrupt(detail: impl Into<String>) -> ReadError {
    ReadError::Corrupt { format: FORMAT, detail: detail.into() }
}

/// Reads a .doc or .wps.
pub fn read_doc(bytes: &[u8], limits: &ReadLimits) -> Result<SourceDocument, ReadError> {
    let mut file =
        cfb::CompoundFile::open(Cursor::new(bytes)).map_err(|error| corrupt(format!("复合文档结构无效（{error}）")))?;
    let word_document = read_stream(&mut file, "/WordDocument", limits)?;
    let fib = Fib::parse(&word_document)?;
    if fib.encrypted {
        return Err(ReadError::Encrypted { format: FORMAT });
    }
    if fib.version < WORD_97_FIB {
        return Err(ReadError::Unsupported(super::limits::UnsupportedFormat {
            name: "Word 6.0/95 文档",
            advice: "请在 Word 或 WPS 中另存为 .docx 后再试",
        }));
    }
    let table_name = if fib.table_one { "/1Table" } else { "/0Table" };
    let table = read_stream(&mut file, table_name, limits)?;
    let clx =
        table.get(fib.clx.0..fib.clx.0.saturating_add(fib.clx.1)).ok_or_else(|| corrupt("片段表位置超出文件范围"))?;
    let (text, any_unicode) = piece_text(clx, &word_document, fib.text_chars)?;
    let lines = text_to_lines(&text);
    let mut notes = Vec::new();
    let numbered_lines = lines.iter().filter(|line| starts_with_number(line.text.trim())).count();
    if fib.has_lists && numbered_lines == 0 {
        notes.push(Diagnostic::info(
            "doc-numbering-missing",
            "此 .doc 文件使用了 Word 自动编号，编号不在正文中：标题前的“一、”“（一）”等可能缺失，大纲层级可能不全；如需完整大纲，请在 Word 或 WPS 中另存为 .docx 后再分析",
            "This .doc file uses Word's automatic numbering, which is not in its text: the numbers before headings \
             may be missing and the outline incomplete; for a full outline, save it as .docx in Word or WPS first",
            None,
        ));
    }
    Ok(SourceDocument {
        format: SourceFormat::Doc,
        encoding: if any_unicode { Encoding::Utf16Le } else { Encoding::Windows1252 },
        lines,
        removed: Vec::new(),
        notes,
        unit: LineUnit::Paragraph,
    })
}

fn read_stream(
    file: &mut cfb::CompoundFile<Cursor<&[u8]>>,
    name: &str,
    limits: &ReadLimits,
) -> Result<Vec<u8>, ReadError> {
    let mut stream =
        file.open_stream(name).map_err(|_| corrupt(format!("缺少 {} 数据流", name.trim_start_matches('/'))))?;
    let mut content = Vec::new();
    stream
        .by_ref()
        .take(limits.max_unpacked_bytes.saturating_add(1))
        .read_to_end(&mut content)
        .map_err(|error| corrupt(format!("读取数据流失败（{error}）")))?;
    if u64::try_from(content.len()).unwrap_or(u64::MAX) > limits.max_unpacked_bytes {
        return Err(ReadError::LimitExceeded {
            format: FORMAT,
            detail: format!("数据流超过 {}", format_bytes(limits.max_unpacked_bytes)),
        });
    }
    Ok(content)
}

/// What the reader needs of the FIB.
struct Fib {
    version: u16,
    encrypted: bool,
    table_one: bool,
    text_chars: usize,
    clx: (usize, usize),
    has_lists: bool,
}

impl Fib {
    fn parse(stream: &[u8]) -> Result<Self, ReadError> {
        let u16_at = |offset: usize| stream.get(offset..offset + 2).map(|b| u16::from_le_bytes([b[0], b[1]]));
        let u32_at =
            |offset: usize| stream.get(offset..offset + 4).map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]));
        let short = || corrupt("文件信息块（FIB）不完整");
        if u16_at(0) != Some(WORD_IDENT) {
            return Err(corrupt("不是 Word 文档数据流"));
        }
        let version = u16_at(2).ok_or_else(short)?;
        let flags = u16_at(10).ok_or_else(short)?;
        let shorts = usize::from(u16_at(32).ok_or_else(short)?);
        let longs_at = 34 + shorts * 2;
        let longs = usize::from(u16_at(longs_at).ok_or_else(short)?);
        let text_chars = u32_at(longs_at + 2 + 3 * 4).ok_or_else(short)?;
        let pairs_at = longs_at + 2 + longs * 4;
        let pairs = usize::from(u16_at(pairs_at).ok_or_else(short)?);
        let pair = |index: usize| -> Option<(usize, usize)> {
            if index >= pairs {
                return None;
            }
            let at = pairs_at + 2 + index * 8;
            Some((usize::try_from(u32_at(at)?).ok()?, usize::try_from(u32_at(at + 4)?).ok()?))
        };
        let clx = pair(CLX_PAIR).ok_or_else(short)?;
        Ok(Fib {
            version,
            encrypted: flags & 0x0100 != 0,
            table_one: flags & 0x0200 != 0,
            text_chars: usize::try_from(text_chars).unwrap_or(usize::MAX),
            clx,
            has_lists: pair(LIST_PAIR).is_some_and(|(_, len)| len > 0),
        })
    }
}

/// The main text from the piece table: `(text, whether any piece is UTF-16)`.
fn piece_text(clx: &[u8], stream: &[u8], text_chars: usize) -> Result<(String, bool), ReadError> {
    let mut at = 0;
    // Skip the property modifiers (Prc) that precede the piece table.
    while clx.get(at) == Some(&0x01) {
        let len = clx
            .get(at + 1..at + 3)
            .map(|b| usize::from(u16::from_le_bytes([b[0], b[1]])))
            .ok_or_else(|| corrupt("片段表不完整"))?;
        at += 3 + len;
    }
    if clx.get(at) != Some(&0x02) {
        return Err(corrupt("找不到片段表"));
    }
    let table_len = clx
        .get(at + 1..at + 5)
        .map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
        .and_then(|len| usize::try_from(len).ok())
        .ok_or_else(|| corrupt("片段表不完整"))?;
    let table = clx.get(at + 5..at + 5 + table_len).ok_or_else(|| corrupt("片段表不完整"))?;
    if table.len() < 4 {
        return Err(corrupt("片段表为空"));
    }
    let pieces = (table.len() - 4) / 12;
    let position = |index: usize| -> usize {
        table
            .get(index * 4..index * 4 + 4)
            .map_or(0, |b| usize::try_from(u32::from_le_bytes([b[0], b[1], b[2], b[3]])).unwrap_or(0))
    };
    let mut text = String::new();
    let mut any_unicode = false;
    for index in 0..pieces {
        let (start, end) = (position(index), position(index + 1));
        if start >= text_chars {
            break;
        }
        let chars = end.min(text_chars).saturating_sub(start);
        let descriptor = (pieces + 1) * 4 + index * 8;
        let fc = table
            .get(descriptor + 2..descriptor + 6)
            .map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
            .ok_or_else(|| corrupt("片段描述不完整"))?;
        let compressed = fc & 0x4000_0000 != 0;
        let offset = usize::try_from(fc & 0x3FFF_FFFF).unwrap_or(usize::MAX);
        if compressed {
            let from = offset / 2;
            let bytes = stream.get(from..from.saturating_add(chars)).ok_or_else(|| corrupt("文字片段超出文件范围"))?;
            text.push_str(&encoding_rs::WINDOWS_1252.decode_without_bom_handling(bytes).0);
        } else {
            any_unicode = true;
            let bytes =
                stream.get(offset..offset.saturating_add(chars * 2)).ok_or_else(|| corrupt("文字片段超出文件范围"))?;
            text.push_str(&encoding_rs::UTF_16LE.decode_without_bom_handling(bytes).0);
        }
    }
    Ok((text, any_unicode))
}

/// Reads Word's control characters: 0x0D ends a paragraph, 0x07 a table cell
/// (two in a row end the row), 0x0B breaks a line, 0x0C a page; a field
/// (0x13 instruction 0x14 result 0x15) shows its result.
fn text_to_lines(text: &str) -> Vec<SourceLine> {
    let mut lines = Vec::new();
    let mut current = String::new();
    let mut paragraph = 1u32;
    let mut line_paragraph = 1u32;
    // Per open field, whether its result has started.
    let mut fields: Vec<bool> = Vec::new();
    let mut previous = '\0';
    let finish = |current: &mut String, number: u32, lines: &mut Vec<SourceLine>| {
        let text = std::mem::take(current);
        lines.push(SourceLine { text, line: number, column: 1, hint: LineHint::Plain, breaks: Vec::new() });
    };
    for c in text.chars() {
        match c {
            '\u{13}' => fields.push(false),
            '\u{14}' => {
                if let Some(result) = fields.last_mut() {
                    *result = true;
                }
            }
            '\u{15}' => {
                fields.pop();
            }
            _ if fields.iter().any(|result| !result) => {}
            '\r' | '\u{0C}' => {
                finish(&mut current, line_paragraph, &mut lines);
                paragraph += 1;
                line_paragraph = paragraph;
            }
            '\u{07}' => {
                if previous == '\u{07}' {
                    // The row mark: the row is one line, cells tab-separated.
                    while current.ends_with('\t') {
                        current.pop();
                    }
                    finish(&mut current, line_paragraph, &mut lines);
                    paragraph += 1;
                    line_paragraph = paragraph;
                } else {
                    current.push('\t');
                    paragraph += 1;
                }
            }
            '\u{0B}' => finish(&mut current, line_paragraph, &mut lines),
            '\u{1E}' => current.push('-'),
            '\u{A0}' => current.push(' '),
            '\t' => current.push('\t'),
            _ if c.is_control() => {}
            _ => current.push(c),
        }
        previous = c;
    }
    if !current.is_empty() {
        finish(&mut current, line_paragraph, &mut lines);
    }
    lines
}

/// Whether a line starts like a numbered heading (`一、`, `（一）`, `1.`):
/// enough to tell whether Word's numbers made it into the text.
fn starts_with_number(line: &str) -> bool {
    let is_numeral = |c: char| "一二三四五六七八九十".contains(c) || c.is_ascii_digit();
    let rest = line.trim_start_matches(['（', '(']);
    let digits = rest.chars().take_while(|&c| is_numeral(c)).count();
    digits > 0 && rest.chars().nth(digits).is_some_and(|c| "、.．）)".contains(c))
}
