//! The element's attributes, read into settings. A bad value never breaks the widget:
//! it is replaced by the default and named in a message the widget shows.

use crate::mode::Mode;
use crate::settings::Settings;

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
}

/// Reads attributes through `get`, which returns an attribute's value if it is set.
/// Returns the config and one message per attribute that had to be ignored.
pub fn from_attributes(get: &dyn Fn(&str) -> Option<String>) -> (Config, Vec<String>) {
    let mut problems = Vec::new();
    let mut bad = |name: &str, value: &str, expected: &str| {
        problems.push(["Ignored ", name, "=\"", value, "\": ", expected].concat());
    };

    let bank_url = match get("bank") {
        Some(v) if v.trim().is_empty() => {
            bad(
                "bank",
                &v,
                "it should be the URL of a question bank; using the default bank.",
            );
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
                _ => bad(
                    "count",
                    &v,
                    "it should be a whole number from 1 to 500, or \"all\"; using the default.",
                ),
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
                _ => bad(name, &v, "it should be \"true\" or \"false\"; shuffling."),
            }
        }
    }
    let seed = get("seed").and_then(|v| match v.trim().parse::<u64>() {
        Ok(s) => Some(s),
        Err(_) => {
            bad(
                "seed",
                &v,
                "it should be a whole number; using a random order.",
            );
            None
        }
    });
    if let Some(v) = get("time-limit") {
        match v.trim().parse::<u32>() {
            Ok(n) if (1..=MAX_TIME_LIMIT).contains(&n) => settings.time_limit = Some(n),
            _ => bad(
                "time-limit",
                &v,
                "it should be a number of seconds from 1 to 86400; using the bank's.",
            ),
        }
    }
    if let Some(v) = get("pass-mark") {
        match v.trim().trim_end_matches('%').parse::<u8>() {
            Ok(n) if (1..=100).contains(&n) => settings.pass_mark = Some(n),
            _ => bad(
                "pass-mark",
                &v,
                "it should be a percentage from 1 to 100; using the bank's.",
            ),
        }
    }
    let mode = match get("mode") {
        None => None,
        Some(v) if v.trim().is_empty() => None,
        Some(v) => Mode::parse(v.trim().to_ascii_lowercase().as_str()).or_else(|| {
            bad(
                "mode",
                &v,
                "the modes are practice, exam, review and smart; showing the start screen.",
            );
            None
        }),
    };
    let instance = get("id").map(|v| v.trim().to_owned()).unwrap_or_default();
    (
        Config {
            bank_url,
            settings,
            mode,
            seed,
            instance,
        },
        problems,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(attrs: &[(&str, &str)]) -> (Config, Vec<String>) {
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
        assert!(problems
            .iter()
            .any(|p| p.starts_with("Ignored shuffle-choices=\"sometimes\"")));
        assert_eq!(
            problems[1],
            "Ignored count=\"ten\": it should be a whole number from 1 to 500, or \"all\"; using the default."
        );
        assert!(read(&[("count", "0")]).1[0].starts_with("Ignored count=\"0\""));
        assert!(read(&[("count", "100000")]).1[0].starts_with("Ignored count"));
    }
}
