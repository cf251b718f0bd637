//! The page's state and its reducer: which reports are loaded, how far each
//! got, and what the user is looking at.
//!
//! **Architecture invariant:** no web types here. Everything that touches the
//! browser (files, the worker, the DOM) lives in components and hooks, which
//! turn events into [`Action`]s.

use std::rc::Rc;

use gongwen_core::ReportAnalysis;
use gongwen_core::text::TextRange;
use gongwen_core::vocabulary::UserVocabulary;
use yew::Reducible;

use crate::i18n::Bilingual;
use crate::protocol::ReportId;

/// A finished analysis as the page shares it between the state and the
/// views. Equality is identity: an analysis never changes after the worker
/// sends it, and comparing by pointer keeps props and memos from comparing
/// whole reports (texts, word lists, occurrences) on every render.
#[derive(Debug, Clone)]
pub struct SharedAnalysis(Rc<ReportAnalysis>);

impl SharedAnalysis {
    /// Shares a new analysis.
    pub fn new(analysis: ReportAnalysis) -> Self {
        Self(Rc::new(analysis))
    }
}

impl PartialEq for SharedAnalysis {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl std::ops::Deref for SharedAnalysis {
    type Target = ReportAnalysis;

    fn deref(&self) -> &ReportAnalysis {
        &self.0
    }
}

/// The analysed reports with their ids, in list order.
pub type AnalysedReports = Vec<(ReportId, SharedAnalysis)>;

/// Whether the worker's dictionary is ready.
#[derive(Debug, Clone, PartialEq)]
pub enum DictionaryStatus {
    /// Still loading: files wait.
    Loading,
    /// Loaded in this many milliseconds.
    Ready {
        /// Load time in milliseconds (of the first worker ready).
        load_millis: f64,
        /// How many workers of the pool have loaded theirs.
        workers: usize,
    },
    /// Could not be loaded; the message says why.
    Broken(Bilingual),
}

/// How far one report got.
#[derive(Debug, Clone, PartialEq)]
pub enum ReportStatus {
    /// Sent to the worker (or queued until it is ready).
    Analyzing,
    /// A PDF whose text the page's PDF reader is extracting: `done` of
    /// `total` pages (`0` of `0` while the PDF opens).
    Reading {
        /// Pages read.
        done: u32,
        /// Pages to read.
        total: u32,
    },
    /// Analysed.
    Done(SharedAnalysis),
    /// Could not be read or decoded; the message says why.
    Failed(Bilingual),
}

/// One loaded file.
#[derive(Debug, Clone, PartialEq)]
pub struct ReportEntry {
    /// The page's id for the file.
    pub id: ReportId,
    /// The file's name.
    pub name: String,
    /// Size in bytes.
    pub size: usize,
    /// How far it got.
    pub status: ReportStatus,
    /// Which worker of the pool analysed it (from 1), shown to the tests as
    /// `data-worker`.
    pub worker: Option<u32>,
}

/// One file's answer from the analysis pool.
#[derive(Debug, Clone)]
pub struct AnalysisResult {
    /// The file's id.
    pub id: ReportId,
    /// The analysis or the error message.
    pub result: Result<Box<ReportAnalysis>, Bilingual>,
    /// Which worker of the pool analysed it (from 1), if one did.
    pub worker: Option<u32>,
}

/// A file handed to the page, before analysis.
#[derive(Debug, Clone, PartialEq)]
pub struct AddedFile {
    /// The id the page gave it.
    pub id: ReportId,
    /// The file's name.
    pub name: String,
    /// Size in bytes.
    pub size: usize,
}

/// What the reader shows and highlights.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FocusTarget {
    /// A heading of the selected report (index into its outline).
    Heading(usize),
    /// A byte range of the selected report's cleaned text (a concordance hit).
    Range(TextRange),
}

/// How concordance lines are ordered.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum KwicSort {
    /// Report by report, in text order.
    #[default]
    Position,
    /// By the words just before the match, read right to left.
    Left,
    /// By the words just after the match.
    Right,
}

/// The word whose concordance is shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Lookup {
    /// The word or phrase.
    pub word: String,
    /// Characters of context on each side.
    pub width: usize,
    /// The order of the lines.
    pub sort: KwicSort,
}

/// The default characters of context in the page's concordance.
pub const DEFAULT_LOOKUP_WIDTH: usize = 20;

