//! Windows over the panes: the keys (generated from the keymap), the source picker and the
//! claim matrix.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};

use crate::tui::action::Command;
use crate::tui::layout::{box_width, centred};
use crate::tui::model::{Model, Overlay};
use crate::tui::pair::pairs;
use crate::tui::wrap::{fit, fit_apart, shared_start, str_width};

/// The marks a reader sees, explained once in the help.
const LEGEND: [(&str, &str); 10] = [
    ("▶ ▷", "focused passage (this pane, other pane)"),
    ("12▌", "linked passage and its link number (tint per link)"),
    ("█", "passages of the focused link"),
    ("+┃", "passage only this source has"),
    ("?┆", "added, with a possible link (shown by P)"),
    ("~", "linked passage with changed words (underlined)"),
    ("!", "a fact the other source states differently"),
    ("?", "a fact that differs on a weak link: only possible"),
    ("↕", "synoptic view: stands elsewhere in its source"),
    ("✎", "a note on this passage or its link"),
];

/// What the theme's colours mean, each shown in its own style (names as in `[theme]` of the
/// configuration file).
const COLOURS: usize = 6;

/// Fewest lines the footer keeps when the list does not fit (however short the cursor's
/// own words, which it always keeps while the box has room).
const MIN_FOOTER: usize = 3;

/// Fewest lines the list keeps (when it has as many) however long the cursor's own words.
const MIN_LIST: usize = 3;

/// Fewest rows the matrix's whole head (legends and column letters) leaves under it when it
/// stays in sight; with fewer, only the column letters stay (a screen of 16 rows showed four
/// claims under a head of six lines).
const ROWS_UNDER_HEAD: usize = 5;

/// The colour legend's lines: a heading and one sample per meaning.
fn colour_legend(t: &crate::tui::theme::Theme) -> Vec<Line<'static>> {
    let rows = [
        (
            "changed",
            t.changed,
            "changed words inside a linked passage",
        ),
        (
            "conflict",
            t.conflict,
            "a fact the other source states differently",
        ),
        ("added", t.added, "a passage only this source has"),
        ("search", t.search, "a search hit"),
        ("focus", t.focus, "the focused passage and its link"),
    ];
    let mut lines = vec![Line::styled(
        " Colours (NO_COLOR: the marks above remain)",
        t.dim,
    )];
    debug_assert_eq!(rows.len() + 1, COLOURS);
    for (name, style, what) in rows {
        lines.push(Line::from(vec![
            Span::raw(" "),
            Span::styled(format!("{name:<15}"), style),
            Span::raw(" "),
            Span::raw(what),
        ]));
    }
    lines
}

/// The lines of the help overlay: the key bindings, the legend of marks, the colours, and
/// where the keys and colours are set. Its scrolling (in update) counts these same lines.
pub fn help_lines(m: &Model) -> Vec<Line<'static>> {
    let t = &m.config.theme;
    let mut lines = Vec::new();
    for (cmd, keys) in &m.config.keymap.bindings {
        let k: Vec<String> = keys.iter().map(|k| k.label()).collect();
        lines.push(Line::from(vec![
            Span::styled(format!(" {:<16}", k.join(" ")), t.key),
            Span::raw(cmd.help()),
        ]));
    }
    lines.push(Line::raw(""));
    for (mark, what) in LEGEND {
        lines.push(Line::from(vec![
            Span::styled(format!(" {mark:<16}"), t.key),
            Span::raw(what),
        ]));
    }
    lines.push(Line::raw(""));
    lines.extend(colour_legend(t));
    if let Some(p) = &m.config.path {
        lines.push(Line::raw(""));
        let p = parallax::text::visible(&p.display().to_string(), false).into_owned();
        lines.push(Line::styled(format!(" Keys and colours: {p}"), t.dim));
        lines.push(Line::styled(" (or the file PARALLAX_CONFIG names)", t.dim));
    }
    lines
}

