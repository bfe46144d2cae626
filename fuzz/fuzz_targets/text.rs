//! Plain text and Markdown: the byte checks of loading, header recognition, segmentation
//! into every unit, and fact extraction. A source that loads keeps plain text byte for byte
//! and yields passages inside its text.
#![no_main]

use libfuzzer_sys::fuzz_target;
use parallax::Source;
use parallax::document::{LoadOptions, load_reader};
use parallax::segment::{self, Unit};

fuzz_target!(|data: &[u8]| {
    // The first byte picks the name, which decides how the rest is read ("-" sniffs).
    let Some((&pick, bytes)) = data.split_first() else {
        return;
    };
    let name = ["x.txt", "x.md", "-"][usize::from(pick) % 3];
    let Ok(doc) = load_reader(name, bytes, &LoadOptions::default()) else {
        return;
    };
    if name == "x.txt" {
        assert_eq!(doc.text.as_bytes(), bytes, "plain text is kept as read");
    }
    for unit in [Unit::Sentence, Unit::Paragraph, Unit::Line] {
        let mut end = 0;
        for s in segment::segment(&doc, unit) {
            assert!(end <= s.span.start && s.span.start < s.span.end);
            assert!(s.span.end <= doc.text.len());
            assert!(doc.text.is_char_boundary(s.span.start));
            assert!(doc.text.is_char_boundary(s.span.end));
            end = s.span.end;
        }
    }
    let source = Source::analyse(doc, &parallax::Options::default());
    for f in &source.facts {
        assert!(f.span.end <= source.document.text.len());
    }
});
