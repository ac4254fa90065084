//! Restoring the saved progress and round before the first render, and saving after every
//! change, merged with what other tabs saved meanwhile; the learner is told once when
//! storage can't be read or written.

use std::cell::Cell;
use std::rc::Rc;

use yew::prelude::*;

use super::sync;
use crate::bank::Bank;
use crate::config::Config;
use crate::mode::Mode;
use crate::progress::Progress;
use crate::session::{Action, Session};
use crate::storage::{self, KeyValue, Loaded, Notice};
use crate::web::services::storage::LocalStorage;
use crate::web::services::{now_ms, random_seed};
use crate::web::state::SessionState;

/// Where and whether to save; decided when the quiz starts.
pub struct Saving {
    pub store: LocalStorage,
    pub progress_key: String,
    round_key: String,
    /// False when the stored value is from a newer version (never overwrite it).
    pub progress: Cell<bool>,
    round: Cell<bool>,
    /// True while this widget tells the page it saved (events run synchronously), so it
    /// does not re-read its own save.
    pub announcing: Cell<bool>,
}

impl Saving {
    fn open(bank_id: &str, instance: &str) -> Saving {
        Saving {
            store: LocalStorage::open(),
            progress_key: storage::progress_key(bank_id),
            round_key: storage::round_key(bank_id, instance),
            progress: Cell::new(true),
            round: Cell::new(true),
            announcing: Cell::new(false),
        }
    }
}

/// The session, the notices about storage, and where it saves.
pub struct Persistence {
    pub session: UseReducerHandle<SessionState>,
    pub notices: Vec<Notice>,
    pub saving: Rc<Saving>,
}

/// Starts the session from what is saved, and saves it after each change (a change made
/// elsewhere in the meantime is merged back in).
#[hook]
pub fn use_persistence(bank: &Rc<Bank>, config: &Rc<Config>) -> Persistence {
    let saving = use_mut_ref(|| Rc::new(Saving::open(&bank.id, &config.instance)));
    let saving = saving.borrow().clone();
    let first_notices = use_mut_ref(Vec::new);
    let session = {
        let (bank, config, saving) = (bank.clone(), config.clone(), saving.clone());
        let first_notices = first_notices.clone();
        use_reducer(move || {
            let (session, notices) = restore(&saving, &bank, &config);
            *first_notices.borrow_mut() = notices;
            SessionState::new(session)
        })
    };
    let notices = use_state(|| std::mem::take(&mut *first_notices.borrow_mut()));
    {
        let (session, saving, notices) = (session.clone(), saving.clone(), notices.clone());
        let state = (*session).clone();
        use_effect_with(state.revision, move |_| {
            let mut list = (*notices).clone();
            if state.revision > 0 {
                let (catch_up, failed) = save(&saving, &state, now_ms(), &mut list);
                if failed && !list.contains(&Notice::CannotSave) {
                    list.push(Notice::CannotSave);
                }
                if catch_up.is_none() && saving.progress.get() {
                    sync::announce(&saving);
                }
                if let Some(stored) = catch_up {
                    session.dispatch(Action::Merge(stored));
                }
            }
            if list != *notices {
                notices.set(list);
            }
        });
    }
    Persistence {
        session,
        notices: (*notices).clone(),
        saving,
    }
}

/// Reads the saved progress and round into a session, noting what the learner should be
/// told, and which of the two may be saved over.
fn restore(saving: &Saving, bank: &Rc<Bank>, config: &Config) -> (Session, Vec<Notice>) {
    let mut notices = Vec::new();
    let now = now_ms();
    let mut note = |n: Notice| {
        if !notices.contains(&n) {
            notices.push(n);
        }
    };
    let store = &saving.store;
    let progress = match storage::load(store, &saving.progress_key, now, storage::decode_progress) {
        Loaded::Found(p) => p,
        Loaded::Missing => Progress::default(),
        Loaded::Corrupt => {
            note(Notice::SetAside);
            Progress::default()
        }
        Loaded::Newer => {
            note(Notice::NewerVersion);
            saving.progress.set(false);
            Progress::default()
        }
        Loaded::Failed(_) => {
            note(Notice::CannotSave);
            Progress::default()
        }
    };
    let (round, selection) =
        match storage::load(store, &saving.round_key, now, storage::decode_round) {
            Loaded::Found((r, sel)) => (Some(r), sel),
            Loaded::Corrupt => {
                note(Notice::SetAside);
                (None, Vec::new())
            }
            Loaded::Newer => {
                saving.round.set(false);
                (None, Vec::new())
            }
            Loaded::Missing | Loaded::Failed(_) => (None, Vec::new()),
        };
    let seed = config.seed.unwrap_or_else(random_seed);
    let mut session = Session::new(
        bank.clone(),
        config.settings.clone(),
        progress,
        round,
        config.mode,
        seed,
        now,
    );
    // Restore the unchecked choice too, through the state machine so it is validated.
    let revision = session.revision;
    if session.round.mode != Mode::Exam {
        for c in selection {
            let multiple = session.question().is_some_and(|q| q.answer.is_multiple());
            session.apply(if multiple {
                Action::Toggle(c)
            } else {
                Action::Select(c)
            });
        }
    }
    session.revision = revision;
    (session, notices)
}

/// Saves progress merged with what is stored (another tab may have saved since), and the
/// round. Returns what the store had that memory lacked, and whether a write failed.
fn save(
    s: &Saving,
    session: &Session,
    now: i64,
    notices: &mut Vec<Notice>,
) -> (Option<Progress>, bool) {
    let mut failed = false;
    let mut catch_up = None;
    if s.progress.get() {
        let merged = match storage::load(&s.store, &s.progress_key, now, storage::decode_progress) {
            Loaded::Found(stored) => {
                let merged = session.progress.merge(&stored);
                if merged != session.progress {
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
            Loaded::Missing | Loaded::Corrupt | Loaded::Failed(_) => Some(session.progress.clone()),
        };
        if let Some(p) = merged {
            failed |= s
                .store
                .set(&s.progress_key, &storage::encode_progress(&p, now))
                .is_err();
        }
    }
    if s.round.get() {
        let text = storage::encode_round(&session.round, &session.selection, now);
        failed |= s.store.set(&s.round_key, &text).is_err();
    }
    (catch_up, failed)
}
