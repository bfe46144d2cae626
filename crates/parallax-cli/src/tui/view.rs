//! `view`: draws the model. It only borrows: everything it shows is read from the model and
//! the comparison, laid out by `layout`, wrapped by `wrap`.

pub(crate) mod detail;
mod matrix;
pub(crate) mod overlay;
mod pane;

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Gauge, Paragraph, Wrap};

use parallax::SourceId;
use parallax::text::counted;

use super::action::Command;
use super::dialog::Context;
use super::layout;
use super::model::{Model, Phase, Reader};
use super::side::PaneSide;

/// Draws the whole screen.
pub fn view(m: &Model, f: &mut Frame) {
    let area = f.area();
    let a = layout::areas_with(area, m.active, m.panel.big);
    let theme = &m.config.theme;
    if a.tiny {
        let msg = format!(
            "Parallax needs at least {}×{}; this terminal is {}×{}.",
            layout::MIN.0,
            layout::MIN.1,
            area.width,
            area.height
        );
        f.render_widget(Paragraph::new(msg).wrap(Wrap { trim: true }), area);
        return;
    }
    match &m.phase {
        Phase::Ready(r) => {
            for side in PaneSide::BOTH {
                if let (Some(t), Some(p)) = (a.title[side], a.pane[side]) {
                    pane::draw(f, m, r, side, t, p);
                }
            }
            if !a.narrow {
                let x = a.pane[PaneSide::Left].map_or(0, |p| p.right());
                for y in area.y..a.detail.y {
                    f.buffer_mut().set_string(x, y, "│", theme.dim);
                }
            }
            detail::draw(f, m, r, a.detail);
            status(f, m, r, a.status);
        }
        Phase::Failed(e) => {
            let text = format!(
                "Parallax could not compare these sources:\n\n{}\n\nPress {} to quit.",
                parallax::text::visible(e, true),
                m.config.keymap.hint(Command::Quit)
            );
            f.render_widget(Paragraph::new(text).wrap(Wrap { trim: true }), area);
        }
        Phase::Aligning { done, total, secs } => loading(f, m, area, (*done, *total), *secs),
    }
    if let Some(o) = m.overlay {
        overlay::draw(f, m, o, area);
    }
    if let (Some(d), Some(r)) = (&m.dialog, m.ready()) {
        let cx = Context {
            config: &m.config,
            cmp: &r.cmp,
            notes: &m.notes,
        };
        d.draw(f, &cx, area);
    }
}

fn loading(f: &mut Frame, m: &Model, area: Rect, (done, total): (usize, usize), secs: u64) {
    let w = area.width.min(70);
    let x = area.x + (area.width - w) / 2;
    let mut lines = vec![
        Line::styled(
            format!("Parallax · aligning {} sources", m.names.len()),
            m.config.theme.title,
        ),
        Line::raw(""),
    ];
    for (i, n) in m.names.iter().enumerate() {
        lines.push(Line::raw(format!(
            "  {}  {}",
            SourceId(i).letter(),
            parallax::text::visible(n, false)
        )));
    }
    let h = (lines.len() as u16).min(area.height.saturating_sub(4));
    let y = area.y + (area.height.saturating_sub(h + 4)) / 2;
    f.render_widget(Paragraph::new(lines), Rect::new(x, y, w, h));
    let ratio = if total == 0 {
        0.0
    } else {
        done as f64 / total as f64
    };
    let gauge = Gauge::default()
        .ratio(ratio.clamp(0.0, 1.0))
        .label(format!("{done}/{total} steps · {secs} s"))
        .gauge_style(m.config.theme.status);
    f.render_widget(gauge, Rect::new(x, y + h + 1, w, 1));
    let hint = format!("{} quits", m.config.keymap.hint(Command::Quit));
    f.render_widget(
        Paragraph::new(Span::styled(hint, m.config.theme.dim)),
        Rect::new(x, y + h + 3, w, 1),
    );
}

