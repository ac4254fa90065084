//! What the playground says about the text in its editor: which format it is in, every
//! problem with its line, column and offset, and the bank the preview may run.
//!
//! Everything here is the CLI's own code: `bank::load` (the validator, with its tolerant
//! every-problem path) and `spans::Spans` for JSON, as `cqbank check` uses them;
//! `convert::detect` and `convert::convert` for GIFT and Aiken, as `cqbank import` does.

use checkpoint_quiz::bank::{self, Bank, BankInfo};
use checkpoint_quiz::convert::{self, QuizFormat};
use checkpoint_quiz::spans::Spans;

/// The three formats the editor reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Json,
    Gift,
    Aiken,
}

impl Format {
    pub const ALL: [Format; 3] = [Format::Json, Format::Gift, Format::Aiken];

    /// As shown to authors.
    pub fn name(self) -> &'static str {
        match self {
            Format::Json => "JSON",
            Format::Gift => QuizFormat::Gift.name(),
            Format::Aiken => QuizFormat::Aiken.name(),
        }
    }

    /// As a form value.
    pub fn key(self) -> &'static str {
        match self {
            Format::Json => "json",
            Format::Gift => "gift",
            Format::Aiken => "aiken",
        }
    }

    pub fn from_key(key: &str) -> Option<Format> {
        Format::ALL.into_iter().find(|f| f.key() == key)
    }

    fn quiz_format(self) -> Option<QuizFormat> {
        match self {
            Format::Json => None,
            Format::Gift => Some(QuizFormat::Gift),
            Format::Aiken => Some(QuizFormat::Aiken),
        }
    }
}

/// The format of `text` from its content: JSON when it opens with `{` or `[` (a bank is an
/// object; a list is a bank written wrong, which the validator explains), else what
/// `convert::detect` (the CLI's detection) finds. `None` for empty text or text that looks
/// like none of them.
pub fn detect(text: &str) -> Option<Format> {
    let start = text.trim_start_matches(|c: char| c.is_whitespace() || c == '\u{feff}');
    if start.is_empty() {
        return None;
    }
    if start.starts_with('{') || start.starts_with('[') {
        return Some(Format::Json);
    }
    convert::detect(text).map(|f| match f {
        QuizFormat::Gift => Format::Gift,
        QuizFormat::Aiken => Format::Aiken,
    })
}

/// What an imported bank is called: from the form, defaulting like `cqbank import`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ImportMeta {
    /// The file name's stem, when the text came from a file (for question ids and the
    /// defaults below); empty for pasted text.
    pub stem: String,
    /// The bank's id; empty: from the stem, else "imported".
    pub id: String,
    /// The bank's title; empty: the stem, else the id.
    pub title: String,
    /// The bank's language; empty: "en".
    pub language: String,
}

impl ImportMeta {
    pub fn bank_id(&self) -> String {
        let given = self.id.trim();
        if !given.is_empty() {
            return given.to_owned();
        }
        match convert::slugify(&self.stem) {
            s if s.is_empty() => "imported".to_owned(),
            mut s => {
                s.truncate(bank::MAX_ID);
                s.trim_end_matches('-').to_owned()
            }
        }
    }

    pub fn bank_title(&self) -> String {
        match (self.title.trim(), self.stem.trim()) {
            ("", "") => self.bank_id(),
            ("", stem) => stem.to_owned(),
            (title, _) => title.to_owned(),
        }
    }

    pub fn bank_language(&self) -> String {
        match self.language.trim() {
            "" => "en".to_owned(),
            l => l.to_owned(),
        }
    }
}

/// One problem, placed in the editor's text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// 1-based.
    pub line: usize,
    /// 1-based, in characters.
    pub column: usize,
    /// Byte offset into the checked text, where the caret goes.
    pub offset: usize,
    pub error: bool,
    pub text: String,
}

/// A bank the widget will load, as JSON.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Valid {
    /// The validated bank written back out by `bank::to_json`: what the preview runs and
    /// "Download JSON" saves (for a JSON bank, unknown fields are left out, so the widget,
    /// which refuses them, loads it too).
    pub json: String,
    pub id: String,
    pub title: String,
    pub questions: usize,
}

