//! Key sequences applied to the model: focus, scroll, view, search, mouse, overlays, the
//! keymap (the note editor's keys too). The expectations come from the comparison itself, so they hold whatever the aligner finds.

use crate::support;
use parallax_cli::tui;

use crate::support::{demo_model, draw, first_words, press, screen, type_keys, type_text};
use tui::action::Action;
use tui::dialog::Dialog;
use tui::layout;
use tui::matrix::{Filter, Row, rows};
use tui::model::{Model, Overlay, ViewMode};
use tui::pair::ShownLink;
use tui::side::PaneSide;
use tui::update::update;

use parallax::{SegmentId, SourceId};

fn reader(m: &Model) -> &tui::model::Reader {
    m.ready().expect("loaded")
}

fn link_of(m: &Model, side: usize, seg: SegmentId) -> Option<ShownLink> {
    reader(m).pair.link_of[side][seg.0]
}

#[test]
fn starts_on_the_two_2019_articles_with_all_four_loaded() {
    let m = demo_model(120, 40);
    let r = reader(&m);
    assert_eq!(r.cmp.sources.len(), 4);
    assert_eq!(r.pair.src, [SourceId(0), SourceId(1)]);
    assert!(r.cmp.sources[0].document.path.contains("2019"));
    assert!(r.cmp.sources[1].document.path.contains("2019"));
    assert_eq!(
        (m.active, m.panes[0].focus, m.view),
        (PaneSide::Left, SegmentId(0), ViewMode::Reading)
    );
}

#[test]
fn j_k_g_and_shift_g_move_the_focus() {
    let mut m = demo_model(120, 40);
    let n = reader(&m).cmp.sources[0].segments.len();
    press(&mut m, "j j");
    assert_eq!(m.panes[0].focus, SegmentId(2));
    press(&mut m, "k");
    assert_eq!(m.panes[0].focus, SegmentId(1));
    press(&mut m, "down up up up");
    assert_eq!(m.panes[0].focus, SegmentId(0));
    press(&mut m, "G");
    assert_eq!(m.panes[0].focus, SegmentId(n - 1));
    let h = layout::page_height(m.size);
    let p = *reader(&m).layout[0].of(SegmentId(n - 1)).unwrap();
    assert!(
        p.top >= m.panes[0].scroll && p.bottom() <= m.panes[0].scroll + h,
        "last passage in view"
    );
    press(&mut m, "g");
    assert_eq!((m.panes[0].focus, m.panes[0].scroll), (SegmentId(0), 0));
}

#[test]
fn page_down_scrolls_and_focuses_a_passage_in_view() {
    let mut m = demo_model(80, 24);
    press(&mut m, "pagedown");
    assert!(m.panes[0].scroll > 0);
    let p = *reader(&m).layout[0].of(m.panes[0].focus).unwrap();
    assert!(p.top >= m.panes[0].scroll);
    press(&mut m, "pageup");
    assert_eq!(m.panes[0].scroll, 0);
}

#[test]
fn n_walks_links_in_order_and_enter_jumps_to_the_counterpart() {
    let mut m = demo_model(120, 40);
    let total = reader(&m).pair.links.len();
    assert!(total >= 2, "the demo pair has links");
    press(&mut m, "n");
    let first = link_of(&m, 0, m.panes[0].focus).expect("on a link");
    press(&mut m, "n");
    let second = link_of(&m, 0, m.panes[0].focus).expect("on a link");
    assert!(second > first, "links are numbered in A's order");
    let status = screen(&draw(&m));
    assert!(
        status.contains(&format!("link {}/{total}", second.0 + 1)),
        "{status}"
    );
    // The other pane follows to the counterpart.
    let cp = reader(&m).pair.shown(second).segs[1][0];
    assert_eq!(m.panes[1].focus, cp);
    press(&mut m, "N");
    assert_eq!(link_of(&m, 0, m.panes[0].focus), Some(first));
    press(&mut m, "n enter");
    assert_eq!(m.active, PaneSide::Right);
    assert_eq!(m.panes[1].focus, cp);
    let text = reader(&m).cmp.sources[1].segment_text(cp);
    assert!(screen(&draw(&m)).contains(&first_words(text, 3)));
    press(&mut m, "tab");
    assert_eq!(m.active, PaneSide::Left);
}

