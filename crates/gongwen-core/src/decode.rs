//! Phase 1, **decode**: turn the raw bytes of a dropped file into text.
//!
//! Reports arrive as UTF-8 (with or without a byte order mark), as UTF-16 with a
//! BOM (Notepad's "Unicode"), or as GBK/GB2312 from Chinese Windows, which
//! GB18030 decodes as a superset. The order of attempts is: BOM sniffing, strict
//! UTF-8, then strict GB18030. Whatever does not decode cleanly, or looks like a
//! binary file (NUL bytes, control characters, a known binary signature such as
//! a .docx or PDF), is a [`DecodeError`], never garbage text.

use std::fmt;

use serde::{Deserialize, Serialize};

/// The text encoding a file was decoded from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Encoding {
    /// UTF-8, with or without a byte order mark.
    #[serde(rename = "utf-8")]
    Utf8,
    /// UTF-16 little endian, recognised by its byte order mark.
    #[serde(rename = "utf-16le")]
    Utf16Le,
    /// UTF-16 big endian, recognised by its byte order mark.
    #[serde(rename = "utf-16be")]
    Utf16Be,
    /// GB18030, which also covers GBK and GB2312.
    #[serde(rename = "gb18030")]
    Gb18030,
    /// Windows-1252: the "compressed" text of a Word 97–2003 document with no
    /// character outside it.
    #[serde(rename = "windows-1252")]
    Windows1252,
}

impl Encoding {
    /// The encoding's name as the CLI prints it (`"utf-8"`, `"gb18030"`, …).
    pub fn label(self) -> &'static str {
        match self {
            Encoding::Utf8 => "utf-8",
            Encoding::Utf16Le => "utf-16le",
            Encoding::Utf16Be => "utf-16be",
            Encoding::Gb18030 => "gb18030",
            Encoding::Windows1252 => "windows-1252",
        }
    }
}

impl fmt::Display for Encoding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

/// A file's text together with the encoding it was decoded from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DecodedText {
    /// The detected encoding.
    pub encoding: Encoding,
    /// The decoded text, without a byte order mark.
    pub text: String,
}

/// Why a file's bytes could not be turned into text.
///
/// The `Display` text is in Chinese because it is shown to users as is: in the
/// page's file list, on the CLI's standard error and in the wasm API's errors.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DecodeError {
    /// The bytes contain a NUL byte, which text in UTF-8 or GB18030 never has.
    Binary {
        /// Byte offset of the first NUL byte in the file.
        offset: usize,
    },
    /// The decoded text contains a control character that text files do not
    /// have: a binary file that happened to decode.
    ControlCharacter {
        /// The offending character's code point.
        code_point: u32,
    },
    /// A UTF-16 byte order mark was found but the rest is not valid UTF-16.
    InvalidUtf16 {
        /// The byte order the mark announced.
        encoding: Encoding,
    },
    /// Neither UTF-8 nor GB18030 decodes the bytes without errors.
    UnknownEncoding {
        /// Byte offset where UTF-8 decoding first failed.
        offset: usize,
    },
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DecodeError::Binary { offset } => {
                write!(f, "文件含有 NUL 字节（第 {offset} 字节处），是二进制文件而不是文本")
            }
            DecodeError::ControlCharacter { code_point } => {
                write!(f, "文件含有文本中不应出现的控制字符 U+{code_point:04X}，像是二进制文件")
            }
            DecodeError::InvalidUtf16 { encoding } => {
                write!(f, "文件以 {encoding} 字节序标记开头，但内容不是有效的 UTF-16 文本")
            }
            DecodeError::UnknownEncoding { offset } => {
                write!(f, "无法识别文件编码：既不是 UTF-8，也不是 GBK/GB18030（第 {offset} 字节处出错）")
            }
        }
    }
}

impl DecodeError {
    /// The error in English (the `Display` text is Chinese).
    pub fn english(&self) -> String {
        match self {
            DecodeError::Binary { offset } => {
                format!("The file holds a NUL byte (at byte {offset}): it is a binary file, not text")
            }
            DecodeError::ControlCharacter { code_point } => {
                format!(
                    "The file holds the control character U+{code_point:04X}, which text never has: it looks binary"
                )
            }
            DecodeError::InvalidUtf16 { encoding } => {
                format!("The file starts with a {encoding} byte-order mark, but its content is not valid UTF-16")
            }
            DecodeError::UnknownEncoding { offset } => {
                format!("The file's encoding is not recognised: neither UTF-8 nor GBK/GB18030 (error at byte {offset})")
            }
        }
    }
}

