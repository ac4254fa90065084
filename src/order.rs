//! Ordering the short lists the widget sorts (chosen answers, topics, due questions,
//! diagnostics) with an insertion sort: each use of the standard library's sort adds a
//! few KB of wasm per element type, and these lists hold tens to hundreds of items.

/// Sorts by `key`, stable (equal keys keep their order).
pub fn sort_by_key<T, K: Ord>(items: &mut [T], key: impl Fn(&T) -> K) {
    for i in 1..items.len() {
        let mut j = i;
        while j > 0 && key(&items[j - 1]) > key(&items[j]) {
            items.swap(j - 1, j);
            j -= 1;
        }
    }
}

/// Sorts choice indices ascending.
pub fn sort(items: &mut [usize]) {
    sort_by_key(items, |&i| i);
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn sorts_like_the_standard_stable_sort(v in prop::collection::vec((0u8..5, 0u16..1000), 0..60)) {
            let mut ours = v.clone();
            sort_by_key(&mut ours, |p| p.0);
            let mut std = v;
            std.sort_by_key(|p| p.0);
            prop_assert_eq!(ours, std);
        }
    }
}
