//! Where the claim matrix's cursor goes: back to the row and filter it was left on, after
//! the claims are grown anew (links refined, or corrected by hand) to the claim it was on,
//! and into sight on a small screen.

use parallax::{Comparison, Options};
use parallax_cli::tui;
use tui::model::Model;

use crate::support::{demo_model, draw, press, refined_demo_model};

fn cmp(m: &Model) -> &Comparison {
    &m.ready().expect("loaded").cmp
}

/// The matrix's title row: "Claims × sources: " and its filter.
fn matrix_title(m: &Model) -> String {
    let rows = crate::support::rows(&draw(m));
    let title = rows.iter().find(|l| l.contains("Claims × sources"));
    title.expect("the matrix is open").clone()
}

/// Closed, or left for a claim with Enter, the matrix opens again on the row and under the
/// filter it was left on, so the claims can be read one after another.
#[test]
fn the_matrix_opens_again_where_it_was_left() {
    let mut m = refined_demo_model(120, 40);
    let cursor = |m: &Model| {
        let rows = crate::support::rows(&draw(m));
        rows.iter()
            .find_map(|l| {
                let (_, rest) = l.split_once('▶')?;
                rest.split_whitespace().next()?.parse::<usize>().ok()
            })
            .expect("a row under the cursor")
    };
    press(&mut m, "m j j");
    assert_eq!(cursor(&m), 3);
    press(&mut m, "esc");
    assert!(m.overlay.is_none());
    press(&mut m, "m");
    assert_eq!(cursor(&m), 3, "reopened where it was closed");
    press(&mut m, "j enter");
    assert!(m.overlay.is_none(), "Enter shows the claim in the panes");
    press(&mut m, "m");
    assert_eq!(cursor(&m), 4, "reopened on the claim Enter showed");
    // Under the filter it was closed with (`m` closes it as Esc does without a filter).
    press(&mut m, "3 m");
    assert!(m.overlay.is_none());
    press(&mut m, "m");
    let title = matrix_title(&m);
    assert!(title.contains("in conflict"), "{title}");
    // The first Esc clears the filter (from the top of every claim), the second closes.
    press(&mut m, "esc j esc m");
    let title = matrix_title(&m);
    assert!(title.contains("all claims"), "{title}");
    assert_eq!(cursor(&m), 2);
    // Claims grown anew (here the links refined once more, to the same) keep it on its
    // claim, under the filter left.
    press(&mut m, "3 j m");
    use parallax_cli::tui::{action::Action, update::update};
    update(&mut m, Action::Refining);
    let again = crate::support::refined_demo();
    update(&mut m, Action::Refined(Ok(Box::new(again))));
    press(&mut m, "m");
    let title = matrix_title(&m);
    assert!(title.contains("in conflict"), "{title}");
    assert_eq!(cursor(&m), 2);
}

/// When the encoder's links replace the first ones, the claims are grown and numbered anew;
/// the matrix stays on the claim the user was reading: the row that now holds most of its
/// passages, wherever that row went.
#[test]
fn the_matrix_follows_its_claim_when_the_links_are_refined() {
    use parallax_cli::tui::matrix::{Filter, passages_at};
    use parallax_cli::tui::model::Overlay;
    use parallax_cli::tui::{action::Action, update::update};
    // Never opened, it opens on its top row once the links are refined, as before.
    let mut m = demo_model(120, 40);
    update(&mut m, Action::Refining);
    let refined = Box::new(crate::support::refined_demo());
    update(&mut m, Action::Refined(Ok(refined)));
    press(&mut m, "m");
    assert_eq!(m.overlay, Some(Overlay::Matrix(0, Filter::All)));
    let mut moved = 0;
    let first = demo_model(120, 40);
    let n = cmp(&first).clusters.len();
    for at in 1..n {
        let mut m = demo_model(120, 40);
        press(&mut m, "m");
        for _ in 0..at {
            press(&mut m, "j");
        }
        let was = passages_at(cmp(&m), Filter::All, at);
        update(&mut m, Action::Refining);
        update(
            &mut m,
            Action::Refined(Ok(Box::new(crate::support::refined_demo()))),
        );
        let Some(Overlay::Matrix(now, Filter::All)) = m.overlay else {
            panic!("the matrix stays open: {:?}", m.overlay)
        };
        let held = passages_at(cmp(&m), Filter::All, now);
        let shared = held.iter().filter(|p| was.contains(p)).count();
        // No other row holds more of the claim's passages than the one the cursor is on.
        for other in 0..cmp(&m).clusters.len() {
            let theirs = passages_at(cmp(&m), Filter::All, other);
            let more = theirs.iter().filter(|p| was.contains(p)).count();
            assert!(
                more <= shared,
                "row {at} went to {now}, but {other} holds more"
            );
        }
        assert!(
            shared > 0 || now == 0,
            "row {at}: {was:?} went to {now}: {held:?}"
        );
        moved += usize::from(now != at);
        // Closed and opened again, it is on the same row.
        press(&mut m, "esc m");
        assert_eq!(m.overlay, Some(Overlay::Matrix(now, Filter::All)));
    }
    assert!(
        moved > 0,
        "refining renumbers some of the demo's {n} claims"
    );
}