#[test]
fn u_goes_to_additions_and_c_to_changed_facts() {
    let mut m = demo_model(120, 40);
    press(&mut m, "u");
    let seg = m.panes[0].focus;
    assert!(seg > SegmentId(0) && link_of(&m, 0, seg).is_none());
    press(&mut m, "U");
    assert!(link_of(&m, 0, m.panes[0].focus).is_none());
    let r = reader(&m);
    let any_conflict = (0..r.pair.links.len())
        .any(|l| !r.pair.link_facts(&r.cmp, ShownLink(l)).conflicts.is_empty());
    press(&mut m, "g c");
    match link_of(&m, 0, m.panes[0].focus) {
        Some(l) => assert!(
            !reader(&m)
                .pair
                .link_facts(&reader(&m).cmp, l)
                .conflicts
                .is_empty()
        ),
        None => assert!(!any_conflict && m.panes[0].focus == SegmentId(0)),
    }
}

#[test]
fn synoptic_view_puts_linked_passages_level() {
    let mut m = demo_model(120, 40);
    press(&mut m, "v");
    assert_eq!(m.view, ViewMode::Synoptic);
    let r = reader(&m);
    for l in &r.pair.links {
        let a = r.layout[0].of(l.segs[0][0]).unwrap();
        let b = r.layout[1].of(l.segs[1][0]).unwrap();
        assert_eq!(a.top, b.top, "link rows level");
    }
    // Every passage of both sources is shown exactly once.
    for side in 0..2 {
        let n = r.cmp.source(r.pair.src[side]).segments.len();
        let mut seen: Vec<usize> = r.layout[side].placed.iter().map(|p| p.seg.0).collect();
        seen.sort_unstable();
        assert_eq!(seen, (0..n).collect::<Vec<_>>());
    }
    press(&mut m, "n j j");
    assert_eq!(
        m.panes[0].scroll, m.panes[1].scroll,
        "panes scroll together"
    );
    press(&mut m, "v");
    assert_eq!(m.view, ViewMode::Reading);
    let r = reader(&m);
    let tops: Vec<usize> = r.layout[1].placed.iter().map(|p| p.seg.0).collect();
    assert!(
        tops.windows(2).all(|w| w[0] < w[1]),
        "reading view keeps B's own order"
    );
}

/// One pane wide (under 100 columns), the synoptic view shows one side: its passages follow
/// each other with one blank row between, not the hidden side's rows as blank gaps; Tab
/// lays out the other side the same way.
#[test]
fn a_narrow_synoptic_view_leaves_no_gaps_for_the_hidden_pane() {
    let mut m = demo_model(80, 24);
    press(&mut m, "v");
    assert_eq!(m.view, ViewMode::Synoptic);
    for side in 0..2 {
        if side == 1 {
            press(&mut m, "tab");
        }
        let r = reader(&m);
        let mut placed: Vec<_> = r.layout[side].placed.iter().collect();
        placed.sort_by_key(|p| p.top);
        assert!(placed.len() > 3);
        for w in placed.windows(2) {
            assert!(
                w[0].bottom() <= w[1].top && w[1].top <= w[0].bottom() + 1,
                "side {side}: passage {} ends at row {}, the next starts at row {}",
                w[0].seg.0,
                w[0].bottom(),
                w[1].top
            );
        }
    }
    // Wide again, both panes show and linked passages stand level.
    tui::update::update(&mut m, Action::Resize(120, 40));
    let r = reader(&m);
    for l in &r.pair.links {
        let a = r.layout[0].of(l.segs[0][0]).unwrap();
        let b = r.layout[1].of(l.segs[1][0]).unwrap();
        assert_eq!(a.top, b.top, "link rows level");
    }
}

