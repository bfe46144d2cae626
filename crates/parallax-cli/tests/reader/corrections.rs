//! Corrections by hand in the reader: `x` hides a wrong link and restores it, `l` then Enter
//! links two passages, `w` lists the best partners and links one, and the link panel grows
//! (`z`) and scrolls (`J`/`K`) so that everything in it can be read at 80×24; a passage
//! with a possible link (too unsure to show) says so in its panel.

use parallax::SegmentId;
use parallax::align::Reason;
use parallax_cli::tui;
use tui::dialog::Dialog;
use tui::model::Model;
use tui::side::PaneSide;

use crate::support::{draw, fixture_model, on_unlinked, press, refined_demo_model, rows, screen};

fn links(m: &Model) -> usize {
    m.ready().unwrap().pair.links.len()
}

fn linked(m: &Model, side: PaneSide, seg: SegmentId) -> Option<(Vec<SegmentId>, f32, bool)> {
    let r = m.ready().unwrap();
    let l = r.pair.link_at(side, seg)?;
    let link = r.pair.link(&r.cmp, l);
    let by_hand = link.why.contains(&Reason::ByHand);
    Some((
        r.pair.shown(l).segs[side.other()].clone(),
        link.score,
        by_hand,
    ))
}

#[test]
fn x_hides_the_focused_link_and_x_again_restores_it() {
    let mut m = fixture_model(120, 40);
    press(&mut m, "n");
    let seg = m.panes[0].focus;
    let was = linked(&m, PaneSide::Left, seg).expect("n goes to a link");
    let n = links(&m);
    press(&mut m, "x");
    assert_eq!(linked(&m, PaneSide::Left, seg), None);
    assert_eq!(links(&m), n - 1);
    assert!(m.notes.dirty, "a correction is unsaved work");
    let shown = screen(&draw(&m));
    assert!(shown.contains("marked wrong"));
    // Called what it is: the user wrote no note.
    assert!(
        shown.contains("corrections unsaved") && !shown.contains("notes unsaved"),
        "{shown}"
    );
    press(&mut m, "x");
    assert_eq!(linked(&m, PaneSide::Left, seg), Some(was));
    assert_eq!(links(&m), n);
    let shown = screen(&draw(&m));
    assert!(shown.contains("link restored"));
    assert!(m.notes.notes.corrections().is_empty());
    // Undone, the correction leaves nothing unsaved: quitting does not ask.
    assert!(!m.notes.dirty, "nothing is unsaved after x twice");
    assert!(!shown.contains("notes unsaved"), "{shown}");
}

#[test]
fn l_then_enter_links_two_passages_by_hand_and_x_removes_it() {
    let mut m = fixture_model(120, 40);
    on_unlinked(&mut m);
    let side = m.active;
    let from = m.panes[side].focus;
    press(&mut m, "l");
    assert_eq!(
        m.active,
        side.other(),
        "the partner is chosen in the other pane"
    );
    assert!(screen(&draw(&m)).contains("by hand to:"));
    press(&mut m, "g");
    let to = m.panes[m.active].focus;
    press(&mut m, "enter");
    assert_eq!(linked(&m, side, from), Some((vec![to], 1.0, true)));
    let shown = screen(&draw(&m));
    assert!(shown.contains("linked by hand"), "{shown}");
    // x on a hand link removes it.
    press(&mut m, "x");
    assert!(m.notes.notes.corrections().is_empty());
    assert_ne!(linked(&m, side, from).map(|l| l.2), Some(true));
    // Esc while linking makes none.
    press(&mut m, "l esc");
    assert!(m.linking.is_none() && m.notes.notes.corrections().is_empty());
}

