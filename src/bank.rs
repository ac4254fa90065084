//! The question bank: its model, and the one validator used both by the widget at load
//! time and by the `cqbank check` authoring tool.
//!
//! Bank text is decoded by serde into a derived file type whose every field tolerates a
//! wrong type ([`Field::Invalid`]), so one pass reports *every* problem, each named by
//! its JSON path and question id (`questions[3] (trust-04).answer`). The authoring tool
//! turns paths into line:column with a span-keeping parser; the widget carries no JSON
//! parser of its own. Unknown fields are warnings, so a bank written for a newer widget
//! still loads; `check` treats warnings as failures to catch typos such as `anwser`.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt;

use serde::{Deserialize, Serialize};
use serde_json::Value;

mod problem;
pub use problem::{Decode, Expected, Found, Problem, Syntax};

pub const MAX_ID: usize = 64;
pub const MAX_TITLE: usize = 200;
pub const MAX_PROMPT: usize = 500;
pub const MAX_CHOICE: usize = 200;
pub const MAX_EXPLANATION: usize = 1000;
/// Image addresses: long enough for a CDN URL with a query string, short enough to store.
pub const MAX_URL: usize = 2000;
pub const MIN_CHOICES: usize = 2;
pub const MAX_CHOICES: usize = 10;
/// Pass mark used when a bank does not name one.
pub const DEFAULT_PASS_MARK: u8 = 70;

/// A validated bank. Built only by [`Bank::new`] (or [`load`]), which indexes the
/// questions by id once, so finding a question never scans the list.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Bank {
    pub id: String,
    pub title: String,
    pub version: u32,
    pub language: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub description: String,
    /// Percent needed to pass a mock exam.
    pub pass_mark: u8,
    /// Default exam time limit in seconds, if the bank sets one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub time_limit: Option<u32>,
    /// Default number of questions in a mock exam (`None` = all of them).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub exam_questions: Option<usize>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub topics: Vec<String>,
    pub questions: Vec<Question>,
    #[serde(skip)]
    by_id: HashMap<String, usize>,
}

/// Everything about a bank but its questions: what [`Bank::new`] takes.
#[derive(Clone, Debug, PartialEq)]
pub struct BankInfo {
    pub id: String,
    pub title: String,
    pub version: u32,
    pub language: String,
    pub description: String,
    pub pass_mark: u8,
    pub time_limit: Option<u32>,
    pub exam_questions: Option<usize>,
    /// Empty: the topics in the order questions first use them.
    pub topics: Vec<String>,
}

impl BankInfo {
    /// Version 1, default pass mark, no time limit, topics from the questions.
    pub fn new(id: &str, title: &str, language: &str) -> BankInfo {
        BankInfo {
            id: id.to_owned(),
            title: title.to_owned(),
            version: 1,
            language: language.to_owned(),
            description: String::new(),
            pass_mark: DEFAULT_PASS_MARK,
            time_limit: None,
            exam_questions: None,
            topics: Vec::new(),
        }
    }
}

impl Bank {
    pub fn new(info: BankInfo, questions: Vec<Question>) -> Bank {
        let topics = if info.topics.is_empty() {
            let mut seen = HashSet::new();
            questions
                .iter()
                .filter(|q| !q.topic.is_empty() && seen.insert(q.topic.as_str()))
                .map(|q| q.topic.clone())
                .collect()
        } else {
            info.topics
        };
        let by_id = questions
            .iter()
            .enumerate()
            .map(|(i, q)| (q.id.clone(), i))
            .collect();
        Bank {
            id: info.id,
            title: info.title,
            version: info.version,
            language: info.language,
            description: info.description,
            pass_mark: info.pass_mark,
            time_limit: info.time_limit,
            exam_questions: info.exam_questions,
            topics,
            questions,
            by_id,
        }
    }

    /// The question with this id, in constant time.
    pub fn question(&self, id: &str) -> Option<&Question> {
        self.by_id.get(id).map(|&i| &self.questions[i])
    }
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Question {
    pub id: String,
    /// Empty when the bank does not group questions by topic.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub topic: String,
    /// 1 (easy) to 3 (hard); 0 when not given.
    #[serde(skip_serializing_if = "is_zero")]
    pub difficulty: u8,
    pub prompt: String,
    pub choices: Vec<String>,
    pub answer: Answer,
    pub explanation: String,
    /// Title of the article or chapter the question draws on; may be empty.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub source: String,
    /// A picture shown with the prompt.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub image: Option<Image>,
    /// Keeps the choices in the bank's order even when choices are shuffled.
    #[serde(skip_serializing_if = "is_false")]
    pub fixed_order: bool,
}

fn is_zero(n: &u8) -> bool {
    *n == 0
}

fn is_false(b: &bool) -> bool {
    !*b
}

/// A picture for a question; `src` is resolved against the bank's URL, `alt` is required.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Image {
    pub src: String,
    pub alt: String,
}

/// The correct choice(s), as 0-based indices into `choices`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum Answer {
    Single(usize),
    /// Select all that apply: at least two indices, sorted, distinct.
    Multiple(Vec<usize>),
}

