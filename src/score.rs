//! Scoring: an answer is right only when exactly the correct set was chosen.

use crate::bank::Answer;

/// `chosen` in any order; for select-all, every right choice and no wrong one.
pub fn is_correct(answer: &Answer, chosen: &[usize]) -> bool {
    let mut chosen = chosen.to_vec();
    chosen.sort_unstable();
    chosen.dedup();
    chosen == answer.indices()
}

/// Whole percent, rounded down, so 69.9% never shows as a pass at a 70% mark.
pub fn percent(score: usize, total: usize) -> u8 {
    (score * 100)
        .checked_div(total)
        .map_or(0, |p| p.min(100) as u8)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn single_answer() {
        assert!(is_correct(&Answer::Single(2), &[2]));
        assert!(!is_correct(&Answer::Single(2), &[1]));
        assert!(!is_correct(&Answer::Single(2), &[]));
        assert!(!is_correct(&Answer::Single(2), &[2, 1]));
    }

    #[test]
    fn select_all_needs_exactly_the_right_set() {
        let a = Answer::Multiple(vec![0, 2]);
        assert!(is_correct(&a, &[2, 0]));
        assert!(is_correct(&a, &[0, 2, 2]));
        assert!(!is_correct(&a, &[0]), "a partial set is wrong");
        assert!(!is_correct(&a, &[0, 1, 2]), "an extra choice is wrong");
        assert!(!is_correct(&a, &[]));
    }

    #[test]
    fn percent_rounds_down() {
        assert_eq!(percent(7, 10), 70);
        assert_eq!(percent(2, 3), 66);
        assert_eq!(percent(0, 0), 0);
        assert_eq!(percent(3, 3), 100);
    }
}
