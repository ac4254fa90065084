//! A bank problem in words: the validator returns typed [`Problem`]s, and this is the one
//! place that turns them into sentences, from the catalogue, in any language. The widget
//! passes the browser's `Intl` number formatting; the `cqbank` CLI writes plain English.

use crate::bank::{Decode, Expected, Found, Problem, Syntax};

use super::{fill, Category, Lang, Plural, Text};

/// How a language writes numbers and which plural form a number takes.
pub trait Numbers {
    /// `n` in the language's digits and separators.
    fn number(&self, n: i64) -> String;
    /// The plural category of `n`.
    fn category(&self, n: i64) -> Category;
}

/// Plain digits and English plurals, for the CLI and the host page's `quiz-error` event
/// (which stay English whatever the widget's language).
pub struct PlainEnglish;

impl Numbers for PlainEnglish {
    fn number(&self, n: i64) -> String {
        n.to_string()
    }

    fn category(&self, n: i64) -> Category {
        if n == 1 {
            Category::One
        } else {
            Category::Other
        }
    }
}

/// `p` in English, with plain numbers.
pub fn english(p: &Problem) -> String {
    problem(Lang::En, p, &PlainEnglish)
}

/// `p` as one sentence in `lang`. Positions inside the bank (`questions[3]`, choice
/// numbers) stay plain digits, since authors look them up in the file.
pub fn problem(lang: Lang, p: &Problem, numbers: &dyn Numbers) -> String {
    let t = |key| lang.text(key);
    let n = |v: i64| numbers.number(v);
    let index = |v: i64| v.to_string();
    match p {
        Problem::NotJson(syntax) => fill(
            t(Text::ProblemNotJson),
            &[("reason", &self::syntax(lang, syntax))],
        ),
        Problem::NotAnObject(found) => fill(
            t(Text::ProblemNotAnObject),
            &[("found", &self::found(lang, found, numbers))],
        ),
        Problem::Undecodable(decode) => match decode {
            Decode::MissingField(name) => fill(t(Text::ProblemFieldMissing), &[("name", name)]),
            Decode::UnknownField(name) => fill(t(Text::ProblemFieldUnknown), &[("name", name)]),
            Decode::DuplicateField(name) => fill(t(Text::ProblemFieldTwice), &[("name", name)]),
            Decode::WrongKind(found) => fill(
                t(Text::ProblemWrongKindHere),
                &[("found", &self::found(lang, found, numbers))],
            ),
            Decode::Other(detail) => detail.clone(),
        },
        Problem::UnknownField(None) => t(Text::ProblemUnknownField).to_owned(),
        Problem::UnknownField(Some(name)) => {
            fill(t(Text::ProblemUnknownFieldMeant), &[("name", name)])
        }
        Problem::Missing => t(Text::ProblemMissing).to_owned(),
        Problem::FieldTwice => t(Text::ProblemSameFieldTwice).to_owned(),
        Problem::WrongKind(expected, found) => fill(
            t(Text::ProblemWrongKind),
            &[
                ("expected", &self::expected(lang, expected, numbers)),
                ("found", &self::found(lang, found, numbers)),
            ],
        ),
        Problem::OutOfRange { value, min, max } => fill(
            t(Text::ProblemOutOfRange),
            &[("value", &n(*value)), ("min", &n(*min)), ("max", &n(*max))],
        ),
        Problem::NoQuestions => t(Text::ProblemNoQuestions).to_owned(),
        Problem::Empty => t(Text::ProblemEmpty).to_owned(),
        Problem::TooLong { length, max } => fill(
            t(Text::ProblemTooLong),
            &[("length", &n(*length as i64)), ("max", &n(*max as i64))],
        ),
        Problem::BadId(id) => fill(t(Text::ProblemBadId), &[("id", id)]),
        Problem::RepeatedId { first } => fill(
            t(Text::ProblemRepeatedId),
            &[("first", &index(*first as i64))],
        ),
        Problem::TopicNotListed(topic) => fill(t(Text::ProblemTopicNotListed), &[("topic", topic)]),
        Problem::TopicUnused(topic) => fill(t(Text::ProblemTopicUnused), &[("topic", topic)]),
        Problem::TopicTwice(topic) => fill(t(Text::ProblemTopicTwice), &[("topic", topic)]),
        Problem::Placeholder(text) => fill(t(Text::ProblemPlaceholder), &[("text", text)]),
        Problem::ChoiceCount(count) => {
            let count = *count as i64;
            fill(
                lang.plural(Plural::ProblemChoiceCount, numbers.category(count)),
                &[
                    ("n", &n(count)),
                    ("min", &n(crate::bank::MIN_CHOICES as i64)),
                    ("max", &n(crate::bank::MAX_CHOICES as i64)),
                ],
            )
        }
        Problem::RepeatsChoice { first } => fill(
            t(Text::ProblemRepeatsChoice),
            &[("first", &index(*first as i64))],
        ),
        Problem::NoSuchChoice { index: i, choices } => fill(
            t(Text::ProblemNoSuchChoice),
            &[
                ("index", &index(*i)),
                ("choices", &n(*choices as i64)),
                ("last", &index(choices.saturating_sub(1) as i64)),
            ],
        ),
        Problem::Negative(i) => fill(t(Text::ProblemNegative), &[("index", &index(*i))]),
        Problem::SelectAllNeedsTwo => t(Text::ProblemSelectAllNeedsTwo).to_owned(),
        Problem::ListedTwice(i) => {
            fill(t(Text::ProblemListedTwice), &[("index", &index(*i as i64))])
        }
    }
}

