//! kill -9 during saves: whenever a writer dies, the file on disk is one of the versions it
//! wrote, whole and readable, never a mix or a fragment.
//!
//! The test runs its own binary again as the writer (the ignored `child_writer` below, with
//! an environment variable naming the data directory). The writer saves in a loop, one more
//! note each time, and the test kills it with SIGKILL after a short random delay (seeded,
//! so a failure can be replayed), then checks the file and its backup.

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use parallax::annotate::{Anchor, Notes};
use parallax::store::{self, Saved, Store};
use parallax::{Comparison, Options, SegmentId, SourceId};

const CHILD_ENV: &str = "PARALLAX_KILL_TEST_DATA";
const NAME: &str = "story";
const ROUNDS: usize = 40;
/// The test stops early rather than run past this, so that it stays quick on a slow disk.
const BUDGET: Duration = Duration::from_secs(15);

/// Version `k` of the notes: `k` notes, each fully determined by its number.
fn notes_upto(cmp: &Comparison, k: usize) -> Notes {
    let mut notes = Notes::default();
    for j in 0..k {
        add_note(cmp, &mut notes, j);
    }
    notes
}

fn add_note(cmp: &Comparison, notes: &mut Notes, j: usize) {
    let source = SourceId(j % cmp.sources.len());
    let segment = SegmentId((j * 7) % cmp.source(source).segments.len());
    let text = format!(
        "note {j}: {}",
        "a longer remark so that each save writes more. ".repeat(j % 5 + 1)
    );
    notes
        .add(cmp, Anchor::Passage { source, segment }, &text, j as u64)
        .unwrap();
}

/// The file as version `k` has it.
fn version(cmp: &Comparison, k: usize) -> Saved {
    Saved::new(NAME, cmp.clone(), notes_upto(cmp, k), 1_000 + k as u64)
}

#[test]
#[ignore = "the writer process that kill_9_during_save_leaves_old_or_new starts and kills"]
fn child_writer() {
    let data = std::env::var_os(CHILD_ENV).expect("run by the kill test only");
    let store = Store::new(data);
    let saved = store.load(NAME).unwrap();
    let cmp = saved.comparison;
    let mut notes = saved.notes;
    loop {
        let k = notes.len();
        add_note(&cmp, &mut notes, k);
        store
            .save(NAME, &cmp, &notes, 1_000 + k as u64 + 1)
            .unwrap();
    }
}

/// A tiny deterministic generator (xorshift64*): no extra crate for one test.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D) % n
    }
}

/// Which version the file at `path` is; panics when it is none of them.
fn which_version(path: &Path, cmp: &Comparison, at_most: usize) -> usize {
    let saved = store::load_file(path)
        .unwrap_or_else(|e| panic!("{} does not load after a kill: {e}", path.display()));
    let k = saved.notes.len();
    assert!(
        k <= at_most,
        "{} has {k} notes, more than ever written",
        path.display()
    );
    assert!(
        saved == version(cmp, k),
        "{} is not version {k} as written",
        path.display()
    );
    k
}

#[test]
fn kill_9_during_save_leaves_old_or_new() {
    let data = tempfile::tempdir().unwrap();
    let store = Store::new(data.path());
    let cmp = Comparison::build(parallax::demo::documents(), &Options::default()).unwrap();
    let path = store.path_of(NAME).unwrap();
    store::save_file(&path, &version(&cmp, 0)).unwrap();

    let mut rng = Rng(0x5EED_CAFE_F00D_0001);
    let start = Instant::now();
    let (mut last, mut rounds, mut mid_write) = (0, 0, 0);
    while rounds < ROUNDS && start.elapsed() < BUDGET {
        let mut child = Command::new(std::env::current_exe().unwrap())
            .args([
                "--ignored",
                "--exact",
                "store_kill::child_writer",
                "--test-threads=1",
            ])
            .env(CHILD_ENV, data.path())
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_millis(10 + rng.below(90)));
        child.kill().unwrap(); // SIGKILL on Unix: no destructor, no flush, no clean-up.
        let status = child.wait().unwrap();
        assert!(!status.success(), "the writer never stops by itself");
        rounds += 1;

        // Versions only grow: a later kill may leave the same or a newer one.
        let k = which_version(&path, &cmp, usize::MAX);
        assert!(k >= last, "the file went back from version {last} to {k}");
        last = k;
        let bak = store::backup_path(&path);
        if bak.exists() {
            let b = which_version(&bak, &cmp, k);
            assert!(b <= k);
        }
        // A temporary file left behind means this kill landed inside a save.
        let leftovers = std::fs::read_dir(store.dir())
            .unwrap()
            .flatten()
            .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
            .count();
        if leftovers > 0 {
            mid_write += 1;
            for e in std::fs::read_dir(store.dir()).unwrap().flatten() {
                if e.file_name().to_string_lossy().ends_with(".tmp") {
                    std::fs::remove_file(e.path()).unwrap();
                }
            }
        }
    }
    eprintln!(
        "kill -9: {rounds} rounds in {:.1?}, file reached version {last}, {mid_write} kills inside a save",
        start.elapsed()
    );
    assert!(rounds >= 10, "too few rounds to mean anything: {rounds}");
    assert!(last > 0, "the writer never completed a save");
}
