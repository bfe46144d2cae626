//! A note survives save → reopen → export to Markdown, HTML and JSON; a refresh after the
//! sources changed moves notes to their text and keeps the ones it cannot place; notes saved
//! by an older Parallax (schema version 1) survive opening it with this one.

use std::path::Path;
use std::process::Output;

use parallax::annotate::{Anchor, Notes};
use parallax::document::{self, LoadOptions};
use parallax::store::{self, SourceState, Store};
use parallax::{Comparison, LinkId, Options, SegmentId, SourceId};

const A: &str = "Bridge opens\n\nThe mayor, 56, opened the new bridge on Monday morning. Crowds cheered along the river bank.\n\nRain fell later in the evening, and the fair closed early.\n";
const B: &str = "Town gets its bridge\n\nOn Monday morning the mayor, 62, opened the new bridge. The project cost $2 million in all.\n";

fn parallax(data: &Path, cwd: &Path, args: &[&str]) -> Output {
    let mut cmd = crate::support::parallax(&[]);
    cmd.args(args);
    // `align` keeps nothing, so it takes no data directory.
    if args.first() != Some(&"align") {
        cmd.arg("--data-dir").arg(data);
    }
    cmd.current_dir(cwd)
        .env_remove("PARALLAX_DATA_DIR")
        .output()
        .unwrap()
}

fn setup(dir: &Path) -> (Comparison, Notes) {
    std::fs::write(dir.join("a.txt"), A).unwrap();
    std::fs::write(dir.join("b.txt"), B).unwrap();
    let load =
        |f: &str| document::load(dir.join(f).to_str().unwrap(), &LoadOptions::default()).unwrap();
    let cmp = Comparison::build(vec![load("a.txt"), load("b.txt")], &Options::default()).unwrap();
    let mut notes = Notes::default();
    let rain = (0..cmp.sources[0].segments.len())
        .map(SegmentId)
        .find(|&i| cmp.sources[0].segment_text(i).starts_with("Rain"))
        .unwrap();
    let id = notes
        .add(
            &cmp,
            Anchor::Passage {
                source: SourceId(0),
                segment: rain,
            },
            "Only A mentions the rain <b>\nsecond line",
            100,
        )
        .unwrap();
    notes.set_tag(id, "unverified", true, 101).unwrap();
    let link = Anchor::link(&cmp, SourceId(0), SourceId(1), LinkId(0)).expect("a link");
    notes
        .add(&cmp, link, "Age differs: 56 vs 62 — check", 102)
        .unwrap();
    (cmp, notes)
}

