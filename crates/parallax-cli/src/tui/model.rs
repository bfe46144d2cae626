//! The reader's state, split by concern: the phase (aligning, failed, or ready with the
//! comparison and what is derived from it for the two sources shown, `Reader`), focus and
//! scroll per pane (`Pane`), the view mode, the search, the overlays. `update` changes it;
//! the view only reads it.

use std::collections::HashMap;
use std::sync::Arc;

use ratatui::layout::Rect;
use rayon::prelude::*;

use parallax::{Comparison, SegmentId, SourceId};

use super::config::Config;
use super::dialog::Dialog;
use super::layout::{self, PaneLayout, Wraps};
use super::notes::Annotations;
use super::pair::PairView;
use super::side::PaneSide;
use super::wrap::wrap;

/// How the two panes are arranged.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ViewMode {
    /// Each source in its own order; the other pane follows the focus.
    Reading,
    /// Linked passages level on the same rows.
    Synoptic,
}

impl ViewMode {
    /// Its name in the status line.
    pub fn label(self) -> &'static str {
        match self {
            ViewMode::Reading => "reading",
            ViewMode::Synoptic => "synoptic",
        }
    }
}

/// Focus and scroll of one pane.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Pane {
    /// The focused segment.
    pub focus: SegmentId,
    /// The first row shown.
    pub scroll: usize,
}

/// A window over the panes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Overlay {
    /// The keys, scrolled by `usize` rows.
    Help(usize),
    /// Choosing the two sources shown; the cursor is on pair `usize`.
    Pick(usize),
    /// Claims × sources: the cursor on visible row `usize` of those the filter keeps
    /// ([`crate::tui::matrix::rows`]).
    Matrix(usize, crate::tui::matrix::Filter),
}

/// The search prompt and the last search.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Search {
    /// The prompt is open.
    pub typing: bool,
    /// The open prompt takes a passage to go to (`:`), not words to search for (`/`).
    pub goto: bool,
    /// What is typed so far.
    pub input: crate::tui::line::LineInput,
    /// The search in force (lower case), empty for none.
    pub query: String,
    /// Segments that hold the query, per pane (by segment id).
    pub hits: [Vec<bool>; 2],
}

/// Where the reader is in its life: aligning, failed, or reading a comparison. One field, so
/// that "ready" and "has a comparison to show" cannot disagree.
pub enum Phase {
    /// The aligner has done `done` of `total` steps.
    Aligning {
        /// Steps done.
        done: usize,
        /// Steps in all.
        total: usize,
        /// Seconds since it started.
        secs: u64,
    },
    /// The comparison could not be built, with this message.
    Failed(String),
    /// The comparison is shown. Boxed: it is much larger than the other phases.
    Ready(Box<Reader>),
}

impl Phase {
    /// The reader, once the comparison is ready. A method of the phase rather than of the
    /// model so that `update` can hold it while changing the panes or the search.
    pub fn ready(&self) -> Option<&Reader> {
        match self {
            Phase::Ready(r) => Some(r),
            _ => None,
        }
    }

    /// The reader, mutably, once the comparison is ready.
    pub fn ready_mut(&mut self) -> Option<&mut Reader> {
        match self {
            Phase::Ready(r) => Some(r),
            _ => None,
        }
    }
}

/// What a layout depends on: text width, view, and the sources shown.
/// Width, view, the pair's sources, and in a synoptic view one pane wide the side shown.
type LayoutKey = (usize, ViewMode, [SourceId; 2], Option<PaneSide>);

/// The comparison, the pair shown, and the layout cached for one width and view.
pub struct Reader {
    /// The comparison as shown: as the engine built it, with the reader's corrections.
    pub cmp: Comparison,
    /// The comparison as the aligner built it: what is saved, and what corrections are
    /// made against and applied to.
    pub machine: Comparison,
    /// The two sources in the panes.
    pub pair: PairView,
    /// Rows of each pane for `key`.
    pub layout: [PaneLayout; 2],
    key: Option<LayoutKey>,
    /// Layouts recently left, so toggling the view or resizing back costs nothing.
    saved: Vec<(LayoutKey, [PaneLayout; 2])>,
    /// Wrapped lines per (source, width): wrapping is done once per width.
    wraps: HashMap<(SourceId, usize), Arc<Wraps>>,
}

