//! The sizes the user gives the page's panes by dragging their splitters:
//! the widths of the report list, the outline and the analysis views, and the
//! height of the concordance. Plain data (no web types): the
//! `use_pane_sizes` hook applies them as CSS custom properties and keeps
//! them in localStorage; a pane without a size of its own takes the
//! stylesheet's default.

use serde::{Deserialize, Serialize};

use crate::i18n::Language;

/// A pane whose size the user can change.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Pane {
    /// The report list, left of its splitter.
    Files,
    /// The outline, left of its splitter.
    Outline,
    /// The analysis views, right of their splitter.
    Views,
    /// The concordance, below its splitter in the reader's pane.
    Concordance,
}

/// Which way a splitter moves.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Axis {
    /// Left and right, between columns.
    Horizontal,
    /// Up and down, between rows.
    Vertical,
}

impl Pane {
    /// Every pane with a splitter.
    pub const ALL: [Pane; 4] = [Pane::Files, Pane::Outline, Pane::Views, Pane::Concordance];

    /// The CSS custom property `www/style.css` sizes the pane by.
    pub fn property(self) -> &'static str {
        match self {
            Pane::Files => "--files-width",
            Pane::Outline => "--outline-width",
            Pane::Views => "--views-width",
            Pane::Concordance => "--concordance-height",
        }
    }

    /// The smallest and largest size in CSS pixels. The stylesheet keeps the
    /// same minimums and gives the reader what is left (at least 320 px).
    pub fn limits(self) -> (u32, u32) {
        match self {
            Pane::Files => (160, 520),
            Pane::Outline => (200, 640),
            Pane::Views => (320, 1000),
            Pane::Concordance => (120, 2000),
        }
    }

    /// The splitter's direction of travel.
    pub fn axis(self) -> Axis {
        match self {
            Pane::Concordance => Axis::Vertical,
            _ => Axis::Horizontal,
        }
    }

    /// Whether the pane comes before its splitter (left of it): it then grows
    /// as the splitter moves right; a pane after its splitter grows as the
    /// splitter moves left or up.
    pub fn is_before_splitter(self) -> bool {
        matches!(self, Pane::Files | Pane::Outline)
    }

    /// What the splitter resizes, for screen readers and its tooltip.
    pub fn label(self, language: Language) -> &'static str {
        match self {
            Pane::Files => language.pick("报告列表宽度", "the report list's width"),
            Pane::Outline => language.pick("大纲宽度", "the outline's width"),
            Pane::Views => language.pick("分析面板宽度", "the analysis pane's width"),
            Pane::Concordance => language.pick("索引高度", "the concordance's height"),
        }
    }

    /// `size` (CSS pixels) rounded and kept within [`limits`](Self::limits).
    pub fn clamp(self, size: f64) -> u32 {
        let (min, max) = self.limits();
        if size.is_nan() {
            return min;
        }
        (size.round().max(0.0) as u32).clamp(min, max)
    }
}

/// The panes' sizes in CSS pixels; `None` is the stylesheet's default.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PaneSizes {
    /// The report list's width.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub files: Option<u32>,
    /// The outline's width.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outline: Option<u32>,
    /// The analysis views' width.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub views: Option<u32>,
    /// The concordance's height.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub concordance: Option<u32>,
}

impl PaneSizes {
    /// The size of `pane`.
    pub fn get(&self, pane: Pane) -> Option<u32> {
        match pane {
            Pane::Files => self.files,
            Pane::Outline => self.outline,
            Pane::Views => self.views,
            Pane::Concordance => self.concordance,
        }
    }

    /// These sizes with `pane` at `size` (kept within its limits), or back
    /// to its default for `None`.
    #[must_use]
    pub fn with(mut self, pane: Pane, size: Option<u32>) -> Self {
        let size = size.map(|size| pane.clamp(f64::from(size)));
        match pane {
            Pane::Files => self.files = size,
            Pane::Outline => self.outline = size,
            Pane::Views => self.views = size,
            Pane::Concordance => self.concordance = size,
        }
        self
    }

    /// Sizes read back from storage, each kept within its limits; anything
    /// unreadable is the default.
    pub fn from_json(text: &str) -> Self {
        let read: PaneSizes = serde_json::from_str(text).unwrap_or_default();
        Pane::ALL.into_iter().fold(PaneSizes::default(), |sizes, pane| sizes.with(pane, read.get(pane)))
    }

    /// Whether every pane has its default size.
    pub fn is_default(&self) -> bool {
        *self == PaneSizes::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_stay_within_each_panes_limits() {
        let sizes = PaneSizes::default().with(Pane::Files, Some(20)).with(Pane::Views, Some(5000));
        assert_eq!(sizes.get(Pane::Files), Some(160));
        assert_eq!(sizes.get(Pane::Views), Some(1000));
        assert_eq!(sizes.with(Pane::Files, None).get(Pane::Files), None);
        assert_eq!(Pane::Outline.clamp(f64::NAN), 200);
        assert_eq!(Pane::Outline.clamp(287.6), 288);
    }

    #[test]
    fn stored_sizes_round_trip_and_bad_ones_are_dropped() {
        let sizes = PaneSizes::default().with(Pane::Outline, Some(280)).with(Pane::Concordance, Some(420));
        let json = serde_json::to_string(&sizes).expect("json");
        assert_eq!(json, r#"{"outline":280,"concordance":420}"#);
        assert_eq!(PaneSizes::from_json(&json), sizes);
        assert_eq!(PaneSizes::from_json(r#"{"files":9999,"views":"wide"}"#), PaneSizes::default());
        assert_eq!(PaneSizes::from_json(r#"{"files":9999}"#).get(Pane::Files), Some(520));
        assert!(PaneSizes::from_json("not json").is_default());
    }
}
