//! The messages between the page and the analysis worker.
//!
//! **API boundary:** both directions cross `postMessage` as one `Uint8Array`
//! of [`postcard`] bytes whose buffer is *transferred*, not copied: an
//! analysis carries a per-token occurrence list and the whole cleaned text,
//! and as a JavaScript object graph (what `serde-wasm-bindgen` made before) a
//! 28 MB report became millions of JS objects on the page. Both ends are our
//! own Rust, so the types are shared here; [`encode`] and [`decode`] are the
//! only (de)serialisers.
//!
//! The worker's bootstrap (`www/worker.js`) is plain JavaScript and cannot
//! speak postcard: its two messages are plain objects, read by
//! [`BootstrapMessage::from_js`].

use gongwen_core::analysis::ReportAnalysis;
use gongwen_core::clean::{CleanLine, CleanedText};
use gongwen_core::decode::Encoding;
use gongwen_core::diagnostic::Diagnostic;
use gongwen_core::figures::Figure;
use gongwen_core::formulations::FormulationCount;
use gongwen_core::lint::LintFinding;
use gongwen_core::noise::RemovedNoise;
use gongwen_core::outline::Outline;
use gongwen_core::source::pdf_text::PdfPage;
use gongwen_core::source::{LineHint, LineUnit, SourceFormat};
use gongwen_core::structure::Structure;
use gongwen_core::text::TextRange;
use gongwen_core::themes::ReportThemes;
use gongwen_core::vocabulary::UserVocabulary;
use gongwen_core::words::{PackedOccurrences, WordFrequencies};
use serde::{Deserialize, Serialize};
use wasm_bindgen::{JsCast, JsValue};

use crate::i18n::Bilingual;

/// Identifies one submitted file across the round trip.
pub type ReportId = u32;

/// From the page to the worker.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub enum ToWorker {
    /// Use these vocabulary changes from now on (the page then sends every
    /// file again).
    Configure {
        /// The user's changes to the lexicon and stopwords.
        vocabulary: UserVocabulary,
    },
    /// Analyse one file.
    Analyze {
        /// The page's id for the file.
        id: ReportId,
        /// The file's name.
        name: String,
        /// The file's bytes.
        #[serde(with = "serde_bytes")]
        bytes: Vec<u8>,
    },
    /// Analyse the file the user picked or dropped that is posted with this
    /// message ([`encode_with_file`]): the worker reads its bytes itself, so
    /// that the page's thread never waits on the file system for them nor
    /// copies them.
    AnalyzeFile {
        /// The page's id for the file.
        id: ReportId,
        /// The file's name (its path in a dropped folder).
        name: String,
    },
    /// Analyse a PDF from the text items the page's PDF reader extracted
    /// (the worker answered [`FromWorker::NeedsPdfText`] to its bytes).
    AnalyzePdf {
        /// The page's id for the file.
        id: ReportId,
        /// The file's name.
        name: String,
        /// Each read page's text items.
        pages: Vec<PdfPage>,
        /// The PDF's page count (more than `pages.len()` when the page limit
        /// cut it short).
        total_pages: u32,
    },
    /// Panic as if analysing the file `id` had hit a bug. Exists only for the
    /// resilience test (`tests/e2e/resilience.test.mjs`), which reaches it
    /// through the page's `?selftest` hook; nothing in the page's interface
    /// sends it.
    Crash {
        /// The file whose analysis "fails".
        id: ReportId,
    },
}

/// From the worker to the page.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub enum FromWorker {
    /// The dictionary is loaded; files can be analysed.
    Ready {
        /// How long loading the dictionary took, in milliseconds.
        load_millis: f64,
    },
    /// The dictionary could not be loaded: nothing can be analysed.
    Broken {
        /// Why, in Chinese.
        message: String,
    },
    /// The worker starts analysing this file. If the worker dies before the
    /// result, this is the file that killed it.
    Analyzing {
        /// The page's id for the file.
        id: ReportId,
    },
    /// The file is a ZIP archive of reports: here are its files, each with
    /// its bytes or why it could not be unpacked. The page sends each for
    /// analysis as a file of its own.
    Unpacked {
        /// The page's id for the archive.
        id: ReportId,
        /// The archive's files, in the archive's order.
        entries: Vec<UnpackedEntry>,
    },
    /// The file is a PDF, whose text the page's PDF reader (pdf.js) must
    /// extract.
    NeedsPdfText {
        /// The page's id for the file.
        id: ReportId,
    },
    /// One file's analysis, or why it failed.
    Analyzed {
        /// The page's id for the file.
        id: ReportId,
        /// The analysis or the error message.
        result: Result<Box<WireReport>, Bilingual>,
        /// How long the analysis took, in milliseconds.
        millis: f64,
    },
}

