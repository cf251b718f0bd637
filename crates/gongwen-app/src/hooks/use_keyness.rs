//! `use_keyness`: the keyness panel's lists — distinctive words and TF-IDF
//! keywords of the selected report against every analysed report, and its
//! TextRank keywords — computed in a worker of their own (an instance of the
//! comparison worker's module, [`crate::set_analyses`]), never on the page's
//! thread. The question carries the report's word sequence for TextRank.
//!
//! The worker keeps every report's word frequencies: the page sends a
//! report's words once, when its analysis arrives (and drops them when it
//! leaves), not the whole set with every question. Questions are asked one
//! at a time: while one is answered, the page only notes the latest wish, and
//! asks it when the answer comes. None is asked while some loaded report is
//! still being analysed (the set is not *settled*): the lists come once the
//! last report is, not after every batch of a large drop.
//!
//! The same worker answers the overview's column of every report's first
//! distinctive words, asked the same way (one question at a time, for the
//! set as it is once settled) while the overview is shown.

use std::borrow::Cow;
use std::cell::{Cell, RefCell};
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::rc::Rc;

use yew::prelude::*;

use crate::compare_client::{CompareClient, CompareFailure};
use crate::compare_protocol::{FromCompareWorker, ToCompareWorker};
use crate::protocol::ReportId;
use crate::set_analyses::KeynessLists;
use crate::state::{AnalysedReports, SharedAnalysis};

/// Where the selected report's lists stand.
#[derive(Debug, Clone, PartialEq)]
pub enum KeynessStatus {
    /// Nothing asked yet, or the lists of another report or set are shown
    /// until the new ones arrive.
    Computing(Option<Rc<KeynessLists>>),
    /// The lists of the selected report against the set as it is now.
    Ready(Rc<KeynessLists>),
    /// Some reports are still being analysed: the lists are computed once
    /// every one is (the last lists of the same report shown meanwhile).
    Waiting(Option<Rc<KeynessLists>>),
    /// The worker failed.
    Failed(CompareFailure),
}

/// Each report's first distinctive words against the rest of the set.
pub type DistinctiveTops = HashMap<ReportId, Vec<String>>;

/// What the keyness worker gives the page.
#[derive(Debug, Clone, PartialEq)]
pub struct SetKeyness {
    /// The selected report's lists.
    pub selected: KeynessStatus,
    /// Every report's first distinctive words, once asked for and answered
    /// (those of the set as it was last settled while a drop goes on).
    pub tops: Option<Rc<DistinctiveTops>>,
}

/// A question as the page tracks it: the kept set's version and the report.
type Wish = (u64, ReportId);

/// The page's end of the keyness worker.
struct Channel {
    client: RefCell<Option<CompareClient>>,
    /// The analyses whose words the worker keeps.
    sent: RefCell<BTreeMap<ReportId, SharedAnalysis>>,
    /// Counts changes of the kept words.
    version: Cell<u64>,
    /// What the page wants answered now.
    wanted: Cell<Option<Wish>>,
    /// The question under way, with its request number.
    asked: Cell<Option<(u32, Wish)>>,
    /// A question whose report was not in the set.
    unanswerable: Cell<Option<Wish>>,
    /// The last answer, with what it answered.
    answered: RefCell<Option<(Wish, Rc<KeynessLists>)>>,
    requests: Cell<u32>,
    status: UseStateSetter<KeynessStatus>,
    /// Whether the page wants every report's first distinctive words.
    tops_wanted: Cell<bool>,
    /// Whether every loaded report is analysed: questions wait until it is.
    settled: Cell<bool>,
    /// The question for them under way: its request number and the kept
    /// set's version.
    tops_asked: Cell<Option<(u32, u64)>>,
    /// The kept set's version the last answer was for.
    tops_answered: Cell<Option<u64>>,
    tops: UseStateSetter<Option<Rc<DistinctiveTops>>>,
}

impl Channel {
    /// Sends the worker the words of reports new or re-analysed since the
    /// last call, and forgets those gone.
    fn sync(&self, reports: &AnalysedReports) -> Result<(), CompareFailure> {
        let client = self.client.borrow();
        let Some(client) = client.as_ref() else { return Ok(()) };
        let mut sent = self.sent.borrow_mut();
        let mut changed = false;
        for (id, analysis) in reports {
            if sent.get(id) != Some(analysis) {
                client.queue(&ToCompareWorker::SetWords { id: *id, words: Cow::Borrowed(&analysis.words) })?;
                sent.insert(*id, analysis.clone());
                changed = true;
            }
        }
        if sent.len() > reports.len() {
            let current: BTreeSet<ReportId> = reports.iter().map(|(id, _)| *id).collect();
            let gone: Vec<ReportId> = sent.keys().filter(|id| !current.contains(id)).copied().collect();
            sent.retain(|id, _| current.contains(id));
            client.queue(&ToCompareWorker::ForgetWords { ids: gone })?;
            changed = true;
        }
        if changed {
            self.version.set(self.version.get() + 1);
        }
        Ok(())
    }

