//! The quiz view: restores the saved round, runs the state machine, and after each change
//! saves progress and tells the host page, outside the reducer.

use std::cell::Cell;
use std::rc::Rc;

use web_sys::HtmlElement;
use yew::prelude::*;

use super::local_storage::LocalStorage;
use super::state::QuizState;
use super::{events, notice, question, summary, SummaryCell};
use crate::bank::Bank;
use crate::config::Config;
use crate::session::{self, Action, Phase};
use crate::storage::{self, KeyValue, Loaded, Notice};

#[derive(Properties, Clone)]
pub struct QuizProps {
    pub bank: Rc<Bank>,
    pub host: HtmlElement,
    pub config: Rc<Config>,
    pub summary: SummaryCell,
}

impl PartialEq for QuizProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.bank, &other.bank) && self.host == other.host && self.config == other.config
    }
}

/// Where and whether to save; decided once, when the quiz starts.
struct Saving {
    store: LocalStorage,
    progress_key: String,
    round_key: String,
    /// False when the stored value is from a newer version (never overwrite it).
    progress: Cell<bool>,
    round: Cell<bool>,
}

fn now_ms() -> i64 {
    js_sys::Date::now() as i64
}

fn random_seed() -> u64 {
    (js_sys::Math::random() * 9_007_199_254_740_992.0) as u64
}

/// Reads the saved progress and round, noting what the learner should be told.
fn restore(props: &QuizProps, notices: &mut Vec<Notice>) -> (Saving, QuizState) {
    let store = LocalStorage::open();
    let bank = &props.bank;
    let progress_key = storage::progress_key(&bank.id);
    let round_key = storage::round_key(&bank.id, &props.config.instance);
    let now = now_ms();
    let mut note = |n: Notice| {
        if !notices.contains(&n) {
            notices.push(n);
        }
    };
    let (mut save_progress, mut save_round) = (true, true);
    let progress = match storage::load(&store, &progress_key, now, storage::decode_progress) {
        Loaded::Found(p) => p,
        Loaded::Missing => Default::default(),
        Loaded::Corrupt => {
            note(Notice::SetAside);
            Default::default()
        }
        Loaded::Newer => {
            note(Notice::NewerVersion);
            save_progress = false;
            Default::default()
        }
        Loaded::Failed(_) => {
            note(Notice::CannotSave);
            Default::default()
        }
    };
    let (round, selection) = match storage::load(&store, &round_key, now, storage::decode_round) {
        Loaded::Found((r, sel)) => (Some(r), sel),
        Loaded::Newer => {
            save_round = false;
            (None, Vec::new())
        }
        _ => (None, Vec::new()),
    };
    let seed = props.config.seed.unwrap_or_else(random_seed);
    let mut quiz = session::Quiz::new(bank.clone(), props.config.settings, progress, round, seed);
    // Restore the unchecked choice too, through the state machine so it is validated.
    if quiz.round.ids.first().is_some() {
        for c in selection {
            quiz.apply(if quiz.question().is_some_and(|q| q.answer.is_multiple()) {
                Action::Toggle(c)
            } else {
                Action::Select(c)
            });
        }
    }
    let saving =
        Saving { store, progress_key, round_key, progress: Cell::new(save_progress), round: Cell::new(save_round) };
    (saving, QuizState(quiz))
}

