//! The analysis worker: runs in a dedicated Web Worker, owns the segmenter,
//! and analyses each file the page posts.
//!
//! The page stays interactive while the worker loads jieba's dictionary (half a
//! second in wasm) and while it analyses. The page posts nothing until the
//! worker says [`FromWorker::Ready`], so no message can arrive before the
//! handler is installed.

use gongwen_core::{Segmenter, analyze_report};
use wasm_bindgen::prelude::*;
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

use crate::protocol::{FromWorker, ToWorker};

/// Milliseconds since the worker started, for timings.
fn now_millis(scope: &DedicatedWorkerGlobalScope) -> f64 {
    scope.performance().map_or(0.0, |performance| performance.now())
}

/// Posts a message to the page. A message that cannot be serialised is a bug,
/// reported on the console rather than lost silently.
fn post(scope: &DedicatedWorkerGlobalScope, message: &FromWorker) {
    let posted =
        serde_wasm_bindgen::to_value(message).map_err(JsValue::from).and_then(|value| scope.post_message(&value));
    if let Err(error) = posted {
        web_sys::console::error_2(&"gongwen worker: could not post a message".into(), &error);
    }
}

/// Loads the dictionary, installs the message handler and announces
/// readiness. Called once when the worker's module starts.
pub fn run_worker() {
    console_error_panic_hook::set_once();
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let started = now_millis(&scope);
    let segmenter = match Segmenter::new() {
        Ok(segmenter) => segmenter,
        Err(error) => {
            post(&scope, &FromWorker::Broken { message: error.to_string() });
            return;
        }
    };
    let load_millis = now_millis(&scope) - started;

    let handler_scope = scope.clone();
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
        let reply = match serde_wasm_bindgen::from_value::<ToWorker>(event.data()) {
            Ok(ToWorker::Analyze { id, name, bytes }) => {
                let started = now_millis(&handler_scope);
                let result = analyze_report(&name, &bytes, &segmenter).map(Box::new).map_err(|error| error.to_string());
                FromWorker::Analyzed { id, result, millis: now_millis(&handler_scope) - started }
            }
            Err(error) => FromWorker::Broken { message: format!("分析线程收到无法识别的消息：{error}") },
        };
        post(&handler_scope, &reply);
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // The handler lives as long as the worker.
    on_message.forget();
    post(&scope, &FromWorker::Ready { load_millis });
}
