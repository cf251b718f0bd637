//! File names as users see them. A name comes from outside (a dropped file,
//! a zip entry, a command-line argument) and may hold control characters,
//! ANSI escapes or bidirectional overrides (`name_rtl_\u{202E}txt.exe` shows as
//! `…exe.txt`). [`display_file_name`] escapes every such character so that a
//! name is shown as what it is, on one line, in the CLI and the page alike.

/// Escapes the characters of `name` that would change how it is shown:
/// C0/C1 controls (newlines, escapes), bidirectional embeddings, overrides
/// and isolates, and other invisible format characters. Each becomes
/// `\u{XXXX}`; a backslash stays as it is. Ordinary text, CJK included, is
/// unchanged.
pub fn display_file_name(name: &str) -> String {
    let mut shown = String::with_capacity(name.len());
    for c in name.chars() {
        if is_hidden_or_reordering(c) {
            shown.push_str(&format!("\\u{{{:04X}}}", u32::from(c)));
        } else {
            shown.push(c);
        }
    }
    shown
}

/// Whether `c` is invisible or reorders the text around it.
fn is_hidden_or_reordering(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{061C}'                  // Arabic letter mark
            | '\u{200B}'..='\u{200F}'   // zero-width space, joiners, LRM, RLM
            | '\u{2028}'..='\u{202E}'   // line and paragraph separators, embeddings, overrides
            | '\u{2060}'..='\u{2069}'   // word joiner, invisible operators, isolates
            | '\u{FEFF}'                // byte order mark
            | '\u{FFF9}'..='\u{FFFB}'   // interlinear annotation
        )
}

#[cfg(test)]
mod tests {
    use super::display_file_name;

    #[test]
    fn escapes_what_would_reorder_or_break_the_line() {
        assert_eq!(display_file_name("name_rtl_\u{202E}txt.exe"), "name_rtl_\\u{202E}txt.exe");
        assert_eq!(display_file_name("a\nb.txt"), "a\\u{000A}b.txt");
        assert_eq!(display_file_name("\u{1B}[31mred.txt"), "\\u{001B}[31mred.txt");
        assert_eq!(display_file_name("述职报告 2023.txt"), "述职报告 2023.txt");
        assert_eq!(display_file_name("<img src=x onerror=alert(1)>.txt"), "<img src=x onerror=alert(1)>.txt");
    }
}
