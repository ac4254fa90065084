//! The quiz's effects, one custom hook each (saving, other tabs, the exam clock, focus, the
//! host page), and the callbacks through which the learner acts.

mod actions;
mod exam_clock;
mod focus;
mod host_events;
mod persistence;
mod sync;

pub use actions::{use_actions, Actions};
pub use exam_clock::use_exam_clock;
pub use focus::{use_focus, Focus};
pub use host_events::use_host_events;
pub use persistence::use_persistence;
pub use sync::use_sync;
