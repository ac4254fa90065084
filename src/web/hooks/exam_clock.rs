//! The exam clock: a tick a second while an exam with a time limit runs, so the countdown
//! moves and the exam is handed in at its deadline.

use gloo::timers::callback::Interval;
use yew::prelude::*;

use crate::mode::Mode;
use crate::session::{Action, Phase};
use crate::web::services::now_ms;
use crate::web::state::SessionState;

/// Ticks the session while its exam runs; returns the time to render with.
#[hook]
pub fn use_exam_clock(session: &UseReducerHandle<SessionState>) -> i64 {
    // Re-rendered every second by the tick; views read the time when they render.
    let now = use_state(now_ms);
    let running = session.round.mode == Mode::Exam
        && session.phase() != Phase::Finished
        && session.round.deadline.is_some();
    let (dispatcher, setter) = (session.dispatcher(), now.setter());
    use_effect_with(running, move |running| {
        let timer = running.then(|| {
            Interval::new(1_000, move || {
                let t = now_ms();
                setter.set(t);
                dispatcher.dispatch(Action::Tick { now: t });
            })
        });
        move || drop(timer)
    });
    now_ms().max(*now)
}
