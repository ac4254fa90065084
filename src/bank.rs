//! The question bank: its model, and the one validator used both by the widget at load
//! time and by the `cqbank check` authoring tool.
//!
//! Validation never stops at the first problem: authors get every problem with its
//! line and column. Unknown fields are warnings, so a bank written for a newer widget
//! still loads; `check` treats warnings as failures to catch typos such as `anwser`.

use crate::json::{self, Node, Pos, Value};

pub const MAX_ID: usize = 64;
pub const MAX_TITLE: usize = 200;
pub const MAX_PROMPT: usize = 500;
pub const MAX_CHOICE: usize = 200;
pub const MAX_EXPLANATION: usize = 1000;
pub const MIN_CHOICES: usize = 2;
pub const MAX_CHOICES: usize = 10;
/// Pass mark used when a bank does not name one.
pub const DEFAULT_PASS_MARK: u8 = 70;

#[derive(Clone, Debug, PartialEq)]
pub struct Bank {
    pub id: String,
    pub title: String,
    pub version: u32,
    pub language: String,
    pub description: String,
    /// Percent needed to pass a mock exam.
    pub pass_mark: u8,
    /// Default exam time limit in seconds, if the bank sets one.
    pub time_limit: Option<u32>,
    /// Default number of questions in a mock exam (`None` = all of them).
    pub exam_questions: Option<usize>,
    pub topics: Vec<String>,
    pub questions: Vec<Question>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Question {
    pub id: String,
    /// Empty when the bank does not group questions by topic.
    pub topic: String,
    /// 1 (easy) to 3 (hard); 0 when not given.
    pub difficulty: u8,
    pub prompt: String,
    pub choices: Vec<String>,
    pub answer: Answer,
    pub explanation: String,
    /// Title of the article or chapter the question draws on; may be empty.
    pub source: String,
    /// A picture shown with the prompt.
    pub image: Option<Image>,
    /// Keeps the choices in the bank's order even when choices are shuffled.
    pub fixed_order: bool,
}

/// A picture for a question; `src` is resolved against the bank's URL, `alt` is required.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Image {
    pub src: String,
    pub alt: String,
}

/// The correct choice(s), as 0-based indices into `choices`.
#[derive(Clone, Debug, PartialEq, Eq)]
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

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    pub pos: Pos,
    pub severity: Severity,
    pub message: String,
}

impl Diagnostic {
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

/// A bank that loaded (with any warnings), or every problem found.
pub type LoadResult = Result<(Bank, Vec<Diagnostic>), Vec<Diagnostic>>;

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
];

/// Parses and validates bank text. Diagnostics are sorted by position.
pub fn load(text: &str) -> LoadResult {
    let root = match json::parse(text) {
        Ok(root) => root,
        Err(e) => {
            return Err(vec![Diagnostic {
                pos: e.pos,
                severity: Severity::Error,
                message: ["not valid JSON: ", e.message].concat(),
            }])
        }
    };
    let mut v = Validator { out: Vec::new() };
    let bank = v.bank(&root);
    let mut diags = v.out;
    crate::order::sort_by_key(&mut diags, |d| d.pos);
    match bank {
        Some(bank) if !diags.iter().any(Diagnostic::is_error) => Ok((bank, diags)),
        _ => Err(diags),
    }
}

struct Validator {
    out: Vec<Diagnostic>,
}

impl Validator {
    fn error(&mut self, pos: Pos, message: String) {
        self.out.push(Diagnostic {
            pos,
            severity: Severity::Error,
            message,
        });
    }

    fn unknown_fields(&mut self, node: &Node, known: &[&str], what: &str) {
        let Value::Object(members) = &node.value else {
            return;
        };
        for (i, m) in members.iter().enumerate() {
            if members[..i].iter().any(|earlier| earlier.key == m.key) {
                self.error(
                    m.key_pos,
                    [what, ": field \"", &m.key, "\" appears twice"].concat(),
                );
            } else if !known.contains(&m.key.as_str()) {
                let hint = known
                    .iter()
                    .find(|k| edit_distance(k, &m.key) <= 2)
                    .map(|k| [" (did you mean \"", k, "\"?)"].concat())
                    .unwrap_or_default();
                self.out.push(Diagnostic {
                    pos: m.key_pos,
                    severity: Severity::Warning,
                    message: [what, ": unknown field \"", &m.key, "\"", &hint].concat(),
                });
            }
        }
    }

