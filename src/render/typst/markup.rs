//! Markdown to Typst markup.
//!
//! Every piece of text from a source reaches the engine as a Typst *string
//! literal* (`#"…"`), never as markup: `#read("/etc/passwd")`, `$x$`, `*`,
//! `<label>` or `=` at a line start in a source are characters on the page,
//! not code. The structure around the text (paragraphs, lists, tables,
//! footnotes …) is written by rk as calls of Typst's own elements.

use std::collections::HashMap;
use std::fmt::Write;
use std::path::Path;

use pulldown_cmark::{Alignment, CodeBlockKind, Event, Tag};

use crate::image;
use crate::markdown;
use crate::paths;

/// How one body is placed in the document.
pub struct Context<'a> {
    /// The Typst heading level of a `##` part in this body.
    pub part_level: usize,
    /// The virtual folder that images resolve in (`/meeting`).
    pub image_root: &'a str,
    /// The folder on disk behind `image_root`, when there is one: its
    /// images are typed by their bytes, as the engine would go by their
    /// names.
    pub image_dir: Option<&'a Path>,
    /// Unique in the document: footnote labels start with it (`punkt-2-1`).
    pub label_prefix: &'a str,
}

/// A Typst string literal holding `text` exactly.
pub fn string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Text in markup: an embedded string literal.
pub fn text(text: &str) -> String {
    format!("#{}", string(text))
}

/// A body as Typst markup, with the images it shows.
#[derive(Debug, Default)]
pub struct Converted {
    /// The inside of a content block.
    pub markup: String,
    /// The image paths the markup names, relative to `Context::image_root`,
    /// in order of appearance (an image inside another's description is
    /// not shown, so not named).
    pub images: Vec<String>,
}

/// Converts a Markdown body to Typst markup (the inside of a content block).
pub fn convert(body: &str, ctx: &Context) -> Converted {
    let body = markdown::body(body);
    let footnotes: HashMap<String, Converted> = body
        .footnotes
        .iter()
        .map(|(label, events)| (label.clone(), render(events, ctx, &HashMap::new())))
        .collect();
    render(&body.events, ctx, &footnotes)
}

/// One open container while rendering.
struct Frame {
    tag: Option<Tag<'static>>,
    /// Markup written inside it so far.
    buf: String,
    /// Items of a list, cells of a row, rows of a table.
    parts: Vec<String>,
    /// Where the last text literal ended, so that text split into several
    /// events becomes one literal.
    text_end: usize,
    /// The plain text inside it, for an image's alt text.
    plain: String,
    /// The images shown inside it.
    images: Vec<String>,
}

impl Frame {
    fn new(tag: Option<Tag<'static>>) -> Self {
        Frame {
            tag,
            buf: String::new(),
            parts: Vec::new(),
            text_end: usize::MAX,
            plain: String::new(),
            images: Vec::new(),
        }
    }

    fn push_text(&mut self, t: &str) {
        // A tab shows as nothing in the engine: it is a space here.
        let t = &t.replace('\t', " ");
        self.plain.push_str(t);
        if self.text_end == self.buf.len() {
            // Reopen the literal that ends here.
            self.buf.pop();
            let literal = string(t);
            self.buf.push_str(&literal[1..]);
        } else {
            self.buf.push_str(&text(t));
        }
        self.text_end = self.buf.len();
    }
}

