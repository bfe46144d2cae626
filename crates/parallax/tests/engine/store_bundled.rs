//! The demo's articles are embedded: a saved demo comparison does not look for them on disk.
//! (An engine test rather than a unit test of the store: the demo sits above the store.)

use std::path::Path;

use parallax::annotate::Notes;
use parallax::document::LoadOptions;
use parallax::store::{Saved, SourceState};
use parallax::{Comparison, demo};

/// Whatever is (or is not) at their paths, a saved demo comparison has no source to call
/// gone or changed. Files named the same are still checked.
#[test]
fn bundled_sources_are_not_looked_for_on_disk() {
    let load = LoadOptions::default();
    let demo = Comparison::build(demo::documents(), &Default::default()).unwrap();
    let saved = Saved::new("demo", demo, Notes::default(), 0);
    assert!(saved.sources.iter().all(|s| s.absolute.is_none()));
    let states = saved.check_sources(&load);
    assert!(
        states.iter().all(|s| *s == SourceState::Bundled),
        "{states:?}"
    );
    let back = Saved::from_slice(Path::new("demo.parallax.json"), saved.to_json().as_bytes());
    assert_eq!(back.unwrap().check_sources(&load), states);

    let cmp = crate::support::two(
        "The mayor, 56, opened the bridge on Monday. Crowds cheered loudly.\n\nRain fell later.",
        "On Monday the mayor, 62, opened the bridge. It cost $2 million.",
    );
    let files = Saved::new("files", cmp, Notes::default(), 0);
    assert!(!files.to_json().contains("bundled"));
    assert_eq!(
        files.check_sources(&load),
        vec![SourceState::Missing, SourceState::Missing]
    );
}
