//! The words the widget shows, in every language it speaks: one catalogue module per
//! language (`en.rs`, `es.rs`), each an exhaustive `match` over the same keys, so a
//! missing entry does not compile and a test checks that every entry has the same
//! placeholders in every language.
//!
//! Plain Rust, no browser: the views pick a [`Lang`], look up a [`Text`] or a [`Plural`]
//! (its form chosen by the browser's `Intl.PluralRules`), and [`fill`] its placeholders
//! with numbers the browser's `Intl.NumberFormat` wrote. The core never makes sentences.
//!
//! Adding a language: copy `en.rs` to `<code>.rs` and translate it, add its module below
//! and one line to [`Lang`] (the variant, its code and its two lookups). The tests then
//! check it is complete.

mod en;
mod es;
pub mod problem;

/// A language the widget speaks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    #[default]
    En,
    Es,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Es];

    /// The BCP 47 code set as the widget's `lang` and given to `Intl`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Es => "es",
        }
    }

    /// The language of a tag such as `es`, `es-MX` or `EN_us`; `None` when the widget does
    /// not speak it.
    pub fn parse(tag: &str) -> Option<Lang> {
        let primary = tag.trim().split(['-', '_']).next()?;
        Lang::ALL
            .into_iter()
            .find(|l| primary.eq_ignore_ascii_case(l.code()))
    }

    /// The first candidate the widget speaks, in the order given (the `lang` attribute,
    /// the bank's `language`, the host page's nearest `lang`), else English.
    pub fn negotiate<'a>(candidates: impl IntoIterator<Item = Option<&'a str>>) -> Lang {
        candidates
            .into_iter()
            .flatten()
            .find_map(Lang::parse)
            .unwrap_or_default()
    }

    pub fn text(self, key: Text) -> &'static str {
        match self {
            Lang::En => en::text(key),
            Lang::Es => es::text(key),
        }
    }

    /// The form of `key` for a number in plural category `category`. A category the
    /// language does not use falls back to its `other` form.
    pub fn plural(self, key: Plural, category: Category) -> &'static str {
        let form = match self {
            Lang::En => en::plural(key, category),
            Lang::Es => es::plural(key, category),
        };
        form.unwrap_or_else(|| self.plural(key, Category::Other))
    }

    /// The plural categories the language's numbers fall into (CLDR), which its
    /// catalogue must give a form for.
    pub fn categories(self) -> &'static [Category] {
        match self {
            Lang::En => &[Category::One, Category::Other],
            Lang::Es => &[Category::One, Category::Many, Category::Other],
        }
    }
}

/// A CLDR plural category, as `Intl.PluralRules.select` names it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Category {
    Zero,
    One,
    Two,
    Few,
    Many,
    Other,
}

impl Category {
    pub fn parse(name: &str) -> Category {
        match name {
            "zero" => Category::Zero,
            "one" => Category::One,
            "two" => Category::Two,
            "few" => Category::Few,
            "many" => Category::Many,
            _ => Category::Other,
        }
    }
}

/// Declares the keys once, with a list of them all for the completeness tests.
macro_rules! keys {
    ($(#[$meta:meta])* $name:ident { $($key:ident,)* }) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum $name { $($key,)* }
        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$key,)*];
        }
    };
}

