//! A learner's progress in one bank: the log of every answer and every finished round.
//!
//! The log is the truth and everything else (counts, last answer, the memory model's
//! schedule, the dashboard) is derived from it. That makes merging two copies (two tabs, or
//! an imported export) a plain union: commutative, idempotent, and nothing is ever lost.
//! Keyed by question id, so a new version of a bank keeps the progress of the questions it
//! still has; questions it dropped are ignored by the figures.

use std::collections::BTreeMap;

use crate::bank::Bank;
use crate::mode::Mode;

/// How well an answer went, in the four grades the memory model (FSRS) uses.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Rating {
    /// Wrong.
    Again = 1,
    /// Right, but slowly.
    Hard = 2,
    Good = 3,
    /// Right, and quickly.
    Easy = 4,
}

impl Rating {
    pub fn from_number(n: i64) -> Option<Rating> {
        Some(match n {
            1 => Rating::Again,
            2 => Rating::Hard,
            3 => Rating::Good,
            4 => Rating::Easy,
            _ => return None,
        })
    }

    pub fn is_correct(self) -> bool {
        self != Rating::Again
    }

    /// Grades an answer from whether it was right and how long it took, against the time a
    /// careful reader needs for the question (`chars` = prompt plus choices). Wrong is
    /// always Again; a right answer is Easy when quick, Hard when very slow, else Good.
    /// `None` for the time (unknown, as in exams) grades a right answer Good.
    pub fn grade(correct: bool, response_ms: Option<i64>, chars: usize) -> Rating {
        if !correct {
            return Rating::Again;
        }
        let Some(ms) = response_ms else {
            return Rating::Good;
        };
        let expected = 4_000 + 40 * chars as i64;
        if ms < expected / 2 {
            Rating::Easy
        } else if ms > expected * 3 {
            Rating::Hard
        } else {
            Rating::Good
        }
    }
}

/// One answer to one question.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Review {
    /// When, in ms since the Unix epoch; a whole second when logged by `Progress::record`
    /// (the stored format keeps seconds, see `storage`).
    pub at: i64,
    pub rating: Rating,
}

/// Counts carried over from the first storage format, which kept no log.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Carried {
    pub attempts: u32,
    pub correct: u32,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct QuestionLog {
    pub id: String,
    /// Sorted by time, no duplicates.
    pub reviews: Vec<Review>,
    pub carried: Carried,
}

/// The earliest and latest whole second (as seconds) whose time in ms fits an `i64`.
pub const MIN_SECOND: i64 = i64::MIN / 1000;
pub const MAX_SECOND: i64 = i64::MAX / 1000;

/// The whole second (as seconds since the epoch) a time in ms falls in, clamped so that
/// `second * 1000` never overflows.
pub fn second_of(at_ms: i64) -> i64 {
    at_ms.div_euclid(1000).max(MIN_SECOND)
}

/// A finished round or exam, for the score history.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct RoundRecord {
    pub at: i64,
    pub mode: Mode,
    pub score: u32,
    pub total: u32,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct Progress {
    /// By question id (each log's `id` is its key).
    pub questions: BTreeMap<String, QuestionLog>,
    /// Sorted, no duplicates.
    pub rounds: Vec<RoundRecord>,
    /// Rounds and best score carried over from the first storage format.
    pub carried_rounds: u32,
    pub carried_best: Option<u8>,
    /// When progress was last reset (0 = never). A reset is a new generation: merging with
    /// an older generation keeps only what that copy recorded after the reset, so another
    /// tab cannot bring reset answers back.
    pub reset_at: i64,
}

/// Derived figures for one question.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct QuestionStats {
    pub attempts: u32,
    pub correct: u32,
    /// Whether the most recent answer was right.
    pub last_correct: bool,
    /// When it was last answered (ms), 0 if only carried counts exist.
    pub last_at: i64,
}

/// What the host page reads from the element's `progress` property.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Summary {
    pub bank_id: String,
    /// Distinct questions of the bank answered at least once.
    pub answered: usize,
    /// Of those, how many were right the last time.
    pub correct: usize,
    pub total: usize,
    pub rounds: u32,
    pub best_percent: Option<u8>,
}

/// What merging another copy in would add, for the import preview.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Changes {
    pub answers: usize,
    pub questions: usize,
    pub rounds: usize,
}