impl Reader {
    /// A reader showing sources `left` and `right` of `cmp`.
    pub fn new(cmp: Comparison, left: SourceId, right: SourceId) -> Reader {
        let pair = PairView::new(&cmp, left, right);
        Reader {
            machine: cmp.clone(),
            cmp,
            pair,
            layout: Default::default(),
            key: None,
            saved: Vec::new(),
            wraps: HashMap::new(),
        }
    }

    /// Shows sources `left` and `right`.
    pub fn show(&mut self, left: SourceId, right: SourceId) {
        self.pair = PairView::new(&self.cmp, left, right);
    }

    /// Shows the comparison with `notes`' corrections applied (after one was made or
    /// undone): the links, facts and claims follow; the texts, so their wrapping, stay.
    pub fn correct(&mut self, notes: &parallax::annotate::Notes) {
        self.cmp = notes.corrected(&self.machine);
        self.pair = PairView::new(&self.cmp, self.pair.src[0], self.pair.src[1]);
        self.key = None;
        self.saved.clear();
    }

    /// The wrapped lines of source `src` at `width`.
    pub fn wraps(&mut self, src: SourceId, width: usize) -> Arc<Wraps> {
        // Dragging a window edge passes through many widths: keep only a few.
        if self.wraps.len() >= 8 && !self.wraps.contains_key(&(src, width)) {
            self.wraps.retain(|(_, w), _| *w == width);
        }
        let cmp = &self.cmp;
        self.wraps
            .entry((src, width))
            .or_insert_with(|| {
                let s = cmp.source(src);
                // Passages wrap independently: spread a large source over the cores.
                Arc::new(
                    s.segments
                        .par_iter()
                        .map(|g| wrap(s.segment_text(g.id), width))
                        .collect(),
                )
            })
            .clone()
    }

    /// The cached wrapped lines of the segments of pane `side`, if laid out.
    pub fn lines(&self, side: PaneSide) -> Option<&Wraps> {
        let (width, _, _, _) = self.key?;
        self.wraps.get(&(self.pair.src[side], width)).map(|w| &**w)
    }

    /// True when the panes are laid out for `width`, `view` and `only` (see
    /// [`Reader::relayout`]).
    pub fn laid_out_for(&self, width: usize, view: ViewMode, only: Option<PaneSide>) -> bool {
        self.key == Some((width, view, self.pair.src, only))
    }

    /// Lays the panes out for `width` and `view`, unless already done. `only`: the one pane
    /// shown, where the screen has room for one; a synoptic row is then as tall as its
    /// passages on that side, not the hidden side's.
    pub fn relayout(&mut self, width: usize, view: ViewMode, only: Option<PaneSide>) {
        let key = (width, view, self.pair.src, only);
        if self.key == Some(key) {
            return;
        }
        if let Some(old) = self.key.take() {
            self.saved.push((old, std::mem::take(&mut self.layout)));
            if self.saved.len() > 4 {
                self.saved.remove(0);
            }
        }
        if let Some(i) = self.saved.iter().position(|(k, _)| *k == key) {
            self.layout = self.saved.remove(i).1;
            self.key = Some(key);
            // The lines it was laid out from may have left the cache since (a run of
            // resizes through many widths): wrapped again, or the panes show no text.
            for side in PaneSide::BOTH {
                self.wraps(self.pair.src[side], width);
            }
            return;
        }
        let w = [
            self.wraps(self.pair.src[PaneSide::Left], width),
            self.wraps(self.pair.src[PaneSide::Right], width),
        ];
        self.layout = match view {
            ViewMode::Reading => PaneSide::BOTH.map(|side| {
                let s = self.cmp.source(self.pair.src[side]);
                let paras: Vec<usize> = s.segments.iter().map(|g| g.paragraph).collect();
                layout::reading(&paras, &w[side])
            }),
            ViewMode::Synoptic => {
                layout::synoptic(&self.pair, [&w[PaneSide::Left], &w[PaneSide::Right]], only)
            }
        };
        self.key = Some(key);
    }
}

/// The link panel's size and scroll.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Panel {
    /// Larger than usual (`z`).
    pub big: bool,
    /// Rows scrolled (`J`/`K`), for the passage `at`; another passage shows from the top.
    pub scroll: usize,
    /// The pane and passage the scroll is for.
    pub at: (PaneSide, SegmentId),
}

