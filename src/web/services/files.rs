//! Files in and out of the browser: a download built from text, and a picked file's text.

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{Blob, BlobPropertyBag, HtmlAnchorElement, Url};

/// Offers `text` as a JSON file named `name` to save.
pub fn download(name: &str, text: &str) -> Result<(), ()> {
    let document = web_sys::window().and_then(|w| w.document()).ok_or(())?;
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = BlobPropertyBag::new();
    options.set_type("application/json");
    let blob = Blob::new_with_str_sequence_and_options(&parts, &options).map_err(|_| ())?;
    let url = Url::create_object_url_with_blob(&blob).map_err(|_| ())?;
    let a: HtmlAnchorElement = document
        .create_element("a")
        .map_err(|_| ())?
        .dyn_into()
        .map_err(|_| ())?;
    a.set_href(&url);
    a.set_download(name);
    a.click();
    // Revoke later: some browsers read the URL after click() returns.
    let _ = gloo::timers::callback::Timeout::new(60_000, move || {
        let _ = Url::revoke_object_url(&url);
    })
    .forget();
    Ok(())
}

/// The text of a file the learner picked, or `None` if it can't be read.
pub async fn read_text(file: &web_sys::File) -> Option<String> {
    JsFuture::from(file.text()).await.ok()?.as_string()
}