/// Draws overlay `o`.
pub fn draw(f: &mut Frame, m: &Model, o: Overlay, area: Rect) {
    let t = &m.config.theme;
    // The overlay's lines, the line that must stay in sight (if any), the first line shown,
    // and the words pinned under the list (wrapped to its width, never scrolled away): one
    // per list entry, the cursor's shown. The matrix also says how many lines head its
    // list (`head`), which stay over the rows as they scroll.
    let mut head = 0;
    let (title, lines, keep, top, footers, at): (
        String,
        Vec<Line>,
        Option<usize>,
        usize,
        Vec<String>,
        usize,
    ) = match o {
        Overlay::Help(s) => (
            " Keys (Esc closes) ".into(),
            help_lines(m),
            None,
            s,
            Vec::new(),
            0,
        ),
        Overlay::Pick(cursor) => {
            let Some(r) = m.ready() else { return };
            let mut lines = Vec::new();
            let all: Vec<String> = (m.names.iter())
                .map(|n| parallax::text::visible(n, false).into_owned())
                .collect();
            for (i, (a, b)) in pairs(r.cmp.sources.len()).into_iter().enumerate() {
                let links = r.cmp.pair(a, b).map_or(0, |p| p.alignment.links.len());
                let shown = r.pair.src == [a, b];
                // The link count stays whole; the names give way to fit one line.
                let head = format!(
                    "{} {}{} ⇄ {}  ",
                    if i == cursor { "▶" } else { " " },
                    if shown { "•" } else { " " },
                    a.letter(),
                    b.letter(),
                );
                // Which pairs tell a fact differently, without opening each.
                let differ = r.cmp.pair(a, b).map_or(0, |p| p.conflict_counts().0);
                let differ = match differ {
                    0 => String::new(),
                    1 => ", 1 differs".into(),
                    n => format!(", {n} differ"),
                };
                let tail = format!(
                    "  ({links} link{}{differ})",
                    if links == 1 { "" } else { "s" }
                );
                let room = (area.width as usize)
                    .saturating_sub(4 + str_width(&head) + str_width(&tail))
                    .max(1);
                // Names cut in their middle, the room shared so that a short name leaves
                // the rest to the other: one story's files often share their beginning.
                let (na, nb) = (&all[a.0], &all[b.0]);
                // Cut, a name leaves out first the beginning the two share.
                let shared = shared_start(&[na, nb]);
                let room = room.saturating_sub(3);
                let (wa, wb) = (str_width(na), str_width(nb));
                let (ra, rb) = if wa + wb <= room {
                    (wa, wb)
                } else if wa <= room / 2 {
                    (wa, room - wa)
                } else if wb <= room / 2 {
                    (room - wb, wb)
                } else {
                    (room / 2, room - room / 2)
                };
                let names = format!(
                    "{} — {}",
                    fit_apart(na, shared, ra),
                    fit_apart(nb, shared, rb)
                );
                let text = format!("{head}{names}{tail}");
                let style = if i == cursor { t.title_active } else { t.text };
                lines.push(Line::styled(text, style));
            }
            let enter = m.config.keymap.hint(Command::Counterpart);
            lines.push(Line::styled(format!(" {enter} shows the pair"), t.dim));
            (
                " Pick the two sources shown ".into(),
                lines,
                Some(cursor),
                0,
                Vec::new(),
                0,
            )
        }
        Overlay::Matrix(cursor, filter) => {
            let Some(r) = m.ready() else { return };
            let d = super::matrix::drawn(m, r, cursor, filter);
            head = d.head;
            (d.title, d.lines, d.keep, 0, d.footers, cursor)
        }
    };
    // The width follows the list, not the footer, so the box keeps its size as the cursor
    // moves and the footer wraps inside it.
    let w = box_width(&title, &lines);
    let w = w.min(area.width as usize);
    let wrapped: Vec<Vec<String>> = footers
        .iter()
        .map(|f| pinned(f, w.saturating_sub(4)))
        .collect();
    // As tall as the tallest footer, so the box keeps its height as the cursor moves too.
    let tallest = wrapped.iter().map(Vec::len).max().unwrap_or(0);
    let own: &[String] = wrapped.get(at).map_or(&[], Vec::as_slice);
    let rect = centred(area, w as u16, (lines.len() + tallest) as u16 + 2);
    let inner = rect.height.saturating_sub(2) as usize;
    // The footer gives way to the list only when the screen has room for nothing else.
    // When the list does not fit, the blank rows that keep the box as tall as the tallest
    // footer give way too, down to a third of the box: the cursor's own words stay.
    let mut footer_rows = tallest.min(inner.saturating_sub(1));
    if lines.len() + footer_rows > inner {
        let floor = (inner / 3).max(MIN_FOOTER).max(own.len());
        footer_rows = footer_rows.min(floor);
        // However long the cursor's words, the list keeps a few rows: on a small screen a
        // claim's passages and flags took all but one row, and the list was that row.
        let list = lines.len().min(MIN_LIST);
        footer_rows = footer_rows.min(inner.saturating_sub(list).max(1));
    }
    let mut footer: Vec<Line> = own
        .iter()
        .map(|l| Line::styled(format!(" {l}"), t.dim))
        .collect();
    // Cut, it ends in "…", so that what is left does not read as all there is.
    if footer.len() > footer_rows && footer_rows > 0 {
        footer.truncate(footer_rows);
        let last = &own[footer_rows - 1];
        let cut = fit(&format!("{last} …"), w.saturating_sub(3));
        footer[footer_rows - 1] = Line::styled(format!(" {cut}"), t.dim);
    }
    footer.resize(footer_rows, Line::raw(""));
    let shown = inner - footer_rows;
    // The head stays over the rows while a few rows fit under it. When they do not, its last
    // line (the column letters, which the rows' signs mean nothing without) stays alone once
    // the list scrolls past it, and the legends above it scroll away with the rows.
    // Scrolled as little as keeps line `keep` in sight from `top`, with `rows` rows.
    let scrolled = |keep: Option<usize>, rows: usize, len: usize| {
        let mut scroll = top;
        if let Some(k) = keep {
            scroll = scroll.max((k + 1).saturating_sub(rows)).min(k);
        }
        scroll.min(len.saturating_sub(rows))
    };
    // Unpinned while the column letters are in sight anyway: the lines stay in their order.
    let letters_in_sight = head > 0 && scrolled(keep, shown, lines.len()) < head;
    let (fixed, lines, keep) = if lines.len() <= shown || head == 0 || shown < 3 {
        (Vec::new(), lines, keep)
    } else if shown >= head + ROWS_UNDER_HEAD {
        let mut lines = lines;
        let rest = lines.split_off(head);
        (lines, rest, keep.map(|k| k.saturating_sub(head)))
    } else if letters_in_sight {
        (Vec::new(), lines, keep)
    } else {
        let mut lines = lines;
        let columns = lines.remove(head - 1);
        let keep = keep.map(|k| if k >= head { k - 1 } else { k });
        (vec![columns], lines, keep)
    };
    let head = fixed.len();
    let shown = shown - head;
    let scroll = scrolled(keep, shown, lines.len());
    let block = Block::bordered()
        .title(Span::styled(title.as_str(), t.title))
        .border_style(t.key);
    // A list taller than the screen says so, or the lines below it seem not to exist.
    let more = match (scroll > 0, scroll + shown < lines.len()) {
        (true, true) => " ↑↓ more ",
        (false, true) => " ↓ more ",
        (true, false) => " ↑ more ",
        (false, false) => "",
    };
    let block = if more.is_empty() {
        block
    } else {
        block.title_bottom(Line::styled(more, t.title).right_aligned())
    };
    f.render_widget(Clear, rect);
    let body = block.inner(rect);
    f.render_widget(block, rect);
    let to_width = |lines: Vec<Line<'static>>| -> Vec<Line<'static>> {
        lines
            .into_iter()
            .map(|l| fit_line(l, body.width as usize))
            .collect()
    };
    if head > 0 {
        let top = Rect::new(body.x, body.y, body.width, head as u16);
        f.render_widget(Paragraph::new(to_width(fixed)), top);
    }
    let list = Rect::new(body.x, body.y + head as u16, body.width, shown as u16);
    f.render_widget(
        Paragraph::new(to_width(lines)).scroll((scroll as u16, 0)),
        list,
    );
    if footer_rows > 0 {
        let at = Rect::new(
            body.x,
            body.y + (head + shown) as u16,
            body.width,
            footer_rows as u16,
        );
        f.render_widget(Paragraph::new(footer), at);
    }
}

