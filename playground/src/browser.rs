//! The few browser calls the playground makes: object URLs, a download, the clipboard, a
//! file's text, the editor's caret, and the draft kept in localStorage.

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{Blob, BlobPropertyBag, HtmlAnchorElement, HtmlTextAreaElement, Url};

/// A `blob:` URL holding `text` as JSON: how the preview widget gets its bank, with no
/// server and no change to the widget (it fetches its `bank` attribute like any URL).
pub fn json_url(text: &str) -> Option<String> {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = BlobPropertyBag::new();
    options.set_type("application/json");
    let blob = Blob::new_with_str_sequence_and_options(&parts, &options).ok()?;
    Url::create_object_url_with_blob(&blob).ok()
}

pub fn revoke(url: &str) {
    let _ = Url::revoke_object_url(url);
}

/// Offers `text` as a JSON file named `name` to save.
pub fn download(name: &str, text: &str) -> bool {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return false;
    };
    let Some(url) = json_url(text) else {
        return false;
    };
    let Some(a) = document
        .create_element("a")
        .ok()
        .and_then(|a| a.dyn_into::<HtmlAnchorElement>().ok())
    else {
        revoke(&url);
        return false;
    };
    a.set_href(&url);
    a.set_download(name);
    a.click();
    // Revoke later: the browser may read the URL after click() returns.
    gloo::timers::callback::Timeout::new(60_000, move || revoke(&url)).forget();
    true
}

/// Copies `text` with the asynchronous clipboard API; `false` when there is none (an
/// insecure context) or the browser refuses.
pub async fn copy(text: &str) -> bool {
    let Some(navigator) = web_sys::window().map(|w| w.navigator()) else {
        return false;
    };
    let has_clipboard = js_sys::Reflect::get(&navigator, &JsValue::from_str("clipboard"))
        .is_ok_and(|c| !c.is_undefined() && !c.is_null());
    if !has_clipboard {
        return false;
    }
    JsFuture::from(navigator.clipboard().write_text(text))
        .await
        .is_ok()
}

/// The text of a picked or dropped file.
pub async fn read_text(file: &web_sys::File) -> Option<String> {
    JsFuture::from(file.text()).await.ok()?.as_string()
}

/// Puts the editor's caret at `offset` (UTF-16 units), focuses it and scrolls the line
/// into view (focus brings the editor itself into view). The editor does not wrap lines,
/// so the line height gives the line's place.
pub fn place_caret(editor: &HtmlTextAreaElement, offset: u32, line: usize, column: usize) {
    let _ = editor.focus();
    let _ = editor.set_selection_range(offset, offset);
    let style = web_sys::window().and_then(|w| w.get_computed_style(editor).ok().flatten());
    let px = |name: &str| {
        style
            .as_ref()
            .and_then(|s| s.get_property_value(name).ok())
            .and_then(|v| v.trim_end_matches("px").parse::<f64>().ok())
    };
    let line_height = px("line-height").unwrap_or(20.0);
    let char_width = px("font-size").unwrap_or(16.0) * 0.6;
    let height = f64::from(editor.client_height());
    let width = f64::from(editor.client_width());
    let top = (line.saturating_sub(1) as f64) * line_height - height / 3.0;
    let left = (column.saturating_sub(1) as f64) * char_width - width / 2.0;
    editor.set_scroll_top(top.max(0.0) as i32);
    editor.set_scroll_left(left.max(0.0) as i32);
}

/// Selects all of a read-only text box's text (the fallback when copying is refused).
pub fn select_all(text: &HtmlTextAreaElement) {
    let _ = text.focus();
    text.select();
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

pub fn load(key: &str) -> Option<String> {
    storage()?.get_item(key).ok().flatten()
}

pub fn save(key: &str, value: &str) {
    if let Some(s) = storage() {
        let _ = s.set_item(key, value);
    }
}

pub fn remove(key: &str) {
    if let Some(s) = storage() {
        let _ = s.remove_item(key);
    }
}
