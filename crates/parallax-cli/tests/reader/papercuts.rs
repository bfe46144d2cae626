//! Small things a reader notices: a jump with nothing to find says what is missing, a
//! screen too small ignores all keys but quitting, one-line fields edit as a shell does,
//! and `?` explains the colours.

use parallax::{Comparison, Document, Options};
use parallax_cli::tui::{self, action::Effect, config::Config};

use crate::support::{draw, effect_of, model_with, press, screen, type_keys};

/// The reader on two sources of `a` and `b`, aligned as the reader aligns.
fn model_of(a: &str, b: &str) -> tui::model::Model {
    model_sized(a, b, 120, 40)
}

/// [`model_of`] in a terminal of `w`×`h`.
fn model_sized(a: &str, b: &str, w: u16, h: u16) -> tui::model::Model {
    let docs = vec![
        Document::from_text("a.txt", a),
        Document::from_text("b.txt", b),
    ];
    let options = tui::reader_options(Options::default());
    model_with(
        Comparison::build(docs, &options).unwrap(),
        Config::default(),
        w,
        h,
    )
}

const SAME: &str =
    "The mayor opened the new bridge on Monday morning. Crowds cheered on both banks.";

#[test]
fn an_empty_jump_says_what_is_missing() {
    let mut m = model_of(SAME, SAME);
    press(&mut m, "c");
    assert_eq!(m.message.as_deref(), Some("no facts differ in this pair"));
    press(&mut m, "u");
    assert_eq!(
        m.message.as_deref(),
        Some("no additions: A adds nothing in this pair")
    );
    press(&mut m, "/");
    type_keys(&mut m, "zebra\n");
    assert_eq!(
        m.message.as_deref(),
        Some("no passage matches “zebra” in A or B")
    );
    let mut m = model_of(
        SAME,
        "Storms closed three ports in the north. Fishing fleets stayed home.",
    );
    press(&mut m, "n");
    assert_eq!(m.message.as_deref(), Some("no links in this pair"));
    // With links there, the end of them is still "nothing further".
    let mut m = model_of(SAME, SAME);
    press(&mut m, "G n");
    assert_eq!(m.message.as_deref(), Some("nothing further down"));
}

#[test]
fn a_screen_too_small_ignores_every_key_but_quit() {
    let mut m = crate::support::demo_model(20, 6);
    let before = (m.active, m.panes[m.active].focus);
    press(&mut m, "j j tab n ? a /");
    assert_eq!((m.active, m.panes[m.active].focus), before);
    assert!(m.overlay.is_none() && m.dialog.is_none() && !m.search.typing);
    assert!(screen(&draw(&m)).contains("needs at least"));
    assert_eq!(effect_of(&mut m, "q"), Some(Effect::Quit));
    assert_eq!(effect_of(&mut m, "ctrl-c"), Some(Effect::Quit));
}

#[test]
fn one_line_fields_take_readline_keys() {
    let mut m = crate::support::demo_model(120, 40);
    press(&mut m, "/");
    type_keys(&mut m, "secret talks");
    press(&mut m, "ctrl-w");
    assert_eq!(m.search.input.as_str(), "secret ");
    press(&mut m, "home");
    type_keys(&mut m, "the ");
    press(&mut m, "end ctrl-u");
    assert_eq!(m.search.input.as_str(), "");
    press(&mut m, "esc");
    // The save name: typed, cleared with Ctrl-U, typed again, a letter fixed mid-word.
    press(&mut m, "s");
    type_keys(&mut m, "draft one");
    press(&mut m, "ctrl-u");
    type_keys(&mut m, "finl");
    press(&mut m, "left");
    type_keys(&mut m, "a");
    assert!(screen(&draw(&m)).contains("Name: fina▏l"));
    assert_eq!(
        effect_of(&mut m, "enter"),
        Some(Effect::Save {
            name: "final".into(),
            replace: false,
            then: tui::action::Then::Stay,
        })
    );
}