#[test]
fn w_lists_the_best_partners_and_enter_links_one() {
    let mut m = fixture_model(120, 40);
    on_unlinked(&mut m);
    let side = m.active;
    let from = m.panes[side].focus;
    press(&mut m, "w");
    let Some(Dialog::Partners(p)) = &m.dialog else {
        panic!("w opens the partners")
    };
    assert!(!p.items.is_empty());
    assert!(p.items.windows(2).all(|w| w[0].score >= w[1].score));
    let (second, score) = (p.items[1].segment, p.items[1].score);
    // A partner already in a link says which: linking it by hand changes that link.
    let r = m.ready().unwrap();
    let taken = p
        .items
        .iter()
        .find_map(|q| r.pair.link_at(side.other(), q.segment))
        .expect("a partner of the fixture's added passage is in a link");
    let shown = screen(&draw(&m));
    assert!(shown.contains("Best partners of"), "{shown}");
    assert!(shown.contains(&format!("{score:.2}")), "{shown}");
    assert!(
        shown.contains(&format!("(in link {})", taken.number())),
        "{shown}"
    );
    press(&mut m, "j enter");
    assert!(m.dialog.is_none());
    assert_eq!(linked(&m, side, from), Some((vec![second], 1.0, true)));
}

/// At 80×24 the partner under the cursor is shown whole, its passage and reasons wrapped;
/// the others stay one row each.
#[test]
fn w_shows_the_partner_under_the_cursor_whole_at_80x24() {
    let mut m = fixture_model(80, 24);
    let whole = |m: &Model, k: usize| {
        let (Some(Dialog::Partners(p)), Some(r)) = (&m.dialog, m.ready()) else {
            panic!("w opens the partners")
        };
        let text = r.cmp.source(p.other).segment_text(p.items[k].segment);
        text.split_whitespace().collect::<Vec<_>>().join(" ")
    };
    // An unlinked passage whose two best partners are each longer than a row.
    let mut found = None;
    for _ in 0..20 {
        on_unlinked(&mut m);
        press(&mut m, "w");
        let (first, second) = (whole(&m, 0), whole(&m, 1));
        if first.chars().count() > 80 && second.chars().count() > 80 {
            found = Some((first, second));
            break;
        }
        press(&mut m, "esc");
    }
    let (first, second) = found.expect("an unlinked passage with two long partners");
    let flat = |m: &Model| {
        // The text inside the box: between its left and right borders on each row.
        let rows: Vec<String> = crate::support::rows(&draw(m))
            .iter()
            .filter_map(|l| l.split('│').nth(1).map(str::to_string))
            .collect();
        rows.join(" ")
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    };
    let tail = |t: &str| {
        let words: Vec<&str> = t.split(' ').collect();
        words[words.len() - 4..].join(" ")
    };
    let shown = flat(&m);
    assert!(shown.contains(&tail(&first)), "{shown}");
    assert!(!shown.contains(&tail(&second)), "{shown}");
    // Nothing of the panes peeks out beside the box: its rows end with its right border.
    let rows = crate::support::rows(&draw(&m));
    let top = rows
        .iter()
        .position(|r| r.contains("┌ Best partners"))
        .expect("the box");
    let bottom = top
        + rows[top..]
            .iter()
            .position(|r| r.contains('└'))
            .expect("its end");
    for r in &rows[top..=bottom] {
        let last = r.trim_end().chars().last();
        assert!(matches!(last, Some('┐' | '│' | '┘')), "{r:?} in {rows:#?}");
    }
    press(&mut m, "j");
    let shown = flat(&m);
    assert!(shown.contains(&tail(&second)), "{shown}");
}

#[test]
fn the_link_panel_grows_and_scrolls_so_nothing_is_cut_at_80x24() {
    let mut m = fixture_model(80, 24);
    // The link whose panel is the longest: its text cannot fit the usual panel.
    let n = links(&m);
    let mut cut = false;
    for _ in 0..n {
        press(&mut m, "n");
        if screen(&draw(&m)).contains("more: z larger, J scrolls") {
            cut = true;
            break;
        }
    }
    assert!(cut, "some link's panel is cut at 80×24 and says so");
    let small = m.areas().detail.height;
    // J scrolls the small panel through the whole text.
    let before = screen(&draw(&m));
    press(&mut m, "J");
    let after = screen(&draw(&m));
    assert_ne!(before, after, "J scrolls the panel");
    assert!(after.contains("K scroll"), "{after}");
    // It stops at the last full page: one K from there goes back up at once.
    for _ in 0..60 {
        press(&mut m, "J");
    }
    let end = screen(&draw(&m));
    assert!(!end.contains("more:"), "nothing more below: {end}");
    press(&mut m, "K");
    assert_ne!(
        screen(&draw(&m)),
        end,
        "K scrolls back from the last page at once"
    );
    // z makes it larger, from its top; whatever still does not fit scrolls.
    press(&mut m, "z");
    assert!(m.areas().detail.height > small);
    assert_eq!(
        m.panel.scroll, 0,
        "another size shows the panel from its top"
    );
    let big = screen(&draw(&m));
    press(&mut m, "J");
    if big.contains("more: z larger, J scrolls") {
        assert!(screen(&draw(&m)).contains("K scroll"));
    } else {
        assert_eq!(
            screen(&draw(&m)),
            big,
            "all of it fits: J has nothing to scroll"
        );
    }
    press(&mut m, "z");
    assert_eq!(m.areas().detail.height, small);
}

