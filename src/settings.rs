//! How rounds are drawn: the element's attributes over the bank's defaults.

/// How rounds are drawn; set by the element's attributes and the bank.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Settings {
    /// Questions per round; `None` = the mode's default (10, or the bank's exam size).
    pub count: Option<usize>,
    pub shuffle: bool,
    /// Shows each question's choices in an order of the round's own (see
    /// `Round::choice_order`), so a key's position teaches nothing.
    pub shuffle_choices: bool,
    /// Exam time limit in seconds; `None` = the bank's, or no limit.
    pub time_limit: Option<u32>,
    /// Exam pass mark in percent; `None` = the bank's.
    pub pass_mark: Option<u8>,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            count: None,
            shuffle: true,
            shuffle_choices: true,
            time_limit: None,
            pass_mark: None,
        }
    }
}

/// Practice and smart rounds ask this many questions unless told otherwise.
pub const DEFAULT_COUNT: usize = 10;
