//! Saving: the name to save under, the question before replacing a saved comparison of that
//! name, and the question before leaving unsaved notes (quitting, opening another). They are
//! one dialog because each leads to the next: "no" to replacing asks the name again, "save"
//! with no name yet asks one.

use parallax::text::visible;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::base::{Context, ContextMut, DialogKey, Step, boxed, hint, input_line};
use super::confirm;
use crate::tui::action::{Effect, Then};
use crate::tui::keymap::answer::{CANCEL, DISCARD, NO, SAVE, YES};
use crate::tui::line::LineInput;

/// Where saving stands.
pub enum Save {
    /// The name to save under.
    Name {
        /// What is typed so far.
        input: LineInput,
        /// What to do after saving.
        then: Then,
        /// Why the last name was refused.
        error: Option<String>,
    },
    /// A comparison of that name exists: replace it?
    Overwrite(String, Then),
    /// About to quit or open another comparison (never [`Then::Stay`]) with unsaved notes:
    /// save first, go on without saving, or keep reading?
    Unsaved(Then),
}

impl Save {
    /// The prompt asking the name to save under, empty.
    pub fn name(then: Then) -> Save {
        Save::Name {
            input: LineInput::default(),
            then,
            error: None,
        }
    }

    /// The prompt again after saving under `name` failed (`why`), with that name selected:
    /// typing replaces it, a cursor key edits it.
    pub fn retry(name: String, then: Then, why: String) -> Save {
        Save::Name {
            input: LineInput::suggested(name),
            then,
            error: Some(why),
        }
    }

    /// A key. Saving itself is an effect: Enter on a valid name asks the app loop for it.
    pub fn key(&mut self, cx: &mut ContextMut, k: &DialogKey) -> Step {
        match self {
            Save::Name { input, then, error } => {
                if k.esc {
                    return Step::Close;
                }
                if k.enter {
                    let name = input.as_str().trim().to_string();
                    return match parallax::store::validate_name(&name) {
                        Ok(()) => Step::Run(Effect::Save {
                            replace: cx.notes.name.as_deref() == Some(name.as_str()),
                            name,
                            then: *then,
                        }),
                        Err(e) => {
                            *error = Some(e.to_string());
                            Step::Stay
                        }
                    };
                }
                k.typed(input);
                Step::Stay
            }
            Save::Overwrite(name, then) => match confirm::answer(k) {
                Some(true) => Step::Run(Effect::Save {
                    name: std::mem::take(name),
                    replace: true,
                    then: *then,
                }),
                Some(false) => {
                    let why = "not replaced: choose another name".to_string();
                    *self = Save::retry(std::mem::take(name), *then, why);
                    Step::Stay
                }
                None => Step::Stay,
            },
            Save::Unsaved(then) => {
                let then = *then;
                if k.is(SAVE) {
                    match cx.notes.name.clone() {
                        Some(name) => Step::Run(Effect::Save {
                            name,
                            replace: true,
                            then,
                        }),
                        None => {
                            *self = Save::name(then);
                            Step::Stay
                        }
                    }
                } else if k.is(DISCARD) {
                    then.effect().map_or(Step::Close, Step::Run)
                } else if k.esc || k.is(CANCEL) {
                    Step::Close
                } else {
                    Step::Stay
                }
            }
        }
    }

    /// Draws the prompt or the question.
    pub fn draw(&self, f: &mut Frame, cx: &Context, area: Rect) {
        let t = &cx.config.theme;
        match self {
            Save::Name { input, then, error } => {
                let mut lines = vec![
                    input_line("Name: ", input),
                    hint(" Saved in the data dir (--data-dir, PARALLAX_DATA_DIR)", t),
                    hint(" Enter saves · Esc cancels", t),
                ];
                if let Some(e) = error {
                    let why = Line::styled(format!(" {}", visible(e, false)), t.conflict);
                    lines.insert(1, why);
                }
                let title = match then {
                    Then::Quit => " Save before quitting ",
                    Then::Open => " Save before opening another ",
                    Then::Stay => " Save this comparison ",
                };
                boxed(f, t, area, title, lines, 0);
            }
            Save::Overwrite(name, _) => confirm::draw(
                f,
                t,
                area,
                " Replace? ",
                format!(
                    " A comparison named “{}” exists already.",
                    visible(name, false)
                ),
                None,
                &format!(
                    " {YES} replaces it (its file is kept as .bak) · {NO} chooses another name"
                ),
            ),
            Save::Unsaved(then) => {
                // The open dialog also adds a source, which keeps the notes: only opening
                // another comparison leaves them, and the question says so.
                let (save, discard, what) = match then {
                    Then::Open => (
                        " save first   ",
                        " go on without saving   ",
                        " Opening a saved comparison leaves them; adding a source keeps them.",
                    ),
                    _ => (" save and quit   ", " quit without saving   ", ""),
                };
                let mut lines = vec![
                    Line::raw(" Your notes, corrections or added sources are not saved yet."),
                    Line::from(vec![
                        Span::styled(format!(" {SAVE}"), t.key),
                        Span::raw(save),
                        Span::styled(DISCARD.to_string(), t.key),
                        Span::raw(discard),
                        Span::styled("Esc", t.key),
                        Span::raw(" keep reading"),
                    ]),
                ];
                if !what.is_empty() {
                    lines.insert(1, Line::raw(what));
                }
                boxed(f, t, area, " Unsaved notes ", lines, 0);
            }
        }
    }
}
