//! A learner's progress in one bank: the log of every answer and every finished round.
//!
//! The log is the truth and everything else (counts, last answer, the memory model's
//! schedule, the dashboard) is derived from it. That makes merging two copies (two tabs, or
//! an imported export) a plain union: commutative, idempotent, and nothing is ever lost.
//! Keyed by question id, so a new version of a bank keeps the progress of the questions it
//! still has; questions it dropped are ignored by the figures.

use crate::bank::Bank;
use crate::session::Mode;

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
    /// When, in ms since the Unix epoch.
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
    /// Sorted by question id (a sorted list is smaller in the wasm than a map).
    pub questions: Vec<QuestionLog>,
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
    fn index(&self, question_id: &str) -> Result<usize, usize> {
        self.questions
            .binary_search_by(|q| q.id.as_str().cmp(question_id))
    }

    pub fn log(&self, question_id: &str) -> Option<&QuestionLog> {
        self.index(question_id).ok().map(|at| &self.questions[at])
    }

    pub fn record(&mut self, question_id: &str, rating: Rating, at: i64) {
        let i = match self.index(question_id) {
            Ok(i) => i,
            Err(i) => {
                self.questions.insert(
                    i,
                    QuestionLog {
                        id: question_id.to_owned(),
                        ..Default::default()
                    },
                );
                i
            }
        };
        insert_sorted(&mut self.questions[i].reviews, Review { at, rating });
    }

    pub fn finish_round(&mut self, record: RoundRecord) {
        insert_sorted(&mut self.rounds, record);
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
        let mut answered = 0;
        let mut correct = 0;
        for q in &bank.questions {
            if let Some(s) = self.stats(&q.id) {
                answered += 1;
                correct += usize::from(s.last_correct);
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
        for log in &older.questions {
            let reviews: Vec<Review> = log
                .reviews
                .iter()
                .copied()
                .filter(|r| after(r.at))
                .collect();
            let carried = if same_generation {
                log.carried
            } else {
                Carried::default()
            };
            if reviews.is_empty() && carried == Carried::default() {
                continue;
            }
            let i = match questions.binary_search_by(|q| q.id.cmp(&log.id)) {
                Ok(i) => i,
                Err(i) => {
                    questions.insert(
                        i,
                        QuestionLog {
                            id: log.id.clone(),
                            ..Default::default()
                        },
                    );
                    i
                }
            };
            let q = &mut questions[i];
            for r in reviews {
                insert_sorted(&mut q.reviews, r);
            }
            q.carried = Carried {
                attempts: q.carried.attempts.max(carried.attempts),
                correct: q.carried.correct.max(carried.correct),
            };
        }
        questions.retain(|q| !q.reviews.is_empty() || q.carried != Carried::default());
        let mut rounds = newer.rounds.clone();
        for r in older.rounds.iter().filter(|r| after(r.at)) {
            insert_sorted(&mut rounds, r.clone());
        }
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
        for q in &merged.questions {
            let before = self.log(&q.id).map_or(0, |l| l.reviews.len());
            let added = q.reviews.len().saturating_sub(before);
            if added > 0 {
                c.answers += added;
                c.questions += 1;
            }
        }
        c
    }
}

/// Inserts keeping the list sorted and free of duplicates.
fn insert_sorted<T: Ord>(list: &mut Vec<T>, item: T) {
    if let Err(at) = list.binary_search(&item) {
        list.insert(at, item);
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::bank;

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
        p.record("a", Rating::Again, 1);
        p.record("a", Rating::Good, 2);
        p.record("b", Rating::Easy, 3);
        p.record("b", Rating::Again, 4);
        p.record("removed-in-v2", Rating::Good, 5);
        let s = p.summary(&bank);
        assert_eq!((s.answered, s.correct, s.total), (2, 1, 3));
        assert_eq!(
            p.stats("a").unwrap(),
            QuestionStats {
                attempts: 2,
                correct: 1,
                last_correct: true,
                last_at: 2
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
        base.record("q1", Rating::Good, 1);
        let (mut tab_a, mut tab_b) = (base.clone(), base.clone());
        tab_a.record("q2", Rating::Again, 10);
        tab_b.record("q3", Rating::Good, 10);
        tab_b.record("q1", Rating::Again, 11);
        let merged = tab_a.merge(&tab_b);
        assert_eq!(merged.questions.len(), 3);
        assert_eq!(merged.stats("q1").unwrap().attempts, 2);
        assert!(!merged.stats("q1").unwrap().last_correct);
    }

    #[test]
    fn a_reset_is_not_undone_by_a_stale_tab_but_an_import_restores() {
        let mut old = Progress::default();
        old.record("q1", Rating::Good, 100);
        old.finish_round(RoundRecord {
            at: 150,
            mode: Mode::Practice,
            score: 1,
            total: 1,
        });
        let export = old.clone();
        let mut fresh = old.clone();
        fresh.reset(200);
        fresh.record("q2", Rating::Good, 300);
        // A tab that still holds the old data, and answered after the reset.
        let mut stale = old.clone();
        stale.record("q3", Rating::Easy, 250);
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
                prop::sample::select(vec![0i64, 0, 20, 40]),
            )
                .prop_map(|(logs, rounds, cr, cb, reset_at)| {
                    let mut p = Progress {
                        carried_rounds: cr,
                        carried_best: cb,
                        reset_at,
                        ..Progress::default()
                    };
                    for (id, reviews, a, c) in logs {
                        for (at, r) in reviews {
                            p.record(&id, r, reset_at + at);
                        }
                        let i = p.index(&id).unwrap_or_else(|i| {
                            p.questions.insert(
                                i,
                                QuestionLog {
                                    id: id.clone(),
                                    ..Default::default()
                                },
                            );
                            i
                        });
                        p.questions[i].carried = Carried {
                            attempts: a,
                            correct: c,
                        };
                    }
                    p.questions
                        .retain(|q| !q.reviews.is_empty() || q.carried != Carried::default());
                    for (at, score, total) in rounds {
                        p.finish_round(RoundRecord {
                            at: reset_at + at,
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
                        for q in &p.questions {
                            for r in &q.reviews {
                                prop_assert!(m.log(&q.id).is_some_and(|l| l.reviews.contains(r)));
                            }
                        }
                    }
                }
            }
        }
    }
}
