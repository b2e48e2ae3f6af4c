//! Rendering: a checked meeting becomes documents. [`context`] makes the
//! plain data every output is made from; [`typst`] makes the PDF, [`html`]
//! the page and [`json`] the data; [`index`] makes the archive of every meeting,
//! [`search`] its search page.
//! Every HTML page is filled in by [`template`].

pub mod change_page;
pub mod changes;
pub mod context;
pub mod html;
pub mod index;
pub mod json;
pub mod marked;
pub mod oparl;
pub mod search;
pub mod template;
pub mod typst;
