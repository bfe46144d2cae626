//! The walks the report formats share, so that text, Markdown and HTML meet a pair's parts
//! in one order: its links in order, then the passages only one side has (A's first), and
//! the detached notes each after the quotes of what it was on. A format says what it writes
//! for each part by implementing [`PairSink`].

use crate::align::Link;
use crate::annotate::Note;
use crate::comparison::{Comparison, LinkFacts, PairAlignment, Source};
use crate::diff::ChangeOp;
use crate::ids::{LinkId, SegmentId, SourceId};
use crate::text::counted;

/// One side of a pair as the walk hands it to a format.
pub(super) struct PairSide<'a> {
    /// The source's id in the comparison.
    pub idx: SourceId,
    /// How the reports name it: A, B, C…
    pub letter: String,
    /// The source itself.
    pub source: &'a Source,
    /// The passages only this side has, in order.
    pub only: &'a [SegmentId],
}

/// A pair of sources as the walk hands it to a format.
pub(super) struct Pair<'a> {
    /// The pair's alignment and facts.
    pub pair: &'a PairAlignment,
    /// Its first source.
    pub a: PairSide<'a>,
    /// Its second source.
    pub b: PairSide<'a>,
}

impl Pair<'_> {
    /// Link `l`'s word changes as the reports list them, each run of words through `quote`:
    /// “80” → “95” for words replaced, "B adds “not”" and "B drops “but he”" for words
    /// only one side has. An added "not" reverses a claim: it is listed as a replaced
    /// figure is.
    pub fn edits(&self, l: &Link, quote: impl Fn(&str) -> String) -> Vec<(ChangeOp, String)> {
        let lb = &self.b.letter;
        (l.changes.iter())
            .map(|c| {
                let said = match c.op {
                    ChangeOp::Replace => format!("“{}” → “{}”", quote(&c.a), quote(&c.b)),
                    ChangeOp::Insert => format!("{lb} adds “{}”", quote(&c.b)),
                    ChangeOp::Delete => format!("{lb} drops “{}”", quote(&c.a)),
                };
                (c.op, said)
            })
            .collect()
    }

    /// The pair in one line, as the reports head it: "4 links, 11 passages only in A, 7
    /// only in B, 2 facts differ (1 more possible)", "34 links (3 moved), …" when a revision
    /// moved some. Flags on weak links are possible, not counted.
    pub fn summary(&self) -> String {
        let (la, lb) = (&self.a.letter, &self.b.letter);
        let al = &self.pair.alignment;
        let (conflicts, possible) = self.pair.conflict_counts();
        let maybe = if possible > 0 {
            format!(" ({possible} more possible)")
        } else {
            String::new()
        };
        let moved = (al.links.iter())
            .filter(|l| l.why.contains(&crate::align::Reason::Moved))
            .count();
        let moved = if moved > 0 {
            format!(" ({moved} moved)")
        } else {
            String::new()
        };
        format!(
            "{}{moved}, {} only in {la}, {} only in {lb}, {} {}{maybe}",
            counted(al.links.len(), "link"),
            counted(al.only_a.len(), "passage"),
            al.only_b.len(),
            counted(conflicts, "fact"),
            if conflicts == 1 { "differs" } else { "differ" }
        )
    }

    /// The text of a link's passages on each side, joined by single spaces; after a passage
    /// that does not end like a sentence (a headline), by " / ", so that "Bridge Closure
    /// Extended" and "The bridge will…" do not read as one sentence.
    pub fn texts(&self, l: &Link) -> (String, String) {
        let join = |side: &PairSide, ids: &[SegmentId]| {
            let mut out = String::new();
            for text in ids.iter().map(|&i| side.source.segment_text(i)) {
                if !out.is_empty() {
                    let ended = crate::text::ends_like_sentence(&out);
                    out.push_str(if ended { " " } else { " / " });
                }
                out.push_str(text);
            }
            out
        };
        (join(&self.a, &l.a), join(&self.b, &l.b))
    }

    /// A link's reasons in words, with this pair's letters.
    pub fn why(&self, l: &Link) -> Vec<String> {
        let (la, lb) = (&self.a.letter, &self.b.letter);
        l.why.iter().map(|r| r.words(la, lb)).collect()
    }
}

/// What a format writes for each part of a pair; the parts it has nothing for are left to
/// the defaults, which write nothing.
pub(super) trait PairSink {
    /// Before anything else of the pair.
    fn start(&mut self, _pair: &Pair) {}
    /// Link `n` of the pair, with its facts.
    fn link(&mut self, pair: &Pair, n: LinkId, link: &Link, facts: &LinkFacts);
    /// Before the passages only `side` has; called only when there are some.
    fn only_start(&mut self, _side: &PairSide) {}
    /// Passage `i` of `side`, which only that side has.
    fn only(&mut self, _side: &PairSide, _i: SegmentId) {}
    /// After the passages only `side` has.
    fn only_end(&mut self, _side: &PairSide) {}
    /// After everything else of the pair.
    fn end(&mut self, _pair: &Pair) {}
}

/// Walks pair `p` of `cmp` through `sink`.
pub(super) fn pair(cmp: &Comparison, p: &PairAlignment, sink: &mut impl PairSink) {
    let side = |idx: SourceId, only| PairSide {
        idx,
        letter: idx.letter(),
        source: cmp.source(idx),
        only,
    };
    let pair = Pair {
        pair: p,
        a: side(p.a, &p.alignment.only_a),
        b: side(p.b, &p.alignment.only_b),
    };
    sink.start(&pair);
    for (n, (l, f)) in p.alignment.links.iter().zip(&p.link_facts).enumerate() {
        sink.link(&pair, LinkId(n), l, f);
    }
    for s in [&pair.a, &pair.b] {
        if s.only.is_empty() {
            continue;
        }
        sink.only_start(s);
        for &i in s.only {
            sink.only(s, i);
        }
        sink.only_end(s);
    }
    sink.end(&pair);
}

/// Writes each of the detached notes `list` after the quotes of the text it was on:
/// `quote(out, k, letter, text)` for its `k`th quote (a link's note has two), then
/// `note(out, note)`.
pub(super) fn detached(
    out: &mut String,
    list: &[&Note],
    quote: impl Fn(&mut String, usize, &str, &str),
    note: impl Fn(&mut String, &Note),
) {
    for n in list {
        for (k, q) in n.quotes.iter().enumerate() {
            quote(out, k, &q.source.letter(), &q.text);
        }
        note(out, n);
    }
}
