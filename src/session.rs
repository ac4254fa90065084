//! A learner's session with a bank as a state machine: screens (start, round, dashboard,
//! saved data) and rounds in four modes. Pure: the view dispatches [`Action`]s carrying the
//! time, and saving and host-page events happen outside, from the state this produces.
//!
//! - Practice: choose, Check, feedback, Next; a summary with Try again / New round.
//! - Exam: no feedback until the end; move back and forth, flag, submit (automatically at
//!   the deadline, which is stored, so the countdown survives a reload); a scored result.
//! - Review: the questions last answered wrong, each repeated until answered right once.
//! - Smart: the questions the memory model says are due, topped up with unseen ones.

use std::collections::{HashMap, HashSet};
use std::rc::Rc;

use crate::bank::{Bank, Question};
use crate::mode::Mode;
use crate::progress::{Progress, Rating, RoundRecord};
use crate::random::Rng;
use crate::round::Round;
use crate::score;
use crate::settings::Settings;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Phase {
    /// Choosing; Check submits (in an exam: choosing, moving around, submitting).
    Answering,
    /// Feedback shown for the current question; Next moves on.
    Feedback,
    /// Over; the summary or exam result is shown.
    Finished,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Screen {
    Start,
    Round,
    Dashboard,
    /// Export, import and reset.
    Data,
}

/// What the host page is told, as `quiz-answer` and `quiz-complete` events.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Outgoing {
    Answer {
        question_id: String,
        chosen: Vec<usize>,
        correct: bool,
    },
    Complete(Outcome),
}

/// A finished round or exam.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Outcome {
    pub mode: Mode,
    pub score: usize,
    pub total: usize,
    /// Exams only: the pass mark and whether it was reached.
    pub pass_mark: Option<u8>,
    pub passed: Option<bool>,
    /// Right answers and questions per topic, in the bank's topic order.
    pub topics: Vec<(String, usize, usize)>,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    Show(Screen),
    /// Draw a new round of a mode (optionally one topic) and show it.
    Start {
        mode: Mode,
        topic: Option<String>,
        seed: u64,
        now: i64,
    },
    /// Pick a radio choice (single answer).
    Select(usize),
    /// Tick or untick a checkbox choice (select all that apply).
    Toggle(usize),
    Check {
        now: i64,
    },
    Next {
        now: i64,
    },
    /// Exam: previous question.
    Prev,
    /// Exam: jump to a position.
    Goto(usize),
    /// Exam: flag or unflag the current question.
    Flag,
    /// Exam: hand in now.
    Submit {
        now: i64,
    },
    /// The clock: an exam past its deadline is handed in.
    Tick {
        now: i64,
    },
    /// Practice: the same questions again.
    TryAgain {
        now: i64,
    },
    /// Another copy of the progress (another tab, or storage) to merge in.
    Merge(Progress),
    /// An export the learner chose to import.
    Import(Progress),
    Reset {
        now: i64,
    },
}

/// Everything the widget shows, derived from the bank, the round and the progress.
#[derive(Clone, Debug, PartialEq)]
pub struct Session {
    pub bank: Rc<Bank>,
    pub settings: Settings,
    pub screen: Screen,
    pub round: Round,
    /// Choices picked for the current question and not yet checked (not used in exams).
    pub selection: Vec<usize>,
    pub progress: Progress,
    /// Events not yet handed to the host page, numbered so the shell sends each once.
    pub outbox: Vec<(u64, Outgoing)>,
    pub next_event: u64,
    /// Bumped on every change worth saving, so the shell knows when to write.
    pub revision: u64,
}

