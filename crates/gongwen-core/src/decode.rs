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
}

impl Encoding {
    /// The encoding's name as the CLI prints it (`"utf-8"`, `"gb18030"`, …).
    pub fn label(self) -> &'static str {
        match self {
            Encoding::Utf8 => "utf-8",
            Encoding::Utf16Le => "utf-16le",
            Encoding::Utf16Be => "utf-16be",
            Encoding::Gb18030 => "gb18030",
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
    /// The bytes start with the signature of a known binary format.
    KnownBinaryFormat {
        /// The format's name, e.g. `"Word (.docx)"`.
        format: &'static str,
    },
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
            DecodeError::KnownBinaryFormat { format } => {
                write!(f, "这是 {format} 文件，不是纯文本；目前只能读取 .txt、.md、.html 文本，请另存为文本后再试")
            }
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

impl std::error::Error for DecodeError {}

/// Signatures of binary formats users are likely to drop by mistake, with the
/// name shown in the error.
const BINARY_SIGNATURES: &[(&[u8], &str)] = &[
    (b"PK\x03\x04", "Word（.docx）或 ZIP 压缩包"),
    (b"%PDF", "PDF"),
    (b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", "旧版 Word（.doc）或 Excel（.xls）"),
    (b"{\\rtf", "RTF 富文本"),
    (b"\x89PNG", "PNG 图片"),
    (b"\xFF\xD8\xFF", "JPEG 图片"),
    (b"GIF8", "GIF 图片"),
    (b"Rar!", "RAR 压缩包"),
    (b"7z\xBC\xAF", "7z 压缩包"),
    (b"\x1F\x8B", "gzip 压缩包"),
];

/// Decodes a file's bytes into text, detecting the encoding.
///
/// An empty input decodes to empty UTF-8 text: emptiness is for the analyses
/// to report, not a decoding failure.
pub fn decode_bytes(bytes: &[u8]) -> Result<DecodedText, DecodeError> {
    if let Some((_, format)) = BINARY_SIGNATURES.iter().find(|(signature, _)| bytes.starts_with(signature)) {
        // A text file whose first characters happen to be "PK" followed by
        // two control bytes is not a real report, so the signature is decisive.
        return Err(DecodeError::KnownBinaryFormat { format });
    }
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
        return Err(DecodeError::Binary { offset });
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(DecodedText { encoding: Encoding::Utf8, text: text.to_owned() }),
        Err(utf8_error) => {
            let (text, had_errors) = encoding_rs::GB18030.decode_without_bom_handling(bytes);
            if had_errors {
                Err(DecodeError::UnknownEncoding { offset: utf8_error.valid_up_to() })
            } else {
                Ok(DecodedText { encoding: Encoding::Gb18030, text: text.into_owned() })
            }
        }
    }
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
