//! The host page hears the widget: `quiz-ready` once, then each `quiz-answer` and
//! `quiz-complete` the session emits (each once, by sequence number), and the element's
//! `progress` property stays current.

use std::rc::Rc;

use web_sys::HtmlElement;
use yew::prelude::*;

use crate::web::services::events;
use crate::web::state::SessionState;
use crate::web::SummaryCell;

/// Tells the host page about each change, after it is saved.
#[hook]
pub fn use_host_events(host: &HtmlElement, summary: &SummaryCell, session: &SessionState) {
    // The last event sent, by sequence number; whether `quiz-ready` was sent.
    let sent = use_mut_ref(|| (0u64, false));
    let (host, summary, state) = (host.clone(), Rc::clone(summary), session.clone());
    use_effect_with(session.revision, move |_| {
        let bank = &state.bank;
        *summary.borrow_mut() = Some(state.progress.summary(bank));
        let mut sent = sent.borrow_mut();
        if !sent.1 {
            sent.1 = true;
            events::ready(&host, &bank.id, &bank.title, bank.questions.len());
        }
        for (seq, event) in &state.outbox {
            if *seq > sent.0 {
                events::send(&host, &bank.id, event);
                sent.0 = *seq;
            }
        }
    });
}
