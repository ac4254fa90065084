//! What the quiz component keeps: the session, driven by the core's reducer, and what is
//! open over a screen.

use std::ops::Deref;
use std::rc::Rc;

use yew::Reducible;

use crate::session::{Action, Session};
use crate::storage::ImportPreview;

/// The session as the reducer keeps it: shared, so a render's snapshot (the saved-data
/// screen keeps one for reading a file) costs a pointer, not a copy of the answer log.
#[derive(Clone)]
pub struct SessionState(Rc<Session>);

impl SessionState {
    pub fn new(session: Session) -> Self {
        SessionState(Rc::new(session))
    }
}

impl Deref for SessionState {
    type Target = Session;

    fn deref(&self) -> &Session {
        &self.0
    }
}

impl Reducible for SessionState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut session = Rc::unwrap_or_clone(Rc::unwrap_or_clone(self).0);
        session.apply(action);
        Rc::new(SessionState::new(session))
    }
}

/// What is open over a screen, one thing at a time. Any action closes it except an
/// import preview, which waits for Import or Cancel. Never saved.
#[derive(Clone, Default)]
pub enum Overlay {
    #[default]
    None,
    /// Check was pressed with nothing chosen.
    Hint,
    Confirm(Confirm),
    /// An opened progress file, waiting for the learner to confirm.
    Import(Rc<ImportPreview>),
    /// A one-line report from export or import.
    Message(String),
}

impl Overlay {
    /// A dialog takes focus to its heading.
    pub fn is_dialog(&self) -> bool {
        matches!(self, Overlay::Confirm(_) | Overlay::Import(_))
    }
}

#[derive(Clone, Copy)]
pub enum Confirm {
    Submit,
    Reset,
}