#[test]
fn search_has_its_own_next_and_leaves_n_to_links() {
    let mut m = demo_model(120, 40);
    press(&mut m, "/");
    assert!(m.search.typing);
    type_text(&mut m, "Cabello");
    press(&mut m, "enter");
    assert!(!m.search.typing);
    let holds = |m: &Model| {
        reader(m).cmp.sources[0]
            .segment_text(m.panes[0].focus)
            .to_lowercase()
            .contains("cabello")
    };
    assert!(holds(&m));
    let first = m.panes[0].focus;
    press(&mut m, "]");
    assert!(m.panes[0].focus > first && holds(&m));
    press(&mut m, "[");
    assert_eq!(m.panes[0].focus, first);
    // n still walks links, not hits.
    press(&mut m, "n");
    assert!(link_of(&m, 0, m.panes[0].focus).is_some());
    assert_eq!(m.search.query, "cabello");
    press(&mut m, "esc");
    assert!(m.search.query.is_empty());
    // While typing, letters are text, not commands.
    press(&mut m, "/ q n");
    assert_eq!(m.search.input.as_str(), "qn");
    press(&mut m, "esc");
    assert!(!m.search.typing);
}

#[test]
fn narrow_terminals_show_one_pane_and_tab_switches() {
    let mut m = demo_model(80, 24);
    let a = m.areas();
    assert!(a.narrow && a.pane[0].is_some() && a.pane[1].is_none());
    press(&mut m, "tab");
    let a = m.areas();
    assert!(a.pane[0].is_none() && a.pane[1].is_some());
    let title = reader(&m).pair.src[1].letter();
    assert!(support::rows(&draw(&m))[0].starts_with(&format!(" {title} ")));
}

#[test]
fn resize_keeps_the_focus_in_view() {
    let mut m = demo_model(200, 50);
    press(&mut m, "G");
    for (w, h) in [(80, 24), (120, 12), (41, 10), (200, 50)] {
        update(&mut m, Action::Resize(w, h));
        let hgt = layout::page_height(m.size);
        let p = *reader(&m).layout[0].of(m.panes[0].focus).unwrap();
        assert!(
            p.top < m.panes[0].scroll + hgt && p.bottom() > m.panes[0].scroll,
            "{w}x{h}"
        );
    }
}

#[test]
fn click_focuses_and_wheel_scrolls_the_pane_under_the_pointer() {
    let mut m = demo_model(120, 40);
    let right = m.areas().pane[1].unwrap();
    // The right pane follows the focus to its counterpart, so it may be scrolled: click the
    // first passage that starts on screen.
    let scroll = m.panes[1].scroll;
    let p = *reader(&m).layout[1]
        .placed
        .iter()
        .find(|p| p.top > scroll)
        .unwrap();
    update(
        &mut m,
        Action::Click(right.x + 10, right.y + (p.top - scroll) as u16),
    );
    assert_eq!((m.active, m.panes[1].focus), (PaneSide::Right, p.seg));
    let left = m.areas().pane[0].unwrap();
    let before = (m.panes[0].scroll, m.panes[1].scroll);
    update(&mut m, Action::Wheel(left.x + 3, left.y + 3, true));
    assert!(m.panes[0].scroll > before.0);
    assert_eq!(
        m.panes[1].scroll, before.1,
        "only the pane under the pointer"
    );
}

#[test]
fn pick_shows_another_pair_and_the_matrix_opens() {
    let mut m = demo_model(120, 40);
    press(&mut m, "p");
    assert_eq!(m.overlay, Some(Overlay::Pick(0)));
    press(&mut m, "j j j j j enter");
    assert_eq!(m.overlay, None);
    assert_eq!(
        reader(&m).pair.src,
        [SourceId(2), SourceId(3)],
        "the two 2026 articles"
    );
    press(&mut m, "p");
    assert_eq!(
        m.overlay,
        Some(Overlay::Pick(5)),
        "the picker opens on the pair shown"
    );
    press(&mut m, "esc m");
    assert_eq!(m.overlay, Some(Overlay::Matrix(0, Filter::All)));
    let s = screen(&draw(&m));
    assert!(s.contains("Claims"));
    // The selected claim's passages are named, source by source.
    let first = &reader(&m).cmp.clusters[visible(&m)[0]];
    let named: Vec<String> = first
        .members
        .iter()
        .map(|mb| {
            let ids: Vec<String> = mb.segments.iter().map(|s| (s.0 + 1).to_string()).collect();
            format!("{} {}", (b'A' + mb.doc.0 as u8) as char, ids.join(","))
        })
        .collect();
    for item in &named {
        assert!(s.contains(item.as_str()), "{item} in {s}");
    }
    press(&mut m, "q");
    assert_eq!(m.overlay, None, "q closes the overlay first");
}

