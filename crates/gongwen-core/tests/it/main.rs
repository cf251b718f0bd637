//! The core's one integration-test binary: data-driven checks per phase and
//! snapshot tests over every report in `seeds/`.

mod clean;
mod compare;
mod corpus;
mod decode;
mod figures;
mod lexicon;
mod lint;
mod outline;
mod outline_scaling;
mod properties;
mod readers;
mod seeds;
mod structure;
mod themes;
mod vocabulary;
mod words;

use std::sync::OnceLock;

use gongwen_core::Segmenter;

/// One segmenter for the whole test binary: building it loads the dictionary.
pub fn segmenter() -> &'static Segmenter {
    static SEGMENTER: OnceLock<Segmenter> = OnceLock::new();
    SEGMENTER.get_or_init(|| Segmenter::new().expect("the built-in segmenter loads"))
}
