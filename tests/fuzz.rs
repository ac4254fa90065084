//! Property tests: the JSON reader, the bank validator and the Aiken and GIFT importers
//! never panic on any input, whatever they import is a valid bank, and banks survive
//! `to_json` → `load` unchanged.
#![cfg(not(target_arch = "wasm32"))]

use checkpoint_quiz::bank::{self, Answer, Bank, BankInfo, Question};
use checkpoint_quiz::convert;
use proptest::prelude::*;

const SHIPPED: &str = include_str!("../questions/public-perception-outreach.json");
const FIXTURE: &str = include_str!("fixtures/stats-bank.json");

/// Any text, up to a few KB, weighted towards characters that matter to the parsers.
fn text() -> impl Strategy<Value = String> {
    let ch = prop_oneof![
        3 => any::<char>(),
        3 => prop::sample::select(vec![
            '{', '}', '[', ']', ':', ',', '"', '\\', '\n', '\r', '\t', ' ', '=', '~', '#', '%', '-',
            '>', '/', '$', 'A', '.', ')', 'T', 'u', '0', '9', 'e', 'é', '😀', '\u{feff}', '\u{0}',
        ]),
    ];
    prop::collection::vec(ch, 0..3000).prop_map(String::from_iter)
}

/// Text made of tokens that form JSON, nearly-JSON and bank fields.
fn json_ish() -> impl Strategy<Value = String> {
    let token = prop::sample::select(vec![
        "{",
        "}",
        "[",
        "]",
        ":",
        ",",
        " ",
        "\n",
        "\"id\"",
        "\"questions\"",
        "\"answer\"",
        "\"anwser\"",
        "\"choices\"",
        "\"prompt\"",
        "\"explanation\"",
        "\"topics\"",
        "\"topic\"",
        "\"title\"",
        "\"version\"",
        "\"language\"",
        "\"difficulty\"",
        "\"passMark\"",
        "\"timeLimit\"",
        "\"x\"",
        "\"q-1\"",
        "\"\"",
        "\" \"",
        "\"\\u00e9\\ud83d\\ude00\"",
        "\"\\ud83d\"",
        "\"\\q\"",
        "\"é\"",
        "0",
        "1",
        "-1",
        "3",
        "99999999999999999999",
        "1.5e3",
        "-",
        "01",
        "true",
        "false",
        "null",
        "tru",
        "\"",
        "\\",
        "\u{feff}",
    ]);
    prop::collection::vec(token, 0..400).prop_map(|t| t.concat())
}

/// A shipped bank with a few random edits: deep validator paths with broken values.
fn mutated_bank() -> impl Strategy<Value = String> {
    let edit = (any::<prop::sample::Index>(), 0..4u8, 0..12usize, json_ish());
    prop::collection::vec(edit, 1..6).prop_map(|edits| {
        let mut chars: Vec<char> = SHIPPED.chars().collect();
        for (at, kind, len, insert) in edits {
            let i = at.index(chars.len() + 1);
            let end = (i + len).min(chars.len());
            match kind {
                0 => {
                    chars.drain(i..end);
                }
                1 => {
                    chars.splice(i..i, insert.chars());
                }
                2 => {
                    chars.splice(i..end, insert.chars());
                }
                _ => {
                    // Swap a number for another, or duplicate a stretch.
                    let piece: Vec<char> = chars[i..end].to_vec();
                    chars.splice(i..i, piece);
                }
            }
        }
        chars.into_iter().collect()
    })
}

/// Lines that look like Aiken and GIFT, in random order.
fn quiz_lines() -> impl Strategy<Value = String> {
    let line = prop_oneof![
        prop::sample::select(vec![
            "",
            "",
            "What is it?",
            "A. one",
            "B) two",
            "C. three",
            "A. one",
            "K. eleven",
            "A.",
            "ANSWER: B",
            "ANSWER: A",
            "answer: z",
            "ANSWER:",
            "ANSWER: A, B",
            "// comment",
            "$CATEGORY: $course$/top/Topic",
            "$CATEGORY:",
            "::Title:: Question {",
            "::Title",
            "Question {=right ~wrong}",
            "{",
            "}",
            "=right#why",
            "~wrong#no",
            "~%50%half",
            "~%-100%bad",
            "~%abc%x",
            "~%50",
            "####general",
            "{T}",
            "{FALSE#a#b}",
            "{=a -> b}",
            "{#1:2}",
            "{}",
            "text {=a ~b} more",
            "[html]<p>x &amp; y &#233; &#xZZ; &#99999999;</p>",
            "\\{ \\} \\= \\~ \\# \\: \\n \\\\",
            "\\",
            "%",
            "->",
            "\u{feff}Q?",
        ])
        .prop_map(str::to_owned),
        "\\PC{0,60}",
    ];
    prop::collection::vec(line, 0..80).prop_map(|lines| lines.join("\n"))
}