/// The claims of the matrix's rows without a filter, in the order shown.
fn visible(m: &Model) -> Vec<usize> {
    rows(&reader(m).cmp, Filter::All)
        .into_iter()
        .map(|r| match r {
            Row::Claim(c) => c,
            Row::Only(..) => panic!("no passage rows without a filter"),
        })
        .collect()
}

/// The passages of the claim on row `k`, as the matrix footer names them ("A 3", "C 1,2").
fn claim_passages(m: &Model, k: usize) -> Vec<String> {
    reader(m).cmp.clusters[visible(m)[k]]
        .members
        .iter()
        .map(|mb| {
            let ids: Vec<String> = mb.segments.iter().map(|s| (s.0 + 1).to_string()).collect();
            format!("{} {}", (b'A' + mb.doc.0 as u8) as char, ids.join(","))
        })
        .collect()
}

#[test]
fn on_a_small_screen_the_matrix_footer_stays_whole_and_in_sight() {
    let mut m = demo_model(80, 24);
    press(&mut m, "m");
    // Where the box's corners stand: its top row, its left and right columns, its bottom row.
    let corners = |rows: &[String]| {
        let top = rows
            .iter()
            .position(|l| l.contains("Claims"))
            .expect("the matrix");
        let bottom = (top..rows.len()).find(|&k| rows[k].contains('┘'));
        (top, rows[top].find('┌'), rows[top].find('┐'), bottom)
    };
    let first = corners(&support::rows(&draw(&m)));
    let claims = reader(&m).cmp.clusters.len();
    for k in 0..claims.min(12) {
        let rows = support::rows(&draw(&m));
        for item in claim_passages(&m, k) {
            // Whole: "C 1,2" must not pass for "C 1,2,3".
            let whole = |r: &String| {
                r.match_indices(&item).any(|(i, _)| {
                    !r[i + item.len()..].starts_with(|c: char| c == ',' || c.is_ascii_digit())
                })
            };
            assert!(
                rows.iter().any(whole),
                "claim {k}: {item} in\n{}",
                rows.join("\n")
            );
        }
        assert_eq!(corners(&rows), first, "the box keeps its size");
        press(&mut m, "j");
    }
}

#[test]
fn enter_on_a_claim_keeps_the_shown_source_that_states_it() {
    let mut m = demo_model(120, 40);
    let clusters = reader(&m).cmp.clusters.clone();
    let mut tried = 0;
    for (k, c) in clusters.iter().enumerate() {
        let states = |doc: usize| c.members.iter().any(|mb| mb.doc == SourceId(doc));
        // The 2026 pair (C, D) is shown; the claim is stated by one of them only.
        let kept = match (states(2), states(3)) {
            (true, false) => 2,
            (false, true) => 3,
            _ => continue,
        };
        press(&mut m, "p j j j j j enter");
        assert_eq!(reader(&m).pair.src, [SourceId(2), SourceId(3)]);
        press(&mut m, "m g");
        let row = visible(&m).iter().position(|&c| c == k).unwrap();
        for _ in 0..row {
            press(&mut m, "j");
        }
        press(&mut m, "enter");
        let shown = reader(&m).pair.src;
        assert!(
            shown.contains(&SourceId(kept)),
            "claim {k}: {shown:?} keeps {kept}"
        );
        assert!(shown.iter().all(|&d| states(d.0)), "claim {k}: {shown:?}");
        tried += 1;
    }
    assert!(tried > 0, "the demo has claims one 2026 article leaves out");
}

#[test]
fn the_detail_panel_names_the_shown_pairs_sides() {
    let mut m = demo_model(120, 40);
    press(&mut m, "p j j j j j enter");
    assert_eq!(reader(&m).pair.src, [SourceId(2), SourceId(3)]);
    let links = reader(&m).pair.links.len();
    let mut grouped = 0;
    for _ in 0..links {
        press(&mut m, "n");
        let s = screen(&draw(&m));
        assert!(!s.contains("of A tell"), "{s}");
        grouped += usize::from(s.contains(" passages of C tell what "));
    }
    assert!(grouped > 0, "the 2026 articles have n:m links");
}

