//! Chinese in the order readers expect, by pinyin: the browser's
//! `Intl.Collator('zh-CN')`, which a Rust sort calls for each comparison.
//! Where no collator can be made, code-point order stands in.

use std::cmp::Ordering;

use wasm_bindgen::JsValue;

/// A comparison of strings in pinyin order.
pub struct PinyinOrder {
    compare: Option<js_sys::Function>,
}

impl PinyinOrder {
    /// The `zh-CN` collator of the browser.
    pub fn new() -> Self {
        let locales = js_sys::Array::of1(&JsValue::from_str("zh-CN"));
        let collator = js_sys::Intl::Collator::new(&locales, &js_sys::Object::new());
        Self { compare: Some(collator.compare()) }
    }

    /// Compares `a` and `b` by pinyin (then by code point, so that the order
    /// is total).
    pub fn compare(&self, a: &str, b: &str) -> Ordering {
        let collated = self
            .compare
            .as_ref()
            .and_then(|compare| compare.call2(&JsValue::NULL, &JsValue::from_str(a), &JsValue::from_str(b)).ok())
            .and_then(|result| result.as_f64());
        match collated {
            Some(value) if value < 0.0 => Ordering::Less,
            Some(value) if value > 0.0 => Ordering::Greater,
            _ => a.cmp(b),
        }
    }
}

impl Default for PinyinOrder {
    fn default() -> Self {
        Self::new()
    }
}
