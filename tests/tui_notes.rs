//! Notes in the reader as key sequences on the model: writing, editing, tagging and deleting a
//! note, saving (a name asked the first time, an effect, never a file written by `update`),
//! quitting with unsaved notes; and a note written this way surviving save, load and the
//! three exports.

#[allow(dead_code, unused_imports)]
#[path = "../src/tui.rs"]
mod tui;

#[allow(dead_code, unused_imports)]
#[path = "support/reader.rs"]
mod support;

use parallax::annotate::Anchor;
use parallax::export::{ExportFormat, with_notes};
use parallax::store::Store;
use support::{demo_model, draw, press, screen, type_keys};
use tui::action::{Action, Done, Effect};
use tui::model::Model;
use tui::prompt::{Prompt, Then};
use tui::update::{key_action, update};

/// Presses one key and returns the effect `update` asks for.
fn effect_of(m: &mut Model, spec: &str) -> Option<Effect> {
    let key = tui::keymap::Key::parse(spec).unwrap();
    let mut mods = ratatui::crossterm::event::KeyModifiers::NONE;
    if key.ctrl {
        mods |= ratatui::crossterm::event::KeyModifiers::CONTROL;
    }
    let ev = ratatui::crossterm::event::KeyEvent::new(key.code, mods);
    let a = key_action(m, &ev)?;
    update(m, a)
}

fn passage_anchor(m: &Model) -> Anchor {
    let r = m.reader.as_ref().unwrap();
    Anchor::Passage {
        source: r.pair.src[m.active],
        segment: m.panes[m.active].focus,
    }
}

/// Focus on a passage with no link, so `a` writes on the passage itself.
fn on_unlinked(m: &mut Model) {
    press(m, "u");
    let r = m.reader.as_ref().unwrap();
    assert!(r.pair.is_added(m.active, m.panes[m.active].focus));
}

#[test]
fn a_type_save_writes_a_note_on_the_focused_passage() {
    let mut m = demo_model(120, 40);
    on_unlinked(&mut m);
    let anchor = passage_anchor(&m);
    press(&mut m, "a");
    assert!(matches!(m.prompt, Some(Prompt::Editor { .. })));
    type_keys(&mut m, "B drops this\nsecond line");
    assert_eq!(effect_of(&mut m, "ctrl-s"), None, "no I/O: nothing to run");
    assert!(m.prompt.is_none());
    let notes = m.notes.notes.ordered();
    assert_eq!(notes.len(), 1);
    assert_eq!(notes[0].text, "B drops this\nsecond line");
    assert_eq!(notes[0].anchor.as_ref(), Some(&anchor));
    assert!(m.notes.dirty);
    let s = screen(&draw(&m));
    assert!(s.contains("✎"), "gutter mark and detail panel");
    assert!(
        s.contains("B drops this"),
        "the detail panel shows the note"
    );

    // Editing pre-fills; an empty text deletes.
    press(&mut m, "a");
    match &m.prompt {
        Some(Prompt::Editor { area, .. }) => {
            assert_eq!(area.lines().join("\n"), "B drops this\nsecond line")
        }
        _ => panic!("editor expected"),
    }
    for _ in 0.."B drops this\nsecond line".chars().count() {
        press(&mut m, "backspace");
    }
    press(&mut m, "ctrl-s");
    assert!(m.notes.notes.is_empty(), "an empty note deletes it");
    assert!(m.message.as_deref().unwrap_or("").contains("deleted"));
}

#[test]
fn esc_cancels_but_asks_once_when_text_would_be_lost() {
    let mut m = demo_model(120, 40);
    press(&mut m, "a");
    type_keys(&mut m, "draft");
    press(&mut m, "esc");
    assert!(
        matches!(m.prompt, Some(Prompt::Editor { warned: true, .. })),
        "first Esc warns"
    );
    press(&mut m, "esc");
    assert!(m.prompt.is_none());
    assert!(m.notes.notes.is_empty());
    assert!(!m.notes.dirty);
}