impl QuestionLog {
    /// Logs an answer as the newest one, at its whole second; an answer in the same second
    /// as the newest logged one (or, with a clock set back, before it) goes one second after
    /// it, so that whole-second times keep every answer and their order.
    pub fn append(&mut self, rating: Rating, at: i64) {
        let mut second = second_of(at);
        if let Some(last) = self.reviews.last() {
            let last = second_of(last.at);
            if second <= last {
                second = last.saturating_add(1).min(MAX_SECOND);
            }
        }
        let review = Review {
            at: second * 1000,
            rating,
        };
        // Only at the end of time can the newest answer not go after the last one.
        if self.reviews.last().is_none_or(|last| *last < review) {
            self.reviews.push(review);
        }
    }

    pub fn stats(&self) -> QuestionStats {
        let right = self
            .reviews
            .iter()
            .filter(|r| r.rating.is_correct())
            .count() as u32;
        let last = self.reviews.last();
        QuestionStats {
            attempts: self
                .carried
                .attempts
                .saturating_add(self.reviews.len() as u32),
            correct: self.carried.correct.saturating_add(right),
            last_correct: last.is_some_and(|r| r.rating.is_correct()),
            last_at: last.map_or(0, |r| r.at),
        }
    }
}

impl Progress {
    pub fn log(&self, question_id: &str) -> Option<&QuestionLog> {
        self.questions.get(question_id)
    }

    /// Logs an answer given now (see `QuestionLog::append` for how times are kept).
    pub fn record(&mut self, question_id: &str, rating: Rating, at: i64) {
        let log = match self.questions.get_mut(question_id) {
            Some(log) => log,
            None => self
                .questions
                .entry(question_id.to_owned())
                .or_insert_with(|| QuestionLog {
                    id: question_id.to_owned(),
                    ..QuestionLog::default()
                }),
        };
        log.append(rating, at);
    }

    pub fn finish_round(&mut self, record: RoundRecord) {
        // Rounds finish in time order, so this is nearly always a push.
        if self.rounds.last().is_none_or(|last| *last < record) {
            self.rounds.push(record);
        } else if let Err(at) = self.rounds.binary_search(&record) {
            self.rounds.insert(at, record);
        }
    }

    pub fn stats(&self, question_id: &str) -> Option<QuestionStats> {
        self.log(question_id).map(QuestionLog::stats)
    }

    pub fn rounds_played(&self) -> u32 {
        self.carried_rounds.saturating_add(self.rounds.len() as u32)
    }

    pub fn best_percent(&self) -> Option<u8> {
        let logged = self
            .rounds
            .iter()
            .map(|r| crate::score::percent(r.score as usize, r.total as usize))
            .max();
        logged.max(self.carried_best)
    }

    pub fn summary(&self, bank: &Bank) -> Summary {
        // Over the answered questions (found in the bank by its index), not over the bank:
        // this runs after every Check, and a big bank has mostly unanswered questions.
        let mut answered = 0;
        let mut correct = 0;
        for (id, log) in &self.questions {
            if bank.question(id).is_some() {
                answered += 1;
                correct += usize::from(log.stats().last_correct);
            }
        }
        Summary {
            bank_id: bank.id.clone(),
            answered,
            correct,
            total: bank.questions.len(),
            rounds: self.rounds_played(),
            best_percent: self.best_percent(),
        }
    }

    /// Forgets everything, as a new generation (see `reset_at`).
    pub fn reset(&mut self, now: i64) {
        *self = Progress {
            reset_at: now.max(self.reset_at.saturating_add(1)),
            ..Progress::default()
        };
    }

