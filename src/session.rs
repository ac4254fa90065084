//! A practice round as a state machine: choose, check, see feedback, next, and a summary
//! at the end. Pure: the view dispatches [`Action`]s, and saving and host-page events
//! happen outside, from the state this produces (no I/O in the reducer).

use std::rc::Rc;

use crate::bank::{Bank, Question};
use crate::progress::Progress;
use crate::random::Rng;
use crate::score;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    Practice,
}

impl Mode {
    pub fn as_str(self) -> &'static str {
        match self {
            Mode::Practice => "practice",
        }
    }
    pub fn parse(s: &str) -> Option<Mode> {
        match s {
            "practice" => Some(Mode::Practice),
            _ => None,
        }
    }
}

/// How rounds are drawn from the bank; set by the element's attributes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Settings {
    /// Questions per round; `None` = the whole bank.
    pub count: Option<usize>,
    pub shuffle: bool,
}

impl Default for Settings {
    fn default() -> Self {
        Settings { count: Some(10), shuffle: true }
    }
}

/// One round: which questions, in which order, and what was answered.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Round {
    pub mode: Mode,
    /// Question ids in the order asked; ids (not positions) so a resumed round survives
    /// a bank update that reorders questions.
    pub ids: Vec<String>,
    /// Position of the current question; `ids.len()` once the round is over.
    pub current: usize,
    /// Checked answers per position.
    pub answers: Vec<Option<Vec<usize>>>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Phase {
    /// Choosing; Check submits.
    Answering,
    /// Feedback shown for the current question; Next moves on.
    Feedback,
    /// All questions answered; the summary is shown.
    Finished,
}

/// What the host page is told, as `quiz-answer` and `quiz-complete` events.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Outgoing {
    Answer { question_id: String, chosen: Vec<usize>, correct: bool },
    Complete { score: usize, total: usize, mode: Mode },
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Action {
    /// Pick a radio choice (single answer).
    Select(usize),
    /// Tick or untick a checkbox choice (select all that apply).
    Toggle(usize),
    Check { now_ms: i64 },
    Next,
    /// The same questions again, answers cleared.
    TryAgain,
    NewRound { seed: u64 },
}

/// Everything the widget shows, derived from the bank, the round and the progress.
#[derive(Clone, Debug, PartialEq)]
pub struct Quiz {
    pub bank: Rc<Bank>,
    pub settings: Settings,
    pub round: Round,
    /// Choices picked for the current question and not yet checked.
    pub selection: Vec<usize>,
    pub progress: Progress,
    /// Events not yet handed to the host page, numbered so the shell sends each once.
    pub outbox: Vec<(u64, Outgoing)>,
    pub next_event: u64,
    /// Bumped on every change worth saving, so the shell knows when to write.
    pub revision: u64,
}

impl Round {
    /// Draws a round: questions never answered first, then those last answered wrong,
    /// then the rest; shuffled within each group unless `shuffle` is off.
    pub fn draw(bank: &Bank, progress: &Progress, settings: Settings, seed: u64) -> Round {
        let mut picks: Vec<&Question> = bank.questions.iter().collect();
        if settings.shuffle {
            Rng::new(seed).shuffle(&mut picks);
        }
        // Three buckets rather than a sort: stable, and no sort code in the wasm.
        let mut buckets: [Vec<&Question>; 3] = Default::default();
        for q in picks {
            let rank = match progress.stats(&q.id) {
                None => 0,
                Some(s) if !s.last_correct => 1,
                Some(_) => 2,
            };
            buckets[rank].push(q);
        }
        let mut picks = buckets.concat();
        let n = settings.count.unwrap_or(picks.len()).clamp(1, picks.len().max(1));
        picks.truncate(n);
        if settings.shuffle {
            // Keep the priority choice of questions but not a predictable unseen-first order.
            Rng::new(seed ^ 0x5eed).shuffle(&mut picks);
        }
        Round::new(Mode::Practice, picks.iter().map(|q| q.id.clone()).collect())
    }

    pub fn new(mode: Mode, ids: Vec<String>) -> Round {
        let answers = vec![None; ids.len()];
        Round { mode, ids, current: 0, answers }
    }