/// `line` cut to `width` columns with "…" where it is cut (a cut without it reads as the
/// whole name or label), each span keeping its style.
fn fit_line(line: Line<'_>, width: usize) -> Line<'_> {
    if line.width() <= width {
        return line;
    }
    let mut room = width;
    let mut spans = Vec::new();
    for span in line.spans {
        let w = str_width(&span.content);
        if w < room {
            room -= w;
            spans.push(span);
            continue;
        }
        // The line goes on after this span: it ends in "…" even where the span would fit.
        let cut = fit(&format!("{}…", span.content), room);
        spans.push(Span::styled(cut, span.style));
        break;
    }
    Line::from(spans).style(line.style)
}

/// `text` wrapped to `width` columns, each of its lines (split at `\n`) on its own, breaking
/// after ", " or "· " where it can (one source's passages stay on one line) and cutting a piece
/// wider than a line.
fn pinned(text: &str, width: usize) -> Vec<String> {
    if text.is_empty() {
        return Vec::new();
    }
    text.split('\n')
        .flat_map(|line| pinned_line(line, width.max(1)))
        .collect()
}

/// One line of [`pinned`].
fn pinned_line(text: &str, width: usize) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut line = String::new();
    // Pieces end after ", " or "· ": "C 1,3" stays whole.
    let mut ends: Vec<usize> = [", ", "· "]
        .iter()
        .flat_map(|sep| text.match_indices(sep).map(|(i, m)| i + m.len()))
        .collect();
    ends.sort_unstable();
    ends.push(text.len());
    let mut start = 0;
    let pieces = ends.into_iter().map(|end| {
        let piece = &text[start..end];
        start = end;
        piece
    });
    for piece in pieces {
        if !line.is_empty() && str_width(&line) + str_width(piece.trim_end()) > width {
            // A line broken after a "·" does not end on it.
            out.push(line.trim_end_matches([' ', '·']).to_string());
            line.clear();
        }
        line.push_str(if line.is_empty() {
            piece.trim_start()
        } else {
            piece
        });
    }
    out.push(line.trim_end().to_string());
    out.into_iter().map(|l| fit(&l, width)).collect()
}
