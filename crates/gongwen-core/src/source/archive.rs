//! ZIP archives of reports: a reviewer receives a stack of reports as one
//! .zip. [`unpack_reports`] lists its files within the limits, skipping
//! folders and the hidden files archivers add (`__MACOSX/`, `.DS_Store`,
//! `Thumbs.db`); each file is then read like a dropped one. Archives inside
//! the archive are not opened: each is reported as such.

use super::limits::{ReadError, ReadLimits};
use super::zip_container::ZipContainer;

/// One file of an archive: its path inside the archive and its bytes, or why
/// it could not be unpacked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArchiveEntry {
    /// The path inside the archive, decoded (UTF-8 or GBK).
    pub path: String,
    /// The bytes, or why not.
    pub content: Result<Vec<u8>, ReadError>,
}

const FORMAT: &str = "ZIP 压缩包";

/// Unpacks the files of a ZIP archive. Fails only when the archive itself
/// cannot be read or is over a limit; a single bad entry is reported in its
/// [`ArchiveEntry`].
pub fn unpack_reports(bytes: &[u8], limits: &ReadLimits) -> Result<Vec<ArchiveEntry>, ReadError> {
    limits.check_file_size(bytes.len())?;
    let mut container = ZipContainer::open(bytes, limits, FORMAT)?;
    let names = container.entry_names();
    let mut entries = Vec::new();
    for (index, entry) in names.into_iter().enumerate() {
        if entry.is_dir || is_hidden_path(&entry.name) {
            continue;
        }
        let content = match container.read_index(index) {
            Ok(bytes) if bytes.starts_with(b"PK\x03\x04") && !looks_like_office(&bytes, limits) => {
                Err(ReadError::Unsupported(super::limits::UnsupportedFormat {
                    name: "压缩包中的压缩包",
                    advice: "请先解开内层压缩包，再拖入其中的报告",
                }))
            }
            Ok(bytes) => limits.check_file_size(bytes.len()).map(|()| bytes),
            // The archive's own budget is spent: stop unpacking.
            Err(error @ ReadError::LimitExceeded { .. }) => return Err(error),
            Err(error) => Err(error),
        };
        entries.push(ArchiveEntry { path: entry.name, content });
    }
    Ok(entries)
}

/// Whether a path is a folder or file that archivers and systems add and
/// users never meant to send.
pub fn is_hidden_path(path: &str) -> bool {
    path.split(['/', '\\']).any(|part| {
        part.starts_with('.')
            || part == "__MACOSX"
            || part.eq_ignore_ascii_case("Thumbs.db")
            || part.eq_ignore_ascii_case("desktop.ini")
    })
}

/// Whether a ZIP is an Office document (a .docx inside the archive is a
/// report, not a nested archive): its first entry names an Office part.
fn looks_like_office(bytes: &[u8], limits: &ReadLimits) -> bool {
    matches!(
        super::sniff::sniff_bytes(bytes, limits),
        Ok(super::sniff::BinaryKind::Docx | super::sniff::BinaryKind::Odt | super::sniff::BinaryKind::Unsupported(_))
    )
}
