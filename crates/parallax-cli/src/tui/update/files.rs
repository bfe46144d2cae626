//! The outcomes of the effects the app loop ran: saved, exported, a name or a file taken
//! (which asks before replacing), and a saved comparison opened. Nothing here touches a
//! file.

use parallax::{SegmentId, SourceId};

use super::show::{loaded, show_at};
use crate::tui::action::{Done, Effect, Opened};
use crate::tui::dialog::{Dialog, export::Export, save::Save};
use crate::tui::matrix::{left_on, row_holding};
use crate::tui::model::{Model, Overlay, ViewMode};
use crate::tui::side::PaneSide;

/// The outcome of a save or an export.
pub fn done(m: &mut Model, result: Result<Done, String>) -> Option<Effect> {
    match result {
        Ok(Done::Saved(name, then)) => {
            m.message = Some(format!("saved as {name}"));
            m.notes.name = Some(name);
            m.notes.saved_now();
            return then.effect();
        }
        Ok(Done::Exported(path)) => m.message = Some(format!("exported to {path}")),
        Ok(Done::NameTaken(name, then)) => {
            m.dialog = Some(Dialog::Save(Save::Overwrite(name, then)));
        }
        Ok(Done::FileExists(f, path)) => {
            m.dialog = Some(Dialog::Export(Export::Replace(f, path)));
        }
        Ok(Done::NotSaved(name, then, e)) => {
            let why = e.lines().next().unwrap_or("").to_string();
            m.message = Some(why.clone());
            m.dialog = Some(Dialog::Save(Save::retry(name, then, why)));
        }
        Err(e) => m.message = Some(e.lines().next().unwrap_or("").to_string()),
    }
    None
}

/// Shows the sources and passages the reader was at when it saved. A place that does not
/// fit this comparison (a file edited by hand) is ignored, and the reader starts at the top.
fn go_to_place(m: &mut Model, place: parallax::store::Place) {
    let Some(r) = m.phase.ready() else { return };
    let n = r.cmp.sources.len();
    let [left, right] = place.sources;
    let Some(active) = PaneSide::from_index(place.active) else {
        return;
    };
    if left.0 >= n || right.0 >= n || left == right {
        return;
    }
    let fits = |src: SourceId, seg: SegmentId| seg.0 < r.cmp.source(src).segments.len().max(1);
    if !(fits(left, place.focus[PaneSide::Left]) && fits(right, place.focus[PaneSide::Right])) {
        return;
    }
    m.view = match place.synoptic {
        true => ViewMode::Synoptic,
        false => ViewMode::Reading,
    };
    let focus = place.focus.map(Some);
    show_at(m, Some([left, right]), active, focus);
}

/// The sources shown, aligned again with the sentence encoder ([`crate::tui::app`]): its
/// links replace those shown where the reader stands: the same sources, passages and pane,
/// a window or a link by hand under way kept open. Notes and corrections are placed again
/// by their quoted text. A comparison of other sources (one was added meanwhile) is
/// dropped, as that one's own refining follows; a failure keeps the links shown.
pub fn refined(m: &mut Model, result: Result<Box<parallax::Comparison>, String>) {
    let cmp = match result {
        Ok(cmp) => *cmp,
        Err(e) => {
            m.refining = false;
            let why = e.lines().next().unwrap_or("").to_string();
            m.message = Some(format!(
                "links not refined with the sentence encoder: {why}"
            ));
            return;
        }
    };
    let Some(r) = m.phase.ready() else { return };
    let same =
        r.machine.sources.len() == cmp.sources.len()
            && r.machine.sources.iter().zip(&cmp.sources).all(|(a, b)| {
                a.document.path == b.document.path && a.document.text == b.document.text
            });
    if !same {
        return;
    }
    m.refining = false;
    let pair = r.pair.src;
    let focus = PaneSide::BOTH.map(|side| Some(m.panes[side].focus));
    let (active, overlay, linking) = (m.active, m.overlay, m.linking.take());
    let (at_left, filter_left) = m.matrix_left_at;
    let was_at = left_on(&r.cmp, filter_left, at_left);
    let was_open = match m.overlay {
        Some(Overlay::Matrix(at, filter)) => left_on(&r.cmp, filter, at),
        _ => Vec::new(),
    };
    let before = m.notes.notes.clone();
    m.notes.notes.reattach(&cmp);
    loaded(m, cmp);
    apply_corrections(m);
    show_at(m, Some(pair), active, focus);
    super::notes::retarget(m);
    // Claims are numbered anew: the matrix stays on the claim the user moved to (the row
    // now holding most of its passages), or on its top row, under the filter chosen.
    let follow = |m: &Model, filter, passages: &[_]| {
        m.phase
            .ready()
            .map_or(0, |r| row_holding(&r.cmp, filter, passages))
    };
    m.matrix_left_at = (follow(m, filter_left, &was_at), filter_left);
    m.overlay = match overlay {
        Some(Overlay::Matrix(_, filter)) => {
            Some(Overlay::Matrix(follow(m, filter, &was_open), filter))
        }
        other => other,
    };
    m.linking = linking;
    m.notes.dirty |= m.notes.notes != before;
    let refined = refined_message(m);
    m.message = Some(match &m.sources_note {
        Some(note) => format!("{refined}; {note}"),
        None => refined.into(),
    });
}

