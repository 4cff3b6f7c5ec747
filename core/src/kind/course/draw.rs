//! Which quiz questions an attempt asks and in which order their options are shown: drawn
//! from the module's pool with a seed the caller passes in (the core has no randomness), so
//! the same seed always gives the same draw. Questions not asked in the last attempt come
//! first; a question asked again never shows its options in the order it had last time.

use super::{Module, ShownQuestion};

/// SplitMix64: a small, well-mixed generator; enough to shuffle a quiz, not for secrets.
struct SplitMix64(u64);

impl SplitMix64 {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A uniform index below `bound` (`bound` > 0), by rejection so no index is favoured.
    fn below(&mut self, bound: usize) -> usize {
        let bound = bound as u64;
        let zone = u64::MAX - u64::MAX % bound;
        loop {
            let value = self.next();
            if value < zone {
                return usize::try_from(value % bound).unwrap_or(0);
            }
        }
    }

    fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            let j = self.below(i + 1);
            items.swap(i, j);
        }
    }
}

/// Draws an attempt of `module`'s quiz: `Quiz::asked()` questions, those not in `last` (the
/// previous attempt as shown) first, in random order, each with its options shuffled. A
/// question also in `last` whose options came out in last time's order is rotated by one,
/// so a retake never repeats an option order.
pub(crate) fn draw(module: &Module, last: &[ShownQuestion], seed: u64) -> Vec<ShownQuestion> {
    let mut rng = SplitMix64(seed);
    let asked_before = |id: &str| last.iter().any(|shown| shown.question == id);
    let mut pool: Vec<(bool, u64, usize)> = module
        .quiz
        .questions
        .iter()
        .enumerate()
        .map(|(index, q)| (asked_before(&q.id), rng.next(), index))
        .collect();
    pool.sort_unstable();
    let mut chosen: Vec<usize> = pool
        .into_iter()
        .take(module.quiz.asked())
        .map(|(_, _, index)| index)
        .collect();
    rng.shuffle(&mut chosen);
    chosen
        .into_iter()
        .filter_map(|index| module.quiz.questions.get(index))
        .map(|question| {
            let mut options: Vec<String> = question.options.iter().map(|o| o.id.clone()).collect();
            rng.shuffle(&mut options);
            let before = last.iter().find(|shown| shown.question == question.id);
            if before.is_some_and(|b| b.options == options) && options.len() > 1 {
                options.rotate_left(1);
            }
            ShownQuestion {
                question: question.id.clone(),
                options,
            }
        })
        .collect()
}

/// The questions an attempt asks when nothing was drawn (records saved before draws
/// existed): the first `Quiz::asked()` questions, options in the pack's order.
pub(crate) fn pack_order(module: &Module) -> Vec<ShownQuestion> {
    module
        .quiz
        .questions
        .iter()
        .take(module.quiz.asked())
        .map(|question| ShownQuestion {
            question: question.id.clone(),
            options: question.options.iter().map(|o| o.id.clone()).collect(),
        })
        .collect()
}
