//! The four kinds of round. Its own module so that stored progress and rounds can name a
//! mode without importing the state machine.

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Mode {
    Practice,
    Exam,
    Review,
    Smart,
}

impl Mode {
    pub const ALL: [Mode; 4] = [Mode::Practice, Mode::Exam, Mode::Review, Mode::Smart];

    pub fn as_str(self) -> &'static str {
        match self {
            Mode::Practice => "practice",
            Mode::Exam => "exam",
            Mode::Review => "review",
            Mode::Smart => "smart",
        }
    }
    pub fn parse(s: &str) -> Option<Mode> {
        Mode::ALL.into_iter().find(|m| m.as_str() == s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_mode_reads_back_from_its_stored_name() {
        for m in Mode::ALL {
            assert_eq!(Mode::parse(m.as_str()), Some(m));
        }
        assert_eq!(Mode::parse("Exam"), None, "stored names are lowercase");
    }
}
