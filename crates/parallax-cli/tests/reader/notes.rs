//! Notes in the reader as key sequences on the model: writing, editing, tagging and deleting a
//! note, and quitting or opening another comparison with unsaved notes. Saving, exporting
//! and opening are in tui_files.rs.

use parallax_cli::tui;

use crate::support::{demo_model, draw, effect_of, on_unlinked, press, screen, type_keys};
use parallax::annotate::Anchor;
use tui::action::Then;
use tui::action::{Action, Done, Effect};
use tui::dialog::{Dialog, notes_panel::NotesPanel, save::Save};
use tui::model::Model;
use tui::update::update;

/// The anchor of the focused passage.
fn passage_anchor(m: &Model) -> Anchor {
    let r = m.ready().unwrap();
    Anchor::Passage {
        source: r.pair.src[m.active],
        segment: m.panes[m.active].focus,
    }
}

/// Types `name` at the name prompt and presses Enter, which must ask the app loop to save
/// under it and then do `then`; answers that the save worked and returns what follows.
fn name_and_save(m: &mut Model, name: &str, then: Then) -> Option<Effect> {
    type_keys(m, name);
    assert_eq!(
        effect_of(m, "enter"),
        Some(Effect::Save {
            name: name.into(),
            replace: false,
            then
        })
    );
    update(m, Action::Done(Ok(Done::Saved(name.into(), then))))
}

