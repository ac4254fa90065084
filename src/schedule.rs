//! Spaced repetition with FSRS (the `rs-fsrs` crate): when each question is due again, and
//! how likely the learner is to recall it now.
//!
//! Nothing here is stored: a question's memory state is rebuilt by replaying its answer log
//! through the scheduler, so merged logs (two tabs, imports) always give one consistent
//! schedule.

use std::collections::HashMap;

use chrono::{DateTime, TimeZone, Utc};
use rs_fsrs::{Card, Parameters, FSRS};

use crate::bank::{Bank, Question};
use crate::progress::{Progress, QuestionLog, Rating};

/// Times come from storage, which anyone can edit: keep them between 1970 and the year
/// 3000, so the scheduler's date arithmetic (which panics on overflow) stays in range.
fn time(ms: i64) -> DateTime<Utc> {
    const YEAR_3000: i64 = 32_503_680_000_000;
    Utc.timestamp_millis_opt(ms.clamp(0, YEAR_3000))
        .single()
        .unwrap_or_default()
}

fn scheduler() -> FSRS {
    // No fuzz: the same log always gives the same schedule (tests, and two tabs agreeing).
    FSRS::new(Parameters {
        enable_fuzz: false,
        ..Parameters::default()
    })
}

fn rating(r: Rating) -> rs_fsrs::Rating {
    match r {
        Rating::Again => rs_fsrs::Rating::Again,
        Rating::Hard => rs_fsrs::Rating::Hard,
        Rating::Good => rs_fsrs::Rating::Good,
        Rating::Easy => rs_fsrs::Rating::Easy,
    }
}

/// The memory state after replaying every answer in the log; `None` if never answered
/// (counts carried from the first storage format have no times, so they can't be replayed).
pub fn card(log: &QuestionLog) -> Option<Card> {
    let first = log.reviews.first()?;
    let fsrs = scheduler();
    let mut card = Card {
        due: time(first.at),
        last_review: time(first.at),
        ..Card::default()
    };
    for r in &log.reviews {
        card = fsrs.next(card, time(r.at), rating(r.rating)).card;
    }
    Some(card)
}

/// When the question is due again (ms), if it was ever answered.
pub fn due_at(log: &QuestionLog) -> Option<i64> {
    card(log).map(|c| c.due.timestamp_millis())
}

/// The estimate (0 to 1) that the learner recalls the answer at `now`: the model's
/// forgetting curve (in fractional days) for questions last answered right; questions last
/// answered wrong, or never answered, count as not known.
pub fn recall(log: Option<&QuestionLog>, now: i64) -> f64 {
    let Some(log) = log else { return 0.0 };
    if !log.reviews.last().is_some_and(|r| r.rating.is_correct()) {
        return 0.0;
    }
    let Some(card) = card(log) else { return 0.0 };
    let days = now
        .saturating_sub(card.last_review.timestamp_millis())
        .max(0) as f64
        / 86_400_000.0;
    Parameters::forgetting_curve(days, card.stability).clamp(0.0, 1.0)
}

/// Questions due for review at `now`, most overdue first, and when the next one after
/// those falls due.
pub fn due<'a>(bank: &'a Bank, progress: &Progress, now: i64) -> (Vec<&'a Question>, Option<i64>) {
    let mut due: Vec<(i64, &Question)> = Vec::new();
    let mut next: Option<i64> = None;
    for q in &bank.questions {
        let Some(at) = progress.log(&q.id).and_then(due_at) else {
            continue;
        };
        if at <= now {
            due.push((at, q));
        } else {
            next = Some(next.map_or(at, |n| n.min(at)));
        }
    }
    due.sort_unstable_by(|(a, p), (b, q)| (*a, p.id.as_str()).cmp(&(*b, q.id.as_str())));
    (due.into_iter().map(|(_, q)| q).collect(), next)
}

/// Questions never answered, in bank order.
pub fn unseen<'a>(bank: &'a Bank, progress: &Progress) -> Vec<&'a Question> {
    bank.questions
        .iter()
        .filter(|q| progress.log(&q.id).is_none())
        .collect()
}

/// Estimated share of the bank the learner would get right now, overall and per topic
/// (topics in the bank's order), from the model's predicted recall. Unanswered questions
/// count as not known. An estimate, and the view says so.
pub struct Readiness {
    pub overall: f64,
    pub topics: Vec<(String, f64)>,
}

