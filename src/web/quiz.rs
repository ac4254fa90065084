//! The quiz component: restores the saved round and progress, runs the core state machine,
//! and after each change saves (merging with what other tabs saved), tells the host page,
//! and keeps the exam clock and other tabs in step. All I/O is here, outside the reducer.

use std::cell::Cell;
use std::rc::Rc;

use gloo::events::EventListener;
use gloo::timers::callback::Interval;
use wasm_bindgen::JsCast;
use web_sys::HtmlElement;
use yew::prelude::*;

use super::local_storage::LocalStorage;
use super::state::QuizState;
use super::{
    dashboard, events, exam, files, notice, question, result, saved_data, start, summary,
    SummaryCell,
};
use crate::bank::Bank;
use crate::config::Config;
use crate::mode::Mode;
use crate::progress::{Changes, Progress};
use crate::session::{self, Action, Phase, Screen};
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
        Rc::ptr_eq(&self.bank, &other.bank)
            && self.host == other.host
            && self.config == other.config
    }
}

/// Where and whether to save; decided when the quiz starts.
pub struct Saving {
    pub store: LocalStorage,
    pub progress_key: String,
    round_key: String,
    /// False when the stored value is from a newer version (never overwrite it).
    progress: Cell<bool>,
    round: Cell<bool>,
    /// True while this widget tells the page it saved (events run synchronously), so it
    /// does not re-read its own save.
    announcing: Cell<bool>,
}

/// View state that is not the learner's progress and is never saved.
#[derive(Clone, PartialEq, Default)]
pub struct Ui {
    /// Check was pressed with nothing chosen.
    pub hint: bool,
    pub confirm: Option<Confirm>,
    pub import: Option<ImportPreview>,
    /// A one-line report from export or import.
    pub message: Option<String>,
}

#[derive(Clone, Copy, PartialEq)]
pub enum Confirm {
    Submit,
    Reset,
}

/// An opened progress file, waiting for the learner to confirm.
#[derive(Clone, PartialEq)]
pub struct ImportPreview {
    pub banks: Rc<Vec<(String, Progress)>>,
    /// What it adds to this bank, if it has it.
    pub here: Option<Changes>,
    /// Other banks in the file, and the answers it adds to them.
    pub other_banks: usize,
    pub other_answers: usize,
}

/// Everything a view needs: the state, the clock, and the callbacks that act.
pub struct Ctx<'a> {
    pub quiz: &'a session::Session,
    pub now: i64,
    pub ui: &'a Ui,
    pub act: &'a Callback<Action>,
    pub set_ui: &'a Callback<Ui>,
    /// Starts a new round of a mode (and topic), with a fresh seed.
    pub start: &'a Callback<(Mode, Option<String>)>,
    pub export: &'a Callback<()>,
    pub open_file: &'a Callback<web_sys::File>,
    pub apply_import: &'a Callback<()>,
    pub heading: &'a NodeRef,
    pub prompt: &'a NodeRef,
    pub next: &'a NodeRef,
}

pub fn now_ms() -> i64 {
    js_sys::Date::now() as i64
}

fn random_seed() -> u64 {
    (js_sys::Math::random() * 9_007_199_254_740_992.0) as u64
}

/// Same-page widgets on one bank hear each other's saves through this window event.
const SAVED_EVENT: &str = "checkpoint-quiz-saved";

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
        Loaded::Missing => Progress::default(),
        Loaded::Corrupt => {
            note(Notice::SetAside);
            Progress::default()
        }
        Loaded::Newer => {
            note(Notice::NewerVersion);
            save_progress = false;
            Progress::default()
        }
        Loaded::Failed(_) => {
            note(Notice::CannotSave);
            Progress::default()
        }
    };
    let (round, selection) = match storage::load(&store, &round_key, now, storage::decode_round) {
        Loaded::Found((r, sel)) => (Some(r), sel),
        Loaded::Corrupt => {
            note(Notice::SetAside);
            (None, Vec::new())
        }
        Loaded::Newer => {
            save_round = false;
            (None, Vec::new())
        }
        _ => (None, Vec::new()),
    };
    let seed = props.config.seed.unwrap_or_else(random_seed);
    let mut quiz = session::Session::new(
        bank.clone(),
        props.config.settings.clone(),
        progress,
        round,
        props.config.mode,
        seed,
        now,
    );
    // Restore the unchecked choice too, through the state machine so it is validated.
    let revision = quiz.revision;
    if quiz.round.mode != Mode::Exam {
        for c in selection {
            let multiple = quiz.question().is_some_and(|q| q.answer.is_multiple());
            quiz.apply(if multiple {
                Action::Toggle(c)
            } else {
                Action::Select(c)
            });
        }
    }
    quiz.revision = revision;
    let saving = Saving {
        store,
        progress_key,
        round_key,
        progress: Cell::new(save_progress),
        round: Cell::new(save_round),
        announcing: Cell::new(false),
    };
    (saving, QuizState(quiz))
}

