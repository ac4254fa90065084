//! Progress saved elsewhere is merged in: by other tabs (the browser's `storage` event)
//! and by other widgets on this page showing the same bank (our own window event, since
//! `storage` events never reach the page that saved).

use std::rc::Rc;

use gloo::events::EventListener;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::persistence::Saving;
use crate::session::Action;
use crate::storage::{self, KeyValue, Loaded};
use crate::web::services::events;
use crate::web::state::SessionState;

/// Same-page widgets on one bank hear each other's saves through this window event.
const SAVED_EVENT: &str = "checkpoint-quiz-saved";

/// Tells the other widgets on this page that this one saved its bank's progress.
pub fn announce(saving: &Saving) {
    if let Some(w) = web_sys::window() {
        saving.announcing.set(true);
        events::dispatch_on(&w, SAVED_EVENT, &saving.progress_key.as_str().into());
        saving.announcing.set(false);
    }
}

/// Merges this bank's progress whenever another tab or widget saves it.
#[hook]
pub fn use_sync(session: &UseReducerHandle<SessionState>, saving: &Rc<Saving>) {
    let (session, saving) = (session.dispatcher(), saving.clone());
    use_effect_with((), move |_| {
        let listeners = web_sys::window().map(|window| {
            let key = saving.progress_key.clone();
            let merge = move |text: Option<String>| {
                if let Some(Loaded::Found(p)) =
                    text.map(|t| storage::read(&t, storage::decode_progress))
                {
                    session.dispatch(Action::Merge(p));
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
                if saved_key.as_deref() == Some(key.as_str()) && !saving.announcing.get() {
                    merge(saving.store.get(&key).ok().flatten());
                }
            });
            (other_tabs, this_page)
        });
        move || drop(listeners)
    });
}
