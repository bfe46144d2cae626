//! Saving, exporting and opening from the reader, as key sequences on the model and the
//! effects the app loop runs: a name asked the first time, never a file written by
//! `update`; a note surviving save, load and the three exports; opening a comparison whose
//! sources changed.

use crate::support;
use parallax_cli::tui;

use crate::support::{demo_model, draw, effect_of, on_unlinked, press, screen, type_keys};
use parallax::export::{ExportFormat, with_notes};
use parallax::store::Store;
use parallax::{SegmentId, SourceId};
use tui::action::Then;
use tui::action::{Action, Done, Effect};
use tui::dialog::{Dialog, export::Export, save::Save};
use tui::effects::{Env, run};
use tui::model::ViewMode;
use tui::update::update;

#[test]
fn s_asks_a_name_the_first_time_then_saves_under_it() {
    let mut m = demo_model(120, 40);
    assert_eq!(effect_of(&mut m, "s"), None);
    assert!(matches!(m.dialog, Some(Dialog::Save(Save::Name { .. }))));
    type_keys(&mut m, "a/b");
    assert_eq!(effect_of(&mut m, "enter"), None, "a path is refused");
    match &m.dialog {
        Some(Dialog::Save(Save::Name { error: Some(e), .. })) => {
            assert!(e.contains("separator"), "{e}")
        }
        _ => panic!("the name prompt stays open with the reason"),
    }
    for _ in 0..3 {
        press(&mut m, "backspace");
    }
    type_keys(&mut m, "story");
    let save = effect_of(&mut m, "enter");
    assert_eq!(
        save,
        Some(Effect::Save {
            name: "story".into(),
            replace: false,
            then: Then::Stay
        })
    );
    // Another comparison has that name: ask before replacing it.
    update(
        &mut m,
        Action::Done(Ok(Done::NameTaken("story".into(), Then::Stay))),
    );
    assert!(matches!(m.dialog, Some(Dialog::Save(Save::Overwrite(..)))));
    assert_eq!(
        effect_of(&mut m, "y"),
        Some(Effect::Save {
            name: "story".into(),
            replace: true,
            then: Then::Stay
        })
    );
    update(
        &mut m,
        Action::Done(Ok(Done::Saved("story".into(), Then::Stay))),
    );
    assert!(screen(&draw(&m)).contains("saved as story"));
    // Known name now: s saves straight away.
    assert!(matches!(
        effect_of(&mut m, "s"),
        Some(Effect::Save { replace: true, .. })
    ));
    // Errors are one line in the status.
    update(&mut m, Action::Done(Err("disk full\nmore".into())));
    assert_eq!(m.message.as_deref(), Some("disk full"));
}

#[test]
fn e_chooses_a_format_and_a_path_and_l_lists_and_jumps() {
    let mut m = demo_model(120, 40);
    press(&mut m, "e j");
    assert_eq!(
        effect_of(&mut m, "enter"),
        None,
        "the path prompt comes next"
    );
    match &m.dialog {
        Some(Dialog::Export(Export::Path { input, .. })) => {
            assert_eq!(input.as_str(), "parallax-comparison.html")
        }
        _ => panic!("path prompt expected"),
    }
    assert!(matches!(
        effect_of(&mut m, "enter"),
        Some(Effect::Export {
            format: ExportFormat::Html,
            replace: false,
            ..
        })
    ));
    // The proposed name is selected: a path typed replaces it (it was appended to it).
    press(&mut m, "e j enter");
    type_keys(&mut m, "/tmp/story.html");
    assert!(matches!(
        effect_of(&mut m, "enter"),
        Some(Effect::Export { path, .. }) if path == "/tmp/story.html"
    ));

    on_unlinked(&mut m);
    let focus = m.panes[m.active].focus;
    press(&mut m, "a");
    type_keys(&mut m, "only here");
    press(&mut m, "ctrl-s g");
    assert_ne!(m.panes[m.active].focus, focus);
    press(&mut m, "L");
    assert!(screen(&draw(&m)).contains("only here"));
    press(&mut m, "enter");
    assert!(m.dialog.is_none());
    assert_eq!(m.panes[m.active].focus, focus, "Enter jumps to the note");
}