/// What the status line says of the refined links: the encoder read the sources whole, long
/// ones only where their words left a link in doubt (or not at all), or nothing at all (long
/// sources linked surely by their words or too much in doubt, or the encoder failed), so
/// the user is not told that links were refined by a model that read none of the text.
fn refined_message(m: &Model) -> &'static str {
    let Some(r) = m.phase.ready() else {
        return "links refined with the sentence encoder";
    };
    let cmp = &r.cmp;
    let read: Vec<usize> = (0..cmp.sources.len())
        .map(|k| cmp.encoded(SourceId(k)).0)
        .collect();
    let long = |k: usize| cmp.sources[k].too_long_to_encode(&cmp.options);
    let any_long = (0..read.len()).any(long);
    if read.iter().all(|&n| n == 0) {
        if any_long {
            "links on words alone: the sentence encoder read none of these long sources"
        } else {
            "links on words alone: the sentence encoder could not read these sources"
        }
    } else if any_long {
        "links refined with the sentence encoder; long sources only where in doubt"
    } else {
        "links refined with the sentence encoder"
    }
}

/// A source added from the open dialog: the comparison again with it as the last source,
/// shown beside the left pane's source. The notes are placed again by their quoted text;
/// notes there, or a saved comparison, are unsaved now, since the comparison changed.
pub fn added(m: &mut Model, cmp: parallax::Comparison) {
    m.adding_from = None;
    let left = m.phase.ready().map_or(SourceId(0), |r| r.pair.src[0]);
    let new = SourceId(cmp.sources.len() - 1);
    // The same text again (the same file opened twice, or a copy of it) is compared with
    // itself, and every claim it states counts twice: said, as the command line says it.
    let text = |k: usize| &cmp.sources[k].document.text;
    let twin = (0..new.0).find(|&k| *text(k) == *text(new.0)).map(SourceId);
    m.notes.notes.reattach(&cmp);
    loaded(m, cmp);
    let name = m.names[new.0].clone();
    apply_corrections(m);
    show_at(m, Some([left, new]), PaneSide::Right, [None, None]);
    // The notes belong to another comparison now; and a saved comparison with a source
    // more is a change to save, or quitting would lose the source without a word.
    m.notes.dirty |= !m.notes.notes.is_empty() || m.notes.name.is_some();
    m.message = Some(match twin {
        Some(k) => format!(
            "added {}: {name}, the same text as {}: it is compared with itself",
            new.letter(),
            k.letter()
        ),
        None => format!("added {}: {name}", new.letter()),
    });
}

/// A source typed in the open dialog was refused (unreadable, not text, not found): the
/// status line says why, and the dialog is back with the line as typed, unless another
/// window was opened meanwhile.
pub fn add_failed(m: &mut Model, why: &str) {
    m.message = Some(why.lines().next().unwrap_or("").to_string());
    let from = m.adding_from.take();
    if m.dialog.is_none() {
        m.dialog = from;
    }
}

/// Shows the comparison just loaded with the corrections of the notes applied.
fn apply_corrections(m: &mut Model) {
    if let Some(r) = m.phase.ready_mut()
        && !m.notes.notes.corrections().is_empty()
    {
        r.correct(&m.notes.notes);
        super::show::relayout(m);
    }
}

/// A saved comparison opened: show it with its notes.
pub fn opened(m: &mut Model, o: Opened) {
    loaded(m, o.cmp);
    let mut notes = o.notes;
    notes.tag_set = m.config.tags.clone();
    m.notes.notes = notes;
    apply_corrections(m);
    if let Some(place) = o.place {
        go_to_place(m, place);
    }
    m.notes.name = Some(o.name);
    m.notes.saved_now();
    if o.dirty {
        m.notes.dirty = true;
        m.notes.saved = None;
    }
    m.notes.stale = o.stale;
    // What opening says comes first; the word on facts not read (set by `loaded`) after it.
    m.message = match (o.message, m.message.take()) {
        (Some(x), Some(y)) => Some(format!("{x} · {y}")),
        (x, y) => x.or(y),
    };
}