impl std::error::Error for DecodeError {}

/// Decodes a file's bytes into text, detecting the encoding.
///
/// An empty input decodes to empty UTF-8 text: emptiness is for the analyses
/// to report, not a decoding failure.
pub fn decode_bytes(bytes: &[u8]) -> Result<DecodedText, DecodeError> {
    let decoded = if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        decode_utf8_or_gb18030(rest)?
    } else if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        decode_utf16(rest, Encoding::Utf16Le)?
    } else if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        decode_utf16(rest, Encoding::Utf16Be)?
    } else {
        decode_utf8_or_gb18030(bytes)?
    };
    reject_control_characters(&decoded.text)?;
    Ok(decoded)
}

fn decode_utf8_or_gb18030(bytes: &[u8]) -> Result<DecodedText, DecodeError> {
    if let Some(offset) = bytes.iter().position(|&byte| byte == 0) {
        // Text never has NUL bytes, but UTF-16 saved without a byte order
        // mark has one in every ASCII character (line breaks, digits).
        return utf16_without_bom(bytes).ok_or(DecodeError::Binary { offset });
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(DecodedText { encoding: Encoding::Utf8, text: text.to_owned() }),
        Err(utf8_error) => {
            let (text, had_errors) = encoding_rs::GB18030.decode_without_bom_handling(bytes);
            if !had_errors {
                Ok(DecodedText { encoding: Encoding::Gb18030, text: text.into_owned() })
            } else {
                utf16_without_bom(bytes).ok_or(DecodeError::UnknownEncoding { offset: utf8_error.valid_up_to() })
            }
        }
    }
}

/// Recognises UTF-16 without a byte order mark: when one byte order decodes
/// without errors to text that reads as text (CJK, ASCII, common
/// punctuation). The byte order that puts more NUL bytes where ASCII
/// characters have their zero high byte is tried first; the other order is
/// tried too, since CJK characters such as 一 (U+4E00) have zero bytes as well.
fn utf16_without_bom(bytes: &[u8]) -> Option<DecodedText> {
    // A few bytes read as anything; a report is longer than this.
    const SHORTEST: usize = 32;
    if bytes.len() < SHORTEST || !bytes.len().is_multiple_of(2) {
        return None;
    }
    let nul_at_even = bytes.iter().step_by(2).filter(|&&byte| byte == 0).count();
    let nul_at_odd = bytes.iter().skip(1).step_by(2).filter(|&&byte| byte == 0).count();
    let candidates = if nul_at_odd >= nul_at_even {
        [Encoding::Utf16Le, Encoding::Utf16Be]
    } else {
        [Encoding::Utf16Be, Encoding::Utf16Le]
    };
    candidates.iter().find_map(|&encoding| {
        let decoded = decode_utf16(bytes, encoding).ok()?;
        reads_as_text(&decoded.text).then_some(decoded)
    })
}

/// Whether nearly every character is one a Chinese or Latin text uses.
fn reads_as_text(text: &str) -> bool {
    let is_common = |c: char| {
        matches!(c, '\t' | '\n' | '\r' | ' '..='~' | '\u{A0}'..='\u{17F}' | '\u{2000}'..='\u{206F}'
            | '\u{3000}'..='\u{303F}' | '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}' | '\u{FF00}'..='\u{FFEF}')
    };
    let total = text.chars().count();
    let common = text.chars().filter(|&c| is_common(c)).count();
    let stray_control = text.chars().any(|c| c.is_control() && !matches!(c, '\t' | '\n' | '\r'));
    total > 0 && !stray_control && common * 100 >= total * 98
}

fn decode_utf16(bytes: &[u8], encoding: Encoding) -> Result<DecodedText, DecodeError> {
    let codec = match encoding {
        Encoding::Utf16Be => encoding_rs::UTF_16BE,
        _ => encoding_rs::UTF_16LE,
    };
    let (text, had_errors) = codec.decode_without_bom_handling(bytes);
    if had_errors {
        return Err(DecodeError::InvalidUtf16 { encoding });
    }
    Ok(DecodedText { encoding, text: text.into_owned() })
}

/// Rejects text that contains control characters other than the ordinary
/// whitespace ones: such "text" is a binary file that happened to decode.
fn reject_control_characters(text: &str) -> Result<(), DecodeError> {
    let is_stray_control =
        |c: char| c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\u{0B}' | '\u{0C}' | '\u{85}');
    match text.chars().find(|&c| is_stray_control(c)) {
        Some(c) => Err(DecodeError::ControlCharacter { code_point: u32::from(c) }),
        None => Ok(()),
    }
}
