//! The head of a pair's section: the pair in one line ("4 links, … 2 facts differ") and
//! each fact that differs in words, in sight and in print. The marks inside the passages
//! show where; a tooltip alone would hide what differs from print and touch screens.

use std::fmt::Write;

use super::esc;
use crate::align::Link;
use crate::comparison::{Comparison, LinkFacts, PairAlignment};
use crate::export::walk::{self, Pair, PairSink};
use crate::facts::{is_possible, sentence};
use crate::ids::LinkId;

/// Writes the summary and the flags of every link, each linked to its passage in column A.
struct Flags<'o> {
    out: &'o mut String,
    /// The pair's key in the passages' ids ("0-1").
    key: String,
    /// True once the list of flags is open.
    listed: bool,
}

impl PairSink for Flags<'_> {
    fn start(&mut self, pair: &Pair) {
        let _ = write!(
            self.out,
            "<div class=\"pairsum\"><p class=\"counts\">{}</p>",
            esc(&pair.summary())
        );
    }

    fn link(&mut self, pair: &Pair, n: LinkId, l: &Link, facts: &LinkFacts) {
        let Some(first) = l.a.first() else { return };
        let (la, lb) = (&pair.a.letter, &pair.b.letter);
        let possible = is_possible(l);
        for c in &facts.conflicts {
            if !self.listed {
                self.out.push_str("<ul class=\"flags\">");
                self.listed = true;
            }
            let _ = write!(
                self.out,
                "<li class=\"{}\"><a href=\"#s{}-a-{first}\" data-link=\"{n}\">Link {}</a> {} {}</li>",
                if possible { "possible" } else { "differs" },
                self.key,
                n.number(),
                if possible { "?" } else { "⚠" },
                esc(&sentence(c, la, lb, possible))
            );
        }
    }

    fn end(&mut self, _pair: &Pair) {
        if self.listed {
            self.out.push_str("</ul>");
        }
        self.out.push_str("</div>\n");
    }
}

/// The head of pair `p`'s section.
pub(super) fn head(out: &mut String, cmp: &Comparison, p: &PairAlignment) {
    let mut flags = Flags {
        out,
        key: format!("{}-{}", p.a, p.b),
        listed: false,
    };
    walk::pair(cmp, p, &mut flags);
}
