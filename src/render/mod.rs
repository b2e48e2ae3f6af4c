//! Rendering: a checked meeting becomes documents. [`context`] makes the
//! plain data every output is made from; [`typst`] makes the PDF, [`html`]
//! the page and [`json`] the data; [`index`] makes the archive of every meeting.

pub mod context;
pub mod html;
pub mod index;
pub mod json;
pub mod typst;
