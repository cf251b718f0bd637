//! ZIP containers read within limits: the one way the readers open a .docx,
//! an .odt or a .zip of reports.
//!
//! Nothing in a ZIP is trusted: the sizes in its headers may lie, so every
//! entry is read through a budget of the bytes the whole container may still
//! unpack to, and a large entry is also held to a compression ratio. Entry
//! names are decoded as UTF-8 when they are, else as GBK/GB18030 (what
//! Chinese Windows writes without the UTF-8 flag).

use std::io::{Cursor, Read};

use zip::ZipArchive;
use zip::result::ZipError;

use super::limits::{RATIO_EXEMPT_BYTES, ReadError, ReadLimits, format_bytes};

/// An opened ZIP container with its unpacking budget.
pub(crate) struct ZipContainer<'b> {
    archive: ZipArchive<Cursor<&'b [u8]>>,
    limits: ReadLimits,
    /// Bytes unpacked so far, across entries.
    unpacked: u64,
    /// The format's name for messages, e.g. `"Word "`.
    format: &'static str,
}

/// One entry's name and whether it is a folder.
pub(crate) struct ZipEntryName {
    /// The name, decoded.
    pub name: String,
    /// Whether the entry is a folder.
    pub is_dir: bool,
}

impl<'b> ZipContainer<'b> {
    /// Opens `bytes` as a ZIP container of the named format.
    pub fn open(bytes: &'b [u8], limits: &ReadLimits, format: &'static str) -> Result<Self, ReadError> {
        let archive = ZipArchive::new(Cursor::new(bytes)).map_err(|error| zip_error(format, &error))?;
        if archive.len() > limits.max_entries {
            return Err(ReadError::LimitExceeded {
                format,
                detail: format!("压缩包内有 {} 个文件，超过上限 {} 个", archive.len(), limits.max_entries),
            });
        }
        Ok(Self { archive, limits: *limits, unpacked: 0, format })
    }

    /// The entries' names, in the archive's order.
    pub fn entry_names(&mut self) -> Vec<ZipEntryName> {
        (0..self.archive.len())
            .map(|index| match self.archive.by_index_raw(index) {
                Ok(entry) => ZipEntryName { name: decode_entry_name(entry.name_raw()), is_dir: entry.is_dir() },
                Err(_) => ZipEntryName { name: String::new(), is_dir: false },
            })
            .collect()
    }

    /// Whether an entry of this exact name exists.
    pub fn contains(&self, name: &str) -> bool {
        self.archive.index_for_name(name).is_some()
    }

    /// Reads the entry called `name`, or `None` if there is none.
    pub fn read_named(&mut self, name: &str) -> Result<Option<Vec<u8>>, ReadError> {
        match self.archive.index_for_name(name) {
            Some(index) => self.read_index(index).map(Some),
            None => Ok(None),
        }
    }

    /// Reads entry `index` within the container's budget.
    pub fn read_index(&mut self, index: usize) -> Result<Vec<u8>, ReadError> {
        let format = self.format;
        let budget = self.limits.max_unpacked_bytes.saturating_sub(self.unpacked);
        let max_ratio = self.limits.max_compression_ratio;
        let mut entry = self.archive.by_index(index).map_err(|error| zip_error(format, &error))?;
        let packed = entry.compressed_size().max(1);
        let too_large = || ReadError::LimitExceeded {
            format,
            detail: format!("解压后超过 {} 的上限，疑似压缩炸弹", format_bytes(budget)),
        };
        let too_dense = |size: u64| ReadError::LimitExceeded {
            format,
            detail: format!(
                "其中一个文件压缩比达 {}:1（{} 解压为 {}），疑似压缩炸弹",
                size / packed,
                format_bytes(packed),
                format_bytes(size)
            ),
        };
        let declared = entry.size();
        if declared > budget {
            return Err(too_large());
        }
        if declared > RATIO_EXEMPT_BYTES && declared / packed > max_ratio {
            return Err(too_dense(declared));
        }
        // The declared size may lie: read one byte past the budget to know.
        let capacity = usize::try_from(declared.min(budget)).unwrap_or(0);
        let mut content = Vec::with_capacity(capacity);
        (&mut entry)
            .take(budget.saturating_add(1))
            .read_to_end(&mut content)
            .map_err(|error| ReadError::Corrupt { format, detail: format!("解压失败（{error}）") })?;
        let size = u64::try_from(content.len()).unwrap_or(u64::MAX);
        if size > budget {
            return Err(too_large());
        }
        if size > RATIO_EXEMPT_BYTES && size / packed > max_ratio {
            return Err(too_dense(size));
        }
        self.unpacked += size;
        Ok(content)
    }
}

/// Decodes a ZIP entry name: UTF-8 when it is valid UTF-8, else GB18030.
pub(crate) fn decode_entry_name(raw: &[u8]) -> String {
    match std::str::from_utf8(raw) {
        Ok(name) => name.to_owned(),
        Err(_) => encoding_rs::GB18030.decode_without_bom_handling(raw).0.into_owned(),
    }
}

/// Translates the zip crate's error into ours.
fn zip_error(format: &'static str, error: &ZipError) -> ReadError {
    match error {
        ZipError::UnsupportedArchive(message) if *message == ZipError::PASSWORD_REQUIRED => {
            ReadError::Encrypted { format }
        }
        ZipError::UnsupportedArchive(message) => {
            ReadError::Corrupt { format, detail: format!("使用了不支持的压缩方式（{message}）") }
        }
        ZipError::InvalidArchive(message) => {
            ReadError::Corrupt { format, detail: format!("压缩结构无效（{message}）") }
        }
        ZipError::FileNotFound => ReadError::Corrupt { format, detail: "缺少内部文件".to_owned() },
        other => ReadError::Corrupt { format, detail: other.to_string() },
    }
}