fn syntax(lang: Lang, s: &Syntax) -> String {
    let key = match s {
        Syntax::UnexpectedEnd => Text::SyntaxUnexpectedEnd,
        Syntax::MissingComma(close) => {
            return fill(
                lang.text(Text::SyntaxMissingComma),
                &[("close", close.encode_utf8(&mut [0; 4]))],
            )
        }
        Syntax::MissingColon => Text::SyntaxMissingColon,
        Syntax::ExpectedValue => Text::SyntaxExpectedValue,
        Syntax::KeyNotQuoted => Text::SyntaxKeyNotQuoted,
        Syntax::TrailingComma => Text::SyntaxTrailingComma,
        Syntax::TrailingCharacters => Text::SyntaxTrailingCharacters,
        Syntax::InvalidEscape => Text::SyntaxInvalidEscape,
        Syntax::InvalidNumber => Text::SyntaxInvalidNumber,
        Syntax::ControlCharacter => Text::SyntaxControlCharacter,
        Syntax::Other(detail) => return detail.clone(),
    };
    lang.text(key).to_owned()
}

fn expected(lang: Lang, e: &Expected, numbers: &dyn Numbers) -> String {
    let key = match e {
        Expected::Text => Text::ExpectText,
        Expected::WholeNumber { min, max } => {
            return fill(
                lang.text(Text::ExpectWholeNumber),
                &[
                    ("min", &numbers.number(*min)),
                    ("max", &numbers.number(*max)),
                ],
            )
        }
        Expected::List => Text::ExpectList,
        Expected::ListOfText => Text::ExpectListOfText,
        Expected::Object => Text::ExpectObject,
        Expected::Image => Text::ExpectImage,
        Expected::TrueOrFalse => Text::ExpectTrueOrFalse,
        Expected::Answer => Text::ExpectAnswer,
        Expected::ChoiceNumber => Text::ExpectChoiceNumber,
    };
    lang.text(key).to_owned()
}