#[test]
fn enter_in_the_matrix_shows_the_claim() {
    let mut m = demo_model(120, 40);
    let clusters = reader(&m).cmp.clusters.clone();
    if clusters.is_empty() {
        return; // nothing to show; the overlay still says so (see the pick test)
    }
    let last = *visible(&m).last().unwrap();
    press(&mut m, "m G enter");
    assert_eq!(m.overlay, None);
    let r = reader(&m);
    let c = &clusters[last];
    let side = m.active;
    let member = c
        .members
        .iter()
        .find(|mb| mb.doc == r.pair.src[side])
        .expect("the pane shown holds a source that states the claim");
    assert_eq!(m.panes[side].focus, member.segments[0]);
    assert!(
        c.members
            .iter()
            .any(|mb| mb.doc == r.pair.src[side.other()])
    );
}

#[test]
fn q_quits_even_while_aligning() {
    let mut m = Model::new(tui::config::Config::default(), vec!["a".into(), "b".into()]);
    update(&mut m, Action::Resize(80, 24));
    update(&mut m, Action::Progress(1, 3));
    assert!(screen(&draw(&m)).contains("1/3"));
    let ev =
        ratatui::crossterm::event::KeyEvent::from(ratatui::crossterm::event::KeyCode::Char('q'));
    let a = m.config.keymap.action(&ev, false).unwrap();
    assert_eq!(update(&mut m, a), Some(tui::action::Effect::Quit));
}

#[test]
fn with_two_sources_m_and_p_say_why_nothing_opens() {
    let docs = vec![
        parallax::Document::from_text("a.txt", "The bridge opened on Monday.\n"),
        parallax::Document::from_text("b.txt", "On Monday the bridge opened.\n"),
    ];
    let cmp = parallax::Comparison::build(
        docs,
        &parallax_cli::tui::reader_options(parallax::Options::default()),
    )
    .unwrap();
    let mut m = support::model_with(cmp, tui::config::Config::default(), 120, 30);
    press(&mut m, "m");
    assert!(m.overlay.is_none());
    assert_eq!(
        m.message.as_deref(),
        Some("the claim matrix needs three sources or more")
    );
    press(&mut m, "p");
    assert_eq!(
        m.message.as_deref(),
        Some("only two sources: nothing to pick")
    );
}

#[test]
fn input_text_never_reaches_the_terminal_raw() {
    let docs = vec![
        parallax::Document::from_text(
            "evil\u{1b}]0;x\u{7}.txt",
            "Hello \u{1b}[2J world. The end is near.\n",
        ),
        parallax::Document::from_text("b.txt", "Hello \u{1b}[2J world. Something else entirely.\n"),
    ];
    let cmp = parallax::Comparison::build(
        docs,
        &parallax_cli::tui::reader_options(parallax::Options::default()),
    )
    .unwrap();
    let m = support::model_with(cmp, tui::config::Config::default(), 120, 30);
    let buf = draw(&m);
    for cell in buf.content() {
        assert!(
            !cell.symbol().chars().any(|c| c.is_control()),
            "{:?}",
            cell.symbol()
        );
    }
    assert!(screen(&buf).contains('␛'));
}

