//! The prompts of saving, exporting, quitting and opening, and the outcomes of those
//! effects. Nothing here touches a file: the app loop runs the effects.

use ratatui::crossterm::event::KeyCode;

use super::notes::Keys;
use crate::tui::action::{Command, Done, Effect};
use crate::tui::model::Model;
use crate::tui::prompt::{FORMATS, Prompt, Then};

/// The prompt asking the name to save under.
pub fn name_prompt(then: Then) -> Prompt {
    Prompt::Name {
        input: String::new(),
        then,
        error: None,
    }
}

/// A key pressed in one of these prompts.
pub fn key(m: &mut Model, prompt: Prompt, k: &Keys) -> Option<Effect> {
    let (ev, cmd, esc, enter) = (k.ev, k.cmd, k.esc, k.enter);
    match prompt {
        Prompt::Name {
            mut input,
            then,
            error,
        } => {
            if esc {
                return None;
            }
            if enter {
                let name = input.trim().to_string();
                return match parallax::store::validate_name(&name) {
                    Ok(()) => Some(Effect::Save {
                        replace: m.notes.name.as_deref() == Some(name.as_str()),
                        name,
                        then,
                    }),
                    Err(e) => {
                        m.prompt = Some(Prompt::Name {
                            input,
                            then,
                            error: Some(e.to_string()),
                        });
                        None
                    }
                };
            }
            k.typed(&mut input);
            m.prompt = Some(Prompt::Name { input, then, error });
        }
        Prompt::Overwrite(name, then) => match ev.code {
            KeyCode::Char('y') => {
                return Some(Effect::Save {
                    name,
                    replace: true,
                    then,
                });
            }
            _ if esc || ev.code == KeyCode::Char('n') => {
                m.prompt = Some(Prompt::Name {
                    input: name,
                    then,
                    error: Some("not replaced: choose another name".into()),
                });
            }
            _ => m.prompt = Some(Prompt::Overwrite(name, then)),
        },
        Prompt::Format(at) => {
            if esc {
                return None;
            }
            if enter {
                let format = FORMATS[at].0;
                let base = m.notes.name.as_deref().unwrap_or("parallax-comparison");
                let input = format!("{base}.{}", format.extension());
                m.prompt = Some(Prompt::Path { format, input });
            } else {
                m.prompt = Some(Prompt::Format(k.list(at, FORMATS.len())));
            }
        }
        Prompt::Path { format, mut input } => {
            if esc {
                return None;
            }
            if enter && !input.trim().is_empty() {
                return Some(Effect::Export {
                    format,
                    path: input.trim().to_string(),
                    replace: false,
                });
            }
            k.typed(&mut input);
            m.prompt = Some(Prompt::Path { format, input });
        }
        Prompt::Replace(format, path) => match ev.code {
            KeyCode::Char('y') => {
                return Some(Effect::Export {
                    format,
                    path,
                    replace: true,
                });
            }
            _ if esc || ev.code == KeyCode::Char('n') => {
                m.prompt = Some(Prompt::Path {
                    format,
                    input: path,
                });
            }
            _ => m.prompt = Some(Prompt::Replace(format, path)),
        },
        Prompt::Unsaved(then) => match ev.code {
            KeyCode::Char('s') => match m.notes.name.clone() {
                Some(name) => {
                    return Some(Effect::Save {
                        name,
                        replace: true,
                        then,
                    });
                }
                None => m.prompt = Some(name_prompt(then)),
            },
            KeyCode::Char('d') => return go_on(then),
            _ if esc || ev.code == KeyCode::Char('c') => {}
            _ => m.prompt = Some(Prompt::Unsaved(then)),
        },
        Prompt::Open(items, at) => {
            if esc || cmd == Some(Command::Quit) {
                return None;
            }
            if enter {
                match items.get(at) {
                    Some(l) if l.problem.is_none() => return Some(Effect::Open(l.path.clone())),
                    Some(l) => m.message = l.problem.clone(),
                    None => {}
                }
                return None;
            }
            let n = items.len();
            m.prompt = Some(Prompt::Open(items, k.list(at, n)));
        }
        other => m.prompt = Some(other),
    }
    None
}

/// What the user was about to do when a save or the question on unsaved notes came in
/// between.
fn go_on(then: Then) -> Option<Effect> {
    match then {
        Then::Stay => None,
        Then::Quit => Some(Effect::Quit),
        Then::Open => Some(Effect::List),
    }
}

/// The outcome of a save or an export.
pub fn done(m: &mut Model, result: Result<Done, String>) -> Option<Effect> {
    match result {
        Ok(Done::Saved(name, then)) => {
            m.message = Some(format!("saved as {name}"));
            m.notes.name = Some(name);
            m.notes.dirty = false;
            return go_on(then);
        }
        Ok(Done::Exported(path)) => m.message = Some(format!("exported to {path}")),
        Ok(Done::NameTaken(name, then)) => m.prompt = Some(Prompt::Overwrite(name, then)),
        Ok(Done::FileExists(f, path)) => m.prompt = Some(Prompt::Replace(f, path)),
        Err(e) => m.message = Some(e.lines().next().unwrap_or("").to_string()),
    }
    None
}
