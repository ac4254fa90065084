//! What is saved, under which keys, in which format; and how a key-value store that may
//! fail (blocked, full, corrupt, written by a newer version) is read and written.
//!
//! Every value is a versioned envelope: `{"v":3,"saved":<ms>,"data":…}`. Versions 1 (the
//! first release, which kept counts instead of an answer log) and 2 (answer times in ms)
//! are migrated when read. Values this code cannot read are set aside under
//! `checkpoint-quiz:aside:…`, never deleted; values from a newer version are left alone
//! and not overwritten. Every format is a derived serde type (the `…Wire` types below);
//! converting between them and the model is where the checks live.

use std::collections::BTreeMap;

use serde::de::{DeserializeOwned, IgnoredAny, MapAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::mode::Mode;
use crate::progress::{
    second_of, Carried, Changes, Progress, QuestionLog, Rating, Review, RoundRecord, MAX_SECOND,
    MIN_SECOND,
};
use crate::round::Round;

/// Every key starts with this, so the host page can tell our data from its own.
pub const PREFIX: &str = "checkpoint-quiz:";
/// The version of the envelope and of what it holds.
pub const FORMAT_VERSION: i64 = 3;
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
    [
        PREFIX,
        "aside:",
        &now_ms.to_string(),
        ":",
        key.strip_prefix(PREFIX).unwrap_or(key),
    ]
    .concat()
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
/// Sorted by bank id.
pub fn all_progress(kv: &dyn KeyValue, memory: (&str, &Progress)) -> Vec<(String, Progress)> {
    let prefix = progress_key("");
    let mut out = BTreeMap::from([(memory.0.to_owned(), memory.1.clone())]);
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
        match out.get_mut(bank_id) {
            Some(mine) => *mine = mine.merge(&p),
            None => {
                out.insert(bank_id.to_owned(), p);
            }
        }
    }
    out.into_iter().collect()
}

/// What importing a progress file would do, shown to the learner before anything changes.
#[derive(Clone, Debug, PartialEq)]
pub struct ImportPreview {
    /// Every bank in the file with its progress, imported when the learner confirms.
    pub banks: Vec<(String, Progress)>,
    /// What it adds to the bank in play, if the file has that bank.
    pub here: Option<Changes>,
    /// Other banks in the file, and the answers it adds to what is stored for them.
    pub other_banks: usize,
    pub other_answers: usize,
}

/// Previews importing `banks` (a decoded export file) while `memory` (bank id and
/// progress) is in play; other banks are compared with what `kv` holds for them.
pub fn preview_import(
    kv: &dyn KeyValue,
    memory: (&str, &Progress),
    banks: Vec<(String, Progress)>,
) -> ImportPreview {
    let (here_id, here) = memory;
    let changes = |from: &Progress, file: &Progress| from.changes_to(&from.import(file));
    let mut preview = ImportPreview {
        here: banks
            .iter()
            .find(|(id, _)| id == here_id)
            .map(|(_, p)| changes(here, p)),
        other_banks: 0,
        other_answers: 0,
        banks: Vec::new(),
    };
    for (id, p) in banks.iter().filter(|(id, _)| id != here_id) {
        let stored = match kv.get(&progress_key(id)) {
            Ok(Some(text)) => match read(&text, decode_progress) {
                Loaded::Found(stored) => stored,
                _ => Progress::default(),
            },
            _ => Progress::default(),
        };
        preview.other_banks += 1;
        preview.other_answers += changes(&stored, p).answers;
    }
    preview.banks = banks;
    preview
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

/// Decodes a stored value's `data` from the raw text of its envelope, given the format
/// version the envelope says it was written in (1 to `FORMAT_VERSION`).
pub type Decode<T> = fn(&str, i64) -> Option<T>;

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

/// What every envelope starts with: its version (the rest is skipped unread).
#[derive(Deserialize)]
struct Head {
    v: i64,
}

/// An envelope as written.
#[derive(Serialize)]
struct Envelope<T> {
    v: i64,
    saved: i64,
    data: T,
}

/// An envelope as read, once its version is known.
#[derive(Deserialize)]
struct Data<T> {
    data: T,
}

/// Decodes a stored value without touching the store (also for `storage` events).
pub fn read<T>(text: &str, decode: Decode<T>) -> Loaded<T> {
    // An envelope is an object (serde would also take a list for a struct).
    if !text.trim_start().starts_with('{') {
        return Loaded::Corrupt;
    }
    match serde_json::from_str::<Head>(text) {
        Ok(Head { v }) if v > FORMAT_VERSION => Loaded::Newer,
        Ok(Head { v }) if v >= 1 => decode(text, v).map_or(Loaded::Corrupt, Loaded::Found),
        _ => Loaded::Corrupt,
    }
}

fn data_of<T: DeserializeOwned>(text: &str) -> Option<T> {
    serde_json::from_str::<Data<T>>(text).ok().map(|d| d.data)
}

fn envelope(data: impl Serialize, now_ms: i64) -> String {
    let envelope = Envelope {
        v: FORMAT_VERSION,
        saved: now_ms,
        data,
    };
    // Writing plain structs of numbers and strings to a String cannot fail.
    serde_json::to_string(&envelope).unwrap_or_default()
}

/// A JSON object whose members keep their order: written from a sorted list, and read
/// without losing a repeated or misplaced key (the conversions below reject those).
#[derive(Debug)]
struct Members<K, V>(Vec<(K, V)>);

impl<K: Serialize, V: Serialize> Serialize for Members<K, V> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_map(self.0.iter().map(|(k, v)| (k, v)))
    }
}

impl<'de, K: Deserialize<'de>, V: Deserialize<'de>> Deserialize<'de> for Members<K, V> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Entries<K, V>(std::marker::PhantomData<(K, V)>);
        impl<'de, K: Deserialize<'de>, V: Deserialize<'de>> Visitor<'de> for Entries<K, V> {
            type Value = Members<K, V>;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("an object")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
                let mut out = Vec::with_capacity(map.size_hint().unwrap_or(0).min(4096));
                while let Some(entry) = map.next_entry()? {
                    out.push(entry);
                }
                Ok(Members(out))
            }
        }
        d.deserialize_map(Entries(std::marker::PhantomData))
    }
}