    /// A required or optional field that must be a string of 1..=max characters.
    fn text(
        &mut self,
        obj: &Node,
        key: &str,
        max: usize,
        required: bool,
        what: &str,
    ) -> Option<String> {
        let Some(node) = obj.get(key) else {
            if required {
                self.error(obj.pos, [what, ": missing \"", key, "\""].concat());
            }
            return None;
        };
        let Some(s) = node.as_str() else {
            self.error(
                node.pos,
                [
                    what,
                    ": \"",
                    key,
                    "\" must be a string, found ",
                    node.kind(),
                ]
                .concat(),
            );
            return None;
        };
        let len = s.chars().count();
        if s.trim().is_empty() {
            self.error(node.pos, [what, ": \"", key, "\" is empty"].concat());
            None
        } else if len > max {
            self.error(
                node.pos,
                [
                    what,
                    ": \"",
                    key,
                    "\" is too long (",
                    &num(len as i64),
                    " characters, at most ",
                    &num(max as i64),
                    ")",
                ]
                .concat(),
            );
            None
        } else {
            Some(s.to_owned())
        }
    }

    fn integer(&mut self, obj: &Node, key: &str, range: (i64, i64), what: &str) -> Option<i64> {
        let node = obj.get(key)?;
        match node.as_i64() {
            Some(i) if i >= range.0 && i <= range.1 => Some(i),
            Some(i) => {
                self.error(
                    node.pos,
                    [
                        what,
                        ": \"",
                        key,
                        "\" is ",
                        &num(i),
                        ", must be ",
                        &num(range.0),
                        " to ",
                        &num(range.1),
                    ]
                    .concat(),
                );
                None
            }
            None => {
                self.error(
                    node.pos,
                    [
                        what,
                        ": \"",
                        key,
                        "\" must be a whole number, found ",
                        node.kind(),
                    ]
                    .concat(),
                );
                None
            }
        }
    }

    fn id(&mut self, obj: &Node, what: &str) -> Option<String> {
        let id = self.text(obj, "id", MAX_ID, true, what)?;
        if is_valid_id(&id) {
            Some(id)
        } else {
            let pos = obj.get("id").map_or(obj.pos, |n| n.pos);
            self.error(
                pos,
                [
                    what,
                    ": id \"",
                    &id,
                    "\" may use only a-z, 0-9 and '-', starting with a letter or digit",
                ]
                .concat(),
            );
            None
        }
    }

    fn bank(&mut self, root: &Node) -> Option<Bank> {
        if !matches!(root.value, Value::Object(_)) {
            self.error(
                root.pos,
                ["a bank must be a JSON object, found ", root.kind()].concat(),
            );
            return None;
        }
        self.unknown_fields(root, BANK_FIELDS, "bank");
        let id = self.id(root, "bank");
        let title = self.text(root, "title", MAX_TITLE, true, "bank");
        let language = self.text(root, "language", 35, true, "bank");
        let description = self
            .text(root, "description", MAX_EXPLANATION, false, "bank")
            .unwrap_or_default();
        let version = match root.get("version") {
            None => {
                self.error(root.pos, "bank: missing \"version\"".into());
                None
            }
            Some(_) => self.integer(root, "version", (1, u32::MAX as i64), "bank"),
        };
        let pass_mark = self
            .integer(root, "passMark", (1, 100), "bank")
            .map_or(DEFAULT_PASS_MARK, |p| p as u8);
        let time_limit = self
            .integer(root, "timeLimit", (1, 24 * 3600), "bank")
            .map(|t| t as u32);
        let exam_questions = self
            .integer(root, "examQuestions", (1, 500), "bank")
            .map(|n| n as usize);
        let topics = self.topics(root);

        let mut questions = Vec::new();
        match root.get("questions") {
            None => self.error(root.pos, "bank: missing \"questions\"".into()),
            Some(node) => match node.as_array() {
                None => self.error(
                    node.pos,
                    ["bank: \"questions\" must be a list, found ", node.kind()].concat(),
                ),
                Some([]) => self.error(node.pos, "bank: \"questions\" is empty".into()),
                Some(items) => {
                    let mut ok = true;
                    for (i, item) in items.iter().enumerate() {
                        match self.question(item, i) {
                            Some(q) => questions.push(q),
                            None => ok = false,
                        }
                    }
                    self.cross_checks(items, topics.as_deref(), root);
                    if !ok {
                        questions.clear();
                    }
                }
            },
        }
        Some(Bank {
            id: id?,
            title: title?,
            version: version? as u32,
            language: language?,
            description,
            pass_mark,
            time_limit,
            exam_questions,
            topics: topics.unwrap_or_else(|| {
                let mut seen: Vec<String> = Vec::new();
                for q in &questions {
                    if !q.topic.is_empty() && !seen.contains(&q.topic) {
                        seen.push(q.topic.clone());
                    }
                }
                seen
            }),
            questions,
        })
        .filter(|b| !b.questions.is_empty())
    }

