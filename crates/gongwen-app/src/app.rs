//! The page: the drop zone over the whole window, the toolbar, the report list
//! and the panes of the selected report — outline, reader with the
//! concordance, and the analysis views (结构 and 校对 among them, whose
//! choices also mark the reader). From the comparison view, two
//! reports read side by side, or a report against an earlier year's (对照),
//! take the reader's place.

use std::collections::BTreeSet;
use std::rc::Rc;

use gongwen_core::ReadLimits;
use gongwen_core::compare::CompareSettings;
use gongwen_core::keyness::Significance;
use gongwen_core::lexicon::Lexicon;
use gongwen_core::overview::{OverviewRow, overview_workbook};
use gongwen_core::source::limits::format_bytes;
use gongwen_core::vocabulary::UserVocabulary;
use wasm_bindgen::JsCast;
use web_sys::{DragEvent, HtmlInputElement};
use yew::prelude::*;

use crate::comparison::{BACKGROUND_COMPARISON_CHARS, ComparisonStatus, Shared};
use crate::components::compare_panel::ComparePanel;
use crate::components::concordance::Concordance;
use crate::components::figures_panel::FiguresPanel;
use crate::components::file_list::FileList;
use crate::components::formulation_panel::FormulationPanel;
use crate::components::help_dialog::HelpDialog;
use crate::components::keyness_panel::KeynessPanel;
use crate::components::lint_panel::LintPanel;
use crate::components::outline_tree::OutlineTree;
use crate::components::overview_panel::{OverviewExport, OverviewPanel, OverviewTarget};
use crate::components::print_view::PrintView;
use crate::components::reader::Reader;
use crate::components::saved_work_toggle::SavedWorkToggle;
use crate::components::search_panel::SearchPanel;
use crate::components::side_by_side::SideBySide;
use crate::components::splitter::Splitter;
use crate::components::structure_check_panel::StructureCheckPanel;
use crate::components::structure_panel::StructurePanel;
use crate::components::term_panel::TermPanel;
use crate::components::theme_panel::ThemePanel;
use crate::components::vocabulary_dialog::VocabularyDialog;
use crate::components::word_panel::WordPanel;
use crate::components::year_view::YearView;
use crate::download::{download, download_bytes};
use crate::dropped_files::{dropped_files, early_drops};
use crate::exports::{analysis_json, outlines_markdown};
use crate::file_picker::open_file_picker;
use crate::hooks::use_analysis_worker::use_analysis_worker;
use crate::hooks::use_comparison::use_comparison;
use crate::hooks::use_history::use_history;
use crate::hooks::use_keyboard::use_keyboard;
use crate::hooks::use_keyness::{SetKeyness, use_keyness};
use crate::hooks::use_lint_filter::use_lint_filter;
use crate::hooks::use_pane_sizes::use_pane_sizes;
use crate::hooks::use_report_loader::use_report_loader;
use crate::hooks::use_user_vocabulary::use_user_vocabulary;
use crate::hooks::use_year_comparison::{YearRequest, use_year_comparison};
use crate::i18n::{CONTENT_LANG, Language};
use crate::incoming_file::{IncomingFile, load_in_batches};
use crate::keyboard::{KeyCommand, KeyTargets};
use crate::overview_table::with_distinctive;
use crate::pane_sizes::Pane;
use crate::place::Place;
use crate::print_summary::PrintSummary;
use crate::protocol::ReportId;
use crate::reader_marks::MarkLayers;
use crate::samples::SAMPLE_REPORTS;
use crate::saved_work::{SavedWorkStatus, use_restore_saved_work, use_saved_work};
use crate::search::SearchQuery;
use crate::shared_text::SharedText;
use crate::state::{Action, AppState, DictionaryStatus};

/// The views of the right-hand pane.
#[derive(Debug, Clone, Copy, PartialEq)]
enum View {
    /// Distinctive words and keywords.
    Keyness,
    /// Word frequencies.
    Words,
    /// Formulations inventory.
    Formulations,
    /// Theme coverage.
    Themes,
    /// Section shares of every report.
    Structure,
    /// 成效 / 问题 / 打算 and the reviewer's checklist, every report.
    StructureCheck,
    /// 校对: careless writing and formulations quoted wrong, every report.
    Lint,
    /// Shared passages and similarity across the reports.
    Compare,
    /// The figures (实绩数据) of every report.
    Figures,
    /// 词表统计: a word list counted in every report.
    TermCounts,
}

/// The tabs of the right-hand pane, in order: the Chinese label, the English
/// one and the English tab's fuller title. The Chinese tabs must stay on one
/// line in the pane's default width at 1366 px: keep labels to two
/// characters. The English ones may take two lines.
const VIEWS: [(View, &str, &str, &str); 10] = [
    (View::Keyness, "特色词", "Keywords", "Distinctive words and TF-IDF keywords"),
    (View::Words, "词频", "Words", "Word frequencies and word cloud"),
    (View::Formulations, "提法", "Phrases", "Formulations: fixed political phrases"),
    (View::Themes, "主题", "Themes", "Theme coverage"),
    (View::Structure, "篇幅", "Lengths", "How long each part of each report is"),
    (View::StructureCheck, "结构", "Structure", "Parts and the reviewer's checklist"),
    (View::Compare, "比对", "Compare", "Passages shared between reports"),
    (View::Figures, "数据", "Figures", "Concrete figures"),
    (View::Lint, "校对", "Proofing", "Careless writing and outdated formulations"),
    (View::TermCounts, "词表", "Word list", "Counts of your own word list"),
];

