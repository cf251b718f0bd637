//! The files a command reads: each argument is a file, a folder (walked in
//! name order, hidden files skipped) or a ZIP archive of reports (unpacked in
//! memory within the core's limits). Only regular files are opened, and none
//! is read past the size limit: `/dev/zero` or a FIFO gets a message, not a
//! hang or an exhausted memory.

use std::fs::File;
use std::io::Read;
use std::path::{Path, PathBuf};

use gongwen_core::ReadLimits;
use gongwen_core::source::archive::{is_hidden_path, unpack_reports};
use gongwen_core::source::limits::format_bytes;
use gongwen_core::source::sniff::{BinaryKind, sniff_bytes};

/// One input: the name it is reported under and its bytes, or why it could
/// not be read (in Chinese).
pub struct InputFile {
    /// The path as given, or `archive.zip/inner/path` for an archive's file.
    pub name: String,
    /// The bytes, or the message.
    pub bytes: Result<Vec<u8>, String>,
}

/// Expands the arguments into input files, in argument order.
pub fn collect_inputs(paths: &[PathBuf], limits: &ReadLimits) -> Vec<InputFile> {
    let mut inputs = Vec::new();
    for path in paths {
        collect(path, limits, &mut inputs);
    }
    inputs
}

fn collect(path: &Path, limits: &ReadLimits, inputs: &mut Vec<InputFile>) {
    let name = path.display().to_string();
    let metadata = match std::fs::metadata(path) {
        Ok(metadata) => metadata,
        Err(error) => {
            inputs.push(InputFile { name, bytes: Err(format!("无法读取文件：{error}")) });
            return;
        }
    };
    if metadata.is_dir() {
        let mut children: Vec<PathBuf> = match std::fs::read_dir(path) {
            Ok(entries) => entries.flatten().map(|entry| entry.path()).collect(),
            Err(error) => {
                inputs.push(InputFile { name, bytes: Err(format!("无法读取文件夹：{error}")) });
                return;
            }
        };
        children.sort();
        for child in children {
            let hidden = child.file_name().and_then(|name| name.to_str()).is_some_and(is_hidden_path);
            // Symbolic links inside a folder are not followed: a link cycle
            // would never end.
            let is_link = std::fs::symlink_metadata(&child).is_ok_and(|meta| meta.file_type().is_symlink());
            if !hidden && !is_link {
                collect(&child, limits, inputs);
            }
        }
        return;
    }
    if !metadata.is_file() {
        inputs.push(InputFile {
            name, bytes: Err("不是普通文件（可能是设备、管道或套接字），未读取".to_owned())
        });
        return;
    }
    let bytes = read_limited(path, limits);
    match bytes {
        Ok(bytes) if sniff_bytes(&bytes, limits) == Ok(BinaryKind::Archive) => match unpack_reports(&bytes, limits) {
            Ok(entries) => {
                for entry in entries {
                    let bytes = entry.content.map_err(|error| error.to_string());
                    inputs.push(InputFile { name: format!("{name}/{}", entry.path), bytes });
                }
            }
            Err(error) => inputs.push(InputFile { name, bytes: Err(error.to_string()) }),
        },
        bytes => inputs.push(InputFile { name, bytes }),
    }
}

/// Reads a regular file, refusing it once it is past the size limit (the
/// size on disk may change while it is read).
fn read_limited(path: &Path, limits: &ReadLimits) -> Result<Vec<u8>, String> {
    let file = File::open(path).map_err(|error| format!("无法读取文件：{error}"))?;
    let mut bytes = Vec::new();
    file.take(limits.max_file_bytes.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|error| format!("无法读取文件：{error}"))?;
    if u64::try_from(bytes.len()).unwrap_or(u64::MAX) > limits.max_file_bytes {
        return Err(format!("文件超过大小上限 {}，未读取；请拆分后再试", format_bytes(limits.max_file_bytes)));
    }
    Ok(bytes)
}