    fn topics(&mut self, root: &Node) -> Option<Vec<String>> {
        let node = root.get("topics")?;
        let Some(items) = node.as_array() else {
            self.error(
                node.pos,
                [
                    "bank: \"topics\" must be a list of strings, found ",
                    node.kind(),
                ]
                .concat(),
            );
            return None;
        };
        let mut topics = Vec::new();
        for item in items {
            match item.as_str() {
                Some(s) if !s.trim().is_empty() => {
                    if topics.iter().any(|t| t == s) {
                        self.error(
                            item.pos,
                            ["bank: topic \"", s, "\" is listed twice"].concat(),
                        );
                    }
                    topics.push(s.to_owned());
                }
                _ => self.error(
                    item.pos,
                    "bank: each topic must be a non-empty string".into(),
                ),
            }
        }
        Some(topics)
    }

    fn question(&mut self, node: &Node, index: usize) -> Option<Question> {
        // Name the question by id when it has a usable one, else by its place in the list.
        let what = match node.get("id").and_then(Node::as_str) {
            Some(id) if is_valid_id(id) => ["question \"", id, "\""].concat(),
            _ => ["question #", &num(index as i64 + 1)].concat(),
        };
        if !matches!(node.value, Value::Object(_)) {
            self.error(
                node.pos,
                [what.as_str(), ": must be an object, found ", node.kind()].concat(),
            );
            return None;
        }
        self.unknown_fields(node, QUESTION_FIELDS, &what);
        let id = self.id(node, &what);
        let topic = self
            .text(node, "topic", MAX_TITLE, false, &what)
            .unwrap_or_default();
        let source = self
            .text(node, "source", MAX_TITLE, false, &what)
            .unwrap_or_default();
        let difficulty = self
            .integer(node, "difficulty", (1, 3), &what)
            .map_or(0, |d| d as u8);
        let prompt = self.text(node, "prompt", MAX_PROMPT, true, &what);
        let explanation = self.text(node, "explanation", MAX_EXPLANATION, true, &what);
        let choices = self.choices(node, &what);
        let answer = self.answer(node, choices.as_ref().map(Vec::len), &what);
        Some(Question {
            id: id?,
            topic,
            difficulty,
            prompt: prompt?,
            choices: choices?,
            answer: answer?,
            explanation: explanation?,
            source,
            image: None,
            fixed_order: false,
        })
    }

