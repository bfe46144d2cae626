//! The detail panel: the focused link's two passages with their changed words, its score and
//! why, and the facts the two sources state differently; or, for a passage only one source
//! has, that passage and what that means.

use std::ops::Range;

use parallax::align::Reason;
use parallax::{SegmentId, SourceId};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders};
use unicode_segmentation::UnicodeSegmentation;

use crate::tui::action::Command;
use crate::tui::model::{Model, Reader};
use crate::tui::pair::ShownLink;
use crate::tui::side::PaneSide;
use crate::tui::wrap;

/// A labelled paragraph of the panel: its text and the styled ranges in it.
struct Rich {
    label: String,
    label_style: Style,
    text: String,
    marks: Vec<(Range<usize>, Style)>,
    base: Style,
    /// What the part is, which says who gets lines when they are short (see [`share`]).
    kind: Kind,
}

/// What a part of the panel is.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// A passage of the link: gets the spare lines first.
    Passage,
    /// A fact that differs: shown whole before anything is shared.
    Flag,
    /// Why the passages are linked: the first to give way.
    Why,
    /// Anything else (notes, what a passage only one side has is).
    Other,
}

/// The passages `segs` of pane `side` joined into one text (" / " between two, as the
/// reports write them: a headline has no point to end it), with changed words and
/// conflicting facts of link `link` marked.
fn passage(
    m: &Model,
    r: &Reader,
    side: PaneSide,
    segs: &[SegmentId],
    link: Option<ShownLink>,
) -> Rich {
    let t = &m.config.theme;
    let src = r.cmp.source(r.pair.src[side]);
    let (changes, conflicts) = link.map_or((vec![], vec![]), |l| r.pair.marks(&r.cmp, l, side));
    let mut text = String::new();
    let mut marks = Vec::new();
    for &s in segs {
        if !text.is_empty() {
            text.push_str(" / ");
        }
        let seg = &src.segments[s.0];
        let at = text.len();
        text.push_str(src.segment_text(s));
        for (spans, style) in [(&changes, t.changed), (&conflicts, t.conflict)] {
            for sp in spans.iter().filter(|sp| seg.span.contains(sp)) {
                let start = at + sp.start - seg.span.start;
                marks.push((start..start + sp.len(), style));
            }
        }
    }
    Rich {
        label: format!("{} ", r.pair.src[side].letter()),
        label_style: t.link(link.map_or(0, ShownLink::number)).patch(t.key),
        text,
        marks,
        base: t.text,
        kind: Kind::Passage,
    }
}

fn plain(label: &str, label_style: Style, text: String, base: Style) -> Rich {
    Rich {
        label: label.to_string(),
        label_style,
        text,
        marks: Vec::new(),
        base,
        kind: Kind::Other,
    }
}

/// The notes on the focused link and on the focused passage, as (what it is on, text).
fn notes(m: &Model, r: &Reader, side: PaneSide, seg: SegmentId) -> Vec<(String, String)> {
    let notes = &m.notes.notes;
    let src = r.pair.src[side];
    let mut found: Vec<(String, &parallax::annotate::Note)> = Vec::new();
    let link = r.pair.link_at(side, seg);
    let [left, right] = r.pair.src;
    if let (Some(l), Some(p)) = (link, r.cmp.pair(left, right)) {
        let on = format!("link {}", l.number());
        let link = r.pair.link(&r.cmp, l);
        found.extend(
            notes
                .on_link(p.a, p.b, link)
                .into_iter()
                .map(|n| (on.clone(), n)),
        );
    }
    let on = format!("{} passage {}", src.letter(), seg.number());
    found.extend(
        notes
            .on_passage(src, seg)
            .into_iter()
            .map(|n| (on.clone(), n)),
    );
    found
        .into_iter()
        .map(|(on, n)| {
            let mut text = String::new();
            if !n.tags.is_empty() {
                text.push_str(&format!("[{}] ", n.tags.join(", ")));
            }
            text.push_str(&n.text.split_whitespace().collect::<Vec<_>>().join(" "));
            (on, parallax::text::visible(&text, false).into_owned())
        })
        .collect()
}