/// What the status line says about the focus, as its parts with their drop ranks (see
/// [`fit_parts`]): "A: link 3/14 · passage 5/40", or "B: passage 5/40 · added · 14 links",
/// where the count of links is the first to go on a narrow line. The passage's number is
/// how the matrix, the reports and `:` name it.
fn position(m: &Model, r: &Reader) -> Vec<(String, u8)> {
    let side = m.active;
    let seg = m.panes[side].focus;
    let who = r.pair.src[side].letter();
    let total = r.pair.links.len();
    let n = r.cmp.source(r.pair.src[side]).segments.len();
    match r.pair.link_at(side, seg) {
        Some(l) => vec![
            (format!("{who}: link {}/{total}", l.number()), KEEP),
            (format!("passage {}/{n}", seg.number()), 2),
        ],
        None => {
            vec![
                (format!("{who}: passage {}/{n}", seg.number()), KEEP),
                ("added".into(), KEEP),
                (counted(total, "link"), 3),
            ]
        }
    }
}

/// Fewest blank columns between the status line's left side and its key hints.
const GAP: usize = 3;

/// A part of the status line that stays however narrow the line is.
const KEEP: u8 = 0;

/// The status line's left side: `parts` joined by " · " after a space, dropping while it is
/// wider than `room` the parts with the highest drop rank first (the last such first):
/// the view's name and then the count of links go before the search and the many-sources
/// hint, and where the focus is and what is unsaved or still changing ([`KEEP`]) stay.
/// What stays is cut with "…" by the caller.
fn fit_parts(mut parts: Vec<(String, u8)>, room: usize) -> String {
    let join = |parts: &[(String, u8)]| {
        let texts: Vec<&str> = parts.iter().map(|(t, _)| t.as_str()).collect();
        format!(" {}", texts.join(" · "))
    };
    while super::wrap::str_width(&join(&parts)) > room {
        let Some(at) = (0..parts.len())
            .filter(|&k| parts[k].1 != KEEP)
            .max_by_key(|&k| (parts[k].1, k))
        else {
            break;
        };
        parts.remove(at);
    }
    join(&parts)
}

