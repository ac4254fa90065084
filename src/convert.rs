//! Converters from Moodle's plain-text quiz formats, **Aiken** and **GIFT**, into our bank
//! model, for `cqbank import`.
//!
//! Nothing is dropped silently: every question, line or block that cannot be converted is
//! reported as a [`Problem`] with its line number, and so is anything converted with a
//! loss (a placeholder explanation, feedback or partial credit our format cannot hold).
//! Problems are [`Severity::Error`] when the question was *not* imported and
//! [`Severity::Warning`] when it was.
//!
//! Decisions worth knowing:
//!
//! - **Explanations.** Our format requires one; Aiken has none, and GIFT questions often
//!   lack feedback. GIFT questions take the feedback (`#…`) of their right answer(s),
//!   followed by the general feedback (`####…`). When there is nothing to use, the
//!   question is still imported, with the explanation [`EXPLANATION_PLACEHOLDER`], and a
//!   warning names its line. The placeholder is valid text, so the bank loads, but
//!   `cqbank check` flags every explanation that still starts with `TODO` (see
//!   the bank validator) until an author writes a real one. Feedback longer than a bank's
//!   explanation holds ([`bank::MAX_EXPLANATION`] characters) is cut at a word, with `…`
//!   and a warning saying how much was left out, so that the question is kept.
//! - **Validation.** Every converted question goes through the same validator as a bank
//!   ([`bank::load`]); a question it rejects (too long, duplicate choices, too few or too
//!   many choices…) is reported and left out, so the output passes `check` apart from the
//!   placeholder warnings.
//! - **Ids.** Questions get `<prefix>-01`, `<prefix>-02`, … in order, the prefix being the
//!   file stem slugified to `[a-z0-9-]` (see [`id_prefix`]). A GIFT `::title::` becomes the
//!   id instead when its slug is non-empty and no other imported question has the same
//!   one; generated ids skip any number a title already took. Several files imported
//!   into one bank are joined by [`merge`], which renames an id used twice.
//! - **GIFT types.** Multiple choice with one `=` answer becomes a single-answer question.
//!   Without `=`, the answers with a positive `%weight%` are the right ones: two or more
//!   make a select-all question (" (select all that apply)" is added to the prompt, as our
//!   house style asks), one makes a single-answer question. True/false becomes the choices
//!   `True` and `False`; its right-answer feedback is the second `#`. Several `=` answers
//!   in one multiple-choice question (Moodle: any one of them is fully right, which a
//!   bank cannot say) make a select-all question of them, with a warning. Partial credit in a single-answer question is dropped
//!   (the answer counts as wrong), with a warning; so is feedback on wrong answers, since a
//!   question has one explanation. `~=answer` is a right answer, as in Moodle. A
//!   missing-word question (text after `}`, as in `at the {~north =south} gate.`) keeps a
//!   blank `___` in its prompt where the answers were. Short answer, matching,
//!   numerical, essay, description (no `{…}`) and embedded-answer (several `{…}`)
//!   questions are refused.
//! - **Text.** Questions are written in the bank's inline formatting ([`crate::markup`]).
//!   `\~ \= \# \{ \} \: \\` unescape to the character. Format tags `[html]`, `[moodle]`,
//!   `[plain]` and `[markdown]` are stripped. `[plain]`, `[markdown]`, untagged
//!   text without HTML, and Aiken text are plain: line breaks in the file become spaces, runs of spaces collapse, `\n` is a
//!   line break, and `*`, `` ` ``, `\` are escaped so they stay literal (`[markdown]`
//!   markup included: it shows as written). `[html]` text is read with an HTML tokenizer
//!   (the `html` module): entities decoded, whitespace as a browser shows it (`\n` is a
//!   space there), `<em>`/`<i>`, `<strong>`/`<b>`, `<code>`/`<tt>`/`<kbd>` become `*…*`,
//!   `**…**` and backticks, `<br>` and block edges line breaks. Untagged (or `[moodle]`)
//!   text that holds a common HTML tag or an entity (see `looks_like_html`) is read as
//!   `[html]` too, with `\n` a line break, because Moodle's auto-format shows it as HTML:
//!   `<i>Title</i>` is italic there, not markup on show.
//! - **Images.** The first `<img>` of an `[html]` question text becomes the question's
//!   `image`, `src` as written and `alt` from the attribute. Without alt text (absent or
//!   empty) the question is refused, with a message naming the image and saying to add
//!   `alt="…"`: a bank requires alt text, and writing the question with an empty one
//!   would make the widget refuse the whole bank. A `src` in Moodle's file area
//!   (`@@PLUGINFILE@@/…`, which a GIFT export does not include) is kept and warned about.
//! - **HTML not kept.** Anything else the bank format cannot hold — a second image, an
//!   image in an answer or feedback, a link's address, a table's layout, a heading,
//!   sub- and superscript, underline, strike-through, a numbered list's numbers, scripts,
//!   media, unknown elements — is left out with a warning naming each thing and where it
//!   was; the text inside and around it is kept (but not the content of a `<script>` or
//!   `<style>`, which a browser does not show either). `$CATEGORY:` sets the topic of
//!   the questions that follow to the last part of its path.
//! - **Aiken.** The question text may span lines (joined with spaces); options are `A.`
//!   or `A)` lines in order A, B, C… (`A)one`, with no space, too, as Moodle accepts;
//!   `A.one` is not, so that `U.S. law…` stays question text); `ANSWER: X` ends the question. A blank line ends
//!   a question that has no ANSWER yet (reported), so a stray heading or an orphaned
//!   option list is never glued onto the next question.
//!
//! CLI-only: the widget never calls this module, so none of it reaches the wasm.

use std::collections::{HashMap, HashSet};

use crate::bank::{self, Answer, Bank, BankInfo, Image, Question, Severity, Step};
use crate::markup;

mod html;

/// The explanation given to imported questions that came without one.
pub const EXPLANATION_PLACEHOLDER: &str = "TODO: explain why";

const SELECT_ALL: &str = "(select all that apply)";

/// A line or block that was not converted (`Error`), or was converted with a loss
/// (`Warning`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// 1-based line in the imported file.
    pub line: u32,
    pub severity: Severity,
    pub message: String,
}

impl Problem {
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

/// What a conversion produced: the questions that converted, and every problem, by line.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Converted {
    pub questions: Vec<Question>,
    pub problems: Vec<Problem>,
}

impl Converted {
    /// Whether some question, line or block could not be converted.
    pub fn has_errors(&self) -> bool {
        self.problems.iter().any(Problem::is_error)
    }

    /// A bank holding the imported questions: version 1, default pass mark, and the
    /// topics in the order questions first use them.
    pub fn into_bank(self, id: &str, title: &str, language: &str) -> Bank {
        Bank::new(BankInfo::new(id, title, language), self.questions)
    }
}

/// Lowercase ASCII letters and digits, everything else folded into single `-`, no `-` at
/// either end. May be empty.
pub fn slugify(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    out
}

/// The id prefix for questions imported from a file with this stem: its slug, cut so
/// that `<prefix>-NNN` fits in an id, or `q` when nothing is left.
pub fn id_prefix(stem: &str) -> String {
    let mut slug = slugify(stem);
    slug.truncate(bank::MAX_ID - 4);
    while slug.ends_with('-') {
        slug.pop();
    }
    if slug.is_empty() {
        slug.push('q');
    }
    slug
}

/// The two source formats.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum QuizFormat {
    Aiken,
    Gift,
}

impl QuizFormat {
    pub fn name(self) -> &'static str {
        match self {
            QuizFormat::Aiken => "Aiken",
            QuizFormat::Gift => "GIFT",
        }
    }
}

/// Converts `text` in the given format. `stem` is the file stem, for question ids.
pub fn convert(format: QuizFormat, text: &str, stem: &str) -> Converted {
    match format {
        QuizFormat::Aiken => aiken(text, stem),
        QuizFormat::Gift => gift(text, stem),
    }
}

/// The format the text is written in, from its content (one pass, whatever the file is
/// called: Moodle exports GIFT as `.txt`), or `None` when it shows no sign of either.
///
/// GIFT signs: unescaped `{` answer blocks (with a `}` somewhere), `::title::` and
/// `$CATEGORY:` lines. Aiken signs: `ANSWER:` lines, counted only when there are lettered
/// option lines too. The format with more signs wins; Aiken wins a tie, since a GIFT file
/// has no reason to hold `ANSWER:` lines while an Aiken prompt may show a brace.
pub fn detect(text: &str) -> Option<QuizFormat> {
    let (mut gift_signs, mut opens, mut closes) = (0usize, 0usize, 0usize);
    let (mut answers, mut options) = (0usize, 0usize);
    for line in text.lines() {
        let line = line.trim().trim_start_matches('\u{feff}');
        if line.starts_with("//") {
            continue;
        }
        if line.starts_with("$CATEGORY:")
            || line
                .strip_prefix("::")
                .is_some_and(|rest| rest.contains("::"))
        {
            gift_signs += 1;
        }
        if aiken_answer(line).is_some() {
            answers += 1;
        } else if aiken_option(line).is_some() {
            options += 1;
        }
        let mut escaped = false;
        for c in line.chars() {
            match c {
                _ if escaped => escaped = false,
                '\\' => escaped = true,
                '{' => opens += 1,
                '}' => closes += 1,
                _ => {}
            }
        }
    }
    if closes > 0 {
        gift_signs += opens;
    }
    let aiken_signs = if options > 0 { answers } else { 0 };
    if aiken_signs > 0 && aiken_signs >= gift_signs {
        Some(QuizFormat::Aiken)
    } else if gift_signs > 0 {
        Some(QuizFormat::Gift)
    } else {
        None
    }
}