/// The note editor's keys are in the keymap like every other: `?` lists them, and a
/// configuration rebinds them (the editor's footer follows); a plain letter is refused, as it
/// could no longer be typed into a note.
#[test]
fn the_note_editors_keys_come_from_the_keymap() {
    let mut m = demo_model(120, 40);
    press(&mut m, "? G");
    let help = screen(&draw(&m));
    assert!(
        help.contains("note editor: save the note") && help.contains("note editor: cancel"),
        "{help}"
    );
    press(&mut m, "esc a");
    assert!(screen(&draw(&m)).contains("ctrl-s saves · Esc cancels"));

    let keys = "[keys]\nnote_save = \"ctrl-w\"\nnote_cancel = \"ctrl-g\"\n";
    let config = tui::config::Config::from_toml(keys, false).unwrap();
    let mut m = support::model_with(support::demo(), config, 120, 40);
    press(&mut m, "a");
    type_keys(&mut m, "kept");
    assert!(screen(&draw(&m)).contains("ctrl-w saves · ctrl-g cancels"));
    press(&mut m, "ctrl-s esc");
    assert!(
        matches!(m.dialog, Some(Dialog::Editor(_))),
        "the old keys are free"
    );
    press(&mut m, "ctrl-w");
    assert!(m.dialog.is_none());
    assert_eq!(m.notes.notes.ordered()[0].text, "kept");
    press(&mut m, "a");
    type_keys(&mut m, " more");
    press(&mut m, "ctrl-g");
    assert!(screen(&draw(&m)).contains("ctrl-g again discards"));
    press(&mut m, "ctrl-g");
    assert!(m.dialog.is_none());
    assert_eq!(m.notes.notes.ordered()[0].text, "kept");

    let letter = tui::config::Config::from_toml("[keys]\nnote_save = \"w\"\n", false);
    assert!(letter.unwrap_err().contains("type"));
}

/// A search whose words only the other source has goes to that pane's first hit (it
/// used to stop at "none in this pane", leaving the user to guess Tab).
#[test]
fn a_search_only_the_other_pane_matches_goes_there() {
    // Only the speed read (B) tells of a naval blockade.
    let mut m = demo_model(120, 40);
    assert_eq!(m.active, PaneSide::Left);
    press(&mut m, "/");
    type_text(&mut m, "blockade");
    press(&mut m, "enter");
    assert_eq!(m.active, PaneSide::Right);
    let b = &reader(&m).cmp.sources[1];
    assert!(
        b.segment_text(m.panes[1].focus)
            .to_lowercase()
            .contains("blockade")
    );
    let msg = m.message.clone().unwrap_or_default();
    assert!(
        msg.starts_with("“blockade”: 0 passages in A, 2 in B"),
        "{msg}"
    );
    assert!(msg.ends_with("none further in A: went on in B"), "{msg}");
    assert!(screen(&draw(&m)).contains("went on in B"));
    let first = m.panes[1].focus;
    press(&mut m, "]");
    assert!(m.panes[1].focus > first);
    // None further in B, none in A: round to B's first.
    press(&mut m, "]");
    assert_eq!((m.active, m.panes[1].focus), (PaneSide::Right, first));
    let msg = m.message.clone().unwrap_or_default();
    assert!(msg.ends_with("went on from the top"), "{msg}");
    // The one hit of both sources: `]` stays and says so.
    press(&mut m, "/");
    type_text(&mut m, "kingpin");
    press(&mut m, "enter ]");
    assert_eq!(m.active, PaneSide::Right);
    let msg = m.message.clone().unwrap_or_default();
    assert!(
        msg.starts_with("“kingpin”: 0 passages in A, 1 in B"),
        "{msg}"
    );
    assert!(msg.ends_with("this is the only one"), "{msg}");
}

