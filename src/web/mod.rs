//! The browser shell over the pure core, built only for wasm32: the root component (`app`:
//! loads the bank) and the quiz (`quiz`), its screens (`components`), effects (`hooks`),
//! browser adapters (`services`), and the pool of yew roots (`roots`).

mod app;
mod components;
mod hooks;
mod quiz;
mod roots;
pub mod services;
mod state;

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use web_sys::{Element, HtmlElement};

use crate::config;
use crate::progress::Summary;

/// Shared between the running app and the host page's `progress` property.
pub type SummaryCell = Rc<RefCell<Option<Summary>>>;

/// A mounted widget. The loader keeps it on the element and calls `unmount()` when the
/// element leaves the page.
#[wasm_bindgen]
pub struct Handle {
    root: Option<roots::Root>,
    summary: SummaryCell,
}

#[wasm_bindgen]
impl Handle {
    /// Ends the widget's app (its effects, timers and listeners) and parks its root for the
    /// next widget; safe to call twice.
    pub fn unmount(&mut self) {
        if let Some(root) = self.root.take() {
            roots::park(root);
        }
    }

    /// `{ bankId, answered, correct, total, rounds, bestPercent }`, or `null` until the
    /// bank has loaded.
    #[wasm_bindgen(getter)]
    pub fn progress(&self) -> JsValue {
        match &*self.summary.borrow() {
            Some(s) => services::events::summary_object(s).into(),
            None => JsValue::NULL,
        }
    }
}

/// Renders a widget into `root` (an element inside the shadow root), reading settings from
/// `host`'s attributes and dispatching events on `host`. `default_bank` is the URL of the
/// bundled bank, resolved by the loader against its own URL. The loader has already
/// requested the bank at `requested_url` (in parallel with the wasm): `requested` is the
/// promise of that response, used when it is the bank this widget asks for.
#[wasm_bindgen]
pub fn mount(
    root: Element,
    host: HtmlElement,
    default_bank: String,
    requested_url: Option<String>,
    requested: Option<js_sys::Promise>,
) -> Handle {
    let (mut config, problems) = config::from_attributes(&|name| host.get_attribute(name));
    if config.instance.is_empty() {
        config.instance = same_bank_position(&host);
    }
    // In English for the site's developers; the widget shows them in its own language.
    for p in &problems {
        let line = crate::text::ignored(crate::text::Lang::En, p);
        web_sys::console::warn_1(&["<checkpoint-quiz>: ", &line].concat().into());
    }
    let summary = SummaryCell::default();
    let props = app::AppProps {
        host,
        config: Rc::new(config),
        problems: Rc::new(problems),
        default_bank: default_bank.into(),
        requested: requested_url
            .zip(requested)
            .map(|(url, p)| services::fetch::Requested { url, response: p }),
        summary: summary.clone(),
    };
    Handle {
        root: Some(roots::start(root, props)),
        summary,
    }
}

/// For a widget without an `id`: "" if it is the first on the page showing its bank, else
/// its position ("2", "3", …), so two such widgets keep separate rounds.
fn same_bank_position(host: &HtmlElement) -> String {
    let bank = host.get_attribute("bank");
    let Some(list) = host
        .owner_document()
        .and_then(|d| d.query_selector_all("checkpoint-quiz").ok())
    else {
        return String::new();
    };
    let mut position = 0;
    let mut found = false;
    for i in 0..list.length() {
        let Some(el) = list.item(i).and_then(|n| n.dyn_into::<Element>().ok()) else {
            continue;
        };
        if el.get_attribute("bank") == bank && el.get_attribute("id").is_none() {
            position += 1;
        }
        if &el == host.as_ref() {
            found = true;
            break;
        }
    }
    // Not in the document's own tree (inside another component's shadow root): no guess.
    if !found || position <= 1 {
        String::new()
    } else {
        position.to_string()
    }
}
