//! One pane: its title, and the passages in view with their gutter marks.

use std::ops::Range;

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Line;

use crate::tui::layout::{GUTTER, Placed};
use crate::tui::model::{Model, Reader};
use crate::tui::side::PaneSide;
use crate::tui::wrap;
use parallax::text::fold;

/// The title: letter and name of the source, then its date and byline, in `room` columns.
/// A title too long for the row is cut in its name, which ends in "…" (read as cut, not as
/// the whole name), so the date and byline still show (the name keeps a third of the row,
/// or all of it when shorter): a long headline must not hide when or by whom the piece was
/// written.
pub fn title(m: &Model, r: &Reader, side: PaneSide, room: usize) -> String {
    let src = r.pair.src[side];
    let doc = &r.cmp.source(src).document;
    // The name that tells the sources apart: the title, or enough of the path.
    let name = parallax::text::visible(&format!(" {} {}", src.letter(), m.names[src.0]), false)
        .into_owned();
    let date = doc.meta.date.as_deref().map(readable_date);
    let mut about = String::new();
    for part in [date.as_deref(), doc.meta.byline.as_deref()]
        .into_iter()
        .flatten()
    {
        about.push_str(" · ");
        about.push_str(&part.split_whitespace().collect::<Vec<_>>().join(" "));
    }
    let about = parallax::text::visible(&about, false);
    let (wn, wa) = (wrap::str_width(&name), wrap::str_width(&about));
    if wn + wa <= room {
        return name + &about;
    }
    let about = wrap::fit(&about, wa.min(room - wn.min(room / 3)));
    let name = wrap::fit(&name, room.saturating_sub(wrap::str_width(&about)));
    name + &about
}

/// A page's machine-written time ("2025-03-04T10:00:00+01:00") as a reader writes it
/// ("2025-03-04 10:00"); any other date as it stands.
fn readable_date(date: &str) -> String {
    let b = date.as_bytes();
    let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
    let stamp = b.len() >= 16
        && digits(0..4)
        && b[4] == b'-'
        && digits(5..7)
        && b[7] == b'-'
        && digits(8..10)
        && b[10] == b'T'
        && digits(11..13)
        && b[13] == b':'
        && digits(14..16);
    match (stamp, stamp && &date[11..16] == "00:00") {
        (false, _) => date.to_string(),
        (true, true) => date[..10].to_string(),
        (true, false) => format!("{} {}", &date[..10], &date[11..16]),
    }
}

/// Draws pane `side` into its title row and text area.
pub fn draw(f: &mut Frame, m: &Model, r: &Reader, side: PaneSide, title_area: Rect, area: Rect) {
    let t = &m.config.theme;
    let active = side == m.active;
    let width = title_area.width as usize;
    // The narrow layout's hint stays whole after the title.
    let head = if m.areas().narrow {
        let other = r.pair.src[side.other()].letter();
        let hint = format!(
            "   ({} → {other})",
            m.config
                .keymap
                .hint(crate::tui::action::Command::SwitchPane)
        );
        let room = width.saturating_sub(wrap::str_width(&hint));
        format!("{}{hint}", title(m, r, side, room))
    } else {
        title(m, r, side, width)
    };
    let style = if active { t.title_active } else { t.title };
    let buf = f.buffer_mut();
    buf.set_style(title_area, style);
    buf.set_stringn(title_area.x, title_area.y, &head, width, style);
    let l = &r.layout[side];
    let scroll = m.panes[side].scroll;
    let h = area.height as usize;
    let start = l.at_row(scroll).unwrap_or(0);
    for p in l.placed.iter().skip(start) {
        if p.top >= scroll + h {
            break;
        }
        placed(f, m, r, side, area, p);
    }
}

/// Byte ranges (relative to the segment) where the search query occurs, both folded as the
/// search folds them (case, accents: "chavez" lights "Chávez").
fn hits(text: &str, query: &str) -> Vec<Range<usize>> {
    let query = fold(query);
    if query.is_empty() {
        return Vec::new();
    }
    // Folded one character at a time, keeping which character of `text` each folded byte
    // comes from, so a hit maps back onto the text as shown.
    let mut folded = String::with_capacity(text.len());
    let mut origin: Vec<Range<usize>> = Vec::with_capacity(text.len());
    let mut buf = [0u8; 4];
    for (i, c) in text.char_indices() {
        let f = fold(c.encode_utf8(&mut buf));
        origin.extend(std::iter::repeat_n(i..i + c.len_utf8(), f.len()));
        folded.push_str(&f);
    }
    folded
        .match_indices(query.as_str())
        .map(|(k, q)| origin[k].start..origin[k + q.len() - 1].end)
        .collect()
}