/// The store half: a note written through `update` survives save → load → each export.
#[test]
fn a_note_from_the_reader_survives_save_load_and_exports() {
    let mut m = demo_model(120, 40);
    press(&mut m, "n a");
    type_keys(&mut m, "this quote is only in Reuters");
    press(&mut m, "ctrl-s t enter esc");
    let dir = tempfile::tempdir().unwrap();
    let store = Store::new(dir.path());
    let r = m.ready().unwrap();
    store
        .save("mine", &r.cmp, &m.notes.notes, m.notes.now)
        .unwrap();
    let saved = store.load("mine").unwrap();
    assert_eq!(saved.notes, m.notes.notes);
    for f in [
        ExportFormat::Markdown,
        ExportFormat::Html,
        ExportFormat::Json,
    ] {
        let out = with_notes(&saved.comparison, &saved.notes, "mine", f);
        assert!(
            out.contains("this quote is only in Reuters"),
            "{f:?} holds the note"
        );
        assert!(out.contains("agree"), "{f:?} holds the tag");
    }
}

/// An effects environment whose store lives in a new temporary directory (kept alive by
/// the returned guard).
fn store_in_temp_dir() -> (tempfile::TempDir, Env) {
    let dir = tempfile::tempdir().unwrap();
    let env = Env {
        store: Ok(Store::new(dir.path())),
        load: parallax::document::LoadOptions::default(),
        timeout: std::time::Duration::from_secs(5),
        saved_sources: None,
        file: None,
        spare: dir.path().join("spare"),
    };
    std::fs::create_dir(&env.spare).unwrap();
    (dir, env)
}

/// The effects the app loop runs, against a store in a temporary directory: save, refuse to
/// replace silently, export (and refuse to replace silently), list, open.
#[test]
fn effects_save_export_list_and_open() {
    let (dir, mut env) = store_in_temp_dir();
    let mut m = demo_model(120, 40);
    press(&mut m, "n a");
    type_keys(&mut m, "B drops the aide's denial");
    press(&mut m, "ctrl-s");
    let save = |replace| Effect::Save {
        name: "story".into(),
        replace,
        then: Then::Stay,
    };
    let a = run(&mut env, &m, save(false)).unwrap();
    assert!(matches!(&a, Action::Done(Ok(Done::Saved(n, Then::Stay))) if n == "story"));
    update(&mut m, a);
    assert!(!m.notes.dirty);
    assert_eq!(m.notes.name.as_deref(), Some("story"));
    let a = run(&mut env, &m, save(false)).unwrap();
    assert!(matches!(a, Action::Done(Ok(Done::NameTaken(..)))));
    let a = run(&mut env, &m, save(true)).unwrap();
    assert!(matches!(a, Action::Done(Ok(Done::Saved(..)))));

    let out = dir.path().join("story.md").to_string_lossy().into_owned();
    let export = |replace| Effect::Export {
        format: ExportFormat::Markdown,
        path: out.clone(),
        replace,
    };
    let a = run(&mut env, &m, export(false)).unwrap();
    assert!(matches!(a, Action::Done(Ok(Done::Exported(_)))));
    assert!(
        std::fs::read_to_string(&out)
            .unwrap()
            .contains("B drops the aide's denial")
    );
    let a = run(&mut env, &m, export(false)).unwrap();
    assert!(matches!(a, Action::Done(Ok(Done::FileExists(..)))));
    update(&mut m, a);
    assert!(matches!(
        m.dialog,
        Some(Dialog::Export(Export::Replace(..)))
    ));
    // Markdown under a name that says HTML: written as asked, and the status line says so.
    let page = dir.path().join("story.html").to_string_lossy().into_owned();
    let as_page = Effect::Export {
        format: ExportFormat::Markdown,
        path: page.clone(),
        replace: false,
    };
    let a = run(&mut env, &m, as_page).unwrap();
    update(&mut m, a);
    let said = m.message.clone().unwrap_or_default();
    assert!(
        said.contains(&page) && said.ends_with("as md, though its name says html"),
        "{said}"
    );

    let Some(Action::Listed(items)) = run(&mut env, &m, Effect::List) else {
        panic!("a list")
    };
    assert_eq!((items.len(), items[0].notes), (1, 1));
    let mut fresh = demo_model(120, 40);
    let a = run(&mut env, &fresh, Effect::Open(items[0].path.clone())).unwrap();
    update(&mut fresh, a);
    assert_eq!(fresh.notes.name.as_deref(), Some("story"));
    assert_eq!(fresh.notes.notes.len(), 1);
    assert!(!fresh.notes.dirty);
    // It reopens on the noted link, where the reader was.
    assert!(screen(&draw(&fresh)).contains("B drops the aide's denial"));
}

