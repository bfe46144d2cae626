//! The one word-wrap helper of the reader: panes, detail panel and overlays all wrap through
//! here, so a passage breaks the same way wherever it is shown.
//!
//! Text is wrapped whole and only then drawn, never cut to a column count first. Runs of white
//! space, line breaks included, count as one space: source files are often hard-wrapped, and
//! the reader reflows them to the pane. Widths are display columns (unicode-width), with
//! control characters counted as the one-column pictures `parallax::text::visible` turns them
//! into.

use std::ops::Range;

use ratatui::style::Style;
use ratatui::text::Span;
use unicode_width::UnicodeWidthChar;

/// Columns `c` takes once drawn.
pub fn char_width(c: char) -> usize {
    // Measured as drawn: a control or a bidirectional mark is shown as one visible
    // character (a control picture, "�"), other format characters as nothing.
    parallax::text::shown_as(c).map_or(0, |v| v.width().unwrap_or(0))
}

/// Columns `s` takes once drawn.
pub fn str_width(s: &str) -> usize {
    s.chars().map(char_width).sum()
}

/// `s` cut to at most `width` columns, ending in "…" when anything was cut (list rows that
/// must stay on one line).
pub fn fit(s: &str, width: usize) -> String {
    if str_width(s) <= width {
        return s.to_string();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in s.chars() {
        let w = char_width(c);
        if used + w + 1 > width {
            break;
        }
        out.push(c);
        used += w;
    }
    if width > 0 {
        out.truncate(out.trim_end().len());
        out.push('…');
    }
    out
}

/// `s` cut in the middle to at most `width` columns ("cabello-2019-…-rewrite.txt"): names
/// that share a beginning, like files of one story, stay apart by their ends.
pub fn fit_middle(s: &str, width: usize) -> String {
    if str_width(s) <= width || width < 3 {
        return fit(s, width);
    }
    let chars: Vec<char> = s.chars().collect();
    let (mut head, mut tail) = (String::new(), Vec::new());
    let (mut used, half) = (1, width / 2);
    for &c in &chars {
        if used + char_width(c) > half {
            break;
        }
        used += char_width(c);
        head.push(c);
    }
    for &c in chars.iter().rev() {
        if used + char_width(c) > width {
            break;
        }
        used += char_width(c);
        tail.push(c);
    }
    let tail: String = tail.into_iter().rev().collect();
    format!("{head}…{tail}")
}

/// `s` cut to at most `width` columns as [`fit_middle`] cuts it, after leaving out the
/// `shared` beginning it has with the names it is shown beside ("cabello-"): so the part that
/// tells it from them comes first ("…2019-ap-rewrite.txt", "…2026-reut…ewrite.txt"), where a
/// cut in the middle alone kept the beginning and end those two share.
pub fn fit_apart(s: &str, shared: &str, width: usize) -> String {
    if str_width(s) <= width || width < 4 {
        return fit_middle(s, width);
    }
    match s
        .strip_prefix(shared)
        .filter(|rest| !shared.is_empty() && !rest.is_empty())
    {
        Some(rest) => format!("…{}", fit_middle(rest, width - 1)),
        None => fit_middle(s, width),
    }
}

/// The beginning all of `names` share, up to the last character in it that is neither a
/// letter nor a digit ("cabello-2019-…" and "cabello-2026-…" share "cabello-"), so that what
/// is left starts a word; empty for fewer than two names.
pub fn shared_start<'a>(names: &[&'a str]) -> &'a str {
    let Some((&first, rest)) = names.split_first() else {
        return "";
    };
    if rest.is_empty() {
        return "";
    }
    let mut end = first.len();
    for n in rest {
        end = first
            .char_indices()
            .zip(n.chars())
            .find(|((_, a), b)| a != b)
            .map_or(end.min(n.len()), |((i, _), _)| end.min(i));
    }
    let common = &first[..end];
    match common.rfind(|c: char| !c.is_alphanumeric()) {
        Some(i) => {
            let sep = common[i..].chars().next().map_or(1, char::len_utf8);
            &first[..i + sep]
        }
        None => "",
    }
}

