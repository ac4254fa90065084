//! What is saved, under which keys, in which format; and how a key-value store that may
//! fail (blocked, full, corrupt, written by a newer version) is read and written.
//!
//! Every value is a versioned envelope: `{"v":2,"saved":<ms>,"data":…}`. Version 1 (the
//! first release, which kept counts instead of an answer log) is migrated when read. Values
//! this code cannot read are set aside under `checkpoint-quiz:aside:…`, never deleted;
//! values from a newer version are left alone and not overwritten.

use std::collections::BTreeMap;

use crate::json::{self, Node, Value, Writer};
use crate::progress::{Carried, Progress, QuestionLog, Rating, Review, RoundRecord};
use crate::session::{Mode, Round};

/// Every key starts with this, so the host page can tell our data from its own.
pub const PREFIX: &str = "checkpoint-quiz:";
/// The version of the envelope and of what it holds.
pub const FORMAT_VERSION: i64 = 2;
/// What an exported progress file says it is.
pub const EXPORT_FORMAT: &str = "checkpoint-quiz-progress";

/// Where a bank's progress lives: `checkpoint-quiz:progress:<bankId>`.
pub fn progress_key(bank_id: &str) -> String {
    [PREFIX, "progress:", bank_id].concat()
}

/// Where the round in play lives: `checkpoint-quiz:round:<bankId>`, or with
/// `:<instance>` when two widgets on one page ask the same bank.
pub fn round_key(bank_id: &str, instance: &str) -> String {
    if instance.is_empty() {
        [PREFIX, "round:", bank_id].concat()
    } else {
        [PREFIX, "round:", bank_id, ":", instance].concat()
    }
}

fn aside_key(key: &str, now_ms: i64) -> String {
    let mut k = [PREFIX, "aside:"].concat();
    json::push_int(&mut k, now_ms);
    k.push(':');
    k.push_str(key.strip_prefix(PREFIX).unwrap_or(key));
    k
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StorageError {
    /// No storage at all: blocked cookies, sandboxed iframe, some private modes.
    Unavailable,
    /// Storage exists but refused the write (usually the quota).
    WriteFailed,
}

/// A string key-value store such as `localStorage`. Implement it to keep progress elsewhere.
pub trait KeyValue {
    fn get(&self, key: &str) -> Result<Option<String>, StorageError>;
    fn set(&self, key: &str, value: &str) -> Result<(), StorageError>;
    fn remove(&self, key: &str) -> Result<(), StorageError>;
    /// Every key in the store (for exporting all banks' progress).
    fn keys(&self) -> Result<Vec<String>, StorageError>;
}

/// An in-memory store: for tests, and the fallback when the browser gives us none.
#[derive(Default, Debug)]
pub struct MemoryStore(pub std::cell::RefCell<BTreeMap<String, String>>);

impl KeyValue for MemoryStore {
    fn get(&self, key: &str) -> Result<Option<String>, StorageError> {
        Ok(self.0.borrow().get(key).cloned())
    }
    fn set(&self, key: &str, value: &str) -> Result<(), StorageError> {
        self.0.borrow_mut().insert(key.to_owned(), value.to_owned());
        Ok(())
    }
    fn remove(&self, key: &str) -> Result<(), StorageError> {
        self.0.borrow_mut().remove(key);
        Ok(())
    }
    fn keys(&self) -> Result<Vec<String>, StorageError> {
        Ok(self.0.borrow().keys().cloned().collect())
    }
}

/// Every bank's progress in the store, for an export: `memory` (the bank in play, which
/// may be ahead of the store) merged with what is stored. Unreadable values are skipped.
pub fn all_progress(kv: &dyn KeyValue, memory: (&str, &Progress)) -> Vec<(String, Progress)> {
    let prefix = progress_key("");
    let mut out = vec![(memory.0.to_owned(), memory.1.clone())];
    for key in kv.keys().unwrap_or_default() {
        let Some(bank_id) = key.strip_prefix(&prefix) else {
            continue;
        };
        let Ok(Some(text)) = kv.get(&key) else {
            continue;
        };
        let Loaded::Found(p) = read(&text, decode_progress) else {
            continue;
        };
        match out.iter_mut().find(|(id, _)| id == bank_id) {
            Some((_, mine)) => *mine = mine.merge(&p),
            None => out.push((bank_id.to_owned(), p)),
        }
    }
    crate::order::sort_by_key(&mut out, |(id, _)| id.clone());
    out
}

/// Imports `imported` into the stored progress of `bank_id` (a bank not in play here).
pub fn import_into_store(
    kv: &dyn KeyValue,
    bank_id: &str,
    imported: &Progress,
    now_ms: i64,
) -> Result<(), StorageError> {
    let key = progress_key(bank_id);
    let current = match load(kv, &key, now_ms, decode_progress) {
        Loaded::Found(p) => p,
        Loaded::Missing | Loaded::Corrupt => Progress::default(),
        Loaded::Newer => return Err(StorageError::WriteFailed),
        Loaded::Failed(e) => return Err(e),
    };
    kv.set(&key, &encode_progress(&current.import(imported), now_ms))
}

/// Something the learner should be told about their saved data, once.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Notice {
    /// Storage is blocked or full: the quiz works, but progress will not be kept.
    CannotSave,
    /// Saved data could not be read; it was kept aside and a fresh start was made.
    SetAside,
    /// Saved data comes from a newer version of the widget; it is left untouched.
    NewerVersion,
}

