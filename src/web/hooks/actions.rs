//! What is open over the screen, and the callbacks through which the learner changes
//! things. Every action goes through one callback: it marks that the learner acted (focus
//! moves only after that) and closes what is open over the screen, except an import
//! preview, which waits for Import or Cancel.

use std::cell::RefCell;
use std::rc::Rc;

use yew::prelude::*;

use crate::mode::Mode;
use crate::session::Action;
use crate::web::services::{now_ms, random_seed};
use crate::web::state::{Overlay, SessionState};

pub struct Actions {
    pub overlay: Overlay,
    /// Set once the learner acts.
    pub acted: Rc<RefCell<bool>>,
    act: Callback<Action>,
    set_overlay: Callback<Overlay>,
}

/// The overlay state and the callbacks that dispatch to `session`.
#[hook]
pub fn use_actions(session: &UseReducerHandle<SessionState>) -> Actions {
    let overlay = use_state(Overlay::default);
    let acted = use_mut_ref(|| false);
    let act = {
        let (session, overlay, acted) = (session.dispatcher(), overlay.clone(), acted.clone());
        Callback::from(move |action: Action| {
            *acted.borrow_mut() = true;
            if !matches!(*overlay, Overlay::None | Overlay::Import(_)) {
                overlay.set(Overlay::None);
            }
            session.dispatch(action);
        })
    };
    let set_overlay = {
        let (overlay, acted) = (overlay.clone(), acted.clone());
        Callback::from(move |next: Overlay| {
            *acted.borrow_mut() = true;
            overlay.set(next);
        })
    };
    Actions {
        overlay: (*overlay).clone(),
        acted,
        act,
        set_overlay,
    }
}

// Each helper makes one closure type, so the wasm carries one copy of `reform` for it.
impl Actions {
    /// Sends `action`.
    pub fn send(&self, action: Action) -> Callback<()> {
        self.act.reform(move |()| action.clone())
    }

    /// Sends the action `at` makes of the time of the call.
    pub fn timed(&self, at: fn(i64) -> Action) -> Callback<()> {
        self.act.reform(move |()| at(now_ms()))
    }

    /// Sends the action `with` makes of what the callback carries.
    pub fn with<T: 'static>(&self, with: fn(T) -> Action) -> Callback<T> {
        self.act.reform(with)
    }

    /// Opens `overlay` (`Overlay::None` closes what is open).
    pub fn open(&self, overlay: Overlay) -> Callback<()> {
        self.set_overlay.reform(move |()| overlay.clone())
    }

    /// Opens whatever overlay the callback carries.
    pub fn opener(&self) -> Callback<Overlay> {
        self.set_overlay.clone()
    }

    /// Draws a new round of a mode (and topic). A fixed seed (the `seed` attribute) still
    /// gives each new round its own, repeatable, order.
    pub fn start(&self, fixed_seed: Option<u64>, rounds: u32) -> Callback<(Mode, Option<String>)> {
        self.act.reform(move |(mode, topic)| Action::Start {
            mode,
            topic,
            seed: fixed_seed.map_or_else(random_seed, |s| s.wrapping_add(u64::from(rounds))),
            now: now_ms(),
        })
    }
}
