//! Measures the two ways the widget could decode a bank in the browser, on a
//! 10,000-question bank: `serde_json::from_str` in the wasm (what `bank::load` does) against
//! the browser's `JSON.parse` followed by `serde_wasm_bindgen::from_value`, into the same
//! derived type. Ignored by default (a measurement, not a check); run it with
//! `CHROMEDRIVER=/usr/bin/chromedriver cargo test --release --target wasm32-unknown-unknown
//! --test bank_decode -- --include-ignored --nocapture` and read the printed medians.
#![cfg(target_arch = "wasm32")]

use checkpoint_quiz::bank::{self, Bank, BankInfo};
use serde::Deserialize;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const SHIPPED: &str = include_str!("../questions/security-customer-service.json");

/// The shape of a well-formed bank, as `bank::load`'s fast path decodes it.
#[allow(dead_code)]
#[derive(Deserialize, PartialEq, Debug)]
#[serde(rename_all = "camelCase")]
struct Shape {
    id: String,
    title: String,
    version: i64,
    language: String,
    description: Option<String>,
    pass_mark: Option<i64>,
    topics: Option<Vec<String>>,
    questions: Vec<QuestionShape>,
}

#[allow(dead_code)]
#[derive(Deserialize, PartialEq, Debug)]
#[serde(rename_all = "camelCase")]
struct QuestionShape {
    id: String,
    topic: Option<String>,
    difficulty: Option<i64>,
    prompt: String,
    choices: Vec<String>,
    answer: serde_json::Value,
    explanation: String,
    source: Option<String>,
}

fn now() -> f64 {
    js_sys::Date::now()
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

#[wasm_bindgen_test]
#[ignore = "a measurement: run with --include-ignored"]
fn serde_json_against_json_parse_and_serde_wasm_bindgen() {
    let (shipped, _) = bank::load(SHIPPED).unwrap();
    let questions = (0..10_000)
        .map(|i| {
            let mut q = shipped.questions[i % shipped.questions.len()].clone();
            q.id = format!("{}-{i}", q.id);
            q
        })
        .collect();
    let mut info = BankInfo::new("bench", "Bench", "en");
    info.topics = shipped.topics.clone();
    let text = bank::to_json(&Bank::new(info, questions));
    let js_text = wasm_bindgen::JsValue::from_str(&text);

    let (mut wasm_side, mut browser_side, mut full_load) = (Vec::new(), Vec::new(), Vec::new());
    for _ in 0..5 {
        let t = now();
        let a: Shape = serde_json::from_str(&text).unwrap();
        wasm_side.push(now() - t);

        let t = now();
        let value = js_sys::JSON::parse(&js_text.as_string().unwrap()).unwrap();
        let b: Shape = serde_wasm_bindgen::from_value(value).unwrap();
        browser_side.push(now() - t);
        assert_eq!(a, b, "both ways decode the same bank");

        let t = now();
        assert!(bank::load(&text).is_ok());
        full_load.push(now() - t);
    }
    console_log!(
        "10,000-question bank ({} bytes), median of 5: serde_json::from_str {:.0} ms; JSON.parse + serde_wasm_bindgen::from_value {:.0} ms; bank::load (decode + validate) {:.0} ms",
        text.len(),
        median(wasm_side),
        median(browser_side),
        median(full_load)
    );
}
