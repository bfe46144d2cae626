//! The bundled demo: four real articles on one story, embedded in the binary.

use crate::document::Document;

/// (path, text) of each bundled article: two 2019 rewrites of one AP report, then two 2026
/// accounts of one Reuters report.
pub const ARTICLES: [(&str, &str); 4] = [
    (
        "assets/samples/cabello-2019-ap-rewrite.txt",
        include_str!("../../../assets/samples/cabello-2019-ap-rewrite.txt"),
    ),
    (
        "assets/samples/cabello-2019-speed-read.txt",
        include_str!("../../../assets/samples/cabello-2019-speed-read.txt"),
    ),
    (
        "assets/samples/cabello-2026-exclusive-blog.txt",
        include_str!("../../../assets/samples/cabello-2026-exclusive-blog.txt"),
    ),
    (
        "assets/samples/cabello-2026-reuters-rewrite.txt",
        include_str!("../../../assets/samples/cabello-2026-reuters-rewrite.txt"),
    ),
];

/// The four demo articles as documents, in [`ARTICLES`] order, marked
/// [`Document::bundled`]: their paths name the files they were embedded from, which need not
/// be where Parallax runs.
pub fn documents() -> Vec<Document> {
    ARTICLES
        .iter()
        .map(|(path, text)| Document {
            bundled: true,
            ..Document::from_text(*path, *text)
        })
        .collect()
}
