//! Whether the sources of a saved comparison changed since it was saved, and rebuilding it
//! from them when the reader asks.

use super::{Saved, SavedSource, sha256_hex};
use crate::annotate::Reattached;
use crate::comparison::Comparison;
use crate::document::{self, Document, LoadOptions};
use crate::error::Result;

/// How a source on disk compares with its saved text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SourceState {
    /// The file reads to the saved text.
    Unchanged,
    /// The file reads to another text.
    Changed,
    /// The file is gone.
    Missing,
    /// The file is there but cannot be read (the reason).
    Unreadable(String),
    /// It was read from standard input: nothing to compare with.
    Stdin,
    /// It is a bundled demo article, embedded in Parallax: no file to compare with.
    Bundled,
}

impl SourceState {
    /// True when the saved text is all there is or differs from the file.
    pub fn differs(&self) -> bool {
        !matches!(
            self,
            SourceState::Unchanged | SourceState::Stdin | SourceState::Bundled
        )
    }
}

/// What [`Saved::refresh`] did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Refreshed {
    /// True when the comparison or a note's place differs from before: only then is there
    /// anything to save.
    pub changed: bool,
    /// Each source's state before the refresh; sources that could not be read kept their
    /// saved text.
    pub states: Vec<SourceState>,
    /// Where the notes went.
    pub reattached: Reattached,
}

/// Reads source `s` (saved as `saved`) again the way it was first read.
fn reload(
    s: &SavedSource,
    saved: &Document,
    options: &LoadOptions,
) -> (SourceState, Option<Document>) {
    if saved.bundled {
        // Its path names where the text was embedded from, not a file of the user's: a file
        // there (or none) says nothing about the saved text.
        return (SourceState::Bundled, None);
    }
    if s.path == "-" {
        return (SourceState::Stdin, None);
    }
    let at = s.absolute.as_deref().unwrap_or(&s.path);
    match document::load_regular(at, options) {
        Ok(mut doc) => {
            doc.path = s.path.clone();
            let state = if sha256_hex(&doc.text) == s.sha256 {
                SourceState::Unchanged
            } else {
                SourceState::Changed
            };
            (state, Some(doc))
        }
        Err(crate::Error::NotFound { .. }) => (SourceState::Missing, None),
        Err(e) => (SourceState::Unreadable(e.to_string()), None),
    }
}

impl Saved {
    /// Compares every source file with its saved text (reads the files, writes nothing).
    pub fn check_sources(&self, options: &LoadOptions) -> Vec<SourceState> {
        self.sources
            .iter()
            .zip(&self.comparison.sources)
            .map(|(s, saved)| reload(s, &saved.document, options).0)
            .collect()
    }

    /// Reads the sources again, rebuilds the comparison with the saved options and places
    /// every note again by its quoted text. A source that cannot be read keeps its saved
    /// text. The result is not saved: the caller decides.
    pub fn refresh(&mut self, options: &LoadOptions) -> Result<Refreshed> {
        let mut states = Vec::new();
        let mut docs = Vec::new();
        for (s, old) in self.sources.iter().zip(&self.comparison.sources) {
            let (state, doc) = reload(s, &old.document, options);
            states.push(state);
            docs.push(doc.unwrap_or_else(|| old.document.clone()));
        }
        let comparison = Comparison::build(docs, &self.comparison.options)?;
        let notes_before = self.notes.clone();
        let reattached = self.notes.reattach(&comparison);
        // Sources unchanged can still align differently (a newer Parallax): that is a change.
        let changed = comparison != self.comparison || self.notes != notes_before;
        let fresh = Saved::new(&self.name, comparison, self.notes.clone(), self.saved);
        // Keep the absolute paths found at the first save: they still name the files read.
        let absolute: Vec<_> = self.sources.iter().map(|s| s.absolute.clone()).collect();
        *self = fresh;
        for (s, abs) in self.sources.iter_mut().zip(absolute) {
            s.absolute = abs.or(s.absolute.take());
        }
        Ok(Refreshed {
            changed,
            states,
            reattached,
        })
    }
}
