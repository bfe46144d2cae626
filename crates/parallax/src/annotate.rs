//! Notes and tags that a reader anchors to a passage or to a link.
//!
//! A note keeps the quoted text of what it is anchored to, so that when the sources change
//! and the comparison is rebuilt it can be placed again by that text ([`Notes::reattach`]).
//! A note that cannot be placed is kept as detached, never dropped: nothing a user wrote is
//! ever lost. The engine reads no clock: every change takes the time from the caller, so the
//! reader's `update` stays free of effects.

mod anchor;
mod corrections;
mod reattach;
mod similarity;
mod time;

use serde::{Deserialize, Serialize};

use crate::align::Link;
use crate::comparison::Comparison;
use crate::error::{Error, Result};
use crate::ids::{SegmentId, SourceId};

pub use anchor::{Anchor, Quote};
pub use corrections::{BY_HAND, Correction, Fix};
pub use reattach::{MATCH_THRESHOLD, Reattached};
pub use similarity::{normalise, similarity};
pub use time::{Timestamp, now, rfc3339};

/// The tags a reader has unless configured otherwise.
pub const DEFAULT_TAGS: [&str; 4] = ["agree", "disputed", "unverified", "important"];

/// A note's identity; stable across saves, edits and re-attachment.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct NoteId(pub u64);

/// One note: text and tags on a passage or a link.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Note {
    /// Its identity.
    pub id: NoteId,
    /// What it is on; `None` when it could not be placed after a refresh (detached).
    pub anchor: Option<Anchor>,
    /// What the reader wrote (may be empty when the note only carries tags).
    pub text: String,
    /// Its tags, from the configured set, in the order they were set.
    pub tags: Vec<String>,
    /// When it was written.
    pub created: Timestamp,
    /// When it last changed.
    pub updated: Timestamp,
    /// The text it was written on, per side.
    pub quotes: Vec<Quote>,
}

impl Note {
    /// True when the note could not be placed after a refresh.
    pub fn is_detached(&self) -> bool {
        self.anchor.is_none()
    }
}

/// All notes of a comparison, the tags a reader may set, and the reader's corrections of
/// the links (kept with the notes: they too are what the user wrote, saved and placed again
/// the same way).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Notes {
    /// The tags that may be set, in the order a picker shows them.
    pub tag_set: Vec<String>,
    notes: Vec<Note>,
    next_id: u64,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    corrections: Vec<Correction>,
}

impl Default for Notes {
    fn default() -> Self {
        Notes::new(DEFAULT_TAGS.iter().map(|t| t.to_string()).collect())
    }
}

impl Notes {
    /// True when `other` holds the same notes, tags and corrections, whatever ids each
    /// would give a next note: a note added and deleted again leaves the notes as saved,
    /// though the next id moved on.
    pub fn same_content(&self, other: &Notes) -> bool {
        self.tag_set == other.tag_set
            && self.notes == other.notes
            && self.corrections == other.corrections
    }

    /// No notes, with the given tag set.
    pub fn new(tag_set: Vec<String>) -> Notes {
        Notes {
            tag_set,
            notes: Vec::new(),
            next_id: 1,
            corrections: Vec::new(),
        }
    }

    /// Writes a new note on `anchor`, quoting its text from `cmp`.
    pub fn add(
        &mut self,
        cmp: &Comparison,
        anchor: Anchor,
        text: &str,
        now: Timestamp,
    ) -> Result<NoteId> {
        anchor.check(cmp)?;
        // Never reuse an id, even if a hand-edited file lowered the counter; a file that
        // used up the ids (one of u64::MAX) gets no more notes rather than a repeated id.
        let used_up = || Error::Note {
            detail: "no note id is left".to_string(),
        };
        let next = self
            .notes
            .iter()
            .map(|n| n.id.0.checked_add(1))
            .try_fold(1, |m, n| n.map(|n| m.max(n)))
            .ok_or_else(used_up)?;
        let id = NoteId(self.next_id.max(next));
        self.next_id = id.0.checked_add(1).ok_or_else(used_up)?;
        self.notes.push(Note {
            id,
            quotes: anchor.quotes(cmp),
            anchor: Some(anchor),
            text: text.to_string(),
            tags: Vec::new(),
            created: now,
            updated: now,
        });
        Ok(id)
    }

    /// Replaces the text of note `id`.
    pub fn edit(&mut self, id: NoteId, text: &str, now: Timestamp) -> Result<()> {
        let note = self.get_mut(id)?;
        if note.text != text {
            note.text = text.to_string();
            note.updated = now;
        }
        Ok(())
    }

    /// Deletes note `id` and gives it back (for an undo).
    pub fn delete(&mut self, id: NoteId) -> Option<Note> {
        let at = self.notes.iter().position(|n| n.id == id)?;
        Some(self.notes.remove(at))
    }

    /// Sets (`on`) or clears a tag of note `id`; the tag must be in [`Notes::tag_set`]
    /// (matched without regard to case).
    pub fn set_tag(&mut self, id: NoteId, tag: &str, on: bool, now: Timestamp) -> Result<()> {
        let note = self.get(id).ok_or_else(|| no_note(id))?;
        // A tag the note has can always be cleared, even one no longer in the tag set.
        let had = note
            .tags
            .iter()
            .position(|t| t.eq_ignore_ascii_case(tag.trim()));
        match (on, had) {
            (true, None) => {
                let tag = self.known_tag(tag)?;
                self.get_mut(id)?.tags.push(tag);
            }
            (false, Some(at)) => {
                self.get_mut(id)?.tags.remove(at);
            }
            _ => return Ok(()),
        }
        self.get_mut(id)?.updated = now;
        Ok(())
    }