    /// Shows the answer to the wanted question if there is one, and asks it
    /// if it is not answered and no question is under way.
    fn ask(&self) {
        let Some(wish) = self.wanted.get() else { return };
        if !self.settled.get() {
            let same_report =
                self.answered.borrow().as_ref().filter(|(_, lists)| lists.id == wish.1).map(|(_, lists)| lists.clone());
            self.status.set(KeynessStatus::Waiting(same_report));
            return;
        }
        match self.answered.borrow().as_ref() {
            Some((answered, lists)) if *answered == wish => {
                self.status.set(KeynessStatus::Ready(lists.clone()));
                return;
            }
            // The last lists stay while they are the same report's.
            Some((_, lists)) => self.status.set(KeynessStatus::Computing((lists.id == wish.1).then(|| lists.clone()))),
            None => self.status.set(KeynessStatus::Computing(None)),
        }
        if self.asked.get().is_some() || self.unanswerable.get() == Some(wish) {
            return;
        }
        let request = self.requests.get().wrapping_add(1);
        self.requests.set(request);
        let sequence = self.sent.borrow().get(&wish.1).map(|analysis| analysis.word_sequence()).unwrap_or_default();
        let sent = match self.client.borrow().as_ref() {
            Some(client) => client.queue(&ToCompareWorker::Keyness { request, id: wish.1, sequence }),
            None => return,
        };
        match sent {
            Ok(()) => self.asked.set(Some((request, wish))),
            Err(message) => self.status.set(KeynessStatus::Failed(message)),
        }
    }

    /// Asks for every report's first distinctive words if they are wanted,
    /// not answered for the set as it is, and not under way.
    fn ask_tops(&self) {
        let version = self.version.get();
        if !self.tops_wanted.get()
            || !self.settled.get()
            || self.tops_answered.get() == Some(version)
            || self.tops_asked.get().is_some()
        {
            return;
        }
        let request = self.requests.get().wrapping_add(1);
        self.requests.set(request);
        let sent = match self.client.borrow().as_ref() {
            Some(client) => client.queue(&ToCompareWorker::DistinctiveTops { request }),
            None => return,
        };
        match sent {
            Ok(()) => self.tops_asked.set(Some((request, version))),
            Err(message) => self.status.set(KeynessStatus::Failed(message)),
        }
    }

    fn on_answer(&self, answer: FromCompareWorker) {
        if let FromCompareWorker::DistinctiveTops { request, tops } = answer {
            let Some((_, version)) = self.tops_asked.get().filter(|(asked, _)| *asked == request) else { return };
            self.tops_asked.set(None);
            self.tops_answered.set(Some(version));
            self.tops.set(Some(Rc::new(tops.into_iter().collect())));
            self.ask_tops();
            return;
        }
        let FromCompareWorker::Keyness { request, lists } = answer else { return };
        let Some((_, wish)) = self.asked.get().filter(|(asked, _)| *asked == request) else { return };
        self.asked.set(None);
        match lists {
            Some(lists) => {
                self.answered.replace(Some((wish, Rc::new(lists))));
            }
            // The report left the set meanwhile: asking again would get
            // the same answer.
            None => self.unanswerable.set(Some(wish)),
        }
        self.ask();
    }
}

/// The lists of report `selected` against `reports`, and every report's
/// first distinctive words when `want_tops`.
///
/// Nothing is asked while the set is not `settled` (some loaded report is
/// still being analysed): every answer would be out of date as soon as the next
/// reports arrive, and over a large drop the keyness worker, asked again
/// after every batch, took a core the analyses needed. The words are sent
/// meanwhile; the lists come once the last report is analysed.
#[hook]
pub fn use_keyness(
    reports: &AnalysedReports,
    selected: Option<ReportId>,
    want_tops: bool,
    settled: bool,
) -> SetKeyness {
    // Set again to an equal status (every render asks), it does not render
    // the page again.
    let status = use_state_eq(|| KeynessStatus::Computing(None));
    let tops = use_state_eq(|| None::<Rc<DistinctiveTops>>);
    let setter = status.setter();
    let tops_setter = tops.setter();
    let channel = use_memo((), move |_| {
        let channel = Rc::new(Channel {
            client: RefCell::new(None),
            sent: RefCell::new(BTreeMap::new()),
            version: Cell::new(0),
            wanted: Cell::new(None),
            asked: Cell::new(None),
            unanswerable: Cell::new(None),
            answered: RefCell::new(None),
            requests: Cell::new(0),
            status: setter,
            tops_wanted: Cell::new(false),
            settled: Cell::new(true),
            tops_asked: Cell::new(None),
            tops_answered: Cell::new(None),
            tops: tops_setter,
        });
        let (answers, failures) = (Rc::downgrade(&channel), channel.status.clone());
        let started = CompareClient::start_with_failures(
            move |answer| {
                if let Some(channel) = answers.upgrade() {
                    channel.on_answer(answer);
                }
            },
            move |message| failures.set(KeynessStatus::Failed(message)),
        );
        match started {
            Ok(client) => {
                channel.client.replace(Some(client));
            }
            Err(message) => channel.status.set(KeynessStatus::Failed(message)),
        }
        channel
    });
    {
        let channel = Rc::clone(&*channel);
        use_effect_with(
            (reports.clone(), selected, want_tops, settled),
            move |(reports, selected, want_tops, settled)| {
                if let Err(message) = channel.sync(reports) {
                    channel.status.set(KeynessStatus::Failed(message));
                    return;
                }
                channel.wanted.set(selected.map(|id| (channel.version.get(), id)));
                channel.tops_wanted.set(*want_tops);
                channel.settled.set(*settled);
                channel.ask();
                channel.ask_tops();
            },
        );
    }
    SetKeyness { selected: (*status).clone(), tops: (*tops).clone() }
}