/// Draws the panel for the active pane's focused passage.
pub fn draw(f: &mut Frame, m: &Model, r: &Reader, area: Rect) {
    let t = &m.config.theme;
    let side = m.active;
    let seg = m.panes[side].focus;
    let (parts, title) = content(m, r);
    let frame = Block::new().borders(Borders::TOP).border_style(t.dim);
    let inner = frame.inner(area);
    let (widths, lines) = wrapped(&parts, inner.width);
    let needs: Vec<usize> = lines.iter().map(|l| l.len().max(1)).collect();
    let total: usize = needs.iter().sum();
    let room = inner.height as usize;
    let km = &m.config.keymap;
    // Never past the last full page: J beyond it would only show blank rows.
    let scroll = m
        .panel
        .scroll_for(side, seg)
        .min(total.saturating_sub(room));
    // Whole parts, scrolled, once the reader asked for more (z, J); else every part gets a
    // share of the rows, so both sides of a link show however long the one before them is.
    let whole = m.panel.big || scroll > 0;
    let shares = if whole {
        needs.clone()
    } else {
        let kinds: Vec<Kind> = parts.iter().map(|p| p.kind).collect();
        share(&needs, &kinds, room)
    };
    let cut = !whole && total > room;
    let below = whole && total > scroll + room;
    let mut title = title;
    // Short enough for 80 columns beside the link's own title.
    let (size, down, up) = (
        km.hint(Command::PanelSize),
        km.hint(Command::PanelDown),
        km.hint(Command::PanelUp),
    );
    match (cut || below, scroll > 0) {
        (true, false) => title.push_str(&format!("· more: {size} larger, {down} scrolls ")),
        (true, true) => title.push_str(&format!("· more: {down}/{up} scroll ")),
        (false, true) => title.push_str(&format!("· {up} scrolls back ")),
        (false, false) => {}
    }
    // Cut to the frame with "…", so a cut title does not read as whole.
    let title = parallax::text::visible(&title, false);
    let title = wrap::fit(&title, area.width.saturating_sub(2) as usize);
    let block = frame.title(Span::styled(title, t.title));
    f.render_widget(block, area);
    let buf = f.buffer_mut();
    // Rows are counted from the top of the whole text; those above `scroll` are not drawn.
    let mut row = 0usize;
    let mut y = inner.y;
    let bottom = inner.bottom();
    // A part that found no room at all, and the row whose line was cut with "…".
    let (mut unshown, mut cut_row) = (false, None);
    for (((part, width), lines), &part_room) in parts.iter().zip(&widths).zip(&lines).zip(&shares) {
        if part_room == 0 || y >= bottom {
            unshown = true;
            continue;
        }
        let lw = wrap::str_width(&part.label) as u16;
        for (i, range) in lines.iter().take(part_room).enumerate() {
            if row < scroll {
                row += 1;
                continue;
            }
            if y >= bottom {
                break;
            }
            if i == 0 || row == scroll {
                buf.set_stringn(inner.x + 1, y, &part.label, lw as usize, part.label_style);
            }
            let mut spans = if i + 1 == part_room && lines.len() > part_room {
                // The last line this part may use: cut it to leave a column for the ellipsis.
                let rest = &part.text[range.start..];
                let cut = wrap::wrap(rest, (*width as usize).saturating_sub(1).max(1));
                let end = cut.first().map_or(range.end, |c| range.start + c.end);
                let mut s = wrap::styled(&part.text, range.start..end, &part.marks, part.base);
                s.push(Span::styled("…", t.key));
                cut_row = Some(y);
                s
            } else {
                wrap::styled(&part.text, range.clone(), &part.marks, part.base)
            };
            spans.retain(|s| !s.content.is_empty());
            buf.set_line(inner.x + 1 + lw, y, &Line::from(spans), *width);
            y += 1;
            row += 1;
        }
    }
    // Say that the panel holds more, unless the last row already ends in a cut's "…".
    if unshown && inner.height > 0 && inner.width > 0 && cut_row != Some(bottom - 1) {
        buf.set_stringn(inner.right() - 1, bottom - 1, "…", 1, t.key);
    }
    if below && inner.height > 0 && inner.width > 2 {
        buf.set_stringn(inner.right() - 2, bottom - 1, " ↓", 2, t.key);
    }
}

