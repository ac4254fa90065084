//! The widget's attributes and colours as the playground's controls set them, checked by
//! the widget's own attribute reader, and the embed snippet they make.

use checkpoint_quiz::config;

/// The loader's default address in the snippet: the npm package on a public CDN, pinned to
/// this build's version (README "Embed it").
pub fn default_script_url() -> String {
    format!(
        "https://cdn.jsdelivr.net/npm/checkpoint-quiz@{}/dist/checkpoint-quiz.js",
        checkpoint_quiz::VERSION
    )
}

/// Where the snippet's bank is until the author says otherwise.
pub const DEFAULT_BANK_URL: &str = "questions/your-bank.json";

/// The colours the playground offers, with the widget's light defaults (its stylesheet).
pub const COLOURS: [(&str, &str, &str); 3] = [
    ("--cq-accent", "Accent", "#1d4ed8"),
    ("--cq-bg", "Background", "#ffffff"),
    ("--cq-text", "Text", "#1f2933"),
];

/// Every control's value. Text fields hold what was typed; empty means "the default"
/// (the attribute is left out).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Settings {
    /// "" (the start screen), "practice", "exam", "review" or "smart".
    pub mode: String,
    pub count: String,
    pub time_limit: String,
    pub pass_mark: String,
    pub shuffle: bool,
    pub shuffle_choices: bool,
    pub seed: String,
    /// "" (light), "dark" or "auto".
    pub theme: String,
    /// `lang`: "" for the bank's language, else the page's.
    pub lang: String,
    /// One per [`COLOURS`] entry: `None` keeps the widget's colour.
    pub colours: [Option<String>; 3],
    /// The `src` of the snippet's script tag.
    pub script_url: String,
    /// The snippet's `bank` attribute (the preview uses its own copy of the bank).
    pub bank_url: String,
}

impl Default for Settings {
    fn default() -> Settings {
        Settings {
            mode: String::new(),
            count: String::new(),
            time_limit: String::new(),
            pass_mark: String::new(),
            shuffle: true,
            shuffle_choices: true,
            seed: String::new(),
            theme: String::new(),
            lang: String::new(),
            colours: [None, None, None],
            script_url: default_script_url(),
            bank_url: DEFAULT_BANK_URL.to_owned(),
        }
    }
}

/// Attribute names in the order the snippet writes them.
pub const ATTRIBUTES: [&str; 9] = [
    "mode",
    "count",
    "time-limit",
    "pass-mark",
    "shuffle",
    "shuffle-choices",
    "seed",
    "theme",
    "lang",
];

impl Settings {
    /// The attribute a control sets, as typed (trimmed), or `None` for the default.
    fn raw(&self, name: &str) -> Option<String> {
        let text = |s: &str| Some(s.trim().to_owned()).filter(|s| !s.is_empty());
        match name {
            "mode" => text(&self.mode),
            "count" => text(&self.count),
            "time-limit" => text(&self.time_limit),
            "pass-mark" => text(&self.pass_mark),
            "shuffle" => (!self.shuffle).then(|| "false".to_owned()),
            "shuffle-choices" => (!self.shuffle_choices).then(|| "false".to_owned()),
            "seed" => text(&self.seed),
            "theme" => text(&self.theme),
            "lang" => text(&self.lang),
            _ => None,
        }
    }

    /// What the widget would say about one attribute's value (its own reader, so the
    /// playground and the widget never disagree), or `None` when it is fine.
    pub fn problem(&self, name: &str) -> Option<String> {
        let value = self.raw(name)?;
        if name == "theme" {
            // The stylesheet, not the reader, handles the theme.
            return (!matches!(value.as_str(), "dark" | "auto"))
                .then(|| format!("Ignored theme=\"{value}\": it should be dark or auto."));
        }
        let (_, problems) = config::from_attributes(&|n| (n == name).then(|| value.clone()));
        problems
            .first()
            .map(|p| checkpoint_quiz::text::ignored(checkpoint_quiz::text::Lang::En, p))
    }

    /// Every attribute the controls set, in order, with bad values left out (their
    /// problems are shown beside the controls instead).
    pub fn attributes(&self) -> Vec<(&'static str, String)> {
        ATTRIBUTES
            .into_iter()
            .filter(|name| self.problem(name).is_none())
            .filter_map(|name| self.raw(name).map(|v| (name, v)))
            .collect()
    }