    pub fn len(&self) -> usize {
        self.ids.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ids.is_empty()
    }

    /// Fits a stored round to the bank as it is now: questions that are gone are dropped,
    /// answers that no longer fit are cleared. `None` if nothing usable is left.
    pub fn reconcile(mut self, bank: &Bank) -> Option<Round> {
        if self.answers.len() != self.ids.len() || self.current > self.ids.len() {
            return None;
        }
        let mut keep = Vec::new();
        let mut current = self.current;
        for (pos, (id, answer)) in self.ids.drain(..).zip(self.answers.drain(..)).enumerate() {
            match bank.questions.iter().find(|q| q.id == id) {
                Some(q) => {
                    let answer = answer.filter(|a| a.iter().all(|&c| c < q.choices.len()));
                    keep.push((id, answer));
                }
                None if pos < self.current => current -= 1,
                None => {}
            }
        }
        if keep.is_empty() {
            return None;
        }
        let (ids, answers): (Vec<_>, Vec<_>) = keep.into_iter().unzip();
        // A cleared answer before the current position would leave a gap: resume there.
        let current = answers.iter().take(current).position(Option::is_none).unwrap_or(current);
        Some(Round { mode: self.mode, ids, current, answers })
    }
}

impl Quiz {
    pub fn new(bank: Rc<Bank>, settings: Settings, progress: Progress, round: Option<Round>, seed: u64) -> Quiz {
        let round = round
            .and_then(|r| r.reconcile(&bank))
            .unwrap_or_else(|| Round::draw(&bank, &progress, settings, seed));
        Quiz { bank, settings, round, selection: Vec::new(), progress, outbox: Vec::new(), next_event: 1, revision: 0 }
    }

    pub fn phase(&self) -> Phase {
        if self.round.current >= self.round.len() {
            Phase::Finished
        } else if self.round.answers[self.round.current].is_some() {
            Phase::Feedback
        } else {
            Phase::Answering
        }
    }

    pub fn question(&self) -> Option<&Question> {
        let id = self.round.ids.get(self.round.current)?;
        self.find(id)
    }

    pub fn find(&self, id: &str) -> Option<&Question> {
        self.bank.questions.iter().find(|q| q.id == id)
    }

    /// The checked answer at the current position, with whether it was right.
    pub fn feedback(&self) -> Option<(&Question, &[usize], bool)> {
        let q = self.question()?;
        let chosen = self.round.answers.get(self.round.current)?.as_deref()?;
        Some((q, chosen, score::is_correct(&q.answer, chosen)))
    }

    /// Right answers so far in this round.
    pub fn score(&self) -> usize {
        self.results().filter(|(_, _, ok)| *ok).count()
    }

    /// Each answered question of the round with the learner's choices and whether right.
    pub fn results(&self) -> impl Iterator<Item = (&Question, &[usize], bool)> {
        self.round.ids.iter().zip(&self.round.answers).filter_map(|(id, a)| {
            let q = self.find(id)?;
            let a = a.as_deref()?;
            Some((q, a, score::is_correct(&q.answer, a)))
        })
    }

    pub fn apply(&mut self, action: Action) {
        let phase = self.phase();
        match action {
            Action::Select(i) if phase == Phase::Answering && self.valid_choice(i) => {
                self.selection = vec![i];
                self.revision += 1;
            }
            Action::Toggle(i) if phase == Phase::Answering && self.valid_choice(i) => {
                match self.selection.iter().position(|&c| c == i) {
                    Some(at) => {
                        self.selection.remove(at);
                    }
                    None => {
                        self.selection.push(i);
                        self.selection.sort_unstable();
                    }
                }
                self.revision += 1;
            }
            Action::Check { now_ms } if phase == Phase::Answering && !self.selection.is_empty() => {
                let Some(q) = self.question() else { return };
                let (id, correct) = (q.id.clone(), score::is_correct(&q.answer, &self.selection));
                let chosen = std::mem::take(&mut self.selection);
                self.progress.record(&id, correct, now_ms);
                self.round.answers[self.round.current] = Some(chosen.clone());
                self.emit(Outgoing::Answer { question_id: id, chosen, correct });
                self.revision += 1;
            }
            Action::Next if phase == Phase::Feedback => {
                self.round.current += 1;
                if self.phase() == Phase::Finished {
                    let (score, total) = (self.score(), self.round.len());
                    self.progress.finish_round(score::percent(score, total));
                    self.emit(Outgoing::Complete { score, total, mode: self.round.mode });
                }
                self.revision += 1;
            }
            Action::TryAgain => {
                self.round = Round::new(self.round.mode, std::mem::take(&mut self.round.ids));
                self.selection.clear();
                self.revision += 1;
            }
            Action::NewRound { seed } => {
                self.round = Round::draw(&self.bank, &self.progress, self.settings, seed);
                self.selection.clear();
                self.revision += 1;
            }
            _ => {}
        }
    }