/// A source changed since saving: the reader shows the saved texts and says so; with
/// refresh it reads the sources again and says where the notes went.
#[test]
fn opening_says_when_a_source_changed_and_refresh_reattaches() {
    let dir = tempfile::tempdir().unwrap();
    let files: Vec<std::path::PathBuf> =
        ["cabello-2019-ap-rewrite.txt", "cabello-2019-speed-read.txt"]
            .iter()
            .map(|f| {
                let to = dir.path().join(f);
                std::fs::copy(
                    std::path::Path::new(concat!(
                        env!("CARGO_MANIFEST_DIR"),
                        "/../../assets/samples"
                    ))
                    .join(f),
                    &to,
                )
                .unwrap();
                to
            })
            .collect();
    let load = parallax::document::LoadOptions::default();
    let docs = files
        .iter()
        .map(|f| parallax::document::load(f.to_str().unwrap(), &load).unwrap())
        .collect();
    let cmp = parallax::Comparison::build(
        docs,
        &parallax_cli::tui::reader_options(parallax::Options::default()),
    )
    .unwrap();
    let mut m = support::model_with(cmp, tui::config::Config::default(), 120, 40);
    press(&mut m, "n a");
    type_keys(&mut m, "check the age");
    press(&mut m, "ctrl-s");
    let store = Store::new(dir.path().join("data"));
    let r = m.ready().unwrap();
    let path = store.save("two", &r.cmp, &m.notes.notes, 1).unwrap();

    let (opened, _) = tui::effects::open(&path, &load).unwrap();
    assert!(!opened.stale, "nothing changed yet");
    let text = std::fs::read_to_string(&files[0]).unwrap();
    std::fs::write(&files[0], text.replace("Cabello", "Cabelo")).unwrap();
    let (opened, _) = tui::effects::open(&path, &load).unwrap();
    assert!(opened.stale);
    let mut fresh = demo_model(120, 40);
    update(&mut fresh, Action::Opened(Box::new(opened)));
    let s = screen(&draw(&fresh));
    assert!(s.contains("A changed since saving"), "{s}");
    assert!(s.contains("saved texts"));
    let (saved, stamp) = parallax::store::load_stamped(&path).unwrap();
    let files = saved.stored_files();
    let opening = tui::effects::Opening {
        path: path.clone(),
        saved,
        stamp,
        refresh: Some(tui::effects::Refresh {
            files,
            fetched: Vec::new(),
        }),
    };
    let (opened, _) = tui::effects::open_saved(opening, &load).unwrap();
    assert!(!opened.stale && opened.dirty, "refreshed, not saved yet");
    assert!(opened.message.unwrap().contains("re-read: notes"));
    assert_eq!(opened.notes.len(), 1, "the note is kept");
}

/// A saved comparison reopens on the pair of sources, the passage and the view the reader
/// was at.
#[test]
fn a_saved_comparison_reopens_where_it_was() {
    let (dir, mut env) = store_in_temp_dir();
    let mut m = demo_model(120, 40);
    // The third pair (A and D), then a few links on, in the right pane, linked passages
    // level.
    press(&mut m, "p down down enter n n tab v");
    assert_eq!(m.view, ViewMode::Synoptic);
    let src = m.ready().unwrap().pair.src;
    assert_ne!(src, [SourceId(0), SourceId(1)], "another pair is shown");
    let (focus, active) = (m.panes[m.active].focus, m.active);
    assert!(focus > SegmentId(0), "the reader moved on");
    let save = Effect::Save {
        name: "where".into(),
        replace: false,
        then: Then::Stay,
    };
    let a = run(&mut env, &m, save).unwrap();
    update(&mut m, a);
    let path = Store::new(dir.path()).path_of("where").unwrap();
    let mut fresh = demo_model(120, 40);
    let a = run(&mut env, &fresh, Effect::Open(path)).unwrap();
    update(&mut fresh, a);
    assert_eq!(fresh.ready().unwrap().pair.src, src);
    assert_eq!(
        (fresh.active, fresh.panes[fresh.active].focus),
        (active, focus)
    );
    assert_eq!(fresh.view, ViewMode::Synoptic, "the view is kept too");
}