fn found(lang: Lang, f: &Found, numbers: &dyn Numbers) -> String {
    let key = match f {
        // JSON's own words, the same in every language.
        Found::Null => return "null".to_owned(),
        Found::Bool(b) => return b.to_string(),
        Found::Number(n) => {
            let shown = n
                .parse::<i64>()
                .map_or_else(|_| n.clone(), |i| numbers.number(i));
            return fill(lang.text(Text::FoundNumber), &[("n", &shown)]);
        }
        Found::Text => Text::FoundText,
        Found::List => Text::FoundList,
        Found::Object => Text::FoundObject,
    };
    lang.text(key).to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every kind of problem, for the tests that word them all.
    fn every_problem() -> Vec<Problem> {
        let syntaxes = [
            Syntax::UnexpectedEnd,
            Syntax::MissingComma('}'),
            Syntax::MissingColon,
            Syntax::ExpectedValue,
            Syntax::KeyNotQuoted,
            Syntax::TrailingComma,
            Syntax::TrailingCharacters,
            Syntax::InvalidEscape,
            Syntax::InvalidNumber,
            Syntax::ControlCharacter,
        ];
        let expected = [
            Expected::Text,
            Expected::WholeNumber { min: 1, max: 3 },
            Expected::List,
            Expected::ListOfText,
            Expected::Object,
            Expected::Image,
            Expected::TrueOrFalse,
            Expected::Answer,
            Expected::ChoiceNumber,
        ];
        let found = [
            Found::Null,
            Found::Bool(true),
            Found::Number("1500".into()),
            Found::Text,
            Found::List,
            Found::Object,
        ];
        let mut all: Vec<Problem> = syntaxes.into_iter().map(Problem::NotJson).collect();
        all.extend(found.iter().cloned().map(Problem::NotAnObject));
        all.extend(
            expected
                .iter()
                .flat_map(|e| found.iter().map(|f| Problem::WrongKind(*e, f.clone()))),
        );
        all.extend([
            Problem::Undecodable(Decode::MissingField("id".into())),
            Problem::Undecodable(Decode::UnknownField("anwser".into())),
            Problem::Undecodable(Decode::DuplicateField("id".into())),
            Problem::Undecodable(Decode::WrongKind(Found::Text)),
            Problem::UnknownField(None),
            Problem::UnknownField(Some("answer")),
            Problem::Missing,
            Problem::FieldTwice,
            Problem::OutOfRange {
                value: 1500,
                min: 1,
                max: 100,
            },
            Problem::NoQuestions,
            Problem::Empty,
            Problem::TooLong {
                length: 1200,
                max: 1000,
            },
            Problem::BadId("Q 1".into()),
            Problem::RepeatedId { first: 1234 },
            Problem::TopicNotListed("Trust".into()),
            Problem::TopicUnused("Trust".into()),
            Problem::TopicTwice("Trust".into()),
            Problem::Placeholder("TODO".into()),
            Problem::ChoiceCount(1),
            Problem::ChoiceCount(12),
            Problem::RepeatsChoice { first: 0 },
            Problem::NoSuchChoice {
                index: 4,
                choices: 4,
            },
            Problem::Negative(-1),
            Problem::SelectAllNeedsTwo,
            Problem::ListedTwice(2),
        ]);
        all
    }

    #[test]
    fn english_keeps_the_authoring_tools_wording() {
        let cases = [
            (Problem::Missing, "is missing (required)"),
            (
                Problem::WrongKind(Expected::WholeNumber { min: 1, max: 3 }, Found::Text),
                "must be a whole number from 1 to 3, found text",
            ),
            (
                Problem::OutOfRange {
                    value: 1500,
                    min: 1,
                    max: 100,
                },
                "1500 is out of range: must be 1 to 100",
            ),
            (
                Problem::NoSuchChoice {
                    index: 4,
                    choices: 4,
                },
                "4 is out of range: there are 4 choices, numbered 0 to 3",
            ),
            (Problem::ChoiceCount(1), "has 1 choice, needs 2 to 10"),
            (Problem::ChoiceCount(12), "has 12 choices, needs 2 to 10"),
            (
                Problem::UnknownField(Some("answer")),
                "unknown field (did you mean \"answer\"?)",
            ),
            (
                Problem::NotJson(Syntax::MissingComma('}')),
                "not valid JSON: expected `,` or `}` (is a comma missing?)",
            ),
            (
                Problem::NotAnObject(Found::List),
                "a bank must be a JSON object, found a list",
            ),
        ];
        for (problem, words) in cases {
            assert_eq!(english(&problem), words);
            assert_eq!(problem.to_string(), words, "Display is the English wording");
        }
    }

    /// Spanish numbers as `Intl` writes them, to see that they reach the sentence.
    struct Spanish;
    impl Numbers for Spanish {
        fn number(&self, n: i64) -> String {
            if n.abs() >= 1000 {
                format!("{}.{:03}", n / 1000, (n % 1000).abs())
            } else {
                n.to_string()
            }
        }
        fn category(&self, n: i64) -> Category {
            // Spanish also has "many" (round millions); the tests stay below that.
            PlainEnglish.category(n)
        }
    }

    #[test]
    fn every_problem_reads_differently_in_spanish_with_its_numbers() {
        for p in every_problem() {
            let en = english(&p);
            let es = problem(Lang::Es, &p, &Spanish);
            assert!(!es.trim().is_empty(), "{p:?}");
            assert!(!es.contains('{'), "{p:?}: a placeholder left in {es:?}");
            assert_ne!(es, en, "{p:?} is not translated");
        }
        assert_eq!(
            problem(
                Lang::Es,
                &Problem::TooLong {
                    length: 1200,
                    max: 1000
                },
                &Spanish
            ),
            "es demasiado largo (1.200 caracteres, como máximo 1.000)"
        );
        assert_eq!(
            problem(Lang::Es, &Problem::RepeatedId { first: 1234 }, &Spanish),
            "repite el id de questions[1234] (los id deben ser únicos en un banco)",
            "positions in the file stay plain digits"
        );
        assert_eq!(
            problem(Lang::Es, &Problem::ChoiceCount(1), &Spanish),
            "tiene 1 opción; necesita de 2 a 10"
        );
    }
}
