//! Checkpoint Quiz: an embeddable practice-quiz widget.
//!
//! The pure core (everything but `web`) has no browser types and is tested with plain
//! `cargo test`; `web` is the yew view and the browser adapters, built only for wasm (and
//! not with `no-widget`, the playground's feature).

pub mod bank;
pub mod config;
pub mod convert;
pub mod markup;
pub mod mode;
pub mod overview;
pub mod progress;
pub mod random;
pub mod round;
pub mod schedule;
pub mod score;
pub mod session;
pub mod settings;
/// Line:column of validator diagnostics, for the authoring tools (`cqbank`, the
/// playground): in every native build, and in a wasm build with `every-problem` (the
/// playground). Compiled into the widget's wasm, even unused, it made that 512 bytes larger.
#[cfg(any(not(target_arch = "wasm32"), feature = "every-problem"))]
pub mod spans;
pub mod storage;
pub mod text;
pub mod timing;

/// This crate's version, the widget's (for pinned URLs in embed snippets).
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

#[cfg(test)]
pub(crate) mod fixtures;

#[cfg(all(target_arch = "wasm32", not(feature = "no-widget")))]
pub mod web;