fn status(f: &mut Frame, m: &Model, r: &Reader, area: Rect) {
    let t = &m.config.theme;
    let km = &m.config.keymap;
    let parts: Vec<(String, u8)> = if let Some(l) = m.linking.filter(|_| !m.search.typing) {
        let prompt = format!(
            "link {} {} by hand to: move to its partner in this pane, {} links · {} cancels",
            l.from.0.letter(),
            l.from.1.number(),
            km.hint(Command::Counterpart),
            km.hint(Command::Cancel)
        );
        // What a key just refused (`:` to another source) comes first, or it goes unseen.
        let said =
            (m.message.iter()).map(|msg| (parallax::text::visible(msg, false).into_owned(), KEEP));
        said.chain([(prompt, KEEP)]).collect()
    } else if m.search.typing {
        let (before, after) = m.search.input.split();
        let shown = |s: &str| parallax::text::visible(s, false).into_owned();
        let sign = if m.search.goto { ':' } else { '/' };
        let mut parts = vec![(format!("{sign}{}▏{}", shown(before), shown(after)), KEEP)];
        if m.search.goto {
            let other = r.pair.src[m.active.other()].letter();
            let hint = format!("go to passage: 12 in this pane, or {other} 12");
            parts.push((hint, 1));
        }
        parts
    } else {
        // What is unsaved or still changing comes first and stays; the rest goes, the view's
        // name first, when the line is too narrow for all (see `fit_parts`).
        let mut parts = position(m, r);
        if m.notes.dirty {
            // Named by what the user would lose: notes, links corrected by hand, or neither
            // (a source added to a saved comparison).
            let what = if !m.notes.notes.is_empty() {
                "notes unsaved"
            } else if !m.notes.notes.corrections().is_empty() {
                "corrections unsaved"
            } else {
                "changes unsaved"
            };
            parts.push((what.into(), KEEP));
        }
        if m.notes.stale {
            parts.push(("saved texts".into(), KEEP));
        }
        // The links may still change: the sentence encoder is reading the sources.
        if m.refining {
            parts.push(("refining links…".into(), KEEP));
        }
        parts.push((m.view.label().into(), 3));
        if m.show_possible {
            parts.push(("possible links shown".into(), 1));
        }
        let n = r.cmp.sources.len();
        if n > 2 && m.message.is_none() {
            let hint = format!(
                "{n} sources: {} pick pair, {} claims",
                km.hint(Command::Pick),
                km.hint(Command::Matrix)
            );
            parts.push((hint, 1));
        }
        if !m.search.query.is_empty() {
            parts.push((
                format!(
                    "“{}” {}/{}",
                    parallax::text::visible(&m.search.query, false),
                    km.hint(Command::NextHit),
                    km.hint(Command::PrevHit)
                ),
                2,
            ));
        }
        // What just happened goes first: a narrow status line cuts its end, and the where
        // and how are on screen anyway.
        if let Some(msg) = &m.message {
            parts.insert(0, (parallax::text::visible(msg, false).into_owned(), KEEP));
        }
        parts
    };
    let mut hints: Vec<(String, &str)> = [
        (Command::NextLink, Command::PrevLink, "link"),
        (Command::Counterpart, Command::Counterpart, "counterpart"),
        (Command::SwitchPane, Command::SwitchPane, "pane"),
        (Command::ToggleView, Command::ToggleView, "view"),
        (Command::Search, Command::Search, "search"),
        (Command::Help, Command::Help, "help"),
        (Command::Note, Command::Note, "note"),
        (Command::Save, Command::Save, "save"),
        (Command::Quit, Command::Quit, "quit"),
    ]
    .into_iter()
    .map(|(a, b, what)| {
        let keys = if a == b {
            km.hint(a)
        } else {
            format!("{}/{}", km.hint(a), km.hint(b))
        };
        (keys, what)
    })
    .collect();
    // Hints are kept by priority, help and quit first, so that a narrow terminal still
    // says how to learn the rest; those kept are shown in the usual order. The room for
    // help and quit is kept even from a long position, which is cut to leave it; but not
    // from a message (what just happened, gone at the next key), a link by hand's prompt
    // or a search being typed, which say what the next key does.
    let mut priority: Vec<usize> = vec![5, 8, 0, 1, 7, 6, 2, 3, 4];
    // While a prompt is typed into, the reader's keys type into it: only its own two act,
    // fixed whatever the keymap (`Keymap::action`).
    if m.search.typing {
        let enter = if m.search.goto { "go" } else { "search" };
        hints = vec![("Enter".into(), enter), ("Esc".into(), "cancel")];
        priority = vec![0, 1];
    }
    let width = |k: &String, what: &str| k.chars().count() + what.len() + 4;
    let first: usize = priority[..2]
        .iter()
        .map(|&h| width(&hints[h].0, hints[h].1))
        .sum();
    let room = if m.message.is_none() && m.linking.is_none() && !m.search.typing {
        (area.width as usize).saturating_sub(first + GAP)
    } else {
        area.width as usize
    };
    // Cut with "…", so a cut message does not read as whole.
    let left = super::wrap::fit(&fit_parts(parts, room), room);
    let lw = super::wrap::str_width(&left);
    let mut keep = vec![false; hints.len()];
    let mut used = 0;
    // Three columns at least between the two sides (as between two hints), or the last
    // words on the left and the first hint read as one phrase ("m claims n/N link").
    for &h in &priority {
        let add = width(&hints[h].0, hints[h].1);
        if lw + used + add + GAP <= area.width as usize {
            used += add;
            keep[h] = true;
        }
    }
    let mut right: Vec<Span> = Vec::new();
    for (h, (k, what)) in hints.into_iter().enumerate() {
        if keep[h] {
            right.push(Span::styled(k, t.status.patch(t.key)));
            right.push(Span::styled(format!(" {what}   "), t.status));
        }
    }
    let buf = f.buffer_mut();
    buf.set_style(area, t.status);
    buf.set_stringn(area.x, area.y, &left, area.width as usize, t.status);
    let x = area.right().saturating_sub(used as u16);
    if x as usize >= area.x as usize + lw {
        buf.set_line(x, area.y, &Line::from(right), used as u16);
    }
}
