//! `Comparison::build` called from rayon's own workers, as a library user's parallel loop
//! over many sets of documents would: every worker of the pool builds at once, so none is
//! free for work a build hands to the pool from a thread of its own. Such a build waited
//! for ever (the fact extraction's thread compiled its patterns on the pool while the
//! worker that started the build waited for that thread).

use std::sync::mpsc;
use std::time::Duration;

use parallax::{Comparison, Options};

#[test]
fn builds_on_every_worker_of_the_pool_at_once_all_finish() {
    let (done, finished) = mpsc::channel();
    std::thread::spawn(move || {
        let links = rayon::broadcast(|_| {
            let docs: Vec<_> = parallax::demo::documents().into_iter().take(2).collect();
            let options = Options {
                fast: true,
                ..Options::default()
            };
            let cmp = Comparison::build(docs, &options).expect("builds");
            cmp.pairs[0].alignment.links.len()
        });
        done.send(links).ok();
    });
    // A hang shows as a failure, not as a test run that never ends.
    let links = finished
        .recv_timeout(Duration::from_secs(120))
        .expect("every build finished within two minutes");
    assert!(links.iter().all(|&n| n > 0), "{links:?}");
}
