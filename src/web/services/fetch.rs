//! Loading a bank over HTTP, with failures worded for the person looking at the page.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::Response;

/// A request the loader started before the wasm was ready: its absolute URL and the
/// promise of its `Response`.
#[derive(Clone)]
pub struct Requested {
    pub url: String,
    pub response: js_sys::Promise,
}

/// Props compare requests by identity: the same promise is the same request.
impl PartialEq for Requested {
    fn eq(&self, other: &Self) -> bool {
        let (a, b): (&wasm_bindgen::JsValue, &wasm_bindgen::JsValue) =
            (self.response.as_ref(), other.response.as_ref());
        self.url == other.url && a == b
    }
}

/// Why a bank could not be fetched (the views put it into words).
#[derive(Clone, Debug, PartialEq)]
pub enum FetchError {
    NoWindow,
    /// Offline, a wrong address, or a server that does not allow this site to read it.
    Failed,
    /// The server answered with this status and status text.
    Status(u16, String),
    Unreadable,
}

/// The text at `url`; `requested` is used instead of a new request when the loader
/// already asked for the same address (it resolves relative URLs the way `fetch` does).
pub async fn text(url: &str, requested: Option<&Requested>) -> Result<String, FetchError> {
    let window = web_sys::window().ok_or(FetchError::NoWindow)?;
    let absolute = web_sys::Url::new_with_base(
        url,
        &window
            .document()
            .and_then(|d| d.base_uri().ok().flatten())
            .unwrap_or_default(),
    )
    .map(|u| u.href())
    .unwrap_or_default();
    let pending = match requested {
        Some(r) if r.url == absolute || r.url == url => r.response.clone(),
        _ => window.fetch_with_str(url),
    };
    let response = JsFuture::from(pending)
        .await
        .map_err(|_| FetchError::Failed)?;
    let response: Response = response.dyn_into().map_err(|_| FetchError::Unreadable)?;
    if !response.ok() {
        return Err(FetchError::Status(
            response.status(),
            response.status_text(),
        ));
    }
    // The bytes, copied once into wasm memory: `text()` would decode UTF-8 into a JS string
    // and wasm-bindgen encode it back, two passes over a 10 MB bank on a slow phone.
    let body = response
        .array_buffer()
        .map_err(|_| FetchError::Unreadable)?;
    let bytes = JsFuture::from(body)
        .await
        .map(|b| js_sys::Uint8Array::new(&b).to_vec())
        .map_err(|_| FetchError::Unreadable)?;
    // Invalid UTF-8 is replaced, as `text()` would do, rather than refused.
    Ok(String::from_utf8(bytes)
        .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned()))
}