/// F9: the file opened is the file saved. A comparison whose JSON holds another
/// comparison's name ("b", copied or crafted) opens as "a", its file's name, and `s` writes
/// a.parallax.json, leaving b's file as it was.
#[test]
fn saving_an_opened_comparison_writes_its_own_file() {
    let (dir, mut env) = store_in_temp_dir();
    let store = Store::new(dir.path());
    let m = demo_model(120, 40);
    let r = m.ready().unwrap();
    let b = store.save("b", &r.cmp, &m.notes.notes, 1).unwrap();
    let a = store.path_of("a").unwrap();
    std::fs::copy(&b, &a).unwrap();
    let b_before = std::fs::read(&b).unwrap();
    let a_before = std::fs::read(&a).unwrap();

    let action = run(&mut env, &m, Effect::Open(a.clone())).unwrap();
    let mut m = demo_model(120, 40);
    update(&mut m, action);
    assert_eq!(m.notes.name.as_deref(), Some("a"));
    press(&mut m, "n a");
    type_keys(&mut m, "a note for a");
    press(&mut m, "ctrl-s");
    let save = update(&mut m, tui::action::Action::Cmd(tui::action::Command::Save)).unwrap();
    let done = run(&mut env, &m, save).unwrap();
    assert!(
        matches!(&done, Action::Done(Ok(Done::Saved(n, _))) if n == "a"),
        "{done:?}"
    );
    assert_eq!(
        std::fs::read(&b).unwrap(),
        b_before,
        "b's file is untouched"
    );
    assert_ne!(
        std::fs::read(&a).unwrap(),
        a_before,
        "a's file holds the note"
    );
    assert!(
        String::from_utf8(std::fs::read(&a).unwrap())
            .unwrap()
            .contains("a note for a")
    );
}

/// F11: two readers on one comparison. The second to save hears that the file changed on
/// disk, nothing is written, and its notes stay unsaved (quitting still asks). It is asked
/// for a name at once, so it can save under another one as the message says.
#[test]
fn a_save_after_another_reader_saved_is_refused_and_keeps_the_notes() {
    let (dir, mut env) = store_in_temp_dir();
    let store = Store::new(dir.path());
    let m = demo_model(120, 40);
    let path = store
        .save("story", &m.ready().unwrap().cmp, &m.notes.notes, 1)
        .unwrap();
    let action = run(&mut env, &m, Effect::Open(path.clone())).unwrap();
    let mut m = demo_model(120, 40);
    update(&mut m, action);
    press(&mut m, "n a");
    type_keys(&mut m, "mine");
    press(&mut m, "ctrl-s");
    // Meanwhile another reader saves the same comparison.
    store
        .save("story", &m.ready().unwrap().cmp, &Default::default(), 5)
        .unwrap();
    let theirs = std::fs::read(&path).unwrap();
    let save = update(&mut m, tui::action::Action::Cmd(tui::action::Command::Save)).unwrap();
    let done = run(&mut env, &m, save).unwrap();
    assert!(
        matches!(&done, Action::Done(Ok(Done::NotSaved(_, _, e))) if e.contains("changed on disk")),
        "{done:?}"
    );
    update(&mut m, done);
    assert_eq!(std::fs::read(&path).unwrap(), theirs, "their save stands");
    assert!(m.notes.dirty, "the note is still unsaved, not lost");
    let shown = screen(&draw(&m));
    assert!(shown.contains("changed on disk"), "{shown}");
    assert!(
        matches!(m.dialog, Some(Dialog::Save(Save::Name { .. }))),
        "asked for a name"
    );
    assert!(
        shown.contains("Enter saves"),
        "the keys stay in the box: {shown}"
    );
    // The old name is selected: another name typed replaces it and keeps the notes.
    type_keys(&mut m, "story mine");
    let save = effect_of(&mut m, "enter").unwrap();
    let done = run(&mut env, &m, save).unwrap();
    assert!(
        matches!(&done, Action::Done(Ok(Done::Saved(..)))),
        "{done:?}"
    );
    update(&mut m, done);
    assert!(!m.notes.dirty);
    assert_eq!(
        std::fs::read(&path).unwrap(),
        theirs,
        "their save still stands"
    );
    let mine = store.load("story mine").unwrap();
    assert!(support::note_texts(&mine.notes).contains(&"mine".to_string()));
}