impl Session {
    /// Starts on the saved round when there is one in play, else on the start screen, or
    /// straight in `mode` when the host page asked for one.
    pub fn new(
        bank: Rc<Bank>,
        settings: Settings,
        progress: Progress,
        round: Option<Round>,
        mode: Option<Mode>,
        seed: u64,
        now: i64,
    ) -> Session {
        let saved = round
            .and_then(|r| r.reconcile(&bank))
            .filter(|r| mode.is_none_or(|m| m == r.mode));
        let (screen, round) = match (saved, mode) {
            (Some(r), _) if !r.is_over() || mode.is_some() => (Screen::Round, r),
            (_, Some(m)) => {
                let r = Round::draw(&bank, &progress, &settings, m, None, seed, now);
                // Nothing to review or due yet: the start screen says why and offers the rest.
                (
                    if r.is_empty() {
                        Screen::Start
                    } else {
                        Screen::Round
                    },
                    r,
                )
            }
            (saved, None) => (
                Screen::Start,
                saved.unwrap_or_else(|| Round::new(Mode::Practice, Vec::new(), now)),
            ),
        };
        let mut session = Session {
            bank,
            settings,
            screen,
            round,
            selection: Vec::new(),
            progress,
            outbox: Vec::new(),
            next_event: 1,
            revision: 0,
        };
        // An exam whose deadline passed while the page was closed is handed in now.
        session.apply(Action::Tick { now });
        session
    }

    pub fn phase(&self) -> Phase {
        if self.round.is_over() {
            Phase::Finished
        } else if self.round.mode != Mode::Exam
            && self
                .round
                .answers
                .get(self.round.current)
                .is_some_and(Option::is_some)
        {
            Phase::Feedback
        } else {
            Phase::Answering
        }
    }

    pub fn pass_mark(&self) -> u8 {
        self.settings.pass_mark.unwrap_or(self.bank.pass_mark)
    }

    /// The figures the start screen and the dashboard show, at `now`.
    pub fn overview(&self, now: i64) -> crate::overview::Overview {
        crate::overview::Overview::new(&self.bank, &self.progress, self.pass_mark(), now)
    }

    pub fn question(&self) -> Option<&Question> {
        self.find(self.round.ids.get(self.round.current)?)
    }

    pub fn find(&self, id: &str) -> Option<&Question> {
        self.bank.question(id)
    }

    /// The choices shown as picked for the current question.
    pub fn picked(&self) -> &[usize] {
        if self.round.mode == Mode::Exam || self.phase() == Phase::Feedback {
            self.round
                .answers
                .get(self.round.current)
                .and_then(|a| a.as_deref())
                .unwrap_or(&[])
        } else {
            &self.selection
        }
    }

    /// The checked answer at the current position, with whether it was right (not exams).
    pub fn feedback(&self) -> Option<(&Question, &[usize], bool)> {
        if self.phase() != Phase::Feedback {
            return None;
        }
        let q = self.question()?;
        let chosen = self.round.answers.get(self.round.current)?.as_deref()?;
        Some((q, chosen, score::is_correct(&q.answer, chosen)))
    }

    /// Exam questions not answered yet.
    pub fn unanswered(&self) -> usize {
        self.round
            .answers
            .iter()
            .filter(|a| a.as_ref().is_none_or(Vec::is_empty))
            .count()
    }

    /// Each question of the round once (review mode: its first answer), with the learner's
    /// choices (empty if none) and whether they were right.
    pub fn results(&self) -> Vec<(&Question, &[usize], bool)> {
        let mut out: Vec<(&Question, &[usize], bool)> = Vec::new();
        let mut seen: HashSet<&str> = HashSet::new();
        for (id, a) in self.round.ids.iter().zip(&self.round.answers) {
            if seen.contains(id.as_str()) {
                continue;
            }
            let Some(q) = self.find(id) else { continue };
            let chosen = a.as_deref().unwrap_or(&[]);
            if self.round.mode != Mode::Exam && a.is_none() {
                continue;
            }
            seen.insert(id.as_str());
            out.push((q, chosen, score::is_correct(&q.answer, chosen)));
        }
        out
    }

    /// Right answers so far in this round (review: right at the first try).
    pub fn score(&self) -> usize {
        self.results().iter().filter(|r| r.2).count()
    }

