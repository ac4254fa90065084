//! The quiz's screens and their parts, one per file: each a function of its own props
//! (`XxxProps`: what it shows, and `on<verb>` callbacks), none touching the session but
//! through those callbacks. Plain functions rather than yew components: each yew
//! component type adds about 0.5 to 1 KB gzip of yew's per-type code to the wasm (all
//! twelve as components measured +11.7 KB), and none of these keeps state of its own.

mod bank_error;
mod choice_list;
mod confirm_dialog;
mod dashboard;
mod exam_result;
mod exam_screen;
mod formatted;
mod notices;
mod question_card;
mod round_summary;
mod saved_data;
mod start_screen;

use yew::{Callback, MouseEvent};

pub use bank_error::{bank_error, BankErrorProps};
pub use dashboard::{dashboard, DashboardProps};
pub use exam_result::{exam_result, ExamResultProps};
pub use exam_screen::{exam_screen, ExamScreenProps};
pub use notices::{notices, Notice, NoticesProps};
pub use question_card::{question_card, QuestionCardProps};
pub use round_summary::{round_summary, RoundSummaryProps};
pub use saved_data::{saved_data, SavedDataProps};
pub use start_screen::{start_screen, StartScreenProps};

/// A button that sends `value` to `callback` when clicked. One generic function rather
/// than a closure per button, so the wasm carries one copy per value type.
fn on_click<T: Clone + 'static>(callback: &Callback<T>, value: T) -> Callback<MouseEvent> {
    callback.reform(move |_| value.clone())
}
