//! The localStorage adapter in a real browser (headless Chromium via wasm-bindgen-test):
//! against real `localStorage`, and against one whose getter or writes throw, as in
//! sandboxed iframes, blocked cookies and full quotas.
#![cfg(target_arch = "wasm32")]

use checkpoint_quiz::mode::Mode;
use checkpoint_quiz::progress::{Progress, Rating, RoundRecord};
use checkpoint_quiz::storage::{self, KeyValue, Loaded, StorageError};
use checkpoint_quiz::web::services::storage::LocalStorage;
use wasm_bindgen::prelude::*;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen(inline_js = "
const original = Object.getOwnPropertyDescriptor(window, 'localStorage');
const originalSet = Storage.prototype.setItem;
export function block_storage() {
  Object.defineProperty(window, 'localStorage', {
    configurable: true,
    get() { throw new DOMException('The operation is insecure.', 'SecurityError'); },
  });
}
export function fill_storage() {
  Storage.prototype.setItem = function () { throw new DOMException('quota', 'QuotaExceededError'); };
}
export function restore_storage() {
  Object.defineProperty(window, 'localStorage', original);
  Storage.prototype.setItem = originalSet;
}
export function raw_get(key) { return window.localStorage.getItem(key); }
export function raw_set(key, value) { window.localStorage.setItem(key, value); }
export function raw_clear() { window.localStorage.clear(); }
")]
extern "C" {
    fn block_storage();
    fn fill_storage();
    fn restore_storage();
    fn raw_get(key: &str) -> Option<String>;
    fn raw_set(key: &str, value: &str);
    fn raw_clear();
}

fn sample() -> Progress {
    let mut p = Progress::default();
    p.record("trust-01", Rating::Good, 1_700_000_000_000);
    p.record("skills-03", Rating::Again, 1_700_000_000_001);
    p.finish_round(RoundRecord {
        at: 1_700_000_000_002,
        mode: Mode::Practice,
        score: 1,
        total: 2,
    });
    p
}

#[wasm_bindgen_test]
fn progress_round_trips_through_real_local_storage() {
    raw_clear();
    let store = LocalStorage::open();
    let key = storage::progress_key("bank-a");
    store
        .set(&key, &storage::encode_progress(&sample(), 5))
        .unwrap();
    // What another page (or the next visit) would read, straight from the browser.
    assert!(raw_get("checkpoint-quiz:progress:bank-a")
        .unwrap()
        .starts_with("{\"v\":3,"));
    assert_eq!(
        storage::load(&LocalStorage::open(), &key, 6, storage::decode_progress),
        Loaded::Found(sample())
    );
    store.remove(&key).unwrap();
    assert_eq!(raw_get(&key), None);
    // Every key is listed, for exports.
    raw_set("checkpoint-quiz:progress:bank-z", "x");
    assert!(store
        .keys()
        .unwrap()
        .contains(&"checkpoint-quiz:progress:bank-z".to_string()));
}

#[wasm_bindgen_test]
fn corrupt_values_in_real_storage_are_set_aside() {
    raw_clear();
    raw_set("checkpoint-quiz:progress:bank-b", "{\"v\":1,\"data\":");
    let store = LocalStorage::open();
    assert_eq!(
        storage::load(
            &store,
            "checkpoint-quiz:progress:bank-b",
            42,
            storage::decode_progress
        ),
        Loaded::Corrupt
    );
    assert_eq!(raw_get("checkpoint-quiz:progress:bank-b"), None);
    assert_eq!(
        raw_get("checkpoint-quiz:aside:42:progress:bank-b").as_deref(),
        Some("{\"v\":1,\"data\":")
    );
}

#[wasm_bindgen_test]
fn a_throwing_local_storage_getter_is_reported_not_a_crash() {
    block_storage();
    let store = LocalStorage::open();
    let got = store.get("checkpoint-quiz:progress:x");
    let keys = store.keys();
    let set = store.set("checkpoint-quiz:progress:x", "{}");
    let loaded = storage::load(
        &store,
        "checkpoint-quiz:progress:x",
        1,
        storage::decode_progress,
    );
    restore_storage();
    assert_eq!(got, Err(StorageError::Unavailable));
    assert_eq!(keys, Err(StorageError::Unavailable));
    assert_eq!(set, Err(StorageError::Unavailable));
    assert_eq!(loaded, Loaded::Failed(StorageError::Unavailable));
}

#[wasm_bindgen_test]
fn a_full_local_storage_fails_writes_but_still_reads() {
    raw_clear();
    raw_set(
        "checkpoint-quiz:progress:y",
        &storage::encode_progress(&sample(), 1),
    );
    fill_storage();
    let store = LocalStorage::open();
    let write = store.set("checkpoint-quiz:progress:y", "{}");
    let read = storage::load(
        &store,
        "checkpoint-quiz:progress:y",
        2,
        storage::decode_progress,
    );
    restore_storage();
    assert_eq!(write, Err(StorageError::WriteFailed));
    assert_eq!(
        read,
        Loaded::Found(sample()),
        "a failed write must not lose what was saved"
    );
}