#[test]
fn the_help_explains_the_colours() {
    let mut m = crate::support::demo_model(120, 40);
    press(&mut m, "? G");
    let shown = screen(&draw(&m));
    for words in [
        "Colours",
        "changed words inside a linked passage",
        "a fact the other source states differently",
        "a search hit",
    ] {
        assert!(shown.contains(words), "{words}: {shown}");
    }
}

/// The help scrolls to its last line and no further: one press back up shows one more
/// line at the top at once (it used to scroll on past the end, and take as many presses
/// back before the screen moved).
#[test]
fn the_help_scrolls_back_up_at_once_from_its_end() {
    let mut m = crate::support::demo_model(80, 24);
    press(&mut m, "?");
    let top = screen(&draw(&m));
    press(&mut m, "G");
    let end = screen(&draw(&m));
    assert_ne!(top, end, "the help is longer than 24 rows");
    assert!(
        end.contains("a search hit"),
        "the last lines are shown: {end}"
    );
    press(&mut m, "j space pagedown");
    assert_eq!(screen(&draw(&m)), end, "nothing past the end");
    press(&mut m, "k");
    let up = screen(&draw(&m));
    assert_ne!(up, end, "one press up moves the help");
    press(&mut m, "g");
    assert_eq!(screen(&draw(&m)), top);
    // At the end of a short terminal that then grows, one press up still moves it.
    press(&mut m, "G");
    let grow = parallax_cli::tui::action::Action::Resize(80, 40);
    parallax_cli::tui::update::update(&mut m, grow);
    let grown = screen(&draw(&m));
    press(&mut m, "k");
    assert_ne!(
        screen(&draw(&m)),
        grown,
        "one press up after a resize moves"
    );
}

/// At 60 columns the pair list tells the pairs apart (the four file names share their
/// beginning: cut in the middle, they keep their distinct ends), and a status message too
/// long for the line ends in "…" rather than mid-word.
#[test]
fn narrow_lists_and_messages_are_cut_visibly_and_stay_apart() {
    let mut m = crate::support::demo_model(60, 20);
    press(&mut m, "p");
    let rows = crate::support::rows(&draw(&m));
    let pairs: Vec<&String> = rows.iter().filter(|r| r.contains(" ⇄ ")).collect();
    assert_eq!(pairs.len(), 6, "{rows:#?}");
    let names: Vec<String> = pairs
        .iter()
        .map(|r| r.split_once(" ⇄ ").unwrap().1.chars().skip(1).collect())
        .collect();
    for (i, x) in names.iter().enumerate() {
        for y in &names[i + 1..] {
            assert_ne!(x, y, "two pairs read alike: {rows:#?}");
        }
    }
    press(&mut m, "esc");
    crate::support::on_unlinked(&mut m);
    press(&mut m, "x");
    let rows = crate::support::rows(&draw(&m));
    let status = rows.last().unwrap().trim();
    assert!(status.starts_with("no link here to mark wrong"), "{status}");
    assert!(status.ends_with('…'), "{status}");
}

/// A fact flagged on a weak link is only possible, as the panel says ("possible: the link is
/// weak"): its gutter mark is `?`, while a believed flag's is `!`.
#[test]
fn a_flag_on_a_weak_link_is_marked_possible_in_the_gutter() {
    let mut options = tui::reader_options(Options::default());
    options.params.link_model = parallax::align::LinkModel::none();
    let cmp = Comparison::build(parallax::demo::documents(), &options).unwrap();
    let mut found = None;
    for p in &cmp.pairs {
        for (l, f) in p.alignment.links.iter().zip(&p.link_facts) {
            if !f.conflicts.is_empty() && parallax::facts::is_possible(l) {
                found.get_or_insert((p.a, p.b, l.a[0]));
            }
        }
    }
    let (a, b, seg) =
        found.expect("the demo flags a fact on a weak link without the learned score");
    let mut m = model_with(cmp, Config::default(), 120, 40);
    m.phase.ready_mut().unwrap().show(a, b);
    m.panes[tui::side::PaneSide::Left].focus = seg;
    press(&mut m, "j k");
    let shown = crate::support::rows(&draw(&m));
    let row = shown
        .iter()
        .find(|l| l.starts_with('▶'))
        .unwrap_or_else(|| panic!("the focused passage in {shown:#?}"));
    assert_eq!(row.chars().nth(1), Some('?'), "{row}");
}