/// `]` visits every hit of both panes: on in the focused pane, then the other pane's from
/// its top, then round again. (With one hit in A and two in the other pane, `]` used to
/// say "search went on from the top" and stay on A's hit.) A new search that starts over
/// from the top still says how many each pane has.
#[test]
fn next_hit_goes_on_in_the_other_pane_then_round() {
    let mut m = demo_model(120, 40);
    let hits = |m: &Model, side: usize| {
        (0..reader(m).cmp.sources[side].segments.len())
            .filter(|&s| m.search.hits[side][s])
            .map(SegmentId)
            .collect::<Vec<_>>()
    };
    press(&mut m, "G");
    press(&mut m, "/");
    type_text(&mut m, "cabello");
    press(&mut m, "enter");
    let (a, b) = (hits(&m, 0), hits(&m, 1));
    assert!(a.len() >= 2 && b.len() >= 2, "{a:?} {b:?}");
    let msg = m.message.clone().unwrap_or_default();
    assert!(msg.starts_with("“cabello”: "), "the count stays: {msg}");
    let mut seen = vec![(m.active, m.panes[m.active].focus)];
    for _ in 0..a.len() + b.len() {
        press(&mut m, "]");
        seen.push((m.active, m.panes[m.active].focus));
    }
    let want: Vec<(PaneSide, SegmentId)> = (a.iter().map(|&s| (PaneSide::Left, s)))
        .chain(b.iter().map(|&s| (PaneSide::Right, s)))
        .collect();
    // From the last passage of A: its last hit (the search starts round at A's first, the
    // walk goes through A, into B, and round to A's first).
    let start = want.iter().position(|w| *w == seen[0]).expect("on a hit");
    for (k, got) in seen.iter().enumerate() {
        assert_eq!(*got, want[(start + k) % want.len()], "step {k}: {seen:?}");
    }
    // Backwards from B's first hit: A's last.
    while (m.active, m.panes[m.active].focus) != (PaneSide::Right, b[0]) {
        press(&mut m, "]");
    }
    press(&mut m, "[");
    assert_eq!(
        (m.active, m.panes[0].focus),
        (PaneSide::Left, *a.last().unwrap())
    );
    // Nothing anywhere: said, and `]` says it again rather than "no hit in this pane".
    press(&mut m, "/");
    type_text(&mut m, "zebra");
    press(&mut m, "enter");
    press(&mut m, "]");
    let msg = m.message.clone().unwrap_or_default();
    assert_eq!(msg, "no passage of the 4 sources matches “zebra”");
    // Only another pair's sources have it: the search says which (the 2026 bounty).
    press(&mut m, "/");
    type_text(&mut m, "$25 million");
    press(&mut m, "enter");
    let msg = m.message.clone().unwrap_or_default();
    assert_eq!(
        msg,
        "no passage matches “$25 million” in A or B; D has it (p picks the pair)"
    );
}

#[test]
fn search_ignores_accents_and_counts_each_pane() {
    // The 2019 AP rewrite writes "Nicholas", the speed read "Nicolás".
    let mut m = demo_model(120, 40);
    press(&mut m, "/");
    type_text(&mut m, "nicolas maduro");
    press(&mut m, "enter");
    let hits = |side: usize| m.search.hits[side].iter().filter(|h| **h).count();
    assert!(hits(1) > 0, "“Nicolás Maduro” found by “nicolas maduro”");
    let msg = m.message.clone().unwrap_or_default();
    let count = format!(
        "“nicolas maduro”: {} in A, {} in B",
        if hits(0) == 1 {
            "1 passage".to_string()
        } else {
            format!("{} passages", hits(0))
        },
        hits(1)
    );
    assert!(msg.starts_with(&count), "{msg:?} vs {count:?}");
}

#[test]
fn a_pages_machine_time_reads_as_a_date_in_the_pane_title() {
    let mut a = parallax::Document::from_text("page.html", "The bridge opened on Monday.\n");
    a.meta.date = Some("2025-03-04T10:00:00+01:00".into());
    let mut b = parallax::Document::from_text("b.txt", "On Monday the bridge opened.\n");
    b.meta.date = Some("4. März 2025".into());
    let cmp = parallax::Comparison::build(
        vec![a, b],
        &parallax_cli::tui::reader_options(parallax::Options::default()),
    )
    .unwrap();
    let m = support::model_with(cmp, tui::config::Config::default(), 120, 30);
    let s = screen(&draw(&m));
    assert!(s.contains("page.html · 2025-03-04 10:00"), "{s}");
    assert!(s.contains("b.txt · 4. März 2025"), "{s}");
}

#[test]
fn a_long_headline_is_cut_so_the_date_and_byline_still_show() {
    let headline = "Officials across the region confirm that the long awaited coastal bridge \
                    finally opened to traffic on Monday morning after years of delay";
    let mut a = parallax::Document::from_text("a.txt", "The bridge opened on Monday.\n");
    a.meta.title = Some(headline.into());
    a.meta.date = Some("4 March 2025".into());
    a.meta.byline = Some("Jane Roe".into());
    let b = parallax::Document::from_text("b.txt", "On Monday the bridge opened.\n");
    let cmp = parallax::Comparison::build(
        vec![a, b],
        &parallax_cli::tui::reader_options(parallax::Options::default()),
    )
    .unwrap();
    let m = support::model_with(cmp, tui::config::Config::default(), 100, 30);
    let s = screen(&draw(&m));
    let top = s.lines().next().unwrap_or_default();
    assert!(top.contains("… · 4 March 2025 · Jane Roe"), "{top}");
    assert!(top.contains("A Officials across"), "{top}");
}