/// The page's state.
#[derive(Debug, Clone, PartialEq)]
pub struct AppState {
    /// The dictionary's status.
    pub dictionary: DictionaryStatus,
    /// Loaded reports in the order they were added.
    pub reports: Vec<ReportEntry>,
    /// The report shown in the detail panes.
    pub selected: Option<ReportId>,
    /// What the reader shows, with a counter so that clicking the same
    /// heading again scrolls again.
    pub focus: Option<(FocusTarget, u32)>,
    /// The concordance being shown, if any.
    pub lookup: Option<Lookup>,
    /// The user's vocabulary changes, applied by the worker.
    pub vocabulary: UserVocabulary,
    /// Whether the overview of the whole stack takes the outline's and the
    /// reader's place: the landing view once two or more reports are in,
    /// left for a report by opening one (a row, a file, a place, a word).
    pub overview: bool,
}

impl Default for AppState {
    fn default() -> Self {
        Self {
            dictionary: DictionaryStatus::Loading,
            reports: Vec::new(),
            selected: None,
            focus: None,
            lookup: None,
            vocabulary: UserVocabulary::default(),
            overview: true,
        }
    }
}

/// What can happen to the state.
#[derive(Debug, Clone)]
pub enum Action {
    /// Files were dropped or picked; a file with the name of a loaded one
    /// replaces it.
    FilesAdded(Vec<AddedFile>),
    /// A file could not even be read by the browser.
    /// A PDF's text is being extracted: `done` of `total` pages.
    Reading {
        /// The file.
        id: ReportId,
        /// Pages read.
        done: u32,
        /// Pages to read.
        total: u32,
    },
    /// A file could not be read at all.
    FileUnreadable {
        /// The file.
        file: AddedFile,
        /// Why.
        message: Bilingual,
    },
    /// A worker of the pool finished loading its dictionary.
    DictionaryReady {
        /// Load time in milliseconds.
        load_millis: f64,
        /// How many workers of the pool have loaded theirs now.
        workers: usize,
    },
    /// The worker could not load its dictionary or could not start.
    DictionaryBroken(Bilingual),
    /// The pool's answers gathered since the last batch, in order.
    AnalyzedBatch(Vec<AnalysisResult>),
    /// The user selected a report.
    Select(ReportId),
    /// The user asked for the overview of the whole stack.
    ShowOverview,
    /// The user cleared the page: every report and its analysis is gone.
    Clear,
    /// The user removed a report.
    Remove(ReportId),
    /// The user clicked a heading of the selected report.
    FocusHeading(usize),
    /// The user opened a place in some report (a concordance line): select
    /// the report and show the range.
    OpenAt {
        /// The report.
        id: ReportId,
        /// The byte range in its cleaned text.
        range: TextRange,
    },
    /// The user clicked a word: show its concordance.
    Lookup(String),
    /// The user closed the concordance.
    CloseLookup,
    /// The user changed the concordance's context width.
    SetLookupWidth(usize),
    /// The user changed the concordance's order.
    SetLookupSort(KwicSort),
    /// The vocabulary changed (loaded from storage or edited): every report is
    /// analysed again.
    VocabularyChanged(UserVocabulary),
    /// The user opened a section of some report (from the structure chart):
    /// select the report and show the heading (`None`: its beginning).
    OpenSection {
        /// The report.
        id: ReportId,
        /// The heading index in its outline.
        heading: Option<usize>,
    },
}

impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut state = (*self).clone();
        match action {
            Action::FilesAdded(files) => {
                for file in files {
                    let entry = ReportEntry {
                        id: file.id,
                        name: file.name,
                        size: file.size,
                        status: ReportStatus::Analyzing,
                        worker: None,
                    };
                    state.upsert(entry);
                }
            }
            Action::FileUnreadable { file, message } => {
                let entry = ReportEntry {
                    id: file.id,
                    name: file.name,
                    size: file.size,
                    status: ReportStatus::Failed(message),
                    worker: None,
                };
                state.upsert(entry);
            }
            Action::DictionaryReady { load_millis, workers } => {
                // The first worker's load time is the one users waited for.
                let load_millis = match state.dictionary {
                    DictionaryStatus::Ready { load_millis, .. } => load_millis,
                    _ => load_millis,
                };
                state.dictionary = DictionaryStatus::Ready { load_millis, workers };
            }
            Action::DictionaryBroken(message) => {
                for entry in &mut state.reports {
                    if entry.is_pending() {
                        entry.status = ReportStatus::Failed(message.clone());
                    }
                }
                state.dictionary = DictionaryStatus::Broken(message);
            }
            Action::Reading { id, done, total } => {
                if let Some(entry) = state.reports.iter_mut().find(|entry| entry.id == id && entry.is_pending()) {
                    entry.status = ReportStatus::Reading { done, total };
                }
            }
            Action::AnalyzedBatch(results) => {
                for result in results {
                    state.record(result);
                }
                state.select_first_done();
            }
            Action::Select(id) => {
                state.overview = false;
                if state.report(id).is_some() && state.selected != Some(id) {
                    state.selected = Some(id);
                    state.focus = None;
                }
            }
            Action::ShowOverview => state.overview = true,
            Action::Clear => {
                state.reports.clear();
                state.selected = None;
                state.focus = None;
                state.lookup = None;
                state.overview = true;
            }
            Action::Remove(id) => {
                state.reports.retain(|entry| entry.id != id);
                if state.selected == Some(id) {
                    state.selected = state.reports.iter().find(|e| e.is_done()).map(|e| e.id);
                    state.focus = None;
                }
            }
            Action::FocusHeading(index) => state.focus_on(FocusTarget::Heading(index)),
            Action::OpenAt { id, range } => {
                if state.report(id).is_some_and(ReportEntry::is_done) {
                    state.overview = false;
                    state.selected = Some(id);
                    state.focus_on(FocusTarget::Range(range));
                }
            }
            Action::Lookup(word) => {
                let word = word.trim().to_owned();
                if !word.is_empty() {
                    // The concordance sits under the reader.
                    state.overview = false;
                    let (width, sort) =
                        state.lookup.as_ref().map_or((DEFAULT_LOOKUP_WIDTH, KwicSort::Position), |l| (l.width, l.sort));
                    state.lookup = Some(Lookup { word, width, sort });
                }
            }
            Action::CloseLookup => state.lookup = None,
            Action::SetLookupWidth(width) => {
                if let Some(lookup) = &mut state.lookup {
                    lookup.width = width.clamp(2, 80);
                }
            }
            Action::SetLookupSort(sort) => {
                if let Some(lookup) = &mut state.lookup {
                    lookup.sort = sort;
                }
            }
            Action::VocabularyChanged(vocabulary) => {
                for entry in &mut state.reports {
                    if entry.is_done() {
                        entry.status = ReportStatus::Analyzing;
                    }
                }
                state.vocabulary = vocabulary;
            }
            Action::OpenSection { id, heading } => {
                if state.report(id).is_some_and(ReportEntry::is_done) {
                    state.overview = false;
                    state.selected = Some(id);
                    state.focus = None;
                    if let Some(index) = heading {
                        state.focus_on(FocusTarget::Heading(index));
                    }
                }
            }
        }
        Rc::new(state)
    }
}

impl AppState {
    /// The report with this id.
    pub fn report(&self, id: ReportId) -> Option<&ReportEntry> {
        self.reports.iter().find(|entry| entry.id == id)
    }

    /// The selected report's analysis, if it is done.
    pub fn selected_analysis(&self) -> Option<SharedAnalysis> {
        self.selected.and_then(|id| self.report(id)).and_then(ReportEntry::analysis)
    }

    /// Whether the overview shows now: asked for (or not yet left) and with
    /// two or more reports analysed — one report is read at once.
    pub fn shows_overview(&self) -> bool {
        self.overview && self.reports.iter().filter(|entry| entry.is_done()).nth(1).is_some()
    }

    /// All finished analyses with their ids, in list order.
    pub fn analysed(&self) -> AnalysedReports {
        self.reports.iter().filter_map(|entry| entry.analysis().map(|analysis| (entry.id, analysis))).collect()
    }

    /// Whether any file is still being analysed.
    pub fn is_busy(&self) -> bool {
        self.progress().is_some()
    }

    /// Counts of the files analysed or failed, and of all files, while any is
    /// pending: what the progress bar shows.
    pub fn progress(&self) -> Option<(usize, usize)> {
        let pending = self.reports.iter().filter(|entry| entry.is_pending()).count();
        (pending > 0).then(|| (self.reports.len() - pending, self.reports.len()))
    }

    fn record(&mut self, AnalysisResult { id, result, worker }: AnalysisResult) {
        if let Some(entry) = self.reports.iter_mut().find(|entry| entry.id == id) {
            entry.status = match result {
                Ok(report) => ReportStatus::Done(SharedAnalysis::new(*report)),
                Err(message) => ReportStatus::Failed(message),
            };
            entry.worker = worker;
        }
    }