    fn choices(&mut self, q: &Node, what: &str) -> Option<Vec<String>> {
        let Some(node) = q.get("choices") else {
            self.error(q.pos, [what, ": missing \"choices\""].concat());
            return None;
        };
        let Some(items) = node.as_array() else {
            self.error(
                node.pos,
                [
                    what,
                    ": \"choices\" must be a list of strings, found ",
                    node.kind(),
                ]
                .concat(),
            );
            return None;
        };
        let mut ok = true;
        if items.len() < MIN_CHOICES || items.len() > MAX_CHOICES {
            self.error(
                node.pos,
                [
                    what,
                    ": has ",
                    &num(items.len() as i64),
                    " choices, needs ",
                    &num(MIN_CHOICES as i64),
                    " to ",
                    &num(MAX_CHOICES as i64),
                ]
                .concat(),
            );
            ok = false;
        }
        let mut choices: Vec<String> = Vec::new();
        for (i, item) in items.iter().enumerate() {
            match item.as_str() {
                None => {
                    self.error(
                        item.pos,
                        [
                            what,
                            ": choice ",
                            &num(i as i64),
                            " must be a string, found ",
                            item.kind(),
                        ]
                        .concat(),
                    );
                    ok = false;
                }
                Some(s) if s.trim().is_empty() => {
                    self.error(
                        item.pos,
                        [what, ": choice ", &num(i as i64), " is empty"].concat(),
                    );
                    ok = false;
                }
                Some(s) if s.chars().count() > MAX_CHOICE => {
                    let n = s.chars().count();
                    self.error(
                        item.pos,
                        [
                            what,
                            ": choice ",
                            &num(i as i64),
                            " is too long (",
                            &num(n as i64),
                            " characters, at most ",
                            &num(MAX_CHOICE as i64),
                            ")",
                        ]
                        .concat(),
                    );
                    ok = false;
                }
                Some(s) => {
                    let norm = normalize(s);
                    if let Some(j) = choices.iter().position(|c| normalize(c) == norm) {
                        self.error(
                            item.pos,
                            [
                                what,
                                ": choice ",
                                &num(i as i64),
                                " repeats choice ",
                                &num(j as i64),
                            ]
                            .concat(),
                        );
                        ok = false;
                    }
                    choices.push(s.to_owned());
                }
            }
        }
        ok.then_some(choices)
    }

    fn answer(&mut self, q: &Node, choices: Option<usize>, what: &str) -> Option<Answer> {
        let Some(node) = q.get("answer") else {
            self.error(q.pos, [what, ": missing \"answer\""].concat());
            return None;
        };
        let index = |v: &mut Self, n: &Node| -> Option<usize> {
            let Some(i) = n.as_i64() else {
                v.error(
                    n.pos,
                    [
                        what,
                        ": \"answer\" must be a choice number (0 = first), found ",
                        n.kind(),
                    ]
                    .concat(),
                );
                return None;
            };
            match choices {
                Some(len) if i < 0 || i as u64 >= len as u64 => {
                    v.error(
                        n.pos,
                        [
                            what,
                            ": answer ",
                            &num(i),
                            " is out of range: there are ",
                            &num(len as i64),
                            " choices, numbered 0 to ",
                            &num(len.saturating_sub(1) as i64),
                        ]
                        .concat(),
                    );
                    None
                }
                _ if i < 0 => {
                    v.error(n.pos, [what, ": answer ", &num(i), " is negative"].concat());
                    None
                }
                _ => Some(i as usize),
            }
        };
        match &node.value {
            Value::Array(items) => {
                let mut picked = Vec::new();
                let mut ok = true;
                for item in items {
                    match index(self, item) {
                        Some(i) if picked.contains(&i) => {
                            self.error(
                                item.pos,
                                [what, ": answer ", &num(i as i64), " is listed twice"].concat(),
                            );
                            ok = false;
                        }
                        Some(i) => picked.push(i),
                        None => ok = false,
                    }
                }
                if items.len() < 2 {
                    self.error(
                        node.pos,
                        [what, ": a select-all answer needs at least two choices; for one right choice write a number, not a list"].concat(),
                    );
                    ok = false;
                }
                crate::order::sort(&mut picked);
                (ok && choices.is_some()).then_some(Answer::Multiple(picked))
            }
            _ => index(self, node)
                .filter(|_| choices.is_some())
                .map(Answer::Single),
        }
    }

    /// Checks across questions: unique ids, topics that the bank lists.
    fn cross_checks(&mut self, items: &[Node], topics: Option<&[String]>, root: &Node) {
        let mut ids: Vec<&str> = Vec::new();
        for item in items {
            let Some(id_node) = item.get("id") else {
                continue;
            };
            let Some(id) = id_node.as_str() else { continue };
            if ids.contains(&id) {
                self.error(
                    id_node.pos,
                    [
                        "question \"",
                        id,
                        "\": duplicate id (ids must be unique in a bank)",
                    ]
                    .concat(),
                );
            }
            ids.push(id);
        }
        if let Some(topics) = topics {
            for item in items {
                let Some(t) = item.get("topic") else { continue };
                if let Some(s) = t.as_str() {
                    if !s.trim().is_empty() && !topics.iter().any(|x| x == s) {
                        self.error(
                            t.pos,
                            ["topic \"", s, "\" is not in the bank's \"topics\" list"].concat(),
                        );
                    }
                }
            }
            let list_pos = root.get("topics").map_or(root.pos, |n| n.pos);
            for t in topics {
                // Count questions that failed validation too: their topic is still in use.
                if !items
                    .iter()
                    .any(|q| q.get("topic").and_then(Node::as_str) == Some(t.as_str()))
                {
                    self.out.push(Diagnostic {
                        pos: list_pos,
                        severity: Severity::Warning,
                        message: ["bank: topic \"", t.as_str(), "\" has no questions"].concat(),
                    });
                }
            }
        }
    }
}