/// A note still in the editor when the reader is stopped (a signal, the terminal closed)
/// is rescued with the others: what was typed is not lost for want of Ctrl-S.
#[test]
fn a_note_still_in_the_editor_is_rescued() {
    let (_dir, env) = store_in_temp_dir();
    let mut m = demo_model(120, 40);
    press(&mut m, "n a");
    type_keys(&mut m, "half written");
    assert!(!m.notes.dirty, "nothing saved to the notes yet");
    assert!(tui::effects::unsaved(&m), "but something would be lost");
    let rescued = tui::effects::rescue(&env, &m).unwrap();
    let tui::effects::Rescued::Named(name) = rescued else {
        panic!("kept outside the data directory: {rescued}");
    };
    let saved = env.store.as_ref().unwrap().load(&name).unwrap();
    assert_eq!(support::note_texts(&saved.notes), ["half written"]);
    // An editor opened and left as it was holds nothing to keep.
    let mut m = demo_model(120, 40);
    press(&mut m, "n a");
    assert!(!tui::effects::unsaved(&m));
}

/// F8: unsaved notes of a comparison with a long name in a multibyte script are rescued
/// (the name was cut by characters and ran past the limit, and the notes were lost).
#[test]
fn notes_of_a_long_multibyte_name_are_rescued() {
    let (_dir, env) = store_in_temp_dir();
    let mut m = demo_model(120, 40);
    press(&mut m, "n a");
    type_keys(&mut m, "keep me");
    press(&mut m, "ctrl-s");
    m.notes.name = Some("Überprüfung der Äußerungen".repeat(6));
    let rescued = tui::effects::rescue(&env, &m).unwrap();
    let tui::effects::Rescued::Named(name) = rescued else {
        panic!("kept outside the data directory: {rescued}");
    };
    let store = env.store.as_ref().unwrap();
    let saved = store.load(&name).unwrap();
    assert_eq!(saved.notes.len(), 1);
    assert!(
        name.starts_with("Überprüfung") && name.contains("-unsaved-"),
        "{name}"
    );
}

/// Unsaved notes are rescued even when the data directory cannot take them (here its
/// `comparisons` folder is a file, as a read-only directory or a full disk would refuse
/// them): they go to the system's temporary directory, and the line says where and why,
/// with the command that opens them.
#[test]
fn notes_the_data_directory_cannot_take_are_rescued_elsewhere() {
    let (dir, env) = store_in_temp_dir();
    std::fs::write(dir.path().join("comparisons"), "not a folder").unwrap();
    let mut m = demo_model(120, 40);
    press(&mut m, "n a");
    type_keys(&mut m, "keep me elsewhere");
    press(&mut m, "ctrl-s");
    let rescued = tui::effects::rescue(&env, &m).unwrap();
    let tui::effects::Rescued::Elsewhere(path, _) = &rescued else {
        panic!("the data directory took them: {rescued}");
    };
    let said = rescued.to_string();
    assert!(said.contains("could not take them"), "{said}");
    let open = parallax::store::open_command(&path.display().to_string());
    assert!(said.ends_with(&format!("({open})")), "{said}");
    let saved = parallax::store::load_file(path).unwrap();
    assert_eq!(saved.notes.len(), 1);
    assert_eq!(
        std::fs::read_to_string(dir.path().join("comparisons")).unwrap(),
        "not a folder"
    );
    // In the user's own directory, which no one else may read.
    use std::os::unix::fs::PermissionsExt;
    let own = path.parent().unwrap();
    assert!(own.starts_with(&env.spare), "{}", own.display());
    let mode = std::fs::metadata(own).unwrap().permissions().mode();
    assert_eq!(mode & 0o777, 0o700);
    // With no data directory at all (no home), the notes go there too.
    let env = Env {
        store: Err("no home directory to keep saved comparisons in".into()),
        ..env
    };
    let rescued = tui::effects::rescue(&env, &m).unwrap();
    let tui::effects::Rescued::Elsewhere(path, why) = &rescued else {
        panic!("{rescued}");
    };
    assert!(why.contains("no home directory"), "{why}");
    assert_eq!(parallax::store::load_file(path).unwrap().notes.len(), 1);
}

