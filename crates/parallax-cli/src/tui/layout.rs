//! Where things go: the screen areas for a terminal size, and the rows each passage takes in
//! each pane for the current view. Both are pure functions shared by `update` (scrolling,
//! clicks) and the view (drawing), so the two always agree.

use std::ops::Range;

use ratatui::layout::Rect;
use ratatui::text::Line;

use parallax::SegmentId;

use super::pair::PairView;
use super::side::PaneSide;
use super::wrap::str_width;

/// Columns before the text: focus cursor, flag, link number (4), tint bar, space.
pub const GUTTER: u16 = 8;
/// Narrower than this, one pane at a time.
pub const NARROW: u16 = 100;
/// Smaller than this, only a message.
pub const MIN: (u16, u16) = (40, 10);

/// The screen areas of the reader.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Areas {
    /// Too small to read: draw a message only.
    pub tiny: bool,
    /// One pane at a time.
    pub narrow: bool,
    /// Title row of each pane (None: hidden in narrow mode).
    pub title: [Option<Rect>; 2],
    /// Text area of each pane, gutter included.
    pub pane: [Option<Rect>; 2],
    /// The detail panel.
    pub detail: Rect,
    /// The status line.
    pub status: Rect,
}

/// The areas for a terminal of `size`, with pane `active` shown when narrow.
pub fn areas(size: Rect, active: PaneSide) -> Areas {
    areas_with(size, active, false)
}

/// [`areas`] with the link panel larger (`big`, the reader's `z`): two thirds of the
/// height, so that a long link's reasons, passages and flags can be read whole.
pub fn areas_with(size: Rect, active: PaneSide, big: bool) -> Areas {
    let (w, h) = (size.width, size.height);
    if w < MIN.0 || h < MIN.1 {
        return Areas {
            tiny: true,
            ..Areas::default()
        };
    }
    let detail_h = match (big, h >= 30) {
        // The panes keep a title and two rows of text.
        (true, _) => (h * 2 / 3).min(h.saturating_sub(4)).max(4),
        (false, true) => 10,
        (false, false) => (h / 4).max(4),
    };
    let panes_h = h - detail_h - 1;
    let status = Rect::new(size.x, size.y + h - 1, w, 1);
    let detail = Rect::new(size.x, size.y + panes_h, w, detail_h);
    let narrow = w < NARROW;
    let mut a = Areas {
        tiny: false,
        narrow,
        detail,
        status,
        ..Areas::default()
    };
    let pw = pane_width(w);
    for side in PaneSide::BOTH {
        if narrow && side != active {
            continue;
        }
        let x = if narrow || side == PaneSide::Left {
            size.x
        } else {
            size.x + w - pw
        };
        a.title[side] = Some(Rect::new(x, size.y, pw, 1));
        a.pane[side] = Some(Rect::new(x, size.y + 1, pw, panes_h - 1));
    }
    a
}

/// How wide a framed box must be to show `title` and each of `lines` on one row: the widest
/// of them plus the frame and a space either side.
pub fn box_width(title: &str, lines: &[Line]) -> usize {
    lines
        .iter()
        .map(|l| l.spans.iter().map(|s| str_width(&s.content)).sum::<usize>())
        .max()
        .unwrap_or(0)
        .max(str_width(title))
        + 4
}

/// A `w`×`h` rectangle centred in `area`, cut to fit it: where overlays and dialogs stand.
/// One column narrower than the area, it takes the whole width: centred, it would leave a
/// sliver of the panes behind it showing on one edge only.
pub fn centred(area: Rect, w: u16, h: u16) -> Rect {
    let (mut w, h) = (w.min(area.width), h.min(area.height));
    if area.width - w == 1 {
        w = area.width;
    }
    Rect::new(
        area.x + (area.width - w) / 2,
        area.y + (area.height - h) / 2,
        w,
        h,
    )
}

/// Width of one pane, the same for both so they wrap alike.
fn pane_width(w: u16) -> u16 {
    if w < NARROW { w } else { (w - 1) / 2 }
}

