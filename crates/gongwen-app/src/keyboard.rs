//! The page's keyboard shortcuts, as plain data: which command a key stands
//! for, given what is on the page. ↑/↓ move through the reports, [ and ]
//! through the open report's headings, / goes to the search box, Esc closes
//! what is open (a dialog, the search results, two reports side by side,
//! the concordance). Keys typed into a field, or with Ctrl, Alt or ⌘, are the
//! field's and the browser's. `hooks/use_keyboard.rs` listens; the App acts.

use crate::protocol::ReportId;

/// What a key asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyCommand {
    /// Open this report.
    Open(ReportId),
    /// Show this heading of the open report.
    Heading(usize),
    /// Put the cursor in the search box.
    Search,
    /// Close the innermost thing open.
    Close,
}

/// What the keys can reach now.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct KeyTargets {
    /// The analysed reports, in list order.
    pub reports: Vec<ReportId>,
    /// The open report (none while the overview shows).
    pub open: Option<ReportId>,
    /// How many headings the open report has.
    pub headings: usize,
    /// The heading shown last, if any.
    pub heading: Option<usize>,
    /// Whether anything is open that Esc closes.
    pub closable: bool,
}

/// The command of `key` (a `KeyboardEvent.key`), if it has one.
pub fn command_for(key: &str, targets: &KeyTargets) -> Option<KeyCommand> {
    let position = targets.open.and_then(|open| targets.reports.iter().position(|id| *id == open));
    match key {
        "ArrowDown" => match position {
            Some(at) => targets.reports.get(at + 1).copied().map(KeyCommand::Open),
            None => targets.reports.first().copied().map(KeyCommand::Open),
        },
        "ArrowUp" => match position {
            Some(at) => at.checked_sub(1).and_then(|before| targets.reports.get(before)).copied().map(KeyCommand::Open),
            None => targets.reports.last().copied().map(KeyCommand::Open),
        },
        "]" if targets.open.is_some() && targets.headings > 0 => {
            let next = targets.heading.map_or(0, |at| (at + 1).min(targets.headings - 1));
            Some(KeyCommand::Heading(next))
        }
        "[" if targets.open.is_some() && targets.headings > 0 => {
            Some(KeyCommand::Heading(targets.heading.map_or(0, |at| at.saturating_sub(1))))
        }
        "/" if !targets.reports.is_empty() => Some(KeyCommand::Search),
        "Escape" if targets.closable => Some(KeyCommand::Close),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arrows_walk_the_reports_and_brackets_the_headings() {
        let mut targets =
            KeyTargets { reports: vec![4, 7, 9], open: Some(7), headings: 3, heading: None, closable: false };
        assert_eq!(command_for("ArrowDown", &targets), Some(KeyCommand::Open(9)));
        assert_eq!(command_for("ArrowUp", &targets), Some(KeyCommand::Open(4)));
        assert_eq!(command_for("]", &targets), Some(KeyCommand::Heading(0)));
        targets.heading = Some(2);
        assert_eq!(command_for("]", &targets), Some(KeyCommand::Heading(2)), "the last heading stays");
        assert_eq!(command_for("[", &targets), Some(KeyCommand::Heading(1)));
        targets.open = Some(9);
        assert_eq!(command_for("ArrowDown", &targets), None, "the last report stays");
        targets.open = None;
        assert_eq!(command_for("ArrowDown", &targets), Some(KeyCommand::Open(4)), "from the overview, the first");
        assert_eq!(command_for("ArrowUp", &targets), Some(KeyCommand::Open(9)), "from the overview, the last");
        assert_eq!(command_for("]", &targets), None, "no report open, no headings");
        assert_eq!(command_for("/", &targets), Some(KeyCommand::Search));
        assert_eq!(command_for("Escape", &targets), None, "nothing to close");
        targets.closable = true;
        assert_eq!(command_for("Escape", &targets), Some(KeyCommand::Close));
        assert_eq!(command_for("a", &targets), None);
    }
}
