//! The option of the word cloud (the `echarts-wordcloud` extension): the top
//! words sized by 词次, horizontal as Chinese is read; a word's tooltip gives
//! both counts, explained, in the page's language.

use gongwen_core::words::WordCount;
use serde_json::{Value, json};

use crate::counts::count_tooltip;
use crate::i18n::Language;

/// How many words the cloud shows.
pub const WORD_CLOUD_COUNT: usize = 80;

/// Colours the words take in turn.
const COLOURS: &[&str] = &["#b22c2c", "#8c1d1d", "#d4683a", "#6b4e16", "#3f6f9f", "#555555"];

/// A word cloud of the most frequent `words`, its tooltips in `language`.
pub fn word_cloud_option(words: &[WordCount], language: Language) -> Value {
    let data: Vec<Value> = words
        .iter()
        .take(WORD_CLOUD_COUNT)
        .enumerate()
        .map(|(rank, word)| {
            json!({
                "name": word.word,
                "value": word.count,
                "textStyle": { "color": COLOURS[rank % COLOURS.len()] },
                "tooltip": { "formatter": count_tooltip(&word.word, word.count, word.text_count, language) },
            })
        })
        .collect();
    json!({
        // On the canvas, never as HTML: the words come from the files.
        "tooltip": { "show": true, "renderMode": "richText", "confine": true },
        "series": [{
            "type": "wordCloud",
            "shape": "circle",
            "left": "center",
            "top": "center",
            "width": "96%",
            "height": "96%",
            "sizeRange": [12, 46],
            "rotationRange": [0, 0],
            "gridSize": 6,
            "drawOutOfBound": false,
            "layoutAnimation": false,
            "textStyle": { "fontFamily": "PingFang SC, Microsoft YaHei, Noto Sans CJK SC, WenQuanYi Micro Hei, sans-serif", "fontWeight": "bold" },
            "emphasis": { "textStyle": { "color": "#000" } },
            "data": data,
        }],
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_cloud_holds_the_top_words_with_their_counts() {
        let words: Vec<WordCount> = (0..100)
            .map(|i| WordCount { word: format!("词{i}").into(), count: 100 - i, text_count: 100 - i })
            .collect();
        let option = word_cloud_option(&words, Language::Chinese);
        let data = option["series"][0]["data"].as_array().expect("data");
        assert_eq!(data.len(), WORD_CLOUD_COUNT);
        assert_eq!((data[0]["name"].as_str(), data[0]["value"].as_u64()), (Some("词0"), Some(100)));
        assert_eq!(data[0]["tooltip"]["formatter"], count_tooltip("词0", 100, 100, Language::Chinese));
    }
}
