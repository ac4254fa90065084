//! The widget's language at work: the catalogue's words (`crate::text`) with the numbers,
//! plural forms, durations and relative times the browser's `Intl` writes for that
//! language. Made once per language and shared through a yew context.

use js_sys::{Array, Function, Intl, Object, Reflect};
use wasm_bindgen::JsValue;

use crate::text::problem::Numbers;
use crate::text::{fill, Category, Lang, Plural, Text};
use crate::timing::{self, Unit};

pub struct Locale {
    pub lang: Lang,
    plural: Intl::PluralRules,
    number: Function,
    percent: Function,
    relative: Intl::RelativeTimeFormat,
    /// Long unit names ("30 minutes", "30 minutos"), by `Unit`.
    units: [Function; 4],
}

impl PartialEq for Locale {
    fn eq(&self, other: &Self) -> bool {
        self.lang == other.lang
    }
}

fn options(pairs: &[(&str, &str)]) -> Object {
    let o = Object::new();
    for (k, v) in pairs {
        let _ = Reflect::set(&o, &(*k).into(), &(*v).into());
    }
    o
}

fn call(f: &Function, value: f64) -> Option<String> {
    f.call1(&JsValue::NULL, &value.into()).ok()?.as_string()
}

/// A whole number through `f`, or in plain digits if `Intl` fails.
fn whole(f: &Function, n: i64) -> String {
    call(f, n as f64).unwrap_or_else(|| n.to_string())
}

impl Locale {
    pub fn new(lang: Lang) -> Locale {
        let locales = Array::of1(&lang.code().into());
        let number = |o: &[(&str, &str)]| Intl::NumberFormat::new(&locales, &options(o)).format();
        let unit = |u: Unit| {
            number(&[
                ("style", "unit"),
                ("unit", u.intl()),
                ("unitDisplay", "long"),
            ])
        };
        Locale {
            lang,
            plural: Intl::PluralRules::new(&locales, &Object::new()),
            number: number(&[("maximumFractionDigits", "0")]),
            percent: number(&[("style", "percent"), ("maximumFractionDigits", "0")]),
            relative: Intl::RelativeTimeFormat::new(&locales, &options(&[("numeric", "always")])),
            units: [
                unit(Unit::Second),
                unit(Unit::Minute),
                unit(Unit::Hour),
                unit(Unit::Day),
            ],
        }
    }

    pub fn text(&self, key: Text) -> &'static str {
        self.lang.text(key)
    }

    /// A catalogue entry with its placeholders filled.
    pub fn fill(&self, key: Text, args: &[(&str, &str)]) -> String {
        fill(self.lang.text(key), args)
    }

    /// `n` in the language's digits and separators ("1,000", "1.000").
    pub fn number(&self, n: usize) -> String {
        whole(&self.number, n as i64)
    }

    /// A whole percentage ("85%", "85 %").
    pub fn percent(&self, p: u8) -> String {
        call(&self.percent, f64::from(p) / 100.0).unwrap_or_else(|| format!("{p}%"))
    }

    /// The form of `key` that agrees with `n`, with `{n}` (and `extra`) filled.
    pub fn count(&self, key: Plural, n: usize, extra: &[(&str, &str)]) -> String {
        let category = self.category(n as i64);
        let number = self.number(n);
        let mut args = vec![("n", number.as_str())];
        args.extend_from_slice(extra);
        fill(self.lang.plural(key, category), &args)
    }

    /// "1 hour 30 minutes", "1 hora 30 minutos".
    pub fn duration(&self, ms: i64) -> String {
        timing::duration(ms)
            .into_iter()
            .map(|(n, unit)| self.amount(n, unit))
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// "in 3 days", "dentro de 3 días".
    pub fn until(&self, at: i64, now: i64) -> String {
        let (n, unit) = timing::until(at, now);
        self.relative
            .format(n as f64, unit.intl())
            .as_string()
            .unwrap_or_else(|| self.amount(n, unit))
    }

    fn amount(&self, n: i64, unit: Unit) -> String {
        let f = match unit {
            Unit::Second => &self.units[0],
            Unit::Minute => &self.units[1],
            Unit::Hour => &self.units[2],
            Unit::Day => &self.units[3],
        };
        whole(f, n)
    }
}

/// Numbers in bank problems, as the rest of the widget writes them.
impl Numbers for Locale {
    fn number(&self, n: i64) -> String {
        whole(&self.number, n)
    }

    fn category(&self, n: i64) -> Category {
        self.plural
            .select(n as f64)
            .as_string()
            .map_or(Category::Other, |c| Category::parse(&c))
    }
}