fn placed(f: &mut Frame, m: &Model, r: &Reader, side: PaneSide, area: Rect, p: &Placed) {
    let t = &m.config.theme;
    let src_index = r.pair.src[side];
    let src = r.cmp.source(src_index);
    let seg = &src.segments[p.seg.0];
    let text = src.segment_text(p.seg);
    let link = r.pair.link_at(side, p.seg);
    // Shown only on request: a possible link is not a link (see `Model::show_possible`).
    let possible =
        link.is_none() && m.show_possible && r.pair.possible_at(&r.cmp, side, p.seg).is_some();
    let focus_link = r.pair.link_at(m.active, m.panes[m.active].focus);
    let is_focus = m.panes[side].focus == p.seg;
    let lit = is_focus || (link.is_some() && link == focus_link);
    let base = if lit { t.text.patch(t.focus) } else { t.text };
    let rel = |s: parallax::Span| -> Option<Range<usize>> {
        seg.span
            .contains(&s)
            .then(|| s.start - seg.span.start..s.end - seg.span.start)
    };
    let mut marks: Vec<(Range<usize>, Style)> = Vec::new();
    let mut conflicted = false;
    let mut possible_flag = false;
    if let Some(l) = link {
        let (changes, conflicts) = r.pair.marks(&r.cmp, l, side);
        marks.extend(changes.into_iter().filter_map(rel).map(|x| (x, t.changed)));
        let before = marks.len();
        marks.extend(
            conflicts
                .into_iter()
                .filter_map(rel)
                .map(|x| (x, t.conflict)),
        );
        // A flag on a weak link is only possible, as the panel and the reports say: "?".
        let found = marks.len() > before;
        if parallax::facts::is_possible(r.pair.link(&r.cmp, l)) {
            possible_flag = found;
        } else {
            conflicted = found;
        }
    }
    let changed = marks.iter().any(|(_, s)| *s == t.changed);
    marks.extend(
        hits(text, &m.search.query)
            .into_iter()
            .map(|x| (x, t.search)),
    );

    let scroll = m.panes[side].scroll;
    let rows = scroll..scroll + area.height as usize;
    let width = area.width.saturating_sub(GUTTER) as usize;
    let buf = f.buffer_mut();
    let y_of = |row: usize| area.y + (row - scroll) as u16;
    if p.moved && rows.contains(&p.top) {
        let note = format!(
            "↕ {} has this at passage {} of {}",
            r.pair.src[side].letter(),
            p.seg.number(),
            src.segments.len()
        );
        buf.set_stringn(area.x + GUTTER, y_of(p.top), &note, width, t.moved);
    }
    let lines = r.lines(side).and_then(|w| w.get(p.seg.0));
    let n = lines.map_or(0, Vec::len).max(1);
    for j in 0..n {
        let row = p.text_top() + j;
        if !rows.contains(&row) {
            continue;
        }
        let y = y_of(row);
        let x = area.x;
        if j == 0 {
            if is_focus {
                let cursor = if side == m.active { "▶" } else { "▷" };
                buf.set_stringn(x, y, cursor, 1, t.key);
            }
            let (flag, style) = if conflicted {
                ("!", t.conflict)
            } else if possible_flag {
                ("?", t.dim)
            } else if possible {
                ("?", t.added)
            } else if link.is_none() {
                ("+", t.added)
            } else if p.moved {
                ("↕", t.moved)
            } else if changed {
                ("~", t.changed)
            } else {
                (" ", t.text)
            };
            buf.set_stringn(x + 1, y, flag, 1, style);
            let noted = !m.notes.notes.touching(src_index, p.seg).is_empty();
            // The note mark takes the first of the number's four columns, so that like the
            // other marks it stands apart from the text and the text never moves; only a
            // link number of four digits keeps that column, and the mark then falls back to
            // the column before the text.
            let mut note_x = x + 2;
            if let Some(l) = link {
                let num = format!("{:>4}", l.number());
                let mut num = &num[num.len() - 4..];
                let mut num_x = x + 2;
                if noted {
                    match num.strip_prefix(' ') {
                        Some(short) => (num, num_x) = (short, x + 3),
                        None => note_x = x + GUTTER - 1,
                    }
                }
                let tint = t.link(l.number());
                let tint = if lit { tint.patch(t.focus) } else { tint };
                buf.set_stringn(num_x, y, num, num.len(), tint);
            }
            if noted {
                buf.set_stringn(note_x, y, "✎", 1, t.key);
            }
        }
        match link {
            Some(l) => {
                let bar = if lit { "█" } else { "▌" };
                buf.set_stringn(x + 6, y, bar, 1, t.link(l.number()));
            }
            None => {
                let bar = if possible { "┆" } else { "┃" };
                buf.set_stringn(x + 6, y, bar, 1, t.added);
            }
        }
        if let Some(range) = lines.and_then(|ls| ls.get(j)) {
            let spans = wrap::styled(text, range.clone(), &marks, base);
            buf.set_line(x + GUTTER, y, &Line::from(spans), width as u16);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::hits;

    #[test]
    fn hits_ignore_case_and_accents_and_map_back_to_the_text() {
        let text = "Hugo Chávez und CHAVEZ";
        let found: Vec<&str> = hits(text, "chavez").into_iter().map(|r| &text[r]).collect();
        assert_eq!(found, ["Chávez", "CHAVEZ"]);
        let found: Vec<&str> = hits(text, "Chávez").into_iter().map(|r| &text[r]).collect();
        assert_eq!(found, ["Chávez", "CHAVEZ"]);
        assert!(hits(text, "").is_empty());
    }
}
