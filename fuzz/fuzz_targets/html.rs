//! Saved web pages: the charset sniff, the nesting and attribute caps, readability's
//! extraction, then segmentation. A page that loads yields text bounded by its bytes,
//! passages inside it, and at most one warning per cap.
#![no_main]

use libfuzzer_sys::fuzz_target;
use parallax::document::{LoadOptions, load_reader};
use parallax::segment::{self, Unit};

fuzz_target!(|data: &[u8]| {
    let Ok(doc) = load_reader("x.html", data, &LoadOptions::default()) else {
        return;
    };
    assert!(doc.text.len() <= data.len() * 3, "text grew past its page");
    assert!(doc.warnings.len() <= 3, "{:?}", doc.warnings);
    for unit in [Unit::Sentence, Unit::Paragraph] {
        for s in segment::segment(&doc, unit) {
            assert!(s.span.end <= doc.text.len());
            assert!(doc.text.is_char_boundary(s.span.start));
            assert!(doc.text.is_char_boundary(s.span.end));
        }
    }
});
