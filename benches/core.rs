//! Native micro-benchmark of the pure core on growing banks: load and validate the bank
//! text, draw a practice round, answer one question (Check), encode the progress and read
//! it back. Every question has been answered once, so the log grows with the bank too.
//!
//! Run: `cargo bench --bench core` (release build). Prints the median of several runs per
//! step and size; the point is the growth from one size to the next, which should be about
//! ten-fold (linear) or a little more (n log n) for each ten-fold bank.

use std::rc::Rc;
use std::time::{Duration, Instant};

use checkpoint_quiz::bank;
use checkpoint_quiz::mode::Mode;
use checkpoint_quiz::progress::{Progress, Rating};
use checkpoint_quiz::session::{Action, Session};
use checkpoint_quiz::settings::Settings;
use checkpoint_quiz::storage::{self, Loaded};

const SHIPPED: &str = include_str!("../questions/security-customer-service.json");
const SIZES: [usize; 4] = [100, 1_000, 10_000, 50_000];
const NOW: i64 = 1_700_000_000_000;

/// A bank of `n` questions: the shipped questions repeated with unique ids.
fn bank_text(n: usize) -> String {
    let (shipped, _) = bank::load(SHIPPED).expect("the shipped bank loads");
    let questions = (0..n)
        .map(|i| {
            let mut q = shipped.questions[i % shipped.questions.len()].clone();
            q.id = format!("{}-{i}", q.id);
            q
        })
        .collect();
    let mut info = bank::BankInfo::new("bench", "Bench", "en");
    info.topics = shipped.topics.clone();
    bank::to_json(&bank::Bank::new(info, questions))
}

/// Median wall time of `runs` calls of `f`.
fn median(runs: usize, mut f: impl FnMut()) -> Duration {
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed()
        })
        .collect();
    times.sort_unstable();
    times[runs / 2]
}

fn ms(d: Duration) -> String {
    format!("{:.2}", d.as_secs_f64() * 1000.0)
}

fn main() {
    println!("| questions | load + validate (ms) | draw round (ms) | Check (ms) | encode progress (ms) | decode progress (ms) | stored KB |");
    println!("|---:|---:|---:|---:|---:|---:|---:|");
    for n in SIZES {
        let runs = if n >= 10_000 { 5 } else { 21 };
        let text = bank_text(n);
        let bank = Rc::new(bank::load(&text).expect("generated bank loads").0);
        let load = median(runs, || {
            std::hint::black_box(bank::load(std::hint::black_box(&text)).is_ok());
        });
        let mut progress = Progress::default();
        for (i, q) in bank.questions.iter().enumerate() {
            progress.record(&q.id, Rating::Good, NOW - 86_400_000 + i as i64 * 1000);
        }
        let new_session = || {
            Session::new(
                bank.clone(),
                Settings::default(),
                progress.clone(),
                None,
                Some(Mode::Practice),
                7,
                NOW,
            )
        };
        let draw = median(runs, || {
            std::hint::black_box(new_session());
        });
        let mut sessions: Vec<Session> = (0..runs).map(|_| new_session()).collect();
        let mut answered = Vec::with_capacity(runs);
        let check = median(runs, || {
            let mut session = sessions.pop().expect("one session per run");
            session.apply(Action::Select(0));
            session.apply(Action::Check { now: NOW + 5_000 });
            // Dropped after the timing: freeing a 50,000-entry log is not part of Check.
            answered.push(session);
        });
        drop(answered);
        let encoded = storage::encode_progress(&progress, NOW);
        let encode = median(runs, || {
            std::hint::black_box(storage::encode_progress(&progress, NOW));
        });
        let decode = median(runs, || {
            let loaded = storage::read(&encoded, storage::decode_progress);
            assert!(matches!(loaded, Loaded::Found(_)), "progress reads back");
        });
        println!(
            "| {n} | {} | {} | {} | {} | {} | {:.0} |",
            ms(load),
            ms(draw),
            ms(check),
            ms(encode),
            ms(decode),
            encoded.len() as f64 / 1024.0
        );
    }
}
