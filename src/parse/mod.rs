//! The parse stage: mail bytes in, plain facts out. Pure and synchronous.

pub mod author;
pub mod changelog;
pub mod identity;
pub mod message;
pub mod series;
pub mod subject;
pub mod summary;
pub mod thread;
pub mod trailers;

pub use author::Author;
pub use message::{Message, MessageError};
pub use series::{Post, Series, ThreadSeries};
pub use subject::Subject;
pub use thread::{Pool, Thread};
pub use trailers::Trailers;