/// Everything the playground shows about the editor's text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Report {
    /// The format the text was read in; `None`: empty, or not recognisable.
    pub format: Option<Format>,
    /// Whether `format` was detected (not chosen in the menu).
    pub detected: bool,
    /// In text order.
    pub problems: Vec<Problem>,
    /// The bank for the preview, when there is one: a JSON bank without errors, or the
    /// questions an import converted (problems then name what was left out).
    pub bank: Option<Valid>,
}

impl Report {
    pub fn errors(&self) -> usize {
        self.problems.iter().filter(|p| p.error).count()
    }

    pub fn warnings(&self) -> usize {
        self.problems.len() - self.errors()
    }

    /// The one-line summary for the status region.
    pub fn summary(&self) -> String {
        let read_as = match (self.format, self.detected) {
            (Some(f), true) => format!("Read as {} (detected).", f.name()),
            (Some(f), false) => format!("Read as {} (chosen).", f.name()),
            (None, _) => String::new(),
        };
        let problems = match (self.errors(), self.warnings()) {
            (0, 0) => "No problems.".to_owned(),
            (e, 0) => format!("{}.", plural(e, "problem")),
            (0, w) => format!("{}.", plural(w, "warning")),
            (e, w) => format!(
                "{} ({}, {}).",
                plural(e + w, "problem"),
                plural(e, "error"),
                plural(w, "warning")
            ),
        };
        let bank = match &self.bank {
            Some(b) => format!(" The preview runs {}.", plural(b.questions, "question")),
            None => String::new(),
        };
        [
            read_as.as_str(),
            if read_as.is_empty() { "" } else { " " },
            &problems,
            &bank,
        ]
        .concat()
    }
}

pub fn plural(n: usize, word: &str) -> String {
    format!("{n} {word}{}", if n == 1 { "" } else { "s" })
}

/// Checks `text` read as `chosen`, or as detected when `chosen` is `None`.
pub fn check(text: &str, chosen: Option<Format>, meta: &ImportMeta) -> Report {
    let format = chosen.or_else(|| detect(text));
    let detected = chosen.is_none();
    let Some(format) = format else {
        let problems = if text.trim().is_empty() {
            vec![Problem {
                line: 1,
                column: 1,
                offset: 0,
                error: true,
                text: "the editor is empty: paste, type or drop a bank (JSON, GIFT or Aiken)"
                    .to_owned(),
            }]
        } else {
            vec![Problem {
                line: 1,
                column: 1,
                offset: 0,
                error: true,
                text: "cannot tell the format: not JSON (no opening {), no GIFT {…} answer blocks, no Aiken ANSWER: lines; choose the format in the menu".to_owned(),
            }]
        };
        return Report {
            format: None,
            detected,
            problems,
            bank: None,
        };
    };
    let (problems, bank) = match format.quiz_format() {
        None => check_json(text),
        Some(q) => check_import(text, q, meta),
    };
    Report {
        format: Some(format),
        detected,
        problems,
        bank,
    }
}

/// As `cqbank check`: every diagnostic of the validator, placed by the span lookup.
fn check_json(text: &str) -> (Vec<Problem>, Option<Valid>) {
    let (loaded, diags) = match bank::load(text) {
        Ok((b, warnings)) => (Some(b), warnings),
        Err(diags) => (None, diags),
    };
    let problems = Spans::new(text)
        .locate_all(&diags)
        .iter()
        .map(|at| Problem {
            line: at.line,
            column: at.column,
            offset: at.offset,
            error: at.diagnostic.is_error(),
            text: at.text(),
        })
        .collect();
    (problems, loaded.map(|b| valid(&b, bank::to_json(&b))))
}

