//! The page's components. Each takes `PartialEq` props and reports what the
//! user does through callbacks; none holds analysis state of its own.

pub mod compare_panel;
pub mod concordance;
pub mod figures_panel;
pub mod file_list;
pub mod formulation_panel;
pub mod help_dialog;
pub mod keyness_panel;
pub mod lint_panel;
pub mod marked_text;
pub mod outline_tree;
pub mod overview_panel;
pub mod print_view;
pub mod reader;
pub mod saved_work_toggle;
pub mod search_panel;
pub mod side_by_side;
pub mod similarity_view;
pub mod splitter;
pub mod structure_check_panel;
pub mod structure_panel;
pub mod term_panel;
pub mod theme_panel;
pub mod vocabulary_dialog;
pub mod word_panel;
pub mod year_pairs;
pub mod year_view;
