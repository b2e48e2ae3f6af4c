//! The archive's search page, soeg.html (rk.toml's `[site] search`): a
//! form whose script asks the index Pagefind makes of the published
//! referat pages (`pagefind --site out`, after `rk index`). What is in that
//! index is decided by the referat templates, in the public edition only:
//! `data-pagefind-body` on a referat's items (never on the internal
//! edition or an agenda), `data-pagefind-ignore="all"` on a closed item,
//! heading and all, and the filters `body` and `year`. This page offers
//! the filters' values as the archive has them, and is the archive's only
//! page with a script.

use std::collections::BTreeSet;

use anyhow::Result;
use minijinja::{Value, context};

use crate::layout::Layout;
use crate::render::index::{Archive, PageSettings};
use crate::render::template;

/// The search page's file name, in out/ beside index.html.
pub const PAGE: &str = "soeg.html";

/// The script of the page: it loads `pagefind/pagefind.js`, searches as
/// the form is sent and lists each item found, linked to its anchor.
const SCRIPT: &str = include_str!("search.js");

/// Whether the referat template that `layout` makes its pages with marks
/// what Pagefind may index (`data-pagefind-body`; a closed item is then
/// left out as the built-in layouts leave it). Without the mark Pagefind
/// takes whole pages: a layout folder copied before search existed.
pub fn marks_referat(layout: &Layout) -> Result<bool> {
    let page = layout.page("referat.html")?;
    Ok(page.text("referat.html")?.contains("data-pagefind-body"))
}

/// soeg.html from the layout's template (as [`template::render`] chooses
/// it), with the bodies (in name order) and years (newest first) of the
/// archive's meetings for the filters, and what the other archive pages
/// show besides (the feed's link, the accessibility statement).
pub fn page(archive: &Archive, layout: &Layout, settings: PageSettings) -> Result<String> {
    let bodies: BTreeSet<&str> = archive.meetings.iter().map(|m| m.body.as_str()).collect();
    let years: BTreeSet<&str> = archive.meetings.iter().map(|m| m.year.as_str()).collect();
    let values = context! {
        archive => Value::from_serialize(archive),
        bodies => bodies,
        years => years.into_iter().rev().collect::<Vec<_>>(),
        feed => settings.feed,
        search => true,
        accessibility_statement => settings.accessibility_statement,
        script => Value::from_safe_string(SCRIPT.to_string()),
    };
    template::render(layout, PAGE, values)
}