impl Answer {
    pub fn is_multiple(&self) -> bool {
        matches!(self, Answer::Multiple(_))
    }
    pub fn contains(&self, choice: usize) -> bool {
        match self {
            Answer::Single(i) => *i == choice,
            Answer::Multiple(v) => v.contains(&choice),
        }
    }
    pub fn indices(&self) -> Vec<usize> {
        match self {
            Answer::Single(i) => vec![*i],
            Answer::Multiple(v) => v.clone(),
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Error,
    /// Unknown fields and similar: the widget loads the bank anyway.
    Warning,
}

/// One step of a JSON path: a field name or a list index.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Step {
    Key(String),
    Index(usize),
}

/// One problem, named by where it is: `questions[3] (trust-04).answer`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    /// From the bank's root; empty for the bank as a whole.
    pub path: Vec<Step>,
    /// The id of the question the path leads into, when that question has a usable id.
    pub question: Option<String>,
    /// 1-based line and column, known only when the text is not valid JSON (the path
    /// means nothing then).
    pub line_col: Option<(usize, usize)>,
    pub severity: Severity,
    pub problem: Problem,
}

impl Diagnostic {
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// The path as authors read it: `questions[3] (trust-04).answer`, or `bank`.
    pub fn place(&self) -> String {
        if self.path.is_empty() {
            return "bank".to_owned();
        }
        let mut out = String::new();
        for (i, step) in self.path.iter().enumerate() {
            match step {
                Step::Key(k) if i == 0 => out.push_str(k),
                Step::Key(k) => {
                    out.push('.');
                    out.push_str(k);
                }
                Step::Index(n) => {
                    out.push('[');
                    out.push_str(&n.to_string());
                    out.push(']');
                }
            }
            let names_question =
                i == 1 && matches!(&self.path[0], Step::Key(k) if k == "questions");
            if let (true, Some(id)) = (names_question, &self.question) {
                out.push_str(" (");
                out.push_str(id);
                out.push(')');
            }
        }
        out
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line_col {
            Some((line, col)) => write!(f, "{line}:{col}: {}", self.problem),
            None => write!(f, "{}: {}", self.place(), self.problem),
        }
    }
}

/// A bank that loaded (with any warnings), or every problem found.
pub type LoadResult = Result<(Bank, Vec<Diagnostic>), Vec<Diagnostic>>;

