//! The bank playground (`playground.html`): paste, type or drop a bank in JSON, GIFT or
//! Aiken; every problem with its line and column; the real widget previewing the bank;
//! controls for the widget's attributes and the embed snippet they make.
//!
//! `report` and `settings` are plain Rust over the library's validator, span lookup,
//! importers and attribute reader (tested natively); `app` is the yew page, wasm only.

pub mod report;
pub mod settings;

#[cfg(target_arch = "wasm32")]
mod app;
#[cfg(target_arch = "wasm32")]
mod browser;

/// Starts the page when the wasm module is instantiated.
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen::prelude::wasm_bindgen(start)]
pub fn start() {
    app::start();
}