#[test]
fn a_on_a_link_notes_the_link_and_t_tags_it() {
    let mut m = demo_model(120, 40);
    press(&mut m, "n");
    press(&mut m, "a");
    match &m.prompt {
        Some(Prompt::Editor { target, .. }) => {
            assert!(matches!(target.anchor, Anchor::Link { .. }));
            assert!(target.label.starts_with("link "), "{}", target.label);
        }
        _ => panic!("editor expected"),
    }
    type_keys(&mut m, "age differs: check");
    press(&mut m, "ctrl-s");
    // t: the picker starts on the first tag; j moves to the second (disputed).
    press(&mut m, "t j enter esc");
    let n = &m.notes.notes.ordered()[0];
    assert_eq!(n.tags, ["disputed"]);
    assert_eq!(n.text, "age differs: check");
    press(&mut m, "t j enter esc");
    assert!(m.notes.notes.ordered()[0].tags.is_empty(), "toggled off");
    // A tag on a passage with no note writes a note that carries only the tag.
    on_unlinked(&mut m);
    press(&mut m, "t enter esc");
    assert_eq!(m.notes.notes.len(), 2);
}

#[test]
fn q_with_unsaved_notes_asks_first() {
    let mut m = demo_model(120, 40);
    assert_eq!(
        effect_of(&mut m, "q"),
        Some(Effect::Quit),
        "nothing to lose"
    );
    let mut m = demo_model(120, 40);
    press(&mut m, "a");
    type_keys(&mut m, "keep me");
    press(&mut m, "ctrl-s");
    assert_eq!(effect_of(&mut m, "q"), None);
    assert!(matches!(m.prompt, Some(Prompt::Unsaved(Then::Quit))));
    assert_eq!(effect_of(&mut m, "esc"), None, "Esc keeps reading");
    assert!(m.prompt.is_none());
    press(&mut m, "q");
    // s: no name yet, so it asks one, then saves and quits.
    assert_eq!(effect_of(&mut m, "s"), None);
    assert!(matches!(
        m.prompt,
        Some(Prompt::Name {
            then: Then::Quit,
            ..
        })
    ));
    type_keys(&mut m, "cabello");
    assert_eq!(
        effect_of(&mut m, "enter"),
        Some(Effect::Save {
            name: "cabello".into(),
            replace: false,
            then: Then::Quit
        })
    );
    let next = update(
        &mut m,
        Action::Done(Ok(Done::Saved("cabello".into(), Then::Quit))),
    );
    assert_eq!(next, Some(Effect::Quit));
    assert!(!m.notes.dirty);
    // d quits without saving.
    press(&mut m, "a");
    type_keys(&mut m, "more");
    press(&mut m, "ctrl-s q");
    assert_eq!(effect_of(&mut m, "d"), Some(Effect::Quit));
}

/// `o` with unsaved notes asks as `q` does: Esc keeps reading, d lists the saved
/// comparisons without saving, s saves (asking a name the first time) and then lists them.
#[test]
fn o_with_unsaved_notes_asks_first() {
    let mut m = demo_model(120, 40);
    assert_eq!(
        effect_of(&mut m, "o"),
        Some(Effect::List),
        "nothing to lose"
    );
    let mut m = demo_model(120, 40);
    press(&mut m, "a");
    type_keys(&mut m, "keep me");
    press(&mut m, "ctrl-s");
    assert_eq!(effect_of(&mut m, "o"), None);
    assert!(matches!(m.prompt, Some(Prompt::Unsaved(Then::Open))));
    let shown = screen(&draw(&m));
    assert!(
        shown.contains("Unsaved notes") && shown.contains("open without saving"),
        "{shown}"
    );
    assert_eq!(effect_of(&mut m, "esc"), None, "Esc keeps reading");
    assert!(m.prompt.is_none() && m.notes.dirty);
    // d: the list, the notes left as they are (Esc in the list still has them).
    press(&mut m, "o");
    assert_eq!(effect_of(&mut m, "d"), Some(Effect::List));
    assert!(m.notes.dirty);
    // s: no name yet, so it asks one, saves, then lists.
    press(&mut m, "o");
    assert_eq!(effect_of(&mut m, "s"), None);
    assert!(matches!(
        m.prompt,
        Some(Prompt::Name {
            then: Then::Open,
            ..
        })
    ));
    assert!(screen(&draw(&m)).contains("Save before opening another"));
    type_keys(&mut m, "cabello");
    assert_eq!(
        effect_of(&mut m, "enter"),
        Some(Effect::Save {
            name: "cabello".into(),
            replace: false,
            then: Then::Open
        })
    );
    let next = update(
        &mut m,
        Action::Done(Ok(Done::Saved("cabello".into(), Then::Open))),
    );
    assert_eq!(next, Some(Effect::List));
    assert!(!m.notes.dirty);
    // A known name saves straight away, then lists; a failed save stays.
    press(&mut m, "a");
    type_keys(&mut m, " too");
    press(&mut m, "ctrl-s o");
    assert_eq!(
        effect_of(&mut m, "s"),
        Some(Effect::Save {
            name: "cabello".into(),
            replace: true,
            then: Then::Open
        })
    );
    assert_eq!(update(&mut m, Action::Done(Err("disk full".into()))), None);
    assert!(m.notes.dirty && m.prompt.is_none());
}