/// Two French sources get no fact flags but numbers a word change replaces: the status line
/// says so when they load, so an empty list of flags is not read as "no facts differ".
#[test]
fn sources_whose_facts_are_not_read_are_named_in_the_status_line() {
    let doc = |name: &str, text: &str| parallax::Document::from_text(name, text);
    let docs = vec![
        doc(
            "a.txt",
            "Le conseil a voté la loi samedi dans la soirée, selon le maire qui était \
             présent avec une majorité.\n\
             Quelque 40 habitants ont été évacués vers les gymnases de la commune, qui sont \
             pas loin.\n",
        ),
        doc(
            "b.txt",
            "Samedi, le conseil a voté la loi dans la soirée, selon le maire de la ville qui \
             était présent avec une majorité.\n\
             Au moins 43 habitants ont été évacués vers les gymnases de la commune, qui sont \
             pas loin.\n",
        ),
    ];
    let cmp = parallax::Comparison::build(docs, &parallax::Options::default()).unwrap();
    let m = support::model_with(cmp, tui::config::Config::default(), 120, 40);
    let shown = screen(&draw(&m));
    assert!(
        shown.contains("A (French), B (French): facts are read in English and German only"),
        "{shown}"
    );
}

/// The reader's export never writes over a source of the comparison shown, even when the
/// user answers "y" to replacing the file: the text compared would be gone.
#[test]
fn an_export_in_the_reader_never_replaces_a_source() {
    let (dir, mut env) = store_in_temp_dir();
    let a = dir.path().join("a.txt");
    let text = "The mayor opened the bridge on Monday. Crowds cheered.\n";
    std::fs::write(&a, text).unwrap();
    let docs = vec![
        parallax::Document::from_text(a.to_str().unwrap(), text),
        parallax::Document::from_text("b.txt", "On Monday the mayor opened the bridge.\n"),
    ];
    let cmp = parallax::Comparison::build(docs, &parallax::Options::default()).unwrap();
    let m = support::model_with(cmp, tui::config::Config::default(), 120, 40);
    let export = Effect::Export {
        format: ExportFormat::Markdown,
        path: a.to_str().unwrap().to_string(),
        replace: true,
    };
    let Some(Action::Done(Err(e))) = run(&mut env, &m, export) else {
        panic!("the export went ahead");
    };
    assert!(e.contains("is source A of the comparison"), "{e}");
    assert_eq!(std::fs::read_to_string(&a).unwrap(), text);
}

/// When the shared spare directory's name is taken by something that is not this user's
/// private directory (planted by another user), the notes go to a new directory of this
/// process instead of being lost.
#[test]
fn a_planted_spare_directory_is_passed_over_not_used() {
    let (dir, env) = store_in_temp_dir();
    std::fs::write(dir.path().join("comparisons"), "not a folder").unwrap();
    let uid = std::fs::metadata(dir.path()).map(|m| {
        use std::os::unix::fs::MetadataExt;
        m.uid()
    });
    let planted = env.spare.join(format!("parallax-{}", uid.unwrap()));
    std::fs::write(&planted, "someone else's").unwrap();
    let mut m = demo_model(120, 40);
    press(&mut m, "n a");
    type_keys(&mut m, "keep me anyway");
    press(&mut m, "ctrl-s");
    let rescued = tui::effects::rescue(&env, &m).unwrap();
    let tui::effects::Rescued::Elsewhere(path, _) = &rescued else {
        panic!("{rescued}");
    };
    assert!(!path.starts_with(&planted), "{}", path.display());
    assert_eq!(parallax::store::load_file(path).unwrap().notes.len(), 1);
    assert_eq!(std::fs::read_to_string(&planted).unwrap(), "someone else's");
}

