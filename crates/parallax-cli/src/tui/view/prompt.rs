//! The windows that take the keyboard: the note editor, the tag picker, the save, export and
//! quit questions, the notes panel and the list of saved comparisons.

use parallax::annotate::rfc3339;
use parallax::export::{json::where_label, one_line};
use parallax::text::{counted, visible};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Wrap};

use crate::tui::action::Command;
use crate::tui::layout::centred;
use crate::tui::model::Model;
use crate::tui::prompt::{FORMATS, Prompt, Then};
use crate::tui::wrap::{fit, str_width};

/// A row of a list with a cursor.
fn row(text: String, on: bool, m: &Model) -> Line<'static> {
    let t = &m.config.theme;
    let mark = if on { "▶ " } else { "  " };
    let style = if on { t.title_active } else { t.text };
    Line::styled(format!("{mark}{}", visible(&text, false)), style)
}

/// Draws the open prompt over `area`.
pub fn draw(f: &mut Frame, m: &Model, p: &Prompt, area: Rect) {
    let t = &m.config.theme;
    let hint = |s: &str| Line::styled(s.to_string(), t.dim);
    let (title, lines, scroll): (String, Vec<Line>, usize) = match p {
        Prompt::Editor {
            target,
            area: text,
            warned,
            ..
        } => {
            let w = area.width.saturating_sub(4).clamp(20, 80);
            let h = area.height.saturating_sub(4).clamp(5, 14);
            let rect = centred(area, w, h);
            let title = format!(" Note on {} ", target.label);
            let km = &m.config.keymap;
            let (save, cancel) = (km.hint(Command::EditorSave), km.hint(Command::EditorCancel));
            let foot = if *warned {
                format!(" {cancel} again discards your changes · {save} saves ")
            } else {
                format!(" {save} saves · {cancel} cancels · empty text deletes ")
            };
            let block = Block::bordered()
                .title(Span::styled(title, t.title))
                .title_bottom(Span::styled(foot, if *warned { t.conflict } else { t.key }))
                .border_style(t.key);
            f.render_widget(Clear, rect);
            let inner = block.inner(rect);
            f.render_widget(block, rect);
            f.render_widget(&**text, inner);
            return;
        }
        Prompt::Tags(target, at) => {
            let note = target.id.and_then(|id| m.notes.notes.get(id));
            let mut lines: Vec<Line> = m
                .notes
                .notes
                .tag_set
                .iter()
                .enumerate()
                .map(|(i, tag)| {
                    let on =
                        note.is_some_and(|n| n.tags.iter().any(|x| x.eq_ignore_ascii_case(tag)));
                    row(
                        format!("[{}] {tag}", if on { "x" } else { " " }),
                        i == *at,
                        m,
                    )
                })
                .collect();
            lines.push(hint(" Enter/Space sets or clears · Esc closes"));
            (format!(" Tags of the note on {} ", target.label), lines, 0)
        }
        Prompt::Name { input, then, error } => {
            let mut lines = vec![
                Line::raw(format!(" Name: {}▏", visible(input, false))),
                hint(" Saved in the data dir (--data-dir, PARALLAX_DATA_DIR)"),
                hint(" Enter saves · Esc cancels"),
            ];
            if let Some(e) = error {
                lines.insert(
                    1,
                    Line::styled(format!(" {}", visible(e, false)), t.conflict),
                );
            }
            let what = match then {
                Then::Quit => " Save before quitting ",
                Then::Open => " Save before opening another ",
                Then::Stay => " Save this comparison ",
            };
            (what.to_string(), lines, 0)
        }
        Prompt::Overwrite(name, _) => (
            " Replace? ".into(),
            vec![
                Line::raw(format!(
                    " A comparison named “{}” exists already.",
                    visible(name, false)
                )),
                hint(" y replaces it (its file is kept as .bak) · n chooses another name"),
            ],
            0,
        ),
        Prompt::Format(at) => {
            let mut lines: Vec<Line> = FORMATS
                .iter()
                .enumerate()
                .map(|(i, (f, what))| row(format!("{:<5} {what}", f.extension()), i == *at, m))
                .collect();
            lines.push(hint(" Enter chooses · Esc cancels"));
            (" Export with the notes ".into(), lines, 0)
        }
        Prompt::Path { input, .. } => (
            " Export to ".into(),
            vec![
                Line::raw(format!(" File: {}▏", visible(input, false))),
                hint(" (relative to the current directory) Enter writes · Esc cancels"),
            ],
            0,
        ),
        Prompt::Replace(_, path) => (
            " Replace? ".into(),
            vec![
                Line::raw(format!(" {} exists already.", visible(path, false))),
                hint(" y replaces it · n chooses another file"),
            ],
            0,
        ),
        Prompt::Unsaved(then) => {
            let (save, discard) = match then {
                Then::Open => (" save and open another   ", " open without saving   "),
                _ => (" save and quit   ", " quit without saving   "),
            };
            (
                " Unsaved notes ".into(),
                vec![
                    Line::raw(" Your notes are not saved yet."),
                    Line::from(vec![
                        Span::styled(" s", t.key),
                        Span::raw(save),
                        Span::styled("d", t.key),
                        Span::raw(discard),
                        Span::styled("Esc", t.key),
                        Span::raw(" keep reading"),
                    ]),
                ],
                0,
            )
        }
        Prompt::Panel(at) => panel(m, *at, area),
        Prompt::Delete(at) => {
            let Some(r) = m.ready() else { return };
            let notes = m.notes.notes.ordered();
            let Some(n) = notes.get(*at) else { return };
            let on = where_label(&r.cmp, n.anchor.as_ref()).unwrap_or_else(|| "detached".into());
            (
                " Delete? ".into(),
                vec![
                    Line::raw(format!(" Delete the note on {}?", visible(&on, false))),
                    Line::styled(
                        format!("   {}", visible(&one_line(&n.text, 60), false)),
                        t.dim,
                    ),
                    hint(" y deletes it · any other key keeps it"),
                ],
                0,
            )
        }
        Prompt::Open(items, at) => {
            // One row per entry, cut to the screen; the rows shown follow the selection.
            let room = (area.height.saturating_sub(5) as usize).max(1);
            let skip = (at + 1).saturating_sub(room);
            let cols = (area.width as usize).saturating_sub(6);
            let mut lines: Vec<Line> = items
                .iter()
                .enumerate()
                .skip(skip)
                .take(room)
                .map(|(i, l)| {
                    let text = match &l.problem {
                        Some(p) => format!("{}  unreadable: {}", l.name, one_line(p, 60)),
                        None => format!(
                            "{}  {} · {} · {}",
                            l.name,
                            rfc3339(l.saved),
                            counted(l.notes, "note"),
                            one_line(&l.sources.join(" | "), 60)
                        ),
                    };
                    row(fit(&visible(&text, false), cols), i == *at, m)
                })
                .collect();
            let (above, below) = (skip, items.len().saturating_sub(skip + room));
            let mut more = String::new();
            if above > 0 {
                more.push_str(&format!(" · ↑ {above} more"));
            }
            if below > 0 {
                more.push_str(&format!(" · ↓ {below} more"));
            }
            lines.push(hint(&format!(" Enter opens · Esc closes{more}")));
            let skip = 0;
            (" Saved comparisons ".into(), lines, skip)
        }
    };
    let w = lines
        .iter()
        .map(|l| l.spans.iter().map(|s| str_width(&s.content)).sum::<usize>())
        .max()
        .unwrap_or(0)
        .max(str_width(&title))
        + 4;
    let rect = centred(area, w as u16, lines.len() as u16 + 2);
    let block = Block::bordered()
        .title(Span::styled(title, t.title))
        .border_style(t.key);
    f.render_widget(Clear, rect);
    f.render_widget(
        Paragraph::new(lines)
            .block(block)
            .wrap(Wrap { trim: false })
            .scroll((scroll as u16, 0)),
        rect,
    );
}

