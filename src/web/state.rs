//! The thin `Reducible` wrapper that lets yew drive the pure session state machine.

use std::rc::Rc;

use yew::Reducible;

use crate::session::{Action, Session};

#[derive(Clone, PartialEq)]
pub struct QuizState(pub Session);

impl Reducible for QuizState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut quiz = Rc::unwrap_or_clone(self).0;
        quiz.apply(action);
        Rc::new(QuizState(quiz))
    }
}