/// What [`merge`] did to keep ids unique: in part `part`, the question `from` became `to`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Renamed {
    pub part: usize,
    pub from: String,
    pub to: String,
}

/// The questions of several imports in one list, in order, with unique ids: a question
/// whose id an earlier question already has (two files with the same stem, or a GIFT
/// title that matches another file's id) becomes `<id>-2`, `<id>-3`, … (the first free
/// one, cut to fit [`bank::MAX_ID`]). One hash set, so linear in the question count.
pub fn merge(parts: Vec<Converted>) -> (Vec<Question>, Vec<Renamed>) {
    let total = parts.iter().map(|p| p.questions.len()).sum();
    // Every id as imported, so a renamed question never takes an id a later one brings.
    let mut taken: HashSet<String> = HashSet::with_capacity(total);
    let mut questions = Vec::with_capacity(total);
    let mut renamed = Vec::new();
    let mut seen: HashSet<String> = HashSet::with_capacity(total);
    let mut next: HashMap<String, usize> = HashMap::new();
    for p in &parts {
        taken.extend(p.questions.iter().map(|q| q.id.clone()));
    }
    for (part, converted) in parts.into_iter().enumerate() {
        for mut q in converted.questions {
            if !seen.insert(q.id.clone()) {
                // Where the search for a free suffix resumes for this id, so many copies
                // of one id do not search from 2 each time.
                let n = next.entry(q.id.clone()).or_insert(2);
                let id = loop {
                    let suffix = format!("-{}", *n);
                    let mut base = q.id.clone();
                    base.truncate(bank::MAX_ID - suffix.len());
                    let candidate = [base.trim_end_matches('-'), &suffix].concat();
                    *n += 1;
                    if !taken.contains(&candidate) {
                        break candidate;
                    }
                };
                taken.insert(id.clone());
                seen.insert(id.clone());
                renamed.push(Renamed {
                    part,
                    from: std::mem::replace(&mut q.id, id.clone()),
                    to: id,
                });
            }
            questions.push(q);
        }
    }
    (questions, renamed)
}

/// A question converted from the source, before it gets its id.
struct Draft {
    line: u32,
    /// Slug of the GIFT title, if any.
    title: String,
    question: Question,
    warnings: Vec<Problem>,
}

/// Collects drafts and problems, then validates and numbers the drafts.
struct Collector {
    drafts: Vec<Draft>,
    problems: Vec<Problem>,
}

impl Collector {
    fn new() -> Self {
        Collector {
            drafts: Vec::new(),
            problems: Vec::new(),
        }
    }

    fn error(&mut self, line: u32, message: String) {
        self.problems.push(Problem {
            line,
            severity: Severity::Error,
            message: ["not imported: ", &message].concat(),
        });
    }

    fn finish(mut self, stem: &str, empty_input: bool) -> Converted {
        if self.drafts.is_empty() && self.problems.is_empty() {
            let why = if empty_input {
                "the file is empty"
            } else {
                "no questions found"
            };
            self.error(1, why.to_owned());
        }
        // Validate each question on its own with the bank validator.
        let mut kept = Vec::new();
        for mut d in std::mem::take(&mut self.drafts) {
            if let Some(left_out) = fit_explanation(&mut d.question.explanation) {
                d.warnings.push(Problem {
                    line: d.line,
                    severity: Severity::Warning,
                    message: format!(
                        "explanation cut to the {} characters a bank holds ({left_out} characters of feedback left out)",
                        bank::MAX_EXPLANATION
                    ),
                });
            }
            let errors = validate(&d.question);
            if errors.is_empty() {
                if d.question.explanation.is_empty() {
                    d.question.explanation = EXPLANATION_PLACEHOLDER.to_owned();
                    d.warnings.push(Problem {
                        line: d.line,
                        severity: Severity::Warning,
                        message: format!("no explanation to import: wrote \"{EXPLANATION_PLACEHOLDER}\" (replace it)"),
                    });
                }
                self.problems.append(&mut d.warnings);
                kept.push(d);
            } else {
                for e in errors {
                    self.error(d.line, e);
                }
            }
        }
        // Ids: unique title slugs first, then numbers for the rest. Counted with maps so
        // a 75,000-question file imports in linear time.
        let prefix = id_prefix(stem);
        let mut uses: HashMap<&str, usize> = HashMap::new();
        for d in &kept {
            *uses.entry(d.title.as_str()).or_default() += 1;
        }
        let taken: HashSet<String> = uses
            .into_iter()
            .filter(|&(title, count)| !title.is_empty() && count == 1)
            .map(|(title, _)| title.to_owned())
            .collect();
        let mut n = 0;
        let mut questions = Vec::new();
        for mut d in kept {
            d.question.id = if taken.contains(&d.title) {
                d.title
            } else {
                loop {
                    n += 1;
                    let id = format!("{prefix}-{n:02}");
                    if !taken.contains(&id) {
                        break id;
                    }
                }
            };
            questions.push(d.question);
        }
        self.problems.sort_by_key(|p| p.line);
        Converted {
            questions,
            problems: self.problems,
        }
    }
}

/// Cuts an explanation longer than a bank holds (Moodle feedback has no limit) at the last
/// word that fits, with `…`, so that the question is kept; the number of characters left
/// out, if any. Whole words only, so no formatting marker or escape is split.
fn fit_explanation(explanation: &mut String) -> Option<usize> {
    let total = explanation.chars().count();
    if total <= bank::MAX_EXPLANATION {
        return None;
    }
    // Byte index of the character that would be the last to fit before the `…`.
    let limit = explanation
        .char_indices()
        .nth(bank::MAX_EXPLANATION - 1)
        .map_or(explanation.len(), |(i, _)| i);
    let head = &explanation[..limit];
    let cut = head
        .rfind(char::is_whitespace)
        .map_or(head, |i| &head[..i])
        .trim_end();
    let kept = cut.chars().count();
    *explanation = [cut, "…"].concat();
    Some(total - kept)
}

/// The validator's errors for one question, as `field: message`. The id is not checked
/// (ids are given later) and the explanation may be empty (a placeholder is filled in).
fn validate(q: &Question) -> Vec<String> {
    let mut q = q.clone();
    q.id = "imported".to_owned();
    if q.explanation.is_empty() {
        q.explanation = EXPLANATION_PLACEHOLDER.to_owned();
    }
    let alt_path = [Step::Key("image".to_owned()), Step::Key("alt".to_owned())];
    bank::check_question(&q)
        .iter()
        .map(|d| match &q.image {
            Some(image) if d.path == alt_path && image.alt.trim().is_empty() => format!(
                "the image \"{}\" has no alt text, which a bank requires (for people who cannot see it): add alt=\"…\" to its <img> and import again",
                image.src
            ),
            _ => d.to_string(),
        })
        .collect()
}

fn line_no(index: usize) -> u32 {
    u32::try_from(index + 1).unwrap_or(u32::MAX)
}

fn new_question(
    topic: &str,
    prompt: String,
    choices: Vec<String>,
    answer: Answer,
    explanation: String,
) -> Question {
    Question {
        id: String::new(),
        topic: topic.to_owned(),
        difficulty: 0,
        prompt,
        choices,
        answer,
        explanation,
        source: String::new(),
        image: None,
        fixed_order: false,
    }
}

// ---------------------------------------------------------------------------------------
// Aiken

/// `A. text` or `A) text` (capital letter): the letter's index and the text.
fn aiken_option(line: &str) -> Option<(usize, &str)> {
    let mut chars = line.chars();
    let letter = chars.next().filter(char::is_ascii_uppercase)?;
    let delim = chars.next()?;
    if delim != '.' && delim != ')' {
        return None;
    }
    let rest = chars.as_str();
    // "A)one" is an option (Moodle reads it so); "U.S. law…" is not.
    if delim == '.' && !rest.is_empty() && !rest.starts_with([' ', '\t']) {
        return None;
    }
    Some((usize::from(letter as u8 - b'A'), rest.trim()))
}

/// `ANSWER: X` (any case, spaces around the colon allowed): what follows the colon.
fn aiken_answer(line: &str) -> Option<&str> {
    let head = line.get(..6)?;
    if !head.eq_ignore_ascii_case("answer") {
        return None;
    }
    line[6..].trim_start().strip_prefix(':').map(str::trim)
}

fn letter(i: usize) -> char {
    char::from(b'A' + (i % 26) as u8)
}