/// The notes panel: every note in reading order with where it is, its tags and its text;
/// detached notes last, with the text they were written on.
fn panel(m: &Model, at: usize, area: Rect) -> (String, Vec<Line<'static>>, usize) {
    let t = &m.config.theme;
    let Some(r) = m.ready() else {
        return (String::new(), Vec::new(), 0);
    };
    let notes = m.notes.notes.ordered();
    let width = area.width.saturating_sub(8).min(100) as usize;
    let mut lines = Vec::new();
    let mut cursor_row = 0;
    for (i, n) in notes.iter().enumerate() {
        let on = where_label(&r.cmp, n.anchor.as_ref()).unwrap_or_else(|| "detached".into());
        let tags = if n.tags.is_empty() {
            String::new()
        } else {
            format!(" [{}]", n.tags.join(", "))
        };
        if i == at {
            cursor_row = lines.len();
        }
        lines.push(row(format!("✎ {on}{tags}"), i == at, m));
        let text = if n.text.trim().is_empty() {
            "(no text)".to_string()
        } else {
            one_line(&n.text, width)
        };
        lines.push(Line::styled(
            format!("    {}", visible(&text, false)),
            t.text,
        ));
        if n.is_detached() {
            for q in &n.quotes {
                let was = one_line(&q.text, width.saturating_sub(10));
                lines.push(Line::styled(
                    format!("    was: {}", visible(&was, false)),
                    t.dim,
                ));
            }
        }
    }
    if notes.is_empty() {
        let a = m.config.keymap.hint(Command::Note);
        lines.push(Line::styled(
            format!(" No notes yet: {a} writes one on the focused passage."),
            t.dim,
        ));
    }
    let detached = m.notes.notes.detached().len();
    let head = if detached > 0 {
        format!(" Notes ({}, {detached} detached) ", notes.len())
    } else {
        format!(" Notes ({}) ", notes.len())
    };
    lines.push(Line::styled(
        " Enter shows the note · d deletes it · Esc closes",
        t.dim,
    ));
    let skip = (cursor_row + 2).saturating_sub(area.height.saturating_sub(4) as usize);
    (head, lines, skip)
}
