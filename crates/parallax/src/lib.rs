//! Parallax: the engine that lines up several accounts of one story.
//!
//! Data flows one way: [`document`] loads text, [`segment`] cuts it into passages,
//! [`align`] links the passages that tell the same thing, [`facts`] extracts and compares
//! facts, and [`Comparison`] holds the result that every front end (reader, report,
//! exports) reads. The engine never prints and never touches the terminal.
//!
//! The modules are layered, lowest first, and each uses only modules before it in this
//! list (`tools/check-layers` checks it, unit tests included):
//!
//! 1. base, text without documents: [`span`], [`ids`], [`error`], `lines`, `lexicon`, [`text`],
//!    [`sentences`], [`diff`], [`encoder`];
//! 2. the pipeline: [`document`], [`segment`], [`align`], [`facts`], [`comparison`];
//! 3. what is done with a comparison: [`annotate`], [`store`], [`export`], [`demo`].

pub mod align;
pub mod annotate;
pub mod comparison;
pub mod demo;
pub mod diff;
pub mod document;
pub mod encoder;
pub mod error;
pub mod export;
pub mod facts;
pub mod ids;
mod lexicon;
mod lines;
pub mod segment;
pub mod sentences;
pub mod span;
pub mod store;
pub mod text;

pub use comparison::{Comparison, Options, PairAlignment, Source};
pub use document::Document;
pub use error::{Error, Result};
pub use ids::{LinkId, SegmentId, SourceId};
pub use span::Span;
