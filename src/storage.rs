//! What is saved, under which keys, in which format; and how a key-value store that may
//! fail (blocked, full, corrupt, written by a newer version) is read and written.
//!
//! Every value is a versioned envelope: `{"v":1,"saved":<ms>,"data":…}`. Values this code
//! cannot read are set aside under `checkpoint-quiz:aside:…`, never deleted; values from a
//! newer version are left alone and not overwritten.

use std::collections::BTreeMap;

use crate::json::{self, Node, Value, Writer};
use crate::progress::{Progress, QuestionStats};
use crate::session::{Mode, Round};

/// Every key starts with this, so the host page can tell our data from its own.
pub const PREFIX: &str = "checkpoint-quiz:";
/// The version of the envelope and of what it holds.
pub const FORMAT_VERSION: i64 = 1;

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

/// Reads and decodes `key`; unreadable values are moved aside so a later save can't destroy them.
pub fn load<T>(kv: &dyn KeyValue, key: &str, now_ms: i64, decode: fn(&Node) -> Option<T>) -> Loaded<T> {
    let text = match kv.get(key) {
        Ok(Some(t)) => t,
        Ok(None) => return Loaded::Missing,
        Err(e) => return Loaded::Failed(e),
    };
    match open_envelope(&text) {
        Envelope::Data(data) => {
            if let Some(v) = decode(&data) {
                return Loaded::Found(v);
            }
        }
        Envelope::Newer => return Loaded::Newer,
        Envelope::Broken => {}
    }
    // Keep a copy aside before the key is reused; remove only once the copy is safe.
    if kv.set(&aside_key(key, now_ms), &text).is_ok() {
        let _ = kv.remove(key);
    }
    Loaded::Corrupt
}

enum Envelope {
    Data(Node),
    Newer,
    Broken,
}

fn open_envelope(text: &str) -> Envelope {
    let Ok(root) = json::parse(text) else { return Envelope::Broken };
    match root.get("v").and_then(Node::as_i64) {
        Some(v) if v > FORMAT_VERSION => Envelope::Newer,
        Some(FORMAT_VERSION) => match root.get("data") {
            Some(d) => Envelope::Data(d.clone()),
            None => Envelope::Broken,
        },
        _ => Envelope::Broken,
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

/// `{"rounds":3,"best":80,"q":{"<id>":[attempts,correct,lastCorrect 0|1,lastAtMs]}}`:
/// arrays, not objects, per question, because a bank's worth of these must stay small.
pub fn encode_progress(p: &Progress, now_ms: i64) -> String {
    envelope(now_ms, |w| {
        w.begin_object();
        w.key("rounds");
        w.int(p.rounds.into());
        if let Some(b) = p.best_percent {
            w.key("best");
            w.int(b.into());
        }
        w.key("q");
        w.begin_object();
        for (id, s) in &p.questions {
            w.key(id);
            w.begin_array();
            w.int(s.attempts.into());
            w.int(s.correct.into());
            w.int(s.last_correct.into());
            w.int(s.last_at);
            w.end_array();
        }
        w.end_object();
        w.end_object();
    })
}

pub fn decode_progress(data: &Node) -> Option<Progress> {
    let u32_of = |n: &Node| n.as_i64().and_then(|i| u32::try_from(i).ok());
    let mut p = Progress { rounds: u32_of(data.get("rounds")?)?, ..Progress::default() };
    if let Some(b) = data.get("best") {
        p.best_percent = Some(b.as_i64().filter(|b| (0..=100).contains(b))? as u8);
    }
    let Value::Object(members) = &data.get("q")?.value else { return None };
    // Written sorted by id; anything else (hand-edited, or ids repeated) is not ours.
    if members.windows(2).any(|w| w[0].key >= w[1].key) {
        return None;
    }
    for m in members {
        let [a, c, l, t] = m.node.as_array()? else { return None };
        let stats = QuestionStats {
            attempts: u32_of(a)?,
            correct: u32_of(c)?,
            last_correct: l.as_i64()? != 0,
            last_at: t.as_i64()?,
        };
        p.questions.push((m.key.clone(), stats));
    }
    Some(p)
}

/// `{"mode":"practice","ids":[…],"cur":2,"ans":[[1],null,…],"sel":[…]}`.
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
            match a {
                Some(a) => ints(w, a),
                None => {
                    w.begin_array();
                    w.end_array();
                }
            }
        }
        w.end_array();
        w.key("sel");
        ints(w, selection);
        w.end_object();
    })
}

