//! The outcomes of the effects the app loop ran: saved, exported, a name or a file taken
//! (which asks before replacing), and a saved comparison opened. Nothing here touches a
//! file.

use parallax::{SegmentId, SourceId};

use super::show::{loaded, show_at};
use crate::tui::action::{Done, Effect, Opened};
use crate::tui::dialog::{Dialog, export::Export, save::Save};
use crate::tui::model::Model;
use crate::tui::side::PaneSide;

/// The outcome of a save or an export.
pub fn done(m: &mut Model, result: Result<Done, String>) -> Option<Effect> {
    match result {
        Ok(Done::Saved(name, then)) => {
            m.message = Some(format!("saved as {name}"));
            m.notes.name = Some(name);
            m.notes.dirty = false;
            return then.effect();
        }
        Ok(Done::Exported(path)) => m.message = Some(format!("exported to {path}")),
        Ok(Done::NameTaken(name, then)) => {
            m.dialog = Some(Dialog::Save(Save::Overwrite(name, then)));
        }
        Ok(Done::FileExists(f, path)) => {
            m.dialog = Some(Dialog::Export(Export::Replace(f, path)));
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
    let focus = place.focus.map(Some);
    show_at(m, Some([left, right]), active, focus);
}

/// A saved comparison opened: show it with its notes.
pub fn opened(m: &mut Model, o: Opened) {
    m.names = o.cmp.names();
    loaded(m, o.cmp);
    let mut notes = o.notes;
    notes.tag_set = m.config.tags.clone();
    m.notes.notes = notes;
    if let Some(r) = m.phase.ready_mut()
        && !m.notes.notes.corrections().is_empty()
    {
        r.correct(&m.notes.notes);
        super::show::relayout(m);
    }
    if let Some(place) = o.place {
        go_to_place(m, place);
    }
    m.notes.name = Some(o.name);
    m.notes.dirty = o.dirty;
    m.notes.stale = o.stale;
    m.message = o.message;
}