keys! {
    /// A sentence or label without a number to agree with.
    Text {
        Loading,
        BankLoadFailed,
        FetchNoWindow,
        FetchFailed,
        FetchStatus,
        FetchUnreadable,
        BankProblem,
        LineColumn,
        MoreProblems,
        BankErrorTitle,
        BankLabel,
        NoticeCannotSave,
        NoticeSetAside,
        NoticeNewerVersion,
        Ignored,
        BadBank,
        BadCount,
        BadFlag,
        BadSeed,
        BadTimeLimit,
        BadPassMark,
        BadMode,
        BadLang,
        ChooseHowToStudy,
        ModePractice,
        ModeExam,
        ModeReview,
        ModeSmart,
        ModeReviewShort,
        ExamLine,
        NoTimeLimit,
        TimeLimit,
        NothingDueNew,
        NothingDue,
        NextDue,
        NoMissed,
        ContinueRound,
        RoundPractice,
        RoundExam,
        RoundReview,
        RoundSmart,
        YourProgress,
        SaveOrRestore,
        Answered,
        CountOf,
        Accuracy,
        NoFigure,
        DueForReview,
        MasteryByTopic,
        MasteryFigure,
        Readiness,
        EstimatedReadiness,
        ReadinessNote,
        ScoreHistory,
        NoRoundsYet,
        RoundColumn,
        ModeColumn,
        ScoreColumn,
        MasteryNote,
        WeakestTopics,
        TopicMastered,
        Practise,
        PractiseTopic,
        Back,
        QuestionOf,
        Menu,
        SelectAllThatApply,
        PromptSaysSelectAll,
        MissedEarlier,
        MarkYourAnswerRight,
        MarkRightAnswer,
        MarkYourAnswerWrong,
        Correct,
        NotQuite,
        TheRightAnswer,
        TheRightAnswers,
        ChooseAnswer,
        ChooseAnswers,
        NextQuestion,
        SeeResults,
        Check,
        TimeLeft,
        MinuteLeft,
        NavAnswered,
        NavNotAnswered,
        NavFlagged,
        Previous,
        Next,
        Flagged,
        FlagForReview,
        ExamQuestions,
        SubmitTitle,
        CantChangeAnswers,
        SubmitExam,
        KeepWorking,
        MockExamResult,
        TimeRanOut,
        YouScored,
        Passed,
        NotPassed,
        ScoreByTopic,
        TopicColumn,
        RightColumn,
        PercentColumn,
        EveryQuestion,
        RightVerdict,
        WrongVerdict,
        YourAnswer,
        NotAnswered,
        FlaggedNote,
        RightAnswer,
        ChoiceList,
        NewMockExam,
        BackToStart,
        ReviewScore,
        RoundScore,
        BestRound,
        ReviewComplete,
        SmartComplete,
        RoundComplete,
        NoMissedWellDone,
        MissedFirstTry,
        QuestionsToReview,
        NewRound,
        TryAgain,
        StorageExplained,
        Download,
        DownloadFile,
        Import,
        ChooseFile,
        ImportTitle,
        ImportAdds,
        ImportNothingNew,
        ImportNoneHere,
        ImportOthers,
        ImportNote,
        Cancel,
        Reset,
        ResetTitle,
        ResetText,
        ResetProgress,
        ResetForThisQuiz,
        SavedFile,
        DownloadBlocked,
        FileUnreadable,
        ImportedPartly,
        Imported,
        FileNotJson,
        FileNotOurs,
        FileNoVersion,
        FileNewer,
        FileNoBanks,
        FileDamaged,
        ProblemNotJson,
        ProblemNotAnObject,
        ProblemFieldMissing,
        ProblemFieldUnknown,
        ProblemFieldTwice,
        ProblemWrongKindHere,
        ProblemUnknownField,
        ProblemUnknownFieldMeant,
        ProblemMissing,
        ProblemSameFieldTwice,
        ProblemWrongKind,
        ProblemOutOfRange,
        ProblemNoQuestions,
        ProblemEmpty,
        ProblemTooLong,
        ProblemBadId,
        ProblemRepeatedId,
        ProblemTopicNotListed,
        ProblemTopicUnused,
        ProblemTopicTwice,
        ProblemPlaceholder,
        ProblemRepeatsChoice,
        ProblemNoSuchChoice,
        ProblemNegative,
        ProblemSelectAllNeedsTwo,
        ProblemListedTwice,
        SyntaxUnexpectedEnd,
        SyntaxMissingComma,
        SyntaxMissingColon,
        SyntaxExpectedValue,
        SyntaxKeyNotQuoted,
        SyntaxTrailingComma,
        SyntaxTrailingCharacters,
        SyntaxInvalidEscape,
        SyntaxInvalidNumber,
        SyntaxControlCharacter,
        ExpectText,
        ExpectWholeNumber,
        ExpectList,
        ExpectListOfText,
        ExpectObject,
        ExpectImage,
        ExpectTrueOrFalse,
        ExpectAnswer,
        ExpectChoiceNumber,
        FoundNumber,
        FoundText,
        FoundList,
        FoundObject,
    }
}

