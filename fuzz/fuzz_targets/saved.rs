//! Saved comparisons (the JSON files `parallax open` reads, which anyone may have written):
//! reading checks the header, the version and the whole structure. What loads must export
//! in every format and save to a file that loads again.
#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;
use parallax::export::{self, ExportFormat};
use parallax::store::Saved;

fuzz_target!(|data: &[u8]| {
    let path = Path::new("x.parallax.json");
    let Ok(saved) = Saved::from_slice(path, data) else {
        return;
    };
    for format in ExportFormat::ALL {
        let _ = export::with_notes(&saved.comparison, &saved.notes, &saved.name, format);
    }
    let again = Saved::from_slice(path, saved.to_json().as_bytes());
    assert!(
        again.is_ok(),
        "a loaded comparison saves to a file that loads: {again:?}"
    );
});