/// Columns of text in a pane.
pub fn text_width(size: Rect) -> usize {
    pane_width(size.width).saturating_sub(GUTTER).max(1) as usize
}

/// Rows of text in a pane.
pub fn page_height(size: Rect) -> usize {
    let left = PaneSide::Left;
    areas(size, left).pane[left].map_or(1, |r| r.height.max(1) as usize)
}

/// The wrapped lines of every segment of one source, as byte ranges into the segment's text.
pub type Wraps = Vec<Vec<Range<usize>>>;

/// One passage placed in a pane.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Placed {
    /// Its segment id.
    pub seg: SegmentId,
    /// Its first row.
    pub top: usize,
    /// Rows of text.
    pub lines: usize,
    /// Synoptic view: placed out of its own order, with a note line above its text.
    pub moved: bool,
}

impl Placed {
    /// First row of its text.
    pub fn text_top(&self) -> usize {
        self.top + usize::from(self.moved)
    }

    /// One past its last row.
    pub fn bottom(&self) -> usize {
        self.text_top() + self.lines
    }
}

/// The passages of one pane in display order, with the rows they take.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PaneLayout {
    /// Passages, top to bottom.
    pub placed: Vec<Placed>,
    /// Index in `placed` of each segment (by segment id).
    pub slot: Vec<Option<usize>>,
    /// Rows in all.
    pub rows: usize,
}

impl PaneLayout {
    fn push(&mut self, p: Placed) {
        if let Some(s) = self.slot.get_mut(p.seg.0) {
            s.get_or_insert(self.placed.len());
        }
        self.placed.push(p);
    }

    /// The passage shown at `row`, or the last one above it.
    pub fn at_row(&self, row: usize) -> Option<usize> {
        self.placed.partition_point(|p| p.top <= row).checked_sub(1)
    }

    /// The placed passage of segment `seg`.
    pub fn of(&self, seg: SegmentId) -> Option<&Placed> {
        self.slot
            .get(seg.0)
            .copied()
            .flatten()
            .map(|i| &self.placed[i])
    }

    /// The largest useful scroll offset for a pane `height` rows tall.
    pub fn max_scroll(&self, height: usize) -> usize {
        self.rows.saturating_sub(height)
    }
}

fn lines(w: &Wraps, seg: SegmentId) -> usize {
    w.get(seg.0).map_or(1, |l| l.len().max(1))
}

/// Reading view: every passage of one source in its own order, a blank row between
/// paragraphs.
pub fn reading(paragraphs: &[usize], wraps: &Wraps) -> PaneLayout {
    let mut out = PaneLayout {
        slot: vec![None; paragraphs.len()],
        ..PaneLayout::default()
    };
    let mut row = 0;
    for (seg, &para) in paragraphs.iter().enumerate() {
        if seg > 0 && para != paragraphs[seg - 1] {
            row += 1;
        }
        let seg = SegmentId(seg);
        let n = lines(wraps, seg);
        out.push(Placed {
            seg,
            top: row,
            lines: n,
            moved: false,
        });
        row += n;
    }
    out.rows = row;
    out
}

/// Links (by shown index) that keep both sources' order: the longest run of links whose right-hand
/// passages ascend. The others are shown as moved.
fn in_order(pair: &PairView) -> Vec<bool> {
    let keys: Vec<SegmentId> = pair
        .links
        .iter()
        .map(|l| l.segs[PaneSide::Right][0])
        .collect();
    // Patience sorting with back-pointers: O(n log n).
    let mut tails: Vec<usize> = Vec::new();
    let mut prev = vec![usize::MAX; keys.len()];
    for (i, &k) in keys.iter().enumerate() {
        let at = tails.partition_point(|&t| keys[t] < k);
        if at > 0 {
            prev[i] = tails[at - 1];
        }
        if at == tails.len() {
            tails.push(i);
        } else {
            tails[at] = i;
        }
    }
    let mut keep = vec![false; keys.len()];
    let mut at = tails.last().copied();
    while let Some(i) = at {
        keep[i] = true;
        at = (prev[i] != usize::MAX).then_some(prev[i]);
    }
    keep
}