    /// Flips a tag of note `id`; returns whether it is now set.
    pub fn toggle_tag(&mut self, id: NoteId, tag: &str, now: Timestamp) -> Result<bool> {
        let note = self.get(id).ok_or_else(|| no_note(id))?;
        let on = !note.tags.iter().any(|t| t.eq_ignore_ascii_case(tag.trim()));
        self.set_tag(id, tag, on, now)?;
        Ok(on)
    }

    /// Note `id`, if it exists.
    pub fn get(&self, id: NoteId) -> Option<&Note> {
        self.notes.iter().find(|n| n.id == id)
    }

    /// Every note in reading order: by source and passage, notes on a passage before notes
    /// on a link starting there, older first; detached notes last.
    pub fn ordered(&self) -> Vec<&Note> {
        reading_order(self.notes.iter().collect())
    }

    /// Number of notes, detached ones included.
    pub fn len(&self) -> usize {
        self.notes.len()
    }

    /// True when there is no note.
    pub fn is_empty(&self) -> bool {
        self.notes.is_empty()
    }

    /// Notes written on passage `segment` of source `source` itself.
    pub fn on_passage(&self, source: SourceId, segment: SegmentId) -> Vec<&Note> {
        let want = Anchor::Passage { source, segment };
        self.filtered(|a| *a == want)
    }

    /// Notes on the passage or on a link that covers it: what a gutter mark stands for.
    pub fn touching(&self, source: SourceId, segment: SegmentId) -> Vec<&Note> {
        self.ordered()
            .into_iter()
            .filter(|n| {
                n.anchor
                    .as_ref()
                    .is_some_and(|a| a.touches(source, segment))
            })
            .collect()
    }

    /// Notes on `link` of the pair (`a`, `b`).
    pub fn on_link(&self, a: SourceId, b: SourceId, link: &Link) -> Vec<&Note> {
        let want = Anchor::Link {
            a,
            b,
            a_segments: link.a.clone(),
            b_segments: link.b.clone(),
        };
        self.filtered(|a| *a == want)
    }

    /// Notes that could not be placed after a refresh.
    pub fn detached(&self) -> Vec<&Note> {
        self.notes.iter().filter(|n| n.is_detached()).collect()
    }

    /// Checks every correction against `machine` (the comparison as the aligner built it)
    /// and every anchored note against it as corrected (used when loading a saved
    /// comparison).
    pub fn check(&self, machine: &Comparison) -> Result<()> {
        self.check_corrections(machine)?;
        let cmp = &*self.shown(machine);
        let mut ids: Vec<NoteId> = self.notes.iter().map(|n| n.id).collect();
        ids.sort();
        if let Some(w) = ids.windows(2).find(|w| w[0] == w[1]) {
            return Err(Error::Note {
                detail: format!("two notes have the id {}", w[0].0),
            });
        }
        for n in &self.notes {
            if let Some(q) = n.quotes.iter().find(|q| q.source.0 >= cmp.sources.len()) {
                return Err(Error::Note {
                    detail: format!(
                        "note {} quotes source {}, which is not there",
                        n.id.0,
                        q.source.0.saturating_add(1)
                    ),
                });
            }
            if let Some(a) = &n.anchor {
                a.check(cmp).map_err(|e| Error::Note {
                    // The anchor's own error is a note error too: its detail only, so the
                    // message does not say "note:" twice.
                    detail: match e {
                        Error::Note { detail } => format!("note {}: {detail}", n.id.0),
                        other => format!("note {}: {other}", n.id.0),
                    },
                })?;
            }
        }
        Ok(())
    }

    /// The anchored notes whose anchor passes `keep`, in reading order. Filtering before
    /// sorting keeps this cheap enough to call for every passage a frame draws.
    fn filtered(&self, keep: impl Fn(&Anchor) -> bool) -> Vec<&Note> {
        reading_order(
            self.notes
                .iter()
                .filter(|n| n.anchor.as_ref().is_some_and(&keep))
                .collect(),
        )
    }

    fn get_mut(&mut self, id: NoteId) -> Result<&mut Note> {
        self.notes
            .iter_mut()
            .find(|n| n.id == id)
            .ok_or_else(|| no_note(id))
    }

    fn known_tag(&self, tag: &str) -> Result<String> {
        let want = tag.trim().to_lowercase();
        self.tag_set
            .iter()
            .find(|t| t.to_lowercase() == want)
            .cloned()
            .ok_or_else(|| Error::Note {
                detail: format!("unknown tag {tag:?} (known: {})", self.tag_set.join(", ")),
            })
    }
}

fn no_note(id: NoteId) -> Error {
    Error::Note {
        detail: format!("there is no note {}", id.0),
    }
}

/// `notes` sorted as [`Notes::ordered`] describes.
fn reading_order(mut notes: Vec<&Note>) -> Vec<&Note> {
    notes.sort_by_key(|n| {
        (
            n.anchor.is_none(),
            n.anchor.as_ref().map(Anchor::order_key),
            n.created,
            n.id,
        )
    });
    notes
}

#[cfg(test)]
mod tests;