/// A field as written: the expected type, or whatever else was there (reported, not fatal).
#[derive(Deserialize)]
#[serde(untagged)]
enum Field<T> {
    Valid(T),
    Invalid(Value),
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct BankFile {
    #[serde(rename = "$schema")]
    _schema: Option<Value>,
    id: Option<Field<String>>,
    title: Option<Field<String>>,
    version: Option<Field<i64>>,
    language: Option<Field<String>>,
    description: Option<Field<String>>,
    pass_mark: Option<Field<i64>>,
    time_limit: Option<Field<i64>>,
    exam_questions: Option<Field<i64>>,
    topics: Option<Field<Vec<Field<String>>>>,
    questions: Option<Field<Vec<Field<QuestionFile>>>>,
    #[serde(flatten)]
    unknown: BTreeMap<String, Value>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct QuestionFile {
    id: Option<Field<String>>,
    topic: Option<Field<String>>,
    difficulty: Option<Field<i64>>,
    prompt: Option<Field<String>>,
    choices: Option<Field<Vec<Field<String>>>>,
    answer: Option<Field<AnswerFile>>,
    explanation: Option<Field<String>>,
    source: Option<Field<String>>,
    image: Option<Field<ImageFile>>,
    fixed_order: Option<Field<bool>>,
    #[serde(flatten)]
    unknown: BTreeMap<String, Value>,
}

#[derive(Deserialize)]
#[serde(untagged)]
enum AnswerFile {
    One(i64),
    Many(Vec<Field<i64>>),
}

#[derive(Deserialize)]
struct ImageFile {
    src: Option<Field<String>>,
    alt: Option<Field<String>>,
    #[serde(flatten)]
    unknown: BTreeMap<String, Value>,
}

/// The bank as it should be written: the fast path of [`load`].
#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct StrictBank {
    #[serde(rename = "$schema")]
    _schema: Option<serde::de::IgnoredAny>,
    id: String,
    title: String,
    version: i64,
    language: String,
    description: Option<String>,
    pass_mark: Option<i64>,
    time_limit: Option<i64>,
    exam_questions: Option<i64>,
    topics: Option<Vec<String>>,
    questions: Vec<StrictQuestion>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct StrictQuestion {
    id: String,
    topic: Option<String>,
    difficulty: Option<i64>,
    prompt: String,
    choices: Vec<String>,
    answer: StrictAnswer,
    explanation: String,
    source: Option<String>,
    image: Option<StrictImage>,
    fixed_order: Option<bool>,
}

#[derive(Deserialize)]
#[serde(untagged)]
enum StrictAnswer {
    One(i64),
    Many(Vec<i64>),
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct StrictImage {
    src: String,
    alt: String,
}

fn valid<T>(value: T) -> Option<Field<T>> {
    Some(Field::Valid(value))
}

fn valid_list<T>(items: Vec<T>) -> Option<Field<Vec<Field<T>>>> {
    valid(items.into_iter().map(Field::Valid).collect())
}

/// Every value is already of its type: wrap it, moving the strings, copying nothing.
impl From<StrictBank> for BankFile {
    fn from(b: StrictBank) -> BankFile {
        BankFile {
            _schema: None,
            id: valid(b.id),
            title: valid(b.title),
            version: valid(b.version),
            language: valid(b.language),
            description: b.description.map(Field::Valid),
            pass_mark: b.pass_mark.map(Field::Valid),
            time_limit: b.time_limit.map(Field::Valid),
            exam_questions: b.exam_questions.map(Field::Valid),
            topics: b.topics.and_then(valid_list),
            questions: valid(
                b.questions
                    .into_iter()
                    .map(|q| Field::Valid(q.into()))
                    .collect(),
            ),
            unknown: BTreeMap::new(),
        }
    }
}

impl From<StrictQuestion> for QuestionFile {
    fn from(q: StrictQuestion) -> QuestionFile {
        QuestionFile {
            id: valid(q.id),
            topic: q.topic.map(Field::Valid),
            difficulty: q.difficulty.map(Field::Valid),
            prompt: valid(q.prompt),
            choices: valid_list(q.choices),
            answer: valid(match q.answer {
                StrictAnswer::One(i) => AnswerFile::One(i),
                StrictAnswer::Many(list) => {
                    AnswerFile::Many(list.into_iter().map(Field::Valid).collect())
                }
            }),
            explanation: valid(q.explanation),
            source: q.source.map(Field::Valid),
            image: q.image.map(|i| {
                Field::Valid(ImageFile {
                    src: valid(i.src),
                    alt: valid(i.alt),
                    unknown: BTreeMap::new(),
                })
            }),
            fixed_order: q.fixed_order.map(Field::Valid),
            unknown: BTreeMap::new(),
        }
    }
}

const BANK_FIELDS: &[&str] = &[
    "$schema",
    "id",
    "title",
    "version",
    "language",
    "description",
    "passMark",
    "timeLimit",
    "examQuestions",
    "topics",
    "questions",
];
const QUESTION_FIELDS: &[&str] = &[
    "id",
    "topic",
    "difficulty",
    "prompt",
    "choices",
    "answer",
    "explanation",
    "source",
    "image",
    "fixedOrder",
];
const IMAGE_FIELDS: &[&str] = &["src", "alt"];

/// Decodes and validates bank text, reporting every problem. A byte-order mark is ignored.
///
/// A well-formed bank decodes straight into [`StrictBank`] (plain types, no buffering), so
/// a 10,000-question bank opens fast; only text that does not fit it (a wrong type, an
/// unknown or repeated field, not JSON) takes the slower tolerant path that finds every
/// problem. Both paths end in the same checks on typed values.
pub fn load(text: &str) -> LoadResult {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let file: BankFile = match serde_json::from_str::<StrictBank>(text) {
        Ok(strict) => strict.into(),
        Err(e) => match tolerant(text, e) {
            Ok(file) => file,
            Err(problem) => return Err(vec![*problem]),
        },
    };
    let mut check = Check::default();
    let bank = check.bank(file);
    match bank {
        Some(bank) if !check.out.iter().any(Diagnostic::is_error) => Ok((bank, check.out)),
        _ => Err(check.out),
    }
}

/// Bank text that does not fit [`StrictBank`], decoded by the tolerant file type so that
/// every problem can be named. Native builds (the CLI) and wasm builds with the
/// `every-problem` feature (the playground) have it; the widget's own wasm leaves it out,
/// saving the buffering code serde needs for it, and names the first structural problem
/// with its line and column instead (semantic problems are still all reported).
#[cfg(any(not(target_arch = "wasm32"), feature = "every-problem"))]
fn tolerant(text: &str, _strict: serde_json::Error) -> Result<BankFile, Box<Diagnostic>> {
    serde_json::from_str(text).map_err(|e| Box::new(not_a_bank(text, &e)))
}

#[cfg(not(any(not(target_arch = "wasm32"), feature = "every-problem")))]
fn tolerant(text: &str, strict: serde_json::Error) -> Result<BankFile, Box<Diagnostic>> {
    Err(Box::new(not_a_bank(text, &strict)))
}

/// Text serde could not decode as a bank: not JSON, not an object, or a field given twice.
fn not_a_bank(text: &str, e: &serde_json::Error) -> Diagnostic {
    Diagnostic {
        path: Vec::new(),
        question: None,
        line_col: Some((e.line().max(1), e.column().max(1))),
        severity: Severity::Error,
        problem: Problem::from_serde(text, e),
    }
}

/// Where the checker is: a chain of steps on the stack back to the root, and the id of the
/// question it is in. Nothing is allocated until a problem is reported, so checking a
/// 10,000-question bank costs no path building.
#[derive(Clone, Copy)]
struct Here<'a> {
    parent: Option<&'a Here<'a>>,
    step: Option<StepRef<'a>>,
    question: Option<&'a str>,
}

#[derive(Clone, Copy)]
enum StepRef<'a> {
    Key(&'a str),
    Index(usize),
}

impl<'a> Here<'a> {
    const ROOT: Here<'static> = Here {
        parent: None,
        step: None,
        question: None,
    };

    fn at<'b>(&'b self, key: &'b str) -> Here<'b> {
        Here {
            parent: Some(self),
            step: Some(StepRef::Key(key)),
            question: self.question,
        }
    }

    fn index(&self, i: usize) -> Here<'_> {
        Here {
            parent: Some(self),
            step: Some(StepRef::Index(i)),
            question: self.question,
        }
    }

    fn path(&self) -> Vec<Step> {
        let mut steps = Vec::new();
        let mut here = Some(self);
        while let Some(h) = here {
            match h.step {
                Some(StepRef::Key(k)) => steps.push(Step::Key(k.to_owned())),
                Some(StepRef::Index(i)) => steps.push(Step::Index(i)),
                None => {}
            }
            here = h.parent;
        }
        steps.reverse();
        steps
    }
}