    /// The round's result, with a per-topic breakdown.
    pub fn outcome(&self) -> Outcome {
        let results = self.results();
        let score = results.iter().filter(|r| r.2).count();
        let total = match self.round.mode {
            Mode::Exam => self.round.len(),
            _ => results.len(),
        };
        // Topics in the bank's order; any the bank does not list, in order of first use.
        let mut topics: Vec<(String, usize, usize)> = Vec::new();
        let mut slot: HashMap<&str, usize> = HashMap::new();
        for (q, _, right) in &results {
            let t = if q.topic.is_empty() {
                "General"
            } else {
                q.topic.as_str()
            };
            let at = *slot.entry(t).or_insert_with(|| {
                topics.push((t.to_owned(), 0, 0));
                topics.len() - 1
            });
            topics[at].1 += usize::from(*right);
            topics[at].2 += 1;
        }
        // No sort: walk the bank's list once, then the rest as first used (linear).
        let mut order: Vec<usize> = Vec::with_capacity(topics.len());
        let mut placed = vec![false; topics.len()];
        for listed in &self.bank.topics {
            if let Some(&at) = slot.get(listed.as_str()) {
                if !std::mem::replace(&mut placed[at], true) {
                    order.push(at);
                }
            }
        }
        order.extend((0..topics.len()).filter(|&at| !placed[at]));
        // Each index is in `order` once, so each entry is taken once.
        let topics: Vec<(String, usize, usize)> = order
            .into_iter()
            .map(|at| std::mem::take(&mut topics[at]))
            .collect();
        let exam = self.round.mode == Mode::Exam;
        let pass_mark = exam.then(|| self.pass_mark());
        let passed = pass_mark.map(|m| score::percent(score, total) >= m);
        Outcome {
            mode: self.round.mode,
            score,
            total,
            pass_mark,
            passed,
            topics,
        }
    }

    pub fn apply(&mut self, action: Action) {
        let before = (self.screen, self.revision);
        self.update(action);
        if self.screen != before.0 && self.revision == before.1 {
            self.revision += 1;
        }
    }

    /// Every action is named, with its conditions inside its arm, so a new `Action` does
    /// not compile until it is handled here.
    fn update(&mut self, action: Action) {
        let phase = self.phase();
        let exam = self.round.mode == Mode::Exam;
        let on_round = self.screen == Screen::Round;
        // Choosing, moving and flagging happen only on a round that awaits an answer.
        let answering = on_round && phase == Phase::Answering;
        match action {
            Action::Show(screen) => {
                // A round with nothing in it can't be shown.
                if screen != Screen::Round || !self.round.is_empty() {
                    self.screen = screen;
                }
            }
            Action::Start {
                mode,
                topic,
                seed,
                now,
            } => {
                let round = Round::draw(
                    &self.bank,
                    &self.progress,
                    &self.settings,
                    mode,
                    topic.as_deref(),
                    seed,
                    now,
                );
                if !round.is_empty() {
                    self.round = round;
                    self.selection.clear();
                    self.screen = Screen::Round;
                    self.revision += 1;
                }
            }
            Action::Select(i) => {
                if answering && self.valid_choice(i) {
                    if exam {
                        self.round.answers[self.round.current] = Some(vec![i]);
                    } else {
                        self.selection = vec![i];
                    }
                    self.revision += 1;
                }
            }
            Action::Toggle(i) => {
                if answering && self.valid_choice(i) {
                    self.toggle(i, exam);
                }
            }
            Action::Check { now } => {
                if answering && !exam && !self.selection.is_empty() {
                    self.check(now);
                }
            }
            Action::Next { now } => {
                if on_round && !exam && phase == Phase::Feedback {
                    self.round.current += 1;
                    self.round.shown_at = now;
                    if self.round.is_over() {
                        self.finish(now);
                    }
                    self.revision += 1;
                } else if answering && exam && self.round.current + 1 < self.round.len() {
                    self.round.current += 1;
                    self.revision += 1;
                }
            }
            Action::Prev => {
                if answering && exam && self.round.current > 0 {
                    self.round.current -= 1;
                    self.revision += 1;
                }
            }
            Action::Goto(i) => {
                if answering && exam && i < self.round.len() {
                    self.round.current = i;
                    self.revision += 1;
                }
            }
            Action::Flag => {
                if answering && exam {
                    let f = &mut self.round.flags[self.round.current];
                    *f = !*f;
                    self.revision += 1;
                }
            }
            Action::Submit { now } => {
                if exam && phase == Phase::Answering {
                    self.submit(now);
                }
            }
            Action::Tick { now } => {
                if exam && phase == Phase::Answering {
                    if let Some(deadline) = self.round.deadline.filter(|d| now >= *d) {
                        self.submit(deadline);
                    }
                }
            }
            Action::TryAgain { now } => {
                if self.round.mode == Mode::Practice && phase == Phase::Finished {
                    let mut round =
                        Round::new(Mode::Practice, std::mem::take(&mut self.round.ids), now);
                    round.topic = self.round.topic.take();
                    // Another order for the same questions, still fixed by the first seed.
                    round.choice_seed = self.round.choice_seed.map(|s| Rng::new(s).next_u64());
                    self.round = round;
                    self.selection.clear();
                    self.revision += 1;
                }
            }
            Action::Merge(other) => {
                let merged = self.progress.merge(&other);
                if merged != self.progress {
                    self.progress = merged;
                    self.revision += 1;
                }
            }
            Action::Import(imported) => {
                self.progress = self.progress.import(&imported);
                self.revision += 1;
            }
            Action::Reset { now } => {
                self.progress.reset(now);
                self.round = Round::new(Mode::Practice, Vec::new(), now);
                self.selection.clear();
                self.screen = Screen::Start;
                self.revision += 1;
            }
        }
    }

