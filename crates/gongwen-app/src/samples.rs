//! The sample reports offered by 「载入示例报告」: the files of `seeds/`,
//! embedded at build time so the page needs no server to offer them.

/// (file name, bytes) of each sample report, in name order.
pub const SAMPLE_REPORTS: &[(&str, &[u8])] = include!(concat!(env!("OUT_DIR"), "/samples.rs"));