pub fn readiness(bank: &Bank, progress: &Progress, now: i64) -> Readiness {
    // One pass over the bank: (sum of recall, count) overall and per topic.
    let mut sums: HashMap<&str, (f64, usize)> = HashMap::new();
    let mut all = (0.0, 0usize);
    for q in &bank.questions {
        let p = recall(progress.log(&q.id), now);
        all = (all.0 + p, all.1 + 1);
        let t = sums.entry(q.topic.as_str()).or_default();
        *t = (t.0 + p, t.1 + 1);
    }
    let mean = |(sum, n): (f64, usize)| if n == 0 { 0.0 } else { sum / n as f64 };
    let overall = mean(all);
    let topics = bank
        .topics
        .iter()
        .map(|t| {
            (
                t.clone(),
                mean(sums.get(t.as_str()).copied().unwrap_or_default()),
            )
        })
        .collect();
    Readiness { overall, topics }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixtures::{bank, T0};

    const DAY: i64 = 86_400_000;

    #[test]
    fn a_right_answer_is_due_later_than_a_wrong_one() {
        let mut p = Progress::default();
        p.record("q0", Rating::Good, T0);
        p.record("q1", Rating::Again, T0);
        p.record("q2", Rating::Easy, T0);
        let due = |id: &str| due_at(p.log(id).unwrap()).unwrap();
        assert!(due("q1") < due("q0"), "wrong answers come back sooner");
        assert!(due("q0") <= due("q2"), "easy answers wait at least as long");
        assert!(due("q1") - T0 < DAY, "a lapse is reviewed the same day");
    }

    #[test]
    fn intervals_grow_with_each_successful_review() {
        let mut p = Progress::default();
        let mut now = T0;
        let mut gaps = Vec::new();
        for _ in 0..4 {
            p.record("q0", Rating::Good, now);
            let next = due_at(p.log("q0").unwrap()).unwrap();
            gaps.push(next - now);
            now = next;
        }
        assert!(gaps.windows(2).all(|w| w[1] > w[0]), "{gaps:?}");
        assert!(gaps[3] > DAY, "{gaps:?}");
    }

    #[test]
    fn due_lists_overdue_questions_first_and_says_when_the_next_is_due() {
        let b = bank(4);
        let mut p = Progress::default();
        p.record("q0", Rating::Again, T0);
        p.record("q1", Rating::Again, T0 + 1000);
        p.record("q2", Rating::Easy, T0);
        let (due_now, next) = due(&b, &p, T0 + DAY);
        let ids: Vec<&str> = due_now.iter().map(|q| q.id.as_str()).collect();
        assert_eq!(ids, vec!["q0", "q1"]);
        assert_eq!(next, due_at(p.log("q2").unwrap()));
        assert!(next.unwrap() > T0 + DAY);
        assert_eq!(unseen(&b, &p).len(), 2, "q3 and the select-all question");
    }

    #[test]
    fn absurd_stored_times_do_not_crash_the_scheduler() {
        let b = bank(3);
        let mut p = Progress::default();
        // 8_210_266_876_799_000 ms is near the latest date chrono can hold.
        for (i, at) in [i64::MIN, -1, 0, 8_210_266_876_799_000, i64::MAX]
            .into_iter()
            .enumerate()
        {
            p.record(&["q", &i.to_string()].concat(), Rating::Good, at);
            p.record("q0", Rating::Again, at);
        }
        for now in [i64::MIN, 0, T0, i64::MAX] {
            let _ = due(&b, &p, now);
            let _ = readiness(&b, &p, now);
        }
    }

    #[test]
    fn recall_fades_with_time_and_readiness_averages_it() {
        let b = bank(2);
        let mut p = Progress::default();
        p.record("q0", Rating::Good, T0);
        let log = p.log("q0");
        let soon = recall(log, T0 + DAY);
        let later = recall(log, T0 + 30 * DAY);
        assert!(soon > later && later > 0.0, "{soon} {later}");
        assert_eq!(recall(None, T0), 0.0);
        let r = readiness(&b, &p, T0 + DAY);
        assert!(
            (r.overall - soon / 3.0).abs() < 1e-9,
            "q0 known, q1 and multi not"
        );
    }
}
