//! What the validator found wrong with a bank, as typed values. The core never words a
//! problem: the widget words it in the learner's language and the `cqbank` CLI in
//! English, both from the catalogue (`crate::text::problem`).

use std::fmt;

use serde_json::Value;

/// One problem of a bank, without its place (the [`super::Diagnostic`] carries that).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Problem {
    /// The text is not JSON.
    NotJson(Syntax),
    /// The text is JSON but not an object.
    NotAnObject(Found),
    /// The first problem the strict decoder met, at a line and column (the widget's own
    /// build names only this one; the authoring tools report every problem by path).
    Undecodable(Decode),
    /// A field the format does not have, with the known field it is probably a typo of.
    UnknownField(Option<&'static str>),
    Missing,
    /// An object given the same field twice.
    FieldTwice,
    /// A value of the wrong kind: what was expected, and what was found.
    WrongKind(Expected, Found),
    /// A whole number outside the range the field allows.
    OutOfRange {
        value: i64,
        min: i64,
        max: i64,
    },
    /// `questions` is an empty list.
    NoQuestions,
    /// Text that is empty or only spaces.
    Empty,
    /// Text longer than the field allows, in characters.
    TooLong {
        length: usize,
        max: usize,
    },
    /// An id with characters other than a-z, 0-9 and '-'.
    BadId(String),
    /// An id already used by `questions[first]`.
    RepeatedId {
        first: usize,
    },
    /// A question's topic that the bank's `topics` list does not name.
    TopicNotListed(String),
    /// A listed topic no question uses (a warning).
    TopicUnused(String),
    /// A topic listed twice.
    TopicTwice(String),
    /// An explanation still starting with "TODO" (a warning).
    Placeholder(String),
    /// A question with this many choices, outside 2 to 10.
    ChoiceCount(usize),
    /// A choice that repeats `choices[first]`.
    RepeatsChoice {
        first: usize,
    },
    /// An answer naming a choice that does not exist.
    NoSuchChoice {
        index: i64,
        choices: usize,
    },
    /// An answer index below zero (when the choices could not be counted).
    Negative(i64),
    /// A select-all answer listing fewer than two choices.
    SelectAllNeedsTwo,
    /// A choice listed twice in a select-all answer.
    ListedTwice(usize),
}

/// Why text is not JSON, after serde_json's error codes (its messages are English, so the
/// known ones are typed here and worded by the catalogue).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Syntax {
    /// The text stops inside a value.
    UnexpectedEnd,
    /// Two values with no comma between them, before a `]` or `}`.
    MissingComma(char),
    MissingColon,
    /// Something that is not a JSON value (a word such as `yes`, a lone `'`).
    ExpectedValue,
    /// An object key without double quotes.
    KeyNotQuoted,
    TrailingComma,
    /// More text after the bank's closing brace.
    TrailingCharacters,
    InvalidEscape,
    InvalidNumber,
    /// A raw line break or tab inside a string.
    ControlCharacter,
    /// Anything else serde_json reports, in its own (English) words.
    Other(String),
}

/// The first structural problem the strict decoder met, from serde's message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Decode {
    MissingField(String),
    UnknownField(String),
    DuplicateField(String),
    /// A value of the wrong kind where a field expected another.
    WrongKind(Found),
    /// Anything else, in serde's own (English) words.
    Other(String),
}

/// The kind of value a field needed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Expected {
    Text,
    /// A whole number in a range.
    WholeNumber {
        min: i64,
        max: i64,
    },
    List,
    ListOfText,
    /// A question.
    Object,
    /// A picture: `{ "src": …, "alt": … }`.
    Image,
    TrueOrFalse,
    /// An answer: a choice number or a list of them.
    Answer,
    /// One entry of a select-all answer.
    ChoiceNumber,
}

/// The kind of value that was found instead.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Found {
    Null,
    Bool(bool),
    Number(String),
    Text,
    List,
    Object,
}

impl Found {
    pub fn of(v: &Value) -> Found {
        match v {
            Value::Null => Found::Null,
            Value::Bool(b) => Found::Bool(*b),
            Value::Number(n) => Found::Number(n.to_string()),
            Value::String(_) => Found::Text,
            Value::Array(_) => Found::List,
            Value::Object(_) => Found::Object,
        }
    }

    /// The kind serde names in "invalid type: string \"x\", expected …".
    fn from_serde(unexpected: &str) -> Option<Found> {
        let quoted = || unexpected.split('`').nth(1).map(str::to_owned);
        let word = unexpected.split([' ', '`']).next()?;
        Some(match word {
            "null" | "unit" => Found::Null,
            "boolean" => Found::Bool(quoted()? == "true"),
            "integer" | "floating" => Found::Number(quoted()?),
            "string" | "character" => Found::Text,
            "sequence" => Found::List,
            "map" => Found::Object,
            _ => return None,
        })
    }
}

impl Problem {
    /// Text serde_json could not decode as a bank: not JSON, not an object, or the first
    /// field that does not fit. `text` is what was decoded, to tell what it starts with.
    pub fn from_serde(text: &str, e: &serde_json::Error) -> Problem {
        let message = bare_message(e);
        if e.is_syntax() || e.is_eof() {
            return Problem::NotJson(Syntax::from_serde(&message));
        }
        // serde_json already read the whole value, so its first character tells its kind
        // (parsing it again as a `Value` would pull that decoder into the widget's wasm).
        let value = text.trim();
        match value.chars().next() {
            Some('{') => Problem::Undecodable(Decode::from_serde(&message)),
            Some('[') => Problem::NotAnObject(Found::List),
            Some('"') => Problem::NotAnObject(Found::Text),
            Some('n') => Problem::NotAnObject(Found::Null),
            Some('t') => Problem::NotAnObject(Found::Bool(true)),
            Some('f') => Problem::NotAnObject(Found::Bool(false)),
            Some(c) if c == '-' || c.is_ascii_digit() => {
                Problem::NotAnObject(Found::Number(value.to_owned()))
            }
            _ => Problem::Undecodable(Decode::Other(message)),
        }
    }
}

