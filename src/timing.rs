//! Times and durations as numbers a view puts into words (exam countdown, time limits,
//! when the next review is due): the core picks the units, the browser's `Intl` writes
//! them in the learner's language.

/// A unit of time a learner reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unit {
    Second,
    Minute,
    Hour,
    Day,
}

impl Unit {
    /// The name `Intl` knows the unit by.
    pub fn intl(self) -> &'static str {
        match self {
            Unit::Second => "second",
            Unit::Minute => "minute",
            Unit::Hour => "hour",
            Unit::Day => "day",
        }
    }
}

/// `12:05` for minutes and seconds, `1:02:05` past an hour (the same in every language).
pub fn clock(ms: i64) -> String {
    let s = ms.max(0) / 1000;
    let (h, m, s) = (s / 3600, s / 60 % 60, s % 60);
    let two = |n: i64| {
        if n < 10 {
            ["0", &n.to_string()].concat()
        } else {
            n.to_string()
        }
    };
    if h > 0 {
        [h.to_string(), ":".into(), two(m), ":".into(), two(s)].concat()
    } else {
        [m.to_string(), ":".into(), two(s)].concat()
    }
}

/// A duration as at most two amounts, largest unit first, leaving out zeros:
/// 45 s → [45 s]; 90 s → [1 min, 30 s]; 5400 s → [1 h, 30 min]; 7200 s → [2 h].
pub fn duration(ms: i64) -> Vec<(i64, Unit)> {
    let s = ms.max(0) / 1000;
    match (s / 3600, s / 60 % 60, s % 60) {
        (0, 0, s) => vec![(s, Unit::Second)],
        (0, m, 0) => vec![(m, Unit::Minute)],
        (0, m, s) => vec![(m, Unit::Minute), (s, Unit::Second)],
        (h, 0, _) => vec![(h, Unit::Hour)],
        (h, m, _) => vec![(h, Unit::Hour), (m, Unit::Minute)],
    }
}

/// How far ahead `at` is from `now`, rounded to a useful unit: 10 minutes, 3 hours, 2 days
/// (at least one minute).
pub fn until(at: i64, now: i64) -> (i64, Unit) {
    let min = (at.saturating_sub(now).max(0).saturating_add(59_999)) / 60_000;
    if min < 60 {
        (min.max(1), Unit::Minute)
    } else if min < 48 * 60 {
        ((min + 30) / 60, Unit::Hour)
    } else {
        ((min + 720) / 1440, Unit::Day)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clock_pads_minutes_and_seconds() {
        assert_eq!(clock(0), "0:00");
        assert_eq!(clock(65_999), "1:05");
        assert_eq!(clock(3_600_000 + 2 * 60_000 + 5_000), "1:02:05");
        assert_eq!(clock(-5), "0:00");
    }

    #[test]
    fn durations_in_at_most_two_units() {
        use Unit::*;
        assert_eq!(duration(45_000), [(45, Second)]);
        assert_eq!(duration(60_000), [(1, Minute)]);
        assert_eq!(duration(90_000), [(1, Minute), (30, Second)]);
        assert_eq!(duration(1_800_000), [(30, Minute)]);
        assert_eq!(duration(5_400_000), [(1, Hour), (30, Minute)]);
        assert_eq!(duration(7_200_000), [(2, Hour)]);
    }

    #[test]
    fn until_rounds_to_a_useful_unit() {
        use Unit::*;
        assert_eq!(until(0, 0), (1, Minute));
        assert_eq!(until(10 * 60_000, 0), (10, Minute));
        assert_eq!(until(3 * 3_600_000, 0), (3, Hour));
        assert_eq!(until(5 * 86_400_000, 0), (5, Day));
    }
}
