//! Text that charts draw: short labels of file names, and text made safe for
//! ECharts' formatter strings, which read `{a}`, `{@[2]}` and, in rich text,
//! `{style|text}` as markup — a file called `{b}.txt` must show as written.

use gongwen_core::file_name::display_file_name;

/// A file name as a chart labels it: shown safely, without folders or
/// extension, and at most `max` characters (the last one `…` when cut).
pub fn short_report_label(name: &str, max: usize) -> String {
    let shown = display_file_name(name);
    let base = shown.rsplit(['/', '\\']).next().unwrap_or(&shown);
    let stem = base.rsplit_once('.').map_or(base, |(stem, _)| stem);
    let stem = if stem.is_empty() { base } else { stem };
    if stem.chars().count() > max {
        format!("{}…", stem.chars().take(max.saturating_sub(1)).collect::<String>())
    } else {
        stem.to_owned()
    }
}

/// `text` with its braces replaced by full-width ones, so that a formatter
/// string shows it as written.
pub fn formatter_safe(text: &str) -> String {
    text.replace('{', "｛").replace('}', "｝")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_are_short_and_formatters_show_names_as_written() {
        assert_eq!(short_report_label("seeds/000_75e6ea62ff7e3e22.txt", 8), "000_75e…");
        assert_eq!(short_report_label("市局2023年度述职报告.txt", 12), "市局2023年度述职报告");
        assert_eq!(short_report_label(".txt", 12), ".txt");
        assert_eq!(formatter_safe("{b}报告{a|x}"), "｛b｝报告｛a|x｝");
    }
}