    /// Everything both copies know. Commutative and idempotent; across a reset, the newer
    /// generation wins and keeps what the older copy recorded after that reset.
    /// O(n log n) in the number of questions, linear in the answers of each.
    pub fn merge(&self, other: &Progress) -> Progress {
        // In one generation the union below is symmetric, so which copy counts as newer is moot.
        let (newer, older) = if self.reset_at >= other.reset_at {
            (self, other)
        } else {
            (other, self)
        };
        let same_generation = newer.reset_at == older.reset_at;
        let after = |at: i64| same_generation || at > newer.reset_at;

        let mut questions = newer.questions.clone();
        for (id, log) in &older.questions {
            let carried = if same_generation {
                log.carried
            } else {
                Carried::default()
            };
            let mut reviews = log.reviews.iter().filter(|r| after(r.at)).peekable();
            if reviews.peek().is_none() && carried == Carried::default() {
                continue;
            }
            let q = match questions.get_mut(id) {
                Some(q) => q,
                None => questions.entry(id.clone()).or_insert_with(|| QuestionLog {
                    id: id.clone(),
                    ..QuestionLog::default()
                }),
            };
            q.reviews = union_sorted(&q.reviews, reviews);
            q.carried = Carried {
                attempts: q.carried.attempts.max(carried.attempts),
                correct: q.carried.correct.max(carried.correct),
            };
        }
        questions.retain(|_, q| !q.reviews.is_empty() || q.carried != Carried::default());
        let rounds = union_sorted(&newer.rounds, older.rounds.iter().filter(|r| after(r.at)));
        let (carried_rounds, carried_best) = if same_generation {
            (
                newer.carried_rounds.max(older.carried_rounds),
                newer.carried_best.max(older.carried_best),
            )
        } else {
            (newer.carried_rounds, newer.carried_best)
        };
        Progress {
            questions,
            rounds,
            carried_rounds,
            carried_best,
            reset_at: newer.reset_at,
        }
    }

    /// Adopts an imported copy as the learner's own: everything in it is kept, whatever
    /// its age, in this copy's generation (an import after a reset restores the figures).
    pub fn import(&self, imported: &Progress) -> Progress {
        let adopted = Progress {
            reset_at: self.reset_at,
            ..imported.clone()
        };
        self.merge(&adopted)
    }

    /// What `merged` has that `self` has not.
    pub fn changes_to(&self, merged: &Progress) -> Changes {
        let mut c = Changes {
            rounds: merged.rounds.len().saturating_sub(self.rounds.len()),
            ..Changes::default()
        };
        for (id, q) in &merged.questions {
            let before = self.log(id).map_or(0, |l| l.reviews.len());
            let added = q.reviews.len().saturating_sub(before);
            if added > 0 {
                c.answers += added;
                c.questions += 1;
            }
        }
        c
    }
}

