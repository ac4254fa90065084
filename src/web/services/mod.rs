//! Browser adapters: storage, bank requests, files, host-page events, and the clock and
//! randomness the core takes as arguments. Components and hooks reach the browser here.

pub(crate) mod events;
pub(crate) mod fetch;
pub(crate) mod files;
pub(crate) mod locale;
pub mod storage;

/// The browser's clock, in ms since the epoch.
pub(crate) fn now_ms() -> i64 {
    js_sys::Date::now() as i64
}

/// A seed for drawing a round, from the browser's random numbers.
pub(crate) fn random_seed() -> u64 {
    (js_sys::Math::random() * 9_007_199_254_740_992.0) as u64
}
