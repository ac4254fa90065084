//! Times and durations as the learner reads them (exam countdown, time limits, when the
//! next review is due), built without `format!`, which costs bytes in the wasm.

/// `12:05` for minutes and seconds, `1:02:05` past an hour.
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

/// `30 minutes`, `1 hour 30 minutes`, `45 seconds`.
pub fn duration(ms: i64) -> String {
    let s = ms.max(0) / 1000;
    let unit = |n: i64, one: &str, many: &str| {
        [
            n.to_string(),
            " ".into(),
            (if n == 1 { one } else { many }).into(),
        ]
        .concat()
    };
    match (s / 3600, s / 60 % 60, s % 60) {
        (0, 0, s) => unit(s, "second", "seconds"),
        (0, m, 0) => unit(m, "minute", "minutes"),
        (0, m, s) => [
            unit(m, "minute", "minutes"),
            " ".into(),
            unit(s, "second", "seconds"),
        ]
        .concat(),
        (h, 0, _) => unit(h, "hour", "hours"),
        (h, m, _) => [
            unit(h, "hour", "hours"),
            " ".into(),
            unit(m, "minute", "minutes"),
        ]
        .concat(),
    }
}

/// How far ahead `at` is from `now`: `in 10 minutes`, `in 3 hours`, `in 2 days`.
pub fn when(at: i64, now: i64) -> String {
    let min = (at.saturating_sub(now).max(0).saturating_add(59_999)) / 60_000;
    let unit = |n: i64, one: &str, many: &str| {
        ["in ", &n.to_string(), " ", if n == 1 { one } else { many }].concat()
    };
    if min < 60 {
        unit(min.max(1), "minute", "minutes")
    } else if min < 48 * 60 {
        unit((min + 30) / 60, "hour", "hours")
    } else {
        unit((min + 720) / 1440, "day", "days")
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
    fn durations_in_words() {
        assert_eq!(duration(45_000), "45 seconds");
        assert_eq!(duration(60_000), "1 minute");
        assert_eq!(duration(90_000), "1 minute 30 seconds");
        assert_eq!(duration(1_800_000), "30 minutes");
        assert_eq!(duration(5_400_000), "1 hour 30 minutes");
        assert_eq!(duration(7_200_000), "2 hours");
    }

    #[test]
    fn when_rounds_to_a_useful_unit() {
        assert_eq!(when(0, 0), "in 1 minute");
        assert_eq!(when(10 * 60_000, 0), "in 10 minutes");
        assert_eq!(when(3 * 3_600_000, 0), "in 3 hours");
        assert_eq!(when(5 * 86_400_000, 0), "in 5 days");
    }
}
