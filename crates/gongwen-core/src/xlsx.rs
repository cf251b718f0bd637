//! A workbook (.xlsx) of plain tables, one sheet each, that Excel and WPS
//! open: the smallest Office Open XML package — content types, the
//! workbook and its relationships, and each sheet with its cells written
//! inline (no shared-strings part) — in a zip archive whose entries are
//! stored, not compressed (a few hundred kilobytes at most; no compressor
//! in the page). Text is escaped for XML, and characters XML cannot hold
//! are dropped.

use std::fmt::Write;

/// A cell of a table.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    /// Text.
    Text(String),
    /// A number.
    Number(f64),
    /// Nothing.
    Empty,
}

/// A table: its sheet's name (at most 31 characters, no `[]:*?/\`) and its
/// rows, the first being the header.
#[derive(Debug, Clone, PartialEq)]
pub struct Sheet {
    /// The sheet's name.
    pub name: String,
    /// The rows.
    pub rows: Vec<Vec<Cell>>,
}

/// The .xlsx file of `sheets`, in order.
pub fn workbook(sheets: &[Sheet]) -> Vec<u8> {
    let mut archive = StoredZip::default();
    let mut content_types = String::from(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>"#,
    );
    let mut workbook = String::from(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>"#,
    );
    let mut relationships = String::from(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#,
    );
    for (index, sheet) in sheets.iter().enumerate() {
        let number = index + 1;
        let _ = write!(
            content_types,
            r#"<Override PartName="/xl/worksheets/sheet{number}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>"#
        );
        let _ = write!(
            workbook,
            r#"<sheet name="{}" sheetId="{number}" r:id="rId{number}"/>"#,
            xml_text(&sheet_name(&sheet.name))
        );
        let _ = write!(
            relationships,
            r#"<Relationship Id="rId{number}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet{number}.xml"/>"#
        );
    }
    content_types.push_str("</Types>");
    workbook.push_str("</sheets></workbook>");
    relationships.push_str("</Relationships>");
    archive.add("[Content_Types].xml", content_types.as_bytes());
    archive.add(
        "_rels/.rels",
        br#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#,
    );
    archive.add("xl/workbook.xml", workbook.as_bytes());
    archive.add("xl/_rels/workbook.xml.rels", relationships.as_bytes());
    for (index, sheet) in sheets.iter().enumerate() {
        archive.add(&format!("xl/worksheets/sheet{}.xml", index + 1), sheet_xml(sheet).as_bytes());
    }
    archive.finish()
}

