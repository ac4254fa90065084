//! One round: drawing its questions, the order its choices are shown in, and fitting a
//! stored round to a newer bank. Apart from the state machine, so storage can read and
//! write rounds without importing it.

use crate::bank::{Bank, Question};
use crate::mode::Mode;
use crate::progress::Progress;
use crate::random::Rng;
use crate::schedule;
use crate::settings::{Settings, DEFAULT_COUNT};

/// One round: which questions, in which order, and what was answered.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Round {
    pub mode: Mode,
    /// Question ids in the order asked; ids (not positions) so a resumed round survives a
    /// bank update. In review mode a missed question is appended again.
    pub ids: Vec<String>,
    /// Position of the current question; `ids.len()` once a non-exam round is over.
    pub current: usize,
    /// Per position: checked answers (exam: the choices made so far).
    pub answers: Vec<Option<Vec<usize>>>,
    /// Exam: questions flagged for review.
    pub flags: Vec<bool>,
    /// Exam: when it ends by itself (ms).
    pub deadline: Option<i64>,
    /// Exam: handed in (and when, ms).
    pub submitted: Option<i64>,
    /// When the current question was shown (ms), to grade by response time.
    pub shown_at: i64,
    /// Practice restricted to one topic ("practise your weakest topic").
    pub topic: Option<String>,
    /// Seed of the choice order (`choice_order`); `None` shows the bank's order. Stored
    /// with the round, so a resumed round shows the same order.
    pub choice_seed: Option<u64>,
}

impl Round {
    pub fn new(mode: Mode, ids: Vec<String>, now: i64) -> Round {
        let n = ids.len();
        Round {
            mode,
            ids,
            current: 0,
            answers: vec![None; n],
            flags: vec![false; n],
            deadline: None,
            submitted: None,
            shown_at: now,
            topic: None,
            choice_seed: None,
        }
    }

