//! A learner's progress in one bank, kept across rounds and reloads.
//!
//! Keyed by question id, so a new version of a bank keeps the progress of the questions
//! it still has; questions it dropped are ignored by the figures.

use crate::bank::Bank;

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct QuestionStats {
    pub attempts: u32,
    pub correct: u32,
    /// Whether the most recent answer was right.
    pub last_correct: bool,
    /// When it was last answered, in ms since the Unix epoch.
    pub last_at: i64,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Progress {
    /// Per question id, sorted by id (a sorted list is smaller in the wasm than a map).
    pub questions: Vec<(String, QuestionStats)>,
    /// Rounds finished.
    pub rounds: u32,
    /// Best round score in percent, if a round was ever finished.
    pub best_percent: Option<u8>,
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

impl Progress {
    pub fn record(&mut self, question_id: &str, correct: bool, now_ms: i64) {
        let at = match self.questions.binary_search_by(|(id, _)| id.as_str().cmp(question_id)) {
            Ok(at) => at,
            Err(at) => {
                self.questions.insert(at, (question_id.to_owned(), QuestionStats::default()));
                at
            }
        };
        let s = &mut self.questions[at].1;
        s.attempts = s.attempts.saturating_add(1);
        s.correct = s.correct.saturating_add(u32::from(correct));
        s.last_correct = correct;
        s.last_at = now_ms;
    }

    pub fn finish_round(&mut self, percent: u8) {
        self.rounds = self.rounds.saturating_add(1);
        self.best_percent = Some(self.best_percent.map_or(percent, |b| b.max(percent)));
    }

    pub fn stats(&self, question_id: &str) -> Option<&QuestionStats> {
        let at = self.questions.binary_search_by(|(id, _)| id.as_str().cmp(question_id)).ok()?;
        Some(&self.questions[at].1)
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
            rounds: self.rounds,
            best_percent: self.best_percent,
        }
    }
}

#[cfg(test)]
mod tests {
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
        p.record("a", false, 1);
        p.record("a", true, 2);
        p.record("b", true, 3);
        p.record("b", false, 4);
        p.record("removed-in-v2", true, 5);
        let s = p.summary(&bank);
        assert_eq!((s.answered, s.correct, s.total), (2, 1, 3));
        assert_eq!(p.stats("a").unwrap().attempts, 2);
        p.finish_round(50);
        p.finish_round(40);
        assert_eq!((p.rounds, p.best_percent), (2, Some(50)));
    }
}