fn render(events: &[Event], ctx: &Context, footnotes: &HashMap<String, Converted>) -> Converted {
    let mut stack = vec![Frame::new(None)];
    // Footnote labels in the order of their first reference.
    let mut used: Vec<String> = Vec::new();
    for event in events {
        match event {
            Event::Start(tag) => stack.push(Frame::new(Some(tag.clone().into_static()))),
            Event::End(_) => {
                if stack.len() < 2 {
                    continue;
                }
                let Some(frame) = stack.pop() else { continue };
                let parent = stack.last_mut().expect("the root frame stays");
                close(frame, parent, ctx);
            }
            Event::Text(t) => {
                let top = stack.last_mut().expect("the root frame stays");
                match &top.tag {
                    // Code is collected as plain text.
                    Some(Tag::CodeBlock(_)) => top.buf.push_str(t),
                    _ => top.push_text(t),
                }
            }
            Event::Code(code) => {
                let top = stack.last_mut().expect("the root frame stays");
                top.plain.push_str(code);
                let _ = write!(top.buf, "#raw({})", string(code));
            }
            // Raw HTML is shown as the text it is.
            Event::Html(html) | Event::InlineHtml(html) => {
                let top = stack.last_mut().expect("the root frame stays");
                let html = html.trim_end_matches('\n');
                for (n, line) in html.split('\n').enumerate() {
                    if n > 0 {
                        top.buf.push_str("#linebreak()");
                    }
                    top.push_text(line);
                }
            }
            Event::SoftBreak => {
                if let Some(top) = stack.last_mut() {
                    top.push_text(" ");
                }
            }
            Event::HardBreak => push(&mut stack, "#linebreak()"),
            Event::Rule => push(&mut stack, "\n#line(length: 100%)\n\n"),
            Event::FootnoteReference(label) => {
                let note = match footnotes.get(label.as_ref()) {
                    Some(note) => {
                        // The first reference makes the note; later ones
                        // refer to it, as the HTML does.
                        let n = match used.iter().position(|l| l == label.as_ref()) {
                            Some(at) => at + 1,
                            None => {
                                used.push(label.to_string());
                                0
                            }
                        };
                        let name = format!("{}-fn-{}", ctx.label_prefix, used.len());
                        if n == 0 {
                            push_images(&mut stack, &note.images);
                            format!("#footnote[{}]<{name}>", note.markup.trim())
                        } else {
                            format!("#footnote(<{}-fn-{n}>)", ctx.label_prefix)
                        }
                    }
                    // A reference without a definition stays as written.
                    None => text(&format!("[^{label}]")),
                };
                push(&mut stack, &note);
            }
            Event::TaskListMarker(done) => push(&mut stack, &text(if *done { "☑ " } else { "☐ " })),
            Event::InlineMath(m) | Event::DisplayMath(m) => push(&mut stack, &text(m)),
        }
    }
    // Unclosed frames (not produced by pulldown-cmark, but be safe).
    while stack.len() > 1 {
        let Some(frame) = stack.pop() else { break };
        let parent = stack.last_mut().expect("the root frame stays");
        close(frame, parent, ctx);
    }
    stack
        .pop()
        .map(|f| Converted {
            markup: f.buf,
            images: f.images,
        })
        .unwrap_or_default()
}

fn push(stack: &mut [Frame], markup: &str) {
    if let Some(top) = stack.last_mut() {
        top.buf.push_str(markup);
    }
}

fn push_images(stack: &mut [Frame], images: &[String]) {
    if let Some(top) = stack.last_mut() {
        top.images.extend_from_slice(images);
    }
}

fn close(frame: Frame, parent: &mut Frame, ctx: &Context) {
    let Frame {
        tag,
        buf,
        parts,
        plain,
        images,
        ..
    } = frame;
    parent.plain.push_str(&plain);
    // An image's description is its alt text: the images in it are not shown.
    if !matches!(tag, Some(Tag::Image { .. })) {
        parent.images.extend(images);
    }
    let Some(tag) = tag else { return };
    let out = match tag {
        Tag::Paragraph => format!("{buf}\n\n"),
        Tag::Heading { level, .. } => {
            let level = ctx.part_level + (level as usize).saturating_sub(2);
            format!("#heading(level: {level}, outlined: false)[{buf}]\n\n")
        }
        Tag::BlockQuote(_) => format!("#quote(block: true)[{}]\n\n", buf.trim()),
        Tag::CodeBlock(kind) => {
            let lang = match kind {
                CodeBlockKind::Fenced(lang) if !lang.trim().is_empty() => {
                    format!(
                        ", lang: {}",
                        string(lang.split_whitespace().next().unwrap_or(""))
                    )
                }
                _ => String::new(),
            };
            let code = buf.strip_suffix('\n').unwrap_or(&buf);
            format!("#raw(block: true{lang}, {})\n\n", string(code))
        }
        Tag::HtmlBlock => format!("{buf}\n\n"),
        Tag::List(start) => {
            let items: Vec<String> = parts.iter().map(|p| format!("[{}]", p.trim())).collect();
            let call = match start {
                Some(n) => format!("#enum(start: {n}, {})", items.join(", ")),
                None => format!("#list({})", items.join(", ")),
            };
            format!("{call}\n\n")
        }
        Tag::Item => {
            parent.parts.push(buf);
            return;
        }
        Tag::Table(aligns) => {
            let columns = aligns.len().max(1);
            let align: Vec<&str> = aligns
                .iter()
                .map(|a| match a {
                    Alignment::Center => "center",
                    Alignment::Right => "right",
                    Alignment::Left | Alignment::None => "left",
                })
                .collect();
            format!(
                "#table(columns: {columns}, align: ({},), {})\n\n",
                align.join(", "),
                parts.join(", ")
            )
        }
        Tag::TableHead => {
            parent
                .parts
                .push(format!("table.header({})", cells(&parts)));
            return;
        }
        Tag::TableRow => {
            parent.parts.push(cells(&parts));
            return;
        }
        Tag::TableCell => {
            parent.parts.push(buf);
            return;
        }
        Tag::Emphasis => format!("#emph[{buf}]"),
        Tag::Strong => format!("#strong[{buf}]"),
        Tag::Strikethrough => format!("#strike[{buf}]"),
        // A link without a target is its text.
        Tag::Link { dest_url, .. } if dest_url.trim().is_empty() => buf,
        Tag::Link {
            link_type,
            dest_url,
            ..
        } => format!(
            "#link({})[{buf}]",
            string(&markdown::link_target(link_type, &dest_url))
        ),
        Tag::Image { dest_url, .. } => {
            let path = dest_url.trim_start_matches("./");
            let format = ctx
                .image_dir
                .and_then(|dir| image_format(dir, &dest_url))
                .map_or(String::new(), |f| {
                    format!(", format: {}", string(f.typst()))
                });
            parent.images.push(path.to_string());
            format!(
                "#image({}{format}, alt: {})",
                string(&format!("{}/{path}", ctx.image_root)),
                // The alt text is the image description's plain text.
                string(plain.trim())
            )
        }
        // Not enabled by the parser options; render their content as is.
        _ => buf,
    };
    parent.buf.push_str(&out);
}