/// A link's word changes in a few words: how many, or, when most of its words differ
/// (passages told in other words, or linked by hand), that it is reworded, since "1 word
/// change" would then stand for a whole sentence replaced.
fn changes_in_words(r: &Reader, l: ShownLink) -> String {
    let link = r.pair.link(&r.cmp, l);
    // Counted by Unicode's word boundaries, so text without spaces counts its words too.
    let words = |s: &str| s.unicode_words().count();
    let changed: usize = link.changes.iter().map(|c| words(&c.a) + words(&c.b)).sum();
    let shown = r.pair.shown(l);
    let total: usize = PaneSide::BOTH
        .into_iter()
        .flat_map(|s| shown.segs[s].iter().map(move |&g| (s, g)))
        .map(|(s, g)| words(r.cmp.source(r.pair.src[s]).segment_text(g)))
        .sum();
    match link.changes.len() {
        0 => "same words".to_string(),
        _ if 2 * changed > total => {
            let pct = (100 * changed / total.max(1)).min(100);
            format!("{pct}% reworded")
        }
        1 => "1 word change".to_string(),
        n => format!("{n} word changes"),
    }
}

/// What the panel shows for the focused passage: its parts (the reader's notes first) and
/// its title.
fn content(m: &Model, r: &Reader) -> (Vec<Rich>, String) {
    let t = &m.config.theme;
    let side = m.active;
    let seg = m.panes[side].focus;
    let mut parts: Vec<Rich> = Vec::new();
    let title = match r.pair.link_at(side, seg) {
        _ if seg.0 >= r.pair.link_of[side].len() => {
            let text = "This source has no passages.".to_string();
            parts.push(plain("   ", t.dim, text, t.dim));
            " nothing to show ".to_string()
        }
        Some(l) => {
            let link = r.pair.link(&r.cmp, l);
            let shown = r.pair.shown(l);
            if !link.why.is_empty() {
                // The stored pair runs from the lower source index to the higher.
                let [left, right] = r.pair.src;
                let (lo, hi) = (left.min(right), left.max(right));
                let (la, lb) = (lo.letter(), hi.letter());
                let why: Vec<String> = link.why.iter().map(|w| w.words(&la, &lb)).collect();
                let mut why = plain("why ", t.dim, why.join("; "), t.dim);
                why.kind = Kind::Why;
                parts.push(why);
            }
            for s in PaneSide::BOTH {
                parts.push(passage(m, r, s, &shown.segs[s], Some(l)));
            }
            // The flag as every report says it; on a weak link only possible, and quieter.
            let possible = parallax::facts::is_possible(link);
            let [la, lb] = r.pair.src.map(|s| s.letter());
            for c in r.pair.conflicts(&r.cmp, l) {
                let text = parallax::facts::sentence(&c, &la, &lb, possible);
                let (label, style) = if possible {
                    ("?  ", t.dim)
                } else {
                    ("!  ", t.conflict)
                };
                let marks = vec![(0..text.len(), style)];
                parts.push(Rich {
                    label: label.into(),
                    label_style: style,
                    text,
                    marks,
                    base: t.text,
                    kind: Kind::Flag,
                });
            }
            // A link by hand has no score of the aligner's to show.
            let score = if link.why.contains(&Reason::ByHand) {
                "by hand".to_string()
            } else {
                let weak = if link.is_weak() { ", weak" } else { "" };
                format!("score {:.2}{weak}", link.score)
            };
            format!(
                " link {}/{} · {score} · {} ",
                l.number(),
                r.pair.links.len(),
                changes_in_words(r, l)
            )
        }
        None => {
            let name = r.pair.src[side].letter();
            let other = r.pair.src[side.other()].letter();
            let possible = r.pair.possible_at(&r.cmp, side, seg);
            let sure = if possible.is_some() {
                " it is sure of"
            } else {
                ""
            };
            parts.push(plain(
                "+  ",
                t.added,
                format!("Only {name} has this passage; {other} has no counterpart{sure}."),
                t.added,
            ));
            parts.push(passage(m, r, side, &[seg], None));
            if let Some((link, there)) = possible {
                // Below the bar, so not counted as a link; shown so the reader can judge it.
                // A pair the facts stage found says which fact it tells two ways.
                let fact = link
                    .why
                    .iter()
                    .find_map(|w| match w {
                        parallax::align::Reason::SameFact(slots) => Some(format!(
                            " It tells one fact two ways: {}.",
                            slots.join(", ")
                        )),
                        _ => None,
                    })
                    .unwrap_or_default();
                let text = format!(
                    "Possible link, too unsure to show ({:.2}, below {:.2}): {other} {}.{fact} {} links it by hand.",
                    link.score,
                    r.cmp.options.params.link_model.min_score,
                    SegmentId::numbers(&there),
                    m.config.keymap.hint(Command::LinkTo),
                );
                parts.push(plain("?  ", t.dim, text, t.dim));
                parts.push(passage(m, r, side.other(), &there, None));
            }
            if let Some(text) = claimed_with_the_other(m, r, side, seg) {
                parts.push(plain("◇  ", t.dim, text, t.dim));
            }
            let src = r.pair.src[side];
            if m.notes
                .notes
                .correction_at((r.pair.src[0], r.pair.src[1]), src, seg)
                .is_some()
            {
                let text = format!(
                    "You marked its link wrong; {} restores it.",
                    m.config.keymap.hint(Command::MarkWrong)
                );
                parts.push(plain("✗  ", t.dim, text, t.dim));
            }
            // "only in", not "added by": in a revision, a passage only the first has was
            // dropped by the second.
            format!(" passage {} · only in {name} ", seg.number())
        }
    };
    // The reader's own notes first: they matter most and the panel may not hold everything.
    let notes: Vec<Rich> = notes(m, r, side, seg)
        .into_iter()
        .map(|(on, text)| Rich {
            label: "✎ ".into(),
            label_style: t.key,
            text: format!("{on}: {text}"),
            marks: vec![(0..on.len() + 1, t.key)],
            base: t.text,
            kind: Kind::Other,
        })
        .collect();
    parts.splice(0..0, notes);
    (parts, title)
}

