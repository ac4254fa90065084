//! The element's attributes, read into settings. A bad value never breaks the widget:
//! it is replaced by the default and named in a message the widget shows.

use crate::mode::Mode;
use crate::settings::Settings;
use crate::text::Lang;

/// The most questions a round may ask; more is almost certainly a typo.
pub const MAX_COUNT: usize = 500;
/// The longest exam time limit: a day, in seconds.
pub const MAX_TIME_LIMIT: u32 = 86_400;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Config {
    /// URL of the bank; `None` = the bundled default bank.
    pub bank_url: Option<String>,
    pub settings: Settings,
    /// Start straight in this mode; `None` = the start screen.
    pub mode: Option<Mode>,
    /// Fixed seed for the question order; `None` = random.
    pub seed: Option<u64>,
    /// Tells apart two widgets that show the same bank on one page (the element's `id`).
    pub instance: String,
    /// The language asked for by the `lang` attribute, if the widget speaks it.
    pub lang: Option<Lang>,
}

/// An attribute value that was ignored, and why (the views put it into words).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub attribute: &'static str,
    pub value: String,
    pub reason: Reason,
}

/// What an ignored value should have been; each names the fallback used instead.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reason {
    /// A bank URL; the default bank is used.
    Bank,
    /// 1 to `MAX_COUNT`, or `all`; the default count is used.
    Count,
    /// `true` or `false`; shuffling stays on.
    Flag,
    /// A whole number; the order is random.
    Seed,
    /// 1 to `MAX_TIME_LIMIT` seconds; the bank's limit is used.
    TimeLimit,
    /// 1 to 100 percent; the bank's pass mark is used.
    PassMark,
    /// One of the four modes; the start screen is shown.
    Mode,
    /// A language the widget speaks; the bank's or the page's is used.
    Lang,
}

