//! The banks we ship: every one passes the validator with no warning at all, and the
//! default bank meets the content rules authors are held to. A translation
//! (`<name>.<lang>.json` beside `<name>.json`) is the same bank in another language: it
//! shares its original's question ids (tests/bank_translations.rs keeps the two in step)
//! and is held to the same rules in its own words.

use std::collections::{BTreeMap, BTreeSet};

use checkpoint_quiz::bank::{self, Answer, Bank};

/// The file name of the default bank, in English; its translations sit beside it.
const DEFAULT: &str = "security-customer-service.json";

struct Shipped {
    name: String,
    /// The file this one translates (`x.json` for `x.es.json`), or its own name.
    original: String,
    bank: Bank,
}

impl Shipped {
    fn is_translation(&self) -> bool {
        self.name != self.original
    }
}

/// `x.es.json` translates `x.json` when `x.json` is shipped too; anything else is an original.
fn original_of(name: &str, names: &BTreeSet<String>) -> String {
    let stem = name.strip_suffix(".json").unwrap_or(name);
    match stem.rsplit_once('.') {
        Some((base, lang))
            if !lang.is_empty()
                && lang.chars().all(|c| c.is_ascii_lowercase() || c == '-')
                && names.contains(&format!("{base}.json")) =>
        {
            format!("{base}.json")
        }
        _ => name.to_string(),
    }
}

fn shipped() -> Vec<Shipped> {
    let mut files = BTreeMap::new();
    for entry in std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/questions")).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        if !name.ends_with(".json") || name.ends_with(".schema.json") {
            continue;
        }
        files.insert(name, path);
    }
    let names: BTreeSet<String> = files.keys().cloned().collect();
    let mut banks = Vec::new();
    for (name, path) in &files {
        let text = std::fs::read_to_string(path).unwrap();
        match bank::load(&text) {
            Ok((b, warnings)) => {
                assert!(warnings.is_empty(), "{name}: {warnings:?}");
                banks.push(Shipped {
                    original: original_of(name, &names),
                    name: name.clone(),
                    bank: b,
                });
            }
            Err(d) => panic!("{name} does not validate: {d:#?}"),
        }
    }
    assert!(
        banks.iter().filter(|s| !s.is_translation()).count() >= 2,
        "the default bank and the demo's second bank"
    );
    banks
}

/// The default bank, in English: the one the widget loads when the page names none.
fn default_bank() -> Bank {
    let b = shipped()
        .into_iter()
        .find(|s| s.name == DEFAULT)
        .expect("default bank")
        .bank;
    assert_eq!(b.language, "en");
    b
}

/// The default bank in every language it ships in, English first.
fn default_bank_in_each_language() -> Vec<(String, Bank)> {
    let mut all: Vec<(String, Bank)> = shipped()
        .into_iter()
        .filter(|s| s.original == DEFAULT)
        .map(|s| (s.name, s.bank))
        .collect();
    all.sort_by_key(|(name, _)| name != DEFAULT);
    assert!(
        all.len() >= 2,
        "the default bank and its Spanish translation"
    );
    all
}

/// How a select-all prompt ends in each language a shipped bank is written in.
fn select_all_suffix(language: &str) -> &'static str {
    match language.split('-').next().unwrap_or_default() {
        "en" => "(select all that apply)",
        "es" => "(marca todas las correctas)",
        other => panic!("no select-all wording for language {other}: add it here"),
    }
}

/// "All of the above" and "none of the above" in each language a shipped bank is written in.
fn filler_choices(language: &str) -> &'static [&'static str] {
    match language.split('-').next().unwrap_or_default() {
        "en" => &["all of the above", "none of the above"],
        "es" => &[
            "todas las anteriores",
            "ninguna de las anteriores",
            "todas las opciones anteriores",
            "ninguna de las opciones anteriores",
        ],
        other => panic!("no filler-choice wording for language {other}: add it here"),
    }
}