#[derive(Default)]
struct Check {
    out: Vec<Diagnostic>,
}

impl Check {
    fn report(&mut self, here: &Here, severity: Severity, problem: Problem) {
        self.out.push(Diagnostic {
            path: here.path(),
            question: here.question.map(str::to_owned),
            line_col: None,
            severity,
            problem,
        });
    }

    fn error(&mut self, here: &Here, problem: Problem) {
        self.report(here, Severity::Error, problem);
    }

    fn unknown_fields(
        &mut self,
        here: &Here,
        unknown: &BTreeMap<String, Value>,
        known: &'static [&'static str],
    ) {
        for key in unknown.keys() {
            let hint = known.iter().find(|k| edit_distance(k, key) <= 2).copied();
            self.report(
                &here.at(key),
                Severity::Warning,
                Problem::UnknownField(hint),
            );
        }
    }

    /// A string field of 1..=max characters; `None` (reported) when missing or wrong.
    fn text(
        &mut self,
        here: &Here,
        key: &str,
        field: Option<Field<String>>,
        max: usize,
        required: bool,
    ) -> Option<String> {
        match field {
            None if required => {
                self.error(&here.at(key), Problem::Missing);
                None
            }
            None => None,
            Some(Field::Invalid(v)) => {
                self.error(
                    &here.at(key),
                    Problem::WrongKind(Expected::Text, Found::of(&v)),
                );
                None
            }
            Some(Field::Valid(s)) => match text_problem(&s, max) {
                Some(problem) => {
                    self.error(&here.at(key), problem);
                    None
                }
                None => Some(s),
            },
        }
    }

    fn integer(
        &mut self,
        here: &Here,
        key: &str,
        field: Option<Field<i64>>,
        (lo, hi): (i64, i64),
    ) -> Option<i64> {
        match field? {
            Field::Valid(i) if (lo..=hi).contains(&i) => Some(i),
            Field::Valid(i) => {
                self.error(
                    &here.at(key),
                    Problem::OutOfRange {
                        value: i,
                        min: lo,
                        max: hi,
                    },
                );
                None
            }
            Field::Invalid(v) => {
                self.error(
                    &here.at(key),
                    Problem::WrongKind(Expected::WholeNumber { min: lo, max: hi }, Found::of(&v)),
                );
                None
            }
        }
    }

    fn id(&mut self, here: &Here, field: Option<Field<String>>) -> Option<String> {
        let id = self.text(here, "id", field, MAX_ID, true)?;
        match id_problem(&id) {
            None => Some(id),
            Some(problem) => {
                self.error(&here.at("id"), problem);
                None
            }
        }
    }

    fn bank(&mut self, file: BankFile) -> Option<Bank> {
        let root = Here::ROOT;
        self.unknown_fields(&root, &file.unknown, BANK_FIELDS);
        let id = self.id(&root, file.id);
        let title = self.text(&root, "title", file.title, MAX_TITLE, true);
        let version = match file.version {
            None => {
                self.error(&root.at("version"), Problem::Missing);
                None
            }
            some => self.integer(&root, "version", some, (1, i64::from(u32::MAX))),
        };
        let language = self.text(&root, "language", file.language, 35, true);
        let description = self
            .text(
                &root,
                "description",
                file.description,
                MAX_EXPLANATION,
                false,
            )
            .unwrap_or_default();
        let pass_mark = self
            .integer(&root, "passMark", file.pass_mark, (1, 100))
            .map_or(DEFAULT_PASS_MARK, |p| p as u8);
        let time_limit = self
            .integer(&root, "timeLimit", file.time_limit, (1, 24 * 3600))
            .map(|t| t as u32);
        let exam_questions = self
            .integer(&root, "examQuestions", file.exam_questions, (1, 500))
            .map(|n| n as usize);
        let topics = self.topics(&root, file.topics);

        let here = root.at("questions");
        let items = match file.questions {
            None => {
                self.error(&here, Problem::Missing);
                Vec::new()
            }
            Some(Field::Invalid(v)) => {
                self.error(&here, Problem::WrongKind(Expected::List, Found::of(&v)));
                Vec::new()
            }
            Some(Field::Valid(items)) => {
                if items.is_empty() {
                    self.error(&here, Problem::NoQuestions);
                }
                items
            }
        };
        let listed: Option<HashSet<&str>> = topics
            .as_ref()
            .map(|t| t.iter().map(String::as_str).collect());
        let mut used_topics: HashSet<String> = HashSet::new();
        let mut first_with_id: HashMap<String, usize> = HashMap::new();
        let mut questions = Vec::with_capacity(items.len());
        let mut all_valid = true;
        for (i, item) in items.into_iter().enumerate() {
            // Problems inside a question name it by id, when it has a usable one.
            let id: Option<String> = match &item {
                Field::Valid(QuestionFile {
                    id: Some(Field::Valid(id)),
                    ..
                }) if id_problem(id).is_none() => Some(id.clone()),
                _ => None,
            };
            let mut here = here.index(i);
            here.question = id.as_deref();
            let q = match item {
                Field::Invalid(v @ Value::Object(_)) => {
                    // Every field tolerates any value, so only a repeated field gets here.
                    let _ = v;
                    self.error(&here, Problem::FieldTwice);
                    None
                }
                Field::Invalid(v) => {
                    self.error(&here, Problem::WrongKind(Expected::Object, Found::of(&v)));
                    None
                }
                Field::Valid(q) => {
                    if let Some(id) = &id {
                        if let Some(first) = first_with_id.get(id) {
                            self.error(&here.at("id"), Problem::RepeatedId { first: *first });
                            all_valid = false;
                        } else {
                            first_with_id.insert(id.clone(), i);
                        }
                    }
                    if let Some(Field::Valid(topic)) = &q.topic {
                        if let Some(listed) = &listed {
                            if !topic.trim().is_empty() && !listed.contains(topic.as_str()) {
                                self.error(
                                    &here.at("topic"),
                                    Problem::TopicNotListed(topic.clone()),
                                );
                                all_valid = false;
                            }
                        }
                        // Questions that fail still use their topic.
                        used_topics.insert(topic.clone());
                    }
                    self.question(&here, q)
                }
            };
            match q {
                Some(q) => questions.push(q),
                None => all_valid = false,
            }
        }
        if let Some(topics) = &topics {
            for (i, t) in topics.iter().enumerate() {
                if !used_topics.contains(t) {
                    self.report(
                        &root.at("topics").index(i),
                        Severity::Warning,
                        Problem::TopicUnused(t.clone()),
                    );
                }
            }
        }
        if !all_valid || questions.is_empty() {
            return None;
        }
        let info = BankInfo {
            id: id?,
            title: title?,
            version: version? as u32,
            language: language?,
            description,
            pass_mark,
            time_limit,
            exam_questions,
            topics: topics.unwrap_or_default(),
        };
        Some(Bank::new(info, questions))
    }

    fn topics(
        &mut self,
        root: &Here,
        field: Option<Field<Vec<Field<String>>>>,
    ) -> Option<Vec<String>> {
        let here = root.at("topics");
        let items = match field? {
            Field::Invalid(v) => {
                self.error(
                    &here,
                    Problem::WrongKind(Expected::ListOfText, Found::of(&v)),
                );
                return None;
            }
            Field::Valid(items) => items,
        };
        let mut seen = HashSet::new();
        let mut topics = Vec::with_capacity(items.len());
        for (i, item) in items.into_iter().enumerate() {
            match item {
                Field::Valid(s) if !s.trim().is_empty() => {
                    if !seen.insert(s.clone()) {
                        self.error(&here.index(i), Problem::TopicTwice(s.clone()));
                    }
                    topics.push(s);
                }
                Field::Valid(_) => self.error(&here.index(i), Problem::Empty),
                Field::Invalid(v) => self.error(
                    &here.index(i),
                    Problem::WrongKind(Expected::Text, Found::of(&v)),
                ),
            }
        }
        Some(topics)
    }

    fn question(&mut self, here: &Here, q: QuestionFile) -> Option<Question> {
        self.unknown_fields(here, &q.unknown, QUESTION_FIELDS);
        let id = self.id(here, q.id);
        let topic = self
            .text(here, "topic", q.topic, MAX_TITLE, false)
            .unwrap_or_default();
        let difficulty = self
            .integer(here, "difficulty", q.difficulty, (1, 3))
            .map_or(0, |d| d as u8);
        let prompt = self.text(here, "prompt", q.prompt, MAX_PROMPT, true);
        let choices = self.choices(here, q.choices);
        let answer = self.answer(here, q.answer, choices.as_ref().map(Vec::len));
        let explanation = self.text(here, "explanation", q.explanation, MAX_EXPLANATION, true);
        if let Some(text) = explanation.as_deref().filter(|t| is_placeholder(t)) {
            self.report(
                &here.at("explanation"),
                Severity::Warning,
                Problem::Placeholder(text.to_owned()),
            );
        }
        let source = self
            .text(here, "source", q.source, MAX_TITLE, false)
            .unwrap_or_default();
        let image = match q.image {
            None => Ok(None),
            Some(field) => self.image(here, field).map(Some).ok_or(()),
        };
        let fixed_order = match q.fixed_order {
            None => Some(false),
            Some(Field::Valid(b)) => Some(b),
            Some(Field::Invalid(v)) => {
                self.error(
                    &here.at("fixedOrder"),
                    Problem::WrongKind(Expected::TrueOrFalse, Found::of(&v)),
                );
                None
            }
        };
        Some(Question {
            id: id?,
            topic,
            difficulty,
            prompt: prompt?,
            choices: choices?,
            answer: answer?,
            explanation: explanation?,
            source,
            image: image.ok()?,
            fixed_order: fixed_order?,
        })
    }

    fn image(&mut self, here: &Here, field: Field<ImageFile>) -> Option<Image> {
        let here = here.at("image");
        let file = match field {
            Field::Valid(file) => file,
            Field::Invalid(v) => {
                self.error(&here, Problem::WrongKind(Expected::Image, Found::of(&v)));
                return None;
            }
        };
        self.unknown_fields(&here, &file.unknown, IMAGE_FIELDS);
        let src = self.text(&here, "src", file.src, MAX_URL, true);
        let alt = self.text(&here, "alt", file.alt, MAX_CHOICE, true);
        Some(Image {
            src: src?,
            alt: alt?,
        })
    }

    fn choices(
        &mut self,
        here: &Here,
        field: Option<Field<Vec<Field<String>>>>,
    ) -> Option<Vec<String>> {
        let here = here.at("choices");
        let items = match field {
            None => {
                self.error(&here, Problem::Missing);
                return None;
            }
            Some(Field::Invalid(v)) => {
                self.error(
                    &here,
                    Problem::WrongKind(Expected::ListOfText, Found::of(&v)),
                );
                return None;
            }
            Some(Field::Valid(items)) => items,
        };
        let mut ok = true;
        if let Some(problem) = count_problem(items.len()) {
            self.error(&here, problem);
            ok = false;
        }
        let mut choices: Vec<String> = Vec::with_capacity(items.len());
        let few = items.len() <= MAX_CHOICES;
        for (i, item) in items.into_iter().enumerate() {
            match item {
                Field::Invalid(v) => {
                    self.error(
                        &here.index(i),
                        Problem::WrongKind(Expected::Text, Found::of(&v)),
                    );
                    ok = false;
                }
                Field::Valid(s) => {
                    if let Some(problem) = text_problem(&s, MAX_CHOICE) {
                        self.error(&here.index(i), problem);
                        ok = false;
                    } else if let Some(j) = repeat_of(&choices, &s).filter(|_| few) {
                        self.error(&here.index(i), Problem::RepeatsChoice { first: j });
                        ok = false;
                    }
                    choices.push(s);
                }
            }
        }
        ok.then_some(choices)
    }

    fn answer(
        &mut self,
        here: &Here,
        field: Option<Field<AnswerFile>>,
        choices: Option<usize>,
    ) -> Option<Answer> {
        let here = here.at("answer");
        let one = |check: &mut Check, at: &Here, i: i64| -> Option<usize> {
            match index_problem(i, choices) {
                Some(problem) => {
                    check.error(at, problem);
                    None
                }
                None => Some(i as usize),
            }
        };
        match field {
            None => {
                self.error(&here, Problem::Missing);
                None
            }
            Some(Field::Invalid(v)) => {
                self.error(&here, Problem::WrongKind(Expected::Answer, Found::of(&v)));
                None
            }
            Some(Field::Valid(AnswerFile::One(i))) => {
                let i = one(self, &here, i)?;
                choices.map(|_| Answer::Single(i))
            }
            Some(Field::Valid(AnswerFile::Many(items))) => {
                let mut ok = true;
                if items.len() < 2 {
                    self.error(&here, Problem::SelectAllNeedsTwo);
                    ok = false;
                }
                let mut picked = Vec::with_capacity(items.len());
                let mut seen = HashSet::new();
                for (k, item) in items.into_iter().enumerate() {
                    let at = here.index(k);
                    match item {
                        Field::Invalid(v) => {
                            self.error(
                                &at,
                                Problem::WrongKind(Expected::ChoiceNumber, Found::of(&v)),
                            );
                            ok = false;
                        }
                        Field::Valid(i) => match one(self, &at, i) {
                            Some(i) if !seen.insert(i) => {
                                self.error(&at, Problem::ListedTwice(i));
                                ok = false;
                            }
                            Some(i) => picked.push(i),
                            None => ok = false,
                        },
                    }
                }
                picked.sort_unstable();
                (ok && choices.is_some()).then_some(Answer::Multiple(picked))
            }
        }
    }
}

