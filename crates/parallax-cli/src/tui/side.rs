//! Which of the two panes: the left or the right. What the reader keeps per pane (focus and
//! scroll, layout, the source shown, search hits) is a `[T; 2]` indexed by a [`PaneSide`],
//! so that "the other pane" is `side.other()` rather than `1 - side`.

use std::ops::{Index, IndexMut};

/// A pane.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PaneSide {
    /// The left pane (the one a narrow terminal shows first).
    Left,
    /// The right pane.
    Right,
}

impl PaneSide {
    /// Both panes, left first.
    pub const BOTH: [PaneSide; 2] = [PaneSide::Left, PaneSide::Right];

    /// The other pane.
    pub fn other(self) -> PaneSide {
        match self {
            PaneSide::Left => PaneSide::Right,
            PaneSide::Right => PaneSide::Left,
        }
    }

    /// 0 for the left pane, 1 for the right: how a saved place writes it.
    pub fn index(self) -> usize {
        match self {
            PaneSide::Left => 0,
            PaneSide::Right => 1,
        }
    }

    /// The pane a saved place names by `index`, if it names one.
    pub fn from_index(index: usize) -> Option<PaneSide> {
        PaneSide::BOTH.get(index).copied()
    }
}

// Per-pane state stays a plain array (it is built and mapped as one), indexed by the side.
impl<T> Index<PaneSide> for [T; 2] {
    type Output = T;

    fn index(&self, side: PaneSide) -> &T {
        &self[side.index()]
    }
}

impl<T> IndexMut<PaneSide> for [T; 2] {
    fn index_mut(&mut self, side: PaneSide) -> &mut T {
        &mut self[side.index()]
    }
}
