//! The banks we ship: every one passes the validator with no warning at all, and the
//! default bank meets the content rules authors are held to.

use std::collections::{BTreeMap, BTreeSet};

use checkpoint_quiz::bank::{self, Answer, Bank};

fn shipped() -> Vec<(String, Bank)> {
    let mut banks = Vec::new();
    for entry in std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/questions")).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        if !name.ends_with(".json") || name.ends_with(".schema.json") {
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap();
        match bank::load(&text) {
            Ok((b, warnings)) => {
                assert!(warnings.is_empty(), "{name}: {warnings:?}");
                banks.push((name, b));
            }
            Err(d) => panic!("{name} does not validate: {d:#?}"),
        }
    }
    assert!(
        banks.len() >= 2,
        "the default bank and the demo's second bank"
    );
    banks
}

fn default_bank() -> Bank {
    shipped()
        .into_iter()
        .find(|(n, _)| n == "security-customer-service.json")
        .expect("default bank")
        .1
}

#[test]
fn every_shipped_bank_validates_cleanly() {
    for (name, b) in shipped() {
        assert!(
            b.questions.iter().all(|q| !q.topic.is_empty()
                && (1..=3).contains(&q.difficulty)
                && !q.source.is_empty()),
            "{name}: every question has a topic, a difficulty and a source"
        );
        assert!(
            b.questions
                .iter()
                .all(|q| (3..=5).contains(&q.choices.len())),
            "{name}: 3 to 5 choices"
        );
    }
}

#[test]
fn question_ids_are_unique_across_shipped_banks() {
    let mut seen = BTreeSet::new();
    for (name, b) in shipped() {
        for q in &b.questions {
            assert!(seen.insert(q.id.clone()), "{name}: {} is used twice", q.id);
        }
    }
}

#[test]
fn default_bank_has_enough_questions_of_each_kind() {
    let b = default_bank();
    assert!(b.questions.len() >= 60, "{} questions", b.questions.len());
    let multi = b
        .questions
        .iter()
        .filter(|q| q.answer.is_multiple())
        .count();
    assert!(multi >= 6, "{multi} select-all questions");
    for q in b.questions.iter().filter(|q| q.answer.is_multiple()) {
        assert!(
            q.prompt.ends_with("(select all that apply)"),
            "{}: select-all prompts say so",
            q.id
        );
        assert!(
            q.answer.indices().len() < q.choices.len(),
            "{}: not every choice may be right",
            q.id
        );
    }
    assert!(b.topics.len() >= 10, "{} topics", b.topics.len());
    assert!((1..=100).contains(&b.pass_mark));
}

#[test]
fn correct_positions_are_spread_evenly() {
    let b = default_bank();
    let mut counts = [0usize; 5];
    for q in &b.questions {
        if let Answer::Single(i) = q.answer {
            counts[i] += 1;
        }
    }
    let used: Vec<usize> = counts[..4].to_vec();
    let (min, max) = (used.iter().min().unwrap(), used.iter().max().unwrap());
    assert!(max - min <= 2, "single-answer positions A-D: {used:?}");
    // Select-all answers are not all the same set either.
    let sets: BTreeSet<Vec<usize>> = b
        .questions
        .iter()
        .filter_map(|q| match &q.answer {
            Answer::Multiple(v) => Some(v.clone()),
            _ => None,
        })
        .collect();
    assert!(sets.len() >= 4, "select-all answer sets vary: {sets:?}");
}

#[test]
fn no_two_questions_repeat_a_prompt_or_a_choice_set() {
    let norm = |s: &str| {
        s.to_lowercase()
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    };
    let mut prompts = BTreeMap::new();
    let mut choice_sets = BTreeMap::new();
    for (_, b) in shipped() {
        for q in &b.questions {
            if let Some(other) = prompts.insert(norm(&q.prompt), q.id.clone()) {
                panic!("{} and {other} ask the same prompt", q.id);
            }
            let mut set: Vec<String> = q.choices.iter().map(|c| norm(c)).collect();
            set.sort();
            if let Some(other) = choice_sets.insert(set, q.id.clone()) {
                panic!("{} and {other} offer the same choices", q.id);
            }
        }
    }
}

#[test]
fn no_filler_choices() {
    for (_, b) in shipped() {
        for q in &b.questions {
            for c in &q.choices {
                let c = c.to_lowercase();
                assert!(
                    !c.contains("all of the above") && !c.contains("none of the above"),
                    "{}: {c}",
                    q.id
                );
            }
        }
    }
}

#[test]
fn default_bank_has_at_least_20_scenario_questions() {
    // A scenario sets a scene in at least one sentence before it asks ("A parent reports a
    // lost child at a concert. What should the officer do first?").
    let scenario = |p: &str| {
        let sentences = p
            .split_inclusive(['.', '?', '!'])
            .filter(|s| s.trim().len() > 12)
            .count();
        sentences >= 2
    };
    let n = default_bank()
        .questions
        .iter()
        .filter(|q| scenario(&q.prompt))
        .count();
    assert!(n >= 20, "{n} scenario questions");
}
