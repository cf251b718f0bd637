//! What a file is, from its bytes: users rename files, save web pages as
//! `.txt` and send `.wps` files that are Word documents, so the readers never
//! trust a name to tell a Word document from a ZIP archive or a PDF.
//!
//! ZIP containers are told apart by their entries (`word/` is Word,
//! `mimetype` names an OpenDocument, `xl/` is Excel, `OFD.xml` is an OFD
//! file, anything else is an archive of reports); compound files (Word 97–2003,
//! WPS, Excel 97) by their streams.

use std::io::Cursor;

use super::limits::{ReadError, ReadLimits, UnsupportedFormat};
use super::zip_container::ZipContainer;

/// What a file's bytes are.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BinaryKind {
    /// A Word document (Office Open XML).
    Docx,
    /// An OpenDocument text.
    Odt,
    /// A Word 97–2003 or WPS binary document.
    Doc,
    /// A PDF.
    Pdf,
    /// A ZIP archive of other files.
    Archive,
    /// A format no reader reads.
    Unsupported(UnsupportedFormat),
    /// Anything else: text, to be decoded.
    Text,
}

/// The advice for documents in formats that word processors can convert.
const SAVE_AS_DOCX: &str = "请在 Word 或 WPS 中另存为 .docx 或 .txt 后再试";

const XLSX: UnsupportedFormat = UnsupportedFormat {
    name: "Excel 表格（.xlsx）",
    advice: "表格不是报告文档；如需分析，请把报告另存为 .docx 或 .txt",
};
const PPTX: UnsupportedFormat = UnsupportedFormat {
    name: "PowerPoint 演示文稿（.pptx）",
    advice: "请把讲稿另存为 .docx 或 .txt 后再试",
};
const OFD: UnsupportedFormat = UnsupportedFormat {
    name: "OFD 版式文件",
    advice: "请用数科或福昕 OFD 阅读器导出为 PDF 或 .txt 后再试",
};
const OFFICE_OTHER: UnsupportedFormat = UnsupportedFormat { name: "此类 Office 文件", advice: SAVE_AS_DOCX };

/// Signatures of formats no reader reads, with what to tell the user.
const UNSUPPORTED_SIGNATURES: &[(&[u8], UnsupportedFormat)] = &[
    (b"{\\rtf", UnsupportedFormat { name: "RTF 富文本（.rtf）", advice: SAVE_AS_DOCX }),
    (
        b"\x89PNG",
        UnsupportedFormat {
            name: "PNG 图片", advice: "图片中的文字无法读取（不做文字识别），请提供文字版报告"
        },
    ),
    (
        b"\xFF\xD8\xFF",
        UnsupportedFormat {
            name: "JPEG 图片", advice: "图片中的文字无法读取（不做文字识别），请提供文字版报告"
        },
    ),
    (b"GIF8", UnsupportedFormat { name: "GIF 图片", advice: "图片中的文字无法读取，请提供文字版报告" }),
    (b"BM", UnsupportedFormat { name: "BMP 图片", advice: "图片中的文字无法读取，请提供文字版报告" }),
    (b"II*\x00", UnsupportedFormat { name: "TIFF 图片", advice: "图片中的文字无法读取，请提供文字版报告" }),
    (b"MM\x00*", UnsupportedFormat { name: "TIFF 图片", advice: "图片中的文字无法读取，请提供文字版报告" }),
    (
        b"Rar!",
        UnsupportedFormat {
            name: "RAR 压缩包", advice: "请解压后拖入其中的报告，或改用 .zip 压缩包"
        },
    ),
    (
        b"7z\xBC\xAF",
        UnsupportedFormat {
            name: "7z 压缩包", advice: "请解压后拖入其中的报告，或改用 .zip 压缩包"
        },
    ),
    (
        b"\x1F\x8B",
        UnsupportedFormat {
            name: "gzip 压缩包", advice: "请解压后拖入其中的报告，或改用 .zip 压缩包"
        },
    ),
    (b"\x7FELF", UnsupportedFormat { name: "可执行程序", advice: "这不是报告文件" }),
    (b"MZ", UnsupportedFormat { name: "Windows 可执行程序", advice: "这不是报告文件" }),
];

/// The signature of a ZIP local file header.
const ZIP_SIGNATURE: &[u8] = b"PK\x03\x04";
/// The signature of an OLE compound file (Word 97–2003, WPS, Excel 97).
const CFB_SIGNATURE: &[u8] = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";