/// For a passage this pair does not link: the claim across sources that holds it (not only
/// by a weak match) when that claim holds the other pane's source too, said so that "only A
/// has this passage" does not read as the matrix being wrong. Claims grow around a centre,
/// so other sources' links can join the two; when this pair's possible link (said above,
/// with its score) reaches the other's passage of the claim, it may be what joins them, and
/// the line says only what the matrix counts.
fn claimed_with_the_other(m: &Model, r: &Reader, side: PaneSide, seg: SegmentId) -> Option<String> {
    let (src, other) = (r.pair.src[side], r.pair.src[side.other()]);
    if r.cmp.sources.len() < 3 {
        return None;
    }
    let k = r.cmp.claim_holding(src, seg)?;
    let member = |d: SourceId| r.cmp.clusters[k].members.iter().find(|mb| mb.doc == d);
    // A passage only a weak match joins to the claim may be that of this pair's possible
    // link, said above with its score.
    if member(src)?.weak {
        return None;
    }
    let theirs = member(other)?;
    let weak = if theirs.weak {
        ", only a weak match,"
    } else {
        ""
    };
    let possible = r.pair.possible_at(&r.cmp, side, seg);
    let how =
        if possible.is_some_and(|(_, there)| there.iter().any(|s| theirs.segments.contains(s))) {
            "the claim matrix counts both as stating it"
        } else {
            "other sources' links join them, not one of this pair"
        };
    Some(format!(
        "Claim {} holds it, and {} {}{weak} too: {how} ({} shows the claims).",
        k + 1,
        other.letter(),
        SegmentId::numbers(&theirs.segments),
        m.config.keymap.hint(Command::Matrix),
    ))
}