impl<V> Members<String, V> {
    /// Whether the keys are strictly increasing (as written: sorted, none repeated).
    fn is_sorted(&self) -> bool {
        self.0.windows(2).all(|w| w[0].0 < w[1].0)
    }
}

/// A mode by its name.
#[derive(Clone, Copy, Serialize, Deserialize)]
#[serde(try_from = "String", into = "&'static str")]
struct ModeName(Mode);

impl TryFrom<String> for ModeName {
    type Error = &'static str;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        Mode::parse(&s).map(ModeName).ok_or("an unknown mode")
    }
}

impl From<ModeName> for &'static str {
    fn from(m: ModeName) -> Self {
        m.0.as_str()
    }
}

/// A finished round: `[at_ms,"mode",score,total]`.
#[derive(Serialize, Deserialize)]
struct RoundWire(i64, ModeName, u32, u32);

/// One question's log: `[[a,c],x1,x2,…]`, where `[a,c]` (only when not zero) are attempts
/// and right answers carried from version 1, then one number per answer. From version 3,
/// a question answered once with nothing carried is the bare number `x1`.
#[derive(Serialize, Deserialize)]
#[serde(untagged)]
enum LogWire {
    Once(u64),
    Log(Vec<Entry>),
}

#[derive(Serialize, Deserialize)]
#[serde(untagged)]
enum Entry {
    /// `delta * 4 + rating - 1`, the first delta counted from `t0`, each next from the one before.
    Answer(u64),
    Carried(u32, u32),
}

/// Progress (versions 2 and 3): `{"t0":…,"reset":ms,"cr":n,"cb":pct,
/// "r":[[at,"mode",score,total],…],"q":{"<id>":…}}` (see `LogWire`), sorted by id.
/// Answer times (`t0` and the deltas) are whole seconds from version 3, ms in version 2;
/// `t0` is the earliest answer. Packed like this the log stays small (the test
/// `stored_bytes` measures it: under 40 bytes per answered question).
#[derive(Serialize, Deserialize)]
struct ProgressWire<K> {
    #[serde(default, skip_serializing_if = "is_zero")]
    t0: i64,
    #[serde(default, skip_serializing_if = "is_zero")]
    reset: i64,
    #[serde(default, skip_serializing_if = "is_zero_u32")]
    cr: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    cb: Option<u8>,
    r: Vec<RoundWire>,
    q: Members<K, LogWire>,
}

/// Progress in version 1: `{"rounds":n,"best":pct,"q":{"<id>":[attempts,correct,lastRight,lastAt]}}`.
#[derive(Deserialize)]
struct ProgressV1 {
    rounds: u32,
    #[serde(default)]
    best: Option<u8>,
    q: Members<String, (u32, u32, i64, i64)>,
}

fn is_zero(n: &i64) -> bool {
    *n == 0
}

fn is_zero_u32(n: &u32) -> bool {
    *n == 0
}

fn percent(b: Option<u8>) -> Option<Option<u8>> {
    match b {
        Some(b) if b > 100 => None,
        b => Some(b),
    }
}

fn rating_of(x: u64) -> Rating {
    match x % 4 {
        0 => Rating::Again,
        1 => Rating::Hard,
        2 => Rating::Good,
        _ => Rating::Easy,
    }
}

/// The answers of one question, whole seconds, sorted, none repeated (whatever the model
/// holds, so that what is written always reads back).
fn seconds_of(log: &QuestionLog) -> Vec<(i64, Rating)> {
    let mut answers: Vec<(i64, Rating)> = log
        .reviews
        .iter()
        .map(|r| (second_of(r.at), r.rating))
        .collect();
    answers.sort_unstable();
    answers.dedup();
    answers
}

impl<'a> ProgressWire<&'a str> {
    fn new(p: &'a Progress) -> Self {
        let t0 = p
            .questions
            .values()
            .flat_map(|q| &q.reviews)
            .map(|r| second_of(r.at))
            .min()
            .unwrap_or(0);
        let q = p
            .questions
            .iter()
            // A log with nothing in it says nothing (and would not read back).
            .filter(|(_, log)| !log.reviews.is_empty() || log.carried != Carried::default())
            .map(|(id, log)| {
                let (answers, carried) = (seconds_of(log), log.carried);
                let mut last = t0;
                let mut packed = answers.into_iter().map(|(at, rating)| {
                    // Both in [MIN_SECOND, MAX_SECOND] and `at >= last`: no overflow.
                    let x = (at - last) as u64 * 4 + (rating as u64 - 1);
                    last = at;
                    x
                });
                let log = match (carried == Carried::default(), packed.len()) {
                    (true, 1) => LogWire::Once(packed.next().unwrap_or(0)),
                    (true, _) => LogWire::Log(packed.map(Entry::Answer).collect()),
                    (false, _) => LogWire::Log(
                        std::iter::once(Entry::Carried(carried.attempts, carried.correct))
                            .chain(packed.map(Entry::Answer))
                            .collect(),
                    ),
                };
                (id.as_str(), log)
            })
            .collect();
        ProgressWire {
            t0,
            reset: p.reset_at,
            cr: p.carried_rounds,
            cb: p.carried_best,
            r: p.rounds
                .iter()
                .map(|r| RoundWire(r.at, ModeName(r.mode), r.score, r.total))
                .collect(),
            q: Members(q),
        }
    }
}