/// Why a text value is unusable: empty, or longer than `max` characters.
fn text_problem(s: &str, max: usize) -> Option<Problem> {
    let length = s.chars().count();
    if s.trim().is_empty() {
        Some(Problem::Empty)
    } else if length > max {
        Some(Problem::TooLong { length, max })
    } else {
        None
    }
}

fn id_problem(id: &str) -> Option<Problem> {
    (!is_valid_id(id)).then(|| Problem::BadId(id.to_owned()))
}

fn count_problem(n: usize) -> Option<Problem> {
    (!(MIN_CHOICES..=MAX_CHOICES).contains(&n)).then_some(Problem::ChoiceCount(n))
}

/// Why `i` cannot name one of `choices` choices (their count unknown when they were broken).
fn index_problem(i: i64, choices: Option<usize>) -> Option<Problem> {
    match choices {
        Some(n) if i < 0 || i as u64 >= n as u64 => Some(Problem::NoSuchChoice {
            index: i,
            choices: n,
        }),
        _ if i < 0 => Some(Problem::Negative(i)),
        _ => None,
    }
}

/// Every problem of one question already in the model (as importers build them), with
/// paths relative to the question: the same rules [`load`] applies to bank text.
pub fn check_question(q: &Question) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let mut error = |path: Vec<Step>, problem: Problem| {
        out.push(Diagnostic {
            path,
            question: None,
            line_col: None,
            severity: Severity::Error,
            problem,
        })
    };
    let key = |k: &str| vec![Step::Key(k.to_owned())];
    if let Some(p) = text_problem(&q.id, MAX_ID).or_else(|| id_problem(&q.id)) {
        error(key("id"), p);
    }
    let texts = [
        ("prompt", &q.prompt, MAX_PROMPT),
        ("explanation", &q.explanation, MAX_EXPLANATION),
    ];
    for (name, text, max) in texts {
        if let Some(p) = text_problem(text, max) {
            error(key(name), p);
        }
    }
    for (name, text) in [("topic", &q.topic), ("source", &q.source)] {
        if !text.is_empty() {
            if let Some(p) = text_problem(text, MAX_TITLE) {
                error(key(name), p);
            }
        }
    }
    if let Some(p) = count_problem(q.choices.len()) {
        error(key("choices"), p);
    }
    let few = q.choices.len() <= MAX_CHOICES;
    for (i, c) in q.choices.iter().enumerate() {
        let path = vec![Step::Key("choices".to_owned()), Step::Index(i)];
        if let Some(p) = text_problem(c, MAX_CHOICE) {
            error(path, p);
        } else if let Some(j) = repeat_of(&q.choices[..i], c).filter(|_| few) {
            error(path, Problem::RepeatsChoice { first: j });
        }
    }
    let n = Some(q.choices.len());
    match &q.answer {
        Answer::Single(i) => {
            if let Some(p) = index_problem(*i as i64, n) {
                error(key("answer"), p);
            }
        }
        Answer::Multiple(list) => {
            if list.len() < 2 {
                error(key("answer"), Problem::SelectAllNeedsTwo);
            }
            let mut seen = HashSet::new();
            for (k, i) in list.iter().enumerate() {
                let path = vec![Step::Key("answer".to_owned()), Step::Index(k)];
                if let Some(p) = index_problem(*i as i64, n) {
                    error(path, p);
                } else if !seen.insert(*i) {
                    error(path, Problem::ListedTwice(*i));
                }
            }
        }
    }
    if let Some(image) = &q.image {
        for (name, text, max) in [
            ("src", &image.src, MAX_URL),
            ("alt", &image.alt, MAX_CHOICE),
        ] {
            if let Some(p) = text_problem(text, max) {
                error(
                    vec![Step::Key("image".to_owned()), Step::Key(name.to_owned())],
                    p,
                );
            }
        }
    }
    out
}

