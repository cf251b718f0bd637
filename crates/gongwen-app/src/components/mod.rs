//! The page's components. Each takes `PartialEq` props and reports what the
//! user does through callbacks; none holds analysis state of its own.

pub mod file_list;
pub mod outline_tree;
pub mod reader;
pub mod structure_panel;
pub mod word_panel;
