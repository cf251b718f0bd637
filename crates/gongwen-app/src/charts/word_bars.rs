//! The option of the word-frequency bar chart: the top words, most frequent at
//! the top.

use gongwen_core::words::WordCount;
use serde_json::{Value, json};

/// How many words the bar chart shows.
pub const WORD_BAR_COUNT: usize = 30;

/// A horizontal bar chart of `words` (most frequent first).
pub fn word_bar_option(words: &[WordCount]) -> Value {
    // ECharts draws a category axis bottom-up; reverse so the top word is on top.
    let shown: Vec<&WordCount> = words.iter().take(WORD_BAR_COUNT).rev().collect();
    let names: Vec<&str> = shown.iter().map(|w| w.word.as_str()).collect();
    let counts: Vec<usize> = shown.iter().map(|w| w.count).collect();
    json!({
        "animation": false,
        "grid": { "left": 8, "right": 36, "top": 8, "bottom": 8, "containLabel": true },
        // On the canvas, never as HTML: the words come from the files.
        "tooltip": { "trigger": "axis", "axisPointer": { "type": "shadow" }, "renderMode": "richText" },
        "xAxis": { "type": "value", "minInterval": 1, "splitLine": { "lineStyle": { "color": "#eee" } } },
        "yAxis": {
            "type": "category",
            "data": names,
            "axisTick": { "show": false },
            "axisLabel": { "width": 140, "overflow": "truncate", "color": "#333" },
        },
        "series": [{
            "type": "bar",
            "name": "出现次数",
            "data": counts,
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
            (0..40).map(|i| WordCount { word: format!("词{i}"), count: 40 - i, text_count: 40 - i }).collect();
        let option = word_bar_option(&words);
        let names = option["yAxis"]["data"].as_array().expect("names");
        assert_eq!(names.len(), WORD_BAR_COUNT);
        assert_eq!(names.last().and_then(Value::as_str), Some("词0"));
        assert_eq!(option["series"][0]["data"][WORD_BAR_COUNT - 1], 40);
    }
}