/// An explanation that still starts with `TODO`, such as the one `cqbank import` writes.
fn is_placeholder(text: &str) -> bool {
    text.trim_start()
        .get(..4)
        .is_some_and(|s| s.eq_ignore_ascii_case("todo"))
}

/// Ids are used in storage keys and event details, so they stay plain.
pub fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= MAX_ID
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !id.starts_with('-')
}

/// The first earlier choice that `choice` repeats, case and spacing ignored (ASCII case
/// only: full Unicode lowercasing would add ~10 KB of tables to the wasm). Compares word
/// by word without allocating; callers skip it past [`MAX_CHOICES`] (already an error),
/// so the pairwise comparison stays bounded.
fn repeat_of(earlier: &[String], choice: &str) -> Option<usize> {
    earlier.iter().position(|e| {
        let (mut a, mut b) = (e.split_whitespace(), choice.split_whitespace());
        loop {
            match (a.next(), b.next()) {
                (None, None) => return true,
                (Some(x), Some(y)) if x.eq_ignore_ascii_case(y) => {}
                _ => return false,
            }
        }
    })
}

/// Levenshtein distance, for "did you mean" hints on misspelt field names.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cur = row[j + 1];
            row[j + 1] = (prev + usize::from(ca != *cb)).min(row[j] + 1).min(cur + 1);
            prev = cur;
        }
    }
    row[b.len()]
}