    /// The colour declarations, e.g. `--cq-accent: #0f2a44; --cq-bg: #fffbeb`.
    pub fn style(&self) -> String {
        COLOURS
            .iter()
            .zip(&self.colours)
            .filter_map(|((name, _, _), value)| {
                value
                    .as_deref()
                    .filter(|v| is_hex_colour(v))
                    .map(|v| format!("{name}: {v}"))
            })
            .collect::<Vec<_>>()
            .join("; ")
    }

    /// The embed snippet: the loader's script tag, a `<style>` for the colours (when any is
    /// set) and the element with its attributes.
    pub fn snippet(&self) -> String {
        let mut out = format!(
            "<script type=\"module\" src=\"{}\"></script>\n",
            escape(self.script_url.trim())
        );
        let style = self.style();
        if !style.is_empty() {
            out.push_str("<style>\n  checkpoint-quiz { ");
            out.push_str(&style);
            out.push_str("; }\n</style>\n");
        }
        out.push_str("<checkpoint-quiz");
        let bank = self.bank_url.trim();
        if !bank.is_empty() {
            out.push_str(&format!(" bank=\"{}\"", escape(bank)));
        }
        for (name, value) in self.attributes() {
            out.push_str(&format!(" {name}=\"{}\"", escape(&value)));
        }
        out.push_str("></checkpoint-quiz>\n");
        out
    }
}

/// `#rgb` or `#rrggbb`, what a colour input gives (and nothing that could end a rule).
pub fn is_hex_colour(s: &str) -> bool {
    let Some(hex) = s.strip_prefix('#') else {
        return false;
    };
    matches!(hex.len(), 3 | 6) && hex.chars().all(|c| c.is_ascii_hexdigit())
}

/// Text for a double-quoted HTML attribute value.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_make_the_plainest_snippet() {
        let s = Settings::default();
        assert_eq!(
            s.snippet(),
            format!(
                "<script type=\"module\" src=\"https://cdn.jsdelivr.net/npm/checkpoint-quiz@{}/dist/checkpoint-quiz.js\"></script>\n\
                 <checkpoint-quiz bank=\"questions/your-bank.json\"></checkpoint-quiz>\n",
                checkpoint_quiz::VERSION
            )
        );
        assert!(s.attributes().is_empty());
        assert_eq!(s.style(), "");
    }

    #[test]
    fn every_control_reaches_the_snippet() {
        let s = Settings {
            mode: "exam".into(),
            count: " 5 ".into(),
            time_limit: "600".into(),
            pass_mark: "80".into(),
            shuffle: false,
            shuffle_choices: false,
            seed: "42".into(),
            theme: "dark".into(),
            lang: "es".into(),
            colours: [Some("#0f2a44".into()), None, Some("#111111".into())],
            script_url: "https://cdn.example/cq/checkpoint-quiz.js".into(),
            bank_url: "/banks/a&b.json".into(),
        };
        assert_eq!(
            s.snippet(),
            "<script type=\"module\" src=\"https://cdn.example/cq/checkpoint-quiz.js\"></script>\n\
             <style>\n  checkpoint-quiz { --cq-accent: #0f2a44; --cq-text: #111111; }\n</style>\n\
             <checkpoint-quiz bank=\"/banks/a&amp;b.json\" mode=\"exam\" count=\"5\" time-limit=\"600\" pass-mark=\"80\" shuffle=\"false\" shuffle-choices=\"false\" seed=\"42\" theme=\"dark\" lang=\"es\"></checkpoint-quiz>\n"
        );
    }

    #[test]
    fn bad_values_are_named_by_the_widget_reader_and_left_out() {
        let s = Settings {
            count: "ten".into(),
            pass_mark: "150".into(),
            seed: "7".into(),
            theme: "blue".into(),
            ..Settings::default()
        };
        assert!(s.problem("count").unwrap().contains("from 1 to 500"));
        assert!(s.problem("pass-mark").unwrap().contains("from 1 to 100"));
        assert!(s.problem("theme").unwrap().contains("dark or auto"));
        assert_eq!(s.problem("seed"), None);
        assert_eq!(s.attributes(), vec![("seed", "7".to_owned())]);
        assert_eq!(
            Settings {
                count: "all".into(),
                ..Settings::default()
            }
            .problem("count"),
            None
        );
    }

    #[test]
    fn colours_must_be_hex() {
        let s = Settings {
            colours: [Some("red; } body { x".into()), Some("#abc".into()), None],
            ..Settings::default()
        };
        assert_eq!(s.style(), "--cq-bg: #abc");
    }
}
