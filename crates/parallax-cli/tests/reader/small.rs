//! The reader at the smallest usual terminal, 80×24: the detail panel shows both sides of a
//! link, and the pair picker and the list of saved comparisons keep one line per entry.

use parallax_cli::tui;

use crate::support::{demo_model, draw, first_words, press, rows};
use parallax::SourceId;
use parallax::store::Listing;
use tui::action::Action;
use tui::layout;
use tui::update::update;

/// The detail panel's rows as one string, white space collapsed.
fn panel(m: &tui::model::Model) -> String {
    let a = layout::areas(m.size, m.active);
    rows(&draw(m))[a.detail.y as usize..a.detail.bottom() as usize]
        .join(" ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn the_panel_shows_both_sides_of_the_link_down_to_80x24() {
    for (w, h) in [(80, 24), (100, 30), (120, 40)] {
        // The demo may open on a passage only one source has: n goes to the first link.
        for keys in ["n", "n tab"] {
            let mut m = demo_model(w, h);
            press(&mut m, keys);
            let r = m.ready().unwrap();
            let seg = m.panes[m.active].focus;
            let l = r.pair.link_of[m.active][seg.0].expect("on a link");
            let shown = r.pair.shown(l);
            let panel = panel(&m);
            for side in 0..2 {
                let src = r.cmp.source(r.pair.src[side]);
                let text = src.segment_text(shown.segs[side][0]);
                let start = first_words(text, 3);
                assert!(
                    panel.contains(&start),
                    "{w}x{h} after {keys:?}: side {side} ({start:?}) missing from {panel:?}"
                );
            }
        }
    }
}

/// A side of several passages ("A 1+2": a headline and its lead) shows them apart, as the
/// reports do: a headline has no point to end it, so joined with a space it ran on into the
/// lead as one sentence.
#[test]
fn the_passages_of_one_side_are_shown_apart() {
    let mut m = crate::support::refined_demo_model(120, 40);
    let links = m.ready().unwrap().pair.links.len();
    let mut seen = 0;
    for _ in 0..links {
        press(&mut m, "n");
        let r = m.ready().unwrap();
        let seg = m.panes[m.active].focus;
        let l = r.pair.link_of[m.active][seg.0].expect("on a link");
        let segs = &r.pair.shown(l).segs[0];
        if segs.len() < 2 {
            continue;
        }
        let src = r.cmp.source(r.pair.src[0]);
        let last_word = |t: &str| t.split_whitespace().last().unwrap_or("").to_string();
        let joint = format!(
            "{} / {}",
            last_word(src.segment_text(segs[0])),
            first_words(src.segment_text(segs[1]), 1)
        );
        let panel = panel(&m);
        assert!(panel.contains(&joint), "{joint:?} missing from {panel:?}");
        seen += 1;
    }
    assert!(
        seen > 0,
        "no link of the demo's first pair has two passages a side"
    );
}

#[test]
fn a_shortened_passage_ends_in_an_ellipsis() {
    let mut m = demo_model(80, 24);
    let links = m.ready().unwrap().pair.links.len();
    let mut shortened = 0;
    for _ in 0..links {
        press(&mut m, "n");
        let r = m.ready().unwrap();
        let seg = m.panes[m.active].focus;
        let l = r.pair.link_of[m.active][seg.0].expect("on a link");
        let src = r.cmp.source(r.pair.src[0]);
        let whole: String = r.pair.shown(l).segs[0]
            .iter()
            .map(|&s| src.segment_text(s))
            .collect::<Vec<_>>()
            .join(" ");
        let whole = whole.split_whitespace().collect::<Vec<_>>().join(" ");
        if !panel(&m).contains(&whole) {
            shortened += 1;
            let a = layout::areas(m.size, m.active);
            let rows = rows(&draw(&m));
            let rows = &rows[a.detail.y as usize + 1..a.detail.bottom() as usize];
            assert!(
                rows.iter().any(|r| r.trim_end().ends_with('…')),
                "link {} is cut without an ellipsis: {rows:#?}",
                l.number()
            );
        }
    }
    assert!(shortened > 0, "no link of the demo is too long for 80x24");
}

#[test]
fn the_pair_picker_keeps_one_line_per_pair_at_80_columns() {
    let mut m = demo_model(80, 24);
    press(&mut m, "p");
    let r = m.ready().unwrap();
    let n = r.cmp.sources.len();
    let pairs = n * (n - 1) / 2;
    let rows = rows(&draw(&m));
    let entries: Vec<&String> = rows.iter().filter(|r| r.contains('⇄')).collect();
    assert_eq!(entries.len(), pairs, "{rows:#?}");
    // Every entry keeps its whole link count, and how many facts its links tell
    // differently when any; the names give way.
    let mut differing = 0;
    for e in &entries {
        let inner = e.trim_end().trim_end_matches('│').trim_end();
        // "A ⇄ C": the letters either side of the arrow.
        let (before, after) = inner.split_once(" ⇄ ").unwrap();
        let letter = |c: Option<char>| SourceId(c.unwrap() as usize - 'A' as usize);
        let (a, b) = (letter(before.chars().last()), letter(after.chars().next()));
        let pair = r.cmp.pair(a, b).unwrap();
        let links = pair.alignment.links.len();
        let links = format!("{links} link{}", if links == 1 { "" } else { "s" });
        let end = match pair.conflict_counts().0 {
            0 => format!("({links})"),
            n => {
                differing += 1;
                format!("({links}, {n} differ{})", if n == 1 { "s" } else { "" })
            }
        };
        assert!(inner.ends_with(&end), "{e:?} ends with {end:?}");
        // The two names, cut, still tell the sources apart: all four of the demo begin
        // "cabello-20" and two end "-rewrite.txt", so a cut in the middle made A and D one
        // "cabello-2…rewrite.txt".
        let names = after[1..]
            .trim_start()
            .strip_suffix(&end)
            .unwrap()
            .trim_end();
        let (na, nb) = names.split_once(" — ").unwrap();
        assert_ne!(na, nb, "{e:?}");
        if (a, b) == (SourceId(0), SourceId(3)) {
            assert!(na.contains("2019") && nb.contains("2026"), "{e:?}");
        }
    }
    assert!(
        differing > 0,
        "the demo's pairs tell some facts differently"
    );
    assert!(rows.iter().any(|r| r.contains("C ⇄ D")), "{rows:#?}");
}

fn listing(i: usize) -> Listing {
    Listing {
        name: format!("comparison-number-{i}"),
        path: format!("/tmp/c{i}.parallax").into(),
        sources: vec![
            "A long title of the first source in this saved comparison".into(),
            "Another long title of a second source".into(),
        ],
        saved: 1_700_000_000 + i as u64,
        notes: i,
        corrections: 0,
        problem: None,
    }
}

#[test]
fn the_open_list_keeps_one_line_per_entry_and_follows_the_selection() {
    let mut m = demo_model(80, 24);
    let items: Vec<Listing> = (0..30).map(listing).collect();
    update(&mut m, Action::Listed(items));
    let rows0 = rows(&draw(&m));
    let first = rows0
        .iter()
        .position(|r| r.contains("comparison-number-0 "))
        .expect("first entry shown");
    // The next row is the next entry, not the rest of the first one.
    assert!(
        rows0[first + 1].contains("comparison-number-1 "),
        "{rows0:#?}"
    );
    assert!(
        rows0.iter().any(|r| r.contains('…')),
        "a cut entry or the list's end is marked: {rows0:#?}"
    );
    for _ in 0..29 {
        press(&mut m, "down");
    }
    let rows = rows(&draw(&m));
    let at = rows
        .iter()
        .position(|r| r.contains("▶ comparison-number-29 "))
        .unwrap_or_else(|| panic!("selection shown: {rows:#?}"));
    assert!(rows[at - 1].contains("comparison-number-28 "), "{rows:#?}");
}

#[test]
fn the_status_line_says_how_to_get_help_and_quit_at_80_columns() {
    let m = demo_model(80, 24);
    let last = rows(&draw(&m)).last().cloned().unwrap();
    assert!(
        last.contains("? help") && last.contains("q quit"),
        "{last:?}"
    );
}

#[test]
fn a_help_taller_than_the_screen_says_there_is_more() {
    let mut m = demo_model(80, 24);
    press(&mut m, "?");
    let screen = rows(&draw(&m)).join("\n");
    assert!(screen.contains("↓ more"), "{screen}");
}

/// In the open dialog an absolute path or any word can be typed from its first character:
/// only the list's own keys (j/k, g/G) move the list while the line is empty.
#[test]
fn the_open_dialog_takes_a_path_from_its_first_key() {
    let mut m = demo_model(80, 24);
    update(&mut m, Action::Listed((0..3).map(listing).collect()));
    press(&mut m, "/ w o a c x");
    let Some(parallax_cli::tui::dialog::Dialog::Open(list)) = &m.dialog else {
        panic!("the dialog stays open")
    };
    assert_eq!(list.input.as_str(), "/woacx");
    assert_eq!(list.at, 0, "the list did not move");
}

#[test]
fn the_open_list_counts_corrections_beside_notes() {
    let mut m = demo_model(120, 24);
    let mut fixed = listing(2);
    fixed.corrections = 3;
    update(&mut m, Action::Listed(vec![fixed, listing(1)]));
    let rows = rows(&draw(&m));
    let row = |name: &str| {
        rows.iter()
            .find(|r| r.contains(name))
            .unwrap_or_else(|| panic!("{name} listed: {rows:#?}"))
            .clone()
    };
    assert!(
        row("comparison-number-2 ").contains("2 notes · 3 corrections"),
        "{rows:#?}"
    );
    // None: the row does not say so, it stays short.
    assert!(
        !row("comparison-number-1 ").contains("correction"),
        "{rows:#?}"
    );
}

/// Resized through many widths and back to one it was laid out for, the panes still show
/// their text: the saved layout for that width is taken up again, and the wrapped lines
/// it rests on had left their cache (the panes showed only their gutters).
#[test]
fn resizing_through_many_widths_and_back_keeps_the_text() {
    let mut m = demo_model(120, 35);
    let words = {
        let r = m.ready().unwrap();
        let src = r.cmp.source(r.pair.src[m.active]);
        first_words(src.segment_text(m.panes[m.active].focus), 3)
    };
    // The rows of the panes (not the detail panel, which quotes the passage too).
    let panes = |m: &tui::model::Model| {
        let a = layout::areas(m.size, m.active);
        let top = a.pane[0].expect("two panes").y as usize;
        rows(&draw(m))[top..a.detail.y as usize].join("\n")
    };
    let shown = panes(&m);
    assert!(shown.contains(&words), "{words:?} in {shown}");
    for (w, h) in [(90, 30), (100, 30), (110, 30), (130, 35), (110, 30)] {
        update(&mut m, Action::Resize(w, h));
        draw(&m);
    }
    let shown = panes(&m);
    assert!(shown.contains(&words), "{words:?} in {shown}");
}

#[test]
fn the_export_dialog_keeps_its_keys_on_one_line_at_80x24() {
    let mut m = demo_model(80, 24);
    press(&mut m, "e enter");
    let rows = rows(&draw(&m));
    assert!(
        rows.iter()
            .any(|r| r.contains("Enter writes · Esc cancels")),
        "{rows:#?}"
    );
    assert!(
        rows.iter().any(|r| r.contains("typing replaces it")),
        "{rows:#?}"
    );
}