/// GIFT questions, one per block: well-formed ones of each supported type (so that the
/// conversion itself is exercised) and free-form ones.
fn gift_questions() -> impl Strategy<Value = String> {
    let head = "(\\$CATEGORY: [a-z/]{0,8}\n)?(::[a-z :\\\\]{0,8}::)?(\\[(html|plain|x)\\])?[&;<>éa😀 #:\\\\]{0,20}";
    let answer = (
        prop_oneof![
            Just("="),
            Just("~"),
            Just("~%50%"),
            Just("~%-100%"),
            Just("~%33.3%"),
            Just("~%0%")
        ],
        "[a-zé&;<> ]{1,12}",
        prop::option::of("[a-z ]{0,8}"),
    )
        .prop_map(|(marker, text, feedback)| match feedback {
            Some(f) => format!("{marker}{text}#{f}"),
            None => format!("{marker}{text}"),
        });
    let block = prop_oneof![
        (
            head,
            prop::collection::vec(answer, 0..7),
            prop::option::of("[a-z ]{0,8}"),
            any::<bool>()
        )
            .prop_map(|(head, answers, general, multiline)| {
                let sep = if multiline { "\n" } else { " " };
                let general = general.map(|g| format!("{sep}####{g}")).unwrap_or_default();
                format!("{head}{{{sep}{}{general}{sep}}}", answers.join(sep))
            }),
        (head, "(T|F|TRUE|FALSE|true|x)(#[a-z ]{0,6}){0,3}")
            .prop_map(|(h, a)| format!("{h}{{{a}}}")),
        concat!(
            "(::[a-z :\\\\]{0,8}::)?(\\[(html|plain|x)\\])?[&;<>éa😀 #:\\\\]{0,20}",
            "\\{\n?([=~](%-?[0-9.]{0,3}%)?[a-zé&;<> ]{0,12}(#[a-z ]{0,5})?\n?){0,6}",
            "(####[a-z]{0,5})?\\}[ .]{0,2}"
        ),
    ];
    prop::collection::vec(block, 0..12).prop_map(|q| q.join("\n\n"))
}

/// Aiken questions: options mostly in order, answers mostly valid.
fn aiken_questions() -> impl Strategy<Value = String> {
    let question = (
        "[a-zé?]{1,10}(\n[a-z?]{1,5})?",
        prop::collection::vec("[a-z]{1,6}", 0..12),
        any::<bool>(),
        prop::option::of(any::<prop::sample::Index>()),
        prop_oneof![4 => Just(None), 1 => "ANSWER: ?[A-Lz, ]{0,3}".prop_map(Some)],
        prop_oneof![Just("\n"), Just("\n\n")],
    )
        .prop_map(|(prompt, options, paren, right, odd_answer, sep)| {
            let mut s = prompt + "\n";
            for (i, o) in options.iter().enumerate() {
                let letter = char::from(b'A' + i as u8);
                s.push_str(&format!("{letter}{} {o}\n", if paren { ')' } else { '.' }));
            }
            match (odd_answer, right) {
                (Some(odd), _) => s.push_str(&odd),
                (None, Some(i)) => {
                    let letter = char::from(b'A' + i.index(options.len().max(1)) as u8);
                    s.push_str(&format!("ANSWER: {letter}"));
                }
                (None, None) => {}
            }
            s + sep
        });
    prop::collection::vec(question, 0..12).prop_map(|q| q.concat())
}

/// Whatever an importer converted makes a bank that loads with no error and no warning,
/// and survives `to_json` → `load`; every problem points at a line of the input.
fn assert_conversion_sound(
    input: &str,
    converted: convert::Converted,
) -> Result<(), TestCaseError> {
    let lines = input.lines().count().max(1) as u32;
    for p in &converted.problems {
        prop_assert!(
            (1..=lines).contains(&p.line),
            "line {} of {}: {}",
            p.line,
            lines,
            p.message
        );
    }
    if converted.questions.is_empty() {
        prop_assert!(
            converted.has_errors(),
            "an import without questions says why"
        );
        return Ok(());
    }
    let b = converted.into_bank("fuzz", "Fuzz", "en");
    match bank::load(&bank::to_json(&b)) {
        Ok((back, warnings)) => {
            // Only the placeholder explanations the importer wrote (and reported).
            prop_assert!(
                warnings
                    .iter()
                    .all(|w| matches!(w.problem, bank::Problem::Placeholder(_))),
                "{:?}",
                warnings
            );
            prop_assert_eq!(back, b);
        }
        Err(d) => prop_assert!(
            false,
            "imported bank does not load: {:?}\n{}",
            d,
            bank::to_json(&b)
        ),
    }
    Ok(())
}

fn some_text(max: usize) -> impl Strategy<Value = String> {
    let regex = |r: String| prop::string::string_regex(&r).expect("valid regex");
    prop_oneof![
        regex(format!("\\PC{{1,{max}}}")),
        regex(format!(
            "[\"\\\\\\n\\t\\x01\\x7fé😀 a-zA-Z/]{{1,{}}}",
            max.min(40)
        )),
    ]
    .prop_filter("not blank", |s| !s.trim().is_empty())
}