impl ProgressWire<String> {
    /// `seconds`: times are whole seconds (version 3) rather than ms (version 2).
    fn into_progress(self, seconds: bool) -> Option<Progress> {
        if !self.q.is_sorted() {
            // Written sorted by id; anything else (hand-edited, or ids repeated) is not ours.
            return None;
        }
        let mut p = Progress {
            reset_at: self.reset,
            carried_rounds: self.cr,
            carried_best: percent(self.cb)?,
            ..Progress::default()
        };
        for RoundWire(at, mode, score, total) in self.r {
            p.finish_round(RoundRecord {
                at,
                mode: mode.0,
                score,
                total,
            });
        }
        for (id, log) in self.q.0 {
            let entries = match log {
                LogWire::Once(x) => vec![Entry::Answer(x)],
                LogWire::Log(entries) => entries,
            };
            let (carried, packed) = match entries.split_first() {
                Some((Entry::Carried(attempts, correct), rest)) => (
                    Carried {
                        attempts: *attempts,
                        correct: *correct,
                    },
                    rest,
                ),
                _ => (Carried::default(), &entries[..]),
            };
            if packed.is_empty() && carried == Carried::default() {
                return None;
            }
            let mut log = QuestionLog {
                id: id.clone(),
                reviews: Vec::with_capacity(packed.len()),
                carried,
            };
            let mut at = self.t0;
            let mut last: Option<Review> = None;
            for entry in packed {
                let Entry::Answer(x) = *entry else {
                    return None;
                };
                at = at.checked_add(i64::try_from(x / 4).ok()?)?;
                let rating = rating_of(x);
                if seconds {
                    if !(MIN_SECOND..=MAX_SECOND).contains(&at) {
                        return None;
                    }
                    let review = Review {
                        at: at * 1000,
                        rating,
                    };
                    if last.is_some_and(|l| l >= review) {
                        return None;
                    }
                    log.reviews.push(review);
                    last = Some(review);
                } else {
                    let review = Review { at, rating };
                    if last.is_some_and(|l| l >= review) {
                        return None;
                    }
                    // Version 2 kept ms: logged again as answered, in whole seconds.
                    log.append(rating, at);
                    last = Some(review);
                }
            }
            p.questions.insert(id, log);
        }
        Some(p)
    }
}

impl ProgressV1 {
    /// The last answer becomes the log's one review; the other counts are carried.
    fn into_progress(self) -> Option<Progress> {
        if !self.q.is_sorted() {
            return None;
        }
        let mut p = Progress {
            carried_rounds: self.rounds,
            carried_best: percent(self.best)?,
            ..Progress::default()
        };
        for (id, (attempts, correct, last_right, last_at)) in self.q.0 {
            let last_right = last_right != 0;
            let mut log = QuestionLog {
                id: id.clone(),
                reviews: Vec::with_capacity(1),
                carried: Carried {
                    attempts: attempts.saturating_sub(1),
                    correct: correct.saturating_sub(u32::from(last_right)),
                },
            };
            let rating = if last_right {
                Rating::Good
            } else {
                Rating::Again
            };
            log.append(rating, last_at);
            p.questions.insert(id, log);
        }
        Some(p)
    }
}

/// Decodes progress written in any version up to `FORMAT_VERSION`.
pub fn decode_progress(text: &str, version: i64) -> Option<Progress> {
    match version {
        1 => data_of::<ProgressV1>(text)?.into_progress(),
        // Before version 3, any other version was read as version 2.
        v => data_of::<ProgressWire<String>>(text)?.into_progress(v >= 3),
    }
}

pub fn encode_progress(p: &Progress, now_ms: i64) -> String {
    envelope(ProgressWire::new(p), now_ms)
}

/// The round in play:
/// `{"mode":"exam","ids":[…],"cur":2,"ans":[[1],[],…],"sel":[…],"flags":[0,1,…],
///   "deadline":ms,"submitted":ms,"shown":ms,"topic":"…"}` (the last five optional).
/// The same in every version (version 1 had no exam fields).
#[derive(Serialize, Deserialize)]
struct RoundData<S> {
    mode: ModeName,
    ids: Vec<S>,
    cur: usize,
    ans: Vec<Vec<usize>>,
    /// The unchecked selection; one that can't be read is no selection.
    #[serde(default, deserialize_with = "or_default")]
    sel: Vec<usize>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    flags: Option<Vec<i64>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    deadline: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    submitted: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    shown: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    topic: Option<S>,
    /// The round's choice seed (absent before choices were shuffled: bank order).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    cs: Option<u64>,
}

/// The value, or its default when it has another shape.
fn or_default<'de, D: Deserializer<'de>, T: Deserialize<'de> + Default>(
    d: D,
) -> Result<T, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Or<T> {
        Value(T),
        Other(IgnoredAny),
    }
    Ok(match Or::<T>::deserialize(d)? {
        Or::Value(v) => v,
        Or::Other(_) => T::default(),
    })
}

pub fn encode_round(r: &Round, selection: &[usize], now_ms: i64) -> String {
    let data = RoundData {
        mode: ModeName(r.mode),
        ids: r.ids.iter().map(String::as_str).collect(),
        cur: r.current,
        ans: r
            .answers
            .iter()
            .map(|a| a.clone().unwrap_or_default())
            .collect(),
        sel: selection.to_vec(),
        flags: r
            .flags
            .contains(&true)
            .then(|| r.flags.iter().map(|&f| i64::from(f)).collect()),
        deadline: r.deadline,
        submitted: r.submitted,
        shown: Some(r.shown_at),
        topic: r.topic.as_deref(),
        cs: r.choice_seed,
    };
    envelope(data, now_ms)
}

/// A stored round and the unchecked selection on its current question. Version 1 rounds
/// (practice only) read the same, without the exam fields.
pub fn decode_round(text: &str, _version: i64) -> Option<(Round, Vec<usize>)> {
    let d: RoundData<String> = data_of(text)?;
    let n = d.ids.len();
    let flags = match d.flags {
        Some(f) => f.into_iter().map(|f| f != 0).collect(),
        None => vec![false; n],
    };
    if d.ans.len() != n || flags.len() != n || d.cur > n {
        return None;
    }
    let round = Round {
        mode: d.mode.0,
        ids: d.ids,
        current: d.cur,
        answers: d
            .ans
            .into_iter()
            .map(|a| (!a.is_empty()).then_some(a))
            .collect(),
        flags,
        deadline: d.deadline,
        submitted: d.submitted,
        shown_at: d.shown.unwrap_or(0),
        topic: d.topic,
        choice_seed: d.cs,
    };
    Some((round, d.sel))
}

/// A file for the learner to keep: every bank's progress found in this browser.
/// `{"format":"checkpoint-quiz-progress","v":3,"exported":ms,"banks":{"<bankId>":…}}`,
/// each bank's progress as in the envelope's data.
#[derive(Serialize)]
struct ExportFile<'a> {
    format: &'static str,
    v: i64,
    exported: i64,
    banks: Members<&'a str, ProgressWire<&'a str>>,
}

