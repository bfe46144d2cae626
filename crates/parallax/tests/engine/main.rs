//! The engine's tests, one binary: the aligner on references and made-up texts, loading and
//! segmentation, facts, the store, the exports (one of them in a real browser), and the
//! sentence encoder.

mod support;
mod webdriver;

mod align_gold;
mod align_shapes;
mod browser_html;
mod build_in_pool;
mod claims;
mod claims_stance;
mod corrections;
mod document_header;
mod document_load;
mod encoder;
mod encoder_long;
mod export_claims;
mod export_html;
mod export_notes;
mod facts_compare;
mod facts_gold;
mod facts_links;
mod facts_pairs;
mod facts_report;
mod facts_sentences;
mod facts_verbatim;
mod hostile;
mod languages;
mod parsers_props;
mod progress;
mod quake;
mod segment_rules;
mod store_bundled;
mod store_kill;
mod store_props;
mod store_reattach;
mod store_v1;
