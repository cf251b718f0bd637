//! # gongwen-app
//!
//! The Gongwen Lens page, a yew (CSR) app compiled to wasm. Three binaries
//! share this library: `gongwen-app`, the page itself; `gongwen-worker`, the
//! Web Worker that runs the core's analyses off the UI thread; and
//! `gongwen-compare-worker`, the Web Worker that compares the reports with
//! each other ([`compare_worker`]).
//!
//! Data flows one way: files (dropped, picked or sample) → [`hooks`] read
//! their bytes → [`worker`] analyses them with `gongwen-core` → [`state`]
//! holds the results → [`components`] and [`charts`] show them.

pub mod app;
pub mod charts;
pub mod compare_client;
pub mod compare_protocol;
pub mod compare_worker;
pub mod comparison;
pub mod components;
pub mod counts;
pub mod download;
pub mod dropped_files;
pub mod exports;
pub mod figures_table;
pub mod file_picker;
pub mod hooks;
pub mod i18n;
pub mod incoming_file;
pub mod keyboard;
pub mod lint_filter;
pub mod local_storage;
pub mod overview_table;
pub mod pane_sizes;
pub mod pdf_reader;
pub mod pinyin_order;
pub mod place;
pub mod print_summary;
pub mod protocol;
pub mod reader_marks;
pub mod samples;
pub mod saved_work;
pub mod search;
pub mod set_analyses;
pub mod shared_text;
pub mod state;
pub mod structure_check;
pub mod tasks;
pub mod term_table;
pub mod worker;