/// An added passage whose possible link (below the shown bar) the panel names, with the
/// partner's text, so a reader can judge it and link it by hand.
/// The first passage only one source has that has a possible link, in any pair of the
/// refined demo, which it then shows: its side, passage, score and partners.
fn first_possible(m: &mut Model) -> (PaneSide, SegmentId, f32, Vec<SegmentId>) {
    let n = m.ready().unwrap().cmp.sources.len();
    for (left, right) in tui::pair::pairs(n) {
        m.ready_mut().unwrap().show(left, right);
        let r = m.ready().unwrap();
        for side in PaneSide::BOTH {
            let segs = r.cmp.source(r.pair.src[side]).segments.len();
            for seg in (0..segs).map(SegmentId) {
                if r.pair.is_added(side, seg)
                    && let Some((link, there)) = r.pair.possible_at(&r.cmp, side, seg)
                {
                    return (side, seg, link.score, there);
                }
            }
        }
    }
    panic!("the demo has a possible link")
}

#[test]
fn an_added_passage_names_its_possible_link() {
    let mut m = refined_demo_model(120, 40);
    let (side, seg, score, there) = first_possible(&mut m);
    m.active = side;
    m.panes[side].focus = seg;
    let shown = screen(&draw(&m));
    let r = m.ready().unwrap();
    let other = r.pair.src[side.other()].letter();
    assert!(
        shown.contains(&format!(
            "Possible link, too unsure to show ({score:.2}, below 0.60)"
        )),
        "{shown}"
    );
    assert!(
        shown.contains(&format!(": {other} {}", there[0].number())),
        "{shown}"
    );
    assert!(shown.contains("counterpart it is sure of"), "{shown}");
    // The partner's text is there to judge.
    let partner = r
        .cmp
        .source(r.pair.src[side.other()])
        .segment_text(there[0]);
    let start: String = partner
        .split_whitespace()
        .take(4)
        .collect::<Vec<_>>()
        .join(" ");
    assert!(shown.contains(&start), "{start:?} in {shown}");
}

#[test]
fn p_marks_possible_links_in_the_panes_and_enter_goes_to_the_partner() {
    let mut m = refined_demo_model(120, 40);
    let (side, seg, _, there) = first_possible(&mut m);
    let count = links(&m);
    // Walk to the passage as a user would (u: next passage this source adds).
    m.active = side;
    press(&mut m, "g");
    for _ in 0..200 {
        if m.panes[side].focus == seg {
            break;
        }
        press(&mut m, "u");
    }
    assert_eq!(m.panes[side].focus, seg);
    let text = m
        .ready()
        .unwrap()
        .cmp
        .source(m.ready().unwrap().pair.src[side])
        .segment_text(seg);
    let start: String = text
        .split_whitespace()
        .take(3)
        .collect::<Vec<_>>()
        .join(" ");
    let x = tui::layout::areas(m.size, m.active).pane[side].unwrap().x as usize;
    let gutter = |m: &Model| -> (char, char) {
        let rows = rows(&draw(m));
        let row = rows
            .iter()
            .find(|r| {
                r.chars()
                    .skip(x + 7)
                    .collect::<String>()
                    .trim_start()
                    .starts_with(&start)
            })
            .unwrap_or_else(|| panic!("{start:?} on screen: {rows:#?}"));
        let cells: Vec<char> = row.chars().collect();
        (cells[x + 1], cells[x + 6])
    };
    assert_eq!(gutter(&m), ('+', '┃'), "hidden at first");

    press(&mut m, "P");
    assert_eq!(gutter(&m), ('?', '┆'));
    let shown = screen(&draw(&m));
    assert!(shown.contains("possible links shown"), "{shown}");
    assert_eq!(links(&m), count, "a possible link is not counted as a link");
    press(&mut m, "enter");
    assert_eq!(
        (m.active, m.panes[m.active].focus),
        (side.other(), there[0])
    );

    press(&mut m, "P");
    m.active = side;
    assert_eq!(gutter(&m), ('+', '┃'), "hidden again");
    press(&mut m, "enter");
    assert_eq!(
        m.message.as_deref(),
        Some("this passage has no counterpart")
    );
}

