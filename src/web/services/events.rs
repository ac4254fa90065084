//! Events for the host page, dispatched on the `<checkpoint-quiz>` element. They bubble
//! and are `composed`, so a listener on `document` hears them through the shadow root.

use js_sys::{Array, Object, Reflect};
use wasm_bindgen::JsValue;
use web_sys::{CustomEvent, CustomEventInit, EventTarget, HtmlElement};

use crate::progress::Summary;
use crate::session::Outgoing;

fn set(obj: &Object, key: &str, value: impl Into<JsValue>) {
    let _ = Reflect::set(obj, &key.into(), &value.into());
}

/// A `CustomEvent` that bubbles out of the shadow root, on any target.
pub fn dispatch_on(target: &EventTarget, name: &str, detail: &JsValue) {
    let init = CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    init.set_detail(detail);
    if let Ok(event) = CustomEvent::new_with_event_init_dict(name, &init) {
        let _ = target.dispatch_event(&event);
    }
}

pub fn dispatch(host: &HtmlElement, name: &str, detail: &Object) {
    dispatch_on(host, name, detail);
}

/// `quiz-answer` or `quiz-complete` for one outgoing core event.
pub fn send(host: &HtmlElement, bank_id: &str, event: &Outgoing) {
    let detail = Object::new();
    set(&detail, "bankId", bank_id);
    let name = match event {
        Outgoing::Answer {
            question_id,
            chosen,
            correct,
        } => {
            set(&detail, "questionId", question_id.as_str());
            let list: Array = chosen.iter().map(|&c| JsValue::from(c as u32)).collect();
            set(&detail, "chosen", list);
            set(&detail, "correct", *correct);
            "quiz-answer"
        }
        Outgoing::Complete(o) => {
            set(&detail, "score", o.score as u32);
            set(&detail, "total", o.total as u32);
            set(&detail, "mode", o.mode.as_str());
            set(&detail, "percent", crate::score::percent(o.score, o.total));
            if let (Some(mark), Some(passed)) = (o.pass_mark, o.passed) {
                set(&detail, "passMark", mark);
                set(&detail, "passed", passed);
            }
            let topics: Array = o
                .topics
                .iter()
                .map(|(name, right, total)| {
                    let t = Object::new();
                    set(&t, "topic", name.as_str());
                    set(&t, "score", *right as u32);
                    set(&t, "total", *total as u32);
                    JsValue::from(t)
                })
                .collect();
            set(&detail, "topics", topics);
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
    set(
        &o,
        "bestPercent",
        s.best_percent.map_or(JsValue::NULL, JsValue::from),
    );
    o
}