/// Valid banks with every field exercised: escapes, control characters, non-ASCII,
/// optional fields present or not, single and select-all answers.
fn valid_bank() -> impl Strategy<Value = Bank> {
    let topics = prop::collection::vec(some_text(30), 0..4).prop_map(|mut t| {
        let mut seen = Vec::new();
        t.retain(|x| {
            let new = !seen.contains(x);
            seen.push(x.clone());
            new
        });
        t
    });
    let question = (
        any::<prop::sample::Index>(),
        0..=3u8,
        some_text(200),
        prop::collection::vec(some_text(150), 2..=10),
        any::<prop::sample::Index>(),
        prop::collection::vec(any::<bool>(), 10),
        some_text(300),
        prop::option::of(some_text(100)),
    );
    (
        "[a-z0-9][a-z0-9-]{0,30}",
        some_text(120),
        1..=u32::MAX,
        "[a-z]{2}(-[A-Z]{2})?",
        prop::option::of(some_text(300)),
        1..=100u8,
        prop::option::of(1..=86_400u32),
        prop::option::of(1..=500usize),
        topics,
        prop::collection::vec(question, 1..8),
    )
        .prop_map(
            |(
                id,
                title,
                version,
                language,
                description,
                pass_mark,
                time_limit,
                exam_questions,
                topics,
                qs,
            )| {
                let questions = qs
                    .into_iter()
                    .enumerate()
                    .map(
                        |(
                            n,
                            (
                                topic,
                                difficulty,
                                prompt,
                                choices,
                                single,
                                picks,
                                explanation,
                                source,
                            ),
                        )| {
                            // A number at the end keeps choices distinct however the text came out.
                            let choices: Vec<String> = choices
                                .into_iter()
                                .enumerate()
                                .map(|(i, c)| format!("{c} {i}"))
                                .collect();
                            let picked: Vec<usize> =
                                (0..choices.len()).filter(|&i| picks[i]).collect();
                            let answer = if picked.len() >= 2 {
                                Answer::Multiple(picked)
                            } else {
                                Answer::Single(single.index(choices.len()))
                            };
                            Question {
                                id: format!("q-{n}"),
                                topic: if topics.is_empty() {
                                    String::new()
                                } else {
                                    topic.get(&topics).clone()
                                },
                                difficulty,
                                prompt,
                                choices,
                                answer,
                                explanation,
                                source: source.unwrap_or_default(),
                                image: None,
                                fixed_order: false,
                            }
                        },
                    )
                    .collect();
                Bank::new(
                    BankInfo {
                        id,
                        title,
                        version,
                        language,
                        description: description.unwrap_or_default(),
                        pass_mark,
                        time_limit,
                        exam_questions,
                        topics,
                    },
                    questions,
                )
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn bank_load_never_panics(s in prop_oneof![text(), json_ish()]) {
        if let Err(diags) = bank::load(&s) {
            prop_assert!(!diags.is_empty(), "a refused bank says why");
        }
    }

    #[test]
    fn bank_load_never_panics_on_damaged_banks(s in mutated_bank()) {
        match bank::load(&s) {
            Ok((b, _)) => {
                let (back, _) = bank::load(&bank::to_json(&b)).expect("a loaded bank reloads");
                prop_assert_eq!(back, b);
            }
            Err(diags) => {
                prop_assert!(diags.iter().any(|d| d.is_error()), "a refused bank says why");
                for d in &diags {
                    // Either a position in the text or a path into it, never neither.
                    prop_assert!(d.line_col.is_some() || !d.path.is_empty(), "{}", d);
                }
            }
        }
    }

    #[test]
    fn aiken_import_never_panics_and_is_sound(s in prop_oneof![text(), quiz_lines(), aiken_questions()]) {
        assert_conversion_sound(&s, convert::aiken(&s, "fuzz"))?;
    }

    #[test]
    fn gift_import_never_panics_and_is_sound(s in prop_oneof![text(), quiz_lines(), gift_questions()]) {
        assert_conversion_sound(&s, convert::gift(&s, "fuzz"))?;
    }

    #[test]
    fn valid_banks_round_trip_through_to_json(b in valid_bank()) {
        let text = bank::to_json(&b);
        match bank::load(&text) {
            Ok((back, _)) => prop_assert_eq!(back, b),
            Err(d) => prop_assert!(false, "{:?}\n{}", d, text),
        }
    }
}

#[test]
fn to_json_writes_the_house_layout() {
    // The fixture is written in the layout of our banks; to_json reproduces it exactly.
    let (b, warnings) = bank::load(FIXTURE).unwrap();
    assert!(warnings.is_empty());
    assert_eq!(bank::to_json(&b), FIXTURE);
}

#[test]
fn shipped_banks_round_trip_through_to_json() {
    for text in [
        SHIPPED,
        include_str!("../questions/security-customer-service.json"),
    ] {
        let (b, _) = bank::load(text).unwrap();
        let (back, warnings) = bank::load(&bank::to_json(&b)).unwrap();
        assert!(warnings.is_empty());
        assert_eq!(back, b);
    }
}