/// `:` goes to a passage by the number the matrix, the reports and the notes give it ("D 3
/// is linked to A 2"): in the focused pane, or in another source, shown beside the left
/// pane's when it is not on screen; a number that names nothing says so and stays put.
#[test]
fn a_passage_named_by_its_number_is_one_key_away() {
    let mut m = demo_model(120, 40);
    let status = |m: &Model| {
        let s = screen(&draw(m));
        s.lines().last().unwrap_or_default().to_string()
    };
    press(&mut m, ":");
    assert!(status(&m).contains("go to passage: 12 in this pane, or B 12"));
    // Only the prompt's own keys are offered: the reader's type into it.
    assert!(status(&m).contains("Enter go Esc cancel"), "{}", status(&m));
    assert!(!status(&m).contains("n/N link"), "{}", status(&m));
    type_keys(&mut m, "5\n");
    assert_eq!((m.active, m.panes[0].focus), (PaneSide::Left, SegmentId(4)));
    assert!(status(&m).contains("passage 5/"), "{}", status(&m));
    // Typed as keys: "d" types into the prompt, it does not run a command.
    press(&mut m, ":");
    type_keys(&mut m, "d 3\n");
    let r = reader(&m);
    assert_eq!(r.pair.src, [SourceId(0), SourceId(3)]);
    assert_eq!(
        (m.active, m.panes[1].focus),
        (PaneSide::Right, SegmentId(2))
    );
    assert!(status(&m).contains("D passage 3"), "{}", status(&m));
    assert!(status(&m).contains("passage 3/"), "{}", status(&m));
    // In the other pane's source, the pair stays.
    press(&mut m, ":");
    type_keys(&mut m, "A2\n");
    assert_eq!(reader(&m).pair.src, [SourceId(0), SourceId(3)]);
    assert_eq!((m.active, m.panes[0].focus), (PaneSide::Left, SegmentId(1)));
    let n = reader(&m).cmp.sources[3].segments.len();
    for (typed, says) in [
        ("D 999", format!("D has passages 1 to {n}: no passage 999")),
        ("Z 1", "no source Z: the sources are A to D".to_string()),
        (
            "D 99999999999999999999999",
            format!("D has passages 1 to {n}: no passage 99999999999999999999999"),
        ),
        ("twelve", "“twelve” is not a passage".to_string()),
    ] {
        press(&mut m, ":");
        type_keys(&mut m, &format!("{typed}\n"));
        assert!(status(&m).contains(&says), "{typed}: {}", status(&m));
        assert_eq!((m.active, m.panes[0].focus), (PaneSide::Left, SegmentId(1)));
        assert_eq!(reader(&m).pair.src, [SourceId(0), SourceId(3)]);
    }
    // Esc leaves the prompt, and `/` searches again.
    press(&mut m, ": esc /");
    type_keys(&mut m, "blockade\n");
    assert!(m.message.as_deref().unwrap_or("").contains("“blockade”"));
    // In the claim matrix, `:` closes it for the prompt (the digits typed are no filter).
    press(&mut m, "m :");
    assert_eq!(m.overlay, None);
    type_keys(&mut m, "A 3\n");
    assert_eq!((m.active, m.panes[0].focus), (PaneSide::Left, SegmentId(2)));
    // Linking by hand, the pair stays: only a passage of the pane the partner is chosen in.
    press(&mut m, "l :");
    type_keys(&mut m, "B 2\n");
    let said = m.message.clone().unwrap_or_default();
    assert_eq!(
        said,
        "linking A 3 by hand: go to a passage of D (Esc gives up the link)"
    );
    assert!(status(&m).contains(&said), "{}", status(&m));
    assert_eq!(reader(&m).pair.src, [SourceId(0), SourceId(3)]);
    press(&mut m, ":");
    type_keys(&mut m, "D 4\n");
    assert_eq!(
        (m.active, m.panes[1].focus),
        (PaneSide::Right, SegmentId(3))
    );
    assert!(m.linking.is_some());
}
