//! The smallest widget that does what issue 7's payload figure counts: decode a bank in
//! our format with serde_json (derived types), index it by id and sort it with std, show
//! the first question as radio buttons, check the answer and save one result to
//! localStorage. No validation messages, no languages, no modes, no progress model.
//! Built by `tools/size-floor`; docs/performance.md, "The stack's floor".
#![cfg(target_arch = "wasm32")]

use std::collections::HashMap;
use std::rc::Rc;

use serde::{Deserialize, Serialize};
use wasm_bindgen::prelude::*;
use yew::prelude::*;

// The bank's fields are declared again here on purpose: using the crate's own bank types
// would link its validator, and the floor must contain nothing of the widget.
#[derive(Deserialize, PartialEq)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct Bank {
    #[serde(rename = "$schema")]
    _schema: Option<serde::de::IgnoredAny>,
    id: String,
    title: String,
    version: i64,
    language: String,
    description: Option<String>,
    pass_mark: Option<i64>,
    time_limit: Option<i64>,
    exam_questions: Option<i64>,
    topics: Option<Vec<String>>,
    questions: Vec<Question>,
}

#[derive(Deserialize, PartialEq)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct Question {
    id: String,
    topic: Option<String>,
    difficulty: Option<i64>,
    prompt: String,
    choices: Vec<String>,
    answer: Answer,
    explanation: String,
    source: Option<String>,
    image: Option<Image>,
    fixed_order: Option<bool>,
}

#[derive(Deserialize, PartialEq)]
#[serde(untagged)]
enum Answer {
    One(usize),
    Many(Vec<usize>),
}

#[derive(Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
struct Image {
    src: String,
    alt: String,
}

#[derive(Serialize)]
struct Saved<'a> {
    bank: &'a str,
    question: &'a str,
    choice: usize,
    right: bool,
}

impl Answer {
    fn is(&self, choice: usize) -> bool {
        match self {
            Answer::One(i) => *i == choice,
            Answer::Many(all) => all == &[choice],
        }
    }
}

struct Loaded {
    bank: Bank,
    by_id: HashMap<String, usize>,
}

impl PartialEq for Loaded {
    fn eq(&self, other: &Self) -> bool {
        self.bank == other.bank
    }
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// The question to show: the one saved last time, found through the index (so the index
/// is really used and not optimised away), else the first.
fn current(loaded: &Loaded) -> usize {
    storage()
        .and_then(|s| s.get_item("size-floor-question").ok().flatten())
        .and_then(|id| loaded.by_id.get(&id).copied())
        .unwrap_or(0)
}

#[derive(Properties, PartialEq)]
struct Props {
    loaded: Rc<Loaded>,
}

#[function_component]
fn Quiz(props: &Props) -> Html {
    let loaded = props.loaded.clone();
    let chosen = use_state(|| None::<usize>);
    let checked = use_state(|| false);
    let Some(q) = loaded.bank.questions.get(current(&loaded)) else {
        return html! { <p>{ "No questions" }</p> };
    };
    let choices = q.choices.iter().enumerate().map(|(i, text)| {
        let onchange = {
            let (chosen, checked) = (chosen.clone(), checked.clone());
            Callback::from(move |_: Event| {
                chosen.set(Some(i));
                checked.set(false);
            })
        };
        html! {
            <label>
                <input type="radio" name="choice" checked={*chosen == Some(i)} {onchange} />
                { text.clone() }
            </label>
        }
    });
    let onclick = {
        let (chosen, checked, loaded) = (chosen.clone(), checked.clone(), loaded.clone());
        Callback::from(move |_: MouseEvent| {
            let Some(choice) = *chosen else { return };
            let q = &loaded.bank.questions[current(&loaded)];
            let saved = Saved {
                bank: &loaded.bank.id,
                question: &q.id,
                choice,
                right: q.answer.is(choice),
            };
            if let (Some(s), Ok(json)) = (storage(), serde_json::to_string(&saved)) {
                let _ = s.set_item("size-floor", &json);
            }
            checked.set(true);
        })
    };
    let feedback = match (*checked, *chosen) {
        (true, Some(choice)) => html! {
            <div role="status">
                <p>{ if q.answer.is(choice) { "Correct" } else { "Not quite" } }</p>
                <p>{ q.explanation.clone() }</p>
            </div>
        },
        _ => Html::default(),
    };
    html! {
        <div>
            <h2>{ loaded.bank.title.clone() }</h2>
            <p>{ q.prompt.clone() }</p>
            { for choices }
            <button type="button" {onclick}>{ "Check" }</button>
            { feedback }
        </div>
    }
}

#[wasm_bindgen]
pub fn mount(root: web_sys::Element, bank: &str) -> Result<(), JsError> {
    let mut bank: Bank = serde_json::from_str(bank).map_err(|e| JsError::new(&e.to_string()))?;
    bank.questions
        .sort_unstable_by(|a, b| (a.difficulty, &a.id).cmp(&(b.difficulty, &b.id)));
    let by_id = bank
        .questions
        .iter()
        .enumerate()
        .map(|(i, q)| (q.id.clone(), i))
        .collect();
    let loaded = Rc::new(Loaded { bank, by_id });
    yew::Renderer::<Quiz>::with_root_and_props(root, Props { loaded }).render();
    Ok(())
}