    fn valid_choice(&self, i: usize) -> bool {
        self.question().is_some_and(|q| i < q.choices.len())
    }

    fn emit(&mut self, event: Outgoing) {
        self.outbox.push((self.next_event, event));
        self.next_event += 1;
        // The shell sends events right after each change; a short tail is plenty.
        if self.outbox.len() > 16 {
            self.outbox.remove(0);
        }
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::bank;

    pub(crate) fn bank(n: usize) -> Rc<Bank> {
        let mut qs = Vec::new();
        for i in 0..n {
            qs.push(format!(
                r#"{{"id":"q{i}","prompt":"Q{i}?","choices":["a","b","c"],"answer":{},"explanation":"e"}}"#,
                i % 3
            ));
        }
        qs.push(
            r#"{"id":"multi","prompt":"M? (select all that apply)","choices":["a","b","c"],"answer":[0,2],"explanation":"e"}"#
                .into(),
        );
        let text = format!(r#"{{"id":"t","title":"T","version":1,"language":"en","questions":[{}]}}"#, qs.join(","));
        Rc::new(bank::load(&text).unwrap().0)
    }

    fn right_choices(quiz: &Quiz) -> Vec<usize> {
        quiz.question().unwrap().answer.indices()
    }

    #[test]
    fn a_round_goes_check_feedback_next_and_finishes_with_a_score() {
        let mut quiz = Quiz::new(bank(5), Settings { count: Some(4), shuffle: true }, Progress::default(), None, 42);
        assert_eq!(quiz.round.len(), 4);
        for step in 0..4 {
            assert_eq!(quiz.phase(), Phase::Answering);
            // Check with nothing chosen does nothing.
            quiz.apply(Action::Check { now_ms: 1 });
            assert_eq!(quiz.phase(), Phase::Answering);
            let q = quiz.question().unwrap().clone();
            let answer = if step == 0 { vec![(right_choices(&quiz)[0] + 1) % 3] } else { right_choices(&quiz) };
            for c in &answer {
                if q.answer.is_multiple() {
                    quiz.apply(Action::Toggle(*c));
                } else {
                    quiz.apply(Action::Select(*c));
                }
            }
            quiz.apply(Action::Check { now_ms: 10 });
            assert_eq!(quiz.phase(), Phase::Feedback);
            let (_, chosen, ok) = quiz.feedback().unwrap();
            assert_eq!(chosen.len(), answer.len());
            assert_eq!(ok, step != 0);
            // Choosing after Check changes nothing.
            quiz.apply(Action::Select(0));
            assert!(quiz.selection.is_empty());
            quiz.apply(Action::Next);
        }
        assert_eq!(quiz.phase(), Phase::Finished);
        assert_eq!(quiz.score(), 3);
        assert_eq!(quiz.progress.rounds, 1);
        assert_eq!(quiz.progress.best_percent, Some(75));
        let events: Vec<_> = quiz.outbox.iter().map(|(_, e)| e.clone()).collect();
        assert_eq!(events.len(), 5);
        assert_eq!(events[4], Outgoing::Complete { score: 3, total: 4, mode: Mode::Practice });
        assert!(matches!(&events[0], Outgoing::Answer { correct: false, .. }));
        // Next past the end does nothing more.
        quiz.apply(Action::Next);
        assert_eq!(quiz.outbox.len(), 5);
    }

    #[test]
    fn toggle_adds_and_removes_for_select_all() {
        let mut quiz = Quiz::new(bank(0), Settings::default(), Progress::default(), None, 1);
        assert!(quiz.question().unwrap().answer.is_multiple());
        quiz.apply(Action::Toggle(2));
        quiz.apply(Action::Toggle(0));
        quiz.apply(Action::Toggle(1));
        assert_eq!(quiz.selection, vec![0, 1, 2]);
        quiz.apply(Action::Toggle(1));
        quiz.apply(Action::Toggle(9)); // out of range: ignored
        assert_eq!(quiz.selection, vec![0, 2]);
        quiz.apply(Action::Check { now_ms: 0 });
        assert!(quiz.feedback().unwrap().2);
    }

    #[test]
    fn try_again_keeps_the_questions_and_new_round_prefers_unseen_then_missed() {
        let b = bank(9);
        let mut quiz = Quiz::new(b.clone(), Settings { count: Some(3), shuffle: true }, Progress::default(), None, 3);
        let first = quiz.round.ids.clone();
        while quiz.phase() != Phase::Finished {
            quiz.apply(Action::Select(3)); // invalid, ignored
            let wrong = (right_choices(&quiz)[0] + 1) % 3;
            quiz.apply(Action::Toggle(wrong));
            quiz.apply(Action::Select(wrong));
            quiz.apply(Action::Check { now_ms: 5 });
            quiz.apply(Action::Next);
        }
        quiz.apply(Action::TryAgain);
        assert_eq!(quiz.round.ids, first);
        assert_eq!(quiz.phase(), Phase::Answering);
        quiz.apply(Action::NewRound { seed: 99 });
        assert!(quiz.round.ids.iter().all(|id| !first.contains(id)), "unseen questions come first");
        // With everything else seen and right, the missed ones come back before the right ones.
        let mut p = Progress::default();
        for q in &b.questions {
            p.record(&q.id, !first.contains(&q.id), 1);
        }
        let r = Round::draw(&b, &p, Settings { count: Some(3), shuffle: true }, 7);
        let mut got = r.ids.clone();
        got.sort();
        let mut want = first.clone();
        want.sort();
        assert_eq!(got, want);
    }

    #[test]
    fn same_seed_same_order_and_no_shuffle_keeps_bank_order() {
        let b = bank(20);
        let s = Settings { count: Some(10), shuffle: true };
        let a = Round::draw(&b, &Progress::default(), s, 11);
        assert_eq!(a, Round::draw(&b, &Progress::default(), s, 11));
        assert_ne!(a, Round::draw(&b, &Progress::default(), s, 12));
        let plain = Round::draw(&b, &Progress::default(), Settings { count: Some(3), shuffle: false }, 11);
        assert_eq!(plain.ids, vec!["q0", "q1", "q2"]);
        let all = Round::draw(&b, &Progress::default(), Settings { count: None, shuffle: false }, 0);
        assert_eq!(all.len(), 21);
        let clamped = Round::draw(&b, &Progress::default(), Settings { count: Some(500), shuffle: false }, 0);
        assert_eq!(clamped.len(), 21);
    }

    #[test]
    fn a_resumed_round_survives_a_bank_update() {
        let b = bank(6);
        let mut r = Round::new(Mode::Practice, vec!["q1".into(), "gone".into(), "q2".into(), "q3".into()]);
        r.answers = vec![Some(vec![1]), Some(vec![0]), Some(vec![7]), None];
        r.current = 3;
        let fitted = r.reconcile(&b).unwrap();
        assert_eq!(fitted.ids, vec!["q1", "q2", "q3"]);
        // q2's stored answer no longer fits (7 of 3 choices): resume there.
        assert_eq!(fitted.answers, vec![Some(vec![1]), None, None]);
        assert_eq!(fitted.current, 1);
        let nothing = Round::new(Mode::Practice, vec!["gone".into()]);
        assert_eq!(nothing.reconcile(&b), None);
        let mut broken = Round::new(Mode::Practice, vec!["q1".into()]);
        broken.current = 5;
        assert_eq!(broken.reconcile(&b), None);
    }
}
