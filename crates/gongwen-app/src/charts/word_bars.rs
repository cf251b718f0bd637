//! The option of the word-frequency bar chart: the top words, most frequent at
//! the top, by 词次; a bar's tooltip gives both counts, explained, in the
//! page's language.

use gongwen_core::words::WordCount;
use serde_json::{Value, json};

use crate::counts::{count_tooltip, token_count};
use crate::i18n::Language;

/// How many words the bar chart shows.
pub const WORD_BAR_COUNT: usize = 30;

/// A horizontal bar chart of `words` (most frequent first), its tooltips
/// in `language`.
pub fn word_bar_option(words: &[WordCount], language: Language) -> Value {
    // ECharts draws a category axis bottom-up; reverse so the top word is on top.
    let shown: Vec<&WordCount> = words.iter().take(WORD_BAR_COUNT).rev().collect();
    let names: Vec<&str> = shown.iter().map(|w| w.word.as_str()).collect();
    let data: Vec<Value> = shown
        .iter()
        .map(|w| json!({ "value": w.count, "tooltip": { "formatter": count_tooltip(&w.word, w.count, w.text_count, language) } }))
        .collect();
    json!({
        "animation": false,
        "grid": { "left": 8, "right": 36, "top": 8, "bottom": 8, "containLabel": true },
        // On the canvas, never as HTML: the words come from the files. Per bar,
        // so that each tooltip can give the word's two counts.
        "tooltip": { "trigger": "item", "renderMode": "richText", "confine": true },
        "xAxis": { "type": "value", "minInterval": 1, "splitLine": { "lineStyle": { "color": "#eee" } } },
        "yAxis": {
            "type": "category",
            "data": names,
            "axisTick": { "show": false },
            "axisLabel": { "width": 140, "overflow": "truncate", "color": "#333" },
        },
        "series": [{
            "type": "bar",
            "name": token_count(language),
            "data": data,
            "itemStyle": { "color": "#b22c2c" },
            "label": { "show": true, "position": "right", "color": "#666", "fontSize": 11 },
            "barMaxWidth": 14,
        }],
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shows_at_most_thirty_words_most_frequent_on_top() {
        let words: Vec<WordCount> =
            (0..40).map(|i| WordCount { word: format!("词{i}").into(), count: 40 - i, text_count: 45 - i }).collect();
        let option = word_bar_option(&words, Language::English);
        let names = option["yAxis"]["data"].as_array().expect("names");
        assert_eq!(names.len(), WORD_BAR_COUNT);
        assert_eq!(names.last().and_then(Value::as_str), Some("词0"));
        let top = &option["series"][0]["data"][WORD_BAR_COUNT - 1];
        assert_eq!(top["value"], 40);
        assert_eq!(top["tooltip"]["formatter"], count_tooltip("词0", 40, 45, Language::English));
        assert_eq!(option["series"][0]["name"], "Tokens");
    }
}