keys! {
    /// Words that agree with a number `{n}`.
    Plural {
        BankProblems,
        PracticeNote,
        ExamQuestions,
        DueNow,
        MissedToRedo,
        HistoryCaption,
        HistoryNote,
        NavQuestion,
        UnansweredWarning,
        SubmitUnanswered,
        Answers,
        Questions,
        FinishedRounds,
        OtherQuizzes,
        NewAnswers,
        ProblemChoiceCount,
    }
}

/// "Ignored count="ten": it should be …": an attribute value the widget did not use.
pub fn ignored(lang: Lang, p: &crate::config::Problem) -> String {
    use crate::config::Reason;
    let reason = lang.text(match p.reason {
        Reason::Bank => Text::BadBank,
        Reason::Count => Text::BadCount,
        Reason::Flag => Text::BadFlag,
        Reason::Seed => Text::BadSeed,
        Reason::TimeLimit => Text::BadTimeLimit,
        Reason::PassMark => Text::BadPassMark,
        Reason::Mode => Text::BadMode,
        Reason::Lang => Text::BadLang,
    });
    fill(
        lang.text(Text::Ignored),
        &[
            ("name", p.attribute),
            ("value", &p.value),
            ("reason", reason),
        ],
    )
}

/// Whether a prompt already asks for every right choice, in any language the widget
/// speaks (the bank's language may differ from the widget's), so the view need not add
/// "Select all that apply". The phrases are ASCII, so ASCII case folding finds them in
/// any case; full Unicode lowering would link its case tables (about 5 KB gzip).
pub fn says_select_all(prompt: &str) -> bool {
    let prompt = prompt.to_ascii_lowercase();
    Lang::ALL
        .iter()
        .any(|l| prompt.contains(l.text(Text::PromptSaysSelectAll)))
}