/// Converts Aiken text. `stem` is the file stem, for question ids.
pub fn aiken(text: &str, stem: &str) -> Converted {
    #[derive(PartialEq)]
    enum State {
        Idle,
        /// Question text read, no option yet.
        Prompt,
        /// At least one option read.
        Options,
        /// Lines of a block that was already reported, up to its ANSWER line.
        Skip,
    }
    /// Reports a question cut short by a blank line or the end of the file.
    fn unfinished(c: &mut Collector, state: &State, start: u32, bad_options: bool) {
        match state {
            State::Prompt => c.error(
                start,
                "question text without options or ANSWER line".to_owned(),
            ),
            State::Options if !bad_options => c.error(
                start,
                "question has no ANSWER line after its options".to_owned(),
            ),
            _ => {}
        }
    }
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut c = Collector::new();
    let mut state = State::Idle;
    let mut start = 0u32;
    let mut prompt: Vec<&str> = Vec::new();
    let mut choices: Vec<String> = Vec::new();
    let mut bad_options = false;

    for (i, raw) in text.lines().enumerate() {
        let line_number = line_no(i);
        let line = raw.trim();
        if line.is_empty() {
            // A blank line ends an unfinished question (and a reported block).
            unfinished(&mut c, &state, start, bad_options);
            prompt.clear();
            choices.clear();
            bad_options = false;
            state = State::Idle;
            continue;
        }
        if let Some(given) = aiken_answer(line) {
            match state {
                State::Idle => c.error(
                    line_number,
                    "ANSWER line without a question before it".to_owned(),
                ),
                State::Skip => {}
                State::Prompt => c.error(
                    start,
                    "question has no options (\"A. …\" lines before ANSWER)".to_owned(),
                ),
                State::Options if bad_options => {}
                State::Options => {
                    let letters: Vec<char> = given
                        .chars()
                        .filter(char::is_ascii_alphanumeric)
                        .map(|ch| ch.to_ascii_uppercase())
                        .collect();
                    let last = letter(choices.len().saturating_sub(1));
                    match letters.as_slice() {
                        [] => c.error(line_number, "ANSWER has no letter".to_owned()),
                        [l] if l.is_ascii_uppercase() && ((*l as u8 - b'A') as usize) < choices.len() => {
                            let answer = Answer::Single((*l as u8 - b'A') as usize);
                            c.drafts.push(Draft {
                                line: start,
                                title: String::new(),
                                question: new_question(
                                    "",
                                    markup::escape(&prompt.join(" ")),
                                    std::mem::take(&mut choices),
                                    answer,
                                    String::new(),
                                ),
                                warnings: Vec::new(),
                            });
                        }
                        [_] => c.error(
                            line_number,
                            format!("ANSWER \"{given}\" is not one of the options (A to {last})"),
                        ),
                        _ => c.error(
                            line_number,
                            format!("ANSWER \"{given}\" names more than one letter; Aiken questions have one right answer"),
                        ),
                    }
                }
            }
            state = State::Idle;
            prompt.clear();
            choices.clear();
            bad_options = false;
            continue;
        }
        if let Some((index, option)) = aiken_option(line) {
            match state {
                State::Idle => {
                    c.error(
                        line_number,
                        format!("option \"{}\" without a question before it", letter(index)),
                    );
                    state = State::Skip;
                }
                State::Skip => {}
                State::Prompt | State::Options => {
                    if !bad_options && index != choices.len() {
                        c.error(
                            line_number,
                            format!(
                                "option \"{}\" is out of order: expected \"{}\" (each option on one line, lettered A, B, C…)",
                                letter(index),
                                letter(choices.len())
                            ),
                        );
                        bad_options = true;
                    }
                    // Aiken text is plain: `*`, `` ` `` and `\` stay literal.
                    choices.push(markup::escape(option));
                    state = State::Options;
                }
            }
            continue;
        }
        // Question text.
        match state {
            State::Prompt => prompt.push(line),
            State::Options => {
                if !bad_options {
                    c.error(
                        start,
                        "question has no ANSWER line after its options".to_owned(),
                    );
                }
                choices.clear();
                bad_options = false;
                prompt.clear();
                prompt.push(line);
                start = line_number;
                state = State::Prompt;
            }
            State::Idle | State::Skip => {
                prompt.clear();
                prompt.push(line);
                start = line_number;
                state = State::Prompt;
            }
        }
    }
    unfinished(&mut c, &state, start, bad_options);
    c.finish(stem, text.trim().is_empty())
}

// ---------------------------------------------------------------------------------------
// GIFT

/// One character of a GIFT question block, with its line.
#[derive(Clone, Copy)]
struct Ch {
    c: char,
    line: u32,
}

/// First unescaped occurrence of `pat` in `s` at or after `from`.
fn find(s: &[Ch], pat: &str, from: usize) -> Option<usize> {
    let pat: Vec<char> = pat.chars().collect();
    let mut i = from;
    while i < s.len() {
        if s[i].c == '\\' {
            i += 2;
            continue;
        }
        if s.len() - i >= pat.len() && s[i..i + pat.len()].iter().zip(&pat).all(|(a, b)| a.c == *b)
        {
            return Some(i);
        }
        i += 1;
    }
    None
}

/// Last unescaped occurrence of `pat` in `s`.
fn rfind(s: &[Ch], pat: &str) -> Option<usize> {
    let mut last = None;
    let mut from = 0;
    while let Some(i) = find(s, pat, from) {
        last = Some(i);
        from = i + 1;
    }
    last
}

/// Splits at every unescaped `sep`; at most `limit` parts.
fn split(s: &[Ch], sep: char, limit: usize) -> Vec<&[Ch]> {
    let mut parts = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < s.len() {
        if s[i].c == '\\' {
            i += 2;
            continue;
        }
        if s[i].c == sep && parts.len() + 1 < limit {
            parts.push(&s[start..i]);
            start = i + 1;
        }
        i += 1;
    }
    parts.push(&s[start.min(s.len())..]);
    parts
}

fn trim(s: &[Ch]) -> &[Ch] {
    let start = s
        .iter()
        .position(|c| !c.c.is_whitespace())
        .unwrap_or(s.len());
    let end = s
        .iter()
        .rposition(|c| !c.c.is_whitespace())
        .map_or(start, |e| e + 1);
    &s[start..end.max(start)]
}

fn raw(s: &[Ch]) -> String {
    s.iter().map(|c| c.c).collect()
}

#[derive(Clone, Copy, PartialEq)]
enum Format {
    /// No tag, or `[moodle]`: Moodle's auto-format, plain text in which HTML tags work.
    Moodle,
    /// `[plain]` and `[markdown]`: shown as written.
    Plain,
    Html,
}

/// Whether Moodle auto-format text holds HTML: a tag of a common element (`<i>`, `</b>`,
/// `<br/>`, `<div id=…>`…) or an entity (`&eacute;`, `&#233;`). Moodle renders such text
/// as HTML; a `<` that starts no such tag (`List<String>`, `a < b`) keeps the text plain.
fn looks_like_html(s: &str) -> bool {
    const TAGS: &[&str] = &[
        "a",
        "abbr",
        "b",
        "big",
        "blockquote",
        "br",
        "center",
        "cite",
        "code",
        "del",
        "div",
        "em",
        "font",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "hr",
        "i",
        "img",
        "ins",
        "kbd",
        "li",
        "ol",
        "p",
        "pre",
        "q",
        "s",
        "small",
        "span",
        "strike",
        "strong",
        "sub",
        "sup",
        "table",
        "td",
        "th",
        "tr",
        "tt",
        "u",
        "ul",
    ];
    let b = s.as_bytes();
    b.iter().enumerate().any(|(i, &c)| match c {
        b'<' => {
            let start = i + 1 + usize::from(b.get(i + 1) == Some(&b'/'));
            let end = b[start..]
                .iter()
                .position(|c| !c.is_ascii_alphanumeric())
                .map_or(b.len(), |n| start + n);
            let name = s[start..end].to_ascii_lowercase();
            matches!(b.get(end), Some(b'>' | b'/' | b' ' | b'\t' | b'\n'))
                && TAGS.contains(&name.as_str())
        }
        b'&' => {
            let rest = &b[i + 1..];
            let (digits, from) = match rest {
                [b'#', b'x' | b'X', ..] => (true, 2),
                [b'#', ..] => (true, 1),
                _ => (false, 0),
            };
            let n = rest[from..]
                .iter()
                .take_while(|c| {
                    if digits {
                        c.is_ascii_hexdigit()
                    } else {
                        c.is_ascii_alphanumeric()
                    }
                })
                .count();
            // No entity name has one letter, so "AT&T;" stays text.
            n > usize::from(!digits) && rest.get(from + n) == Some(&b';')
        }
        _ => false,
    })
}

/// Where a text field sits in its question, for the report of what its HTML lost.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Place {
    Question,
    Answer,
    Feedback,
}

impl Place {
    fn name(self) -> &'static str {
        match self {
            Place::Question => "the question text",
            Place::Answer => "an answer",
            Place::Feedback => "feedback",
        }
    }
}

/// What the `[html]` fields of one question could not keep, and its images.
#[derive(Default)]
struct Lost {
    /// The images of the question text, in order.
    images: Vec<html::Img>,
    /// What was dropped and where, each named once, in order.
    dropped: Vec<String>,
    seen: HashSet<String>,
    /// The last image dropped from an answer, to explain an answer left empty.
    answer_image: Option<String>,
}

