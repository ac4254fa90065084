//! Test data shared by the core's unit tests, in one place so no module's tests reach
//! into another's.

use std::rc::Rc;

use crate::bank::{self, Bank};
use crate::settings::Settings;

/// A fixed "now" (November 2023), in ms.
pub(crate) const T0: i64 = 1_700_000_000_000;

/// `n` single-answer questions `q0…` (right answer `i % 3`, topic A or B) and one
/// select-all question `multi` (right: 0 and 2); pass mark 60, ten-minute exams.
pub(crate) fn bank(n: usize) -> Rc<Bank> {
    let mut qs = Vec::new();
    for i in 0..n {
        qs.push(format!(
            r#"{{"id":"q{i}","topic":"{}","prompt":"Q{i}?","choices":["a","b","c"],"answer":{},"explanation":"e"}}"#,
            if i % 2 == 0 { "A" } else { "B" },
            i % 3
        ));
    }
    qs.push(
        r#"{"id":"multi","topic":"A","prompt":"M? (select all that apply)","choices":["a","b","c"],"answer":[0,2],"explanation":"e"}"#
            .into(),
    );
    let text = format!(
        r#"{{"id":"t","title":"T","version":1,"language":"en","passMark":60,"timeLimit":600,"questions":[{}]}}"#,
        qs.join(",")
    );
    Rc::new(bank::load(&text).unwrap().0)
}

/// Default settings with `count` questions a round.
pub(crate) fn settings(count: usize) -> Settings {
    Settings {
        count: Some(count),
        ..Settings::default()
    }
}