#[test]
fn note_survives_save_reopen_and_every_export() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let (cmp, notes) = setup(dir.path());
    Store::new(&data).save("bridge", &cmp, &notes, 200).unwrap();

    // Reopen in the engine: exactly what was saved.
    let saved = Store::new(&data).load("bridge").unwrap();
    assert_eq!(saved.notes, notes);
    assert_eq!(saved.comparison, cmp);
    assert!(
        saved
            .check_sources(&LoadOptions::default())
            .iter()
            .all(|s| *s == SourceState::Unchanged)
    );

    // Reopen and list from the command line.
    let out = parallax(&data, dir.path(), &["open", "bridge"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("Only A mentions the rain") && text.contains("[unverified]"),
        "{text}"
    );
    let list = String::from_utf8(parallax(&data, dir.path(), &["list"]).stdout).unwrap();
    let row = list.lines().find(|l| l.starts_with("bridge")).expect(&list);
    assert!(
        row.contains(" 2 ") && row.contains("Town gets its bridge"),
        "{row}"
    );

    // Export to each format, by name and by path.
    let file = data.join("comparisons/bridge.parallax.json");
    for (fmt, out_name) in [("md", "r.md"), ("html", "r.html"), ("json", "r.json")] {
        let target = if fmt == "json" {
            file.to_str().unwrap()
        } else {
            "bridge"
        };
        let out = parallax(
            &data,
            dir.path(),
            &["export", target, "--format", fmt, "-o", out_name],
        );
        assert!(
            out.status.success(),
            "{fmt}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let said = String::from_utf8_lossy(&out.stderr);
        assert!(!said.contains("though its name says"), "{said}");
    }
    // Written as asked under a name that says another format, and said.
    let out = parallax(
        &data,
        dir.path(),
        &["export", "bridge", "--format", "md", "-o", "r2.html"],
    );
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{said}");
    assert!(said.contains("as md, though its name says html"), "{said}");
    let md = std::fs::read_to_string(dir.path().join("r.md")).unwrap();
    assert!(
        // The note's line break is a hard break (a backslash at the line's end): rendered, its
        // lines stay apart.
        md.contains("> Only A mentions the rain \\<b\\>\\\n  > second line"),
        "{md}"
    );
    assert!(md.contains("**Note** [unverified]") && md.contains("Age differs: 56 vs 62"));
    let html = std::fs::read_to_string(dir.path().join("r.html")).unwrap();
    assert!(html.contains("Only A mentions the rain &lt;b&gt;<br>second line"));
    assert!(html.contains("<span class=\"tag\">unverified</span>"));
    assert!(
        html.contains("<b>link 1 of A and B</b>"),
        "link note placed beside its link"
    );
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.path().join("r.json")).unwrap()).unwrap();
    assert_eq!(json["format"], "parallax-report");
    let notes_json = json["notes"].as_array().unwrap();
    assert_eq!(notes_json.len(), 2);
    let rain = notes_json
        .iter()
        .find(|n| n["text"].as_str().unwrap().contains("rain"))
        .unwrap();
    assert_eq!(rain["anchor"]["kind"], "passage");
    assert_eq!(rain["tags"], serde_json::json!(["unverified"]));
    assert_eq!(rain["created"], "1970-01-01T00:01:40Z");
    let link = notes_json
        .iter()
        .find(|n| n["anchor"]["kind"] == "link")
        .unwrap();
    assert_eq!(link["anchor"]["link"], 0);
    assert_eq!(link["quotes"].as_array().unwrap().len(), 2);
    // The report part is the contract as `align` prints it.
    assert_eq!(
        json["links"].as_array().unwrap().len(),
        cmp.pairs[0].alignment.links.len()
    );
}

#[test]
fn changed_source_is_reported_and_refresh_places_notes_again() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let (cmp, notes) = setup(dir.path());
    let store = Store::new(&data);
    let file = store.save("bridge", &cmp, &notes, 200).unwrap();

    // The rain sentence goes, a sentence comes in front: passage ids shift.
    let a2 = A
        .replace(
            "Rain fell later in the evening, and the fair closed early.\n",
            "",
        )
        .replace(
            "The mayor, 56,",
            "Officials gathered early.\n\nThe mayor, 56,",
        );
    std::fs::write(dir.path().join("a.txt"), a2).unwrap();

    let out = parallax(&data, dir.path(), &["open", "bridge"]);
    assert!(out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("source A") && err.contains("changed since saving; showing the saved text"),
        "{err}"
    );
    assert!(
        String::from_utf8_lossy(&out.stdout).contains("Rain fell"),
        "saved text shown"
    );
    assert_eq!(
        store::load_file(&file).unwrap().notes,
        notes,
        "open alone writes nothing"
    );

    let out = parallax(&data, dir.path(), &["open", "bridge", "--refresh", "--yes"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("1 moved to matching text, 1 detached"),
        "{err}"
    );
    let after = store::load_file(&file).unwrap();
    assert_eq!(after.notes.len(), 2, "no note dropped");
    let detached = after.notes.detached();
    assert_eq!(detached.len(), 1);
    assert!(
        detached[0].text.contains("rain") && detached[0].quotes[0].text.starts_with("Rain fell")
    );
    let link = after
        .notes
        .ordered()
        .into_iter()
        .find(|n| !n.is_detached())
        .unwrap();
    assert!(
        link.anchor
            .as_ref()
            .unwrap()
            .find_link(&after.comparison)
            .is_some()
    );
    // The previous version is the backup, and the export lists the detached note.
    assert_eq!(
        store::load_file(&store::backup_path(&file)).unwrap().notes,
        notes
    );
    let out = parallax(
        &data,
        dir.path(),
        &["export", "bridge", "--format", "md", "-o", "-"],
    );
    let md = String::from_utf8(out.stdout).unwrap();
    assert!(
        md.contains("## Detached notes") && md.contains("**A, was:** Rain fell"),
        "{md}"
    );
    // No ">" line left dangling after the quote.
    assert!(!md.contains("\n>\n\n"), "{md}");

    // A missing source: the saved text is used and the reader is told.
    std::fs::remove_file(dir.path().join("b.txt")).unwrap();
    let out = parallax(&data, dir.path(), &["open", "bridge"]);
    assert!(out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("source B (") && err.contains("b.txt) is gone; using the saved text"),
        "{err}"
    );
}