impl Notice {
    pub fn message(self) -> &'static str {
        match self {
            Notice::CannotSave => "Your progress can't be saved in this browser (storage is blocked or full). You can keep practising; answers will be forgotten when you leave.",
            Notice::SetAside => "Saved progress here could not be read, so it was put aside and you are starting fresh.",
            Notice::NewerVersion => "Your progress was saved by a newer version of this quiz. It is kept safe, but this page can't update it.",
        }
    }
}

/// The outcome of reading one key.
#[derive(Debug, PartialEq)]
pub enum Loaded<T> {
    Missing,
    Found(T),
    /// Unreadable; moved aside (or left in place if even that failed). Start fresh.
    Corrupt,
    /// Written by a newer version: do not overwrite.
    Newer,
    /// The store itself failed.
    Failed(StorageError),
}

/// Decodes an envelope's `data` written in the given format version.
pub type Decode<T> = fn(&Node, i64) -> Option<T>;

/// Reads and decodes `key`; unreadable values are moved aside so a later save can't destroy them.
pub fn load<T>(kv: &dyn KeyValue, key: &str, now_ms: i64, decode: Decode<T>) -> Loaded<T> {
    let text = match kv.get(key) {
        Ok(Some(t)) => t,
        Ok(None) => return Loaded::Missing,
        Err(e) => return Loaded::Failed(e),
    };
    match read(&text, decode) {
        Loaded::Corrupt => {}
        other => return other,
    }
    // Keep a copy aside before the key is reused; remove only once the copy is safe.
    if kv.set(&aside_key(key, now_ms), &text).is_ok() {
        let _ = kv.remove(key);
    }
    Loaded::Corrupt
}

/// Decodes a stored value without touching the store (also for `storage` events).
pub fn read<T>(text: &str, decode: Decode<T>) -> Loaded<T> {
    let Ok(root) = json::parse(text) else {
        return Loaded::Corrupt;
    };
    match (root.get("v").and_then(Node::as_i64), root.get("data")) {
        (Some(v), _) if v > FORMAT_VERSION => Loaded::Newer,
        (Some(v), Some(data)) if v >= 1 => decode(data, v).map_or(Loaded::Corrupt, Loaded::Found),
        _ => Loaded::Corrupt,
    }
}

fn envelope(now_ms: i64, body: impl FnOnce(&mut Writer)) -> String {
    let mut w = Writer::new();
    w.begin_object();
    w.key("v");
    w.int(FORMAT_VERSION);
    w.key("saved");
    w.int(now_ms);
    w.key("data");
    body(&mut w);
    w.end_object();
    w.finish()
}

