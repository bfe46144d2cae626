//! Exporting: the format, the file to write, and the question before replacing a file that
//! exists ("no" asks the file again). Writing is an effect the app loop runs.

use parallax::export::ExportFormat;
use parallax::text::visible;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;

use super::base::{Context, ContextMut, DialogKey, Step, boxed, hint, input_line, row};
use super::confirm;
use crate::tui::action::Effect;
use crate::tui::keymap::answer::{NO, YES};
use crate::tui::line::LineInput;

/// The export formats in the order the picker shows them.
pub const FORMATS: [(ExportFormat, &str); 3] = [
    (ExportFormat::Markdown, "Markdown report"),
    (ExportFormat::Html, "HTML page (standalone, works offline)"),
    (ExportFormat::Json, "JSON report with the notes"),
];

/// Where exporting stands.
pub enum Export {
    /// Choosing the format; the cursor is on format `usize` of [`FORMATS`].
    Format(usize),
    /// The file to write.
    Path {
        /// The format chosen.
        format: ExportFormat,
        /// The path typed so far (starts with a default in the current directory).
        input: LineInput,
    },
    /// The file exists: replace it?
    Replace(ExportFormat, String),
}

impl Export {
    /// A key: choose the format, type the path, answer the question.
    pub fn key(&mut self, cx: &mut ContextMut, k: &DialogKey) -> Step {
        match self {
            Export::Format(at) => {
                if k.esc {
                    return Step::Close;
                }
                if k.enter {
                    let format = FORMATS[*at].0;
                    let base = cx.notes.name.as_deref().unwrap_or("parallax-comparison");
                    let input = format!("{base}.{}", format.extension());
                    *self = Export::Path {
                        format,
                        input: LineInput::suggested(input),
                    };
                } else {
                    *at = k.list(*at, FORMATS.len());
                }
                Step::Stay
            }
            Export::Path { format, input } => {
                if k.esc {
                    return Step::Close;
                }
                if k.enter && !input.as_str().trim().is_empty() {
                    return Step::Run(Effect::Export {
                        format: *format,
                        path: input.as_str().trim().to_string(),
                        replace: false,
                    });
                }
                k.typed(input);
                Step::Stay
            }
            Export::Replace(format, path) => match confirm::answer(k) {
                Some(true) => Step::Run(Effect::Export {
                    format: *format,
                    path: std::mem::take(path),
                    replace: true,
                }),
                Some(false) => {
                    *self = Export::Path {
                        format: *format,
                        input: LineInput::suggested(std::mem::take(path)),
                    };
                    Step::Stay
                }
                None => Step::Stay,
            },
        }
    }

    /// Draws the picker, the path prompt or the question.
    pub fn draw(&self, f: &mut Frame, cx: &Context, area: Rect) {
        let t = &cx.config.theme;
        match self {
            Export::Format(at) => {
                let mut lines: Vec<Line> = FORMATS
                    .iter()
                    .enumerate()
                    .map(|(i, (f, what))| row(format!("{:<5} {what}", f.extension()), i == *at, t))
                    .collect();
                lines.push(hint(" Enter chooses · Esc cancels", t));
                boxed(f, t, area, " Export with the notes ", lines, 0);
            }
            Export::Path { input, .. } => {
                // Two short lines, not one long one: at 80 columns the long one wrapped
                // between "Esc" and "cancels".
                let lines = vec![
                    input_line("File: ", input),
                    hint(
                        if input.is_suggested() {
                            " Relative to the current directory; typing replaces it."
                        } else {
                            " Relative to the current directory."
                        },
                        t,
                    ),
                    hint(" Enter writes · Esc cancels", t),
                ];
                boxed(f, t, area, " Export to ", lines, 0);
            }
            Export::Replace(_, path) => confirm::draw(
                f,
                t,
                area,
                " Replace? ",
                format!(" {} exists already.", visible(path, false)),
                None,
                &format!(" {YES} replaces it · {NO} chooses another file"),
            ),
        }
    }
}
