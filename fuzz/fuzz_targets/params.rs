//! The aligner's parameters (`parallax align --params FILE`, a JSON object). There is no
//! corrections format yet; this is the other structured input a user hands the aligner.
//! Parameters that are accepted must align two short sources without failing.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use parallax::align::Params;
use parallax::{Comparison, Document, Options};

fn pair() -> &'static [Document] {
    static DOCS: OnceLock<Vec<Document>> = OnceLock::new();
    DOCS.get_or_init(|| {
        vec![
            Document::from_text(
                "a.txt",
                "The mayor opened the bridge on Monday. Crowds cheered. It cost $2 million.",
            ),
            Document::from_text(
                "b.txt",
                "On Monday the mayor opened the bridge. The bridge cost $3 million. Rain fell.",
            ),
        ]
    })
}

fuzz_target!(|data: &[u8]| {
    let Ok(json) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(params) = Params::from_json(json) else {
        return;
    };
    let options = Options {
        params,
        ..Options::default()
    };
    Comparison::build(pair().to_vec(), &options).expect("two sources align");
});