/// Synoptic rows being built: both panes and the next free row.
struct Rows<'a> {
    out: [PaneLayout; 2],
    row: usize,
    wraps: [&'a Wraps; 2],
    /// The one side shown, if only one is: the rows take its heights alone.
    only: Option<PaneSide>,
}

impl Rows<'_> {
    /// One row: the given passages of each side stacked, the row as tall as the taller side,
    /// a blank row after it. `moved` puts a note line above the right side.
    fn emit(&mut self, segs: [&[SegmentId]; 2], moved: bool) {
        let mut height = 0;
        for (side, segs) in PaneSide::BOTH.into_iter().zip(segs) {
            let mut r = self.row;
            for (k, &seg) in segs.iter().enumerate() {
                let p = Placed {
                    seg,
                    top: r,
                    lines: lines(self.wraps[side], seg),
                    moved: moved && side == PaneSide::Right && k == 0,
                };
                r = p.bottom();
                self.out[side].push(p);
            }
            if self.only.is_none_or(|o| o == side) {
                height = height.max(r - self.row);
            }
        }
        // A row of the hidden side alone takes no room, not even its blank row.
        if height > 0 {
            self.row += height + 1;
        }
    }
}

/// Synoptic view: rows in the left source's order, each link's passages level on both sides,
/// a blank where one source has nothing, the right source's additions where they stand in it,
/// and links out of the right source's order marked as moved. With `only` one side shown
/// (a narrow screen), rows are as tall as that side needs: the hidden side would leave
/// blank rows.
pub fn synoptic(pair: &PairView, wraps: [&Wraps; 2], only: Option<PaneSide>) -> [PaneLayout; 2] {
    let (left, right) = (PaneSide::Left, PaneSide::Right);
    let n = PaneSide::BOTH.map(|s| pair.link_of[s].len());
    let mut rows = Rows {
        out: PaneSide::BOTH.map(|s| PaneLayout {
            slot: vec![None; n[s]],
            ..PaneLayout::default()
        }),
        row: 0,
        wraps,
        only,
    };
    let keep = in_order(pair);
    let mut next_b = 0;
    let mut done_link = vec![false; pair.links.len()];
    // The right source's additions up to `upto`, each on its own row.
    let flush_b = |rows: &mut Rows, next_b: &mut usize, upto: usize| {
        while *next_b < upto.min(n[right]) {
            if pair.link_of[right][*next_b].is_none() {
                rows.emit([&[], &[SegmentId(*next_b)]], false);
            }
            *next_b += 1;
        }
    };
    for a in 0..n[left] {
        match pair.link_of[left][a] {
            None => rows.emit([&[SegmentId(a)], &[]], false),
            Some(l) if !done_link[l.0] => {
                done_link[l.0] = true;
                let link = pair.shown(l);
                if keep[l.0] {
                    // Unlinked passages between two of this link's are flushed after it.
                    flush_b(&mut rows, &mut next_b, link.segs[right][0].0);
                }
                let a_segs: Vec<SegmentId> = link.segs[left]
                    .iter()
                    .copied()
                    .filter(|&s| pair.link_of[left][s.0] == Some(l))
                    .collect();
                rows.emit([&a_segs, &link.segs[right]], !keep[l.0]);
            }
            Some(_) => {}
        }
    }
    flush_b(&mut rows, &mut next_b, usize::MAX);
    let total = rows.row.saturating_sub(1);
    let mut out = rows.out;
    for o in &mut out {
        o.rows = total;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_box_one_column_short_of_the_screen_takes_it_whole() {
        let area = Rect::new(0, 0, 100, 30);
        assert_eq!(centred(area, 99, 10), Rect::new(0, 10, 100, 10));
        assert_eq!(centred(area, 98, 10), Rect::new(1, 10, 98, 10));
        assert_eq!(centred(area, 120, 40), area);
    }
}