impl Lost {
    fn drop(&mut self, what: String) {
        if self.seen.insert(what.clone()) {
            self.dropped.push(what);
        }
    }

    /// The report: the first few things dropped, and how many more.
    fn message(&self) -> String {
        const SHOWN: usize = 12;
        let mut list = self.dropped[..self.dropped.len().min(SHOWN)].join("; ");
        if self.dropped.len() > SHOWN {
            list.push_str(&format!("; and {} more", self.dropped.len() - SHOWN));
        }
        format!("HTML not kept (the text around it is): {list}")
    }
}

/// A text field as bank text (see [`crate::markup`]): the format tag stripped, GIFT
/// escapes resolved, then `[html]` converted ([`html::convert`]) or, for the other
/// formats, spaces collapsed and `*`, `` ` ``, `\` escaped so they stay literal. The
/// format of the question text is inherited by its answers and feedback. What HTML
/// could not keep, and the question text's images, go to `lost`.
fn text(s: &[Ch], inherited: Format, place: Place, lost: &mut Lost) -> (String, Format) {
    let mut s = trim(s);
    let mut format = inherited;
    if s.first().is_some_and(|c| c.c == '[') {
        if let Some(end) = s.iter().position(|c| c.c == ']') {
            let tag = raw(&s[1..end]);
            let known = match tag.as_str() {
                "html" => Some(Format::Html),
                "moodle" => Some(Format::Moodle),
                "plain" | "markdown" => Some(Format::Plain),
                _ => None,
            };
            if let Some(f) = known {
                format = f;
                s = &s[end + 1..];
            }
        }
    }
    let mut html = format == Format::Html;
    // Unescape. An escaped "\n" is a line break (kept as \u{0} until spaces collapse),
    // except in HTML, where a newline is a space as in a browser (<br> breaks a line).
    let mut out = String::new();
    let mut i = 0;
    while i < s.len() {
        let c = s[i].c;
        if c == '\\' {
            match s.get(i + 1).map(|n| n.c) {
                Some(n @ ('~' | '=' | '#' | '{' | '}' | ':' | '\\')) => out.push(n),
                Some('n') => out.push(if html { ' ' } else { '\u{0}' }),
                Some(n) => {
                    out.push('\\');
                    out.push(n);
                }
                None => out.push('\\'),
            }
            i += 2;
            continue;
        }
        out.push(c);
        i += 1;
    }
    // Moodle auto-format with HTML in it is shown as HTML (its line breaks as <br>).
    if format == Format::Moodle && looks_like_html(&out) {
        out = out.replace('\u{0}', "<br>");
        html = true;
    }
    if html {
        let converted = html::convert(&out);
        for image in converted.images {
            if place == Place::Question {
                lost.images.push(image);
            } else {
                lost.drop(format!(
                    "the image \"{}\" in {} (only the question text can have one)",
                    image.src,
                    place.name()
                ));
                if place == Place::Answer {
                    lost.answer_image = Some(image.src);
                }
            }
        }
        for what in converted.dropped {
            lost.drop(format!("{what} in {}", place.name()));
        }
        return (converted.text, format);
    }
    let text = out
        .split('\u{0}')
        .map(|line| markup::escape(&line.split_whitespace().collect::<Vec<_>>().join(" ")))
        .collect::<Vec<_>>()
        .join("\n");
    (text.trim().to_owned(), format)
}

/// A `%weight%` prefix: whether the weight is positive, and the rest of the answer. A `%`
/// that starts no weight, not even a mistyped one (`%50 x`, `%abc%x`), starts the
/// answer's text, as Moodle reads it: `~%run`, `~%%time`.
fn weight(s: &[Ch]) -> Result<(Option<bool>, &[Ch]), String> {
    let t = trim(s);
    let meant = match t.get(1).map(|c| c.c) {
        Some('-' | '0'..='9') => true,
        Some(c) if c != '%' && !c.is_whitespace() => t[2..]
            .iter()
            .take_while(|c| !c.c.is_whitespace())
            .any(|c| c.c == '%'),
        _ => false,
    };
    if t.first().map(|c| c.c) != Some('%') || !meant {
        return Ok((None, s));
    }
    let Some(end) = t[1..].iter().position(|c| c.c == '%').map(|e| e + 1) else {
        return Err(format!("answer weight \"{}\" has no closing '%'", raw(t)));
    };
    let w = raw(&t[1..end]);
    let digits = w.strip_prefix('-').unwrap_or(&w);
    let (int, frac) = digits.split_once('.').unwrap_or((digits, ""));
    let valid = !int.is_empty()
        && int.bytes().all(|b| b.is_ascii_digit())
        && frac.bytes().all(|b| b.is_ascii_digit());
    if !valid {
        return Err(format!("answer weight \"%{w}%\" is not a number"));
    }
    let positive = !w.starts_with('-') && digits.bytes().any(|b| (b'1'..=b'9').contains(&b));
    Ok((Some(positive), &t[end + 1..]))
}

/// One multiple-choice answer: its marker, whether it earns credit, text and feedback.
struct Choice {
    marker: char,
    positive: bool,
    text: String,
    feedback: String,
}