/// A source added to a saved comparison is a change to save, notes or none: quitting asks
/// first, or the source would be lost without a word. A comparison never saved, without
/// notes, has nothing of the user's to lose.
#[test]
fn a_source_added_to_a_saved_comparison_is_a_change_to_save() {
    let dir = tempfile::tempdir().unwrap();
    let docs = parallax::demo::documents();
    let options = tui::reader_options(parallax::Options::default());
    let two = parallax::Comparison::build(docs[..2].to_vec(), &options).unwrap();
    let three = parallax::Comparison::build(docs[..3].to_vec(), &options).unwrap();
    let store = Store::new(dir.path().join("data"));
    let notes = parallax::annotate::Notes::default();
    let path = store.save("two", &two, &notes, 1).unwrap();
    let load = parallax::document::LoadOptions::default();
    let (opened, _) = tui::effects::open(&path, &load).unwrap();
    let mut m = demo_model(120, 40);
    update(&mut m, Action::Opened(Box::new(opened)));
    assert!(!m.notes.dirty);
    update(&mut m, Action::Added(Box::new(three.clone())));
    assert!(m.notes.dirty, "the saved comparison has a source more");
    // The status line says what is unsaved without calling it notes: there are none.
    press(&mut m, "n");
    let shown = screen(&draw(&m));
    assert!(shown.contains("changes unsaved"), "{shown}");
    assert!(!shown.contains("notes unsaved"), "{shown}");
    press(&mut m, "q");
    assert!(m.dialog.is_some(), "quitting asks first");

    let mut fresh = support::model_with(two, tui::config::Config::default(), 120, 40);
    update(&mut fresh, Action::Added(Box::new(three)));
    assert!(!fresh.notes.dirty, "nothing of the user's to lose");
}

/// A source added that is a source already open (the same file again, or a copy) is
/// compared with itself: the status line says so, as the command line does, rather than only
/// "added C".
#[test]
fn adding_a_source_already_open_says_it_is_compared_with_itself() {
    let docs = parallax::demo::documents();
    let options = tui::reader_options(parallax::Options::default());
    let two = parallax::Comparison::build(docs[..2].to_vec(), &options).unwrap();
    let again = vec![docs[0].clone(), docs[1].clone(), docs[1].clone()];
    let three = parallax::Comparison::build(again, &options).unwrap();
    let mut m = support::model_with(two.clone(), tui::config::Config::default(), 120, 40);
    update(&mut m, Action::Added(Box::new(three)));
    let said = m.message.clone().unwrap_or_default();
    assert!(
        said.starts_with("added C:") && said.contains("the same text as B"),
        "{said}"
    );
    // Another text is only added.
    let other = parallax::Comparison::build(docs[..3].to_vec(), &options).unwrap();
    let mut m = support::model_with(two, tui::config::Config::default(), 120, 40);
    update(&mut m, Action::Added(Box::new(other)));
    let said = m.message.clone().unwrap_or_default();
    assert!(
        said.starts_with("added C:") && !said.contains("same text"),
        "{said}"
    );
}

/// A source typed in the open dialog and refused (not text, not found) brings the dialog
/// back with the line as typed and the reason on the status line: the path can be mended,
/// and keys typed next go to the line, not to the reader (an `a` opened the note editor).
#[test]
fn a_refused_source_brings_the_open_dialog_back_as_typed() {
    let mut m = demo_model(120, 40);
    update(&mut m, Action::Listed(Vec::new()));
    type_keys(&mut m, "/bin/ls");
    let effect = effect_of(&mut m, "enter");
    assert!(
        matches!(&effect, Some(Effect::AddSource(s)) if s == "/bin/ls"),
        "{effect:?}"
    );
    assert!(
        m.dialog.is_none(),
        "the dialog closes while the source is read"
    );
    update(
        &mut m,
        Action::AddFailed("/bin/ls: binary file (NUL byte at offset 7), not text".into()),
    );
    assert!(
        matches!(m.dialog, Some(Dialog::Open(_))),
        "the dialog is back"
    );
    let said = m.message.clone().unwrap_or_default();
    assert!(said.contains("binary file"), "{said}");
    type_keys(&mut m, "a");
    let shown = screen(&draw(&m));
    assert!(shown.contains("/bin/lsa"), "typed into the line: {shown}");
    assert!(matches!(m.dialog, Some(Dialog::Open(_))), "no note editor");
}