#[test]
fn translations_are_recognised_by_their_file_name() {
    let names: BTreeSet<String> = ["a.json", "a.es.json", "b.fr.json", "c.d.json", "c.json"]
        .iter()
        .map(|s| s.to_string())
        .collect();
    assert_eq!(original_of("a.es.json", &names), "a.json");
    assert_eq!(original_of("a.json", &names), "a.json");
    // No b.json beside it: an original with a dot in its name.
    assert_eq!(original_of("b.fr.json", &names), "b.fr.json");
    assert_eq!(original_of("c.d.json", &names), "c.json");
    let found: Vec<String> = shipped()
        .iter()
        .filter(|s| s.is_translation())
        .map(|s| format!("{} -> {}", s.name, s.original))
        .collect();
    assert!(
        found.contains(&format!("security-customer-service.es.json -> {DEFAULT}")),
        "{found:?}"
    );
}

#[test]
fn every_shipped_bank_validates_cleanly() {
    for Shipped { name, bank: b, .. } in shipped() {
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
    // A translation is the same bank: it repeats its original's ids, and only those.
    let all = shipped();
    let ids = |b: &Bank| -> Vec<String> { b.questions.iter().map(|q| q.id.clone()).collect() };
    let mut seen = BTreeSet::new();
    for s in all.iter().filter(|s| !s.is_translation()) {
        for q in &s.bank.questions {
            assert!(
                seen.insert(q.id.clone()),
                "{}: {} is used twice",
                s.name,
                q.id
            );
        }
    }
    for t in all.iter().filter(|s| s.is_translation()) {
        let original = all.iter().find(|s| s.name == t.original).unwrap();
        assert_eq!(
            ids(&t.bank),
            ids(&original.bank),
            "{} asks other questions than {}",
            t.name,
            t.original
        );
    }
}

#[test]
fn default_bank_has_enough_questions_of_each_kind() {
    for (name, b) in default_bank_in_each_language() {
        assert!(
            b.questions.len() >= 60,
            "{name}: {} questions",
            b.questions.len()
        );
        let multi = b
            .questions
            .iter()
            .filter(|q| q.answer.is_multiple())
            .count();
        assert!(multi >= 6, "{name}: {multi} select-all questions");
        let suffix = select_all_suffix(&b.language);
        for q in &b.questions {
            // Said in the bank's own words, and only where several answers are right.
            assert_eq!(
                q.prompt.ends_with(suffix),
                q.answer.is_multiple(),
                "{name}: {}: a prompt ends with {suffix:?} exactly when it is select-all",
                q.id
            );
        }
        for q in b.questions.iter().filter(|q| q.answer.is_multiple()) {
            assert!(
                q.answer.indices().len() < q.choices.len(),
                "{name}: {}: not every choice may be right",
                q.id
            );
        }
        assert!(b.topics.len() >= 10, "{name}: {} topics", b.topics.len());
        assert!((1..=100).contains(&b.pass_mark));
    }
}

#[test]
fn correct_positions_are_spread_evenly() {
    // A translation has the same answers (tests/bank_translations.rs), so English stands for all.
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
    // Compared within one language: a translation words each question its own way, and
    // two questions must not collapse into one in any language.
    let mut prompts = BTreeMap::new();
    let mut choice_sets = BTreeMap::new();
    for Shipped { name, bank: b, .. } in shipped() {
        for q in &b.questions {
            let at = format!("{name}: {}", q.id);
            if let Some(other) = prompts.insert((b.language.clone(), norm(&q.prompt)), at.clone()) {
                panic!("{at} and {other} ask the same prompt");
            }
            let mut set: Vec<String> = q.choices.iter().map(|c| norm(c)).collect();
            set.sort();
            if let Some(other) = choice_sets.insert((b.language.clone(), set), at.clone()) {
                panic!("{at} and {other} offer the same choices");
            }
        }
    }
}

#[test]
fn no_filler_choices() {
    for Shipped { name, bank: b, .. } in shipped() {
        let fillers = filler_choices(&b.language);
        for q in &b.questions {
            for c in &q.choices {
                let c = c.to_lowercase();
                assert!(
                    !fillers.iter().any(|f| c.contains(f)),
                    "{name}: {}: {c}",
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
    // Spanish opens a question with ¿, which does not change where sentences end.
    for (name, b) in default_bank_in_each_language() {
        let n = b.questions.iter().filter(|q| scenario(&q.prompt)).count();
        assert!(n >= 20, "{name}: {n} scenario questions");
    }
}