fn join_explanation(parts: &[&str]) -> String {
    parts
        .iter()
        .filter(|p| !p.is_empty())
        .copied()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Converts GIFT text. `stem` is the file stem, for question ids.
pub fn gift(text: &str, stem: &str) -> Converted {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut c = Collector::new();
    let mut topic = String::new();
    // Blocks of lines separated by blank lines; comment lines are left out.
    let mut block: Vec<Ch> = Vec::new();
    let mut lines = text.lines().enumerate().peekable();
    while let Some((i, line)) = lines.next() {
        let blank = line.trim().is_empty();
        if !blank && !line.trim_start().starts_with("//") {
            if !block.is_empty() {
                block.push(Ch {
                    c: '\n',
                    line: line_no(i),
                });
            }
            block.extend(line.chars().map(|ch| Ch {
                c: ch,
                line: line_no(i),
            }));
        }
        if (blank || lines.peek().is_none()) && !block.is_empty() {
            gift_block(&mut c, &block, &mut topic);
            block.clear();
        }
    }
    c.finish(stem, text.trim().is_empty())
}

fn gift_block(c: &mut Collector, block: &[Ch], topic: &mut String) {
    let mut s = trim(block);
    let Some(first) = s.first() else { return };
    let start = first.line;
    // $CATEGORY: sets the topic; any lines after it in the same block are a question.
    if raw(&s[..s.len().min(10)]) == "$CATEGORY:" {
        let end = s.iter().position(|c| c.c == '\n').unwrap_or(s.len());
        let path = raw(&s[10..end]);
        *topic = path.rsplit('/').next().unwrap_or("").trim().to_owned();
        s = trim(&s[end..]);
        if s.is_empty() {
            return;
        }
    }
    let start = s.first().map_or(start, |c| c.line);

    // ::title::
    let mut title = String::new();
    if s.len() >= 2 && s[0].c == ':' && s[1].c == ':' {
        let Some(end) = find(s, "::", 2) else {
            c.error(
                start,
                "the question title opened with \"::\" is not closed with \"::\"".to_owned(),
            );
            return;
        };
        title = slugify(
            &text(
                &s[2..end],
                Format::Moodle,
                Place::Question,
                &mut Lost::default(),
            )
            .0,
        );
        title.truncate(bank::MAX_ID);
        while title.ends_with('-') {
            title.pop();
        }
        s = &s[end + 2..];
    }

    let open = find(s, "{", 0);
    let close = find(s, "}", 0);
    let (open, close) = match (open, close) {
        (None, None) => {
            c.error(
                start,
                "no answers in { } (a description, not a question)".to_owned(),
            );
            return;
        }
        (Some(o), None) => {
            c.error(
                s[o].line,
                "'{' is not closed with '}' (a blank line ends a question, inside { } too, as in Moodle)".to_owned(),
            );
            return;
        }
        (None, Some(cl)) => {
            c.error(
                s[cl].line,
                "'}' without '{' before it (write \\} for a brace in text)".to_owned(),
            );
            return;
        }
        (Some(o), Some(cl)) if cl < o => {
            c.error(
                s[cl].line,
                "'}' without '{' before it (write \\} for a brace in text)".to_owned(),
            );
            return;
        }
        (Some(o), Some(cl)) => (o, cl),
    };
    if let Some(inner) = find(&s[..close], "{", open + 1) {
        c.error(
            s[inner].line,
            "'{' inside an answer block (write \\{ for a brace in text)".to_owned(),
        );
        return;
    }
    let after = trim(&s[close + 1..]);
    if find(after, "{", 0).is_some() {
        c.error(
            start,
            "more than one answer block (embedded answers) is not supported".to_owned(),
        );
        return;
    }
    let mut lost = Lost::default();
    let (mut prompt, format) = text(&s[..open], Format::Moodle, Place::Question, &mut lost);
    if !after.is_empty() {
        // Missing word: the answers stand in for a gap in the sentence.
        prompt = blank_in(&prompt, &text(after, format, Place::Question, &mut lost).0);
    }

    let mut answers = trim(&s[open + 1..close]);
    let mut general = String::new();
    if let Some(g) = rfind(answers, "####") {
        general = text(&answers[g + 4..], format, Place::Feedback, &mut lost).0;
        answers = trim(&answers[..g]);
    }
    let has = |pat: &str| find(answers, pat, 0).is_some();
    let mut warnings = Vec::new();
    let (choices, answer, explanation) = if answers.is_empty() {
        c.error(start, "essay question ({}) is not supported".to_owned());
        return;
    } else if answers[0].c == '#' {
        c.error(
            start,
            "numerical question ({#…}) is not supported".to_owned(),
        );
        return;
    } else if has("~") {
        match multiple_choice(answers, format, &mut lost) {
            Ok((choices, answer, explanation, notes)) => {
                warnings = notes
                    .into_iter()
                    .map(|m| Problem {
                        line: start,
                        severity: Severity::Warning,
                        message: m,
                    })
                    .collect();
                (choices, answer, join_explanation(&[&explanation, &general]))
            }
            Err(e) => {
                c.error(start, e);
                return;
            }
        }
    } else if has("=") && has("->") {
        c.error(
            start,
            "matching question (=… -> …) is not supported".to_owned(),
        );
        return;
    } else {
        let parts = split(answers, '#', 3);
        let key = raw(trim(parts[0])).to_ascii_uppercase();
        let right = match key.as_str() {
            "T" | "TRUE" => 0,
            "F" | "FALSE" => 1,
            _ => {
                c.error(
                    start,
                    "short-answer question ({=…} with no ~ answers) is not supported".to_owned(),
                );
                return;
            }
        };
        let mut feedback = |k: usize| {
            parts
                .get(k)
                .map(|p| text(p, format, Place::Feedback, &mut lost).0)
                .unwrap_or_default()
        };
        let wrong_feedback = feedback(1);
        let right_feedback = feedback(2);
        if !wrong_feedback.is_empty() {
            warnings.push(Problem {
                line: start,
                severity: Severity::Warning,
                message:
                    "feedback for the wrong answer not imported (a question has one explanation)"
                        .to_owned(),
            });
        }
        (
            vec!["True".to_owned(), "False".to_owned()],
            Answer::Single(right),
            join_explanation(&[&right_feedback, &general]),
        )
    };
    if answer.is_multiple() && !prompt.to_ascii_lowercase().ends_with(SELECT_ALL) {
        prompt = [prompt.as_str(), " ", SELECT_ALL].concat();
    }
    let mut question = new_question(topic, prompt, choices, answer, explanation);
    // The first image of the question text is the question's; an alt missing or empty
    // stays empty, and the validator refuses it with a message saying what to add.
    let mut images = std::mem::take(&mut lost.images).into_iter();
    if let Some(first) = images.next() {
        let alt = first.alt.unwrap_or_default();
        question.image = Some(Image {
            src: first.src,
            alt: alt.split_whitespace().collect::<Vec<_>>().join(" "),
        });
    }
    for other in images {
        lost.drop(format!(
            "the image \"{}\" after the first one (a question has one image)",
            other.src
        ));
    }
    let mut warn = |message: String| {
        warnings.push(Problem {
            line: start,
            severity: Severity::Warning,
            message,
        })
    };
    if let Some(image) = question
        .image
        .as_ref()
        .filter(|i| i.src.contains(PLUGINFILE))
    {
        warn(format!(
            "the image \"{}\" is a file inside Moodle, which a GIFT export does not include: put the file beside the bank and change the image's \"src\" to its name",
            image.src
        ));
    }
    if !lost.dropped.is_empty() {
        warn(lost.message());
    }
    c.drafts.push(Draft {
        line: start,
        title,
        question,
        warnings,
    });
}

/// A missing-word prompt: the text before the answer block, a blank, the text after.
fn blank_in(before: &str, after: &str) -> String {
    let mut out = before.to_owned();
    if !out.is_empty() && !out.ends_with(['(', '"', '\'', '\n']) {
        out.push(' ');
    }
    out.push_str(BLANK);
    if !after.is_empty() && !after.starts_with(['.', ',', ';', ':', '!', '?', ')', '"', '\'']) {
        out.push(' ');
    }
    out.push_str(after);
    out
}

/// How Moodle's GIFT export writes the address of a file stored in Moodle.
const PLUGINFILE: &str = "@@PLUGINFILE@@";

/// What stands for the answers in a missing-word question's prompt.
const BLANK: &str = "___";

type AnswerBlock = (Vec<String>, Answer, String, Vec<String>);

/// `{=right ~wrong}` or `{~%50%a ~%50%b ~%-100%c}`: choices, answer, right feedback, notes.
fn multiple_choice(answers: &[Ch], format: Format, lost: &mut Lost) -> Result<AnswerBlock, String> {
    // Each unescaped '=' or '~' starts an answer: (where, marker, where its text starts).
    // "~=" is one right answer, as Moodle reads it.
    let mut starts: Vec<(usize, char, usize)> = Vec::new();
    let mut i = 0;
    while i < answers.len() {
        match answers[i].c {
            '\\' => i += 1,
            '~' if answers.get(i + 1).is_some_and(|n| n.c == '=') => {
                starts.push((i, '=', i + 2));
                i += 1;
            }
            m @ ('=' | '~') => starts.push((i, m, i + 1)),
            _ => {}
        }
        i += 1;
    }
    let first = starts.first().map_or(answers.len(), |s| s.0);
    if !trim(&answers[..first]).is_empty() {
        return Err(format!(
            "text before the first answer: \"{}\" (answers start with = or ~)",
            raw(trim(&answers[..first]))
        ));
    }
    let mut list = Vec::new();
    for (k, &(_, marker, body_start)) in starts.iter().enumerate() {
        let end = starts.get(k + 1).map_or(answers.len(), |s| s.0);
        let body = &answers[body_start..end];
        let (w, body) = weight(body)?;
        let parts = split(body, '#', 2);
        lost.answer_image = None;
        let answer = text(parts[0], format, Place::Answer, lost).0;
        if let Some(src) = lost.answer_image.take().filter(|_| answer.is_empty()) {
            return Err(format!(
                "answer {} is only an image (\"{src}\"), and only the question text can have one: write the answer in words",
                k + 1
            ));
        }
        list.push(Choice {
            marker,
            positive: w.unwrap_or(marker == '='),
            text: answer,
            feedback: parts
                .get(1)
                .map(|p| text(p, format, Place::Feedback, lost).0)
                .unwrap_or_default(),
        });
    }
    let equals = list.iter().filter(|a| a.marker == '=').count();
    let mut notes = Vec::new();
    let right: Vec<usize> = if equals > 0 {
        if equals > 1 {
            // Moodle gives full marks for any one of them; a bank question cannot say
            // "any one of", and select-all keeps every right answer right.
            notes.push(format!(
                "{equals} answers are marked '=' (in Moodle any one of them is fully right): imported as select-all, so a learner must choose all {equals}"
            ));
        }
        for a in list.iter().filter(|a| a.marker == '~' && a.positive) {
            notes.push(format!(
                "partial credit for \"{}\" dropped: it counts as wrong",
                a.text
            ));
        }
        (0..list.len()).filter(|&k| list[k].marker == '=').collect()
    } else {
        (0..list.len()).filter(|&k| list[k].positive).collect()
    };
    if right.is_empty() {
        return Err("no right answer (mark it with '=' or give it a positive %weight%)".to_owned());
    }
    let wrong_with_feedback = (0..list.len())
        .filter(|k| !right.contains(k) && !list[*k].feedback.is_empty())
        .count();
    if wrong_with_feedback > 0 {
        notes.push(format!(
            "feedback for {wrong_with_feedback} wrong answer{} not imported (a question has one explanation)",
            if wrong_with_feedback == 1 { "" } else { "s" }
        ));
    }
    let feedback: Vec<&str> = right.iter().map(|&k| list[k].feedback.as_str()).collect();
    let explanation = join_explanation(&feedback);
    let answer = if right.len() == 1 {
        Answer::Single(right[0])
    } else {
        Answer::Multiple(right)
    };
    Ok((
        list.into_iter().map(|a| a.text).collect(),
        answer,
        explanation,
        notes,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn errors(conv: &Converted) -> Vec<(u32, String)> {
        conv.problems
            .iter()
            .filter(|p| p.is_error())
            .map(|p| (p.line, p.message.clone()))
            .collect()
    }

    #[test]
    fn slugs_and_prefixes() {
        assert_eq!(
            slugify("  Chapter 3: Fire Safety!  "),
            "chapter-3-fire-safety"
        );
        assert_eq!(slugify("Élan--vital"), "lan-vital");
        assert_eq!(slugify("---"), "");
        assert_eq!(id_prefix("My_Quiz.v2"), "my-quiz-v2");
        assert_eq!(id_prefix("???"), "q");
        let long = id_prefix(&"ab-".repeat(40));
        assert!(
            long.len() <= bank::MAX_ID - 4 && !long.ends_with('-'),
            "{long}"
        );
    }

    #[test]
    fn aiken_basic_question_with_placeholder_warning() {
        let conv = aiken("What is 2+2?\nA. 3\nB) 4\nC. 5\nANSWER: B\n", "Maths Quiz");
        assert_eq!(conv.questions.len(), 1);
        let q = &conv.questions[0];
        assert_eq!(q.id, "maths-quiz-01");
        assert_eq!(q.prompt, "What is 2+2?");
        assert_eq!(q.choices, ["3", "4", "5"]);
        assert_eq!(q.answer, Answer::Single(1));
        assert_eq!(q.explanation, EXPLANATION_PLACEHOLDER);
        assert_eq!(conv.problems.len(), 1);
        assert_eq!(conv.problems[0].line, 1);
        assert_eq!(conv.problems[0].severity, Severity::Warning);
        assert!(!conv.has_errors());
    }

    #[test]
    fn aiken_multi_line_prompt_and_lowercase_answer() {
        let conv = aiken(
            "\u{feff}Read this.\nThen answer?\nA. x\nB. y\nanswer : a\n",
            "t",
        );
        assert!(!conv.has_errors(), "{:?}", conv.problems);
        assert_eq!(conv.questions[0].prompt, "Read this. Then answer?");
        assert_eq!(conv.questions[0].answer, Answer::Single(0));
        // A blank line before any option ends the question: a stray heading is reported,
        // not glued onto the next prompt.
        let conv = aiken("Chapter 1\n\nQ?\nA. x\nB. y\nANSWER: B\n", "t");
        assert_eq!(
            errors(&conv),
            vec![(
                1,
                "not imported: question text without options or ANSWER line".to_owned()
            )]
        );
        assert_eq!(conv.questions[0].prompt, "Q?");
    }

    #[test]
    fn aiken_problems_are_reported_by_line() {
        let text = "Q1?\nA. a\nB. b\nANSWER: E\n\nQ2?\nA. a\nB. b\n\nQ3?\nA. a\nB. b\nANSWER: B\n\nA. lonely\nB. option\nANSWER: A\n\nQ4?\nA. a\nC. c\nANSWER: A\n\nQ5?\nA. a\nB. b\nANSWER: A, B\n";
        let conv = aiken(text, "t");
        assert_eq!(
            errors(&conv),
            vec![
                (4, "not imported: ANSWER \"E\" is not one of the options (A to B)".to_owned()),
                (6, "not imported: question has no ANSWER line after its options".to_owned()),
                (15, "not imported: option \"A\" without a question before it".to_owned()),
                (21, "not imported: option \"C\" is out of order: expected \"B\" (each option on one line, lettered A, B, C…)".to_owned()),
                (27, "not imported: ANSWER \"A, B\" names more than one letter; Aiken questions have one right answer".to_owned()),
            ]
        );
        assert_eq!(conv.questions.len(), 1);
        assert_eq!(conv.questions[0].prompt, "Q3?");
        assert_eq!(conv.questions[0].id, "t-01");
    }

    #[test]
    fn aiken_questions_the_validator_rejects_are_not_imported() {
        let long = "x".repeat(501);
        let text = format!("{long}\nA. a\nB. b\nANSWER: A\n\nDup?\nA. Same\nB. same \nANSWER: A\n\nOne?\nA. only\nANSWER: A\n");
        let conv = aiken(&text, "t");
        assert!(conv.questions.is_empty());
        assert_eq!(
            errors(&conv),
            vec![
                (
                    1,
                    "not imported: prompt: is too long (501 characters, at most 500)".to_owned()
                ),
                (6, "not imported: choices[1]: repeats choices[0]".to_owned()),
                (
                    11,
                    "not imported: choices: has 1 choice, needs 2 to 10".to_owned()
                ),
            ]
        );
    }

    #[test]
    fn empty_input_is_a_problem_not_an_empty_bank() {
        for conv in [aiken("", "t"), gift("  \n// only a comment\n", "t")] {
            assert!(conv.has_errors());
            assert!(conv.questions.is_empty());
        }
    }

    #[test]
    fn gift_multiple_choice_with_feedback_title_and_category() {
        let text = "// a comment\n$CATEGORY: $course$/top/Fire safety\n\n::Exit Route::[html]Which <b>door</b> &amp; why? {\n=Green#Marked exit.\n~Red#Locked.\n~Blue\n####Exits are green.\n}\n";
        let conv = gift(text, "fire");
        assert_eq!(conv.questions.len(), 1);
        let q = &conv.questions[0];
        assert_eq!(q.id, "exit-route");
        assert_eq!(q.topic, "Fire safety");
        assert_eq!(q.prompt, "Which **door** & why?");
        assert_eq!(q.choices, ["Green", "Red", "Blue"]);
        assert_eq!(q.answer, Answer::Single(0));
        assert_eq!(q.explanation, "Marked exit. Exits are green.");
        // The wrong answer's feedback is reported, not silently dropped.
        assert_eq!(conv.problems.len(), 1);
        assert_eq!(conv.problems[0].line, 4);
        assert!(
            conv.problems[0]
                .message
                .contains("1 wrong answer not imported"),
            "{:?}",
            conv.problems
        );
    }

    #[test]
    fn gift_weights_make_select_all() {
        let conv = gift("Pick two {~%50%a#yes a ~%50%b#yes b ~%-100%c}", "t");
        let q = &conv.questions[0];
        assert_eq!(q.answer, Answer::Multiple(vec![0, 1]));
        assert_eq!(q.prompt, "Pick two (select all that apply)");
        assert_eq!(q.explanation, "yes a yes b");
        let one = gift("Pick {~%100%a ~b ~%0%c}", "t");
        assert_eq!(one.questions[0].answer, Answer::Single(0));
        let partial = gift("Pick {=a ~%50%b ~c}", "t");
        assert_eq!(partial.questions[0].answer, Answer::Single(0));
        assert!(partial
            .problems
            .iter()
            .any(|p| p.message.contains("partial credit for \"b\"")));
    }

    #[test]
    fn gift_true_false_and_escapes() {
        let conv = gift("2 \\= 2 \\{really\\} \\#1\\: yes? {T#No, it is.#Right: equal.}\n\nThe sky is green.{FALSE}", "tf");
        assert_eq!(conv.questions.len(), 2);
        assert_eq!(conv.questions[0].prompt, "2 = 2 {really} #1: yes?");
        assert_eq!(conv.questions[0].choices, ["True", "False"]);
        assert_eq!(conv.questions[0].answer, Answer::Single(0));
        assert_eq!(conv.questions[0].explanation, "Right: equal.");
        assert_eq!(conv.questions[1].answer, Answer::Single(1));
        assert_eq!(conv.questions[1].explanation, EXPLANATION_PLACEHOLDER);
        assert_eq!(conv.questions[1].id, "tf-02");
    }

    #[test]
    fn gift_unsupported_types_and_syntax_errors_are_reported_by_line() {
        let text = "Short {=a =b}\n\nMatch {=a -> b =c -> d}\n\nNum {#3:1}\n\nEssay {}\n\nGrant is {~buried =entombed} in {=a ~b}.\n\nJust a description.\n\nOpen {\n=a\n~b\n\nstray } brace";
        let conv = gift(text, "t");
        assert!(conv.questions.is_empty());
        let lines: Vec<u32> = errors(&conv).iter().map(|e| e.0).collect();
        assert_eq!(
            lines,
            vec![1, 3, 5, 7, 9, 11, 13, 17],
            "{:#?}",
            conv.problems
        );
        let all = errors(&conv)
            .into_iter()
            .map(|e| e.1)
            .collect::<Vec<_>>()
            .join("\n");
        for needle in [
            "short-answer",
            "matching",
            "numerical",
            "essay",
            "embedded answers",
            "description",
            "not closed",
            "'}' without '{'",
        ] {
            assert!(all.contains(needle), "{needle} in {all}");
        }
    }

    #[test]
    fn title_ids_must_be_unique_and_numbers_skip_taken_ids() {
        let text = "::Same:: A {=a ~b}\n\n::Same:: B {=a ~b}\n\n::t-01:: C {=a ~b}\n\nD {=a ~b}";
        let ids: Vec<String> = gift(text, "t")
            .questions
            .into_iter()
            .map(|q| q.id)
            .collect();
        assert_eq!(ids, ["t-02", "t-03", "t-01", "t-04"]);
    }

    #[test]
    fn imported_banks_load_and_round_trip() {
        let conv = gift(
            "$CATEGORY: a/B\n\nQ {=x ~y}\n\n$CATEGORY: C\nR {~%50%x ~%50%y ~z}",
            "t",
        );
        let bank = conv.into_bank("t", "T", "en");
        assert_eq!(bank.topics, ["B", "C"]);
        let (back, warnings) = bank::load(&bank::to_json(&bank)).unwrap();
        // The two questions had no feedback: each got the placeholder, which check flags.
        assert_eq!(warnings.len(), 2);
        assert!(warnings
            .iter()
            .all(|w| matches!(w.problem, crate::bank::Problem::Placeholder(_))));
        assert_eq!(back, bank);
    }

    #[test]
    fn the_format_is_detected_from_the_content() {
        use QuizFormat::{Aiken, Gift};
        let cases: [(&str, Option<QuizFormat>); 7] = [
            ("Q?\nA. x\nB. y\nANSWER: A\n", Some(Aiken)),
            // An Aiken prompt may show a brace; its ANSWER lines still win.
            ("Is {x} a set?\nA. yes\nB. no\nANSWER: A\n", Some(Aiken)),
            ("Q {=x ~y}\n", Some(Gift)),
            ("::t:: Q\n{\n=x\n~y\n}\n", Some(Gift)),
            ("$CATEGORY: a/b\n", Some(Gift)),
            // Escaped braces and comments are not answer blocks.
            ("// {=x}\nA \\{ b \\}\n", None),
            ("", None),
        ];
        for (text, expected) in cases {
            assert_eq!(detect(text), expected, "{text:?}");
        }
    }

    #[test]
    fn merged_imports_keep_ids_unique() {
        let a = aiken("Q?\nA. x\nB. y\nANSWER: A\n", "quiz");
        let b = gift("R {=x ~y}\n\nS {=x ~y}", "quiz");
        let c = gift("::quiz-01-2:: T {=x ~y}", "other");
        let (qs, renamed) = merge(vec![a, b, c]);
        let ids: Vec<&str> = qs.iter().map(|q| q.id.as_str()).collect();
        assert_eq!(ids, ["quiz-01", "quiz-01-3", "quiz-02", "quiz-01-2"]);
        assert_eq!(
            renamed,
            [Renamed {
                part: 1,
                from: "quiz-01".to_owned(),
                to: "quiz-01-3".to_owned()
            }]
        );
        // A long id is cut so that the suffix fits.
        let long = "a".repeat(bank::MAX_ID);
        let one = |id: &str| Converted {
            questions: vec![Question {
                id: id.to_owned(),
                ..aiken("Q?\nA. x\nB. y\nANSWER: A\n", "t").questions[0].clone()
            }],
            problems: Vec::new(),
        };
        let (qs, _) = merge(vec![one(&long), one(&long)]);
        assert!(
            bank::is_valid_id(&qs[1].id) && qs[1].id.ends_with("-2"),
            "{}",
            qs[1].id
        );
    }

    // The snippets below are the ones issue 10 found refused or changed in real files.

    #[test]
    fn gift_tilde_equals_is_the_right_answer() {
        let conv = gift("I ___ here.{~=have been~was}", "t");
        assert!(!conv.has_errors(), "{:?}", conv.problems);
        let q = &conv.questions[0];
        assert_eq!(q.prompt, "I ___ here.");
        assert_eq!(q.choices, ["have been", "was"]);
        assert_eq!(q.answer, Answer::Single(0));
        // With a weight and feedback too; two "~=" are two '=' answers, refused as such.
        let conv = gift("Q {~a ~=%100%b#Yes.}", "t");
        assert_eq!(conv.questions[0].choices, ["a", "b"]);
        assert_eq!(conv.questions[0].answer, Answer::Single(1));
        assert_eq!(conv.questions[0].explanation, "Yes.");
        let conv = gift("Q {~=a ~=b ~c}", "t");
        assert_eq!(conv.questions[0].answer, Answer::Multiple(vec![0, 1]));
    }

    #[test]
    fn gift_missing_word_keeps_a_blank_in_the_prompt() {
        let conv = gift("The guard post is at the {~north =south} gate.", "t");
        assert!(!conv.has_errors(), "{:?}", conv.problems);
        let q = &conv.questions[0];
        assert_eq!(q.prompt, "The guard post is at the ___ gate.");
        assert_eq!(q.choices, ["north", "south"]);
        assert_eq!(q.answer, Answer::Single(1));
        let conv = gift("::t::Exits are marked {=green ~red}.", "t");
        assert_eq!(conv.questions[0].prompt, "Exits are marked ___.");
        let conv = gift("{=Fire ~Water} doors must stay closed.", "t");
        assert_eq!(conv.questions[0].prompt, "___ doors must stay closed.");
    }

    #[test]
    fn aiken_option_without_a_space_after_the_bracket() {
        let conv = aiken("Pick one\nA)one\nB)two\nANSWER: B\n", "t");
        assert!(!conv.has_errors(), "{:?}", conv.problems);
        assert_eq!(conv.questions[0].choices, ["one", "two"]);
        assert_eq!(conv.questions[0].answer, Answer::Single(1));
        assert_eq!(
            detect("Pick one\nA)one\nB)two\nANSWER: B\n"),
            Some(QuizFormat::Aiken)
        );
        // "U.S. law" is question text, not option U.
        let conv = aiken("U.S. law says?\nA. x\nB. y\nANSWER: A\n", "t");
        assert_eq!(conv.questions[0].prompt, "U.S. law says?");
    }

    // Found by running the importer on a corpus of real GIFT and Aiken files
    // (tools/corpus-check); each snippet is written here in the same shape.

    #[test]
    fn gift_answer_text_may_start_with_a_percent_sign() {
        // Moodle reads a weight only as %digits%: "%run" is the answer's text.
        let conv = gift("Which magic runs a file? {~%load =%run ~%%time}", "t");
        assert!(!conv.has_errors(), "{:?}", conv.problems);
        assert_eq!(conv.questions[0].choices, ["%load", "%run", "%%time"]);
        assert_eq!(conv.questions[0].answer, Answer::Single(1));
        // A weight left open or mistyped is still reported, not read as text.
        let conv = gift("Q {~%abc%a =c}", "t");
        assert!(
            errors(&conv)[0].1.contains("is not a number"),
            "{:?}",
            conv.problems
        );
        let conv = gift("Q {~%50 a ~%50%b =c}", "t");
        assert!(
            errors(&conv)[0].1.contains("has no closing '%'"),
            "{:?}",
            conv.problems
        );
    }

    #[test]
    fn gift_several_equals_answers_make_select_all_with_a_warning() {
        // Moodle: either is fully right. A bank cannot say "either", so both must be chosen.
        let conv = gift(
            "::g::Most of the team {~=play ~=plays ~playing} on Sundays.",
            "t",
        );
        assert!(!conv.has_errors(), "{:?}", conv.problems);
        let q = &conv.questions[0];
        assert_eq!(q.answer, Answer::Multiple(vec![0, 1]));
        assert_eq!(
            q.prompt,
            "Most of the team ___ on Sundays. (select all that apply)"
        );
        assert_eq!(
            warnings(&conv),
            [(1, "2 answers are marked '=' (in Moodle any one of them is fully right): imported as select-all, so a learner must choose all 2".to_owned())]
        );
        let conv = gift("Name a season\\: {= spring = summer ~ easter}", "t");
        assert_eq!(conv.questions[0].answer, Answer::Multiple(vec![0, 1]));
        assert_eq!(conv.questions[0].choices, ["spring", "summer", "easter"]);
    }

    #[test]
    fn an_explanation_longer_than_a_bank_holds_is_cut_with_a_warning() {
        let general = "Right answers earn a point. ".repeat(40);
        let text =
            format!("Water boils at 100 °C at sea level.{{T#No.#Yes, it does.####{general}}}");
        let conv = gift(&text, "t");
        assert!(!conv.has_errors(), "{:?}", conv.problems);
        let e = &conv.questions[0].explanation;
        assert!(e.starts_with("Yes, it does. Right answers"), "{e}");
        assert!(e.ends_with("earn a point.…"), "{e}");
        assert!(e.chars().count() <= bank::MAX_EXPLANATION);
        let full = 14 + general.trim_end().chars().count();
        let kept = e.chars().count() - 1;
        assert_eq!(
            warnings(&conv),
            [
                (1, "feedback for the wrong answer not imported (a question has one explanation)".to_owned()),
                (1, format!("explanation cut to the 1000 characters a bank holds ({} characters of feedback left out)", full - kept)),
            ]
        );
        // One that fits is left alone.
        let mut fits = "x ".repeat(500).trim_end().to_owned();
        assert_eq!(fit_explanation(&mut fits), None);
    }

    #[test]
    fn untagged_gift_text_with_html_tags_is_read_as_html_as_moodle_shows_it() {
        // No format tag is Moodle's auto-format, in which tags work: the title is italic,
        // and a leftover empty <div> is nothing, not text.
        let text = concat!(
            "<i>Night Train</i> is on tonight. I never got {~round ~=around} to seeing it.",
            "<div id=\"x\" style=\"position: absolute; left: 7px;\"> </div>\n\n",
            "Caf&eacute; or tea? {=caf&eacute; ~tea}"
        );
        let conv = gift(text, "t");
        assert!(!conv.has_errors(), "{:?}", conv.problems);
        assert_eq!(warnings(&conv), []);
        assert_eq!(
            conv.questions[0].prompt,
            "*Night Train* is on tonight. I never got ___ to seeing it."
        );
        assert_eq!(conv.questions[1].prompt, "Café or tea?");
        assert_eq!(conv.questions[1].choices, ["café", "tea"]);
        // A < that starts no HTML tag keeps the text plain, and so do [plain],
        // [markdown] and Aiken, which Moodle shows as written.
        let conv = gift(
            "Is List<String> a type? Is 1 < 2? {T}\n\n[plain]What does <i> do? {=italics ~bold}",
            "t",
        );
        assert_eq!(
            conv.questions[0].prompt,
            "Is List<String> a type? Is 1 < 2?"
        );
        assert_eq!(conv.questions[1].prompt, "What does <i> do?");
        let conv = aiken("Is <i>this</i> HTML?\nA. yes\nB. no\nANSWER: A\n", "t");
        assert_eq!(conv.questions[0].prompt, "Is <i>this</i> HTML?");
        for (s, expected) in [
            ("a <br/> b", true),
            ("</B>", true),
            ("&#233; &#xE9;", true),
            ("AT&T; R&D", false),
            ("x<y and y>x", false),
            ("<", false),
            ("&", false),
        ] {
            assert_eq!(looks_like_html(s), expected, "{s}");
        }
    }

    // [html] text, as issue 10 found it in real files, and the formatting of plain text.

    fn warnings(conv: &Converted) -> Vec<(u32, String)> {
        conv.problems
            .iter()
            .filter(|p| !p.is_error() && !p.message.starts_with("no explanation"))
            .map(|p| (p.line, p.message.clone()))
            .collect()
    }

    #[test]
    fn html_emphasis_becomes_formatting_without_stray_spaces() {
        let conv = gift("[html]Is <b>this</b> right? {=<em>yes</em>, sure ~no}", "t");
        assert!(!conv.has_errors(), "{:?}", conv.problems);
        assert_eq!(warnings(&conv), []);
        let q = &conv.questions[0];
        assert_eq!(q.prompt, "Is **this** right?");
        assert_eq!(q.choices, ["*yes*, sure", "no"]);
        assert_eq!(
            markup::parse(&q.choices[0]),
            [
                markup::Inline::Emphasis(vec![markup::Inline::Text("yes".to_owned())]),
                markup::Inline::Text(", sure".to_owned())
            ]
        );
    }

    #[test]
    fn html_entities_are_decoded() {
        let conv = gift(
            "[html]Caf&eacute; &amp; th&#233;: which is &lt;b&gt;? {=caf&eacute; ~th&\\#xE9;}",
            "t",
        );
        let q = &conv.questions[0];
        assert_eq!(q.prompt, "Café & thé: which is <b>?");
        assert_eq!(q.choices, ["café", "thé"]);
        // The markup stays literal under the formatting rules.
        assert_eq!(
            markup::parse(&q.prompt),
            [markup::Inline::Text("Café & thé: which is <b>?".to_owned())]
        );
    }

    #[test]
    fn html_line_breaks_code_and_literal_markers() {
        let conv = gift(
            "[html]<p>Run <code>ls *</code>.</p><p>What\\n does it list?</p>{=every file<br>here ~C:\\\\dir only}",
            "t",
        );
        let q = &conv.questions[0];
        assert_eq!(q.prompt, "Run `ls \\*`.\nWhat does it list?");
        assert_eq!(q.choices, ["every file\nhere", "C:\\\\dir only"]);
        assert_eq!(
            markup::to_plain(&markup::parse(&q.choices[1])),
            "C:\\dir only"
        );
    }

    #[test]
    fn html_image_in_the_question_text_becomes_the_question_image() {
        let conv = gift(
            "[html]<p>Which animal is this?</p> <img src=\"cat.png\" alt=\"A  tabby cat\"> {=Cat ~Dog}",
            "t",
        );
        assert!(!conv.has_errors(), "{:?}", conv.problems);
        assert_eq!(warnings(&conv), []);
        let q = &conv.questions[0];
        assert_eq!(q.prompt, "Which animal is this?");
        assert_eq!(
            q.image,
            Some(Image {
                src: "cat.png".to_owned(),
                alt: "A tabby cat".to_owned()
            })
        );
    }

    #[test]
    fn html_image_without_alt_text_is_refused_with_what_to_add() {
        let text = "Q1 {=a ~b}\n\n[html]What is shown? <img src=\"cat.png\"> {=Cat ~Dog}\n\n[html]<img src=\"dog.png\" alt=\" \">Which? {=Dog ~Cat}";
        let conv = gift(text, "t");
        assert_eq!(
            errors(&conv),
            [
                (3, "not imported: the image \"cat.png\" has no alt text, which a bank requires (for people who cannot see it): add alt=\"…\" to its <img> and import again".to_owned()),
                (5, "not imported: the image \"dog.png\" has no alt text, which a bank requires (for people who cannot see it): add alt=\"…\" to its <img> and import again".to_owned()),
            ]
        );
        assert_eq!(conv.questions.len(), 1, "the other questions are kept");
    }

    #[test]
    fn html_that_cannot_be_kept_is_reported_with_its_place() {
        let text = concat!(
            "::Pets::[html]<img src=\"cat.png\" alt=\"A cat\"> or <img src=\"dog.png\" alt=\"A dog\">: ",
            "see <a href=\"https://example.org/pets\">the guide</a>, x<sup>2</sup> ",
            "<script>alert(1)</script><table><tr><td>cell</td></tr></table>{\n",
            // In answers, '=' and '#' are GIFT syntax: a real file escapes them.
            "=<img src\\=\"cat-small.png\" alt\\=\"cat\"> Cat#Right, <a href\\=\"https://example.org/cats\">cats</a>.\n",
            "~Dog\n}"
        );
        let conv = gift(text, "t");
        assert!(!conv.has_errors(), "{:?}", conv.problems);
        let q = &conv.questions[0];
        assert_eq!(q.prompt, "or : see the guide, x2\ncell");
        assert_eq!(q.choices, ["Cat", "Dog"]);
        assert_eq!(q.explanation, "Right, cats.");
        assert_eq!(q.image.as_ref().map(|i| i.src.as_str()), Some("cat.png"));
        assert_eq!(
            warnings(&conv),
            [(
                1,
                concat!(
                    "HTML not kept (the text around it is): ",
                    "a link to \"https://example.org/pets\" in the question text; ",
                    "<sup> in the question text; <script> in the question text; ",
                    "a table's layout in the question text; ",
                    "the image \"cat-small.png\" in an answer (only the question text can have one); ",
                    "a link to \"https://example.org/cats\" in feedback; ",
                    "the image \"dog.png\" after the first one (a question has one image)"
                )
                .to_owned()
            )]
        );
    }

    #[test]
    fn an_answer_that_is_only_an_image_is_refused_with_why() {
        let conv = gift(
            "[html]Which sign means stop? {=<img src\\=\"stop.png\" alt\\=\"A red octagon\"> ~<img src\\=\"yield.png\">}",
            "t",
        );
        assert_eq!(
            errors(&conv),
            [(1, "not imported: answer 1 is only an image (\"stop.png\"), and only the question text can have one: write the answer in words".to_owned())]
        );
    }

    #[test]
    fn moodle_file_images_are_kept_and_flagged() {
        let conv = gift(
            "[html]Who? <img src=\"@@PLUGINFILE@@/face.jpg\" alt=\"A face\"> {=Me ~You}",
            "t",
        );
        assert_eq!(
            conv.questions[0].image.as_ref().map(|i| i.src.as_str()),
            Some("@@PLUGINFILE@@/face.jpg")
        );
        assert_eq!(warnings(&conv).len(), 1);
        assert!(
            warnings(&conv)[0].1.starts_with(
                "the image \"@@PLUGINFILE@@/face.jpg\" is a file inside Moodle, which a GIFT export does not include"
            ),
            "{:?}",
            conv.problems
        );
    }

    #[test]
    fn plain_text_markers_stay_literal() {
        // GIFT without [html] ([moodle], [plain], [markdown]) and Aiken are plain text:
        // *, ` and \ are escaped, and what a learner sees is what the file says.
        let conv = gift(
            "What is 2*3 in `C`? {=6 ~5}\n\n[markdown]Is *this* bold? {=No ~Yes}\n\n[plain]A \\\\ or <b>? {=\\\\ ~<b>}",
            "t",
        );
        let prompts: Vec<&str> = conv.questions.iter().map(|q| q.prompt.as_str()).collect();
        assert_eq!(
            prompts,
            [
                "What is 2\\*3 in \\`C\\`?",
                "Is \\*this\\* bold?",
                "A \\\\ or <b>?"
            ]
        );
        assert_eq!(conv.questions[2].choices, ["\\\\", "<b>"]);
        let aiken = aiken(
            "What does `ls *` list?\nA. every file\nB) C:\\dir\nANSWER: A\n",
            "t",
        );
        let q = &aiken.questions[0];
        assert_eq!(q.prompt, "What does \\`ls \\*\\` list?");
        assert_eq!(q.choices, ["every file", "C:\\\\dir"]);
        for q in conv.questions.iter().chain(&aiken.questions) {
            for t in std::iter::once(&q.prompt).chain(&q.choices) {
                let spans = markup::parse(t);
                assert!(
                    spans.iter().all(|s| matches!(s, markup::Inline::Text(_))),
                    "{t:?}: {spans:?}"
                );
            }
        }
    }
}