/// A sheet's XML: each row with its cells, text inline.
fn sheet_xml(sheet: &Sheet) -> String {
    let mut xml = String::from(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>"#,
    );
    for (row_index, row) in sheet.rows.iter().enumerate() {
        let _ = write!(xml, r#"<row r="{}">"#, row_index + 1);
        for (column, cell) in row.iter().enumerate() {
            let reference = format!("{}{}", column_name(column), row_index + 1);
            match cell {
                Cell::Text(text) => {
                    let _ = write!(
                        xml,
                        r#"<c r="{reference}" t="inlineStr"><is><t xml:space="preserve">{}</t></is></c>"#,
                        xml_text(text)
                    );
                }
                Cell::Number(number) if number.is_finite() => {
                    let _ = write!(xml, r#"<c r="{reference}"><v>{number}</v></c>"#);
                }
                Cell::Number(_) | Cell::Empty => {}
            }
        }
        xml.push_str("</row>");
    }
    xml.push_str("</sheetData></worksheet>");
    xml
}

/// The letters of a column (0 → A, 25 → Z, 26 → AA).
fn column_name(mut column: usize) -> String {
    let mut letters = Vec::new();
    loop {
        letters.push(char::from(b'A' + (column % 26) as u8));
        if column < 26 {
            break;
        }
        column = column / 26 - 1;
    }
    letters.iter().rev().collect()
}

/// A name Excel accepts for a sheet: at most 31 characters, none of `[]:*?/\`.
fn sheet_name(name: &str) -> String {
    let cleaned: String =
        name.chars().filter(|c| !matches!(c, '[' | ']' | ':' | '*' | '?' | '/' | '\\')).take(31).collect();
    if cleaned.is_empty() { "Sheet".to_owned() } else { cleaned }
}

/// Text escaped for XML, without the control characters XML 1.0 cannot hold.
fn xml_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out
}

/// A zip archive of stored entries, written in memory.
#[derive(Default)]
struct StoredZip {
    bytes: Vec<u8>,
    central: Vec<u8>,
    entries: u16,
}

impl StoredZip {
    fn add(&mut self, name: &str, data: &[u8]) {
        let offset = u32::try_from(self.bytes.len()).unwrap_or(u32::MAX);
        let crc = crc32(data);
        let size = u32::try_from(data.len()).unwrap_or(u32::MAX);
        let name_length = u16::try_from(name.len()).unwrap_or(u16::MAX);
        // Version 2.0, flag bit 11 (names in UTF-8), method 0 (stored), a
        // fixed time and date (1 January 2020).
        let common = |out: &mut Vec<u8>| {
            out.extend_from_slice(&20u16.to_le_bytes());
            out.extend_from_slice(&0x0800u16.to_le_bytes());
            out.extend_from_slice(&0u16.to_le_bytes());
            out.extend_from_slice(&0u16.to_le_bytes());
            out.extend_from_slice(&0x5021u16.to_le_bytes());
            out.extend_from_slice(&crc.to_le_bytes());
            out.extend_from_slice(&size.to_le_bytes());
            out.extend_from_slice(&size.to_le_bytes());
            out.extend_from_slice(&name_length.to_le_bytes());
            out.extend_from_slice(&0u16.to_le_bytes());
        };
        self.bytes.extend_from_slice(&0x0403_4b50u32.to_le_bytes());
        common(&mut self.bytes);
        self.bytes.extend_from_slice(name.as_bytes());
        self.bytes.extend_from_slice(data);
        self.central.extend_from_slice(&0x0201_4b50u32.to_le_bytes());
        self.central.extend_from_slice(&20u16.to_le_bytes());
        common(&mut self.central);
        // Comment length, disk, internal attributes (2 bytes each), external
        // attributes (4), then the local header's offset.
        self.central.extend_from_slice(&[0; 6]);
        self.central.extend_from_slice(&0u32.to_le_bytes());
        self.central.extend_from_slice(&offset.to_le_bytes());
        self.central.extend_from_slice(name.as_bytes());
        self.entries += 1;
    }

    fn finish(mut self) -> Vec<u8> {
        let central_offset = u32::try_from(self.bytes.len()).unwrap_or(u32::MAX);
        let central_size = u32::try_from(self.central.len()).unwrap_or(u32::MAX);
        self.bytes.append(&mut self.central);
        self.bytes.extend_from_slice(&0x0605_4b50u32.to_le_bytes());
        self.bytes.extend_from_slice(&[0; 4]);
        self.bytes.extend_from_slice(&self.entries.to_le_bytes());
        self.bytes.extend_from_slice(&self.entries.to_le_bytes());
        self.bytes.extend_from_slice(&central_size.to_le_bytes());
        self.bytes.extend_from_slice(&central_offset.to_le_bytes());
        self.bytes.extend_from_slice(&0u16.to_le_bytes());
        self.bytes
    }
}

/// The CRC-32 (IEEE, as zip uses) of `data`.
fn crc32(data: &[u8]) -> u32 {
    let mut crc = !0u32;
    for &byte in data {
        crc ^= u32::from(byte);
        for _ in 0..8 {
            crc = if crc & 1 == 1 { (crc >> 1) ^ 0xEDB8_8320 } else { crc >> 1 };
        }
    }
    !crc
}

#[cfg(test)]
mod tests {
    use std::io::Read;

    use super::*;

    #[test]
    fn the_workbook_is_a_zip_with_every_part_and_its_cells() {
        let sheets = [
            Sheet {
                name: "总览".to_owned(),
                rows: vec![
                    vec![Cell::Text("文件".to_owned()), Cell::Text("字数".to_owned())],
                    vec![Cell::Text("a<b>&\"c\".txt\u{1}".to_owned()), Cell::Number(2526.0), Cell::Empty],
                ],
            },
            Sheet { name: "数据/[校对]".to_owned(), rows: vec![] },
        ];
        let bytes = workbook(&sheets);
        let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a zip archive");
        let names: Vec<String> = archive.file_names().map(str::to_owned).collect();
        for part in [
            "[Content_Types].xml",
            "_rels/.rels",
            "xl/workbook.xml",
            "xl/worksheets/sheet1.xml",
            "xl/worksheets/sheet2.xml",
        ] {
            assert!(names.iter().any(|name| name == part), "{part} in {names:?}");
        }
        let mut read = |name: &str| {
            let mut text = String::new();
            archive.by_name(name).expect("the part").read_to_string(&mut text).expect("its CRC holds");
            text
        };
        assert!(read("xl/workbook.xml").contains(r#"<sheet name="数据校对" sheetId="2" r:id="rId2"/>"#));
        let sheet = read("xl/worksheets/sheet1.xml");
        assert!(
            sheet.contains(
                r#"<c r="A2" t="inlineStr"><is><t xml:space="preserve">a&lt;b&gt;&amp;&quot;c&quot;.txt</t></is></c>"#
            ),
            "{sheet}"
        );
        assert!(sheet.contains(r#"<c r="B2"><v>2526</v></c>"#), "{sheet}");
        assert_eq!([column_name(0), column_name(25), column_name(26), column_name(701)], ["A", "Z", "AA", "ZZ"]);
        assert_eq!(crc32(b"123456789"), 0xCBF4_3926);
    }
}