    /// Selects, while nothing is, the first report of the list that is not
    /// failed, once it is done: the same one whichever worker of the pool
    /// finishes first.
    fn select_first_done(&mut self) {
        if self.selected.is_none() {
            self.selected = self
                .reports
                .iter()
                .find(|entry| !matches!(entry.status, ReportStatus::Failed(_)))
                .filter(|entry| entry.is_done())
                .map(|entry| entry.id);
        }
    }

    fn focus_on(&mut self, target: FocusTarget) {
        let generation = self.focus.map_or(0, |(_, generation)| generation.wrapping_add(1));
        self.focus = Some((target, generation));
    }

    /// The heading the reader focuses, if the focus is a heading.
    pub fn focused_heading(&self) -> Option<usize> {
        match self.focus {
            Some((FocusTarget::Heading(index), _)) => Some(index),
            _ => None,
        }
    }

    fn upsert(&mut self, entry: ReportEntry) {
        match self.reports.iter_mut().find(|existing| existing.name == entry.name) {
            Some(existing) => {
                if self.selected == Some(existing.id) {
                    self.selected = None;
                    self.focus = None;
                }
                *existing = entry;
            }
            None => self.reports.push(entry),
        }
    }
}

impl ReportEntry {
    /// The analysis, if done.
    pub fn analysis(&self) -> Option<SharedAnalysis> {
        match &self.status {
            ReportStatus::Done(analysis) => Some(analysis.clone()),
            _ => None,
        }
    }

    /// Whether the analysis is done.
    pub fn is_done(&self) -> bool {
        matches!(self.status, ReportStatus::Done(_))
    }