impl View {
    /// The view's name in the URL's fragment.
    fn id(self) -> &'static str {
        match self {
            View::Keyness => "keyness",
            View::Words => "words",
            View::Formulations => "formulations",
            View::Themes => "themes",
            View::Structure => "structure",
            View::StructureCheck => "structure-check",
            View::Lint => "lint",
            View::Compare => "compare",
            View::Figures => "figures",
            View::TermCounts => "term-counts",
        }
    }

    /// The view named `id` in a fragment.
    fn from_id(id: &str) -> Option<Self> {
        VIEWS.iter().map(|(view, ..)| *view).find(|view| view.id() == id)
    }
}

/// The files of a `FileList` (without a path in a dropped folder).
fn picked_files(list: Option<web_sys::FileList>) -> Vec<(web_sys::File, Option<String>)> {
    let Some(list) = list else { return Vec::new() };
    (0..list.length()).filter_map(|index| list.get(index)).map(|file| (file, None)).collect()
}

/// The whole page.
#[component]
pub fn App() -> Html {
    let language = use_state(Language::stored);
    let lang = *language;
    {
        let language = *language;
        use_effect_with(language, move |language| language.apply());
    }
    let on_toggle_language = {
        let language = language.clone();
        Callback::from(move |_: MouseEvent| language.set(language.other()))
    };
    let state = use_reducer(AppState::default);
    let worker = use_analysis_worker(state.dispatcher());
    let saved = use_saved_work();
    let load = use_report_loader(state.dispatcher(), worker.clone(), saved.clone());
    use_restore_saved_work(saved.clone(), load.clone());
    let set_vocabulary = use_user_vocabulary(state.dispatcher(), worker.clone());
    let panes = use_pane_sizes();
    let dragging = use_state(|| false);
    let dialog_open = use_state(|| false);
    let help_open = use_state(|| false);
    // The pages 「打印摘要」 made, drawn for print only.
    let print_pages = use_state(|| None::<Rc<Vec<PrintSummary>>>);
    // The search of every report shown, if any (it takes the reader's place).
    let search = use_state(|| None::<SearchQuery>);
    let search_input = use_node_ref();
    let search_regex = use_node_ref();
    let view = use_state(|| View::Keyness);
    // Two reports read side by side (from the comparison view), if any.
    let pair = use_state(|| None::<(ReportId, ReportId)>);
    // A report set against an earlier year's (later, earlier), if any; it
    // takes the reader's place as a pair does, so one closes the other.
    let years = use_state(|| None::<(ReportId, ReportId)>);
    // Whether the reader shades the text other reports share.
    let shade_shared = use_state(|| false);
    // Whether the reader marks figures and 校对 findings, and which findings.
    let mark_layers = use_state(MarkLayers::default);
    let (lint_filter, on_lint_filter) = use_lint_filter();
    let file_input = use_node_ref();
    let builtin_entries = use_memo((), |_| Lexicon::builtin().map_or(0, |lexicon| lexicon.entries.len()));

    let on_drag_over = {
        let dragging = dragging.clone();
        Callback::from(move |event: DragEvent| {
            event.prevent_default();
            if !*dragging {
                dragging.set(true);
            }
        })
    };
    let on_drag_leave = {
        let dragging = dragging.clone();
        Callback::from(move |event: DragEvent| {
            // Leaving for a child element is not leaving the window.
            if event.related_target().is_none() {
                dragging.set(false);
            }
        })
    };
    let on_drop = {
        let dragging = dragging.clone();
        let load = load.clone();
        Callback::from(move |event: DragEvent| {
            event.prevent_default();
            dragging.set(false);
            let Some(transfer) = event.data_transfer() else { return };
            // Folders are walked asynchronously; the drop's entries are taken
            // before the handler returns.
            let load = load.clone();
            wasm_bindgen_futures::spawn_local(async move { load_in_batches(dropped_files(&transfer).await, load) });
        })
    };
    // The drops main.js took before this drop zone was mounted are loaded
    // like any drop, once; the static shell that took them goes.
    {
        let load = load.clone();
        use_effect_with((), move |()| {
            if let Some(shell) = web_sys::window()
                .and_then(|window| window.document())
                .and_then(|document| document.get_element_by_id("early-drop"))
            {
                shell.remove();
            }
            wasm_bindgen_futures::spawn_local(async move { load_in_batches(early_drops().await, load) });
        });
    }
    let on_pick = {
        let load = load.clone();
        Callback::from(move |event: Event| {
            let Some(input) = event.target().and_then(|target| target.dyn_into::<HtmlInputElement>().ok()) else {
                return;
            };
            let files = picked_files(input.files());
            // Clearing lets the same file be picked again.
            input.set_value("");
            load_in_batches(files, load.clone());
        })
    };
    let on_open_picker = open_file_picker(file_input.clone());
    let on_samples = {
        let load = load.clone();
        Callback::from(move |_: MouseEvent| {
            load.emit(SAMPLE_REPORTS.iter().map(|&(name, bytes)| IncomingFile::Sample { name, bytes }).collect());
        })
    };
    let dispatch = Callback::from(state.dispatcher());
    // The file list's callbacks stay the same across renders, so that a
    // batch of results re-renders only the items whose status changed.
    let on_select =
        use_callback(state.dispatcher(), |id: ReportId, dispatcher| dispatcher.dispatch(Action::Select(id)));
    let on_remove = use_callback(
        (state.dispatcher(), worker.clone(), saved.clone()),
        |id: ReportId, (dispatcher, worker, saved)| {
            worker.forget(id);
            saved.forget(id);
            dispatcher.dispatch(Action::Remove(id));
        },
    );
    // The same callbacks across renders: a view whose props did not change
    // is not rendered again (the reader, rendered again, measures its
    // layout, which during a large drop cost the page a layout per batch).
    let on_focus =
        use_callback(state.dispatcher(), |focus, dispatcher| dispatcher.dispatch(Action::FocusHeading(focus)));
    let on_open_section = use_callback(state.dispatcher(), |(id, heading), dispatcher| {
        dispatcher.dispatch(Action::OpenSection { id, heading })
    });
    let on_word = use_callback(state.dispatcher(), |word, dispatcher| dispatcher.dispatch(Action::Lookup(word)));
    let on_open_at =
        use_callback(state.dispatcher(), |(id, range), dispatcher| dispatcher.dispatch(Action::OpenAt { id, range }));
    let on_open_at_closing_pair = {
        let (on_open_at, pair, years) = (on_open_at.clone(), pair.clone(), years.clone());
        Callback::from(move |place| {
            pair.set(None);
            years.set(None);
            on_open_at.emit(place);
        })
    };
    let change_vocabulary = |change: fn(&mut UserVocabulary, String)| {
        let vocabulary = state.vocabulary.clone();
        let set_vocabulary = set_vocabulary.clone();
        Callback::from(move |word: String| {
            let mut next = vocabulary.clone();
            change(&mut next, word);
            set_vocabulary.emit(next);
        })
    };
    let on_keep_word = change_vocabulary(|vocabulary, word| {
        vocabulary.removed_words.retain(|w| *w != word);
        vocabulary.added_words.push(word);
    });
    let on_ignore_word = change_vocabulary(|vocabulary, word| {
        vocabulary.removed_stopwords.retain(|w| *w != word);
        vocabulary.added_stopwords.push(word);
    });
    let on_open_dialog = {
        let dialog_open = dialog_open.clone();
        Callback::from(move |_: MouseEvent| dialog_open.set(true))
    };
    let on_close_dialog = {
        let dialog_open = dialog_open.clone();
        Callback::from(move |()| dialog_open.set(false))
    };
    let on_apply_vocabulary = {
        let dialog_open = dialog_open.clone();
        let set_vocabulary = set_vocabulary.clone();
        Callback::from(move |vocabulary: UserVocabulary| {
            dialog_open.set(false);
            set_vocabulary.emit(vocabulary);
        })
    };

    let analysed = state.analysed();
    let compare_settings = use_state(CompareSettings::default);
    let template_ids = use_state(|| Rc::new(BTreeSet::<ReportId>::new()));
    let (compared, templates): (Vec<_>, Vec<_>) =
        analysed.iter().cloned().partition(|(id, _)| !template_ids.contains(id));
    // Compared when the 比对 view or a pair asks, and, for a stack of up to
    // BACKGROUND_COMPARISON_CHARS, in the background once every report is
    // analysed: the view and the overview's own-text shares are then ready
    // before they are asked for (while reports are still coming, each batch
    // would start it again).
    let compare_in_background = state.progress().is_none()
        && analysed.iter().map(|(_, analysis)| analysis.chars).sum::<usize>() <= BACKGROUND_COMPARISON_CHARS;
    let comparison = use_comparison(
        &compared,
        &templates,
        &state.vocabulary,
        *compare_settings,
        *view == View::Compare || pair.is_some() || compare_in_background,
    );
    let on_compare_settings = {
        let compare_settings = compare_settings.clone();
        Callback::from(move |settings: CompareSettings| compare_settings.set(settings))
    };
    let on_toggle_template = {
        let template_ids = template_ids.clone();
        Callback::from(move |id: ReportId| {
            let mut next = (**template_ids).clone();
            if !next.remove(&id) {
                next.insert(id);
            }
            template_ids.set(Rc::new(next));
        })
    };
    let on_open_pair = {
        let (pair, years) = (pair.clone(), years.clone());
        Callback::from(move |ids: (ReportId, ReportId)| {
            years.set(None);
            pair.set(Some(ids));
        })
    };
    let on_open_years = {
        let (pair, years) = (pair.clone(), years.clone());
        Callback::from(move |ids: (ReportId, ReportId)| {
            pair.set(None);
            years.set(Some(ids));
        })
    };
    let on_close_years = {
        let years = years.clone();
        Callback::from(move |()| years.set(None))
    };
    let find = |id: ReportId| analysed.iter().find(|(other, _)| *other == id).map(|(_, analysis)| analysis.clone());
    // The year-over-year pair's analyses, while both are loaded.
    let year_reports = (*years).and_then(|(later, earlier)| find(later).zip(find(earlier)));
    let year_comparison = use_year_comparison(year_reports.clone().map(|(current, previous)| YearRequest {
        current,
        previous,
        min_chars: compare_settings.min_chars,
    }));
    let on_swap_pair = {
        let pair = pair.clone();
        Callback::from(move |()| pair.set(pair.map(|(a, b)| (b, a))))
    };
    let on_close_pair = {
        let pair = pair.clone();
        Callback::from(move |()| pair.set(None))
    };
    // The pair's analyses and comparison, when both are still loaded and compared.
    let side_by_side = match (&comparison.status, *pair) {
        (ComparisonStatus::Ready(set), Some((a, b))) => {
            find(a).zip(find(b)).map(|(left, right)| ((a, left), (b, right), set.clone()))
        }
        _ => None,
    };
    // The selected report's shared text, while the comparison is of the
    // reports loaded now.
    let current_comparison = match &comparison.status {
        ComparisonStatus::Ready(set) if set.ids.iter().eq(compared.iter().map(|(id, _)| id)) => Some(set.clone()),
        _ => None,
    };
    let shared_text = use_memo((current_comparison.clone(), state.selected_analysis()), |(set, selected)| {
        let (set, analysis) = (set.as_ref()?, selected.as_ref()?);
        let names: Vec<String> = set
            .ids
            .iter()
            .map(|id| analysed.iter().find(|(other, _)| other == id).map_or_else(String::new, |(_, a)| a.name.clone()))
            .collect();
        let id = state.selected?;
        SharedText::of(set, id, &analysis.cleaned.text, names).map(Shared::new)
    });
    let on_shade_shared = use_callback(shade_shared.setter(), |on: bool, setter| setter.set(on));
    let on_mark_layers = use_callback(mark_layers.setter(), |layers: MarkLayers, setter| setter.set(layers));
    let significance = use_state(Significance::default);
    let on_significance = use_callback(significance.setter(), |level: Significance, setter| setter.set(level));
    let selected = state.selected_analysis();
    let shows_overview = state.shows_overview() && side_by_side.is_none() && year_reports.is_none();
    let SetKeyness { selected: keyness, tops: distinctive_tops } =
        use_keyness(&analysed, state.selected, shows_overview, state.progress().is_none());
    // Each report's own-text share, once the reports loaded now are compared.
    let own_shares = use_memo(current_comparison.clone(), |set| {
        set.as_ref().map(|set| {
            Rc::new(
                set.ids
                    .iter()
                    .zip(&set.comparison.reports)
                    .map(|(id, report)| (*id, report.own_share))
                    .collect::<std::collections::HashMap<_, _>>(),
            )
        })
    });
    let on_open_overview = {
        let (dispatcher, view) = (state.dispatcher(), view.clone());
        Callback::from(move |(id, target): (ReportId, OverviewTarget)| {
            dispatcher.dispatch(Action::Select(id));
            match target {
                OverviewTarget::Report => {}
                OverviewTarget::Figures => view.set(View::Figures),
                OverviewTarget::Structure => view.set(View::StructureCheck),
                OverviewTarget::Compare => view.set(View::Compare),
                OverviewTarget::Lint => view.set(View::Lint),
                OverviewTarget::Keyness => view.set(View::Keyness),
            }
        })
    };
    let on_show_overview = dispatch.reform(|_: MouseEvent| Action::ShowOverview);
    let on_export = {
        let (analysed, comparison, own_shares) = (analysed.clone(), current_comparison.clone(), own_shares.clone());
        let (print_pages, distinctive_tops) = (print_pages.clone(), distinctive_tops.clone());
        Callback::from(move |export: OverviewExport| {
            let reports: Vec<&gongwen_core::ReportAnalysis> =
                analysed.iter().map(|(_, analysis)| &**analysis).collect();
            // The comparison's texts must be the reports listed: templates
            // set aside are compared but not listed first.
            // (With its passages' texts, as the exports write them: read
            // only for the exports that hold a comparison.)
            let comparison =
                || comparison.as_ref().filter(|set| set.ids.len() == reports.len()).map(|set| set.with_passage_texts());
            let result = match export {
                OverviewExport::Outlines => {
                    download("大纲.md", "text/markdown;charset=utf-8", &outlines_markdown(&reports))
                }
                OverviewExport::Analysis => analysis_json(&reports, comparison().as_ref())
                    .map_err(wasm_bindgen::JsValue::from)
                    .and_then(|json| download("公文透镜分析.json", "application/json", &json)),
                OverviewExport::Print => {
                    let names: Vec<String> = analysed.iter().map(|(_, analysis)| analysis.name.clone()).collect();
                    let comparison = comparison();
                    let pages = analysed
                        .iter()
                        .enumerate()
                        .map(|(index, (id, analysis))| {
                            let own = own_shares.as_ref().as_ref().and_then(|shares| shares.get(id).copied());
                            let comparison = comparison.as_ref().map(|c| (c, index, names.as_slice()));
                            PrintSummary::of(analysis, comparison, own)
                        })
                        .collect();
                    print_pages.set(Some(Rc::new(pages)));
                    // Printed once the pages are drawn.
                    wasm_bindgen_futures::spawn_local(async {
                        yew::platform::time::sleep(std::time::Duration::ZERO).await;
                        if let Some(window) = web_sys::window() {
                            let _ = window.print();
                        }
                    });
                    Ok(())
                }
                OverviewExport::Workbook => {
                    let shares = (*own_shares).clone();
                    let rows: Vec<OverviewRow> = analysed
                        .iter()
                        .map(|(id, analysis)| {
                            with_distinctive(OverviewRow::of(analysis), distinctive_tops.as_deref(), *id)
                        })
                        .collect();
                    let lines: Vec<_> = analysed
                        .iter()
                        .zip(&rows)
                        .map(|((id, analysis), row)| {
                            (&**analysis, row, shares.as_ref().and_then(|shares| shares.get(id).copied()))
                        })
                        .collect();
                    let mime = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
                    download_bytes("公文透镜总览.xlsx", mime, &overview_workbook(&lines))
                }
            };
            if let Err(error) = result {
                web_sys::console::error_2(&"gongwen: could not export".into(), &error);
            }
        })
    };
    // The keyboard: ↑/↓ reports, [ ] headings, / the overview's filter, Esc
    // closes (keyboard.rs).
    let key_targets = KeyTargets {
        reports: analysed.iter().map(|(id, _)| *id).collect(),
        open: if shows_overview { None } else { state.selected },
        headings: selected.as_ref().map_or(0, |analysis| analysis.outline.headings.len()),
        heading: state.focused_heading(),
        closable: *dialog_open
            || *help_open
            || search.is_some()
            || pair.is_some()
            || years.is_some()
            || state.lookup.is_some(),
    };
    let on_key = {
        let (dispatcher, dialog_open, help_open) = (state.dispatcher(), dialog_open.clone(), help_open.clone());
        let (pair, years, lookup_open) = (pair.clone(), years.clone(), state.lookup.is_some());
        let (search, search_input) = (search.clone(), search_input.clone());
        Callback::from(move |command: KeyCommand| match command {
            KeyCommand::Open(id) => dispatcher.dispatch(Action::Select(id)),
            KeyCommand::Heading(index) => dispatcher.dispatch(Action::FocusHeading(index)),
            KeyCommand::Search => {
                if let Some(input) = search_input.cast::<web_sys::HtmlElement>() {
                    let _ = input.focus();
                }
            }
            KeyCommand::Close => {
                if *help_open {
                    help_open.set(false);
                } else if search.is_some() {
                    search.set(None);
                } else if *dialog_open {
                    dialog_open.set(false);
                } else if pair.is_some() || years.is_some() {
                    pair.set(None);
                    years.set(None);
                } else if lookup_open {
                    dispatcher.dispatch(Action::CloseLookup);
                }
            }
        })
    };
    use_keyboard(key_targets, on_key);
    // The place in the URL's fragment, reports by their position in the
    // list (which a drop only extends); back and forward come back here.
    let position = |id: ReportId| state.reports.iter().position(|entry| entry.id == id);
    let both = |ids: Option<(ReportId, ReportId)>| ids.and_then(|(a, b)| Some((position(a)?, position(b)?)));
    let place = (!analysed.is_empty()).then(|| Place {
        report: if shows_overview { None } else { state.selected.and_then(position) },
        pair: both(*pair),
        years: both(*years),
        view: view.id().to_owned(),
    });
    let on_place = {
        let ids: Vec<ReportId> = state.reports.iter().map(|entry| entry.id).collect();
        let (dispatcher, view, pair, years) = (state.dispatcher(), view.clone(), pair.clone(), years.clone());
        Callback::from(move |place: Place| {
            let id_at = |position: usize| ids.get(position).copied();
            let both = |positions: Option<(usize, usize)>| positions.and_then(|(a, b)| Some((id_at(a)?, id_at(b)?)));
            match place.report.and_then(id_at) {
                Some(id) => dispatcher.dispatch(Action::Select(id)),
                None => dispatcher.dispatch(Action::ShowOverview),
            }
            pair.set(both(place.pair));
            years.set(both(place.years));
            if let Some(target) = View::from_id(&place.view) {
                view.set(target);
            }
        })
    };
    use_history(place, on_place);
    let on_open_help = {
        let help_open = help_open.clone();
        Callback::from(move |_: MouseEvent| help_open.set(true))
    };
    let on_close_help = {
        let help_open = help_open.clone();
        Callback::from(move |()| help_open.set(false))
    };
    let on_search = {
        let (search, search_input, search_regex) = (search.clone(), search_input.clone(), search_regex.clone());
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            let text = search_input.cast::<HtmlInputElement>().map(|input| input.value()).unwrap_or_default();
            let regex = search_regex.cast::<HtmlInputElement>().is_some_and(|input| input.checked());
            search.set((!text.is_empty()).then_some(SearchQuery { text, regex }));
        })
    };
    let on_close_search = {
        let search = search.clone();
        Callback::from(move |()| search.set(None))
    };
    // A hit opens the reader as any place does, the search closed too.
    let on_open_hit = {
        let (search, open) = (search.clone(), on_open_at_closing_pair.clone());
        Callback::from(move |place| {
            search.set(None);
            open.emit(place);
        })
    };
    let on_clear = {
        let (dispatcher, worker, reports) = (state.dispatcher(), worker.clone(), state.reports.clone());
        let (pair, years, template_ids, saved) = (pair.clone(), years.clone(), template_ids.clone(), saved.clone());
        Callback::from(move |_: MouseEvent| {
            let kept = *saved.status() != SavedWorkStatus::Off;
            let question = lang.pick(
                format!(
                    "清空全部 {} 份报告及其分析结果{}？（电脑上的原文件不受影响）",
                    reports.len(),
                    if kept { "，并删除本浏览器中保存的报告、关闭本机保存" } else { "" }
                ),
                format!(
                    "Remove all {} and their analyses{}? (The files on your computer are not touched.)",
                    lang.things(reports.len(), "份", "report", "reports"),
                    if kept { ", delete the reports saved in this browser and turn saving off" } else { "" }
                ),
            );
            if !web_sys::window().is_some_and(|window| window.confirm_with_message(&question).unwrap_or(false)) {
                return;
            }
            for entry in &reports {
                worker.forget(entry.id);
            }
            pair.set(None);
            years.set(None);
            template_ids.set(Rc::new(BTreeSet::new()));
            if *saved.status() != SavedWorkStatus::Off {
                saved.turn_off();
            }
            dispatcher.dispatch(Action::Clear);
        })
    };
    let on_toggle_saved = {
        let (saved, worker) = (saved.clone(), worker.clone());
        Callback::from(move |on: bool| {
            if on {
                let files = worker.files();
                saved.turn_on(files.iter().map(|(id, file)| (*id, file)));
            } else {
                saved.turn_off();
            }
        })
    };
    let progress_counts = state.progress();
    let status = match &state.dictionary {
        DictionaryStatus::Loading => {
            html! { <span class="dictionary loading" data-dictionary="loading">{ lang.pick("正在加载词典…", "Loading dictionary…") }</span> }
        }
        DictionaryStatus::Ready { load_millis, workers } => html! {
            <span class="dictionary ready" data-dictionary="ready" data-workers={worker.workers().to_string()}
                data-workers-ready={workers.to_string()}
                title={lang.pick(
                    format!("词典加载用时 {load_millis:.0} 毫秒；{workers}/{} 个分析线程就绪", worker.workers()),
                    format!("Dictionary loaded in {load_millis:.0} ms; {workers}/{} analysis workers ready", worker.workers()),
                )}>
                { if progress_counts.is_some() { lang.pick("分析中…", "Analysing…") } else { lang.pick("词典已就绪", "Dictionary ready") } }
            </span>
        },
        DictionaryStatus::Broken(message) => html! {
            <span class="dictionary broken" data-dictionary="broken">
                { lang.pick("词典不可用：", "Dictionary unavailable: ") }{ message.text(lang) }
            </span>
        },
    };
    let progress = progress_counts.map(|(finished, total)| {
        let on_cancel = {
            let worker = worker.clone();
            Callback::from(move |_: MouseEvent| worker.cancel())
        };
        html! {
            <span class="analysis-progress" role="status">
                <progress max={total.to_string()} value={finished.to_string()} aria-label={lang.pick("分析进度", "Analysis progress")}></progress>
                <span class="analysis-count" data-finished={finished.to_string()} data-total={total.to_string()}>
                    { lang.pick(format!("已分析 {finished}/{total} 份"), format!("{} of {} analysed", lang.count(finished), lang.count(total))) }
                </span>
                <button id="cancel-analysis" class="cancel" onclick={on_cancel}>{ lang.pick("取消", "Cancel") }</button>
            </span>
        }
    });
    let splitter = |pane: Pane| {
        html! {
            <Splitter {pane} size={panes.sizes.get(pane)} on_preview={panes.preview.clone()} on_commit={panes.commit.clone()} />
        }
    };
    let view_tab = |(target, chinese, english, title): (View, &'static str, &'static str, &'static str)| {
        let view = view.clone();
        let active = *view == target;
        html! {
            <button class={classes!("view-tab", active.then_some("active"))} role="tab" aria-selected={active.to_string()}
                title={language.is_english().then_some(title)} onclick={Callback::from(move |_| view.set(target))}>
                { language.pick(chinese, english) }
            </button>
        }
    };

    html! {
        <ContextProvider<Language> context={*language}>
        <div
            class={classes!("app", dragging.then_some("dragging"))}
            id="drop-zone"
            ondragenter={on_drag_over.clone()}
            ondragover={on_drag_over}
            ondragleave={on_drag_leave}
            ondrop={on_drop}
        >
            <header class="toolbar">
                <h1 class="brand"><span lang={CONTENT_LANG}>{ "公文透镜" }</span><small>{ "Gongwen Lens" }</small></h1>
                <button class="primary" onclick={on_open_picker}>{ lang.pick("选择文件…", "Open files…") }</button>
                <button id="load-samples" onclick={on_samples}>{ lang.pick("载入示例报告", "Load samples") }</button>
                <button id="open-vocabulary" onclick={on_open_dialog}>{ lang.pick("词表设置", "Vocabulary") }</button>
                if !state.reports.is_empty() {
                    <button id="clear-all" onclick={on_clear} title={lang.pick("移除全部报告和分析结果", "Remove every report and its analysis")}>
                        { lang.pick("清空", "Clear") }
                    </button>
                }
                <form class="search-form" role="search" onsubmit={on_search}>
                    <input ref={search_input} type="search" id="search-all"
                        placeholder={lang.pick("搜索全部报告（回车）", "Search all reports (Enter)")}
                        aria-label={lang.pick("搜索全部报告", "Search all reports")} />
                    <label class="search-regex" title={lang.pick("按正则表达式搜索（浏览器的 RegExp 语法）", "Search by regular expression (the browser's RegExp syntax)")}>
                        <input ref={search_regex} type="checkbox" id="search-regex" />{ lang.pick("正则", "Regex") }
                    </label>
                </form>
                <button id="language-toggle" onclick={on_toggle_language} lang={language.other().code()}
                    title={language.pick("Switch to English", "切换为中文")}>{ language.pick("English", "中文") }</button>
                <button id="open-help" onclick={on_open_help}
                    title={lang.pick("各视图的含义、数字的算法、键盘操作、隐私说明", "What each view means, how each number is computed, keys, privacy")}>
                    { lang.pick("帮助", "Help") }
                </button>
                <input
                    ref={file_input}
                    id="file-input"
                    type="file"
                    multiple=true
                    accept=".txt,.md,.markdown,.html,.htm,.docx,.doc,.wps,.odt,.pdf,.zip,text/plain,text/markdown,text/html,application/pdf,application/zip"
                    class="visually-hidden"
                    onchange={on_pick}
                />
                { status }
                { for progress }
                <span class="privacy" title={lang.pick("文件只在本机浏览器中分析，不会上传。", "Files are analysed in this browser only, never uploaded.")}>
                    { lang.pick("文件只在本机浏览器中分析，不会上传。", "Files are analysed in this browser only, never uploaded.") }
                </span>
                <SavedWorkToggle saved={saved.clone()} reports={state.reports.len()} {on_toggle_saved} />
            </header>
            <div class={classes!("layout", (side_by_side.is_some() || year_reports.is_some()).then_some("comparing"))}>
                <aside class="sidebar">
                    <h2 class="pane-title">
                        { lang.pick(format!("报告（{}）", state.reports.len()), format!("Reports ({})", lang.count(state.reports.len()))) }
                        if analysed.len() > 1 {
                            <button id="show-overview" class={classes!("overview-button", shows_overview.then_some("active"))}
                                aria-pressed={shows_overview.to_string()} onclick={on_show_overview}
                                title={lang.pick("全部报告一览", "All reports at a glance")}>{ lang.pick("总览", "Overview") }</button>
                        }
                    </h2>
                    <FileList reports={state.reports.clone()} selected={if shows_overview { None } else { state.selected }} {on_select} {on_remove} />
                </aside>
                { splitter(Pane::Files) }
                if let Some(analysis) = selected.clone() {
                    if let Some(query) = (*search).clone() {
                        <SearchPanel {query} reports={analysed.clone()} on_open_at={on_open_hit} on_close={on_close_search} />
                    } else if shows_overview {
                        <OverviewPanel reports={analysed.clone()} own_shares={(*own_shares).clone()} {distinctive_tops}
                            on_open={on_open_overview} {on_export} />
                    } else {
                        <section class="outline-pane">
                            <h2 class="pane-title">{ lang.pick("大纲", "Outline") }</h2>
                            <OutlineTree key={state.selected.unwrap_or_default().to_string()} analysis={analysis.clone()}
                                focused={state.focused_heading()} on_focus={on_focus.clone()} />
                        </section>
                        { splitter(Pane::Outline) }
                        if let Some((left, right, set)) = side_by_side {
                            <section class="reader-pane comparing">
                                <SideBySide {left} {right} comparison={set} on_swap={on_swap_pair} on_close={on_close_pair} />
                            </section>
                        } else if let Some((current, previous)) = year_reports {
                            <section class="reader-pane comparing">
                                <YearView {current} {previous} status={year_comparison.status.clone()}
                                    on_retry={year_comparison.retry.clone()} on_close={on_close_years} />
                            </section>
                        } else {
                            <section class={classes!("reader-pane", state.lookup.is_some().then_some("with-concordance"))}>
                                <Reader key={state.selected.unwrap_or_default().to_string()} analysis={analysis.clone()} focus={state.focus}
                                    highlighted={state.lookup.as_ref().map(|l| AttrValue::from(l.word.clone()))} on_word={on_word.clone()}
                                    shared={(*shared_text).clone()} shade_shared={*shade_shared} {on_shade_shared}
                                    layers={*mark_layers} on_layers={on_mark_layers} lint_filter={lint_filter.clone()} />
                                if let Some(lookup) = &state.lookup {
                                    { splitter(Pane::Concordance) }
                                    <Concordance reports={analysed.clone()} lookup={lookup.clone()} on_open={on_open_at.clone()}
                                        on_width={dispatch.reform(Action::SetLookupWidth)} on_sort={dispatch.reform(Action::SetLookupSort)}
                                        on_close={dispatch.reform(|()| Action::CloseLookup)} on_ignore={on_ignore_word} on_keep={on_keep_word} />
                                }
                            </section>
                        }
                    }
                    { splitter(Pane::Views) }
                    <section class="chart-pane">
                        <div class="view-tabs" role="tablist">{ for VIEWS.into_iter().map(view_tab) }</div>
                        if shows_overview && matches!(*view, View::Keyness | View::Words | View::Formulations | View::Themes) {
                            <p class="panel-note view-subject">
                                { lang.pick("当前报告：", "Report: ") }
                                <span lang={CONTENT_LANG}>{ gongwen_core::file_name::display_file_name(&analysis.name) }</span>
                                { lang.pick("（在总览中点击一行可换）", " (click a line of the overview for another)") }
                            </p>
                        }
                        <div class="view-body">
                            { match *view {
                                View::Keyness => html! {
                                    <KeynessPanel status={keyness.clone()} significance={*significance}
                                        {on_significance} on_word={on_word.clone()} />
                                },
                                View::Words => html! {
                                    <WordPanel analysis={analysis.clone()} reports={analysed.clone()} on_word={on_word.clone()} />
                                },
                                View::Formulations => html! {
                                    <FormulationPanel reports={analysed.clone()} analysis={analysis.clone()} on_word={on_word.clone()} />
                                },
                                View::Themes => html! {
                                    <ThemePanel reports={analysed.clone()} analysis={analysis.clone()} on_heading={on_focus} />
                                },
                                View::Structure => html! { <StructurePanel reports={analysed.clone()} on_open={on_open_section} /> },
                                View::StructureCheck => html! {
                                    <StructureCheckPanel reports={analysed.clone()} on_open_at={on_open_at_closing_pair.clone()} />
                                },
                                View::Compare => html! {
                                    <ComparePanel reports={analysed.clone()} handle={comparison.clone()} settings={*compare_settings}
                                        on_settings={on_compare_settings} templates={(*template_ids).clone()} {on_toggle_template}
                                        {on_open_pair} on_open_at={on_open_at_closing_pair}
                                        years_open={*years} {on_open_years} />
                                },
                                View::Figures => html! {
                                    <FiguresPanel reports={analysed.clone()} on_open_at={on_open_at_closing_pair.clone()} />
                                },
                                View::Lint => html! {
                                    <LintPanel reports={analysed.clone()} filter={lint_filter.clone()} on_filter={on_lint_filter.clone()}
                                        on_open_at={on_open_at_closing_pair.clone()} />
                                },
                                View::TermCounts => html! { <TermPanel reports={analysed.clone()} on_word={on_word.clone()} /> },
                            } }
                        </div>
                    </section>
                } else {
                    <section class="welcome">
                        <h2>{ lang.pick("把述职报告、工作总结拖到窗口任意位置", "Drop work reports and summaries anywhere on this window") }</h2>
                        <p>{ lang.pick(
                            "支持 Word（.docx，含自动编号；.doc、WPS .wps）、PDF、.odt、.txt（UTF-8、GBK、UTF-16）、.md、.html，也可以拖入整个文件夹或 .zip 压缩包，可一次拖入多份。也可以点击「选择文件…」，或先「载入示例报告」看看效果。",
                            "Word (.docx with automatic numbering; .doc, WPS .wps), PDF, .odt, .txt (UTF-8, GBK, UTF-16), .md and .html are read; so are whole folders and .zip archives, many files at once. You can also click “Open files…”, or try “Load samples” first.",
                        ) }</p>
                        <p>{ lang.pick(
                            format!("单个文件不超过 {}。文件只在本机浏览器中读取，不会上传。", format_bytes(ReadLimits::default().max_file_bytes)),
                            format!("Each file up to {}. Files are read in this browser only, never uploaded.", format_bytes(ReadLimits::default().max_file_bytes)),
                        ) }</p>
                        <p>{ lang.pick(
                            "载入后可查看每份报告的大纲、特色词、词频与词云、提法、主题覆盖和篇幅结构；点击任一词语可看它在各报告中的全部用例。",
                            "Then see each report's outline, distinctive words, word frequencies and cloud, formulations, theme coverage and the length of its parts; click any word to see every use of it in every report.",
                        ) }</p>
                    </section>
                }
            </div>
            if *help_open {
                <HelpDialog on_close={on_close_help} />
            }
            if let Some(pages) = (*print_pages).clone() {
                <PrintView {pages} />
            }
            if *dialog_open {
                <VocabularyDialog vocabulary={state.vocabulary.clone()} builtin_entries={*builtin_entries}
                    on_apply={on_apply_vocabulary} on_close={on_close_dialog} />
            }
            if *dragging {
                <div class="drop-overlay" aria-hidden="true"><p>{ lang.pick("松开鼠标，载入报告", "Release to load the reports") }</p></div>
            }
        </div>
        </ContextProvider<Language>>
    }
}
