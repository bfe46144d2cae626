//! Progress as the reader's bar shows it: every stage counts, so the bar is full only when
//! the comparison is (on 6,000 sentences a side it once read "3/3 steps" while the facts of
//! every link were still being compared).

use std::sync::Mutex;

use parallax::comparison::{Progress, Stage};
use parallax::{Comparison, Options};

#[test]
fn progress_reaches_its_total_only_with_the_last_stage() {
    let docs: Vec<_> = parallax::demo::documents().into_iter().take(3).collect();
    let seen = Mutex::new(Vec::<Progress>::new());
    let options = Options {
        fast: true,
        ..Options::default()
    };
    Comparison::build_with_progress(docs, &options, &|p| seen.lock().unwrap().push(p)).unwrap();
    let mut seen = seen.into_inner().unwrap();
    seen.sort_by_key(|p| p.done);
    let total = seen[0].total;
    // Three sources, three pairs: each source segmented and read for facts, each pair
    // aligned and its facts compared, then the claims.
    assert_eq!(total, 3 + 3 + 3 + 3 + 1);
    let dones: Vec<usize> = seen.iter().map(|p| p.done).collect();
    assert_eq!(dones, (1..=total).collect::<Vec<_>>(), "each step once");
    let full: Vec<&Progress> = seen.iter().filter(|p| p.done == total).collect();
    assert_eq!(full.len(), 1);
    assert_eq!(full[0].stage, Stage::Claims, "full only at the end");
    // When the last pair is aligned, the bar still has the facts and claims to go.
    let aligned = seen
        .iter()
        .filter(|p| p.stage == Stage::Aligning)
        .map(|p| p.done)
        .max();
    let compared = seen
        .iter()
        .filter(|p| p.stage == Stage::Comparing)
        .map(|p| p.done)
        .min();
    assert!(aligned.unwrap() < compared.unwrap(), "{seen:?}");
    assert!(aligned.unwrap() <= total - 4, "{seen:?}");
}
