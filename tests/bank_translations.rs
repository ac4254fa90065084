//! Translations of a shipped bank (`<name>.<lang>.json` beside `<name>.json`) stay in step
//! with the original: the same bank id and version, question ids in the same order, the same
//! answers, choice counts, pinned orders and pictures. A learner who switches language keeps their
//! progress only because of this.

use checkpoint_quiz::bank::{self, Bank};

fn load(name: &str) -> Bank {
    let path = format!("{}/questions/{name}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    match bank::load(&text) {
        Ok((b, warnings)) => {
            assert!(warnings.is_empty(), "{name}: {warnings:?}");
            b
        }
        Err(d) => panic!("{name} does not validate: {d:#?}"),
    }
}

/// Every difference that would break progress, scoring or events across languages.
fn differences(original: &Bank, translation: &Bank) -> Vec<String> {
    let mut out = Vec::new();
    if original.id != translation.id {
        out.push(format!("bank id {} vs {}", original.id, translation.id));
    }
    if original.version != translation.version {
        out.push(format!(
            "version {} vs {}",
            original.version, translation.version
        ));
    }
    if (
        original.pass_mark,
        original.time_limit,
        original.exam_questions,
    ) != (
        translation.pass_mark,
        translation.time_limit,
        translation.exam_questions,
    ) {
        out.push("pass mark, time limit or exam size differ".into());
    }
    if original.questions.len() != translation.questions.len() {
        out.push(format!(
            "{} questions vs {}",
            original.questions.len(),
            translation.questions.len()
        ));
    }
    for (a, b) in original.questions.iter().zip(&translation.questions) {
        if a.id != b.id {
            out.push(format!("question {} where {} was expected", b.id, a.id));
            continue;
        }
        if a.answer != b.answer {
            out.push(format!("{}: another answer", a.id));
        }
        if a.choices.len() != b.choices.len() {
            out.push(format!(
                "{}: {} choices vs {}",
                a.id,
                a.choices.len(),
                b.choices.len()
            ));
        }
        if a.fixed_order != b.fixed_order || a.difficulty != b.difficulty {
            out.push(format!("{}: fixedOrder or difficulty differ", a.id));
        }
        if a.image.as_ref().map(|i| &i.src) != b.image.as_ref().map(|i| &i.src) {
            out.push(format!("{}: another picture", a.id));
        }
        if a.prompt == b.prompt || a.explanation == b.explanation {
            out.push(format!("{}: not translated", a.id));
        }
    }
    out
}

#[test]
fn the_spanish_default_bank_is_in_step_with_the_english_one() {
    let en = load("security-customer-service.json");
    let es = load("security-customer-service.es.json");
    assert_eq!(es.language, "es");
    assert_eq!(differences(&en, &es), Vec::<String>::new());
}

#[test]
fn a_translation_out_of_step_is_caught() {
    let en = load("security-customer-service.json");
    let mut es = load("security-customer-service.es.json");
    es.questions[3].answer = en.questions[4].answer.clone();
    es.questions[5].choices.pop();
    es.questions.swap(7, 8);
    let found = differences(&en, &es);
    assert!(found.len() >= 3, "{found:?}");
    let mut moved = load("security-customer-service.es.json");
    moved.id.push_str("-es");
    assert_eq!(differences(&en, &moved).len(), 1);
    let mut behind = load("security-customer-service.es.json");
    behind.version -= 1;
    assert_eq!(differences(&en, &behind).len(), 1);
}

/// Where a translation's own words must keep the original's structure: the same topics in
/// the same order (a topic's name is translated, so each question points at the same
/// position in the list), the articles' titles as they are, and the text translated.
fn wording_differences(original: &Bank, translation: &Bank) -> Vec<String> {
    let mut out = Vec::new();
    if original.topics.len() != translation.topics.len() {
        out.push(format!(
            "{} topics vs {}",
            original.topics.len(),
            translation.topics.len()
        ));
    }
    if original.title == translation.title || original.description == translation.description {
        out.push("title or description not translated".into());
    }
    let position = |b: &Bank, topic: &str| b.topics.iter().position(|t| t == topic);
    for (a, b) in original.questions.iter().zip(&translation.questions) {
        if position(original, &a.topic) != position(translation, &b.topic) {
            out.push(format!("{}: another topic", a.id));
        }
        if a.source != b.source {
            out.push(format!("{}: source {:?} vs {:?}", a.id, a.source, b.source));
        }
        if a.choices.iter().zip(&b.choices).any(|(x, y)| x == y) {
            out.push(format!("{}: a choice not translated", a.id));
        }
    }
    out
}

#[test]
fn the_spanish_default_bank_keeps_topics_and_sources() {
    let en = load("security-customer-service.json");
    let es = load("security-customer-service.es.json");
    assert_eq!(wording_differences(&en, &es), Vec::<String>::new());
    let mut moved = es.clone();
    moved.questions[0].topic = moved.topics[1].clone();
    moved.questions[1].source = "Another article".into();
    moved.questions[2].choices[0] = en.questions[2].choices[0].clone();
    assert_eq!(wording_differences(&en, &moved).len(), 3);
}