/// A link hidden by hand grows the claims anew; `m` then reopens on the row that holds most
/// of the claim the user left for the panes, not on the top row.
#[test]
fn the_matrix_follows_its_claim_when_a_link_is_hidden_by_hand() {
    use parallax_cli::tui::matrix::{Filter, passages_at};
    use parallax_cli::tui::model::Overlay;
    let first = refined_demo_model(120, 40);
    let n = cmp(&first).clusters.len();
    let mut away_from_top = 0;
    // Left on its top row, it opens there again.
    let mut m = refined_demo_model(120, 40);
    press(&mut m, "m enter x m");
    assert_eq!(m.overlay, Some(Overlay::Matrix(0, Filter::All)));
    for at in 1..n {
        let mut m = refined_demo_model(120, 40);
        press(&mut m, "m");
        for _ in 0..at {
            press(&mut m, "j");
        }
        let was = passages_at(cmp(&m), Filter::All, at);
        press(&mut m, "enter x m");
        let Some(Overlay::Matrix(now, Filter::All)) = m.overlay else {
            panic!("the matrix opens: {:?}", m.overlay)
        };
        let held = |row: usize| {
            (passages_at(cmp(&m), Filter::All, row).iter())
                .filter(|p| was.contains(p))
                .count()
        };
        for other in 0..cmp(&m).clusters.len() {
            assert!(
                held(other) <= held(now),
                "row {at} went to {now}, {other} holds more"
            );
        }
        away_from_top += usize::from(now > 0);
    }
    assert!(
        away_from_top > 0,
        "some of the {n} claims are below the top row"
    );
}

/// On a small screen the claim under the cursor has more words (its passages, its flags)
/// than the box has rows: they are cut short, and the list keeps three rows in sight.
#[test]
fn a_tiny_matrix_keeps_three_rows_of_its_list() {
    let mut m = refined_demo_model(40, 10);
    // The first claim has the most words: its passages and two spelling flags.
    press(&mut m, "m");
    let screen = crate::support::rows(&draw(&m));
    assert!(screen.iter().any(|l| l.contains("│▶1")), "{screen:#?}");
    assert!(
        screen.iter().any(|l| l.contains("# A B C D")),
        "the columns are named over the row: {screen:#?}"
    );
    press(&mut m, "j j");
    let screen = crate::support::rows(&draw(&m));
    let claim_rows = screen
        .iter()
        .filter(|l| {
            let inner = l.trim_start_matches('│');
            let mut c = inner.chars();
            matches!(c.next(), Some('▶' | ' ')) && c.next().is_some_and(|d| d.is_ascii_digit())
        })
        .count();
    assert!(claim_rows >= 3, "{screen:#?}");
    assert!(screen.iter().any(|l| l.contains("│▶3")), "{screen:#?}");
}

/// A matrix never opened opens on its top row once the encoder's links replace the first
/// ones, though the claim that was on top before may be another row now: the top row is
/// where it starts, not a claim the user chose. (Here the refined links are those of a
/// user who shows only links at least 0.7 likely: fewer claims, in another order.)
#[test]
fn a_matrix_never_opened_opens_on_its_top_row_after_refining() {
    use parallax_cli::tui::matrix::{Filter, passages_at, row_holding};
    use parallax_cli::tui::model::Overlay;
    use parallax_cli::tui::{action::Action, update::update};
    let mut options = tui::reader_options(Options::default());
    options.params.link_model.min_score = 0.7;
    let refined = Comparison::build(parallax::demo::documents(), &options).unwrap();
    let first = crate::support::demo();
    let went = row_holding(&refined, Filter::All, &passages_at(&first, Filter::All, 0));
    assert!(
        went > 0,
        "the first top claim is another row now (else this shows nothing)"
    );
    let mut m = demo_model(120, 40);
    update(&mut m, Action::Refining);
    update(&mut m, Action::Refined(Ok(Box::new(refined.clone()))));
    press(&mut m, "m");
    assert_eq!(m.overlay, Some(Overlay::Matrix(0, Filter::All)));
    // Open and not moved, it stays on its top row too: the list does not jump under the
    // reader's eyes.
    let mut m = demo_model(120, 40);
    press(&mut m, "m");
    update(&mut m, Action::Refining);
    update(&mut m, Action::Refined(Ok(Box::new(refined.clone()))));
    assert_eq!(m.overlay, Some(Overlay::Matrix(0, Filter::All)));
    // Moved to a claim that is another row now, it follows the claim there.
    let moves = (1..first.clusters.len()).find_map(|at| {
        let to = row_holding(&refined, Filter::All, &passages_at(&first, Filter::All, at));
        (to != at).then_some((at, to))
    });
    let (at, to) = moves.expect("a claim below the top that the refined links renumber");
    let mut m = demo_model(120, 40);
    press(&mut m, "m");
    for _ in 0..at {
        press(&mut m, "j");
    }
    update(&mut m, Action::Refining);
    update(&mut m, Action::Refined(Ok(Box::new(refined))));
    assert_eq!(m.overlay, Some(Overlay::Matrix(to, Filter::All)));
}
