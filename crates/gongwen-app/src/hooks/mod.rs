//! Custom hooks: the bridges between the browser and the state.

pub mod use_analysis_worker;
pub mod use_comparison;
pub mod use_history;
pub mod use_keyboard;
pub mod use_keyness;
pub mod use_lint_filter;
pub mod use_pane_sizes;
pub mod use_report_loader;
pub mod use_user_vocabulary;
pub mod use_year_comparison;