/// The words of `text` (runs of non-white-space) as byte ranges.
pub fn words(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    let mut start: Option<usize> = None;
    let mut chars = text
        .char_indices()
        .chain(std::iter::once((text.len(), ' ')));
    std::iter::from_fn(move || {
        for (i, c) in chars.by_ref() {
            match (start, c.is_whitespace()) {
                (None, false) => start = Some(i),
                (Some(s), true) => {
                    start = None;
                    return Some(s..i);
                }
                _ => {}
            }
        }
        None
    })
}

/// The lines of `text` wrapped to `width` columns at word boundaries, as byte ranges from the
/// first word's start to the last word's end. A word wider than a line is cut between
/// characters.
pub fn wrap(text: &str, width: usize) -> Vec<Range<usize>> {
    let width = width.max(1);
    let mut lines = Vec::new();
    // (start, end, columns) of the line being filled.
    let mut line: Option<(usize, usize, usize)> = None;
    for w in words(text) {
        let cols = str_width(&text[w.clone()]);
        if let Some((s, _, used)) = line
            && used + 1 + cols <= width
        {
            line = Some((s, w.end, used + 1 + cols));
            continue;
        }
        if let Some((s, e, _)) = line.take() {
            lines.push(s..e);
        }
        if cols <= width {
            line = Some((w.start, w.end, cols));
            continue;
        }
        let (mut start, mut used) = (w.start, 0);
        for (i, c) in text[w.clone()].char_indices() {
            let cw = char_width(c);
            // Break when the line holds anything, even zero-width marks: a wide character
            // must not ride on a mark onto a line it overflows.
            if used + cw > width && w.start + i > start {
                lines.push(start..w.start + i);
                (start, used) = (w.start + i, 0);
            }
            used += cw;
        }
        line = Some((start, w.end, used));
    }
    lines.extend(line.map(|(s, e, _)| s..e));
    lines
}

