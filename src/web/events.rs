//! Events for the host page, dispatched on the `<checkpoint-quiz>` element. They bubble
//! and are `composed`, so a listener on `document` hears them through the shadow root.

use js_sys::{Array, Object, Reflect};
use wasm_bindgen::JsValue;
use web_sys::{CustomEvent, CustomEventInit, HtmlElement};

use crate::progress::Summary;
use crate::session::Outgoing;

fn set(obj: &Object, key: &str, value: impl Into<JsValue>) {
    let _ = Reflect::set(obj, &key.into(), &value.into());
}

pub fn dispatch(host: &HtmlElement, name: &str, detail: &Object) {
    let init = CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    init.set_detail(detail);
    if let Ok(event) = CustomEvent::new_with_event_init_dict(name, &init) {
        let _ = host.dispatch_event(&event);
    }
}

/// `quiz-answer` or `quiz-complete` for one outgoing core event.
pub fn send(host: &HtmlElement, bank_id: &str, event: &Outgoing) {
    let detail = Object::new();
    set(&detail, "bankId", bank_id);
    let name = match event {
        Outgoing::Answer { question_id, chosen, correct } => {
            set(&detail, "questionId", question_id.as_str());
            let list: Array = chosen.iter().map(|&c| JsValue::from(c as u32)).collect();
            set(&detail, "chosen", list);
            set(&detail, "correct", *correct);
            "quiz-answer"
        }
        Outgoing::Complete { score, total, mode } => {
            set(&detail, "score", *score as u32);
            set(&detail, "total", *total as u32);
            set(&detail, "mode", mode.as_str());
            "quiz-complete"
        }
    };
    dispatch(host, name, &detail);
}

/// `quiz-ready` (detail: `bankId`, `title`, `questions`) once the bank has loaded, or
/// `quiz-error` (detail: `message`) when it could not.
pub fn ready(host: &HtmlElement, bank_id: &str, title: &str, questions: usize) {
    let detail = Object::new();
    set(&detail, "bankId", bank_id);
    set(&detail, "title", title);
    set(&detail, "questions", questions as u32);
    dispatch(host, "quiz-ready", &detail);
}

pub fn error(host: &HtmlElement, message: &str) {
    let detail = Object::new();
    set(&detail, "message", message);
    dispatch(host, "quiz-error", &detail);
}

pub fn summary_object(s: &Summary) -> Object {
    let o = Object::new();
    set(&o, "bankId", s.bank_id.as_str());
    set(&o, "answered", s.answered as u32);
    set(&o, "correct", s.correct as u32);
    set(&o, "total", s.total as u32);
    set(&o, "rounds", s.rounds);
    set(&o, "bestPercent", s.best_percent.map_or(JsValue::NULL, |b| JsValue::from(b)));
    o
}