/// Linking by hand, the user may Tab back to the first pane: Enter there picks the passage
/// to link anew (the prompt said nothing and Enter did nothing); a partner taken from a
/// link says so; the link by hand's panel says "by hand", not an aligner's score.
#[test]
fn enter_in_the_first_pane_picks_anew_and_a_partner_taken_from_a_link_says_so() {
    let mut m = fixture_model(120, 40);
    on_unlinked(&mut m);
    let side = m.active;
    press(&mut m, "l tab");
    assert_eq!(m.active, side, "Tab went back");
    press(&mut m, "j");
    let from = m.panes[side].focus;
    press(&mut m, "enter");
    assert_eq!(
        m.active,
        side.other(),
        "the partner is chosen in the other pane"
    );
    assert_eq!(m.linking.map(|l| l.from.1), Some(from));
    assert!(screen(&draw(&m)).contains("by hand to:"));
    press(&mut m, "esc");

    // A partner in a link: linking it names the link it leaves.
    let mut m = fixture_model(120, 40);
    on_unlinked(&mut m);
    let side = m.active;
    let from = m.panes[side].focus;
    press(&mut m, "l");
    let other = side.other();
    let r = m.ready().unwrap();
    let (to, was) = (0..r.pair.link_of[other].len())
        .map(SegmentId)
        .find_map(|s| {
            let l = r.pair.link_at(other, s)?;
            let with: Vec<String> = r.pair.shown(l).segs[side]
                .iter()
                .map(|g| g.number().to_string())
                .collect();
            Some((
                s,
                format!("{} {}", r.pair.src[side].letter(), with.join("+")),
            ))
        })
        .expect("a linked passage in the other pane");
    press(&mut m, "g");
    while m.panes[other].focus != to {
        press(&mut m, "j");
    }
    press(&mut m, "enter");
    let shown = screen(&draw(&m));
    let said = format!(
        "{} {} left its link with {was}",
        m.ready().unwrap().pair.src[other].letter(),
        to.number()
    );
    assert!(shown.contains(&said), "{said}: {shown}");
    assert_eq!(linked(&m, side, from).map(|l| l.2), Some(true));
    press(&mut m, "tab g");
    while m.panes[side].focus != from {
        press(&mut m, "j");
    }
    let shown = screen(&draw(&m));
    assert!(shown.contains("· by hand ·"), "{shown}");
}

/// Two passages the aligner linked to each other alone, linked again by hand, leave no link:
/// the status line says the link is by hand, not that each left the other.
#[test]
fn linking_by_hand_two_passages_already_linked_says_no_one_left() {
    let mut m = fixture_model(120, 40);
    // The first link joining one passage to one.
    let mut one_to_one = false;
    for _ in 0..10 {
        press(&mut m, "n");
        let seg = m.panes[PaneSide::Left].focus;
        let r = m.ready().unwrap();
        let l = r.pair.link_at(PaneSide::Left, seg).unwrap();
        if r.pair.shown(l).segs.iter().all(|s| s.len() == 1) {
            one_to_one = true;
            break;
        }
    }
    assert!(one_to_one, "the fixture has a link of one passage to one");
    press(&mut m, "l enter");
    let shown = screen(&draw(&m));
    assert!(shown.contains("linked by hand"), "{shown}");
    assert!(!shown.contains("left its link"), "{shown}");
}