/// One wrapped line of `text` as styled spans: words joined by single spaces, each piece made
/// harmless with `visible`, and `marks` (byte ranges of `text`, sorted or not) laid over
/// `base`. A space between two words inside one mark takes the mark's style, so a changed
/// phrase reads as one.
pub fn styled(
    text: &str,
    line: Range<usize>,
    marks: &[(Range<usize>, Style)],
    base: Style,
) -> Vec<Span<'static>> {
    let style_at = |at: usize| -> Style {
        marks
            .iter()
            .filter(|(r, _)| r.contains(&at))
            .fold(base, |s, (_, m)| s.patch(*m))
    };
    let mut out: Vec<Span<'static>> = Vec::new();
    let mut push = |piece: &str, style: Style| {
        let piece = parallax::text::visible(piece, false);
        match out.last_mut() {
            Some(last) if last.style == style => last.content.to_mut().push_str(&piece),
            _ => out.push(Span::styled(piece.into_owned(), style)),
        }
    };
    let mut prev_end: Option<usize> = None;
    for w in words(&text[line.clone()]) {
        let w = line.start + w.start..line.start + w.end;
        if let Some(p) = prev_end {
            let inside = marks
                .iter()
                .find(|(r, _)| r.start <= p && w.start < r.end)
                .map(|(_, m)| base.patch(*m));
            push(" ", inside.unwrap_or(base));
        }
        // Cut the word where a mark starts or ends.
        let mut cuts: Vec<usize> = marks
            .iter()
            .flat_map(|(r, _)| [r.start, r.end])
            .filter(|&c| c > w.start && c < w.end && text.is_char_boundary(c))
            .collect();
        cuts.push(w.end);
        cuts.sort_unstable();
        cuts.dedup();
        let mut at = w.start;
        for c in cuts {
            push(&text[at..c], style_at(at));
            at = c;
        }
        prev_end = Some(w.end);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(text: &str, width: usize) -> Vec<&str> {
        wrap(text, width).into_iter().map(|r| &text[r]).collect()
    }

    /// A bidirectional override is drawn as "�", one column: a line measured without it
    /// overflowed the pane and lost its last character ("fro" for "from").
    #[test]
    fn a_bidi_mark_takes_the_column_it_is_drawn_in() {
        let text = "a\u{202E}b cd";
        assert_eq!(lines(text, 5), ["a\u{202E}b", "cd"]);
        let drawn: usize = lines(text, 5)
            .iter()
            .map(|l| str_width(&parallax::text::visible(l, false)))
            .max()
            .unwrap();
        assert!(drawn <= 5);
        // A zero-width space is dropped when drawn, and takes no column.
        assert_eq!(lines("a\u{200B}b cd", 5), ["a\u{200B}b cd"]);
    }

    #[test]
    fn fit_cuts_to_the_width_with_an_ellipsis() {
        assert_eq!(fit("short", 10), "short");
        assert_eq!(fit("a longer line", 8), "a longe…");
        assert_eq!(fit("a bc def", 6), "a bc…");
        assert_eq!(fit("日本語テキスト", 7), "日本語…");
        assert!(str_width(&fit("日本語テキスト", 7)) <= 7);
    }

    #[test]
    fn names_cut_apart_keep_what_tells_them_apart() {
        let names = [
            "cabello-2019-ap-rewrite.txt",
            "cabello-2019-speed-read.txt",
            "cabello-2026-exclusive-blog.txt",
            "cabello-2026-reuters-rewrite.txt",
        ];
        let shared = shared_start(&names);
        assert_eq!(shared, "cabello-");
        // As the pair picker cuts them on an 80-column screen.
        let (a, d) = (
            fit_apart(names[0], shared, 20),
            fit_apart(names[3], shared, 21),
        );
        assert_eq!(a, "…2019-ap-rewrite.txt");
        assert!(d.starts_with("…2026-") && str_width(&d) <= 21, "{d}");
        // A name that fits, or a list with nothing shared, is cut as before.
        assert_eq!(fit_apart("short.txt", shared, 20), "short.txt");
        assert_eq!(shared_start(&["a/x.txt", "b/x.txt"]), "");
        assert_eq!(shared_start(&["one"]), "");
        assert_eq!(shared_start(&["37_2ecb/a.txt", "37_3ecb/b.txt"]), "37_");
        assert_eq!(shared_start(&["über-a", "über-b"]), "über-");
    }

    #[test]
    fn fit_middle_keeps_both_ends() {
        assert_eq!(fit_middle("short", 10), "short");
        let a = fit_middle("cabello-2019-ap-rewrite.txt", 16);
        let b = fit_middle("cabello-2019-speed-read.txt", 16);
        assert_eq!(a, "cabello…rite.txt");
        assert_ne!(a, b);
        assert!(str_width(&fit_middle("日本語テキストです", 9)) <= 9);
    }

    #[test]
    fn breaks_at_words_and_reflows_line_breaks() {
        assert_eq!(
            lines("the quick\nbrown   fox jumps", 10),
            ["the quick", "brown   fox", "jumps"]
        );
        assert_eq!(lines("", 5), Vec::<&str>::new());
    }

    #[test]
    fn cuts_long_words_and_counts_wide_characters() {
        assert_eq!(lines("abcdefgh", 3), ["abc", "def", "gh"]);
        // Each CJK character takes two columns.
        assert_eq!(lines("日本語 です", 6), ["日本語", "です"]);
        assert_eq!(lines("日本語", 4), ["日本", "語"]);
    }

    proptest::proptest! {
        #[test]
        fn wrapping_keeps_every_character_and_fits_the_width(
            text in "(\\PC|[ \n\t]){0,300}",
            width in 1usize..50,
        ) {
            let lines = wrap(&text, width);
            let joined: String = lines.iter().flat_map(|r| words(&text[r.clone()]).map(|w| text[r.start + w.start..r.start + w.end].to_string())).collect();
            let original: String = text.split(char::is_whitespace).collect();
            proptest::prop_assert_eq!(joined, original);
            for r in &lines {
                let shown: Vec<&str> = words(&text[r.clone()]).map(|w| &text[r.start + w.start..r.start + w.end]).collect();
                let cols = str_width(&shown.join(" "));
                proptest::prop_assert!(cols <= width || shown.join("").chars().count() == 1, "{:?} is {} wide", shown, cols);
            }
        }
    }

    #[test]
    fn styled_lines_collapse_space_and_hide_controls() {
        let text = "a\u{1b}[31m  b";
        let spans = styled(text, 0..text.len(), &[], Style::default());
        let s: String = spans.iter().map(|s| s.content.as_ref()).collect();
        assert_eq!(s, "a␛[31m b");
    }
}