/// Progress as the envelope's data: `{"reset":ms,"cr":n,"cb":pct,"t0":ms,
/// "r":[[at,"mode",score,total],…],"q":{"<id>":[[a,c],x1,x2,…]}}`. Per question `[a,c]`
/// (only when not zero) are attempts and right answers carried from version 1, then one
/// number per answer:
/// `delta_ms * 4 + rating - 1`, the first delta counted from `t0` (the earliest answer).
/// Packed like this the log stays small; the README gives the measured size.
fn write_progress(w: &mut Writer, p: &Progress) {
    let t0 = p
        .questions
        .iter()
        .filter_map(|q| q.reviews.first())
        .map(|r| r.at)
        .min()
        .unwrap_or(0);
    w.begin_object();
    if t0 != 0 {
        w.key("t0");
        w.int(t0);
    }
    if p.reset_at != 0 {
        w.key("reset");
        w.int(p.reset_at);
    }
    if p.carried_rounds != 0 {
        w.key("cr");
        w.int(p.carried_rounds.into());
    }
    if let Some(b) = p.carried_best {
        w.key("cb");
        w.int(b.into());
    }
    w.key("r");
    w.begin_array();
    for r in &p.rounds {
        w.begin_array();
        w.int(r.at);
        w.string(r.mode.as_str());
        w.int(r.score.into());
        w.int(r.total.into());
        w.end_array();
    }
    w.end_array();
    w.key("q");
    w.begin_object();
    for q in &p.questions {
        w.key(&q.id);
        w.begin_array();
        if q.carried != Carried::default() {
            w.begin_array();
            w.int(q.carried.attempts.into());
            w.int(q.carried.correct.into());
            w.end_array();
        }
        let mut last = t0;
        for r in &q.reviews {
            w.int(r.at.saturating_sub(last).saturating_mul(4) + r.rating as i64 - 1);
            last = r.at;
        }
        w.end_array();
    }
    w.end_object();
    w.end_object();
}

pub fn encode_progress(p: &Progress, now_ms: i64) -> String {
    envelope(now_ms, |w| write_progress(w, p))
}

fn u32_of(n: &Node) -> Option<u32> {
    n.as_i64().and_then(|i| u32::try_from(i).ok())
}

fn percent_of(n: &Node) -> Option<u8> {
    n.as_i64()
        .filter(|b| (0..=100).contains(b))
        .map(|b| b as u8)
}

pub fn decode_progress(data: &Node, version: i64) -> Option<Progress> {
    if version == 1 {
        return decode_progress_v1(data);
    }
    let mut p = Progress {
        reset_at: data.get("reset").map_or(Some(0), Node::as_i64)?,
        carried_rounds: data.get("cr").map_or(Some(0), u32_of)?,
        carried_best: match data.get("cb") {
            Some(b) => Some(percent_of(b)?),
            None => None,
        },
        ..Progress::default()
    };
    for r in data.get("r")?.as_array()? {
        let [at, mode, score, total] = r.as_array()? else {
            return None;
        };
        let record = RoundRecord {
            at: at.as_i64()?,
            mode: Mode::parse(mode.as_str()?)?,
            score: u32_of(score)?,
            total: u32_of(total)?,
        };
        p.finish_round(record);
    }
    let t0 = data.get("t0").map_or(Some(0), Node::as_i64)?;
    let Value::Object(members) = &data.get("q")?.value else {
        return None;
    };
    for m in members {
        let items = m.node.as_array()?;
        let (carried, packed) = match items {
            [first, rest @ ..] if first.as_array().is_some() => {
                let [a, c] = first.as_array()? else {
                    return None;
                };
                (
                    Carried {
                        attempts: u32_of(a)?,
                        correct: u32_of(c)?,
                    },
                    rest,
                )
            }
            all => (Carried::default(), all),
        };
        if packed.is_empty() && carried == Carried::default() {
            return None;
        }
        let mut log = QuestionLog {
            id: m.key.clone(),
            reviews: Vec::with_capacity(packed.len()),
            carried,
        };
        let mut at = t0;
        for x in packed {
            let x = x.as_i64().filter(|x| *x >= 0)?;
            at = at.checked_add(x / 4)?;
            let review = Review {
                at,
                rating: Rating::from_number(x % 4 + 1)?,
            };
            if log.reviews.last().is_some_and(|last| *last >= review) {
                return None;
            }
            log.reviews.push(review);
        }
        p.questions.push(log);
    }
    // Written sorted by id; anything else (hand-edited, or ids repeated) is not ours.
    if p.questions.windows(2).any(|w| w[0].id >= w[1].id) {
        return None;
    }
    Some(p)
}

