//! Files of schema version 1. Rather than translate the links they hold (their reasons were
//! words then, and their facts sat inside them), the comparison is built again from the
//! texts and options the file holds, and the notes are placed again by their quoted text,
//! as `open --refresh` does; the name, the sources as listed and the reader's place are kept.
//! Nothing is written: the file becomes the current version when the user saves it.

use serde::Deserialize;

use super::{Place, Saved, SavedSource};
use crate::align::LinkModel;
use crate::annotate::{Notes, Timestamp};
use crate::comparison::{Comparison, Options};
use crate::document::Document;

/// What a version-1 file holds that is kept: all but the comparison as built.
#[derive(Deserialize)]
struct V1 {
    name: String,
    saved: Timestamp,
    sources: Vec<SavedSource>,
    comparison: V1Comparison,
    notes: Notes,
    #[serde(default)]
    place: Option<Place>,
}

/// Of the comparison, what building it again takes.
#[derive(Deserialize)]
struct V1Comparison {
    sources: Vec<V1Source>,
    options: Options,
}

#[derive(Deserialize)]
struct V1Source {
    document: Document,
}

/// The version-1 file read into `value`, as a current [`Saved`]; the error says what is
/// wrong with it.
pub(super) fn from_v1(value: serde_json::Value) -> Result<Saved, String> {
    let old: V1 = serde_json::from_value(value).map_err(|e| e.to_string())?;
    // What building reads must point where it can: a crafted file is built from, not only
    // read (its header spans slice the text, its parameters size the search).
    let params = &old.comparison.options.params;
    params
        .check()
        .map_err(|e| format!("aligner parameter {e}"))?;
    for (i, s) in old.comparison.sources.iter().enumerate() {
        super::validate::document(&s.document).map_err(|e| format!("source {}: {e}", i + 1))?;
    }
    let documents = old.comparison.sources.into_iter().map(|s| s.document);
    // Version 1 predates the sentence encoder and the learned link score: built the way it
    // was then, the comparison shows the links the user saved (and wrote notes beside).
    let mut options = old.comparison.options;
    options.fast = true;
    options.params.link_model = LinkModel::none();
    let comparison = Comparison::build(documents.collect(), &options).map_err(|e| e.to_string())?;
    let mut notes = old.notes;
    notes.reattach(&comparison);
    Ok(Saved {
        // As listed when first saved: the absolute paths found then still name the files.
        sources: old.sources,
        place: old.place,
        ..Saved::new(&old.name, comparison, notes, old.saved)
    })
}
