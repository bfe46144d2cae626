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
    /// [`Saved::refresh`] was told not to read it: the saved text stays.
    NotRead,
    /// It was fetched from a URL: the copy fetched then is kept (the engine does no network
    /// I/O; `open --refresh` fetches it again in the front end when asked).
    Web,
}

impl SourceState {
    /// True when the saved text is all there is or differs from the file.
    pub fn differs(&self) -> bool {
        !matches!(
            self,
            SourceState::Unchanged
                | SourceState::Stdin
                | SourceState::Bundled
                | SourceState::NotRead
                | SourceState::Web
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

/// The file source `s` (saved as `saved`) was read from, or why there is none.
fn stored_file<'a>(
    s: &'a SavedSource,
    saved: &Document,
) -> std::result::Result<&'a str, SourceState> {
    if saved.bundled {
        // Its path names where the text was embedded from, not a file of the user's: a file
        // there (or none) says nothing about the saved text.
        return Err(SourceState::Bundled);
    }
    if s.path == "-" {
        return Err(SourceState::Stdin);
    }
    if saved.is_web() {
        return Err(SourceState::Web);
    }
    Ok(s.absolute.as_deref().unwrap_or(&s.path))
}

/// Reads file `at` for source `s` and compares it with the saved text `saved`; the document
/// keeps the path the user gave. The saved text is read as files are read now: one saved
/// before lone carriage returns were read as line feeds still has them, and its file is
/// unchanged all the same.
fn reload_from(
    s: &SavedSource,
    saved: &str,
    at: &str,
    options: &LoadOptions,
) -> (SourceState, Option<Document>) {
    match document::load_regular(at, options) {
        Ok(mut doc) => {
            doc.path = s.path.clone();
            let as_read_now = || {
                saved.contains('\r')
                    && document::lone_carriage_returns_as_line_feeds(saved.to_string()) == doc.text
            };
            let state = if sha256_hex(&doc.text) == s.sha256 || as_read_now() {
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
    /// Compares every source file with its saved text (reads the files, writes nothing, and
    /// keeps nothing of them but whether they still read to the saved text).
    pub fn check_sources(&self, options: &LoadOptions) -> Vec<SourceState> {
        self.sources
            .iter()
            .zip(&self.comparison.sources)
            .map(|(s, saved)| match stored_file(s, &saved.document) {
                Ok(at) => reload_from(s, &saved.document.text, at, options).0,
                Err(state) => state,
            })
            .collect()
    }

    /// The file each source would be read again from, as this file names it (its absolute
    /// path, else the path as given), or `None` for standard input and the bundled demo.
    ///
    /// These paths come from the file, which anyone may have written: a front end shows them
    /// and asks before passing them to [`Saved::refresh`] (issue F12: a crafted file could
    /// otherwise pull any readable file into the comparison).
    pub fn stored_files(&self) -> Vec<Option<String>> {
        self.sources
            .iter()
            .zip(&self.comparison.sources)
            .map(|(s, saved)| stored_file(s, &saved.document).ok().map(str::to_string))
            .collect()
    }

    /// Reads the sources again from `files` (one per source: the file to read, or `None` to
    /// keep the saved text), rebuilds the comparison with the saved options and places every
    /// note again by its quoted text. A source that cannot be read keeps its saved text. A
    /// file other than the one this comparison names (see [`Saved::stored_files`]) becomes
    /// the source's path from now on. The result is not saved: the caller decides.
    pub fn refresh(
        &mut self,
        options: &LoadOptions,
        files: &[Option<String>],
    ) -> Result<Refreshed> {
        self.refresh_with(options, files, Vec::new())
    }

    /// [`Saved::refresh`], with web pages the front end fetched again (the engine does no
    /// network I/O): `fetched` holds, per source, the page as fetched now or why it could
    /// not be, or `None` to treat the source as `refresh` does. A page that could not be
    /// fetched keeps its saved text.
    pub fn refresh_with(
        &mut self,
        options: &LoadOptions,
        files: &[Option<String>],
        mut fetched: Vec<Option<std::result::Result<Document, String>>>,
    ) -> Result<Refreshed> {
        fetched.resize_with(self.sources.len(), || None);
        let stored = self.stored_files();
        let mut states = Vec::new();
        let mut docs = Vec::new();
        // Sources read from a new place: their path and absolute path change.
        let mut moved = Vec::new();
        for (i, (s, old)) in self
            .sources
            .iter()
            .zip(&self.comparison.sources)
            .enumerate()
        {
            let (state, doc) = match (
                files.get(i).cloned().flatten(),
                stored_file(s, &old.document),
            ) {
                _ if fetched[i].is_some() => match fetched[i].take() {
                    Some(Ok(doc)) if sha256_hex(&doc.text) == s.sha256 => {
                        (SourceState::Unchanged, Some(doc))
                    }
                    Some(Ok(doc)) => (SourceState::Changed, Some(doc)),
                    Some(Err(why)) => (SourceState::Unreadable(why), None),
                    None => (SourceState::Web, None),
                },
                (Some(at), _) => {
                    let (state, mut doc) = reload_from(s, &old.document.text, &at, options);
                    if let Some(d) = doc.as_mut().filter(|_| stored[i].as_ref() != Some(&at)) {
                        d.path = at;
                        moved.push(i);
                    }
                    (state, doc)
                }
                (None, Err(state)) => (state, None),
                (None, Ok(_)) => (SourceState::NotRead, None),
            };
            states.push(state);
            docs.push(doc.unwrap_or_else(|| old.document.clone()));
        }
        let comparison = Comparison::build(docs, &self.comparison.options)?;
        let notes_before = self.notes.clone();
        let reattached = self.notes.reattach(&comparison);
        // Sources unchanged can still align differently (a newer Parallax): that is a change.
        let changed = comparison != self.comparison || self.notes != notes_before;
        let fresh = Saved::new(&self.name, comparison, self.notes.clone(), self.saved);
        // Keep the absolute paths found at the first save: they still name the files read
        // (unless a source was read from a new place: `Saved::new` found its absolute path).
        let absolute: Vec<_> = self.sources.iter().map(|s| s.absolute.clone()).collect();
        *self = fresh;
        for (i, (s, abs)) in self.sources.iter_mut().zip(absolute).enumerate() {
            if !moved.contains(&i) {
                s.absolute = abs.or(s.absolute.take());
            }
        }
        Ok(Refreshed {
            changed,
            states,
            reattached,
        })
    }
}