    /// The order `q`'s choices are shown in: display position → the bank's index. Drawn
    /// from the round's seed and the question id, so it differs from question to question
    /// and round to round, and needs nothing stored per question. Bank order when the
    /// round does not shuffle choices or the question pins its order (`fixedOrder`).
    pub fn choice_order(&self, q: &Question) -> Vec<usize> {
        let mut order: Vec<usize> = (0..q.choices.len()).collect();
        if let Some(seed) = self.choice_seed.filter(|_| !q.fixed_order) {
            // FNV-1a of the id, mixed into the seed.
            let id = q.id.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
                (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
            });
            Rng::new(seed ^ id).shuffle(&mut order);
        }
        order
    }

    /// Draws a round of `mode`. Practice asks questions never answered first, then those
    /// last answered wrong, then the rest, shuffled within each group unless `shuffle` is
    /// off. May be empty (nothing missed, nothing due): the start screen says so.
    pub fn draw(
        bank: &Bank,
        progress: &Progress,
        settings: &Settings,
        mode: Mode,
        topic: Option<&str>,
        seed: u64,
        now: i64,
    ) -> Round {
        let mut rng = Rng::new(seed);
        let pool = || {
            bank.questions
                .iter()
                .filter(|q| topic.is_none_or(|t| q.topic == t))
        };
        let count = settings.count;
        let picks: Vec<&Question> = match mode {
            Mode::Practice => {
                let mut all: Vec<&Question> = pool().collect();
                if settings.shuffle {
                    rng.shuffle(&mut all);
                }
                // Three buckets rather than a sort: stable, and no sort code in the wasm.
                let mut buckets: [Vec<&Question>; 3] = Default::default();
                for q in all {
                    let rank = match progress.stats(&q.id) {
                        None => 0,
                        Some(s) if !s.last_correct => 1,
                        Some(_) => 2,
                    };
                    buckets[rank].push(q);
                }
                let mut picks = buckets.concat();
                picks.truncate(count.unwrap_or(DEFAULT_COUNT));
                picks
            }
            Mode::Exam => {
                let mut all: Vec<&Question> = pool().collect();
                if settings.shuffle {
                    rng.shuffle(&mut all);
                }
                all.truncate(count.or(bank.exam_questions).unwrap_or(usize::MAX));
                all
            }
            Mode::Review => {
                let mut missed: Vec<&Question> = pool()
                    .filter(|q| progress.stats(&q.id).is_some_and(|s| !s.last_correct))
                    .collect();
                if settings.shuffle {
                    rng.shuffle(&mut missed);
                }
                if let Some(n) = count {
                    missed.truncate(n);
                }
                missed
            }
            Mode::Smart => {
                let n = count.unwrap_or(DEFAULT_COUNT);
                let (mut picks, _) = schedule::due(bank, progress, now);
                picks.truncate(n);
                let mut fresh = schedule::unseen(bank, progress);
                if settings.shuffle {
                    rng.shuffle(&mut fresh);
                }
                picks.extend(fresh.into_iter().take(n - picks.len()));
                picks
            }
        };
        let mut round = Round::new(mode, picks.iter().map(|q| q.id.clone()).collect(), now);
        if mode == Mode::Practice && settings.shuffle {
            // Keep the priority choice of questions but not a predictable unseen-first order.
            rng.shuffle(&mut round.ids);
        }
        if mode == Mode::Exam {
            round.deadline = settings
                .time_limit
                .or(bank.time_limit)
                .map(|s| now + i64::from(s) * 1000);
        }
        round.topic = topic.map(str::to_owned);
        round.choice_seed = settings.shuffle_choices.then(|| rng.next_u64());
        round
    }

    pub fn len(&self) -> usize {
        self.ids.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ids.is_empty()
    }

    pub fn is_over(&self) -> bool {
        match self.mode {
            Mode::Exam => self.submitted.is_some(),
            _ => self.current >= self.ids.len(),
        }
    }

    /// Fits a stored round to the bank as it is now: questions that are gone are dropped,
    /// answers that no longer fit are cleared. `None` if nothing usable is left.
    pub fn reconcile(mut self, bank: &Bank) -> Option<Round> {
        let n = self.ids.len();
        if self.answers.len() != n || self.flags.len() != n || self.current > n {
            return None;
        }
        let mut keep = Vec::new();
        let mut current = self.current;
        let flags = std::mem::take(&mut self.flags);
        for (pos, ((id, answer), flag)) in self
            .ids
            .drain(..)
            .zip(self.answers.drain(..))
            .zip(flags)
            .enumerate()
        {
            match bank.question(&id) {
                Some(q) => {
                    let answer = answer.filter(|a| a.iter().all(|&c| c < q.choices.len()));
                    keep.push((id, answer, flag));
                }
                None if pos < self.current => current -= 1,
                None => {}
            }
        }
        if keep.is_empty() {
            return None;
        }
        self.flags = keep.iter().map(|k| k.2).collect();
        self.answers = keep.iter().map(|k| k.1.clone()).collect();
        self.ids = keep.into_iter().map(|k| k.0).collect();
        // In practice a cleared answer before the current position would leave a gap.
        if self.mode != Mode::Exam {
            current = self
                .answers
                .iter()
                .take(current)
                .position(Option::is_none)
                .unwrap_or(current);
        }
        self.current = current.min(self.ids.len());
        Some(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bank;
    use crate::fixtures::{bank, settings, T0};

    #[test]
    fn choices_are_shuffled_per_round_seeded_and_pinned_when_asked() {
        let text = r#"{"id":"t","title":"T","version":1,"language":"en","questions":[
            {"id":"a","prompt":"A?","choices":["1","2","3","4"],"answer":0,"explanation":"e"},
            {"id":"b","prompt":"B?","choices":["1","2","3","4"],"answer":1,"explanation":"e"},
            {"id":"c","prompt":"C?","choices":["1","2","3","4"],"answer":2,"explanation":"e"},
            {"id":"d","prompt":"D?","choices":["1","2","3","Both 1 and 2"],"answer":3,"explanation":"e","fixedOrder":true}]}"#;
        let b = bank::load(text).unwrap().0;
        let draw = |s: &Settings, seed| {
            Round::draw(&b, &Progress::default(), s, Mode::Exam, None, seed, T0)
        };
        let s = Settings::default();
        let orders = |r: &Round| -> Vec<Vec<usize>> {
            b.questions.iter().map(|q| r.choice_order(q)).collect()
        };
        for q in &b.questions {
            let mut o = draw(&s, 1).choice_order(q);
            o.sort_unstable();
            assert_eq!(o, [0, 1, 2, 3], "every choice shown once");
        }
        assert_eq!(
            orders(&draw(&s, 1)),
            orders(&draw(&s, 1)),
            "a seed fixes the order"
        );
        let seeds: Vec<Vec<Vec<usize>>> = (1..6).map(|seed| orders(&draw(&s, seed))).collect();
        assert!(
            seeds.windows(2).all(|w| w[0] != w[1]),
            "each round its own order"
        );
        assert!(
            seeds
                .iter()
                .any(|o| o[..3].iter().any(|x| x[..] != [0, 1, 2, 3])),
            "shuffled, not the bank order"
        );
        assert!(
            seeds.iter().all(|o| o[3] == [0, 1, 2, 3]),
            "fixedOrder keeps the bank order"
        );
        let plain = Settings {
            shuffle_choices: false,
            ..Settings::default()
        };
        assert!(orders(&draw(&plain, 1))
            .iter()
            .all(|o| o[..] == [0, 1, 2, 3]));
    }

    #[test]
    fn same_seed_same_order_and_no_shuffle_keeps_bank_order() {
        let b = bank(20);
        let s = settings(10);
        let draw = |s: &Settings, seed| {
            Round::draw(&b, &Progress::default(), s, Mode::Practice, None, seed, T0)
        };
        assert_eq!(draw(&s, 11), draw(&s, 11));
        assert_ne!(draw(&s, 11), draw(&s, 12));
        let plain = Settings {
            count: Some(3),
            shuffle: false,
            ..Settings::default()
        };
        assert_eq!(draw(&plain, 11).ids, vec!["q0", "q1", "q2"]);
        assert_eq!(
            draw(
                &Settings {
                    count: Some(500),
                    shuffle: false,
                    ..Settings::default()
                },
                0
            )
            .len(),
            21
        );
        assert_eq!(draw(&Settings::default(), 0).len(), DEFAULT_COUNT);
    }

    #[test]
    fn practice_can_be_limited_to_one_topic() {
        let b = bank(10);
        let r = Round::draw(
            &b,
            &Progress::default(),
            &settings(50),
            Mode::Practice,
            Some("B"),
            3,
            T0,
        );
        assert_eq!(r.len(), 5);
        assert!(r
            .ids
            .iter()
            .all(|id| b.questions.iter().any(|q| &q.id == id && q.topic == "B")));
    }

    #[test]
    fn a_resumed_round_survives_a_bank_update() {
        let b = bank(6);
        let mut r = Round::new(
            Mode::Practice,
            vec!["q1".into(), "gone".into(), "q2".into(), "q3".into()],
            T0,
        );
        r.answers = vec![Some(vec![1]), Some(vec![0]), Some(vec![7]), None];
        r.current = 3;
        let fitted = r.reconcile(&b).unwrap();
        assert_eq!(fitted.ids, vec!["q1", "q2", "q3"]);
        assert_eq!(
            fitted.answers,
            vec![Some(vec![1]), None, None],
            "7 no longer fits q2's 3 choices"
        );
        assert_eq!(fitted.current, 1, "resume at the gap");
        assert_eq!(
            Round::new(Mode::Practice, vec!["gone".into()], T0).reconcile(&b),
            None
        );
        let mut broken = Round::new(Mode::Practice, vec!["q1".into()], T0);
        broken.current = 5;
        assert_eq!(broken.reconcile(&b), None);
    }
}
