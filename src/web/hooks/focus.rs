//! Focus follows the learner: the new question's prompt, Next after Check, the heading of
//! a new screen or dialog. Only after they acted: on the first render it would take focus
//! from the host page.

use std::cell::RefCell;
use std::rc::Rc;

use web_sys::HtmlElement;
use yew::prelude::*;

use crate::session::{Phase, Screen};
use crate::web::state::SessionState;

/// Where focus may go: a screen's or dialog's heading, the prompt, Next.
pub struct Focus {
    pub heading: NodeRef,
    pub prompt: NodeRef,
    pub next: NodeRef,
}

/// Moves focus when the screen, the question, its phase or an open dialog changes, once
/// `acted` is set.
#[hook]
pub fn use_focus(session: &SessionState, dialog: bool, acted: &Rc<RefCell<bool>>) -> Focus {
    let (heading, prompt, next) = (use_node_ref(), use_node_ref(), use_node_ref());
    let key = (
        session.screen,
        session.round.current,
        session.phase(),
        dialog,
    );
    let refs = (heading.clone(), prompt.clone(), next.clone());
    let moved = acted.clone();
    use_effect_with(key, move |(screen, _, phase, dialog)| {
        if *moved.borrow() {
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
    Focus {
        heading,
        prompt,
        next,
    }
}