/// The type of the image `url` of `dir` by its first bytes.
fn image_format(dir: &Path, url: &str) -> Option<image::Format> {
    use std::io::Read;
    let path = paths::resolve_inside(dir, url).ok()?;
    let mut head = Vec::with_capacity(512);
    std::fs::File::open(path)
        .and_then(|f| f.take(512).read_to_end(&mut head))
        .ok()?;
    image::Format::of(&head)
}

fn cells(cells: &[String]) -> String {
    cells
        .iter()
        .map(|c| format!("[{}]", c.trim()))
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn converted(body: &str) -> Converted {
        convert(
            body,
            &Context {
                part_level: 2,
                image_root: "/meeting",
                image_dir: None,
                label_prefix: "punkt-2-1",
            },
        )
    }

    fn md(body: &str) -> String {
        converted(body).markup
    }

    #[test]
    fn the_images_shown_are_listed() {
        let body = "![a](./a.png) ![b ![c](c.png)](b.png)[^1] [^2]\n\n\
                    [^1]: ![d](bilag/d.png)\n\n[^2]: Se [^1].\n\n[^3]: ![e](e.png)\n";
        assert_eq!(converted(body).images, ["a.png", "b.png", "bilag/d.png"]);
    }

    #[test]
    fn text_is_always_a_string_literal() {
        assert_eq!(md("Hej *verden*"), "#\"Hej \"#emph[#\"verden\"]\n\n");
        assert_eq!(
            md("#read(\"/etc/passwd\") $x$ \\\\ *"),
            "#\"#read(\\\"/etc/passwd\\\") $x$ \\\\ *\"\n\n"
        );
    }

    #[test]
    fn alt_text_is_plain_and_empty_links_are_text() {
        assert_eq!(
            md("![Alt *kursiv* `kode` [l](https://x.dk) \"c\"](bilag/g.png)"),
            "#image(\"/meeting/bilag/g.png\", alt: \"Alt kursiv kode l \\\"c\\\"\")\n\n"
        );
        assert_eq!(md("[tom]()"), "#\"tom\"\n\n");
        assert_eq!(md("a\tb"), "#\"a b\"\n\n");
    }

    #[test]
    fn local_links_point_at_the_copy() {
        assert_eq!(
            md("[bilag 1](./bilag/min%20graf.pdf#page=2)"),
            "#link(\"bilag/min%20graf.pdf#page=2\")[#\"bilag 1\"]\n\n"
        );
        assert_eq!(
            md("[punkt](#punkt-2-1)"),
            "#link(\"#punkt-2-1\")[#\"punkt\"]\n\n"
        );
    }

    #[test]
    fn structure_becomes_typst_elements() {
        assert_eq!(
            md("## Indstilling"),
            "#heading(level: 2, outlined: false)[#\"Indstilling\"]\n\n"
        );
        assert_eq!(md("- a\n- b\n"), "#list([#\"a\"], [#\"b\"])\n\n");
        assert_eq!(md("3. a\n"), "#enum(start: 3, [#\"a\"])\n\n");
        assert_eq!(
            md("Se[^1].\n\n[^1]: Note.\n"),
            "#\"Se\"#footnote[#\"Note.\"]<punkt-2-1-fn-1>#\".\"\n\n"
        );
        assert_eq!(
            md("![Graf](bilag/g.png)"),
            "#image(\"/meeting/bilag/g.png\", alt: \"Graf\")\n\n"
        );
        assert_eq!(
            md("| a | b |\n|:-|-:|\n| 1 | 2 |\n"),
            "#table(columns: 2, align: (left, right,), table.header([#\"a\"], [#\"b\"]), [#\"1\"], [#\"2\"])\n\n"
        );
    }
}
