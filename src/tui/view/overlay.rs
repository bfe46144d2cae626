//! Windows over the panes: the keys (generated from the keymap), the source picker and the
//! claim matrix.

use parallax::comparison::Stance;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};

use super::super::action::Command;
use super::super::model::{Model, Overlay};
use super::super::update::pairs;
use super::super::wrap::{fit, str_width};
use super::letter;

/// The marks a reader sees, explained once in the help.
const LEGEND: [(&str, &str); 8] = [
    ("▶ ▷", "focused passage (this pane, other pane)"),
    ("12▌", "linked passage and its link number (tint per link)"),
    ("█", "passages of the focused link"),
    ("+┃", "passage only this source has"),
    ("~", "linked passage with changed words (underlined)"),
    ("!", "a fact the other source states differently"),
    ("↕", "synoptic view: stands elsewhere in its source"),
    ("✎", "a note on this passage or its link"),
];

fn centred(area: Rect, w: u16, h: u16) -> Rect {
    let (w, h) = (w.min(area.width), h.min(area.height));
    Rect::new(
        area.x + (area.width - w) / 2,
        area.y + (area.height - h) / 2,
        w,
        h,
    )
}

/// Draws overlay `o`.
pub fn draw(f: &mut Frame, m: &Model, o: Overlay, area: Rect) {
    let t = &m.config.theme;
    let (title, lines, scroll): (&str, Vec<Line>, usize) = match o {
        Overlay::Help(s) => {
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
            if let Some(p) = &m.config.path {
                lines.push(Line::raw(""));
                let p = parallax::text::visible(&p.display().to_string(), false).into_owned();
                lines.push(Line::styled(format!(" Keys and colours: {p}"), t.dim));
                lines.push(Line::styled(" (or the file PARALLAX_CONFIG names)", t.dim));
            }
            (" Keys (Esc closes) ", lines, s)
        }
        Overlay::Pick(cursor) => {
            let Some(r) = &m.reader else { return };
            let mut lines = Vec::new();
            for (i, (a, b)) in pairs(m).into_iter().enumerate() {
                let links = r.cmp.pair(a, b).map_or(0, |p| p.alignment.links.len());
                let shown = r.pair.src == [a, b];
                // The link count stays whole; the names give way to fit one line.
                let head = format!(
                    "{} {}{} ⇄ {}  ",
                    if i == cursor { "▶" } else { " " },
                    if shown { "•" } else { " " },
                    letter(a),
                    letter(b),
                );
                let tail = format!("  ({links} link{})", if links == 1 { "" } else { "s" });
                let names = format!(
                    "{} — {}",
                    r.cmp.sources[a].document.name(),
                    r.cmp.sources[b].document.name(),
                );
                let room = (area.width as usize)
                    .saturating_sub(4 + str_width(&head) + str_width(&tail))
                    .max(1);
                let names = fit(&parallax::text::visible(&names, false), room);
                let text = format!("{head}{names}{tail}");
                let style = if i == cursor { t.title_active } else { t.text };
                lines.push(Line::styled(text, style));
            }
            let enter = m.config.keymap.hint(Command::Counterpart);
            lines.push(Line::styled(format!(" {enter} shows the pair"), t.dim));
            let skip = cursor.saturating_sub(area.height.saturating_sub(4) as usize);
            (" Pick the two sources shown ", lines, skip)
        }
        Overlay::Matrix(cursor) => {
            let Some(r) = &m.reader else { return };
            let n = r.cmp.sources.len();
            let mut lines = Vec::new();
            for (i, src) in r.cmp.sources.iter().enumerate() {
                let name = parallax::text::visible(src.document.name(), false).into_owned();
                lines.push(Line::styled(format!(" {}  {name}", letter(i)), t.dim));
            }
            let head: String = (0..n).map(|i| format!("{} ", letter(i))).collect();
            lines.push(Line::styled(format!(" {head} claim"), t.key));
            let head_rows = lines.len();
            for (k, c) in r.cmp.clusters.iter().enumerate() {
                let cells: String = (0..n)
                    .map(|i| match c.stance(i) {
                        Stance::States => "● ",
                        Stance::Weakly => "○ ",
                        Stance::Silent => "· ",
                    })
                    .collect();
                let label = parallax::text::visible(&c.label, false).into_owned();
                let mark = if k == cursor { "▶" } else { " " };
                let style = if k == cursor { t.title_active } else { t.text };
                lines.push(Line::from(vec![
                    Span::styled(format!("{mark}{cells} "), t.key),
                    Span::styled(label, style),
                ]));
            }
            if r.cmp.clusters.is_empty() {
                lines.push(Line::styled(" no claim is shared by two sources", t.dim));
            }
            let enter = m.config.keymap.hint(Command::Counterpart);
            // Which passages of each source make the claim: the matrix says only who.
            let passages = r.cmp.clusters.get(cursor).map_or(String::new(), |c| {
                let each: Vec<String> = c
                    .members
                    .iter()
                    .map(|mb| {
                        let ids: Vec<String> =
                            mb.segments.iter().map(|s| (s + 1).to_string()).collect();
                        format!("{} {}", letter(mb.doc), ids.join("+"))
                    })
                    .collect();
                format!(" · {}", each.join(", "))
            });
            lines.push(Line::styled(
                format!(" {enter} shows the claim{passages}"),
                t.dim,
            ));
            let room = area.height.saturating_sub(4) as usize;
            let skip = (head_rows + cursor).saturating_sub(room);
            (
                " Claims × sources (● says it, ○ weak match, · does not) ",
                lines,
                skip,
            )
        }
    };
    let w = lines
        .iter()
        .map(|l| l.spans.iter().map(|s| str_width(&s.content)).sum::<usize>())
        .max()
        .unwrap_or(0)
        .max(str_width(title))
        + 4;
    let rect = centred(area, w as u16, lines.len() as u16 + 2);
    let block = Block::bordered()
        .title(Span::styled(title, t.title))
        .border_style(t.key);
    let shown = rect.height.saturating_sub(2) as usize;
    let scroll = scroll.min(lines.len().saturating_sub(shown));
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
    f.render_widget(
        Paragraph::new(lines)
            .block(block)
            .scroll((scroll as u16, 0)),
        rect,
    );
}