    /// Ticks or unticks a select-all choice (in an exam, in the round's answers).
    fn toggle(&mut self, i: usize, exam: bool) {
        let list = if exam {
            self.round.answers[self.round.current].get_or_insert_with(Vec::new)
        } else {
            &mut self.selection
        };
        match list.iter().position(|&c| c == i) {
            Some(at) => {
                list.remove(at);
            }
            None => {
                list.push(i);
                list.sort_unstable();
            }
        }
        if exam && list.is_empty() {
            self.round.answers[self.round.current] = None;
        }
        self.revision += 1;
    }

    /// Grades the selection (practice, review, smart): into the history, the host page
    /// told; in review a missed question comes back at the end of the queue.
    fn check(&mut self, now: i64) {
        let Some(q) = self.question() else { return };
        let correct = score::is_correct(&q.answer, &self.selection);
        let rating = Rating::grade(
            correct,
            Some(now.saturating_sub(self.round.shown_at)),
            text_size(q),
        );
        let id = q.id.clone();
        let chosen = std::mem::take(&mut self.selection);
        self.progress.record(&id, rating, now);
        self.round.answers[self.round.current] = Some(chosen.clone());
        if self.round.mode == Mode::Review && !correct {
            self.round.ids.push(id.clone());
            self.round.answers.push(None);
            self.round.flags.push(false);
        }
        self.emit(Outgoing::Answer {
            question_id: id,
            chosen,
            correct,
        });
        self.revision += 1;
    }

    /// Hands in the exam: every answered question goes into the history, and the host
    /// page hears each answer (nothing was told before), then the result.
    fn submit(&mut self, at: i64) {
        let mut told = Vec::new();
        for (id, a) in self.round.ids.iter().zip(&self.round.answers) {
            let Some(q) = self.bank.question(id) else {
                continue;
            };
            if let Some(chosen) = a.as_deref().filter(|c| !c.is_empty()) {
                let correct = score::is_correct(&q.answer, chosen);
                self.progress
                    .record(&q.id, Rating::grade(correct, None, 0), at);
                told.push(Outgoing::Answer {
                    question_id: q.id.clone(),
                    chosen: chosen.to_vec(),
                    correct,
                });
            }
        }
        for event in told {
            self.emit(event);
        }
        self.round.submitted = Some(at);
        self.finish(at);
        self.revision += 1;
    }

    fn finish(&mut self, at: i64) {
        let outcome = self.outcome();
        self.progress.finish_round(RoundRecord {
            at,
            mode: outcome.mode,
            score: outcome.score as u32,
            total: outcome.total as u32,
        });
        self.emit(Outgoing::Complete(outcome));
    }

