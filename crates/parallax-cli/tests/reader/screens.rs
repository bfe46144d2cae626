//! Snapshots of the reader (styles included: the buffer's Debug keeps them), and tiny
//! terminals that must render without a panic.
//!
//! The snapshots are of the fixed comparison in `fixtures/demo.json` (the demo as aligned
//! once), so a change to the aligner moves none of them; but one, which shows the live demo
//! as the aligner builds it today, so such a change is still seen on screen.

use crate::support;
use parallax_cli::tui;

use crate::support::{demo, demo_model, draw, fixture_model, model_with, press, rows};
use tui::config::Config;
use tui::update::update;

#[test]
fn the_live_demo_at_120x40() {
    let m = demo_model(120, 40);
    insta::assert_snapshot!("demo_120x40", format!("{:?}", draw(&m)));
}

#[test]
fn fixture_at_three_sizes() {
    for (w, h) in [(80, 24), (120, 40), (200, 50)] {
        let m = fixture_model(w, h);
        insta::assert_snapshot!(format!("fixture_{w}x{h}"), format!("{:?}", draw(&m)));
    }
}

#[test]
fn synoptic_and_help_at_120x40() {
    let mut m = fixture_model(120, 40);
    press(&mut m, "v n");
    insta::assert_snapshot!("fixture_synoptic_120x40", format!("{:?}", draw(&m)));
    press(&mut m, "?");
    insta::assert_snapshot!("fixture_help_120x40", format!("{:?}", draw(&m)));
}

#[test]
fn a_note_shows_in_the_gutter_and_the_detail_panel() {
    let mut m = fixture_model(120, 40);
    press(&mut m, "n a");
    support::type_keys(&mut m, "age differs: check");
    press(&mut m, "ctrl-s");
    insta::assert_snapshot!("fixture_note_120x40", format!("{:?}", draw(&m)));
}

#[test]
fn the_note_mark_stands_apart_from_the_text_and_moves_nothing() {
    let mut m = demo_model(120, 40);
    // The second link (the demo may open on a passage only one source has).
    press(&mut m, "n n");
    let before = rows(&draw(&m));
    press(&mut m, "a");
    support::type_keys(&mut m, "age differs: check");
    press(&mut m, "ctrl-s");
    let after = rows(&draw(&m));
    // The panes end where the detail panel's rule begins.
    let panes = after.iter().take_while(|r| !r.contains("link 2/")).count();
    let mut marks = 0;
    for (b, a) in before[..panes].iter().zip(&after[..panes]) {
        let (b, a): (Vec<char>, Vec<char>) = (b.chars().collect(), a.chars().collect());
        // A row may hold the mark twice: the noted link's passages in both panes.
        let at: Vec<usize> = (0..a.len()).filter(|&i| a[i] == '✎').collect();
        for &k in &at {
            marks += 1;
            assert_eq!(a.get(k + 1), Some(&' '), "a space after the mark: {a:?}");
        }
        let changed: Vec<usize> = (0..a.len()).filter(|&i| a[i] != b[i]).collect();
        assert_eq!(changed, at, "only the marks are new in the row");
    }
    assert!(marks > 0, "the noted passages show the mark");
}

#[test]
fn tiny_terminals_render_without_panic() {
    for (w, h) in [
        (40, 10),
        (20, 5),
        (39, 10),
        (40, 9),
        (1, 1),
        (0, 0),
        (100, 10),
    ] {
        let mut m = demo_model(w, h);
        for keys in [
            "",
            "n n enter",
            "v G",
            "? j",
            "esc p j enter",
            "esc m j",
            "/ c",
            "esc a x ctrl-s",
            "L j",
            "esc t j enter",
            "esc e j enter",
            "esc esc s",
        ] {
            press(&mut m, keys);
            let buf = draw(&m);
            assert_eq!(buf.area.width, w);
        }
    }
    let m = demo_model(20, 5);
    let text = rows(&draw(&m)).join("\n");
    assert!(text.contains("Parallax needs"), "{text}");
}

#[test]
fn every_size_from_tiny_to_wide_draws() {
    let mut m = demo_model(30, 8);
    for w in (30..=210).step_by(7) {
        for h in [8, 10, 17, 33] {
            update(&mut m, tui::action::Action::Resize(w, h));
            press(&mut m, "n");
            draw(&m);
        }
    }
}

#[test]
fn no_color_draws_no_colour_but_keeps_the_marks() {
    let config = Config::from_toml("", true).unwrap();
    let mut m = model_with(demo(), config, 120, 40);
    press(&mut m, "n");
    let buf = draw(&m);
    for cell in buf.content() {
        assert_eq!(cell.fg, ratatui::style::Color::Reset, "{cell:?}");
        assert_eq!(cell.bg, ratatui::style::Color::Reset, "{cell:?}");
    }
    let text = rows(&buf).join("\n");
    assert!(text.contains('▶'), "focus is marked without colour");
    assert!(
        text.contains('+') || text.contains('▌'),
        "gutter marks are drawn"
    );
}

#[test]
fn empty_and_odd_sources_never_panic() {
    let cases: [(&str, &str); 4] = [
        ("", "One sentence here. Another one."),
        ("   \n\n  ", "Text."),
        (
            "No break at all and a very long wordwithoutanyspacesthatgoesonandonandonforeverandever",
            "x",
        ),
        (
            "日本語の文章です。二つ目の文です。",
            "Tabs\tand\rcarriage returns\u{7}bell.",
        ),
    ];
    for (a, b) in cases {
        let docs = vec![
            parallax::Document::from_text("a.txt", a),
            parallax::Document::from_text("b.txt", b),
        ];
        let Ok(cmp) = parallax::Comparison::build(
            docs,
            &parallax_cli::tui::reader_options(parallax::Options::default()),
        ) else {
            continue;
        };
        for (w, h) in [(120, 40), (80, 24), (40, 10), (20, 5)] {
            let mut m = model_with(cmp.clone(), Config::default(), w, h);
            for keys in [
                "",
                "j k G g",
                "n N u U c C",
                "enter tab",
                "v j",
                "pagedown pageup",
                "? esc",
            ] {
                press(&mut m, keys);
                draw(&m);
            }
            update(&mut m, tui::action::Action::Click(10, 3));
            update(&mut m, tui::action::Action::Wheel(10, 3, true));
            draw(&m);
        }
    }
}