/// One file of an unpacked archive.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct UnpackedEntry {
    /// Its path inside the archive.
    pub path: String,
    /// Its bytes, or why it could not be unpacked.
    pub bytes: Result<serde_bytes::ByteBuf, Bilingual>,
}

/// A [`ReportAnalysis`] as postcard carries it. The core's types serialise
/// as they are except [`LineHint`] and [`LineUnit`], internally tagged enums,
/// which only a self-describing format can read back; [`WireHint`] and
/// [`WireUnit`] carry them instead.
/// The conversions destructure every struct, so a field added to the core
/// fails to compile here rather than silently missing on the page.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct WireReport {
    name: String,
    encoding: Encoding,
    format: SourceFormat,
    unit: WireUnit,
    text: String,
    lines: Vec<WireLine>,
    removed: Vec<RemovedNoise>,
    source_breaks: Vec<(usize, u32)>,
    chars: usize,
    outline: Outline,
    words: WordFrequencies,
    occurrences: WireOccurrences,
    formulations: Vec<FormulationCount>,
    figures: Vec<Figure>,
    year: Option<u32>,
    structure: Structure,
    lint: Vec<LintFinding>,
    themes: ReportThemes,
    notes: Vec<Diagnostic>,
}

/// A report's occurrences as the wire carries them: the bytes of its
/// [`PackedOccurrences`] as they are, a byte or two a number instead of two
/// offsets of up to three bytes (the occurrences were two fifths of an
/// analysis message). Reading them checks they are whole occurrences, so a
/// broken message fails to decode rather than losing words.
#[derive(Debug, Clone, PartialEq)]
struct WireOccurrences(PackedOccurrences);

impl Serialize for WireOccurrences {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_bytes(self.0.as_bytes())
    }
}

impl<'de> Deserialize<'de> for WireOccurrences {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let bytes = serde_bytes::ByteBuf::deserialize(deserializer)?;
        PackedOccurrences::from_bytes(bytes.into_vec())
            .map(Self)
            .ok_or_else(|| serde::de::Error::custom("the word occurrences are not whole"))
    }
}

#[derive(Debug, Clone, Copy, Serialize, Deserialize)]
struct WireLine {
    range: TextRange,
    source_line: u32,
    hint: WireHint,
}