/// A passage taller than its pane (a paragraph of one long line) can be read to its end
/// with PgDn, and back with PgUp: paging no longer snaps back to its first line.
#[test]
fn page_down_reads_on_inside_a_passage_taller_than_the_pane() {
    let long: String = (1..=400).map(|k| format!("word{k} ")).collect();
    // A paragraph after the long one: paging must not jump to it past the long one's end.
    let mut m = model_of(
        &format!("{long}end.\n\nA short closing line follows."),
        SAME,
    );
    // The pane's rows: those above the link panel's rule.
    let pane = |m: &tui::model::Model| {
        let rows = crate::support::rows(&draw(m));
        let end = rows
            .iter()
            .position(|r| r.contains("────"))
            .unwrap_or(rows.len());
        rows[..end].join("\n")
    };
    assert!(pane(&m).contains("word1 "), "{}", pane(&m));
    let mut seen = pane(&m);
    for _ in 0..40 {
        press(&mut m, "pagedown");
        seen.push_str(&pane(&m));
    }
    let missed: Vec<usize> = (1..=400)
        .filter(|k| !seen.contains(&format!("word{k} ")))
        .collect();
    assert!(
        missed.is_empty(),
        "words never shown while paging: {missed:?}"
    );
    let later = pane(&m);
    assert!(!later.contains("word1 "), "paged on: {later}");
    assert!(
        later.contains("closing line"),
        "the paragraph after it: {later}"
    );
    for _ in 0..40 {
        press(&mut m, "pageup");
    }
    assert!(pane(&m).contains("word1 "), "{}", pane(&m));
}

/// A pane title too long for its row ends in "…", so it reads as cut; in the narrow layout
/// the hint to the other pane stays whole after it.
#[test]
fn a_long_title_is_cut_visibly_and_keeps_the_pane_hint() {
    let head = "Harbour authority confirms the long-awaited reopening of the northern \
                ferry terminal after three years of repairs";
    let a = format!("{head}\n\n{SAME}");
    for (w, hint) in [(120, None), (80, Some("→ B)"))] {
        let m = model_sized(&a, SAME, w, 30);
        let rows = crate::support::rows(&draw(&m));
        let title = rows
            .iter()
            .find(|r| r.contains(" A Harbour authority"))
            .unwrap_or_else(|| panic!("{rows:#?}"));
        let pane = title.split('│').next().unwrap().trim_end();
        match hint {
            None => assert!(pane.ends_with('…'), "{title}"),
            Some(hint) => {
                assert!(title.trim_end().ends_with(hint), "{title}");
                assert!(title.contains("… "), "{title}");
            }
        }
    }
}

/// A panel too short for all a link says ends in one "…": a flag cut on the last row is not
/// followed by a second one for the parts below it.
#[test]
fn a_crowded_panel_ends_in_one_ellipsis() {
    let a = "\"We will rebuild every single house that fell before the rains come back in the \
             spring,\" Governor Alan Brooks said.";
    let b = "\"We will rebuild each and every house that fell down before the heavy rains come \
             back,\" Governor Alan Brooks said.";
    let m = model_sized(a, b, 70, 22);
    let rows = crate::support::rows(&draw(&m));
    assert!(
        rows.iter().any(|r| r.contains("Wording of the quote")),
        "{rows:#?}"
    );
    for r in &rows {
        let r = r.trim_end();
        assert!(
            !(r.ends_with('…') && r[..r.len() - '…'.len_utf8()].trim_end().ends_with('…')),
            "{rows:#?}"
        );
    }
}