/// As `cqbank import`: the importer's problems by line; the converted questions make a
/// bank when the result loads.
fn check_import(
    text: &str,
    format: QuizFormat,
    meta: &ImportMeta,
) -> (Vec<Problem>, Option<Valid>) {
    let converted = convert::convert(format, text, &meta.stem);
    let starts = line_starts(text);
    let at_line = |line: usize| starts.get(line.max(1) - 1).copied().unwrap_or(text.len());
    let mut problems: Vec<Problem> = converted
        .problems
        .iter()
        .map(|p| {
            let line = p.line as usize;
            Problem {
                line: line.max(1),
                column: 1,
                offset: at_line(line),
                error: p.is_error(),
                text: p.message.clone(),
            }
        })
        .collect();
    let place = |text: String| Problem {
        line: 1,
        column: 1,
        offset: 0,
        error: true,
        text,
    };
    if converted.questions.is_empty() {
        if !converted.has_errors() {
            problems.push(place(format!(
                "no question found: this does not look like {}",
                format.name()
            )));
        }
        return (problems, None);
    }
    let bank = Bank::new(
        BankInfo::new(&meta.bank_id(), &meta.bank_title(), &meta.bank_language()),
        converted.questions,
    );
    // The questions were checked one by one; this catches what the bank fields get wrong
    // (an id or title from the form), as `cqbank import` does before writing.
    let json = bank::to_json(&bank);
    let loads = match bank::load(&json) {
        Ok(_) => true,
        Err(diags) => {
            for d in diags.iter().filter(|d| d.is_error()) {
                problems.push(place(format!(
                    "the converted bank is not valid: {}: {}",
                    d.place(),
                    d.problem
                )));
            }
            false
        }
    };
    // In text order; a stable sort keeps the importer's order of ties.
    problems.sort_by_key(|p| (p.line, p.column));
    (problems, loads.then(|| valid(&bank, json)))
}

fn valid(b: &Bank, json: String) -> Valid {
    Valid {
        json,
        id: b.id.clone(),
        title: b.title.clone(),
        questions: b.questions.len(),
    }
}

fn line_starts(text: &str) -> Vec<usize> {
    std::iter::once(0)
        .chain(text.match_indices('\n').map(|(i, _)| i + 1))
        .collect()
}

/// The caret position of a byte offset in `text` as a browser counts it (UTF-16 code
/// units), for `setSelectionRange`.
pub fn utf16_offset(text: &str, byte: usize) -> usize {
    let mut at = byte.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    text[..at].encode_utf16().count()
}

#[cfg(test)]
mod tests {
    use super::*;

