//! Charts in the dark colour scheme. The option builders write one light
//! scheme; when the system asks for dark, [`for_dark_scheme`] rewrites the
//! neutral colours they use for text, lines, borders and grounds into their
//! dark counterparts, and [`for_the_scheme`] also lets the page's dark
//! ground show through (ECharts' own `dark` theme colours the axes and
//! legends). Data colours (bars, segments, the heatmap's scale) are kept:
//! they carry meaning and read on either ground.

use std::borrow::Cow;

use serde_json::Value;

/// The page's dark ground, used behind an exported PNG.
pub const DARK_GROUND: &str = "#1e1e1e";
/// The page's light ground, used behind an exported PNG.
pub const LIGHT_GROUND: &str = "#ffffff";

/// The colour scheme the page is shown in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ColourScheme {
    /// Dark text on a light ground (the default).
    Light,
    /// Light text on a dark ground (`prefers-color-scheme: dark`).
    Dark,
}

impl ColourScheme {
    /// The scheme the system asks for, read from `prefers-color-scheme`
    /// (light when it cannot be read).
    pub fn of_the_system() -> Self {
        let dark = web_sys::window()
            .and_then(|window| window.match_media("(prefers-color-scheme: dark)").ok().flatten())
            .is_some_and(|query| query.matches());
        if dark { Self::Dark } else { Self::Light }
    }

    /// The ECharts theme to start a chart with.
    pub fn echarts_theme(self) -> Option<&'static str> {
        match self {
            Self::Light => None,
            Self::Dark => Some("dark"),
        }
    }

    /// The solid ground behind an exported image.
    pub fn ground(self) -> &'static str {
        match self {
            Self::Light => LIGHT_GROUND,
            Self::Dark => DARK_GROUND,
        }
    }
}

/// `option` as it should be drawn in `scheme`: itself in the light scheme
/// (a heatmap's option of a thousand reports is not copied for nothing).
pub fn for_the_scheme(option: &Value, scheme: ColourScheme) -> Cow<'_, Value> {
    match scheme {
        ColourScheme::Light => Cow::Borrowed(option),
        ColourScheme::Dark => {
            let mut dark = for_dark_scheme(option);
            if let Value::Object(fields) = &mut dark {
                fields.insert("backgroundColor".to_owned(), Value::from("transparent"));
            }
            Cow::Owned(dark)
        }
    }
}

/// `option` with its neutral colours turned into the dark scheme's.
pub fn for_dark_scheme(option: &Value) -> Value {
    let mut dark = option.clone();
    recolour(&mut dark, None);
    dark
}

/// Rewrites the colours under `value`; `key` is the field that holds it
/// (none for an array's items, which are grounds such as a split area's).
fn recolour(value: &mut Value, key: Option<&str>) {
    match value {
        Value::Object(fields) => {
            for (field, inner) in fields.iter_mut() {
                recolour(inner, Some(field));
            }
        }
        Value::Array(items) => {
            for item in items {
                recolour(item, key.filter(|key| *key != "color").or(Some("ground")));
            }
        }
        Value::String(text) => {
            if let Some(dark) = key.and_then(|key| dark_colour(key, text)) {
                *text = dark.to_owned();
            }
        }
        _ => {}
    }
}

/// The dark counterpart of a light-scheme colour in field `key`, if it has
/// one. White is a border or a ground (kept as the text inside a bar).
fn dark_colour(key: &str, colour: &str) -> Option<&'static str> {
    let colour = colour.to_ascii_lowercase();
    match (key, colour.as_str()) {
        ("borderColor" | "ground", "#fff" | "#ffffff") => Some(DARK_GROUND),
        ("ground", "#faf7f5") => Some("#262422"),
        ("borderColor", "#222") => Some("#eeeeee"),
        ("color" | "ground", colour) => dark_ink(colour),
        _ => None,
    }
}

/// The dark counterpart of a colour of text or lines.
fn dark_ink(colour: &str) -> Option<&'static str> {
    match colour {
        "#000" | "#222" | "#333" => Some("#eeeeee"),
        "#444" | "#555" | "#555555" => Some("#cccccc"),
        "#666" | "#888" => Some("#a6a6a6"),
        // Split lines.
        "#eee" => Some("#3a3a3a"),
        // Word colours too dark for a dark ground.
        "#8c1d1d" => Some("#e07070"),
        "#6b4e16" => Some("#d9b36c"),
        "#3f6f9f" => Some("#7fb0e0"),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn text_lines_and_borders_turn_dark_while_data_colours_stay() {
        let light = json!({
            "series": [{
                "label": { "color": "#fff" },
                "itemStyle": { "color": "#b22c2c", "borderColor": "#fff" },
            }],
            "yAxis": { "axisLabel": { "color": "#333" }, "splitLine": { "lineStyle": { "color": "#eee" } } },
            "radar": { "splitArea": { "areaStyle": { "color": ["#fff", "#faf7f5"] } } },
            "color": ["#b22c2c", "#8c1d1d"],
        });
        let dark = for_dark_scheme(&light);
        assert_eq!(dark["series"][0]["label"]["color"], "#fff");
        assert_eq!(dark["series"][0]["itemStyle"]["color"], "#b22c2c");
        assert_eq!(dark["series"][0]["itemStyle"]["borderColor"], DARK_GROUND);
        assert_eq!(dark["yAxis"]["axisLabel"]["color"], "#eeeeee");
        assert_eq!(dark["yAxis"]["splitLine"]["lineStyle"]["color"], "#3a3a3a");
        assert_eq!(dark["radar"]["splitArea"]["areaStyle"]["color"], json!([DARK_GROUND, "#262422"]));
        assert_eq!(dark["color"], json!(["#b22c2c", "#e07070"]));
    }

    #[test]
    fn the_light_scheme_keeps_the_option_and_the_dark_one_shows_the_page_ground() {
        let option = json!({ "series": [{ "label": { "color": "#333" } }] });
        assert!(matches!(for_the_scheme(&option, ColourScheme::Light), Cow::Borrowed(light) if *light == option));
        let dark = for_the_scheme(&option, ColourScheme::Dark);
        assert_eq!(dark["backgroundColor"], "transparent");
        assert_eq!(dark["series"][0]["label"]["color"], "#eeeeee");
    }
}