    fn valid_choice(&self, i: usize) -> bool {
        self.question().is_some_and(|q| i < q.choices.len())
    }

    fn emit(&mut self, event: Outgoing) {
        self.outbox.push((self.next_event, event));
        self.next_event += 1;
        // The shell sends events right after each change; the tail only has to hold what
        // one action emits (an exam of up to 500 answers and its result).
        if self.outbox.len() > 1024 {
            self.outbox.remove(0);
        }
    }
}

/// How much there is to read in a question, for grading response times.
fn text_size(q: &Question) -> usize {
    q.prompt.chars().count() + q.choices.iter().map(|c| c.chars().count()).sum::<usize>()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixtures::{bank, settings, T0};

    fn start(b: Rc<Bank>, count: usize, mode: Mode) -> Session {
        Session::new(
            b,
            settings(count),
            Progress::default(),
            None,
            Some(mode),
            42,
            T0,
        )
    }

    #[test]
    fn the_breakdown_lists_topics_in_the_banks_order_then_unlisted_ones_as_first_met() {
        let outcome_topics = |topics: &[&str], general: bool| {
            let mut b = (*bank(4)).clone();
            b.topics = topics.iter().map(|t| t.to_string()).collect();
            if general {
                b.questions[0].topic = String::new();
            }
            let mut settings = settings(5);
            settings.shuffle = false;
            let mut session = Session::new(
                Rc::new(b),
                settings,
                Progress::default(),
                None,
                Some(Mode::Practice),
                42,
                T0,
            );
            while session.phase() != Phase::Finished {
                answer(&mut session, true, T0);
                session.apply(Action::Next { now: T0 });
            }
            let o = session.outcome();
            assert_eq!(o.topics.iter().map(|t| t.2).sum::<usize>(), 5);
            o.topics.into_iter().map(|t| t.0).collect::<Vec<_>>()
        };
        // q0 (A), q1 (B), q2 (A), q3 (B), multi (A), in that order.
        assert_eq!(outcome_topics(&["B", "A"], false), ["B", "A"]);
        assert_eq!(
            outcome_topics(&[], false),
            ["A", "B"],
            "no list: as first met"
        );
        assert_eq!(
            outcome_topics(&["B"], true),
            ["B", "General", "A"],
            "listed first, then the rest as first met"
        );
    }

    fn answer(session: &mut Session, right: bool, now: i64) {
        let q = session.question().unwrap().clone();
        let picks = if right {
            q.answer.indices()
        } else {
            vec![(q.answer.indices()[0] + 1) % 3]
        };
        for c in picks {
            session.apply(if q.answer.is_multiple() {
                Action::Toggle(c)
            } else {
                Action::Select(c)
            });
        }
        if session.round.mode != Mode::Exam {
            session.apply(Action::Check { now });
        }
    }

    #[test]
    fn a_practice_round_goes_check_feedback_next_and_finishes_with_a_score() {
        let mut session = start(bank(5), 4, Mode::Practice);
        assert_eq!((session.screen, session.round.len()), (Screen::Round, 4));
        for step in 0..4 {
            assert_eq!(session.phase(), Phase::Answering);
            session.apply(Action::Check { now: T0 });
            assert_eq!(
                session.phase(),
                Phase::Answering,
                "Check with nothing chosen does nothing"
            );
            answer(&mut session, step != 0, T0 + 5_000);
            assert_eq!(session.phase(), Phase::Feedback);
            assert_eq!(session.feedback().unwrap().2, step != 0);
            session.apply(Action::Select(0));
            assert!(
                session.selection.is_empty(),
                "choosing after Check changes nothing"
            );
            session.apply(Action::Next { now: T0 + 6_000 });
        }
        assert_eq!(session.phase(), Phase::Finished);
        assert_eq!(session.score(), 3);
        assert_eq!(session.progress.rounds_played(), 1);
        assert_eq!(session.progress.best_percent(), Some(75));
        let events: Vec<_> = session.outbox.iter().map(|(_, e)| e.clone()).collect();
        assert_eq!(events.len(), 5);
        let Outgoing::Complete(o) = &events[4] else {
            panic!("{events:?}")
        };
        assert_eq!(
            (o.score, o.total, o.mode, o.passed),
            (3, 4, Mode::Practice, None)
        );
        assert!(matches!(
            &events[0],
            Outgoing::Answer { correct: false, .. }
        ));
        session.apply(Action::Next { now: T0 });
        assert_eq!(
            session.outbox.len(),
            5,
            "Next past the end does nothing more"
        );
    }

    #[test]
    fn toggle_adds_and_removes_for_select_all() {
        let mut session = Session::new(
            bank(0),
            Settings::default(),
            Progress::default(),
            None,
            Some(Mode::Practice),
            1,
            T0,
        );
        assert!(session.question().unwrap().answer.is_multiple());
        for c in [2, 0, 1, 1, 9] {
            session.apply(Action::Toggle(c));
        }
        assert_eq!(
            session.selection,
            vec![0, 2],
            "9 is out of range and ignored"
        );
        session.apply(Action::Check { now: T0 });
        assert!(session.feedback().unwrap().2);
    }

    #[test]
    fn try_again_keeps_the_questions_and_new_rounds_prefer_unseen_then_missed() {
        let b = bank(9);
        let mut session = start(b.clone(), 3, Mode::Practice);
        let first = session.round.ids.clone();
        while session.phase() != Phase::Finished {
            answer(&mut session, false, T0);
            session.apply(Action::Next { now: T0 });
        }
        session.apply(Action::TryAgain { now: T0 });
        assert_eq!(session.round.ids, first);
        assert_eq!(session.phase(), Phase::Answering);
        session.apply(Action::Start {
            mode: Mode::Practice,
            topic: None,
            seed: 99,
            now: T0,
        });
        assert!(
            session.round.ids.iter().all(|id| !first.contains(id)),
            "unseen questions come first"
        );
        let mut p = Progress::default();
        for q in &b.questions {
            p.record(
                &q.id,
                if first.contains(&q.id) {
                    Rating::Again
                } else {
                    Rating::Good
                },
                1,
            );
        }
        let r = Round::draw(&b, &p, &settings(3), Mode::Practice, None, 7, T0);
        let (mut got, mut want) = (r.ids.clone(), first.clone());
        got.sort();
        want.sort();
        assert_eq!(
            got, want,
            "then the missed ones, before those answered right"
        );
    }
    #[test]
    fn try_again_shows_the_same_questions_in_another_choice_order() {
        let b = bank(4);
        let mut session = start(b, 2, Mode::Practice);
        let before = session.round.choice_seed;
        for _ in 0..2 {
            let right = session.question().unwrap().answer.indices()[0];
            session.apply(Action::Select(right));
            session.apply(Action::Check { now: T0 });
            session.apply(Action::Next { now: T0 });
        }
        let ids = session.round.ids.clone();
        session.apply(Action::TryAgain { now: T0 });
        assert_eq!(session.round.ids, ids);
        assert!(before.is_some() && session.round.choice_seed.is_some());
        assert_ne!(session.round.choice_seed, before);
    }
    #[test]
    fn without_a_mode_the_start_screen_shows_unless_a_round_is_in_play() {
        let b = bank(5);
        let fresh = Session::new(
            b.clone(),
            settings(3),
            Progress::default(),
            None,
            None,
            1,
            T0,
        );
        assert_eq!(fresh.screen, Screen::Start);
        assert_eq!(fresh.revision, 0, "nothing to save yet");
        let mut session = fresh.clone();
        session.apply(Action::Show(Screen::Round));
        assert_eq!(session.screen, Screen::Start, "no round to show yet");
        session.apply(Action::Start {
            mode: Mode::Practice,
            topic: None,
            seed: 5,
            now: T0,
        });
        answer(&mut session, true, T0);
        let resumed = Session::new(
            b.clone(),
            settings(3),
            session.progress.clone(),
            Some(session.round.clone()),
            None,
            1,
            T0,
        );
        assert_eq!(
            (resumed.screen, resumed.phase()),
            (Screen::Round, Phase::Feedback)
        );
        let other_mode = Session::new(
            b,
            settings(3),
            session.progress.clone(),
            Some(session.round.clone()),
            Some(Mode::Exam),
            1,
            T0,
        );
        assert_eq!(
            other_mode.round.mode,
            Mode::Exam,
            "the page asked for an exam"
        );
    }

    #[test]
    fn an_exam_gives_no_feedback_moves_freely_and_scores_at_submit() {
        let b = bank(6);
        let mut session = start(b, 5, Mode::Exam);
        assert_eq!(
            session.round.deadline,
            Some(T0 + 600_000),
            "the bank's time limit"
        );
        answer(&mut session, true, T0);
        assert_eq!(session.phase(), Phase::Answering, "no feedback in an exam");
        assert!(session.feedback().is_none());
        session.apply(Action::Check { now: T0 });
        assert!(session.outbox.is_empty(), "nothing is told before the end");
        session.apply(Action::Flag);
        session.apply(Action::Next { now: T0 });
        answer(&mut session, false, T0);
        session.apply(Action::Prev);
        assert_eq!(session.round.current, 0);
        assert!(session.round.flags[0]);
        session.apply(Action::Goto(4));
        answer(&mut session, true, T0);
        session.apply(Action::Goto(9));
        assert_eq!(session.round.current, 4, "no such question");
        assert_eq!(session.unanswered(), 2);
        assert!(
            session.progress.questions.is_empty(),
            "answers count only when handed in"
        );
        session.apply(Action::Submit { now: T0 + 60_000 });
        assert_eq!(session.phase(), Phase::Finished);
        let o = session.outcome();
        assert_eq!(
            (o.score, o.total, o.pass_mark, o.passed),
            (2, 5, Some(60), Some(false))
        );
        assert_eq!(
            o.topics.iter().map(|t| t.2).sum::<usize>(),
            5,
            "every question in the breakdown"
        );
        assert_eq!(
            session.progress.questions.len(),
            3,
            "answered questions join the history"
        );
        assert!(
            matches!(session.outbox.last(), Some((_, Outgoing::Complete(c))) if c.mode == Mode::Exam)
        );
        let told: Vec<bool> = session
            .outbox
            .iter()
            .filter_map(|(_, e)| match e {
                Outgoing::Answer { correct, .. } => Some(*correct),
                _ => None,
            })
            .collect();
        assert_eq!(
            told,
            vec![true, false, true],
            "each answer given is told at hand-in, in order"
        );
        session.apply(Action::Select(0));
        assert_eq!(
            session.round.answers.iter().flatten().count(),
            3,
            "no changes after submitting"
        );
    }

    #[test]
    fn an_exam_deadline_survives_a_reload_and_submits_itself() {
        let b = bank(6);
        let mut session = start(b.clone(), 3, Mode::Exam);
        answer(&mut session, true, T0);
        session.apply(Action::Tick { now: T0 + 599_999 });
        assert_eq!(session.phase(), Phase::Answering);
        // Reload (the round as stored) after the deadline passed.
        let stored = session.round.clone();
        let reloaded = Session::new(
            b,
            settings(3),
            session.progress.clone(),
            Some(stored),
            None,
            1,
            T0 + 700_000,
        );
        assert_eq!(
            (reloaded.screen, reloaded.phase()),
            (Screen::Round, Phase::Finished)
        );
        assert_eq!(
            reloaded.round.submitted,
            Some(T0 + 600_000),
            "handed in at the deadline, not at reload"
        );
        assert_eq!(reloaded.outcome().score, 1);
        assert_eq!(reloaded.progress.rounds.len(), 1);
        assert!(reloaded.revision > 0, "the submitted exam is saved");
    }

    #[test]
    fn attributes_override_the_banks_exam_settings() {
        let b = bank(6);
        let s = Settings {
            count: Some(2),
            time_limit: Some(30),
            pass_mark: Some(50),
            ..Settings::default()
        };
        let mut session = Session::new(b, s, Progress::default(), None, Some(Mode::Exam), 1, T0);
        assert_eq!(
            (session.round.len(), session.round.deadline),
            (2, Some(T0 + 30_000))
        );
        answer(&mut session, true, T0);
        session.apply(Action::Submit { now: T0 });
        assert_eq!(session.outcome().passed, Some(true));
    }

    #[test]
    fn review_repeats_missed_questions_until_each_is_right_once() {
        let b = bank(5);
        let mut p = Progress::default();
        p.record("q0", Rating::Again, 1);
        p.record("q1", Rating::Good, 1);
        p.record("q2", Rating::Good, 1);
        p.record("q2", Rating::Again, 2);
        let mut session = Session::new(b, Settings::default(), p, None, Some(Mode::Review), 3, T0);
        let mut ids = session.round.ids.clone();
        ids.sort();
        assert_eq!(
            ids,
            vec!["q0", "q2"],
            "only questions whose last answer was wrong"
        );
        answer(&mut session, false, T0);
        let missed_again = session.round.ids[0].clone();
        session.apply(Action::Next { now: T0 });
        answer(&mut session, true, T0);
        session.apply(Action::Next { now: T0 });
        assert_eq!(
            session.phase(),
            Phase::Answering,
            "the missed one comes back"
        );
        assert_eq!(session.question().unwrap().id, missed_again);
        answer(&mut session, true, T0);
        session.apply(Action::Next { now: T0 });
        assert_eq!(session.phase(), Phase::Finished);
        let o = session.outcome();
        assert_eq!(
            (o.score, o.total),
            (1, 2),
            "scored on the first try of each question"
        );
        assert!(
            session.progress.stats("q0").unwrap().last_correct
                && session.progress.stats("q2").unwrap().last_correct
        );
        let fresh = Session::new(
            bank(3),
            Settings::default(),
            Progress::default(),
            None,
            Some(Mode::Review),
            1,
            T0,
        );
        assert_eq!(
            fresh.screen,
            Screen::Start,
            "nothing to review: the start screen, not an empty round"
        );
        let mut none_missed = session.clone();
        none_missed.apply(Action::Start {
            mode: Mode::Review,
            topic: None,
            seed: 1,
            now: T0,
        });
        assert_eq!(
            none_missed.round, session.round,
            "nothing left to review: no empty round"
        );
    }

    #[test]
    fn smart_review_asks_due_questions_first_then_new_ones() {
        let b = bank(6);
        let mut p = Progress::default();
        p.record("q0", Rating::Again, T0);
        p.record("q1", Rating::Easy, T0);
        let later = T0 + 86_400_000;
        let session = Session::new(b, settings(3), p, None, Some(Mode::Smart), 3, later);
        assert_eq!(session.round.ids[0], "q0", "due (missed yesterday)");
        assert!(
            !session.round.ids.contains(&"q1".to_string()),
            "not due yet"
        );
        assert_eq!(session.round.len(), 3, "topped up with unseen questions");
    }

    #[test]
    fn answers_are_graded_by_response_time() {
        let mut session = start(bank(3), 3, Mode::Practice);
        let id = session.question().unwrap().id.clone();
        answer(&mut session, true, T0 + 600_000);
        let log = session.progress.log(&id).unwrap();
        assert_eq!(
            log.reviews[0].rating,
            Rating::Hard,
            "ten minutes on a short question"
        );
    }

    #[test]
    fn reset_and_import_and_merge_go_through_the_reducer() {
        let mut session = start(bank(3), 2, Mode::Practice);
        answer(&mut session, true, T0);
        let saved = session.progress.clone();
        session.apply(Action::Reset { now: T0 + 1 });
        assert!(session.progress.questions.is_empty());
        assert_eq!(session.screen, Screen::Start);
        session.apply(Action::Merge(saved.clone()));
        assert!(
            session.progress.questions.is_empty(),
            "a stale copy does not undo the reset"
        );
        session.apply(Action::Import(saved.clone()));
        assert_eq!(
            session.progress.questions, saved.questions,
            "an import does"
        );
        let rev = session.revision;
        session.apply(Action::Merge(saved));
        assert_eq!(
            session.revision, rev,
            "merging what is already there changes nothing"
        );
    }
}
