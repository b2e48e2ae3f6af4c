//! The template environment of every HTML page (the referat and the
//! agenda, the change page, the archive's index and case index): one
//! setup of minijinja for all of them, so that escaping, the filters and
//! how a template finds the templates it imports are the same everywhere.
//!
//! A page is made by [`render`] from the layout [`Layout::page`] chooses:
//! the page's template, the templates it imports (`{% from "item.html"
//! import person %}`) and its style.css all come from that one layout;
//! the words are the layout in use's labels.toml.

use std::collections::BTreeMap;

use anyhow::Result;
use minijinja::{Environment, Error, ErrorKind, Value, context};
use typst::foundations::Bytes;

use crate::layout::Layout;

/// The environment the templates of `layout` run in: auto-escaping on for
/// everything, a label the layout lacks an error (a test like `{% if
/// p.title %}` may still ask after a missing field), the `breaks`,
/// `capital` and `css_string` filters, and any `.html` file of the layout loadable by its
/// path, read when a template first imports it.
pub fn environment(layout: &Layout) -> Environment<'static> {
    let mut env = Environment::new();
    env.set_undefined_behavior(minijinja::UndefinedBehavior::SemiStrict);
    env.set_auto_escape_callback(|_| minijinja::AutoEscape::Html);
    env.add_filter("breaks", breaks);
    env.add_filter("capital", capital);
    env.add_filter("css_string", css_string);
    let name = layout.name.clone();
    let templates: BTreeMap<String, Bytes> = layout
        .files()
        .filter(|(path, _)| path.ends_with(".html"))
        .map(|(path, bytes)| (path.to_string(), bytes.clone()))
        .collect();
    env.set_loader(move |path| {
        let Some(bytes) = templates.get(path) else {
            return Ok(None);
        };
        match std::str::from_utf8(bytes) {
            Ok(text) => Ok(Some(text.to_string())),
            Err(_) => Err(Error::new(
                ErrorKind::InvalidOperation,
                format!("{name}/{path} is not UTF-8"),
            )),
        }
    });
    env
}

/// The page `template` of `layout` filled with `values`, `labels` (see
/// [`Layout::page_labels`]) and `style` (the style.css of the layout that
/// has the template).
pub fn render(layout: &Layout, template: &str, values: Value) -> Result<String> {
    let page = layout.page(template)?;
    let style = page.text("style.css")?;
    let labels = layout.page_labels()?;
    let failed = |e: Error| anyhow::anyhow!("the layout's {template}: {e}");
    let env = environment(page);
    let compiled = env.get_template(template).map_err(failed)?;
    compiled
        .render(context! {
            labels => Value::from_serialize(&*labels),
            style => Value::from_safe_string(style.to_string()),
            ..values
        })
        .map_err(failed)
}

/// The template's `breaks` filter: text escaped, with each LINE SEPARATOR
/// (U+2028) a line break, as the engine shows it in the PDF (a browser
/// would show a space). For text in an element, not in an attribute.
pub fn breaks(text: &str) -> Value {
    let escaped = minijinja::HtmlEscape(text).to_string();
    Value::from_safe_string(escaped.replace('\u{2028}', "<br>"))
}

/// The template's `capital` filter: the text with its first letter a
/// capital and the rest as written ("onsdag den 15. april 2026" becomes
/// "Onsdag den 15. april 2026"), for a value written for the inside of a
/// sentence that a layout shows on its own, as a table's value. Unlike
/// minijinja's `capitalize`, nothing after the first letter is lowered.
pub fn capital(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// The template's `css_string` filter: the text as a CSS string, quotes
/// included, for a `content:` of the page's `<style>` (the edition's marks
/// printed in the page margin). A quote, a backslash, a line break and `<`
/// and `>` are escaped by their code, so that nothing can end the string
/// or the `<style>` element.
pub fn css_string(text: &str) -> Value {
    let mut css = String::from("\"");
    for c in text.chars() {
        match c {
            '"' | '\\' | '<' | '>' => css.push_str(&format!("\\{:X} ", c as u32)),
            c if c.is_control() => css.push_str(&format!("\\{:X} ", c as u32)),
            c => css.push(c),
        }
    }
    css.push('"');
    Value::from_safe_string(css)
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;

    fn kl() -> Layout {
        Layout::resolve("kl", Path::new(".")).unwrap()
    }

    #[test]
    fn breaks_escapes_as_the_template_does() {
        let mut env = environment(&kl());
        env.add_template("t.html", "{{ t }}|{{ t | breaks }}")
            .unwrap();
        let page = env
            .get_template("t.html")
            .unwrap()
            .render(context! { t => "a&<>\"'/b\u{2028}c" })
            .unwrap();
        let (plain, broken) = page.split_once('|').unwrap();
        assert_eq!(broken, plain.replace('\u{2028}', "<br>"));
    }

    #[test]
    fn capital_raises_the_first_letter_only() {
        let mut env = environment(&kl());
        env.add_template("t.html", "{{ t | capital }}|{{ e | capital }}")
            .unwrap();
        let page = env
            .get_template("t.html")
            .unwrap()
            .render(context! { t => "østlig Vej <i>", e => "" })
            .unwrap();
        assert_eq!(page, "Østlig Vej &lt;i&gt;|");
    }

    #[test]
    fn css_string_cannot_end_the_string_or_the_style() {
        let mut env = environment(&kl());
        env.add_template("t.html", "{{ t | css_string }}").unwrap();
        let page = env
            .get_template("t.html")
            .unwrap()
            .render(context! { t => "Ændringer siden \"a\\b</style>\n · UDKAST" })
            .unwrap();
        assert_eq!(
            page,
            "\"Ændringer siden \\22 a\\5C b\\3C /style\\3E \\A  · UDKAST\""
        );
    }

    #[test]
    fn a_template_imports_the_macros_of_its_layout() {
        let mut env = environment(&kl());
        env.add_template(
            "t.html",
            "{% from \"item.html\" import joined %}{{ joined([\"7\", \"8\", \"9\"]) }}",
        )
        .unwrap();
        let page = env
            .get_template("t.html")
            .unwrap()
            .render(context! { labels => context! { and => "og" } })
            .unwrap();
        assert_eq!(page, "7, 8 og 9");
    }
}
