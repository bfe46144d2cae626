//! `:` goes to a passage by its number, as the matrix, the reports and the notes name
//! passages ("D 3 is linked to A 2"): `12` in the focused pane, `D 12` in source D, shown
//! beside the left pane's source when it is not on screen. While a link is made by hand the
//! pair stays: only a passage of the pane where its partner is chosen.

use parallax::{SegmentId, SourceId};

use super::show::to_passage;
use crate::tui::model::Model;

/// `:…` Enter: goes to the passage typed, or says why it cannot.
pub fn submit(m: &mut Model) {
    m.search.typing = false;
    m.search.goto = false;
    let typed = m.search.input.as_str().trim().to_string();
    let Some(r) = m.phase.ready() else { return };
    let n = r.cmp.sources.len();
    let here = r.pair.src[m.active];
    let target = match parse(&typed) {
        Some((None, number)) => Ok((here, number)),
        Some((Some(letters), number)) => SourceId::all(n)
            .find(|d| d.letter() == letters)
            .map(|d| (d, number))
            .ok_or_else(|| {
                let last = SourceId(n - 1).letter();
                format!("no source {letters}: the sources are A to {last}")
            }),
        None if typed.is_empty() => return,
        None => Err(format!(
            "“{}” is not a passage: type its number (12), or a source and a number (D 12)",
            parallax::text::visible(&typed, false)
        )),
    };
    // Linking by hand: the partner is chosen in the other pane, and the pair cannot change.
    let target = target.and_then(|(doc, number)| match m.linking {
        Some(l) if r.pair.src[l.side.other()] != doc => Err(format!(
            "linking {} {} by hand: go to a passage of {} (Esc gives up the link)",
            l.from.0.letter(),
            l.from.1.number(),
            r.pair.src[l.side.other()].letter()
        )),
        _ => Ok((doc, number)),
    });
    let target = target.and_then(|(doc, number)| {
        let count = r.cmp.source(doc).segments.len();
        if (1..=count).contains(&number) {
            Ok((doc, SegmentId(number - 1)))
        } else {
            // As typed: a number too large to read is no number of ours to print.
            let typed = typed
                .trim_start_matches(|c: char| c.is_ascii_alphabetic())
                .trim();
            Err(format!(
                "{} has passages 1 to {count}: no passage {typed}",
                doc.letter()
            ))
        }
    });
    match target {
        Ok((doc, seg)) => {
            to_passage(m, doc, seg);
            m.message = Some(format!("{} passage {}", doc.letter(), seg.number()));
        }
        Err(why) => m.message = Some(why),
    }
}

/// "12" → (None, 12); "D 12", "d12", "D12" → (Some("D"), 12); anything else → None. A
/// number too large to read is `usize::MAX`: no source has that passage, and says so.
fn parse(typed: &str) -> Option<(Option<String>, usize)> {
    let letters: String = typed
        .chars()
        .take_while(char::is_ascii_alphabetic)
        .collect();
    let number = typed[letters.len()..].trim();
    if number.is_empty() || !number.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let number = number.parse().unwrap_or(usize::MAX);
    let letters = (!letters.is_empty()).then(|| letters.to_ascii_uppercase());
    Some((letters, number))
}

#[cfg(test)]
mod tests {
    use super::parse;

    #[test]
    fn a_passage_is_a_number_with_or_without_its_source() {
        assert_eq!(parse("12"), Some((None, 12)));
        assert_eq!(parse("D 12"), Some((Some("D".into()), 12)));
        assert_eq!(parse("d12"), Some((Some("D".into()), 12)));
        assert_eq!(parse("AB 3"), Some((Some("AB".into()), 3)));
        // Too large to read: no passage has the number, which the reader says.
        let huge = parse("D 99999999999999999999999");
        assert_eq!(huge, Some((Some("D".into()), usize::MAX)));
        for bad in ["", "D", "twelve", "12a", "D -1", "1 2"] {
            assert_eq!(parse(bad), None, "{bad}");
        }
    }
}