/// What says whether a file is an export, and of which version (read leniently, so that
/// each problem gets its own words).
#[derive(Deserialize)]
struct ExportHead {
    #[serde(default, deserialize_with = "or_default")]
    format: Option<String>,
    #[serde(default, deserialize_with = "or_default")]
    v: Option<i64>,
    #[serde(default)]
    banks: Option<IgnoredAny>,
}

#[derive(Deserialize)]
struct ExportBanks<W> {
    banks: Members<String, W>,
}

pub fn encode_export(banks: &[(String, Progress)], now_ms: i64) -> String {
    let file = ExportFile {
        format: EXPORT_FORMAT,
        v: FORMAT_VERSION,
        exported: now_ms,
        banks: Members(
            banks
                .iter()
                .map(|(id, p)| (id.as_str(), ProgressWire::new(p)))
                .collect(),
        ),
    };
    serde_json::to_string(&file).unwrap_or_default()
}

/// Reads an exported file, or says in plain words why it can't.
/// Why a file could not be imported (the views put it into words).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExportError {
    NotJson,
    NotOurs,
    NoVersion,
    /// Written by a newer version of the widget.
    Newer,
    NoBanks,
    Damaged,
}

pub fn decode_export(text: &str) -> Result<Vec<(String, Progress)>, ExportError> {
    serde_json::from_str::<IgnoredAny>(text).map_err(|_| ExportError::NotJson)?;
    let head = serde_json::from_str::<ExportHead>(text)
        .ok()
        .filter(|h| {
            h.format.as_deref() == Some(EXPORT_FORMAT) && text.trim_start().starts_with('{')
        })
        .ok_or(ExportError::NotOurs)?;
    let version = head.v.ok_or(ExportError::NoVersion)?;
    if version > FORMAT_VERSION {
        return Err(ExportError::Newer);
    }
    if head.banks.is_none() || serde_json::from_str::<ExportBanks<IgnoredAny>>(text).is_err() {
        return Err(ExportError::NoBanks);
    }
    fn banks<W: DeserializeOwned>(text: &str) -> Option<Vec<(String, W)>> {
        serde_json::from_str::<ExportBanks<W>>(text)
            .ok()
            .map(|b| b.banks.0)
    }
    let decoded: Option<Vec<(String, Progress)>> = if version == 1 {
        banks::<ProgressV1>(text).and_then(|b| {
            b.into_iter()
                .map(|(id, p)| Some((id, p.into_progress()?)))
                .collect()
        })
    } else {
        banks::<ProgressWire<String>>(text).and_then(|b| {
            b.into_iter()
                .map(|(id, p)| Some((id, p.into_progress(version >= 3)?)))
                .collect()
        })
    };
    decoded.ok_or(ExportError::Damaged)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixtures::T0;

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

    fn sample_progress() -> Progress {
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
        p.questions.get_mut("trust-01").unwrap().carried = Carried {
            attempts: 4,
            correct: 1,
        };
        p.reset_at = 2;
        p
    }

    /// Each review of a question's log as (ms, rating).
    fn answers(p: &Progress, id: &str) -> Vec<(i64, Rating)> {
        p.log(id)
            .unwrap()
            .reviews
            .iter()
            .map(|r| (r.at, r.rating))
            .collect()
    }

    fn carried(p: &Progress, id: &str) -> (u32, u32) {
        let c = p.log(id).unwrap().carried;
        (c.attempts, c.correct)
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
            .starts_with("{\"v\":3,\"saved\":9,"));
        let empty = Progress::default();
        assert_eq!(
            read(&encode_progress(&empty, 1), decode_progress),
            Loaded::Found(empty)
        );
    }

    #[test]
    fn version_3_keeps_seconds_from_t0_and_a_bare_number_for_one_answer() {
        let mut p = Progress::default();
        p.record("a", Rating::Good, T0 + 60_250);
        p.record("b", Rating::Again, T0);
        p.record("b", Rating::Easy, T0 + 3_600_000);
        p.questions.get_mut("b").unwrap().carried = Carried {
            attempts: 4,
            correct: 1,
        };
        p.finish_round(RoundRecord {
            at: T0 + 3_600_500,
            mode: Mode::Smart,
            score: 1,
            total: 2,
        });
        let text = encode_progress(&p, T0 + 3_601_000);
        // a: 60 s after t0, Good (3) → 60 * 4 + 2; b: at t0, Again, then an hour later, Easy.
        assert_eq!(
            text,
            r#"{"v":3,"saved":1700003601000,"data":{"t0":1700000000,"r":[[1700003600500,"smart",1,2]],"q":{"a":242,"b":[[4,1],0,14403]}}}"#
        );
        assert_eq!(read(&text, decode_progress), Loaded::Found(p));
    }

    /// Saved by the first release (version 1), produced by its own encoder.
    const V1_PROGRESS: &str = r#"{"v":1,"saved":1700003601234,"data":{"rounds":3,"best":80,"q":{"rapport \"warm\" close":[1,0,0,1700000100500],"skills-03":[2,2,1,1700000260250],"trust-01":[3,2,1,1700003600999]}}}"#;
    const V1_ROUND: &str = r#"{"v":1,"saved":1700003602000,"data":{"mode":"practice","ids":["trust-01","skills-03","rapport \"warm\" close"],"cur":2,"ans":[[2],[0,3],[]],"sel":[1]}}"#;

    #[test]
    fn real_version_1_progress_is_migrated_without_losing_counts() {
        let Loaded::Found(p) = read(V1_PROGRESS, decode_progress) else {
            panic!()
        };
        // The last answer becomes the log (in whole seconds), the other counts are carried.
        let odd = "rapport \"warm\" close";
        assert_eq!(answers(&p, odd), [(1_700_000_100_000, Rating::Again)]);
        assert_eq!(carried(&p, odd), (0, 0));
        assert_eq!(
            answers(&p, "skills-03"),
            [(1_700_000_260_000, Rating::Good)]
        );
        assert_eq!(carried(&p, "skills-03"), (1, 1));
        assert_eq!(answers(&p, "trust-01"), [(1_700_003_600_000, Rating::Good)]);
        assert_eq!(carried(&p, "trust-01"), (2, 1));
        let t = p.stats("trust-01").unwrap();
        assert_eq!(
            (t.attempts, t.correct, t.last_correct, t.last_at),
            (3, 2, true, 1_700_003_600_000)
        );
        assert_eq!(p.questions.len(), 3);
        assert_eq!((p.rounds_played(), p.best_percent()), (3, Some(80)));
        assert_eq!(
            (p.carried_rounds, p.carried_best, p.reset_at),
            (3, Some(80), 0)
        );
        assert!(p.rounds.is_empty());
        // Saved again, it is the current version and reads back the same.
        let again = encode_progress(&p, 6);
        assert!(again.starts_with("{\"v\":3,"));
        assert_eq!(read(&again, decode_progress), Loaded::Found(p));
    }

    #[test]
    fn version_1_progress_with_hand_picked_counts_still_reads() {
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
            (2, 0, false, T0),
            "times are kept in whole seconds"
        );
    }

    #[test]
    fn real_version_1_rounds_still_resume() {
        let Loaded::Found((r, sel)) = read(V1_ROUND, decode_round) else {
            panic!()
        };
        assert_eq!(r.mode, Mode::Practice);
        assert_eq!(r.ids, ["trust-01", "skills-03", "rapport \"warm\" close"]);
        assert_eq!(r.current, 2);
        assert_eq!(r.answers, [Some(vec![2]), Some(vec![0, 3]), None]);
        assert_eq!(sel, [1]);
        assert_eq!(r.flags, [false, false, false]);
        assert_eq!((r.deadline, r.submitted, r.shown_at), (None, None, 0));
        assert_eq!(r.topic, None);
    }

    /// Saved by the previous release (version 2), produced by its own encoder: progress
    /// migrated from `V1_PROGRESS` and answered further; then another bank, answered,
    /// reset, answered again (two answers in one ms), and `V2_PROGRESS_A` imported.
    const V2_PROGRESS_A: &str = r#"{"v":2,"saved":1700172901000,"data":{"t0":1700000100500,"cr":3,"cb":80,"r":[[1700086500000,"practice",2,3],[1700172900321,"exam",9,10]],"q":{"rapport \"warm\" close":[0],"skills-03":[[1,1],639002,690160826],"trust-01":[[2,1],14001998,331196499],"trust-02":[345325108,268897]}}}"#;
    const V2_PROGRESS_B: &str = r#"{"v":2,"saved":1700200000000,"data":{"t0":1700000100500,"reset":1700100000500,"cr":3,"cb":80,"r":[[1700086500000,"practice",2,3],[1700100130000,"review",1,2],[1700172900321,"exam",9,10]],"q":{"rapport \"warm\" close":[0],"skills-03":[[1,1],639002,690160826],"trust-01":[[2,1],14001998,331196499],"trust-02":[345325108,268897],"x2":[399838000,2],"x3":[400081999]}}}"#;
    const V2_ROUND: &str = r#"{"v":2,"saved":1700200060000,"data":{"mode":"exam","ids":["trust-01","trust-02","skills-03"],"cur":1,"ans":[[1],[],[0,2]],"sel":[3,0],"flags":[0,1,0],"deadline":1700201801000,"shown":1700200050500,"topic":"Trust \"and\" rapport"}}"#;
    const V2_ROUND_SUBMITTED: &str = r#"{"v":2,"saved":1700200900001,"data":{"mode":"exam","ids":["trust-01","trust-02","skills-03"],"cur":1,"ans":[[1],[],[0,2]],"sel":[],"flags":[0,1,0],"deadline":1700201801000,"submitted":1700200900000,"shown":1700200050500,"topic":"Trust \"and\" rapport"}}"#;
    const V2_ROUND_SMART: &str = r#"{"v":2,"saved":1700300000001,"data":{"mode":"smart","ids":["q1"],"cur":0,"ans":[[]],"sel":[],"shown":1700300000000}}"#;
    const V2_EXPORT: &str = r#"{"format":"checkpoint-quiz-progress","v":2,"exported":1700300000000,"banks":{"bank-a":{"t0":1700000100500,"cr":3,"cb":80,"r":[[1700086500000,"practice",2,3],[1700172900321,"exam",9,10]],"q":{"rapport \"warm\" close":[0],"skills-03":[[1,1],639002,690160826],"trust-01":[[2,1],14001998,331196499],"trust-02":[345325108,268897]}},"bank-b":{"t0":1700000100500,"reset":1700100000500,"cr":3,"cb":80,"r":[[1700086500000,"practice",2,3],[1700100130000,"review",1,2],[1700172900321,"exam",9,10]],"q":{"rapport \"warm\" close":[0],"skills-03":[[1,1],639002,690160826],"trust-01":[[2,1],14001998,331196499],"trust-02":[345325108,268897],"x2":[399838000,2],"x3":[400081999]}},"empty":{"r":[],"q":{}}}}"#;

    /// What `V2_PROGRESS_A` holds, in whole seconds.
    fn assert_v2_bank_a(p: &Progress) {
        let odd = "rapport \"warm\" close";
        assert_eq!(answers(p, odd), [(1_700_000_100_000, Rating::Again)]);
        assert_eq!(carried(p, odd), (0, 0));
        assert_eq!(
            answers(p, "skills-03"),
            [
                (1_700_000_260_000, Rating::Good),
                (1_700_172_800_000, Rating::Good)
            ]
        );
        assert_eq!(carried(p, "skills-03"), (1, 1));
        assert_eq!(
            answers(p, "trust-01"),
            [
                (1_700_003_600_000, Rating::Good),
                (1_700_086_400_000, Rating::Easy)
            ]
        );
        assert_eq!(carried(p, "trust-01"), (2, 1));
        assert_eq!(
            answers(p, "trust-02"),
            [
                (1_700_086_431_000, Rating::Again),
                (1_700_086_499_000, Rating::Hard)
            ]
        );
        assert_eq!(carried(p, "trust-02"), (0, 0));
        let t = p.stats("trust-01").unwrap();
        assert_eq!(
            (t.attempts, t.correct, t.last_correct, t.last_at),
            (4, 3, true, 1_700_086_400_000)
        );
        assert_eq!((p.carried_rounds, p.carried_best), (3, Some(80)));
    }

    fn rounds_of(p: &Progress) -> Vec<(i64, Mode, u32, u32)> {
        p.rounds
            .iter()
            .map(|r| (r.at, r.mode, r.score, r.total))
            .collect()
    }

    #[test]
    fn real_version_2_progress_reads_with_every_answer_count_and_round() {
        let Loaded::Found(a) = read(V2_PROGRESS_A, decode_progress) else {
            panic!()
        };
        assert_eq!(a.questions.len(), 4);
        assert_v2_bank_a(&a);
        assert_eq!(a.reset_at, 0);
        assert_eq!(
            rounds_of(&a),
            [
                (1_700_086_500_000, Mode::Practice, 2, 3),
                (1_700_172_900_321, Mode::Exam, 9, 10)
            ]
        );
        assert_eq!((a.rounds_played(), a.best_percent()), (5, Some(90)));

        let Loaded::Found(b) = read(V2_PROGRESS_B, decode_progress) else {
            panic!()
        };
        assert_eq!(b.questions.len(), 6);
        assert_v2_bank_a(&b);
        assert_eq!(b.reset_at, 1_700_100_000_500);
        // Two answers in the same ms stay two answers, in their order, a second apart.
        assert_eq!(
            answers(&b, "x2"),
            [
                (1_700_100_060_000, Rating::Again),
                (1_700_100_061_000, Rating::Good)
            ]
        );
        assert_eq!(answers(&b, "x3"), [(1_700_100_120_000, Rating::Easy)]);
        assert_eq!(
            rounds_of(&b),
            [
                (1_700_086_500_000, Mode::Practice, 2, 3),
                (1_700_100_130_000, Mode::Review, 1, 2),
                (1_700_172_900_321, Mode::Exam, 9, 10)
            ]
        );
        assert_eq!((b.rounds_played(), b.best_percent()), (6, Some(90)));

        // Saved again they are version 3, read back the same, and merging the stored copy
        // into the one in memory adds nothing (no answer counted twice).
        for p in [a, b] {
            let text = encode_progress(&p, 1);
            assert!(text.starts_with("{\"v\":3,"));
            let Loaded::Found(back) = read(&text, decode_progress) else {
                panic!()
            };
            assert_eq!(back, p);
            assert_eq!(p.merge(&back), p);
        }
    }

    #[test]
    fn real_version_2_rounds_resume_with_selection_flags_and_deadline() {
        let Loaded::Found((r, sel)) = read(V2_ROUND, decode_round) else {
            panic!()
        };
        assert_eq!(r.mode, Mode::Exam);
        assert_eq!(r.ids, ["trust-01", "trust-02", "skills-03"]);
        assert_eq!(r.current, 1);
        assert_eq!(r.answers, [Some(vec![1]), None, Some(vec![0, 2])]);
        assert_eq!(sel, [3, 0]);
        assert_eq!(r.flags, [false, true, false]);
        assert_eq!(r.deadline, Some(1_700_201_801_000));
        assert_eq!(r.submitted, None);
        assert_eq!(r.shown_at, 1_700_200_050_500);
        assert_eq!(r.topic.as_deref(), Some("Trust \"and\" rapport"));
        assert_eq!(
            r.choice_seed, None,
            "saved before choices were shuffled: bank order"
        );
        // Written again (now version 3) it reads back the same.
        assert_eq!(
            read(&encode_round(&r, &sel, 1), decode_round),
            Loaded::Found((r.clone(), sel))
        );

        let Loaded::Found((handed_in, sel)) = read(V2_ROUND_SUBMITTED, decode_round) else {
            panic!()
        };
        assert_eq!(handed_in.submitted, Some(1_700_200_900_000));
        assert!(sel.is_empty());
        assert_eq!(
            Round {
                submitted: None,
                ..handed_in
            },
            r
        );

        let Loaded::Found((smart, sel)) = read(V2_ROUND_SMART, decode_round) else {
            panic!()
        };
        let mut expected = Round::new(Mode::Smart, vec!["q1".into()], 1_700_300_000_000);
        expected.shown_at = 1_700_300_000_000;
        assert_eq!((smart, sel), (expected, vec![]));
    }

    #[test]
    fn real_version_2_export_files_import() {
        let banks = decode_export(V2_EXPORT).unwrap();
        let ids: Vec<&str> = banks.iter().map(|(id, _)| id.as_str()).collect();
        assert_eq!(ids, ["bank-a", "bank-b", "empty"]);
        let stored = |text| match read(text, decode_progress) {
            Loaded::Found(p) => p,
            other => panic!("{other:?}"),
        };
        assert_eq!(banks[0].1, stored(V2_PROGRESS_A));
        assert_eq!(banks[1].1, stored(V2_PROGRESS_B));
        assert_eq!(banks[2].1, Progress::default());
        assert_v2_bank_a(&banks[0].1);
        // Exported again, it is version 3 and imports the same.
        let again = encode_export(&banks, 5);
        assert!(
            again.starts_with("{\"format\":\"checkpoint-quiz-progress\",\"v\":3,\"exported\":5,")
        );
        assert_eq!(decode_export(&again), Ok(banks));
    }

    #[test]
    fn rounds_round_trip_with_their_selection_and_exam_fields() {
        let mut r = Round::new(Mode::Exam, vec!["a".into(), "b".into(), "c".into()], T0);
        r.answers[0] = Some(vec![0, 2]);
        r.flags[2] = true;
        r.current = 1;
        r.deadline = Some(T0 + 60_000);
        r.topic = Some("Trust \"and\" rapport".into());
        // A seed past 2^53 survives (JSON numbers read by serde_json, not as doubles).
        r.choice_seed = Some(u64::MAX - 7);
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
        // A selection that can't be read is no selection; the round still resumes.
        let odd_sel =
            r#"{"v":3,"data":{"mode":"practice","ids":["a"],"cur":0,"ans":[[]],"sel":"x"}}"#;
        let Loaded::Found((_, sel)) = read(odd_sel, decode_round) else {
            panic!()
        };
        assert!(sel.is_empty());
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
            "[3]",
            "{\"data\":{}}",
            "{\"v\":2}",
            "{\"v\":\"3\",\"data\":{\"r\":[],\"q\":{}}}",
            // Version 3: a negative or fractional answer, a repeated id, an answer twice,
            // carried counts not first, times past the end of time, an unknown mode,
            // a best score over 100, numbers too big for their field.
            r#"{"v":3,"data":{"r":[],"q":{"a":-1}}}"#,
            r#"{"v":3,"data":{"r":[],"q":{"a":1.5}}}"#,
            r#"{"v":3,"data":{"r":[],"q":{"a":1,"a":2}}}"#,
            r#"{"v":3,"data":{"r":[],"q":{"a":[4,0]}}}"#,
            r#"{"v":3,"data":{"r":[],"q":{"a":[1,[1,1]]}}}"#,
            r#"{"v":3,"data":{"r":[],"q":{"a":[[0,0]]}}}"#,
            r#"{"v":3,"data":{"t0":9223372036854775807,"r":[],"q":{"a":4}}}"#,
            r#"{"v":3,"data":{"t0":9223372036854775,"r":[],"q":{"a":[0,18446744073709551615]}}}"#,
            r#"{"v":3,"data":{"r":[[1,"quiz",1,1]],"q":{}}}"#,
            r#"{"v":3,"data":{"cb":101,"r":[],"q":{}}}"#,
            r#"{"v":3,"data":{"cr":4294967296,"r":[],"q":{}}}"#,
            r#"{"v":3,"data":{"r":[],"q":{"a":"1"}}}"#,
            r#"{"v":3,"data":{"r":{},"q":{}}}"#,
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
    fn rounds_that_do_not_fit_their_questions_are_set_aside() {
        for junk in [
            r#"{"v":3,"data":{"mode":"exam","ids":["a"],"cur":0,"ans":[]}}"#,
            r#"{"v":3,"data":{"mode":"exam","ids":["a"],"cur":2,"ans":[[]]}}"#,
            r#"{"v":3,"data":{"mode":"exam","ids":["a"],"cur":0,"ans":[[]],"flags":[1,0]}}"#,
            r#"{"v":3,"data":{"mode":"exam","ids":["a"],"cur":0,"ans":[[-1]]}}"#,
            r#"{"v":3,"data":{"mode":"exam","ids":[1],"cur":0,"ans":[[]]}}"#,
        ] {
            assert_eq!(read(junk, decode_round), Loaded::Corrupt, "{junk}");
        }
    }

    #[test]
    fn newer_versions_are_left_untouched() {
        let kv = MemoryStore::default();
        let key = progress_key("b");
        let newer = "{\"v\":4,\"data\":{\"something\":\"else\"}}";
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
        assert_eq!(
            aside_key("checkpoint-quiz:progress:x", -5),
            "checkpoint-quiz:aside:-5:progress:x"
        );
    }

    #[test]
    fn exports_round_trip_and_bad_files_are_named() {
        let banks = vec![
            ("b1".to_string(), sample_progress()),
            ("b2".to_string(), Progress::default()),
        ];
        let text = encode_export(&banks, T0);
        assert_eq!(decode_export(&text), Ok(banks));
        assert_eq!(decode_export("{"), Err(ExportError::NotJson));
        let not_ours = Err(ExportError::NotOurs);
        assert_eq!(decode_export("{\"format\":\"other\"}"), not_ours);
        assert_eq!(decode_export("{\"format\":5}"), not_ours);
        assert_eq!(decode_export("[\"checkpoint-quiz-progress\"]"), not_ours);
        assert_eq!(decode_export("\"text\""), not_ours);
        let head = "{\"format\":\"checkpoint-quiz-progress\"";
        assert_eq!(
            decode_export(&[head, "}"].concat()),
            Err(ExportError::NoVersion)
        );
        assert_eq!(
            decode_export(&[head, ",\"v\":\"2\",\"banks\":{}}"].concat()),
            Err(ExportError::NoVersion)
        );
        for banks in [",\"v\":3}", ",\"v\":3,\"banks\":[]}"] {
            assert_eq!(
                decode_export(&[head, banks].concat()),
                Err(ExportError::NoBanks)
            );
        }
        let newer = text.replace("\"v\":3", "\"v\":9");
        assert_eq!(decode_export(&newer), Err(ExportError::Newer));
        let damaged = text.replacen("\"q\":{", "\"q\":{\"zz\":[[1]],", 1);
        assert_eq!(decode_export(&damaged), Err(ExportError::Damaged));
        let nope = [
            head,
            ",\"v\":2,\"banks\":{\"b\":{\"r\":[],\"q\":\"nope\"}}}",
        ]
        .concat();
        assert_eq!(decode_export(&nope), Err(ExportError::Damaged));
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
        memory.record("h1", Rating::Good, T0 + 1_000);
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

    #[test]
    fn an_import_preview_counts_what_each_bank_would_gain() {
        let kv = MemoryStore::default();
        let mut stored = Progress::default();
        stored.record("x1", Rating::Good, T0);
        kv.set(&progress_key("other"), &encode_progress(&stored, 1))
            .unwrap();
        kv.set(&progress_key("broken"), "{").unwrap();
        let mut here = Progress::default();
        here.record("h1", Rating::Good, T0);
        let mut file_here = here.clone();
        file_here.record("h2", Rating::Again, T0 + 1_000);
        let mut file_other = stored.clone();
        file_other.record("x2", Rating::Good, T0 + 1_000);
        let mut file_broken = Progress::default();
        file_broken.record("b1", Rating::Good, T0);
        let banks = vec![
            ("broken".to_owned(), file_broken),
            ("here".to_owned(), file_here),
            ("other".to_owned(), file_other),
        ];
        let preview = preview_import(&kv, ("here", &here), banks.clone());
        let gained = preview.here.unwrap();
        assert_eq!((gained.answers, gained.questions), (1, 1));
        assert_eq!(
            (preview.other_banks, preview.other_answers),
            (2, 2),
            "one answer new to the stored bank, one to the unreadable one"
        );
        assert_eq!(preview.banks, banks, "kept for the import itself");
        let elsewhere = preview_import(&kv, ("new", &here), Vec::new());
        assert_eq!((elsewhere.here, elsewhere.other_banks), (None, 0));
    }

    /// 10,000 questions answered once each, a minute apart. The benchmark reads the line
    /// this prints: `cargo test --release --lib stored_bytes -- --nocapture`.
    #[test]
    fn stored_bytes() {
        let mut p = Progress::default();
        for i in 0..10_000i64 {
            let id = ["balance-service-protocol-", &i.to_string()].concat();
            p.record(&id, Rating::Good, T0 + i * 60_000);
        }
        let text = encode_progress(&p, T0 + 10_000 * 60_000);
        assert_eq!(read(&text, decode_progress), Loaded::Found(p));
        let per_answer = text.len() as f64 / 10_000.0;
        println!("stored bytes per answered question: {per_answer:.1}");
        assert!(per_answer <= 40.0, "{per_answer}");

        // 10,000 answers to 2,000 questions, up to a week apart.
        let mut p = Progress::default();
        let mut at = T0;
        for i in 0..10_000 {
            at += 45_000 + (i % 7) * 86_400_000;
            let id = ["balance-service-protocol-", &(i % 2_000).to_string()].concat();
            p.record(&id, Rating::from_number(1 + i % 4).unwrap(), at);
        }
        let text = encode_progress(&p, at);
        assert_eq!(read(&text, decode_progress), Loaded::Found(p));
        assert!(text.len() < 200_000, "{}", text.len());
    }

    /// Decoding outside input (native only: proptest is not built for wasm).
    #[cfg(not(target_arch = "wasm32"))]
    mod properties {
        use super::*;
        use proptest::prelude::*;

        /// Text that looks like our envelopes, with numbers and shapes that may be wrong.
        fn envelope_ish() -> impl Strategy<Value = String> {
            let number = prop_oneof![
                any::<i64>().prop_map(|n| n.to_string()),
                any::<u64>().prop_map(|n| n.to_string()),
                Just("1e400".to_string()),
                Just("-0.5".to_string()),
                (0u32..5).prop_map(|n| n.to_string()),
            ];
            let leaf = prop_oneof![
                number,
                Just("null".to_string()),
                Just("\"exam\"".to_string()),
                "\"[a-z]{0,3}\"",
                Just("[]".to_string()),
                Just("{}".to_string()),
            ];
            let value = leaf.prop_recursive(3, 24, 4, |inner| {
                prop_oneof![
                    prop::collection::vec(inner.clone(), 0..4).prop_map(|v| [
                        "[",
                        &v.join(","),
                        "]"
                    ]
                    .concat()),
                    prop::collection::vec(
                        (
                            prop::sample::select(vec![
                                "v", "data", "t0", "reset", "cr", "cb", "r", "q", "a", "b", "mode",
                                "ids", "cur", "ans", "sel", "flags", "deadline", "shown", "topic",
                                "rounds", "best", "format", "banks",
                            ]),
                            inner
                        ),
                        0..5
                    )
                    .prop_map(|m| {
                        let members: Vec<String> = m
                            .iter()
                            .map(|(k, v)| ["\"", k, "\":", v].concat())
                            .collect();
                        ["{", &members.join(","), "}"].concat()
                    }),
                ]
            });
            (0i64..5, value).prop_map(|(v, data)| {
                [
                    "{\"v\":",
                    &v.to_string(),
                    ",\"saved\":1,\"data\":",
                    &data,
                    "}",
                ]
                .concat()
            })
        }

        fn arb_progress() -> impl Strategy<Value = Progress> {
            let time = prop_oneof![
                Just(i64::MIN),
                Just(i64::MAX),
                any::<i64>(),
                (0i64..10_000_000).prop_map(|t| T0 + t),
            ];
            let log = (
                "[a-c\"\\\\é]{0,3}",
                prop::collection::vec((time.clone(), 1i64..=4), 0..5),
                0u32..3,
                0u32..3,
            );
            (
                prop::collection::vec(log, 0..5),
                prop::collection::vec((time, 0u32..5, 1u32..5), 0..3),
                any::<i64>(),
            )
                .prop_map(|(logs, rounds, reset_at)| {
                    let mut p = Progress {
                        reset_at,
                        ..Progress::default()
                    };
                    for (id, answers, a, c) in logs {
                        for (at, r) in answers {
                            p.record(&id, Rating::from_number(r).unwrap(), at);
                        }
                        if a + c > 0 {
                            p.questions
                                .entry(id.clone())
                                .or_insert_with(|| QuestionLog {
                                    id,
                                    ..QuestionLog::default()
                                })
                                .carried = Carried {
                                attempts: a,
                                correct: c,
                            };
                        }
                    }
                    for (at, score, total) in rounds {
                        p.finish_round(RoundRecord {
                            at,
                            mode: Mode::Exam,
                            score,
                            total,
                        });
                    }
                    p
                })
        }

        proptest! {
            #[test]
            fn reading_any_text_never_panics(s in prop_oneof![any::<String>(), envelope_ish()]) {
                let _ = read(&s, decode_progress);
                let _ = read(&s, decode_round);
                let _ = decode_export(&s);
            }

            #[test]
            fn recorded_progress_reads_back_exactly(p in arb_progress()) {
                let text = encode_progress(&p, 1);
                prop_assert_eq!(read(&text, decode_progress), Loaded::Found(p.clone()));
                let banks = vec![("b".to_string(), p)];
                prop_assert_eq!(decode_export(&encode_export(&banks, 1)), Ok(banks));
            }

            #[test]
            fn any_progress_written_can_be_read(
                p in arb_progress(),
                odd in prop::collection::vec((any::<i64>(), 1i64..=4), 0..6),
            ) {
                // Reviews put in directly, at any ms, in any order, or none: still readable.
                let mut p = p;
                let log = p.questions.entry("odd".into()).or_default();
                for (at, r) in odd {
                    log.reviews.push(Review { at, rating: Rating::from_number(r).unwrap() });
                }
                let text = encode_progress(&p, 1);
                let Loaded::Found(back) = read(&text, decode_progress) else {
                    return Err(TestCaseError::fail(text));
                };
                prop_assert_eq!(encode_progress(&back, 1), text);
            }
        }
    }
}