    pub const BROKEN: &str = r#"{
  "id": "demo",
  "title": "Demo",
  "version": 1,
  "language": "en",
  "questions": [
    { "id": "q1", "prompt": "One?", "choices": ["a", "b"], "explanation": "x" },
    { "id": "q1", "prompt": "Two?", "choices": ["a", "b"], "answer": 5, "explanation": "y" }
  ]
}"#;

    #[test]
    fn json_problems_come_with_line_column_and_offset() {
        let r = check(BROKEN, None, &ImportMeta::default());
        assert_eq!(r.format, Some(Format::Json));
        assert!(r.detected);
        assert!(r.bank.is_none());
        let lines: Vec<(usize, usize)> = r.problems.iter().map(|p| (p.line, p.column)).collect();
        assert_eq!(lines, vec![(7, 5), (8, 13), (8, 70)], "{:?}", r.problems);
        assert!(r.problems[0].text.contains("answer: is missing"));
        assert!(r.problems[1].text.contains("repeats the id"));
        assert!(r.problems[2].text.contains("5 is out of range"));
        for p in &r.problems {
            assert_eq!(BROKEN[..p.offset].matches('\n').count() + 1, p.line);
        }
        assert_eq!(r.summary(), "Read as JSON (detected). 3 problems.");
    }

    #[test]
    fn a_fixed_json_bank_is_valid_and_normalised() {
        let fixed = BROKEN
            .replace(
                r#""b"], "explanation": "x""#,
                r#""b"], "answer": 0, "explanation": "x""#,
            )
            .replace(
                r#""id": "q1", "prompt": "Two?""#,
                r#""id": "q2", "prompt": "Two?""#,
            )
            .replace(r#""answer": 5"#, r#""answer": 1"#);
        let r = check(&fixed, None, &ImportMeta::default());
        assert_eq!(r.problems, vec![]);
        let b = r.bank.as_ref().expect("valid");
        assert_eq!((b.id.as_str(), b.questions), ("demo", 2));
        assert!(bank::load(&b.json).is_ok());
        assert_eq!(
            r.summary(),
            "Read as JSON (detected). No problems. The preview runs 2 questions."
        );
    }

    #[test]
    fn unknown_fields_are_warnings_and_left_out_of_the_preview() {
        let text = r#"{"id": "d", "title": "D", "version": 1, "language": "en", "questions": [
  {"id": "q1", "prompt": "P?", "choices": ["a", "b"], "answer": 0, "explanation": "E.", "anwser": 1}]}"#;
        let r = check(text, None, &ImportMeta::default());
        assert_eq!(r.errors(), 0);
        assert_eq!(r.warnings(), 1);
        assert_eq!((r.problems[0].line, r.problems[0].column), (2, 89));
        assert!(!r.bank.expect("loads").json.contains("anwser"));
    }

    #[test]
    fn gift_is_detected_and_converted() {
        let gift = "// A sample\n::Capital::What is the capital of France? {=Paris ~Lyon ~Nice ####Paris has been the capital since 987.}\n\n::Sky::The sky is blue. {TRUE ####Scattering.}\n";
        let meta = ImportMeta::default();
        let r = check(gift, None, &meta);
        assert_eq!(r.format, Some(Format::Gift));
        assert_eq!(r.problems, vec![]);
        let b = r.bank.as_ref().expect("converted");
        assert_eq!((b.id.as_str(), b.questions), ("imported", 2));
        assert!(bank::load(&b.json).is_ok());
        assert!(r.summary().starts_with("Read as GIFT (detected)."));
    }

    #[test]
    fn import_problems_point_at_their_line() {
        let gift = "::A::Good? {=yes ~no ####Yes.}\n\n::B::Essay question {}\n";
        let r = check(gift, Some(Format::Gift), &ImportMeta::default());
        assert!(!r.detected);
        assert!(!r.problems.is_empty());
        let p = &r.problems[0];
        assert_eq!(p.line, 3, "{:?}", r.problems);
        assert_eq!(p.offset, gift.find("::B::").unwrap());
        assert_eq!(r.bank.expect("one question converts").questions, 1);
    }

    #[test]
    fn aiken_is_detected_and_named_from_the_file() {
        let aiken = "Which is a colour?\nA) Red\nB) Seven\nANSWER: A\n";
        let meta = ImportMeta {
            stem: "My Quiz".to_owned(),
            ..ImportMeta::default()
        };
        let r = check(aiken, None, &meta);
        assert_eq!(r.format, Some(Format::Aiken));
        let b = r.bank.expect("converted");
        assert_eq!((b.id.as_str(), b.title.as_str()), ("my-quiz", "My Quiz"));
    }

    #[test]
    fn a_bad_bank_id_from_the_form_is_a_problem() {
        let aiken = "Which is a colour?\nA) Red\nB) Seven\nANSWER: A\n";
        let meta = ImportMeta {
            id: "Not an id!".to_owned(),
            ..ImportMeta::default()
        };
        let r = check(aiken, None, &meta);
        assert!(r.bank.is_none());
        assert!(
            r.problems
                .iter()
                .any(|p| p.error && p.text.contains("converted bank is not valid")),
            "{:?}",
            r.problems
        );
    }

    #[test]
    fn empty_and_unrecognisable_text() {
        let r = check("  \n", None, &ImportMeta::default());
        assert_eq!((r.format, r.problems.len()), (None, 1));
        assert!(r.problems[0].text.contains("empty"));
        let r = check("just some words", None, &ImportMeta::default());
        assert!(r.problems[0].text.contains("cannot tell the format"));
        // The menu overrides: read as JSON, it is not valid JSON.
        let r = check(
            "just some words",
            Some(Format::Json),
            &ImportMeta::default(),
        );
        assert!(
            r.problems[0].text.starts_with("not valid JSON"),
            "{:?}",
            r.problems
        );
    }

    #[test]
    fn utf16_offsets() {
        let text = "a😀b\né";
        assert_eq!(utf16_offset(text, 0), 0);
        assert_eq!(utf16_offset(text, 5), 3); // after the emoji: 1 + 2 units
        assert_eq!(utf16_offset(text, text.len()), 6);
        assert_eq!(utf16_offset(text, 2), 1); // inside the emoji: moved back to its start
    }
}