/// Version 1 kept `{"rounds":n,"best":pct,"q":{"<id>":[attempts,correct,lastRight,lastAt]}}`.
/// The last answer becomes the log's one review; the other counts are carried.
fn decode_progress_v1(data: &Node) -> Option<Progress> {
    let mut p = Progress {
        carried_rounds: u32_of(data.get("rounds")?)?,
        ..Progress::default()
    };
    if let Some(b) = data.get("best") {
        p.carried_best = Some(percent_of(b)?);
    }
    let Value::Object(members) = &data.get("q")?.value else {
        return None;
    };
    for m in members {
        let [a, c, l, t] = m.node.as_array()? else {
            return None;
        };
        let (attempts, correct, last_right) = (u32_of(a)?, u32_of(c)?, l.as_i64()? != 0);
        let rating = if last_right {
            Rating::Good
        } else {
            Rating::Again
        };
        p.questions.push(QuestionLog {
            id: m.key.clone(),
            reviews: vec![Review {
                at: t.as_i64()?,
                rating,
            }],
            carried: Carried {
                attempts: attempts.saturating_sub(1),
                correct: correct.saturating_sub(u32::from(last_right)),
            },
        });
    }
    if p.questions.windows(2).any(|w| w[0].id >= w[1].id) {
        return None;
    }
    Some(p)
}

/// The round in play:
/// `{"mode":"exam","ids":[…],"cur":2,"ans":[[1],[],…],"sel":[…],"flags":[0,1,…],
///   "deadline":ms,"submitted":ms,"shown":ms,"topic":"…"}` (the last five optional).
pub fn encode_round(r: &Round, selection: &[usize], now_ms: i64) -> String {
    let ints = |w: &mut Writer, v: &[usize]| {
        w.begin_array();
        for &i in v {
            w.int(i as i64);
        }
        w.end_array();
    };
    envelope(now_ms, |w| {
        w.begin_object();
        w.key("mode");
        w.string(r.mode.as_str());
        w.key("ids");
        w.begin_array();
        for id in &r.ids {
            w.string(id);
        }
        w.end_array();
        w.key("cur");
        w.int(r.current as i64);
        w.key("ans");
        w.begin_array();
        for a in &r.answers {
            ints(w, a.as_deref().unwrap_or(&[]));
        }
        w.end_array();
        w.key("sel");
        ints(w, selection);
        if r.flags.contains(&true) {
            w.key("flags");
            w.begin_array();
            for &f in &r.flags {
                w.int(f.into());
            }
            w.end_array();
        }
        for (key, value) in [
            ("deadline", r.deadline),
            ("submitted", r.submitted),
            ("shown", Some(r.shown_at)),
        ] {
            if let Some(v) = value {
                w.key(key);
                w.int(v);
            }
        }
        if let Some(t) = &r.topic {
            w.key("topic");
            w.string(t);
        }
        w.end_object();
    })
}

/// A stored round and the unchecked selection on its current question. Version 1 rounds
/// (practice only) read the same, without the exam fields.
pub fn decode_round(data: &Node, _version: i64) -> Option<(Round, Vec<usize>)> {
    let ints = |n: &Node| -> Option<Vec<usize>> {
        n.as_array()?
            .iter()
            .map(|i| i.as_i64().and_then(|i| usize::try_from(i).ok()))
            .collect()
    };
    let time = |key: &str| -> Option<Option<i64>> {
        data.get(key).map_or(Some(None), |n| n.as_i64().map(Some))
    };
    let mode = Mode::parse(data.get("mode")?.as_str()?)?;
    let ids: Vec<String> = data
        .get("ids")?
        .as_array()?
        .iter()
        .map(|n| n.as_str().map(str::to_owned))
        .collect::<Option<_>>()?;
    let answers: Vec<Option<Vec<usize>>> = data
        .get("ans")?
        .as_array()?
        .iter()
        .map(|a| ints(a).map(|v| (!v.is_empty()).then_some(v)))
        .collect::<Option<_>>()?;
    let current = usize::try_from(data.get("cur")?.as_i64()?).ok()?;
    let selection = data.get("sel").and_then(ints).unwrap_or_default();
    let flags = match data.get("flags") {
        Some(f) => f
            .as_array()?
            .iter()
            .map(|n| n.as_i64().map(|i| i != 0))
            .collect::<Option<Vec<_>>>()?,
        None => vec![false; ids.len()],
    };
    let topic = match data.get("topic") {
        Some(t) => Some(t.as_str()?.to_owned()),
        None => None,
    };
    if answers.len() != ids.len() || flags.len() != ids.len() || current > ids.len() {
        return None;
    }
    let round = Round {
        mode,
        ids,
        current,
        answers,
        flags,
        deadline: time("deadline")?,
        submitted: time("submitted")?,
        shown_at: time("shown")?.unwrap_or(0),
        topic,
    };
    Some((round, selection))
}