/// A number as text for messages; cheaper in the wasm than `format!`.
fn num(i: i64) -> String {
    let mut s = String::new();
    json::push_int(&mut s, i);
    s
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

/// For spotting repeated choices: case and spacing ignored (ASCII case only, because
/// full Unicode lowercasing would add ~10 KB of tables to the wasm).
fn normalize(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_ascii_lowercase()
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

/// Writes a bank as pretty JSON in the layout of the banks we ship: 2-space indent, one
/// block per question, fields in the order of the format doc, empty optional fields left
/// out, ending with a newline. `load(&to_json(&b))` gives back `b` for every bank `load`
/// returns. (`$schema` is not part of the model, so it is not written.)
///
/// Used by `cqbank import`; the widget never calls it, so it stays out of the wasm.
pub fn to_json(bank: &Bank) -> String {
    fn string(out: &mut String, s: &str) {
        let mut w = json::Writer::new();
        w.string(s);
        out.push_str(&w.finish());
    }
    fn field(out: &mut String, indent: &str, key: &str) {
        out.push_str(",\n");
        out.push_str(indent);
        string(out, key);
        out.push_str(": ");
    }
    fn list(out: &mut String, indent: &str, items: &[String]) {
        if items.is_empty() {
            out.push_str("[]");
            return;
        }
        out.push('[');
        for (i, item) in items.iter().enumerate() {
            out.push_str(if i == 0 { "\n" } else { ",\n" });
            out.push_str(indent);
            out.push_str("  ");
            string(out, item);
        }
        out.push('\n');
        out.push_str(indent);
        out.push(']');
    }

    let mut out = String::from("{\n  \"id\": ");
    string(&mut out, &bank.id);
    field(&mut out, "  ", "title");
    string(&mut out, &bank.title);
    field(&mut out, "  ", "version");
    json::push_int(&mut out, i64::from(bank.version));
    field(&mut out, "  ", "language");
    string(&mut out, &bank.language);
    if !bank.description.is_empty() {
        field(&mut out, "  ", "description");
        string(&mut out, &bank.description);
    }
    field(&mut out, "  ", "passMark");
    json::push_int(&mut out, i64::from(bank.pass_mark));
    if let Some(t) = bank.time_limit {
        field(&mut out, "  ", "timeLimit");
        json::push_int(&mut out, i64::from(t));
    }
    if let Some(n) = bank.exam_questions {
        field(&mut out, "  ", "examQuestions");
        json::push_int(&mut out, n as i64);
    }
    if !bank.topics.is_empty() {
        field(&mut out, "  ", "topics");
        list(&mut out, "  ", &bank.topics);
    }
    field(&mut out, "  ", "questions");
    out.push('[');
    for (i, q) in bank.questions.iter().enumerate() {
        out.push_str(if i == 0 {
            "\n    {\n      \"id\": "
        } else {
            ",\n    {\n      \"id\": "
        });
        string(&mut out, &q.id);
        let ind = "      ";
        if !q.topic.is_empty() {
            field(&mut out, ind, "topic");
            string(&mut out, &q.topic);
        }
        if q.difficulty != 0 {
            field(&mut out, ind, "difficulty");
            json::push_int(&mut out, i64::from(q.difficulty));
        }
        field(&mut out, ind, "prompt");
        string(&mut out, &q.prompt);
        field(&mut out, ind, "choices");
        list(&mut out, ind, &q.choices);
        field(&mut out, ind, "answer");
        match &q.answer {
            Answer::Single(a) => json::push_int(&mut out, *a as i64),
            Answer::Multiple(v) => {
                out.push('[');
                for (j, a) in v.iter().enumerate() {
                    if j > 0 {
                        out.push_str(", ");
                    }
                    json::push_int(&mut out, *a as i64);
                }
                out.push(']');
            }
        }
        field(&mut out, ind, "explanation");
        string(&mut out, &q.explanation);
        if !q.source.is_empty() {
            field(&mut out, ind, "source");
            string(&mut out, &q.source);
        }
        if let Some(image) = &q.image {
            field(&mut out, ind, "image");
            out.push_str("{ \"src\": ");
            string(&mut out, &image.src);
            out.push_str(", \"alt\": ");
            string(&mut out, &image.alt);
            out.push_str(" }");
        }
        if q.fixed_order {
            field(&mut out, ind, "fixedOrder");
            out.push_str("true");
        }
        out.push_str("\n    }");
    }
    if !bank.questions.is_empty() {
        out.push_str("\n  ");
    }
    out.push_str("]\n}\n");
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

    fn errors(text: &str) -> Vec<String> {
        match load(text) {
            Ok((_, w)) => w
                .into_iter()
                .map(|d| format!("{}: {}", d.pos, d.message))
                .collect(),
            Err(d) => d
                .into_iter()
                .map(|d| format!("{}: {}", d.pos, d.message))
                .collect(),
        }
    }

    #[test]
    fn a_good_bank_loads_with_defaults() {
        let (bank, warnings) = load(GOOD).unwrap();
        assert!(warnings.is_empty());
        assert_eq!(bank.questions.len(), 2);
        assert_eq!(bank.pass_mark, DEFAULT_PASS_MARK);
        assert_eq!(bank.questions[1].answer, Answer::Multiple(vec![0, 2]));
        assert_eq!(bank.topics, vec!["T".to_string()]);
    }

    #[test]
    fn an_out_of_range_answer_is_named_with_its_position() {
        let bad = GOOD.replace("\"answer\": 1", "\"answer\": 7");
        let e = errors(&bad);
        assert_eq!(e, vec!["4:75: question \"q1\": answer 7 is out of range: there are 3 choices, numbered 0 to 2"]);
        assert!(load(&bad).is_err());
    }

    #[test]
    fn every_problem_is_reported_not_just_the_first() {
        let bad = r#"{"id": "Bad Id", "version": "1", "language": "en", "title": "",
          "questions": [
            {"id": "x", "prompt": "p", "choices": ["a", "A "], "answer": [1], "explanation": ""},
            {"id": "x", "prompt": 5, "choices": "ab", "anwser": 0, "explanation": "e"}
          ]}"#;
        let e = errors(bad);
        let joined = e.join("\n");
        for needle in [
            "id \"Bad Id\" may use only",
            "\"version\" must be a whole number, found a string",
            "\"title\" is empty",
            "choice 1 repeats choice 0",
            "select-all answer needs at least two choices",
            "\"explanation\" is empty",
            "duplicate id",
            "\"prompt\" must be a string, found a number",
            "\"choices\" must be a list of strings",
            "unknown field \"anwser\" (did you mean \"answer\"?)",
            "missing \"answer\"",
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
        assert!(warnings[0].message.contains("unknown field \"theme\""));
    }

    #[test]
    fn topics_must_be_listed_when_a_list_is_given() {
        let listed = GOOD.replacen(
            "\"version\": 1,",
            "\"version\": 1, \"topics\": [\"Other\"],",
            1,
        );
        let e = errors(&listed).join("\n");
        assert!(
            e.contains("topic \"T\" is not in the bank's \"topics\" list"),
            "{e}"
        );
        assert!(e.contains("topic \"Other\" has no questions"), "{e}");
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
        let e = errors(&listed).join("\n");
        assert!(e.contains("answer 9 is out of range"), "{e}");
        assert!(!e.contains("has no questions"), "{e}");
    }

    #[test]
    fn not_json_and_not_an_object_are_clear() {
        assert_eq!(errors("{\"id\": }")[0], "1:8: not valid JSON: unexpected character (expected a value: a string, number, list, object, true, false or null)");
        assert_eq!(
            errors("[]")[0],
            "1:1: a bank must be a JSON object, found a list"
        );
        assert!(errors("{}")
            .join("\n")
            .contains("bank: missing \"questions\""));
    }

    #[test]
    fn edit_distance_finds_typos() {
        assert_eq!(edit_distance("answer", "anwser"), 2);
        assert_eq!(edit_distance("prompt", "prompt"), 0);
        assert_eq!(edit_distance("", "abc"), 3);
    }
}