#[function_component(Quiz)]
pub fn quiz(props: &QuizProps) -> Html {
    let saving = use_mut_ref(|| None::<Saving>);
    let first_notices = use_mut_ref(Vec::<Notice>::new);
    let state = {
        let props = props.clone();
        let saving = saving.clone();
        let first_notices = first_notices.clone();
        use_reducer(move || {
            let (s, state) = restore(&props, &mut first_notices.borrow_mut());
            *saving.borrow_mut() = Some(s);
            state
        })
    };
    let shown_notices =
        use_state(|| first_notices.borrow().iter().map(|n| n.message().to_string()).collect::<Vec<_>>());
    // Events already sent to the host page, by sequence number.
    let sent = use_mut_ref(|| 0u64);
    // Focus moves only after the learner acts, never on first render (it would steal
    // focus from the host page).
    let acted = use_mut_ref(|| false);
    // Check pressed with nothing chosen.
    let hint = use_state(|| false);
    let prompt_ref = use_node_ref();
    let next_ref = use_node_ref();
    let summary_ref = use_node_ref();
    {
        let refs = (prompt_ref.clone(), next_ref.clone(), summary_ref.clone());
        let acted = acted.clone();
        let key = (state.0.round.current, state.0.phase());
        use_effect_with(key, move |(_, phase)| {
            if *acted.borrow() {
                let target = match phase {
                    Phase::Answering => &refs.0,
                    Phase::Feedback => &refs.1,
                    Phase::Finished => &refs.2,
                };
                if let Some(el) = target.cast::<web_sys::HtmlElement>() {
                    let _ = el.focus();
                }
            }
        });
    }

    // Save and report after every change.
    {
        let state = state.clone();
        let saving = saving.clone();
        let shown = shown_notices.clone();
        let host = props.host.clone();
        let summary = props.summary.clone();
        let bank_id = props.bank.id.clone();
        let sent = sent.clone();
        use_effect_with(state.0.revision, move |_| {
            let quiz = &state.0;
            let saving = saving.borrow();
            let now = now_ms();
            let mut failed = false;
            if let (Some(s), true) = (&*saving, quiz.revision > 0) {
                if s.progress.get() {
                    failed |= s.store.set(&s.progress_key, &storage::encode_progress(&quiz.progress, now)).is_err();
                }
                if s.round.get() {
                    failed |= s.store.set(&s.round_key, &storage::encode_round(&quiz.round, &quiz.selection, now)).is_err();
                }
            }
            let cannot_save = Notice::CannotSave.message();
            if failed && !shown.iter().any(|m| m == cannot_save) {
                let mut list = (*shown).clone();
                list.push(cannot_save.to_string());
                shown.set(list);
            }
            *summary.borrow_mut() = Some(quiz.progress.summary(&quiz.bank));
            let mut last = sent.borrow_mut();
            for (seq, event) in &quiz.outbox {
                if *seq > *last {
                    events::send(&host, &bank_id, event);
                    *last = *seq;
                }
            }
        });
    }

    let dispatch = {
        let state = state.clone();
        let acted = acted.clone();
        Callback::from(move |action: Action| {
            *acted.borrow_mut() = true;
            state.dispatch(action);
        })
    };
    let seed_base = props.config.seed;
    let on_new_round = {
        let dispatch = dispatch.clone();
        let rounds = state.0.progress.rounds;
        Callback::from(move |_| {
            // A fixed seed still gives each new round a different (but repeatable) order.
            let seed = seed_base.map_or_else(random_seed, |s| s.wrapping_add(u64::from(rounds)));
            dispatch.emit(Action::NewRound { seed });
        })
    };
    let on_try_again = dispatch.reform(|_| Action::TryAgain);
    let on_hint = {
        let hint = hint.clone();
        Callback::from(move |show: bool| hint.set(show))
    };

    let quiz = &state.0;
    let body = if quiz.phase() == Phase::Finished {
        summary::view(quiz, &summary_ref, on_try_again, on_new_round)
    } else {
        question::view(question::QuestionView {
            quiz,
            hint: *hint,
            onaction: &dispatch,
            onhint: &on_hint,
            prompt_ref: &prompt_ref,
            next_ref: &next_ref,
        })
    };
    html! {
        <section class="cq-quiz" aria-label={props.bank.title.clone()}>
            <h2 class="cq-title">{ props.bank.title.clone() }</h2>
            { notice::view(&shown_notices) }
            { body }
        </section>
    }
}