/// A file for the learner to keep: every bank's progress found in this browser.
/// `{"format":"checkpoint-quiz-progress","v":2,"exported":ms,"banks":{"<bankId>":…}}`
pub fn encode_export(banks: &[(String, Progress)], now_ms: i64) -> String {
    let mut w = Writer::new();
    w.begin_object();
    w.key("format");
    w.string(EXPORT_FORMAT);
    w.key("v");
    w.int(FORMAT_VERSION);
    w.key("exported");
    w.int(now_ms);
    w.key("banks");
    w.begin_object();
    for (id, p) in banks {
        w.key(id);
        write_progress(&mut w, p);
    }
    w.end_object();
    w.end_object();
    w.finish()
}

/// Reads an exported file, or says in plain words why it can't.
pub fn decode_export(text: &str) -> Result<Vec<(String, Progress)>, &'static str> {
    let root = json::parse(text)
        .map_err(|_| "This file is not a Checkpoint Quiz progress file (it is not valid JSON).")?;
    if root.get("format").and_then(Node::as_str) != Some(EXPORT_FORMAT) {
        return Err("This file is not a Checkpoint Quiz progress file.");
    }
    let version = root
        .get("v")
        .and_then(Node::as_i64)
        .ok_or("This progress file has no version.")?;
    if version > FORMAT_VERSION {
        return Err("This progress file comes from a newer version of the quiz; update the page to import it.");
    }
    let Some(Value::Object(banks)) = root.get("banks").map(|b| &b.value) else {
        return Err("This progress file holds no banks.");
    };
    banks
        .iter()
        .map(|m| {
            let p = decode_progress(&m.node, version)
                .ok_or("This progress file is damaged and was not imported.")?;
            Ok((m.key.clone(), p))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Broken;
    impl KeyValue for Broken {
        fn get(&self, _: &str) -> Result<Option<String>, StorageError> {
            Err(StorageError::Unavailable)
        }
        fn set(&self, _: &str, _: &str) -> Result<(), StorageError> {
            Err(StorageError::WriteFailed)
        }
        fn remove(&self, _: &str) -> Result<(), StorageError> {
            Err(StorageError::Unavailable)
        }
        fn keys(&self) -> Result<Vec<String>, StorageError> {
            Err(StorageError::Unavailable)
        }
    }

    const T0: i64 = 1_700_000_000_000;

    pub(crate) fn sample_progress() -> Progress {
        let mut p = Progress::default();
        p.record("trust-01", Rating::Good, T0);
        p.record("trust-01", Rating::Again, T0 + 500);
        p.record("trust-01", Rating::Easy, T0 + 500);
        p.record("skills \"odd\" id", Rating::Hard, 3);
        p.finish_round(RoundRecord {
            at: T0 + 900,
            mode: Mode::Exam,
            score: 8,
            total: 10,
        });
        p.carried_rounds = 2;
        p.carried_best = Some(60);
        p.questions[1].carried = Carried {
            attempts: 4,
            correct: 1,
        };
        p.reset_at = 2;
        p
    }

    #[test]
    fn progress_round_trips_through_the_envelope() {
        let kv = MemoryStore::default();
        let p = sample_progress();
        kv.set(&progress_key("b"), &encode_progress(&p, 9)).unwrap();
        assert_eq!(
            load(&kv, &progress_key("b"), 10, decode_progress),
            Loaded::Found(p)
        );
        assert!(kv
            .get("checkpoint-quiz:progress:b")
            .unwrap()
            .unwrap()
            .starts_with("{\"v\":2,\"saved\":9,"));
        let empty = Progress::default();
        assert_eq!(
            read(&encode_progress(&empty, 1), decode_progress),
            Loaded::Found(empty)
        );
    }

    #[test]
    fn version_1_progress_is_migrated_without_losing_counts() {
        let v1 = r#"{"v":1,"saved":5,"data":{"rounds":3,"best":80,"q":{"a":[4,3,1,1700000000000],"b":[2,0,0,1700000000500]}}}"#;
        let Loaded::Found(p) = read(v1, decode_progress) else {
            panic!()
        };
        let a = p.stats("a").unwrap();
        assert_eq!(
            (a.attempts, a.correct, a.last_correct, a.last_at),
            (4, 3, true, T0)
        );
        let b = p.stats("b").unwrap();
        assert_eq!(
            (b.attempts, b.correct, b.last_correct, b.last_at),
            (2, 0, false, T0 + 500)
        );
        assert_eq!((p.rounds_played(), p.best_percent()), (3, Some(80)));
        // Saved again, it is version 2 and reads back the same.
        assert_eq!(
            read(&encode_progress(&p, 6), decode_progress),
            Loaded::Found(p)
        );
    }

    #[test]
    fn rounds_round_trip_with_their_selection_and_exam_fields() {
        let mut r = Round::new(Mode::Exam, vec!["a".into(), "b".into(), "c".into()], T0);
        r.answers[0] = Some(vec![0, 2]);
        r.flags[2] = true;
        r.current = 1;
        r.deadline = Some(T0 + 60_000);
        r.topic = Some("Trust \"and\" rapport".into());
        let kv = MemoryStore::default();
        kv.set("k", &encode_round(&r, &[1], 5)).unwrap();
        assert_eq!(
            load(&kv, "k", 6, decode_round),
            Loaded::Found((r.clone(), vec![1]))
        );
        r.submitted = Some(T0 + 1);
        assert_eq!(
            read(&encode_round(&r, &[], 5), decode_round),
            Loaded::Found((r, vec![]))
        );
    }

    #[test]
    fn version_1_rounds_still_resume() {
        let v1 = r#"{"v":1,"saved":5,"data":{"mode":"practice","ids":["a","b"],"cur":1,"ans":[[1],[]],"sel":[0]}}"#;
        let Loaded::Found((r, sel)) = read(v1, decode_round) else {
            panic!()
        };
        assert_eq!(
            (r.ids.len(), r.current, r.answers[0].clone(), sel),
            (2, 1, Some(vec![1]), vec![0])
        );
        assert_eq!(r.flags, vec![false, false]);
    }

    #[test]
    fn corrupt_data_is_set_aside_not_deleted() {
        let kv = MemoryStore::default();
        let key = progress_key("b");
        for junk in [
            "{not json",
            "{\"v\":2,\"data\":{\"r\":[],\"q\":{\"a\":[-4]}}}",
            "{\"v\":2,\"data\":{\"r\":[],\"q\":{\"a\":[]}}}",
            "{\"v\":2,\"data\":{\"r\":[],\"q\":{\"b\":[1],\"a\":[1]}}}",
            "{\"v\":1,\"data\":{\"rounds\":\"x\"}}",
            "[]",
            "{\"data\":{}}",
        ] {
            kv.set(&key, junk).unwrap();
            assert_eq!(
                load(&kv, &key, 77, decode_progress),
                Loaded::Corrupt,
                "{junk}"
            );
            assert_eq!(kv.get(&key).unwrap(), None);
            assert_eq!(
                kv.get("checkpoint-quiz:aside:77:progress:b")
                    .unwrap()
                    .as_deref(),
                Some(junk)
            );
        }
    }

    #[test]
    fn newer_versions_are_left_untouched() {
        let kv = MemoryStore::default();
        let key = progress_key("b");
        let newer = "{\"v\":3,\"data\":{\"something\":\"else\"}}";
        kv.set(&key, newer).unwrap();
        assert_eq!(load(&kv, &key, 1, decode_progress), Loaded::Newer);
        assert_eq!(kv.get(&key).unwrap().as_deref(), Some(newer));
    }

    #[test]
    fn a_failing_store_reports_failure() {
        assert_eq!(
            load(&Broken, "k", 1, decode_progress),
            Loaded::Failed(StorageError::Unavailable)
        );
    }

    #[test]
    fn keys_are_namespaced() {
        assert_eq!(progress_key("x"), "checkpoint-quiz:progress:x");
        assert_eq!(round_key("x", ""), "checkpoint-quiz:round:x");
        assert_eq!(round_key("x", "top"), "checkpoint-quiz:round:x:top");
    }

    #[test]
    fn exports_round_trip_and_bad_files_are_named() {
        let banks = vec![
            ("b1".to_string(), sample_progress()),
            ("b2".to_string(), Progress::default()),
        ];
        let text = encode_export(&banks, T0);
        assert_eq!(decode_export(&text), Ok(banks));
        assert!(decode_export("{").unwrap_err().contains("not valid JSON"));
        assert_eq!(
            decode_export("{\"format\":\"other\"}"),
            Err("This file is not a Checkpoint Quiz progress file.")
        );
        let newer = text.replace("\"v\":2", "\"v\":9");
        assert!(decode_export(&newer).unwrap_err().contains("newer version"));
        let damaged = text.replacen("\"q\":{", "\"q\":{\"zz\":[[1]],", 1);
        assert!(decode_export(&damaged).unwrap_err().contains("damaged"));
    }

    #[test]
    fn export_gathers_every_bank_and_import_merges_into_other_banks() {
        let kv = MemoryStore::default();
        let mut other = Progress::default();
        other.record("x1", Rating::Good, T0);
        kv.set(&progress_key("other"), &encode_progress(&other, 1))
            .unwrap();
        kv.set(&progress_key("broken"), "{").unwrap();
        kv.set(
            "checkpoint-quiz:round:other",
            &encode_round(&Round::new(Mode::Practice, vec![], 1), &[], 1),
        )
        .unwrap();
        let mut stored_here = Progress::default();
        stored_here.record("h0", Rating::Again, T0);
        kv.set(&progress_key("here"), &encode_progress(&stored_here, 1))
            .unwrap();
        let mut memory = Progress::default();
        memory.record("h1", Rating::Good, T0 + 1);
        let all = all_progress(&kv, ("here", &memory));
        let ids: Vec<&str> = all.iter().map(|(id, _)| id.as_str()).collect();
        assert_eq!(ids, vec!["here", "other"]);
        assert_eq!(all[0].1.questions.len(), 2, "memory and store merged");
        // Importing into a bank not in play merges into what is stored there.
        let mut more = Progress::default();
        more.record("x2", Rating::Good, T0);
        import_into_store(&kv, "other", &more, 5).unwrap();
        let Loaded::Found(p) = load(&kv, &progress_key("other"), 6, decode_progress) else {
            panic!()
        };
        assert_eq!(p.questions.len(), 2);
        assert_eq!(
            import_into_store(&Broken, "other", &more, 5),
            Err(StorageError::Unavailable)
        );
    }

    /// The figure in the README: run with `cargo test --release -- --ignored size --nocapture`.
    #[test]
    #[ignore]
    fn size_of_ten_thousand_answers() {
        let mut p = Progress::default();
        let mut at = T0;
        for i in 0..10_000 {
            at += 45_000 + (i % 7) * 86_400_000;
            let id = ["balance-service-protocol-", &(i % 2_000).to_string()].concat();
            p.record(&id, Rating::from_number(1 + i % 4).unwrap(), at);
        }
        let text = encode_progress(&p, at);
        println!("10,000 answers to 2,000 questions: {} bytes", text.len());
        let mut distinct = Progress::default();
        for i in 0..10_000i64 {
            distinct.record(
                &["balance-service-protocol-", &i.to_string()].concat(),
                Rating::Good,
                T0 + i * 60_000,
            );
        }
        let text2 = encode_progress(&distinct, at);
        println!("10,000 questions answered once: {} bytes", text2.len());
        assert!(text.len() < 250_000, "{}", text.len());
        assert!(text2.len() < 500_000, "{}", text2.len());
    }
}