/// `template` with each `{name}` replaced by its value; other braces are kept. Linear in
/// the template's length.
pub fn fill(template: &str, args: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match after.find('}').and_then(|close| {
            let name = &after[..close];
            args.iter()
                .find(|(n, _)| *n == name)
                .map(|(_, v)| (close, *v))
        }) {
            Some((close, value)) => {
                out.push_str(value);
                rest = &after[close + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// The `{name}` placeholders of a template, sorted, for the catalogue tests.
pub fn placeholders(template: &str) -> Vec<&str> {
    let mut names: Vec<&str> = template
        .split('{')
        .skip(1)
        .filter_map(|part| part.split_once('}').map(|(name, _)| name))
        .filter(|name| !name.is_empty() && name.chars().all(|c| c.is_ascii_alphanumeric()))
        .collect();
    names.sort_unstable();
    names.dedup();
    names
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_prompt_that_asks_for_every_right_choice_is_recognised_in_any_case_and_language() {
        assert!(says_select_all(
            "Which of these apply? Select all that apply."
        ));
        assert!(says_select_all("SELECT ALL the duties of a guard."));
        assert!(says_select_all(
            "¿Cuáles son correctas? Marque TODAS LAS que correspondan."
        ));
        assert!(!says_select_all("Which one is the best first step?"));
        assert!(!says_select_all("Selecciona la respuesta correcta."));
    }

    #[test]
    fn every_text_is_in_every_language_with_the_same_placeholders() {
        for &key in Text::ALL {
            let english = placeholders(Lang::En.text(key));
            for lang in Lang::ALL {
                let text = lang.text(key);
                assert!(!text.trim().is_empty(), "{lang:?} {key:?} is empty");
                assert_eq!(
                    placeholders(text),
                    english,
                    "{lang:?} {key:?}: placeholders differ from English"
                );
            }
        }
    }

    #[test]
    fn every_plural_has_each_form_its_language_needs_with_the_same_placeholders() {
        for &key in Plural::ALL {
            let english = placeholders(Lang::En.plural(key, Category::Other));
            assert!(english.contains(&"n"), "{key:?} names its number {{n}}");
            for lang in Lang::ALL {
                for &category in lang.categories() {
                    let form = match lang {
                        Lang::En => en::plural(key, category),
                        Lang::Es => es::plural(key, category),
                    };
                    let form =
                        form.unwrap_or_else(|| panic!("{lang:?} {key:?} has no {category:?} form"));
                    assert!(!form.trim().is_empty());
                    let mut got = placeholders(form);
                    // A "one" form may say the number in words ("a problem").
                    if category == Category::One && !got.contains(&"n") {
                        got.push("n");
                        got.sort_unstable();
                    }
                    assert_eq!(got, english, "{lang:?} {key:?} {category:?}");
                }
            }
        }
    }

    #[test]
    fn plural_forms_differ_where_the_language_says_so() {
        // The widget picks the form; these are the words a learner reads.
        let one = fill(
            Lang::En.plural(Plural::Questions, Category::One),
            &[("n", "1")],
        );
        let other = fill(
            Lang::En.plural(Plural::Questions, Category::Other),
            &[("n", "3")],
        );
        assert_eq!(
            (one.as_str(), other.as_str()),
            ("1 question", "3 questions")
        );
        let uno = fill(
            Lang::Es.plural(Plural::Questions, Category::One),
            &[("n", "1")],
        );
        let muchas = fill(
            Lang::Es.plural(Plural::Questions, Category::Many),
            &[("n", "1 000 000")],
        );
        let varias = fill(
            Lang::Es.plural(Plural::Questions, Category::Other),
            &[("n", "3")],
        );
        assert_eq!(
            (uno.as_str(), muchas.as_str(), varias.as_str()),
            ("1 pregunta", "1 000 000 de preguntas", "3 preguntas")
        );
        // A category English does not use falls back to "other".
        assert_eq!(
            Lang::En.plural(Plural::Questions, Category::Many),
            Lang::En.plural(Plural::Questions, Category::Other)
        );
    }

    #[test]
    fn the_language_comes_from_the_attribute_then_the_bank_then_the_page_then_english() {
        assert_eq!(
            Lang::negotiate([Some("es"), Some("en"), Some("en")]),
            Lang::Es
        );
        assert_eq!(Lang::negotiate([Some("es-MX"), None, None]), Lang::Es);
        assert_eq!(Lang::negotiate([None, Some("es"), Some("en")]), Lang::Es);
        assert_eq!(Lang::negotiate([None, None, Some("ES_us")]), Lang::Es);
        // A language the widget does not speak is passed over, not guessed.
        assert_eq!(Lang::negotiate([Some("fr"), Some("es"), None]), Lang::Es);
        assert_eq!(Lang::negotiate([Some("fr"), None, Some("de")]), Lang::En);
        assert_eq!(Lang::negotiate([Some(""), Some("  "), None]), Lang::En);
        assert_eq!(Lang::negotiate([None, None, None]), Lang::En);
        assert_eq!(Lang::parse("english"), None);
    }

    #[test]
    fn fill_replaces_named_placeholders_and_keeps_other_braces() {
        assert_eq!(
            fill("Question {n} of {total}", &[("n", "3"), ("total", "10")]),
            "Question 3 of 10"
        );
        assert_eq!(fill("{a}{a} {b}", &[("a", "x")]), "xx {b}");
        assert_eq!(fill("{ not } {", &[]), "{ not } {");
        assert_eq!(
            fill("{n}", &[("n", "{n}")]),
            "{n}",
            "values are not filled again"
        );
        assert_eq!(placeholders("{b} and {a} and {b} {not one}"), ["a", "b"]);
    }
}