#[test]
fn refresh_with_nothing_changed_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let (cmp, notes) = setup(dir.path());
    let file = Store::new(&data).save("bridge", &cmp, &notes, 200).unwrap();
    let before = std::fs::read(&file).unwrap();
    let out = parallax(&data, dir.path(), &["open", "bridge", "--refresh", "--yes"]);
    assert!(out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("2 in place, 0 moved to matching text, 0 detached"),
        "{err}"
    );
    assert!(err.contains("nothing changed"), "{err}");
    assert_eq!(std::fs::read(&file).unwrap(), before);
    assert!(!store::backup_path(&file).exists());
}

#[test]
fn the_cli_takes_either_format_name_and_quotes_names_in_its_hints() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    setup(dir.path());
    let ok = |args: &[&str]| {
        let out = parallax(&data, dir.path(), args);
        let err = String::from_utf8_lossy(&out.stderr).into_owned();
        assert!(out.status.success(), "{args:?}: {err}");
        String::from_utf8(out.stdout).unwrap()
    };
    // `md` and `markdown` name one format in both commands.
    assert_eq!(
        ok(&["align", "a.txt", "b.txt", "--format", "md"]),
        ok(&["align", "a.txt", "b.txt", "--format", "markdown"])
    );
    ok(&["save", "bridge check", "a.txt", "b.txt"]);
    let md = ok(&["export", "bridge check", "--format", "markdown"]);
    assert!(md.starts_with("# ") && md.contains("a.txt"), "{md}");
    assert_eq!(
        md,
        ok(&["export", "bridge check", "--format", "md", "-o", "-"])
    );
    // Saving again is refused with a hint that works when pasted into a shell.
    let out = parallax(
        &data,
        dir.path(),
        &["save", "bridge check", "a.txt", "b.txt"],
    );
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success());
    assert!(err.contains("`parallax open 'bridge check'`"), "{err}");
}

/// A comparison saved by Parallax before version 2 of the saved format is listed with its
/// notes and exports as that Parallax exported it (links, facts and notes; the claims across
/// sources are rebuilt by today's rules, which no longer chain; the word changes name the
/// words one side adds or drops too; and a note on a passage of several pairs is written
/// under the first only); its file is left as it was.
#[test]
fn a_comparison_saved_by_an_older_parallax_exports_as_it_did() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let file = data.join("comparisons/cabello-v1.parallax.json");
    std::fs::create_dir_all(file.parent().unwrap()).unwrap();
    std::fs::copy(crate::support::fixture("cabello-v1.parallax.json"), &file).unwrap();
    let bytes = std::fs::read(&file).unwrap();
    let mtime = std::fs::metadata(&file).unwrap().modified().unwrap();

    let list = parallax(&data, dir.path(), &["list"]);
    assert!(list.status.success());
    let list = String::from_utf8(list.stdout).unwrap();
    let line = list.lines().find(|l| l.starts_with("cabello-v1")).unwrap();
    assert_eq!(line.split_whitespace().nth(2), Some("3"), "3 notes: {list}");

    let md = parallax(
        &data,
        dir.path(),
        &["export", "cabello-v1", "--format", "md"],
    );
    assert!(
        md.status.success(),
        "{}",
        String::from_utf8_lossy(&md.stderr)
    );
    let before = std::fs::read_to_string(crate::support::fixture("cabello-v1.export.md")).unwrap();
    let md = String::from_utf8(md.stdout).unwrap();
    assert_eq!(md, before);
    // A note on a passage of C, which is in two pairs, is written once, and found again.
    assert_eq!(md.matches("Only the blog says this.").count(), 1);
    assert_eq!(
        md.matches("*The note on this passage is under A and C.*")
            .count(),
        1
    );

    assert_eq!(
        std::fs::read(&file).unwrap(),
        bytes,
        "the file is only read"
    );
    assert_eq!(std::fs::metadata(&file).unwrap().modified().unwrap(), mtime);
}

