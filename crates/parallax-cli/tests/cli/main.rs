//! The `parallax` command's tests, one binary: the report's JSON contract and formats, bad
//! input, and saved comparisons through the command line.

mod http;
mod support;

mod claims;
mod corrections;
mod errors;
mod fetch;
mod help;
mod refresh;
mod report;
mod store_notes;
mod store_refuse;
