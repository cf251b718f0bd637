//! `use_year_comparison`: compares a report with an earlier year's (对照)
//! in a comparison worker of its own — never on the page's thread — and
//! reports where it stands.
//!
//! A new pair, or closing the view while the worker still computes,
//! terminates that worker: its answer is no longer wanted, and the next
//! request starts a fresh one.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use yew::prelude::*;

use crate::compare_client::CompareClient;
use crate::compare_protocol::{CompareInput, FromCompareWorker, ToCompareWorker};
use crate::comparison::{Shared, YearStatus};
use crate::state::SharedAnalysis;

/// A later report and the earlier one to compare it with.
#[derive(Debug, Clone, PartialEq)]
pub struct YearRequest {
    /// The later report.
    pub current: SharedAnalysis,
    /// The earlier report.
    pub previous: SharedAnalysis,
    /// The shortest kept passage, in compared characters.
    pub min_chars: usize,
}

/// The hook's handle: the status and a callback to compare again.
#[derive(Clone, PartialEq)]
pub struct YearComparisonHandle {
    /// Where the comparison stands.
    pub status: YearStatus,
    /// Compares again (after a failure).
    pub retry: Callback<()>,
}

/// Compares `request`'s two reports, if there is a request.
#[hook]
pub fn use_year_comparison(request: Option<YearRequest>) -> YearComparisonHandle {
    let status = use_state(YearStatus::default);
    let live: Rc<RefCell<Option<CompareClient>>> = use_mut_ref(|| None);
    let current = use_mut_ref(|| Rc::new(Cell::new(0u32))).borrow().clone();
    let attempt = use_state(|| 0u32);
    {
        let (status, live, current) = (status.clone(), live.clone(), current.clone());
        use_effect_with((request, *attempt), move |(request, _)| {
            let number = current.get().wrapping_add(1);
            current.set(number);
            if matches!(*status, YearStatus::Running | YearStatus::Failed(_)) {
                // The answer under way is for another pair (or none); a
                // failed worker answers nothing more.
                live.replace(None);
            }
            let Some(request) = request else {
                status.set(YearStatus::Idle);
                return;
            };
            status.set(YearStatus::Running);
            if live.borrow().is_none() {
                let (answered, failed, wanted) = (status.clone(), status.clone(), current.clone());
                let started = CompareClient::start_with_failures(
                    move |answer| {
                        if let FromCompareWorker::YearsCompared { request, comparison } = answer
                            && request == wanted.get()
                        {
                            answered.set(YearStatus::Ready(Shared::new(comparison)));
                        }
                    },
                    move |failure| failed.set(YearStatus::Failed(failure)),
                );
                match started {
                    Ok(client) => {
                        live.replace(Some(client));
                    }
                    Err(failure) => status.set(YearStatus::Failed(failure)),
                }
            }
            let message = ToCompareWorker::CompareYears {
                request: number,
                current: CompareInput::of(&request.current),
                previous: CompareInput::of(&request.previous),
                min_chars: request.min_chars,
            };
            if let Some(client) = live.borrow().as_ref()
                && let Err(error) = client.send(&message)
            {
                status.set(YearStatus::Failed(error));
            }
        });
    }
    let retry = {
        let attempt = attempt.clone();
        Callback::from(move |()| attempt.set(attempt.wrapping_add(1)))
    };
    YearComparisonHandle { status: (*status).clone(), retry }
}