/// Each part's text width in a panel `width` columns wide, and its lines there.
fn wrapped(parts: &[Rich], width: u16) -> (Vec<u16>, Vec<Vec<Range<usize>>>) {
    let widths: Vec<u16> = parts
        .iter()
        .map(|p| {
            let lw = wrap::str_width(&p.label) as u16;
            width.saturating_sub(lw + 1).max(1)
        })
        .collect();
    let lines = parts
        .iter()
        .zip(&widths)
        .map(|(p, &w)| wrap::wrap(&p.text, w as usize))
        .collect();
    (widths, lines)
}

/// The most rows `J` can scroll the panel in `area`: what its whole text needs beyond the
/// rows it has.
pub(crate) fn most_scroll(m: &Model, r: &Reader, area: Rect) -> usize {
    let (parts, _) = content(m, r);
    let inner = Block::new().borders(Borders::TOP).inner(area);
    let (_, lines) = wrapped(&parts, inner.width);
    let total: usize = lines.iter().map(|l| l.len().max(1)).sum();
    total.saturating_sub(inner.height as usize)
}

/// How many of `room` lines each part of `kinds` gets when part `i` would fill `needs[i]`.
/// Facts that differ come whole first, as long as every other part but the "why" keeps a
/// line: cut short, "B says transport…" hides what differs. Then every part gets an equal
/// share, and what a short part leaves goes to the longer ones, so both sides of a link show
/// (shortened) however long the one before them is. When there are more parts than lines
/// share, the passages get the odd lines, then the earlier parts.
fn share(needs: &[usize], kinds: &[Kind], room: usize) -> Vec<usize> {
    let mut got = vec![0; needs.len()];
    let mut left = room;
    let keep = (kinds.iter())
        .filter(|&&k| !matches!(k, Kind::Flag | Kind::Why))
        .count();
    // A line for each flag first, then each whole: one long flag must not hide the next.
    let flags: Vec<usize> = (0..needs.len())
        .filter(|&i| kinds[i] == Kind::Flag)
        .collect();
    for whole in [false, true] {
        for &i in &flags {
            let want = if whole { needs[i] } else { needs[i].min(1) };
            let take = want.saturating_sub(got[i]).min(left.saturating_sub(keep));
            got[i] += take;
            left -= take;
        }
    }
    loop {
        let mut open: Vec<usize> = (0..needs.len()).filter(|&i| got[i] < needs[i]).collect();
        open.sort_by_key(|&i| kinds[i] != Kind::Passage);
        if open.is_empty() || left == 0 {
            return got;
        }
        let each = (left / open.len()).max(1);
        for i in open {
            let take = each.min(needs[i] - got[i]).min(left);
            got[i] += take;
            left -= take;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{Kind, share};

    #[test]
    fn a_flag_is_shown_whole_while_every_part_but_the_why_keeps_a_line() {
        use Kind::{Flag, Passage, Why};
        // Why, A, B and a flag of two lines: the flag whole, the other parts share the rest,
        // the passages first.
        let needs = [2, 3, 3, 2];
        let kinds = [Why, Passage, Passage, Flag];
        assert_eq!(share(&needs, &kinds, 6), vec![1, 2, 1, 2]);
        // Four rows: the why gives way, the passages keep a line each.
        assert_eq!(share(&needs, &kinds, 4), vec![0, 1, 1, 2]);
        // Three rows: the passages' lines are kept, the flag gets what is left.
        assert_eq!(share(&needs, &kinds, 3), vec![0, 1, 1, 1]);
        // Two long flags: each shows before the first is whole.
        let (needs, kinds) = ([1, 2, 2, 3, 3], [Why, Passage, Passage, Flag, Flag]);
        assert_eq!(share(&needs, &kinds, 5), vec![0, 1, 1, 2, 1]);
        let needs = [2, 3, 3, 2];
        // Without a flag, equal shares as before.
        let kinds = [Why, Passage, Passage, Kind::Other];
        assert_eq!(share(&needs, &kinds, 6), vec![1, 2, 2, 1]);
    }
}