/// Saves progress merged with what is stored (another tab may have saved since), and the
/// round. Returns what the store had that memory lacked, and whether a write failed.
fn save(
    s: &Saving,
    quiz: &session::Session,
    now: i64,
    notices: &mut Vec<Notice>,
) -> (Option<Progress>, bool) {
    let mut failed = false;
    let mut catch_up = None;
    if s.progress.get() {
        let merged = match storage::load(&s.store, &s.progress_key, now, storage::decode_progress) {
            Loaded::Found(stored) => {
                let merged = quiz.progress.merge(&stored);
                if merged != quiz.progress {
                    catch_up = Some(stored);
                }
                Some(merged)
            }
            Loaded::Newer => {
                s.progress.set(false);
                if !notices.contains(&Notice::NewerVersion) {
                    notices.push(Notice::NewerVersion);
                }
                None
            }
            _ => Some(quiz.progress.clone()),
        };
        if let Some(p) = merged {
            failed |= s
                .store
                .set(&s.progress_key, &storage::encode_progress(&p, now))
                .is_err();
        }
    }
    if s.round.get() {
        let text = storage::encode_round(&quiz.round, &quiz.selection, now);
        failed |= s.store.set(&s.round_key, &text).is_err();
    }
    (catch_up, failed)
}

#[function_component(Quiz)]
pub fn quiz(props: &QuizProps) -> Html {
    let saving = use_mut_ref(|| None::<Rc<Saving>>);
    let first_notices = use_mut_ref(Vec::<Notice>::new);
    let state = {
        let props = props.clone();
        let saving = saving.clone();
        let first_notices = first_notices.clone();
        use_reducer(move || {
            let (s, state) = restore(&props, &mut first_notices.borrow_mut());
            *saving.borrow_mut() = Some(Rc::new(s));
            state
        })
    };
    let saving: Option<Rc<Saving>> = saving.borrow().clone();
    let notices = use_state(|| first_notices.borrow().clone());
    let ui = use_state(Ui::default);
    // Re-rendered every second by the exam clock; views read the time when they render.
    let now = use_state(now_ms);
    // Events already sent to the host page, by sequence number; `quiz-ready` sent?
    let sent = use_mut_ref(|| (0u64, false));
    // Focus moves only after the learner acts, never on first render (it would steal
    // focus from the host page).
    let acted = use_mut_ref(|| false);
    let heading = use_node_ref();
    let prompt = use_node_ref();
    let next = use_node_ref();

    // After every change: save, update the host page's `progress`, send events.
    {
        let (state, saving, notices, sent) =
            (state.clone(), saving.clone(), notices.clone(), sent.clone());
        let (host, summary, bank) = (
            props.host.clone(),
            props.summary.clone(),
            props.bank.clone(),
        );
        use_effect_with(state.0.revision, move |_| {
            let quiz = &state.0;
            let mut list = (*notices).clone();
            if let (Some(s), true) = (&saving, quiz.revision > 0) {
                let now = now_ms();
                let (catch_up, failed) = save(s, quiz, now, &mut list);
                if failed && !list.contains(&Notice::CannotSave) {
                    list.push(Notice::CannotSave);
                }
                if catch_up.is_none() && s.progress.get() {
                    if let Some(w) = web_sys::window() {
                        s.announcing.set(true);
                        events::dispatch_on(&w, SAVED_EVENT, &s.progress_key.as_str().into());
                        s.announcing.set(false);
                    }
                }
                if let Some(stored) = catch_up {
                    state.dispatch(Action::Merge(stored));
                }
            }
            if list != *notices {
                notices.set(list);
            }
            *summary.borrow_mut() = Some(quiz.progress.summary(&quiz.bank));
            let mut sent = sent.borrow_mut();
            if !sent.1 {
                sent.1 = true;
                events::ready(&host, &bank.id, &bank.title, bank.questions.len());
            }
            for (seq, event) in &quiz.outbox {
                if *seq > sent.0 {
                    events::send(&host, &bank.id, event);
                    sent.0 = *seq;
                }
            }
        });
    }

    // Other tabs (`storage` events) and other widgets on this page (our own event) that
    // save this bank's progress: merge what they saved.
    {
        let (state, saving) = (state.clone(), saving.clone());
        use_effect_with((), move |_| {
            let listeners = web_sys::window().zip(saving).map(|(window, s)| {
                let key = s.progress_key.clone();
                let merge = {
                    let state = state.clone();
                    move |text: Option<String>| {
                        if let Some(Loaded::Found(p)) =
                            text.map(|t| storage::read(&t, storage::decode_progress))
                        {
                            state.dispatch(Action::Merge(p));
                        }
                    }
                };
                let other_tabs = {
                    let (key, merge) = (key.clone(), merge.clone());
                    EventListener::new(&window, "storage", move |e| {
                        if let Some(e) = e.dyn_ref::<web_sys::StorageEvent>() {
                            if e.key().as_deref() == Some(key.as_str()) {
                                merge(e.new_value());
                            }
                        }
                    })
                };
                let this_page = EventListener::new(&window, SAVED_EVENT, move |e| {
                    let saved_key = e
                        .dyn_ref::<web_sys::CustomEvent>()
                        .and_then(|e| e.detail().as_string());
                    if saved_key.as_deref() == Some(key.as_str()) && !s.announcing.get() {
                        merge(s.store.get(&key).ok().flatten());
                    }
                });
                (other_tabs, this_page)
            });
            move || drop(listeners)
        });
    }

    // The exam clock: a tick a second while an exam with a time limit runs.
    {
        let quiz = &state.0;
        let running = quiz.round.mode == Mode::Exam
            && quiz.phase() != Phase::Finished
            && quiz.round.deadline.is_some();
        let (state, now) = (state.clone(), now.clone());
        use_effect_with(running, move |running| {
            let timer = running.then(|| {
                Interval::new(1_000, move || {
                    let t = now_ms();
                    now.set(t);
                    state.dispatch(Action::Tick { now: t });
                })
            });
            move || drop(timer)
        });
    }

    // Focus follows the learner: the new question's prompt, Next after Check, the
    // heading of a new screen.
    {
        let quiz = &state.0;
        // A dialog (confirm, import preview) takes focus to its heading.
        let dialog = ui.confirm.is_some() || ui.import.is_some();
        let key = (quiz.screen, quiz.round.current, quiz.phase(), dialog);
        let refs = (heading.clone(), prompt.clone(), next.clone());
        let acted = acted.clone();
        use_effect_with(key, move |(screen, _, phase, dialog)| {
            if *acted.borrow() {
                let target = match (screen, phase) {
                    _ if *dialog => &refs.0,
                    (Screen::Round, Phase::Answering) => &refs.1,
                    (Screen::Round, Phase::Feedback) => &refs.2,
                    _ => &refs.0,
                };
                if let Some(el) = target.cast::<HtmlElement>() {
                    let _ = el.focus();
                }
            }
        });
    }

    let act = {
        let (state, acted, ui) = (state.clone(), acted.clone(), ui.clone());
        Callback::from(move |action: Action| {
            *acted.borrow_mut() = true;
            if ui.hint || ui.confirm.is_some() || ui.message.is_some() {
                ui.set(Ui {
                    import: ui.import.clone(),
                    ..Ui::default()
                });
            }
            state.dispatch(action);
        })
    };
    let set_ui = {
        let (ui, acted) = (ui.clone(), acted.clone());
        Callback::from(move |next: Ui| {
            *acted.borrow_mut() = true;
            ui.set(next);
        })
    };
    let start = {
        let act = act.clone();
        let fixed = props.config.seed;
        let rounds = state.0.progress.rounds_played();
        Callback::from(move |(mode, topic): (Mode, Option<String>)| {
            // A fixed seed still gives each new round a different (but repeatable) order.
            let seed = fixed.map_or_else(random_seed, |s| s.wrapping_add(u64::from(rounds)));
            act.emit(Action::Start {
                mode,
                topic,
                seed,
                now: now_ms(),
            });
        })
    };
    let export = {
        let (state, saving, ui) = (state.clone(), saving.clone(), ui.clone());
        Callback::from(move |()| {
            let quiz = &state.0;
            let Some(s) = &saving else { return };
            let banks = storage::all_progress(&s.store, (&quiz.bank.id, &quiz.progress));
            let now = now_ms();
            let date: String = js_sys::Date::new_0()
                .to_iso_string()
                .as_string()
                .unwrap_or_default()
                .chars()
                .take(10)
                .collect();
            let name = ["checkpoint-quiz-progress-", &date, ".json"].concat();
            let message = match files::download(&name, &storage::encode_export(&banks, now)) {
                Ok(()) => ["Saved ", &name, " to your downloads. Keep it somewhere safe: importing it restores your progress."].concat(),
                Err(()) => "This browser did not allow the download.".to_string(),
            };
            ui.set(Ui {
                message: Some(message),
                ..Ui::default()
            });
        })
    };
    let open_file = {
        let (state, saving, ui) = (state.clone(), saving.clone(), ui.clone());
        Callback::from(move |file: web_sys::File| {
            let (state, saving, ui) = (state.clone(), saving.clone(), ui.clone());
            yew::platform::spawn_local(async move {
                let text = files::read_text(&file).await;
                let banks = text
                    .ok_or("This file could not be read.")
                    .and_then(|t| storage::decode_export(&t));
                let next = match banks {
                    Err(why) => Ui {
                        message: Some(why.to_string()),
                        ..Ui::default()
                    },
                    Ok(banks) => {
                        let quiz = &state.0;
                        let here = banks
                            .iter()
                            .find(|(id, _)| id == &quiz.bank.id)
                            .map(|(_, p)| quiz.progress.changes_to(&quiz.progress.import(p)));
                        let mut other_banks = 0;
                        let mut other_answers = 0;
                        for (id, p) in banks.iter().filter(|(id, _)| id != &quiz.bank.id) {
                            other_banks += 1;
                            let stored = saving
                                .as_ref()
                                .and_then(|s| {
                                    s.store.get(&storage::progress_key(id)).ok().flatten()
                                })
                                .and_then(|t| match storage::read(&t, storage::decode_progress) {
                                    Loaded::Found(p) => Some(p),
                                    _ => None,
                                })
                                .unwrap_or_default();
                            other_answers += stored.changes_to(&stored.import(p)).answers;
                        }
                        let preview = ImportPreview {
                            banks: Rc::new(banks),
                            here,
                            other_banks,
                            other_answers,
                        };
                        Ui {
                            import: Some(preview),
                            ..Ui::default()
                        }
                    }
                };
                ui.set(next);
            });
        })
    };
    let apply_import = {
        let (act, saving, ui, bank_id) = (
            act.clone(),
            saving.clone(),
            ui.clone(),
            props.bank.id.clone(),
        );
        Callback::from(move |()| {
            let Some(preview) = &ui.import else { return };
            let mut failed = false;
            for (id, p) in preview.banks.iter() {
                if id == &bank_id {
                    act.emit(Action::Import(p.clone()));
                } else if let Some(s) = &saving {
                    failed |= storage::import_into_store(&s.store, id, p, now_ms()).is_err();
                }
            }
            let message = if failed {
                "Imported into this quiz, but progress for the other banks could not be saved in this browser."
            } else {
                "Progress imported."
            };
            ui.set(Ui {
                message: Some(message.to_string()),
                ..Ui::default()
            });
        })
    };

    let quiz = &state.0;
    let ctx = Ctx {
        quiz,
        now: now_ms().max(*now),
        ui: &ui,
        act: &act,
        set_ui: &set_ui,
        start: &start,
        export: &export,
        open_file: &open_file,
        apply_import: &apply_import,
        heading: &heading,
        prompt: &prompt,
        next: &next,
    };
    let body = match quiz.screen {
        Screen::Start => start::view(&ctx),
        Screen::Dashboard => dashboard::view(&ctx),
        Screen::Data => saved_data::view(&ctx),
        Screen::Round => match (quiz.round.mode, quiz.phase()) {
            (Mode::Exam, Phase::Finished) => result::view(&ctx),
            (Mode::Exam, _) => exam::view(&ctx),
            (_, Phase::Finished) => summary::view(&ctx),
            _ => question::view(&ctx),
        },
    };
    let messages: Vec<String> = notices.iter().map(|n| n.message().to_string()).collect();
    html! {
        <section class="cq-quiz" aria-label={props.bank.title.clone()}>
            <h2 class="cq-title">{ props.bank.title.clone() }</h2>
            { notice::view(&messages) }
            { body }
        </section>
    }
}