/// An export to a symbolic link is refused in one line that says why once, and the link
/// and the file it points to are left as they are.
#[cfg(unix)]
#[test]
fn an_export_to_a_link_is_refused_in_one_line_saying_why_once() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let (cmp, notes) = setup(dir.path());
    Store::new(&data).save("bridge", &cmp, &notes, 200).unwrap();
    std::fs::write(dir.path().join("mine.md"), "my own file\n").unwrap();
    std::os::unix::fs::symlink("mine.md", dir.path().join("link.md")).unwrap();
    let out = parallax(
        &data,
        dir.path(),
        &["export", "bridge", "--format", "md", "-o", "link.md"],
    );
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.contains("link.md: could not write: not a regular file"),
        "{err}"
    );
    assert_eq!(err.matches("left as it is").count(), 1, "{err}");
    let kept = std::fs::read_to_string(dir.path().join("mine.md")).unwrap();
    assert_eq!(kept, "my own file\n");
    assert!(
        std::fs::symlink_metadata(dir.path().join("link.md"))
            .unwrap()
            .is_symlink()
    );
}

/// `parallax delete` takes a comparison off the list and says where its file is kept; the
/// notes in it are all there.
#[test]
fn a_deleted_comparison_leaves_the_list_and_its_notes_are_kept() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let (cmp, notes) = setup(dir.path());
    Store::new(&data).save("bridge", &cmp, &notes, 200).unwrap();
    let out = parallax(&data, dir.path(), &["delete", "bridge"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{err}");
    assert!(
        err.contains("deleted bridge; its file is kept as "),
        "{err}"
    );
    let list = parallax(&data, dir.path(), &["list"]);
    assert!(list.stdout.is_empty(), "{list:?}");
    let kept = data.join("comparisons/bridge.parallax.json.deleted");
    assert_eq!(store::load_file(&kept).unwrap().notes, notes);
    let again = parallax(&data, dir.path(), &["delete", "bridge"]);
    assert_eq!(again.status.code(), Some(2));
}

/// `export -o` never writes over the comparison's own file or one of its sources (the notes
/// or the text compared would be gone), and over any other existing file only with
/// `--force`; each refusal is one line naming the file, and the file is left as it was.
#[test]
fn an_export_never_replaces_the_comparison_or_its_sources_and_asks_for_force_elsewhere() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let (cmp, notes) = setup(dir.path());
    Store::new(&data).save("bridge", &cmp, &notes, 200).unwrap();
    Store::new(&data).save("bridge", &cmp, &notes, 201).unwrap();
    let saved = data.join("comparisons/bridge.parallax.json");
    let saved_bytes = std::fs::read(&saved).unwrap();
    let backup = store::backup_path(&saved);
    let backup_bytes = std::fs::read(&backup).unwrap();
    std::fs::write(dir.path().join("mine.md"), "my own file\n").unwrap();
    let export = |out: &str, extra: &[&str]| {
        let mut args = vec!["export", "bridge", "--format", "md", "-o", out];
        args.extend(extra);
        parallax(&data, dir.path(), &args)
    };
    let refused = |out: Output, says: &str| {
        assert_eq!(out.status.code(), Some(2), "{out:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(err.contains(says), "{err}");
    };
    refused(
        export(saved.to_str().unwrap(), &["--force"]),
        "is the saved comparison itself",
    );
    refused(
        export(backup.to_str().unwrap(), &["--force"]),
        "is the saved comparison itself or its backup",
    );
    refused(
        export("a.txt", &["--force"]),
        "is source A of the comparison",
    );
    assert_eq!(std::fs::read(&backup).unwrap(), backup_bytes);
    refused(
        export("mine.md", &[]),
        "mine.md: exists already; pass --force",
    );
    assert_eq!(std::fs::read(&saved).unwrap(), saved_bytes);
    assert_eq!(
        std::fs::read_to_string(dir.path().join("a.txt")).unwrap(),
        A
    );
    let mine = std::fs::read_to_string(dir.path().join("mine.md")).unwrap();
    assert_eq!(mine, "my own file\n");
    // With --force another file is replaced by the export.
    let out = export("mine.md", &["--force"]);
    assert!(out.status.success(), "{out:?}");
    let mine = std::fs::read_to_string(dir.path().join("mine.md")).unwrap();
    assert!(mine.contains("Only A mentions the rain"), "{mine}");
}

/// A correction by hand whose passages changed past placing is kept but no longer applied;
/// the refresh says so in a line of its own, not only in the notes' counts.
#[test]
fn a_refresh_says_when_a_correction_by_hand_no_longer_applies() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let (cmp, mut notes) = setup(dir.path());
    let starting = |k: usize, s: &str| {
        (0..cmp.sources[k].segments.len())
            .map(SegmentId)
            .find(|&i| cmp.sources[k].segment_text(i).starts_with(s))
            .unwrap()
    };
    let (rain, cost) = (starting(0, "Rain fell"), starting(1, "The project cost"));
    notes
        .link_by_hand(&cmp, (SourceId(0), rain), (SourceId(1), cost), 150)
        .unwrap();
    Store::new(&data).save("bridge", &cmp, &notes, 200).unwrap();
    let a2 = A.replace(
        "Rain fell later in the evening, and the fair closed early.\n",
        "",
    );
    std::fs::write(dir.path().join("a.txt"), a2).unwrap();
    let out = parallax(&data, dir.path(), &["open", "bridge", "--refresh", "--yes"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{err}");
    let line: Vec<&str> = err.lines().filter(|l| l.contains("by hand")).collect();
    assert_eq!(line.len(), 1, "{err}");
    assert!(
        line[0].contains("1 correction by hand no longer applies"),
        "{err}"
    );
}

/// Notes a stopped reader rescued under a new name after the comparison was saved are not
/// in it: opening the comparison says where they are (they were found only by `list`).
#[test]
fn opening_a_comparison_names_its_newer_rescued_notes() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let (cmp, notes) = setup(dir.path());
    let store = Store::new(&data);
    let file = store.save("bridge", &cmp, &notes, 200).unwrap();
    let old = std::time::SystemTime::UNIX_EPOCH + std::time::Duration::from_secs(1_600_000_000);
    let set = |p: &Path, t| {
        std::fs::File::options()
            .write(true)
            .open(p)
            .unwrap()
            .set_modified(t)
            .unwrap()
    };
    set(&file, old);
    // An older rescue is no news; the newer one is named.
    let stale = store.save("bridge-unsaved-100", &cmp, &notes, 90).unwrap();
    set(&stale, old - std::time::Duration::from_secs(60));
    store.save("bridge-unsaved-300", &cmp, &notes, 300).unwrap();
    let out = parallax(&data, dir.path(), &["open", "bridge"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{err}");
    assert!(
        err.contains("newer unsaved notes were kept as \"bridge-unsaved-300\", not in this file")
            && err.contains("parallax open bridge-unsaved-300"),
        "{err}"
    );
    assert!(!err.contains("bridge-unsaved-100"), "{err}");
}
