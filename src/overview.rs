//! The figures the start screen and the progress dashboard show, derived from the bank and
//! the answer log (nothing here is stored).

use crate::bank::Bank;
use crate::mode::Mode;
use crate::progress::Progress;
use crate::schedule;
use crate::score;

/// Rounds shown in the score history.
pub const HISTORY_LEN: usize = 20;

#[derive(Clone, Debug, PartialEq)]
pub struct TopicFigures {
    pub name: String,
    pub questions: usize,
    pub answered: usize,
    /// Questions whose last answer was right.
    pub right: usize,
    /// `right` as a share of all the topic's questions, in percent.
    pub mastery: u8,
    /// The memory model's estimate of the share recalled now, in percent.
    pub readiness: u8,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Overview {
    pub questions: usize,
    /// Distinct questions answered at least once.
    pub answered: usize,
    /// All answers given, and how many were right.
    pub attempts: u32,
    pub right_answers: u32,
    /// Questions whose last answer was wrong (what review mode asks).
    pub missed: usize,
    pub due_now: usize,
    pub unseen: usize,
    /// When the next question not yet due falls due (ms).
    pub next_due: Option<i64>,
    /// The model's estimate of the share of the bank recalled now, in percent.
    pub readiness: u8,
    pub pass_mark: u8,
    pub topics: Vec<TopicFigures>,
    /// The last rounds and exams, oldest first: when, which mode, score in percent.
    pub history: Vec<(i64, Mode, u8)>,
}

impl Overview {
    pub fn accuracy(&self) -> Option<u8> {
        (self.attempts > 0)
            .then(|| score::percent(self.right_answers as usize, self.attempts as usize))
    }

    /// Topics with the lowest mastery first (ties: fewer answered first), at most `n`.
    pub fn weakest(&self, n: usize) -> Vec<&TopicFigures> {
        let mut t: Vec<&TopicFigures> = self.topics.iter().collect();
        // Topic names are unique, so the order is total and an unstable sort gives the
        // same result as a stable one (the wasm then carries one sort algorithm, not two).
        t.sort_unstable_by(|a, b| {
            (a.mastery, a.answered, a.name.as_str()).cmp(&(b.mastery, b.answered, b.name.as_str()))
        });
        t.truncate(n);
        t
    }
}

fn pct(x: f64) -> u8 {
    (x * 100.0).round().clamp(0.0, 100.0) as u8
}

impl Overview {
    /// The figures for `progress` in `bank` at `now`.
    pub fn new(bank: &Bank, progress: &Progress, pass_mark: u8, now: i64) -> Overview {
        let mut o = Overview {
            questions: bank.questions.len(),
            answered: 0,
            attempts: 0,
            right_answers: 0,
            missed: 0,
            due_now: 0,
            unseen: 0,
            next_due: None,
            readiness: 0,
            pass_mark,
            topics: Vec::new(),
            history: Vec::new(),
        };
        for q in &bank.questions {
            match progress.stats(&q.id) {
                Some(s) => {
                    o.answered += 1;
                    o.attempts += s.attempts;
                    o.right_answers += s.correct;
                    o.missed += usize::from(!s.last_correct);
                }
                None => o.unseen += 1,
            }
        }
        let (due, next) = schedule::due(bank, progress, now);
        o.due_now = due.len();
        o.next_due = next;
        let readiness = schedule::readiness(bank, progress, now);
        o.readiness = pct(readiness.overall);
        for (name, recall) in readiness.topics {
            let qs: Vec<_> = bank.questions.iter().filter(|q| q.topic == name).collect();
            let stats: Vec<_> = qs.iter().filter_map(|q| progress.stats(&q.id)).collect();
            let right = stats.iter().filter(|s| s.last_correct).count();
            o.topics.push(TopicFigures {
                mastery: score::percent(right, qs.len()),
                questions: qs.len(),
                answered: stats.len(),
                right,
                readiness: pct(recall),
                name,
            });
        }
        let skip = progress.rounds.len().saturating_sub(HISTORY_LEN);
        o.history = progress.rounds[skip..]
            .iter()
            .map(|r| {
                (
                    r.at,
                    r.mode,
                    score::percent(r.score as usize, r.total as usize),
                )
            })
            .collect();
        o
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixtures::{bank, T0};
    use crate::progress::{Rating, RoundRecord};

    #[test]
    fn figures_per_bank_and_topic() {
        let b = bank(4); // q0 A, q1 B, q2 A, q3 B, multi A
        let mut p = Progress::default();
        p.record("q0", Rating::Good, T0);
        p.record("q0", Rating::Again, T0 + 1);
        p.record("q1", Rating::Good, T0);
        p.record("gone", Rating::Good, T0);
        for i in 0..25 {
            p.finish_round(RoundRecord {
                at: T0 + i,
                mode: Mode::Practice,
                score: i as u32 % 5,
                total: 4,
            });
        }
        let o = Overview::new(&b, &p, 70, T0 + 1000);
        assert_eq!((o.questions, o.answered, o.unseen, o.missed), (5, 2, 3, 1));
        assert_eq!(
            (o.attempts, o.right_answers, o.accuracy()),
            (3, 2, Some(66))
        );
        let a = &o.topics[0];
        assert_eq!(
            (a.name.as_str(), a.questions, a.answered, a.right, a.mastery),
            ("A", 3, 1, 0, 0)
        );
        let b_topic = &o.topics[1];
        assert_eq!(
            (b_topic.questions, b_topic.right, b_topic.mastery),
            (2, 1, 50)
        );
        assert!(b_topic.readiness > 0 && a.readiness == 0);
        assert!(o.readiness > 0 && o.readiness < 50);
        assert_eq!(o.weakest(1)[0].name, "A");
        assert_eq!(o.history.len(), HISTORY_LEN);
        assert_eq!(
            o.history.last().unwrap().0,
            T0 + 24,
            "the latest rounds, oldest first"
        );
        assert_eq!(o.due_now, 0, "nothing is due a second after answering");
        assert!(o.next_due.is_some_and(|t| t > T0 + 1000));
        assert_eq!(
            Overview::new(&b, &p, 70, T0 + 86_400_000).due_now,
            2,
            "a day later both are due"
        );
    }

    #[test]
    fn a_fresh_learner_has_no_accuracy_and_nothing_due() {
        let o = Overview::new(&bank(3), &Progress::default(), 70, T0);
        assert_eq!(
            (o.accuracy(), o.due_now, o.next_due, o.readiness),
            (None, 0, None, 0)
        );
        assert!(o.history.is_empty());
    }
}