#[test]
fn a_type_save_writes_a_note_on_the_focused_passage() {
    let mut m = demo_model(120, 40);
    on_unlinked(&mut m);
    let anchor = passage_anchor(&m);
    press(&mut m, "a");
    assert!(matches!(m.dialog, Some(Dialog::Editor(_))));
    type_keys(&mut m, "B drops this\nsecond line");
    assert_eq!(effect_of(&mut m, "ctrl-s"), None, "no I/O: nothing to run");
    assert!(m.dialog.is_none());
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
    match &m.dialog {
        Some(Dialog::Editor(e)) => {
            assert_eq!(e.area.lines().join("\n"), "B drops this\nsecond line")
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
        matches!(&m.dialog, Some(Dialog::Editor(e)) if e.warned),
        "first Esc warns"
    );
    press(&mut m, "esc");
    assert!(m.dialog.is_none());
    assert!(m.notes.notes.is_empty());
    assert!(!m.notes.dirty);
    assert_eq!(m.message.as_deref(), Some("note discarded"));
    // Editing a saved note and cancelling drops the edit, not the note, and says so.
    press(&mut m, "a");
    type_keys(&mut m, "kept");
    press(&mut m, "ctrl-s a");
    type_keys(&mut m, " more");
    press(&mut m, "esc esc");
    assert_eq!(m.notes.notes.ordered()[0].text, "kept");
    assert_eq!(m.message.as_deref(), Some("changes discarded"));
}

#[test]
fn a_on_a_link_notes_the_link_and_t_tags_it() {
    let mut m = demo_model(120, 40);
    press(&mut m, "n");
    press(&mut m, "a");
    match &m.dialog {
        Some(Dialog::Editor(e)) => {
            assert!(matches!(e.target.anchor, Anchor::Link { .. }));
            assert!(e.target.label.starts_with("link "), "{}", e.target.label);
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
    // Space sets a tag and Enter closes, keeping it (Enter is "done" once Space set one).
    press(&mut m, "t j space");
    assert!(m.dialog.is_some(), "Space stays in the picker");
    press(&mut m, "j space enter");
    assert!(m.dialog.is_none(), "Enter closes");
    assert_eq!(m.notes.notes.ordered()[0].tags, ["disputed", "unverified"]);
    // A tag on a passage with no note writes a note that carries only the tag.
    on_unlinked(&mut m);
    press(&mut m, "t enter");
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
    assert!(matches!(
        m.dialog,
        Some(Dialog::Save(Save::Unsaved(Then::Quit)))
    ));
    assert_eq!(effect_of(&mut m, "esc"), None, "Esc keeps reading");
    assert!(m.dialog.is_none());
    press(&mut m, "q");
    // s: no name yet, so it asks one, then saves and quits.
    assert_eq!(effect_of(&mut m, "s"), None);
    assert!(matches!(
        m.dialog,
        Some(Dialog::Save(Save::Name {
            then: Then::Quit,
            ..
        }))
    ));
    assert_eq!(
        name_and_save(&mut m, "cabello", Then::Quit),
        Some(Effect::Quit)
    );
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
    assert!(matches!(
        m.dialog,
        Some(Dialog::Save(Save::Unsaved(Then::Open)))
    ));
    let shown = screen(&draw(&m));
    assert!(
        shown.contains("Unsaved notes")
            && shown.contains("go on without saving")
            && shown.contains("adding a source keeps them"),
        "{shown}"
    );
    assert_eq!(effect_of(&mut m, "esc"), None, "Esc keeps reading");
    assert!(m.dialog.is_none() && m.notes.dirty);
    // d: the list, the notes left as they are (Esc in the list still has them).
    press(&mut m, "o");
    assert_eq!(effect_of(&mut m, "d"), Some(Effect::List));
    assert!(m.notes.dirty);
    // s: no name yet, so it asks one, saves, then lists.
    press(&mut m, "o");
    assert_eq!(effect_of(&mut m, "s"), None);
    assert!(matches!(
        m.dialog,
        Some(Dialog::Save(Save::Name {
            then: Then::Open,
            ..
        }))
    ));
    assert!(screen(&draw(&m)).contains("Save before opening another"));
    assert_eq!(
        name_and_save(&mut m, "cabello", Then::Open),
        Some(Effect::List)
    );
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
    assert!(m.notes.dirty && m.dialog.is_none());
}

#[test]
fn d_in_the_notes_panel_deletes_after_asking() {
    let mut m = demo_model(120, 40);
    press(&mut m, "a");
    type_keys(&mut m, "first");
    press(&mut m, "ctrl-s L d");
    assert!(matches!(
        m.dialog,
        Some(Dialog::Notes(NotesPanel::Delete(0)))
    ));
    press(&mut m, "n");
    assert_eq!(m.notes.notes.len(), 1, "any other key keeps it");
    assert!(matches!(m.dialog, Some(Dialog::Notes(NotesPanel::List(0)))));
    press(&mut m, "d y");
    assert!(m.notes.notes.is_empty());
    // The only note added and deleted again: the notes are as they were, nothing to save
    // (quitting asked, though the next note's id had moved on).
    assert!(!m.notes.dirty);
}

/// The note editor's control keys do what the one-line fields and shells do: Ctrl-J starts
/// a line (it deleted one; terminals send it for Ctrl+Enter), Ctrl-U deletes to the line's
/// start (it undid), Ctrl-Z undoes.
#[test]
fn editor_control_keys_edit_as_a_shell_does() {
    let mut m = demo_model(120, 40);
    on_unlinked(&mut m);
    press(&mut m, "a");
    type_keys(&mut m, "alpha beta");
    press(&mut m, "ctrl-j");
    type_keys(&mut m, "drop this");
    // At the line's start a second Ctrl-U has nothing to delete (it joined the lines).
    press(&mut m, "ctrl-u ctrl-u");
    type_keys(&mut m, "gamma");
    press(&mut m, "ctrl-z");
    press(&mut m, "ctrl-s");
    assert_eq!(
        crate::support::note_texts(&m.notes.notes),
        ["alpha beta\ngamm"]
    );
}

/// A note that ends in a line break is no draft when opened again: only typing changes it
/// (a signal wrote a rescue of an unchanged note, and Esc asked twice).
#[test]
fn a_note_ending_in_a_line_break_opens_unchanged() {
    let mut m = demo_model(120, 40);
    on_unlinked(&mut m);
    press(&mut m, "a");
    type_keys(&mut m, "one line\n");
    press(&mut m, "ctrl-s a");
    match &m.dialog {
        Some(Dialog::Editor(e)) => assert_eq!(e.draft(), None),
        _ => panic!("the editor is open"),
    }
    press(&mut m, "esc");
    assert!(m.dialog.is_none(), "one Esc closes an unchanged note");
}
