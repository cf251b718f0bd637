//! The files a command reads: each argument is a file, a folder (walked in
//! name order, hidden files skipped) or a ZIP archive of reports (unpacked in
//! memory within the core's limits). Only regular files are opened, and none
//! is read past the size limit: `/dev/zero` or a FIFO gets a message, not a
//! hang or an exhausted memory.
//!
//! Listing ([`list_inputs`]) and reading ([`InputSource::read`]) are two
//! steps, so that a command over 10,000 files reads each one only when it is
//! analysed and never holds all their bytes at once.

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

/// One input as listed, not yet read: a regular file to open, or why the
/// argument cannot be read (in Chinese).
pub enum InputSource {
    /// A regular file; an archive among them unpacks into several inputs.
    File {
        /// The path as given or found in a folder.
        path: PathBuf,
    },
    /// An argument or folder entry that is not a readable file.
    Unreadable {
        /// The path as given.
        name: String,
        /// Why.
        message: String,
    },
}

impl InputSource {
    /// Reads the input: one file, or each file of an archive.
    pub fn read(&self, limits: &ReadLimits) -> Vec<InputFile> {
        match self {
            InputSource::File { path } => read_file(path, limits),
            InputSource::Unreadable { name, message } => {
                vec![InputFile { name: name.clone(), bytes: Err(message.clone()) }]
            }
        }
    }
}

/// Expands the arguments into inputs, in argument order, folders walked;
/// nothing is read yet.
pub fn list_inputs(paths: &[PathBuf]) -> Vec<InputSource> {
    let mut inputs = Vec::new();
    for path in paths {
        list(path, &mut inputs);
    }
    inputs
}

fn list(path: &Path, inputs: &mut Vec<InputSource>) {
    let name = path.display().to_string();
    let metadata = match std::fs::metadata(path) {
        Ok(metadata) => metadata,
        Err(error) => {
            inputs.push(InputSource::Unreadable { name, message: format!("无法读取文件：{error}") });
            return;
        }
    };
    if metadata.is_dir() {
        let mut children: Vec<PathBuf> = match std::fs::read_dir(path) {
            Ok(entries) => entries.flatten().map(|entry| entry.path()).collect(),
            Err(error) => {
                inputs.push(InputSource::Unreadable { name, message: format!("无法读取文件夹：{error}") });
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
                list(&child, inputs);
            }
        }
        return;
    }
    if !metadata.is_file() {
        inputs.push(InputSource::Unreadable {
            name,
            message: "不是普通文件（可能是设备、管道或套接字），未读取".to_owned(),
        });
        return;
    }
    inputs.push(InputSource::File { path: path.to_owned() });
}

/// Reads a listed regular file, unpacking it when it is an archive.
fn read_file(path: &Path, limits: &ReadLimits) -> Vec<InputFile> {
    let name = path.display().to_string();
    match read_limited(path, limits) {
        Ok(bytes) if sniff_bytes(&bytes, limits) == Ok(BinaryKind::Archive) => match unpack_reports(&bytes, limits) {
            Ok(entries) => entries
                .into_iter()
                .map(|entry| InputFile {
                    name: format!("{name}/{}", entry.path),
                    bytes: entry.content.map_err(|error| error.to_string()),
                })
                .collect(),
            Err(error) => vec![InputFile { name, bytes: Err(error.to_string()) }],
        },
        bytes => vec![InputFile { name, bytes }],
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