/// Tells what `bytes` are. Fails only for a container that cannot be opened.
pub fn sniff_bytes(bytes: &[u8], limits: &ReadLimits) -> Result<BinaryKind, ReadError> {
    if bytes.starts_with(ZIP_SIGNATURE) || bytes.starts_with(b"PK\x05\x06") {
        return sniff_zip(bytes, limits);
    }
    if bytes.starts_with(CFB_SIGNATURE) {
        return sniff_compound_file(bytes);
    }
    // A PDF's header may follow up to a kilobyte of junk.
    if bytes.get(..1024).unwrap_or(bytes).windows(5).any(|window| window == b"%PDF-") {
        return Ok(BinaryKind::Pdf);
    }
    if let Some((_, format)) = UNSUPPORTED_SIGNATURES.iter().find(|(signature, _)| bytes.starts_with(signature)) {
        // "BM" and "MZ" also begin ordinary ASCII words; only a binary file
        // has a NUL soon after them.
        let short_signature = format.name.contains("BMP") || format.name.contains("Windows");
        if !short_signature || bytes.iter().take(64).any(|&byte| byte == 0) {
            return Ok(BinaryKind::Unsupported(*format));
        }
    }
    Ok(BinaryKind::Text)
}

fn sniff_zip(bytes: &[u8], limits: &ReadLimits) -> Result<BinaryKind, ReadError> {
    let format = if first_local_entry_is_office(bytes) { "Word 文档（.docx）" } else { "ZIP 压缩包" };
    let mut container = ZipContainer::open(bytes, limits, format)?;
    let names = container.entry_names();
    let has = |prefix: &str| names.iter().any(|entry| entry.name.starts_with(prefix));
    if has("word/") {
        return Ok(BinaryKind::Docx);
    }
    if container.contains("mimetype") {
        let mimetype = container.read_named("mimetype")?.unwrap_or_default();
        return Ok(match mimetype.as_slice() {
            b"application/vnd.oasis.opendocument.text" => BinaryKind::Odt,
            b"application/vnd.oasis.opendocument.spreadsheet" => BinaryKind::Unsupported(XLSX),
            b"application/vnd.oasis.opendocument.presentation" => BinaryKind::Unsupported(PPTX),
            _ => BinaryKind::Unsupported(OFFICE_OTHER),
        });
    }
    if has("xl/") {
        return Ok(BinaryKind::Unsupported(XLSX));
    }
    if has("ppt/") {
        return Ok(BinaryKind::Unsupported(PPTX));
    }
    if container.contains("OFD.xml") {
        return Ok(BinaryKind::Unsupported(OFD));
    }
    if container.contains("[Content_Types].xml") {
        return Ok(BinaryKind::Unsupported(OFFICE_OTHER));
    }
    Ok(BinaryKind::Archive)
}

/// Whether the first local header names an Office part, so that a truncated
/// Word document (whose directory at the end is gone) is called one.
fn first_local_entry_is_office(bytes: &[u8]) -> bool {
    let Some(header) = bytes.get(..30) else { return false };
    let name_len = usize::from(u16::from_le_bytes([header[26], header[27]]));
    let name = bytes.get(30..30 + name_len).unwrap_or_default();
    name == b"[Content_Types].xml" || name.starts_with(b"word/") || name.starts_with(b"_rels/")
}

fn sniff_compound_file(bytes: &[u8]) -> Result<BinaryKind, ReadError> {
    let file = cfb::CompoundFile::open(Cursor::new(bytes)).map_err(|error| ReadError::Corrupt {
        format: "Word 97–2003 文档（.doc）",
        detail: format!("复合文档结构无效（{error}）"),
    })?;
    let has = |name: &str| file.exists(name);
    if has("/WordDocument") {
        Ok(BinaryKind::Doc)
    } else if has("/EncryptedPackage") {
        Err(ReadError::Encrypted { format: "Office 文档" })
    } else if has("/Workbook") || has("/Book") {
        Ok(BinaryKind::Unsupported(UnsupportedFormat { name: "Excel 97–2003 表格（.xls）", advice: XLSX.advice }))
    } else if has("/PowerPoint Document") {
        Ok(BinaryKind::Unsupported(UnsupportedFormat {
            name: "PowerPoint 97–2003 演示文稿（.ppt）",
            advice: PPTX.advice,
        }))
    } else {
        Ok(BinaryKind::Unsupported(OFFICE_OTHER))
    }
}