#[derive(Debug, Clone, Copy, Serialize, Deserialize)]
enum WireHint {
    Plain,
    Heading(u8),
    Bold,
    Title,
    ListItem,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
enum WireUnit {
    Line,
    Paragraph,
    PageLine(Vec<u32>),
}

impl From<LineUnit> for WireUnit {
    fn from(unit: LineUnit) -> Self {
        match unit {
            LineUnit::Line => WireUnit::Line,
            LineUnit::Paragraph => WireUnit::Paragraph,
            LineUnit::PageLine { page_starts } => WireUnit::PageLine(page_starts),
        }
    }
}

impl From<WireUnit> for LineUnit {
    fn from(unit: WireUnit) -> Self {
        match unit {
            WireUnit::Line => LineUnit::Line,
            WireUnit::Paragraph => LineUnit::Paragraph,
            WireUnit::PageLine(page_starts) => LineUnit::PageLine { page_starts },
        }
    }
}

impl From<LineHint> for WireHint {
    fn from(hint: LineHint) -> Self {
        match hint {
            LineHint::Plain => WireHint::Plain,
            LineHint::Heading { depth } => WireHint::Heading(depth),
            LineHint::Bold => WireHint::Bold,
            LineHint::Title => WireHint::Title,
            LineHint::ListItem => WireHint::ListItem,
        }
    }
}

impl From<WireHint> for LineHint {
    fn from(hint: WireHint) -> Self {
        match hint {
            WireHint::Plain => LineHint::Plain,
            WireHint::Heading(depth) => LineHint::Heading { depth },
            WireHint::Bold => LineHint::Bold,
            WireHint::Title => LineHint::Title,
            WireHint::ListItem => LineHint::ListItem,
        }
    }
}

impl From<ReportAnalysis> for WireReport {
    fn from(analysis: ReportAnalysis) -> Self {
        let ReportAnalysis {
            name,
            encoding,
            format,
            unit,
            cleaned,
            chars,
            outline,
            words,
            occurrences,
            formulations,
            figures,
            year,
            structure,
            lint,
            themes,
            notes,
        } = analysis;
        let CleanedText { text, lines, removed, source_breaks } = cleaned;
        let lines = lines
            .into_iter()
            .map(|CleanLine { range, source_line, hint }| WireLine { range, source_line, hint: hint.into() })
            .collect();
        WireReport {
            name,
            encoding,
            format,
            unit: unit.into(),
            text,
            lines,
            removed,
            source_breaks,
            chars,
            outline,
            words,
            occurrences: WireOccurrences(occurrences),
            formulations,
            figures,
            year,
            structure,
            lint,
            themes,
            notes,
        }
    }
}

impl From<WireReport> for ReportAnalysis {
    fn from(wire: WireReport) -> Self {
        let WireReport {
            name,
            encoding,
            format,
            unit,
            text,
            lines,
            removed,
            source_breaks,
            chars,
            outline,
            words,
            occurrences,
            formulations,
            figures,
            year,
            structure,
            lint,
            themes,
            notes,
        } = wire;
        let lines = lines
            .into_iter()
            .map(|WireLine { range, source_line, hint }| CleanLine { range, source_line, hint: hint.into() })
            .collect();
        let cleaned = CleanedText { text, lines, removed, source_breaks };
        ReportAnalysis {
            name,
            encoding,
            format,
            unit: unit.into(),
            cleaned,
            chars,
            outline,
            words,
            occurrences: occurrences.0,
            formulations,
            figures,
            year,
            structure,
            lint,
            themes,
            notes,
        }
    }
}

/// A message as a `Uint8Array` of postcard bytes, ready to be posted with its
/// buffer transferred.
pub fn encode<T: Serialize>(message: &T) -> Result<js_sys::Uint8Array, String> {
    let bytes = postcard::to_allocvec(message).map_err(|error| error.to_string())?;
    Ok(js_sys::Uint8Array::from(bytes.as_slice()))
}

/// Reads a message posted by [`encode`]; `None` if `data` is not bytes (a
/// bootstrap message).
pub fn decode<T: for<'de> Deserialize<'de>>(data: &JsValue) -> Option<Result<T, String>> {
    let array = data.dyn_ref::<js_sys::Uint8Array>()?;
    Some(postcard::from_bytes(&array.to_vec()).map_err(|error| error.to_string()))
}

/// A message with a file posted beside it: `[bytes, file]`, to be posted
/// with the bytes' buffer transferred ([`transfer_list`] of the first item).
/// A `File` crosses `postMessage` as a handle to the same file, not as its
/// contents.
pub fn encode_with_file<T: Serialize>(message: &T, file: &web_sys::File) -> Result<js_sys::Array, String> {
    let bytes: JsValue = encode(message)?.into();
    Ok(js_sys::Array::of2(&bytes, file))
}

/// Reads a message posted by [`encode`] or [`encode_with_file`], with the
/// file posted beside it if any; `None` if `data` is neither (a bootstrap
/// message).
pub fn decode_with_file<T: for<'de> Deserialize<'de>>(
    data: &JsValue,
) -> Option<Result<(T, Option<web_sys::File>), String>> {
    match data.dyn_ref::<js_sys::Array>() {
        Some(pair) => {
            let file = pair.get(1).dyn_into::<web_sys::File>().ok();
            let decoded = decode::<T>(&pair.get(0))?;
            Some(decoded.map(|message| (message, file)))
        }
        None => decode::<T>(data).map(|decoded| decoded.map(|message| (message, None))),
    }
}

/// Posts `message` from a worker to the page, its bytes moved. A message that
/// cannot be posted is a bug, reported on the console (after `worker`, the
/// worker's name) rather than lost silently.
pub fn post_to_page<T: Serialize>(scope: &web_sys::DedicatedWorkerGlobalScope, worker: &str, message: &T) {
    let posted = encode(message)
        .map_err(JsValue::from)
        .and_then(|bytes| scope.post_message_with_transfer(&bytes, &transfer_list(&bytes)));
    if let Err(error) = posted {
        web_sys::console::error_2(&format!("{worker}: could not post a message").into(), &error);
    }
}

/// The transfer list that moves `array`'s buffer instead of copying it.
pub fn transfer_list(array: &js_sys::Uint8Array) -> js_sys::Array {
    js_sys::Array::of1(&array.buffer())
}

/// What `www/worker.js` itself posts, as plain objects.
#[derive(Debug, Clone, PartialEq)]
pub enum BootstrapMessage {
    /// `{ broken: message }`: the worker's wasm module could not start.
    Broken(String),
    /// `{ trap: message }`: an exception escaped the worker's wasm (a Rust
    /// panic aborts with a trap); that module instance is dead.
    Trap(String),
}

impl BootstrapMessage {
    /// Reads a bootstrap message, if `data` is one.
    pub fn from_js(data: &JsValue) -> Option<Self> {
        let field = |name: &str| {
            js_sys::Reflect::get(data, &JsValue::from_str(name)).ok().filter(|value| !value.is_undefined())
        };
        let text = |value: JsValue| value.as_string().unwrap_or_else(|| format!("{value:?}"));
        if !data.is_object() {
            return None;
        }
        if let Some(message) = field("trap") {
            return Some(BootstrapMessage::Trap(text(message)));
        }
        field("broken").map(|message| BootstrapMessage::Broken(text(message)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_analysis_survives_the_trip_through_postcard() {
        let segmenter = gongwen_core::Segmenter::new().expect("segmenter");
        let source = "# 标题\n\n一、总体情况\n\n**（一）抓学习**\n\n坚持“两个维护”，落实主体责任。\n";
        let analysis = gongwen_core::analyze_report("a.md", source.as_bytes(), &segmenter).expect("analysis");
        assert!(analysis.cleaned.lines.iter().any(|line| line.hint != LineHint::Plain), "the sample has hints");
        let message = FromWorker::Analyzed { id: 7, result: Ok(Box::new(analysis.clone().into())), millis: 1.5 };
        let bytes = postcard::to_allocvec(&message).expect("encodes");
        let Ok(FromWorker::Analyzed { id: 7, result: Ok(wire), .. }) = postcard::from_bytes::<FromWorker>(&bytes)
        else {
            panic!("decodes to the same message");
        };
        assert_eq!(ReportAnalysis::from(*wire), analysis);
    }

    #[test]
    fn occurrences_travel_packed_and_broken_ones_fail_to_decode() {
        // A seed's occurrences take far fewer bytes than as offsets.
        let segmenter = gongwen_core::Segmenter::new().expect("segmenter");
        let seed = include_bytes!("../../../seeds/000_75e6ea62ff7e3e22.txt");
        let analysis = gongwen_core::analyze_report("000.txt", seed, &segmenter).expect("analysis");
        let plain = postcard::to_allocvec(&analysis.occurrences.unpack()).expect("encodes").len();
        let wire = WireOccurrences(analysis.occurrences.clone());
        let bytes = postcard::to_allocvec(&wire).expect("encodes");
        assert!(bytes.len() * 10 < plain * 7, "{} bytes against {plain}", bytes.len());
        assert_eq!(postcard::from_bytes::<WireOccurrences>(&bytes).expect("decodes"), wire);
        // Cut short inside an occurrence: an error, not fewer words.
        let mut cut = analysis.occurrences.as_bytes().to_vec();
        cut.pop();
        let broken = postcard::to_allocvec(&serde_bytes::ByteBuf::from(cut)).expect("encodes");
        assert!(postcard::from_bytes::<WireOccurrences>(&broken).is_err());
    }
}