impl Syntax {
    fn from_serde(message: &str) -> Syntax {
        match message {
            m if m.starts_with("EOF while parsing") => Syntax::UnexpectedEnd,
            "expected `,` or `}`" => Syntax::MissingComma('}'),
            "expected `,` or `]`" => Syntax::MissingComma(']'),
            "expected `:`" => Syntax::MissingColon,
            "expected value" | "expected ident" => Syntax::ExpectedValue,
            "key must be a string" => Syntax::KeyNotQuoted,
            "trailing comma" => Syntax::TrailingComma,
            "trailing characters" => Syntax::TrailingCharacters,
            "invalid escape" => Syntax::InvalidEscape,
            "invalid number" | "number out of range" => Syntax::InvalidNumber,
            m if m.starts_with("control character") => Syntax::ControlCharacter,
            other => Syntax::Other(other.to_owned()),
        }
    }
}

impl Decode {
    fn from_serde(message: &str) -> Decode {
        let name = || message.split('`').nth(1).unwrap_or_default().to_owned();
        if message.starts_with("missing field") {
            Decode::MissingField(name())
        } else if message.starts_with("unknown field") {
            Decode::UnknownField(name())
        } else if message.starts_with("duplicate field") {
            Decode::DuplicateField(name())
        } else if let Some(found) = message
            .strip_prefix("invalid type: ")
            .or_else(|| message.strip_prefix("invalid value: "))
            .and_then(Found::from_serde)
        {
            Decode::WrongKind(found)
        } else {
            Decode::Other(message.to_owned())
        }
    }
}

/// serde_json's message without its " at line L column C" tail (positions are kept apart).
fn bare_message(e: &serde_json::Error) -> String {
    let full = e.to_string();
    match full.rfind(" at line ") {
        Some(at) => full[..at].to_owned(),
        None => full,
    }
}

/// In English, as the CLI and the host page's `quiz-error` event give it.
impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&crate::text::problem::english(self))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn of(text: &str) -> Problem {
        let e = serde_json::from_str::<std::collections::BTreeMap<String, u32>>(text)
            .expect_err("not a map of numbers");
        Problem::from_serde(text, &e)
    }

    #[test]
    fn serde_json_syntax_errors_become_typed_problems() {
        assert_eq!(
            of("{\"a\": 1 \"b\": 2}"),
            Problem::NotJson(Syntax::MissingComma('}'))
        );
        assert_eq!(of("{\"a\": 1,}"), Problem::NotJson(Syntax::TrailingComma));
        assert_eq!(of("{\"a\" 1}"), Problem::NotJson(Syntax::MissingColon));
        assert_eq!(of("{\"a\": 1"), Problem::NotJson(Syntax::UnexpectedEnd));
        assert_eq!(of("{a: 1}"), Problem::NotJson(Syntax::KeyNotQuoted));
        assert_eq!(of("{\"a\": yes}"), Problem::NotJson(Syntax::ExpectedValue));
        assert_eq!(
            of("{\"a\": 1} x"),
            Problem::NotJson(Syntax::TrailingCharacters)
        );
        assert_eq!(
            of("{\"a\": \"\\q\"}"),
            Problem::NotJson(Syntax::InvalidEscape)
        );
        assert_eq!(
            of("{\"a\": \"x\ny\"}"),
            Problem::NotJson(Syntax::ControlCharacter)
        );
    }

    #[test]
    fn values_that_are_not_objects_say_what_they_are() {
        assert_eq!(of("[1]"), Problem::NotAnObject(Found::List));
        assert_eq!(of("\"bank\""), Problem::NotAnObject(Found::Text));
        assert_eq!(of("7"), Problem::NotAnObject(Found::Number("7".into())));
        assert_eq!(of("null"), Problem::NotAnObject(Found::Null));
        assert_eq!(of(" false "), Problem::NotAnObject(Found::Bool(false)));
        assert_eq!(
            of("-2.5"),
            Problem::NotAnObject(Found::Number("-2.5".into()))
        );
    }

    #[test]
    fn serde_data_errors_name_the_field_or_the_kind_found() {
        assert_eq!(
            of("{\"a\": \"x\"}"),
            Problem::Undecodable(Decode::WrongKind(Found::Text))
        );
        assert_eq!(
            of("{\"a\": true}"),
            Problem::Undecodable(Decode::WrongKind(Found::Bool(true)))
        );
        assert_eq!(
            of("{\"a\": -3}"),
            Problem::Undecodable(Decode::WrongKind(Found::Number("-3".into())))
        );
        #[derive(Debug, serde::Deserialize)]
        #[serde(deny_unknown_fields)]
        #[allow(dead_code)]
        struct Two {
            id: u32,
            title: u32,
        }
        let decode = |text: &str| {
            let e = serde_json::from_str::<Two>(text).expect_err("does not fit");
            Problem::from_serde(text, &e)
        };
        assert_eq!(
            decode("{\"id\": 1}"),
            Problem::Undecodable(Decode::MissingField("title".into()))
        );
        assert_eq!(
            decode("{\"id\": 1, \"titel\": 2}"),
            Problem::Undecodable(Decode::UnknownField("titel".into()))
        );
        assert_eq!(
            decode("{\"id\": 1, \"id\": 2, \"title\": 3}"),
            Problem::Undecodable(Decode::DuplicateField("id".into()))
        );
    }
}