    /// Whether the file is still being read or analysed.
    pub fn is_pending(&self) -> bool {
        matches!(self.status, ReportStatus::Analyzing | ReportStatus::Reading { .. })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn added(id: ReportId, name: &str) -> AddedFile {
        AddedFile { id, name: name.to_owned(), size: 10 }
    }

    /// The pool's answer for one file.
    fn analyzed(id: ReportId, result: Result<Box<ReportAnalysis>, Bilingual>) -> Action {
        Action::AnalyzedBatch(vec![AnalysisResult { id, result, worker: None }])
    }

    fn reduce(state: Rc<AppState>, action: Action) -> Rc<AppState> {
        state.reduce(action)
    }

    #[test]
    fn a_failed_file_does_not_stop_the_others() {
        let state = Rc::new(AppState::default());
        let state = reduce(state, Action::FilesAdded(vec![added(1, "a.txt"), added(2, "b.bin")]));
        let state = reduce(state, analyzed(2, Err(Bilingual::new("二进制", "binary"))));
        assert_eq!(state.reports[1].status, ReportStatus::Failed(Bilingual::new("二进制", "binary")));
        assert_eq!(state.reports[0].status, ReportStatus::Analyzing);
        assert!(state.is_busy());
        assert_eq!(state.selected, None, "a failed file is not selected");
    }

    #[test]
    fn the_same_name_replaces_the_old_entry() {
        let state = Rc::new(AppState::default());
        let state = reduce(state, Action::FilesAdded(vec![added(1, "a.txt")]));
        let state = reduce(state, Action::FilesAdded(vec![added(2, "a.txt")]));
        assert_eq!(state.reports.len(), 1);
        assert_eq!(state.reports[0].id, 2);
    }

    #[test]
    fn a_batch_records_every_answer_and_counts_progress() {
        let state = Rc::new(AppState::default());
        let state = reduce(state, Action::FilesAdded(vec![added(1, "a.txt"), added(2, "b.txt"), added(3, "c.txt")]));
        assert_eq!(state.progress(), Some((0, 3)));
        let batch = vec![
            AnalysisResult { id: 2, result: Ok(Box::new(sample_analysis())), worker: Some(2) },
            AnalysisResult { id: 3, result: Err(Bilingual::new("已取消分析", "cancelled")), worker: None },
        ];
        let state = reduce(state, Action::AnalyzedBatch(batch));
        assert_eq!(state.progress(), Some((2, 3)));
        assert_eq!(state.reports[1].worker, Some(2));
        assert_eq!(state.selected, None, "the first report is selected when it is done, whichever finishes first");
        let state = reduce(state, analyzed(1, Err(Bilingual::new("二进制", "binary"))));
        assert_eq!(state.progress(), None, "nothing is pending");
        assert_eq!(state.selected, Some(2), "the first report that did not fail");
    }

    #[test]
    fn a_broken_dictionary_fails_waiting_files() {
        let state = Rc::new(AppState::default());
        let state = reduce(state, Action::FilesAdded(vec![added(1, "a.txt")]));
        let state = reduce(state, Action::DictionaryBroken(Bilingual::new("坏了", "broken")));
        assert_eq!(state.reports[0].status, ReportStatus::Failed(Bilingual::new("坏了", "broken")));
    }

    #[test]
    fn opening_a_section_selects_its_report_and_focuses_the_heading() {
        let state = Rc::new(AppState::default());
        let state = reduce(state, Action::FilesAdded(vec![added(1, "a.txt"), added(2, "b.txt")]));
        let state = reduce(state, Action::OpenSection { id: 2, heading: Some(4) });
        assert_eq!(state.selected, None, "a report still being analysed is not opened");
        let state = reduce(state, analyzed(2, Ok(Box::new(sample_analysis()))));
        let state = reduce(state, Action::OpenSection { id: 2, heading: Some(4) });
        assert_eq!((state.selected, state.focused_heading()), (Some(2), Some(4)));
    }

    fn sample_analysis() -> ReportAnalysis {
        let segmenter = gongwen_core::Segmenter::new().expect("segmenter");
        gongwen_core::analyze_report("b.txt", "一、甲\n（一）乙".as_bytes(), &segmenter).expect("analysis")
    }

    #[test]
    fn the_overview_lands_with_two_reports_and_opening_one_leaves_it() {
        let state = Rc::new(AppState::default());
        let state = reduce(state, Action::FilesAdded(vec![added(1, "a.txt"), added(2, "b.txt")]));
        let state = reduce(state, analyzed(1, Ok(Box::new(sample_analysis()))));
        assert!(!state.shows_overview(), "one report is read at once");
        let state = reduce(state, analyzed(2, Ok(Box::new(sample_analysis()))));
        assert!(state.shows_overview());
        let left = reduce(state.clone(), Action::Select(2));
        assert!(!left.shows_overview());
        assert_eq!(left.selected, Some(2));
        assert!(reduce(left.clone(), Action::ShowOverview).shows_overview());
        assert!(
            !reduce(state.clone(), Action::Lookup("党建".to_owned())).shows_overview(),
            "the concordance is the reader's"
        );
        let range = gongwen_core::text::TextRange::new(0, 3);
        assert!(!reduce(state, Action::OpenAt { id: 1, range }).shows_overview());
        let cleared = reduce(left, Action::Clear);
        assert!(cleared.reports.is_empty() && cleared.selected.is_none() && cleared.overview);
    }

    #[test]
    fn a_vocabulary_change_analyses_every_finished_report_again() {
        let state = Rc::new(AppState::default());
        let state = reduce(state, Action::FilesAdded(vec![added(1, "a.txt"), added(2, "b.bin")]));
        let state = reduce(state, analyzed(1, Ok(Box::new(sample_analysis()))));
        let state = reduce(state, analyzed(2, Err(Bilingual::new("二进制", "binary"))));
        let vocabulary = UserVocabulary { added_words: vec!["甲乙".to_owned()], ..UserVocabulary::default() };
        let state = reduce(state, Action::VocabularyChanged(vocabulary.clone()));
        assert_eq!(state.reports[0].status, ReportStatus::Analyzing);
        assert!(matches!(state.reports[1].status, ReportStatus::Failed(_)), "a bad file stays failed");
        assert_eq!(state.vocabulary, vocabulary);
    }

    #[test]
    fn lookups_keep_their_width_and_order_across_words() {
        let state = Rc::new(AppState::default());
        let state = reduce(state, Action::Lookup(" 两个维护 ".to_owned()));
        let state = reduce(state, Action::SetLookupWidth(200));
        let state = reduce(state, Action::SetLookupSort(KwicSort::Left));
        let state = reduce(state, Action::Lookup("一岗双责".to_owned()));
        assert_eq!(state.lookup, Some(Lookup { word: "一岗双责".to_owned(), width: 80, sort: KwicSort::Left }));
        let state = reduce(state, Action::Lookup("  ".to_owned()));
        assert_eq!(state.lookup.as_ref().map(|l| l.word.as_str()), Some("一岗双责"));
    }

    #[test]
    fn focusing_the_same_heading_twice_changes_the_state() {
        let state = Rc::new(AppState::default());
        let once = reduce(state, Action::FocusHeading(3));
        let twice = reduce(Rc::clone(&once), Action::FocusHeading(3));
        assert_ne!(once.focus, twice.focus);
    }
}
