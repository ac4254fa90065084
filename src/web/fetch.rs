//! Loading a bank over HTTP, with failures worded for the person looking at the page.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::Response;

pub async fn text(url: &str) -> Result<String, String> {
    let window = web_sys::window().ok_or_else(|| "no browser window".to_string())?;
    let response = JsFuture::from(window.fetch_with_str(url))
        .await
        .map_err(|_| "the request failed (offline, a wrong address, or the server does not allow this site to read it)".to_string())?;
    let response: Response = response
        .dyn_into()
        .map_err(|_| "the server's answer was not readable".to_string())?;
    if !response.ok() {
        let mut m = "the server answered ".to_string();
        m.push_str(&response.status().to_string());
        let reason = response.status_text();
        if !reason.is_empty() {
            m.push(' ');
            m.push_str(&reason);
        }
        return Err(m);
    }
    let body = response
        .text()
        .map_err(|_| "the server's answer was not readable".to_string())?;
    JsFuture::from(body)
        .await
        .ok()
        .and_then(|t| t.as_string())
        .ok_or_else(|| "the server's answer was not readable text".to_string())
}