/// The sorted, duplicate-free union of a sorted, duplicate-free list and a sorted sequence,
/// in one linear pass.
fn union_sorted<'a, T: Ord + Clone + 'a>(
    mine: &[T],
    theirs: impl IntoIterator<Item = &'a T>,
) -> Vec<T> {
    let mut theirs = theirs.into_iter().peekable();
    let mut out = Vec::with_capacity(mine.len());
    let push = |out: &mut Vec<T>, item: &T| {
        if out.last().is_none_or(|last| last < item) {
            out.push(item.clone());
        }
    };
    for item in mine {
        while let Some(t) = theirs.next_if(|t| *t < item) {
            push(&mut out, t);
        }
        push(&mut out, item);
    }
    for t in theirs {
        push(&mut out, t);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bank;
    use crate::fixtures::T0;

    #[test]
    fn summary_counts_distinct_questions_by_last_answer_and_ignores_dropped_ones() {
        let (bank, _) = bank::load(
            r#"{"id":"b","title":"B","version":2,"language":"en","questions":[
            {"id":"a","prompt":"?","choices":["x","y"],"answer":0,"explanation":"."},
            {"id":"b","prompt":"?","choices":["x","y"],"answer":0,"explanation":"."},
            {"id":"c","prompt":"?","choices":["x","y"],"answer":0,"explanation":"."}]}"#,
        )
        .unwrap();
        let mut p = Progress::default();
        p.record("a", Rating::Again, T0);
        p.record("a", Rating::Good, T0 + 2_000);
        p.record("b", Rating::Easy, T0 + 3_000);
        p.record("b", Rating::Again, T0 + 4_000);
        p.record("removed-in-v2", Rating::Good, T0 + 5_000);
        let s = p.summary(&bank);
        assert_eq!((s.answered, s.correct, s.total), (2, 1, 3));
        assert_eq!(
            p.stats("a").unwrap(),
            QuestionStats {
                attempts: 2,
                correct: 1,
                last_correct: true,
                last_at: T0 + 2_000
            }
        );
        p.finish_round(RoundRecord {
            at: 10,
            mode: Mode::Practice,
            score: 5,
            total: 10,
        });
        p.finish_round(RoundRecord {
            at: 20,
            mode: Mode::Practice,
            score: 4,
            total: 10,
        });
        assert_eq!((p.rounds_played(), p.best_percent()), (2, Some(50)));
    }

    #[test]
    fn answers_are_logged_in_whole_seconds_in_the_order_given() {
        let mut p = Progress::default();
        p.record("q", Rating::Good, T0 + 999);
        assert_eq!(p.stats("q").unwrap().last_at, T0, "a whole second");
        // A wrong answer in the same second is still the newer one, and both count.
        p.record("q", Rating::Again, T0 + 400);
        p.record("q", Rating::Again, T0 + 700);
        let s = p.stats("q").unwrap();
        assert_eq!((s.attempts, s.correct, s.last_correct), (3, 1, false));
        assert_eq!(s.last_at, T0 + 2_000);
        // Later answers keep their own time.
        p.record("q", Rating::Easy, T0 + 60_500);
        assert_eq!(p.stats("q").unwrap().last_at, T0 + 60_000);
        // The ends of time do not overflow.
        p.record("old", Rating::Good, i64::MIN);
        p.record("old", Rating::Good, i64::MIN);
        p.record("new", Rating::Again, i64::MAX);
        p.record("new", Rating::Good, i64::MAX);
        p.record("new", Rating::Good, i64::MAX);
        assert_eq!(p.stats("old").unwrap().attempts, 2);
        assert_eq!(p.stats("new").unwrap().attempts, 2);
        assert!(p.stats("new").unwrap().last_correct);
    }

    #[test]
    fn merging_large_logs_keeps_every_answer_once() {
        let (mut a, mut b) = (Progress::default(), Progress::default());
        for i in 0..20_000i64 {
            let id = ["q", &(i % 5_000).to_string()].concat();
            a.record(&id, Rating::Good, T0 + i * 1_000);
            if i % 2 == 0 {
                b.record(&id, Rating::Good, T0 + i * 1_000);
            } else {
                // Odd answers, all to odd-numbered questions: b answered them differently.
                b.record(&id, Rating::Again, T0 + i * 1_000 + 500);
            }
        }
        let m = a.merge(&b);
        assert_eq!(m.questions.len(), 5_000);
        let answers: usize = m.questions.values().map(|q| q.reviews.len()).sum();
        assert_eq!(answers, 30_000, "shared answers once, the others from both");
        assert!(m
            .questions
            .values()
            .all(|q| q.reviews.windows(2).all(|w| w[0] < w[1])));
        assert_eq!(
            a.changes_to(&m),
            Changes {
                answers: 10_000,
                questions: 2_500,
                rounds: 0
            }
        );
    }

    #[test]
    fn grading_uses_correctness_and_time() {
        assert_eq!(Rating::grade(false, Some(1_000), 100), Rating::Again);
        assert_eq!(Rating::grade(false, None, 100), Rating::Again);
        // 100 characters: a careful reader needs about 8 s.
        assert_eq!(Rating::grade(true, Some(3_000), 100), Rating::Easy);
        assert_eq!(Rating::grade(true, Some(8_000), 100), Rating::Good);
        assert_eq!(Rating::grade(true, Some(30_000), 100), Rating::Hard);
        assert_eq!(Rating::grade(true, None, 100), Rating::Good);
        // Longer questions allow more time before a right answer counts as slow.
        assert_eq!(Rating::grade(true, Some(30_000), 600), Rating::Good);
    }

    #[test]
    fn two_tabs_answering_at_once_keep_both_answers() {
        let mut base = Progress::default();
        base.record("q1", Rating::Good, T0);
        let (mut tab_a, mut tab_b) = (base.clone(), base.clone());
        tab_a.record("q2", Rating::Again, T0 + 10_000);
        tab_b.record("q3", Rating::Good, T0 + 10_000);
        tab_b.record("q1", Rating::Again, T0 + 11_000);
        let merged = tab_a.merge(&tab_b);
        assert_eq!(merged.questions.len(), 3);
        assert_eq!(merged.stats("q1").unwrap().attempts, 2);
        assert!(!merged.stats("q1").unwrap().last_correct);
    }

    #[test]
    fn a_reset_is_not_undone_by_a_stale_tab_but_an_import_restores() {
        let mut old = Progress::default();
        old.record("q1", Rating::Good, T0 + 100_000);
        old.finish_round(RoundRecord {
            at: T0 + 150_000,
            mode: Mode::Practice,
            score: 1,
            total: 1,
        });
        let export = old.clone();
        let mut fresh = old.clone();
        fresh.reset(T0 + 200_000);
        fresh.record("q2", Rating::Good, T0 + 300_000);
        // A tab that still holds the old data, and answered after the reset.
        let mut stale = old.clone();
        stale.record("q3", Rating::Easy, T0 + 250_000);
        let merged = fresh.merge(&stale);
        assert!(merged.log("q1").is_none(), "reset answers stay gone");
        assert!(merged.log("q2").is_some() && merged.log("q3").is_some());
        assert!(merged.rounds.is_empty());
        let restored = merged.import(&export);
        assert_eq!(restored.stats("q1").unwrap().attempts, 1);
        assert_eq!(restored.rounds_played(), 1);
        assert_eq!(
            merged.changes_to(&restored),
            Changes {
                answers: 1,
                questions: 1,
                rounds: 1
            }
        );
        // The restored copy then survives merging with the stale tab again.
        assert_eq!(restored.merge(&stale).log("q1"), restored.log("q1"));
    }

    /// Merge laws, with generated progress (native only: proptest is not built for wasm).
    #[cfg(not(target_arch = "wasm32"))]
    mod properties {
        use super::*;
        use proptest::prelude::*;

        fn arb_progress() -> impl Strategy<Value = Progress> {
            let review =
                (0i64..50, 1i64..=4).prop_map(|(at, r)| (at, Rating::from_number(r).unwrap()));
            let log = (
                "[a-d]",
                prop::collection::vec(review, 0..4),
                0u32..3,
                0u32..3,
            );
            let round = (0i64..50, 0u32..5, 1u32..5);
            (
                prop::collection::vec(log, 0..5),
                prop::collection::vec(round, 0..3),
                0u32..3,
                prop::option::of(0u8..100),
                prop::sample::select(vec![0i64, 0, 20_000, 40_000]),
            )
                .prop_map(|(logs, rounds, cr, cb, reset_at)| {
                    let mut p = Progress {
                        carried_rounds: cr,
                        carried_best: cb,
                        reset_at,
                        ..Progress::default()
                    };
                    for (id, reviews, a, c) in logs {
                        let log = p.questions.entry(id.clone()).or_insert(QuestionLog {
                            id,
                            ..QuestionLog::default()
                        });
                        // Whole seconds, as `record` logs them; any order, as tabs merge them.
                        for (at, rating) in reviews {
                            let review = Review {
                                at: reset_at + at * 1_000,
                                rating,
                            };
                            if let Err(i) = log.reviews.binary_search(&review) {
                                log.reviews.insert(i, review);
                            }
                        }
                        log.carried = Carried {
                            attempts: a,
                            correct: c,
                        };
                    }
                    p.questions
                        .retain(|_, q| !q.reviews.is_empty() || q.carried != Carried::default());
                    for (at, score, total) in rounds {
                        p.finish_round(RoundRecord {
                            at: reset_at + at * 1_000,
                            mode: Mode::Practice,
                            score: score.min(total),
                            total,
                        });
                    }
                    p
                })
        }

        proptest! {
            #[test]
            fn merge_is_commutative(a in arb_progress(), b in arb_progress()) {
                prop_assert_eq!(a.merge(&b), b.merge(&a));
            }

            #[test]
            fn merge_is_idempotent(a in arb_progress(), b in arb_progress()) {
                let ab = a.merge(&b);
                prop_assert_eq!(ab.merge(&b), ab.clone());
                prop_assert_eq!(ab.merge(&a), ab.clone());
                prop_assert_eq!(a.merge(&a), a.clone());
            }

            #[test]
            fn merge_never_loses_an_answer_of_the_newer_generation(a in arb_progress(), b in arb_progress()) {
                let m = a.merge(&b);
                for p in [&a, &b] {
                    if p.reset_at == m.reset_at {
                        for (id, q) in &p.questions {
                            for r in &q.reviews {
                                prop_assert!(m.log(id).is_some_and(|l| l.reviews.binary_search(r).is_ok()));
                            }
                        }
                    }
                }
            }
        }
    }
}