/// Writes a bank as pretty JSON (serde_json's layout, 2-space indent), fields in the
/// order of the format doc, empty optional fields left out, ending with a newline.
/// `load(&to_json(&b))` gives back `b` for every bank `load` returns. (`$schema` is not
/// part of the model, so it is not written.) Used by `cqbank import`.
pub fn to_json(bank: &Bank) -> String {
    let mut out = serde_json::to_string_pretty(bank).unwrap_or_default();
    out.push('\n');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &str = r#"{
  "id": "demo", "title": "Demo", "version": 1, "language": "en",
  "questions": [
    { "id": "q1", "prompt": "One?", "choices": ["a", "b", "c"], "answer": 1, "explanation": "Because." },
    { "id": "q2", "topic": "T", "prompt": "Some? (select all that apply)", "choices": ["a", "b", "c", "d"],
      "answer": [2, 0], "explanation": "Both." }
  ]
}"#;

    fn problems(text: &str) -> Vec<String> {
        let diags = match load(text) {
            Ok((_, w)) => w,
            Err(d) => d,
        };
        diags.iter().map(ToString::to_string).collect()
    }

    #[test]
    fn a_good_bank_loads_with_defaults_and_finds_questions_by_id() {
        let (bank, warnings) = load(GOOD).unwrap();
        assert!(warnings.is_empty());
        assert_eq!(bank.questions.len(), 2);
        assert_eq!(bank.pass_mark, DEFAULT_PASS_MARK);
        assert_eq!(bank.questions[1].answer, Answer::Multiple(vec![0, 2]));
        assert_eq!(bank.topics, vec!["T".to_string()]);
        assert_eq!(
            bank.question("q2").map(|q| q.prompt.as_str()),
            Some("Some? (select all that apply)")
        );
        assert!(bank.question("q3").is_none());
    }

    #[test]
    fn an_out_of_range_answer_is_named_by_path_and_question_id() {
        let bad = GOOD.replace("\"answer\": 1", "\"answer\": 7");
        assert_eq!(
            problems(&bad),
            vec![
                "questions[0] (q1).answer: 7 is out of range: there are 3 choices, numbered 0 to 2"
            ]
        );
        assert!(load(&bad).is_err());
    }

    #[test]
    fn every_problem_is_reported_not_just_the_first() {
        let bad = r#"{"id": "Bad Id", "version": "1", "language": "en", "title": "",
          "questions": [
            {"id": "x", "prompt": "p", "choices": ["a", "A "], "answer": [1], "explanation": ""},
            {"id": "x", "prompt": 5, "choices": "ab", "anwser": 0, "explanation": "e"},
            "not a question",
            {"id": "y", "prompt": "p", "choices": ["a", "b"], "answer": 1, "explanation": "e",
             "image": {"src": "a.png"}, "fixedOrder": "yes"}
          ]}"#;
        let joined = problems(bad).join("\n");
        for needle in [
            "id: \"Bad Id\" may use only",
            "version: must be a whole number from 1 to 4294967295, found text",
            "title: is empty",
            "questions[0] (x).choices[1]: repeats choices[0]",
            "questions[0] (x).answer: a select-all answer needs at least two choices",
            "questions[0] (x).explanation: is empty",
            "questions[1] (x).id: repeats the id of questions[0]",
            "questions[1] (x).prompt: must be text, found the number 5",
            "questions[1] (x).choices: must be a list of text, found text",
            "questions[1] (x).anwser: unknown field (did you mean \"answer\"?)",
            "questions[1] (x).answer: is missing (required)",
            "questions[2]: must be an object, found text",
            "questions[3] (y).image.alt: is missing (required)",
            "questions[3] (y).fixedOrder: must be true or false, found text",
        ] {
            assert!(joined.contains(needle), "missing {needle:?} in:\n{joined}");
        }
    }

    #[test]
    fn unknown_fields_warn_but_the_bank_still_loads() {
        let newer = GOOD.replacen("\"version\": 1,", "\"version\": 1, \"theme\": \"dark\",", 1);
        let (bank, warnings) = load(&newer).unwrap();
        assert_eq!(bank.id, "demo");
        assert_eq!(warnings.len(), 1);
        assert_eq!(warnings[0].severity, Severity::Warning);
        assert_eq!(warnings[0].to_string(), "theme: unknown field");
    }

    #[test]
    fn topics_must_be_listed_when_a_list_is_given() {
        let listed = GOOD.replacen(
            "\"version\": 1,",
            "\"version\": 1, \"topics\": [\"Other\"],",
            1,
        );
        let e = problems(&listed).join("\n");
        assert!(
            e.contains("questions[1] (q2).topic: \"T\" is not in the bank's \"topics\" list"),
            "{e}"
        );
        assert!(e.contains("topics[0]: \"Other\" has no questions"), "{e}");
    }

    #[test]
    fn a_topic_used_only_by_a_broken_question_is_not_reported_unused() {
        let listed = GOOD
            .replacen(
                "\"version\": 1,",
                "\"version\": 1, \"topics\": [\"T\", \"U\"],",
                1,
            )
            .replacen("\"id\": \"q1\",", "\"id\": \"q1\", \"topic\": \"U\",", 1)
            .replace("\"answer\": 1", "\"answer\": 9");
        let e = problems(&listed).join("\n");
        assert!(e.contains("9 is out of range"), "{e}");
        assert!(!e.contains("has no questions"), "{e}");
    }

    #[test]
    fn not_json_and_not_an_object_are_clear() {
        assert_eq!(
            problems("{\"id\": }")[0],
            "1:8: not valid JSON: expected a value (text in double quotes, a number, true, \
             false, null, a list or an object)"
        );
        assert_eq!(
            problems("[]")[0],
            "1:1: a bank must be a JSON object, found a list"
        );
        assert!(problems("{}")
            .join("\n")
            .contains("questions: is missing (required)"));
        let twice = GOOD.replacen(
            "\"title\": \"Demo\",",
            "\"title\": \"Demo\", \"title\": \"Again\",",
            1,
        );
        assert_eq!(
            problems(&twice)[0],
            "2:40: the field \"title\" is given twice; keep one"
        );
    }

    #[test]
    fn a_byte_order_mark_is_not_an_error() {
        assert!(load(&["\u{feff}", GOOD].concat()).is_ok());
    }

    #[test]
    fn images_and_fixed_order_load_and_round_trip() {
        let with = GOOD.replacen(
            "\"explanation\": \"Because.\"",
            "\"explanation\": \"Because.\", \"image\": {\"src\": \"gate.png\", \"alt\": \"A gate\"}, \"fixedOrder\": true",
            1,
        );
        let (bank, _) = load(&with).unwrap();
        let q = &bank.questions[0];
        assert_eq!(
            q.image,
            Some(Image {
                src: "gate.png".into(),
                alt: "A gate".into()
            })
        );
        assert!(q.fixed_order);
        assert_eq!(load(&to_json(&bank)).unwrap().0, bank);
    }

    #[test]
    fn check_question_applies_the_loaders_rules_to_the_model() {
        let (bank, _) = load(GOOD).unwrap();
        let mut q = bank.questions[0].clone();
        assert!(check_question(&q).is_empty());
        q.choices[2] = " B".into();
        q.answer = Answer::Single(5);
        let found: Vec<String> = check_question(&q).iter().map(ToString::to_string).collect();
        assert_eq!(
            found,
            [
                "choices[2]: repeats choices[1]",
                "answer: 5 is out of range: there are 3 choices, numbered 0 to 2"
            ]
        );
    }

    #[test]
    fn placeholder_explanations_warn() {
        let todo = GOOD.replace("\"Both.\"", "\"todo: write this\"");
        let (_, warnings) = load(&todo).unwrap();
        assert_eq!(
            warnings[0].to_string(),
            "questions[1] (q2).explanation: is still a placeholder (\"todo: write this\"); write a real one"
        );
    }

    #[test]
    fn edit_distance_finds_typos() {
        assert_eq!(edit_distance("answer", "anwser"), 2);
        assert_eq!(edit_distance("prompt", "prompt"), 0);
        assert_eq!(edit_distance("", "abc"), 3);
    }
}
