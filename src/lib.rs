//! lkml-digest: from pasted message IDs to a draft of kernel news.
//!
//! The stages, each a module, talk through plain data:
//! [`input`] -> [`fetch`] -> [`parse`] -> [`compose`] -> [`render`].
//! [`history`], the editor's earlier posts, feeds compose; [`post_format`]
//! is the post as render writes it and history reads it.
//! [`draft`] and [`week`] join them for the commands of those names.

pub mod cli;
pub mod compose;
pub mod draft;
pub mod fetch;
pub mod history;
pub mod input;
pub mod maintainers;
mod parallel;
pub mod parse;
pub mod post_format;
pub mod prose;
pub mod relstat;
pub mod render;
pub mod serve;
pub mod summarizer;
pub mod week;