impl Default for Panel {
    fn default() -> Panel {
        Panel {
            big: false,
            scroll: 0,
            at: (PaneSide::Left, SegmentId(0)),
        }
    }
}

impl Panel {
    /// Rows scrolled for the passage `seg` of pane `side`: none for another passage.
    pub fn scroll_for(&self, side: PaneSide, seg: SegmentId) -> usize {
        if self.at == (side, seg) {
            self.scroll
        } else {
            0
        }
    }
}

/// A link by hand being made: the passage it starts from, waiting for one in the other pane.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Linking {
    /// The pane it starts in.
    pub side: PaneSide,
    /// The source and passage.
    pub from: (SourceId, SegmentId),
}

/// Everything the reader knows.
pub struct Model {
    /// Keys and theme.
    pub config: Config,
    /// The terminal size.
    pub size: Rect,
    /// Aligning, failed, or showing the comparison.
    pub phase: Phase,
    /// Names of the sources: known before the comparison is ready, then the names that tell
    /// them apart ([`parallax::Comparison::names`]), set when a comparison is shown.
    pub names: Vec<String>,
    /// Focus and scroll of the left and right panes.
    pub panes: [Pane; 2],
    /// The pane that has the keyboard.
    pub active: PaneSide,
    /// Reading or synoptic.
    pub view: ViewMode,
    /// The search.
    pub search: Search,
    /// The window open over the panes, if any.
    pub overlay: Option<Overlay>,
    /// Where the claim matrix's cursor and filter were when it last closed: `m` opens it
    /// there again, so the claims can be read one after another (row, filter).
    pub matrix_left_at: (usize, crate::tui::matrix::Filter),
    /// A one-time message for the status line.
    pub message: Option<String>,
    /// A note on the sources as given (one file given twice), said on the status line
    /// when the comparison comes on screen and again when its links are refined.
    pub sources_note: Option<String>,
    /// The notes, and where they are saved.
    pub notes: Annotations,
    /// The dialog that has the keyboard (editor, picker, question), if any.
    pub dialog: Option<Dialog>,
    /// The open dialog a source is being added from, its line as typed: back on screen if
    /// the source is refused, so the path can be mended and keys meant for it do not reach
    /// the reader.
    pub adding_from: Option<Dialog>,
    /// The link panel's size and scroll.
    pub panel: Panel,
    /// A link by hand waiting for its second passage (`l`, then Enter).
    pub linking: Option<Linking>,
    /// True while the sources shown are aligned again with the sentence encoder.
    pub refining: bool,
    /// True when the panes mark the possible links of passages only one source has
    /// (`Alignment::possible`) and Enter goes to their partners. They stay out of every
    /// count, list and export: they are not links.
    pub show_possible: bool,
}

impl Model {
    /// A model waiting for the comparison of sources called `names`.
    pub fn new(config: Config, names: Vec<String>) -> Model {
        Model {
            size: Rect::default(),
            phase: Phase::Aligning {
                done: 0,
                total: 0,
                secs: 0,
            },
            names,
            panes: [Pane::default(); 2],
            active: PaneSide::Left,
            view: ViewMode::Reading,
            search: Search::default(),
            overlay: None,
            matrix_left_at: Default::default(),
            sources_note: None,
            message: None,
            notes: Annotations {
                notes: parallax::annotate::Notes::new(config.tags.clone()),
                name: None,
                dirty: false,
                saved: Some(parallax::annotate::Notes::new(config.tags.clone())),
                stale: false,
                now: 0,
            },
            dialog: None,
            adding_from: None,
            panel: Panel::default(),
            linking: None,
            refining: false,
            show_possible: false,
            config,
        }
    }

    /// The reader, once the comparison is ready.
    pub fn ready(&self) -> Option<&Reader> {
        self.phase.ready()
    }

    /// The reader, mutably, once the comparison is ready.
    pub fn ready_mut(&mut self) -> Option<&mut Reader> {
        self.phase.ready_mut()
    }

    /// The screen areas for the current size.
    pub fn areas(&self) -> layout::Areas {
        layout::areas_with(self.size, self.active, self.panel.big)
    }
}