/// Reads attributes through `get`, which returns an attribute's value if it is set.
/// Returns the config and each attribute value that had to be ignored.
pub fn from_attributes(get: &dyn Fn(&str) -> Option<String>) -> (Config, Vec<Problem>) {
    let mut problems = Vec::new();
    let mut bad = |attribute: &'static str, value: &str, reason: Reason| {
        problems.push(Problem {
            attribute,
            value: value.to_owned(),
            reason,
        });
    };

    let bank_url = match get("bank") {
        Some(v) if v.trim().is_empty() => {
            bad("bank", &v, Reason::Bank);
            None
        }
        other => other.map(|v| v.trim().to_owned()),
    };

    let mut settings = Settings::default();
    if let Some(v) = get("count") {
        let t = v.trim();
        if t.eq_ignore_ascii_case("all") {
            settings.count = Some(usize::MAX);
        } else {
            match t.parse::<usize>() {
                Ok(n) if (1..=MAX_COUNT).contains(&n) => settings.count = Some(n),
                _ => bad("count", &v, Reason::Count),
            }
        }
    }
    for (name, flag) in [
        ("shuffle", &mut settings.shuffle),
        ("shuffle-choices", &mut settings.shuffle_choices),
    ] {
        if let Some(v) = get(name) {
            match v.trim().to_ascii_lowercase().as_str() {
                "false" | "off" | "no" => *flag = false,
                "" | "true" | "on" | "yes" => {}
                _ => bad(name, &v, Reason::Flag),
            }
        }
    }
    let seed = get("seed").and_then(|v| match v.trim().parse::<u64>() {
        Ok(s) => Some(s),
        Err(_) => {
            bad("seed", &v, Reason::Seed);
            None
        }
    });
    if let Some(v) = get("time-limit") {
        match v.trim().parse::<u32>() {
            Ok(n) if (1..=MAX_TIME_LIMIT).contains(&n) => settings.time_limit = Some(n),
            _ => bad("time-limit", &v, Reason::TimeLimit),
        }
    }
    if let Some(v) = get("pass-mark") {
        match v.trim().trim_end_matches('%').parse::<u8>() {
            Ok(n) if (1..=100).contains(&n) => settings.pass_mark = Some(n),
            _ => bad("pass-mark", &v, Reason::PassMark),
        }
    }
    let mode = match get("mode") {
        None => None,
        Some(v) if v.trim().is_empty() => None,
        Some(v) => Mode::parse(v.trim().to_ascii_lowercase().as_str()).or_else(|| {
            bad("mode", &v, Reason::Mode);
            None
        }),
    };
    let instance = get("id").map(|v| v.trim().to_owned()).unwrap_or_default();
    let lang = match get("lang") {
        Some(v) if !v.trim().is_empty() => Lang::parse(&v).or_else(|| {
            bad("lang", &v, Reason::Lang);
            None
        }),
        _ => None,
    };
    (
        Config {
            bank_url,
            settings,
            mode,
            seed,
            instance,
            lang,
        },
        problems,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(attrs: &[(&str, &str)]) -> (Config, Vec<Problem>) {
        let attrs: Vec<(String, String)> = attrs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        from_attributes(&move |name| {
            attrs
                .iter()
                .find(|(k, _)| k == name)
                .map(|(_, v)| v.clone())
        })
    }

    #[test]
    fn no_attributes_means_defaults() {
        let (c, problems) = read(&[]);
        assert!(problems.is_empty());
        assert_eq!(c.bank_url, None);
        assert_eq!(c.settings, Settings::default());
        assert_eq!((c.mode, c.seed), (None, None));
    }

    #[test]
    fn good_values_are_used() {
        let (c, problems) = read(&[
            ("bank", " /b.json "),
            ("count", "5"),
            ("shuffle", "false"),
            ("shuffle-choices", "OFF"),
            ("seed", "42"),
            ("id", "top"),
            ("mode", "Exam"),
            ("time-limit", "900"),
            ("pass-mark", "80%"),
        ]);
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(c.bank_url.as_deref(), Some("/b.json"));
        assert_eq!(
            c.settings,
            Settings {
                count: Some(5),
                shuffle: false,
                shuffle_choices: false,
                time_limit: Some(900),
                pass_mark: Some(80)
            }
        );
        assert_eq!(
            (c.seed, c.instance.as_str(), c.mode),
            (Some(42), "top", Some(Mode::Exam))
        );
        assert_eq!(read(&[("count", "ALL")]).0.settings.count, Some(usize::MAX));
        for m in ["practice", "exam", "review", "smart"] {
            assert_eq!(read(&[("mode", m)]).0.mode.map(Mode::as_str), Some(m));
        }
    }

    #[test]
    fn bad_values_fall_back_and_are_named() {
        let (c, problems) = read(&[
            ("count", "ten"),
            ("shuffle", "maybe"),
            ("shuffle-choices", "sometimes"),
            ("seed", "-1"),
            ("mode", "speedrun"),
            ("bank", " "),
            ("time-limit", "0"),
            ("pass-mark", "120"),
        ]);
        assert_eq!(c.settings, Settings::default());
        assert_eq!((c.seed, c.mode), (None, None));
        assert_eq!(c.bank_url, None);
        assert_eq!(problems.len(), 8);
        assert!(problems.contains(&Problem {
            attribute: "shuffle-choices",
            value: "sometimes".into(),
            reason: Reason::Flag
        }));
        assert_eq!(
            problems[1],
            Problem {
                attribute: "count",
                value: "ten".into(),
                reason: Reason::Count
            }
        );
        assert_eq!(read(&[("count", "0")]).1[0].reason, Reason::Count);
        assert_eq!(read(&[("count", "100000")]).1[0].attribute, "count");
        // A language the widget does not speak is named; a region of one it does is used.
        let (c, problems) = read(&[("lang", "fr")]);
        assert_eq!((c.lang, problems[0].reason), (None, Reason::Lang));
        assert_eq!(read(&[("lang", "es-MX")]).0.lang, Some(Lang::Es));
    }
}