/// A stored round and the unchecked selection on its current question.
pub fn decode_round(data: &Node) -> Option<(Round, Vec<usize>)> {
    let ints = |n: &Node| -> Option<Vec<usize>> {
        n.as_array()?.iter().map(|i| i.as_i64().and_then(|i| usize::try_from(i).ok())).collect()
    };
    let mode = Mode::parse(data.get("mode")?.as_str()?)?;
    let ids: Vec<String> =
        data.get("ids")?.as_array()?.iter().map(|n| n.as_str().map(str::to_owned)).collect::<Option<_>>()?;
    let answers: Vec<Option<Vec<usize>>> = data
        .get("ans")?
        .as_array()?
        .iter()
        .map(|a| ints(a).map(|v| (!v.is_empty()).then_some(v)))
        .collect::<Option<_>>()?;
    let current = usize::try_from(data.get("cur")?.as_i64()?).ok()?;
    let selection = data.get("sel").and_then(ints).unwrap_or_default();
    if answers.len() != ids.len() || current > ids.len() {
        return None;
    }
    Some((Round { mode, ids, current, answers }, selection))
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
    }

    fn sample_progress() -> Progress {
        let mut p = Progress::default();
        p.record("trust-01", true, 1_700_000_000_000);
        p.record("trust-01", false, 1_700_000_000_500);
        p.record("skills \"odd\" id", true, 3);
        p.finish_round(80);
        p
    }

    #[test]
    fn progress_round_trips_through_the_envelope() {
        let kv = MemoryStore::default();
        let p = sample_progress();
        kv.set(&progress_key("b"), &encode_progress(&p, 9)).unwrap();
        assert_eq!(load(&kv, &progress_key("b"), 10, decode_progress), Loaded::Found(p));
        assert!(kv.get("checkpoint-quiz:progress:b").unwrap().unwrap().starts_with("{\"v\":1,\"saved\":9,"));
    }

    #[test]
    fn round_round_trips_with_its_selection() {
        let mut r = Round::new(Mode::Practice, vec!["a".into(), "b".into(), "c".into()]);
        r.answers[0] = Some(vec![0, 2]);
        r.current = 1;
        let text = encode_round(&r, &[1], 5);
        let kv = MemoryStore::default();
        kv.set("k", &text).unwrap();
        assert_eq!(load(&kv, "k", 6, decode_round), Loaded::Found((r, vec![1])));
    }

    #[test]
    fn corrupt_data_is_set_aside_not_deleted() {
        let kv = MemoryStore::default();
        let key = progress_key("b");
        for junk in ["{not json", "{\"v\":1,\"data\":{\"rounds\":\"x\"}}", "[]", "{\"data\":{}}"] {
            kv.set(&key, junk).unwrap();
            assert_eq!(load(&kv, &key, 77, decode_progress), Loaded::Corrupt, "{junk}");
            assert_eq!(kv.get(&key).unwrap(), None);
            assert_eq!(kv.get("checkpoint-quiz:aside:77:progress:b").unwrap().as_deref(), Some(junk));
        }
    }

    #[test]
    fn newer_versions_are_left_untouched() {
        let kv = MemoryStore::default();
        let key = progress_key("b");
        let newer = "{\"v\":2,\"data\":{\"something\":\"else\"}}";
        kv.set(&key, newer).unwrap();
        assert_eq!(load(&kv, &key, 1, decode_progress), Loaded::Newer);
        assert_eq!(kv.get(&key).unwrap().as_deref(), Some(newer));
    }

    #[test]
    fn a_failing_store_reports_failure() {
        assert_eq!(load(&Broken, "k", 1, decode_progress), Loaded::Failed(StorageError::Unavailable));
    }

    #[test]
    fn keys_are_namespaced() {
        assert_eq!(progress_key("x"), "checkpoint-quiz:progress:x");
        assert_eq!(round_key("x", ""), "checkpoint-quiz:round:x");
        assert_eq!(round_key("x", "top"), "checkpoint-quiz:round:x:top");
    }
}