#[test]
fn s_asks_a_name_the_first_time_then_saves_under_it() {
    let mut m = demo_model(120, 40);
    assert_eq!(effect_of(&mut m, "s"), None);
    assert!(matches!(m.prompt, Some(Prompt::Name { .. })));
    type_keys(&mut m, "a/b");
    assert_eq!(effect_of(&mut m, "enter"), None, "a path is refused");
    match &m.prompt {
        Some(Prompt::Name { error: Some(e), .. }) => assert!(e.contains("separator"), "{e}"),
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
    assert!(matches!(m.prompt, Some(Prompt::Overwrite(..))));
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
    match &m.prompt {
        Some(Prompt::Path { input, .. }) => assert_eq!(input, "parallax-comparison.html"),
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

    on_unlinked(&mut m);
    let focus = m.panes[m.active].focus;
    press(&mut m, "a");
    type_keys(&mut m, "only here");
    press(&mut m, "ctrl-s g");
    assert_ne!(m.panes[m.active].focus, focus);
    press(&mut m, "L");
    assert!(screen(&draw(&m)).contains("only here"));
    press(&mut m, "enter");
    assert!(m.prompt.is_none());
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
    let r = m.reader.as_ref().unwrap();
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

#[test]
fn d_in_the_notes_panel_deletes_after_asking() {
    let mut m = demo_model(120, 40);
    press(&mut m, "a");
    type_keys(&mut m, "first");
    press(&mut m, "ctrl-s L d");
    assert!(matches!(m.prompt, Some(Prompt::Delete(0))));
    press(&mut m, "n");
    assert_eq!(m.notes.notes.len(), 1, "any other key keeps it");
    assert!(matches!(m.prompt, Some(Prompt::Panel(0))));
    press(&mut m, "d y");
    assert!(m.notes.notes.is_empty());
    assert!(m.notes.dirty);
}

/// The effects the app loop runs, against a store in a temporary directory: save, refuse to
/// replace silently, export (and refuse to replace silently), list, open.
#[test]
fn effects_save_export_list_and_open() {
    use tui::effects::{Env, run};
    let dir = tempfile::tempdir().unwrap();
    let mut env = Env {
        store: Ok(Store::new(dir.path())),
        load: parallax::document::LoadOptions::default(),
        saved_sources: None,
    };
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
    assert!(matches!(m.prompt, Some(Prompt::Replace(..))));

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
    press(&mut fresh, "n");
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
                    std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
                        .join("assets/samples")
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
    let cmp = parallax::Comparison::build(docs, &parallax::Options::default()).unwrap();
    let mut m = support::model_with(cmp, tui::config::Config::default(), 120, 40);
    press(&mut m, "n a");
    type_keys(&mut m, "check the age");
    press(&mut m, "ctrl-s");
    let store = Store::new(dir.path().join("data"));
    let r = m.reader.as_ref().unwrap();
    let path = store.save("two", &r.cmp, &m.notes.notes, 1).unwrap();

    let (opened, _) = tui::effects::open(&path, false, &load).unwrap();
    assert!(!opened.stale, "nothing changed yet");
    let text = std::fs::read_to_string(&files[0]).unwrap();
    std::fs::write(&files[0], text.replace("Cabello", "Cabelo")).unwrap();
    let (opened, _) = tui::effects::open(&path, false, &load).unwrap();
    assert!(opened.stale);
    let mut fresh = demo_model(120, 40);
    update(&mut fresh, Action::Opened(Box::new(opened)));
    let s = screen(&draw(&fresh));
    assert!(s.contains("A changed since saving"), "{s}");
    assert!(s.contains("saved texts"));
    let (opened, _) = tui::effects::open(&path, true, &load).unwrap();
    assert!(!opened.stale && opened.dirty, "refreshed, not saved yet");
    assert!(opened.message.unwrap().contains("re-read: notes"));
    assert_eq!(opened.notes.len(), 1, "the note is kept");
}
