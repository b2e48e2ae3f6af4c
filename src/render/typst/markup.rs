//! Markdown to Typst markup.
//!
//! Every piece of text from a source reaches the engine as a Typst *string
//! literal* (`#"…"`), never as markup: `#read("/etc/passwd")`, `$x$`, `*`,
//! `<label>` or `=` at a line start in a source are characters on the page,
//! not code. The structure around the text (paragraphs, lists, tables,
//! footnotes …) is written by rk as calls of Typst's own elements.

use std::fmt::Write;
use std::path::Path;

use pulldown_cmark::{Alignment, CodeBlockKind, Event as MdEvent, Tag};

use crate::image;
use crate::markdown::{self, Event};

/// How one body is placed in the document.
pub struct MarkupContext<'a> {
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
    /// The image paths the markup names, relative to `MarkupContext::image_root`,
    /// in order of appearance (an image inside another's description is
    /// not shown, so not named).
    pub images: Vec<String>,
}

/// Converts a Markdown body to Typst markup (the inside of a content block).
pub fn convert(body: &str, ctx: &MarkupContext) -> Converted {
    let body = markdown::body(body, ctx.image_dir);
    let notes: Vec<Converted> = body
        .notes
        .iter()
        .map(|note| render(note, ctx, &[]))
        .collect();
    render(&body.events, ctx, &notes)
}

/// One open container while rendering.
struct Frame {
    open: Option<Open>,
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

/// What a frame is: a Markdown container, or an image with its format.
enum Open {
    Tag(Tag<'static>),
    Image {
        url: String,
        format: Option<image::ImageFormat>,
    },
}

impl Frame {
    fn new(open: Option<Open>) -> Self {
        Frame {
            open,
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

/// The markup of `events`; `notes` holds each note, note 1 first.
fn render(events: &[Event], ctx: &MarkupContext, notes: &[Converted]) -> Converted {
    let mut stack = vec![Frame::new(None)];
    for event in events {
        let event = match event {
            Event::Md(event) => event,
            Event::Image(image) => {
                stack.push(Frame::new(Some(Open::Image {
                    url: image.url.to_string(),
                    format: image.file.as_ref().and_then(|f| f.format),
                })));
                continue;
            }
            Event::Note { number, nth } => {
                if let Some(top) = stack.last_mut() {
                    note(top, ctx, (*number, *nth), notes);
                }
                continue;
            }
        };
        match event {
            MdEvent::Start(tag) => {
                stack.push(Frame::new(Some(Open::Tag(tag.clone().into_static()))))
            }
            MdEvent::End(_) => {
                if stack.len() < 2 {
                    continue;
                }
                let Some(frame) = stack.pop() else { continue };
                let parent = stack.last_mut().expect("the root frame stays");
                close(frame, parent, ctx);
            }
            other => inline(&mut stack, other),
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

/// The `nth` reference to note `number`: the first makes the note (and
/// shows its images), later ones refer to it, as the HTML does.
fn note(top: &mut Frame, ctx: &MarkupContext, (number, nth): (usize, usize), notes: &[Converted]) {
    let name = format!("{}-fn-{number}", ctx.label_prefix);
    match notes.get(number - 1) {
        Some(note) if nth == 1 => {
            top.images.extend_from_slice(&note.images);
            let _ = write!(top.buf, "#footnote[{}]<{name}>", note.markup.trim());
        }
        _ => {
            let _ = write!(top.buf, "#footnote(<{name}>)");
        }
    }
}

/// An event that opens and closes nothing.
fn inline(stack: &mut [Frame], event: &MdEvent) {
    let Some(top) = stack.last_mut() else { return };
    match event {
        MdEvent::Text(t) => match &top.open {
            // Code is collected as plain text.
            Some(Open::Tag(Tag::CodeBlock(_))) => top.buf.push_str(t),
            _ => top.push_text(t),
        },
        MdEvent::Code(code) => {
            top.plain.push_str(code);
            let _ = write!(top.buf, "#raw({})", string(code));
        }
        MdEvent::SoftBreak => top.push_text(" "),
        MdEvent::HardBreak => top.buf.push_str("#linebreak()"),
        MdEvent::Rule => top.buf.push_str("\n#line(length: 100%)\n\n"),
        MdEvent::TaskListMarker(done) => {
            top.buf.push_str(&text(if *done { "☑ " } else { "☐ " }))
        }
        MdEvent::InlineMath(m) | MdEvent::DisplayMath(m) => top.buf.push_str(&text(m)),
        // Turned to text or to events of their own by the walk.
        MdEvent::Html(_)
        | MdEvent::InlineHtml(_)
        | MdEvent::FootnoteReference(_)
        | MdEvent::Start(_)
        | MdEvent::End(_) => {}
    }
}

fn close(frame: Frame, parent: &mut Frame, ctx: &MarkupContext) {
    let Frame {
        open,
        buf,
        parts,
        plain,
        images,
        ..
    } = frame;
    parent.plain.push_str(&plain);
    let tag = match open {
        None => return,
        // An image's description is its alt text: the images in it are
        // not shown.
        Some(Open::Image { url, format }) => {
            let path = url.trim_start_matches("./");
            parent.buf.push_str(&image(ctx, path, format, &plain));
            parent.images.push(path.to_string());
            return;
        }
        Some(Open::Tag(tag)) => {
            parent.images.extend(images);
            tag
        }
    };
    let out = match tag {
        Tag::Paragraph | Tag::HtmlBlock => format!("{buf}\n\n"),
        Tag::Heading { level, .. } => {
            let level = ctx.part_level + level as usize - 1;
            format!("#heading(level: {level}, outlined: false)[{buf}]\n\n")
        }
        Tag::BlockQuote(_) => format!("#quote(block: true)[{}]\n\n", buf.trim()),
        Tag::CodeBlock(kind) => code_block(&kind, &buf),
        Tag::List(start) => list(start, &parts),
        Tag::Table(aligns) => table(&aligns, &parts),
        Tag::Item | Tag::TableCell => {
            parent.parts.push(buf);
            return;
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
        Tag::Emphasis => format!("#emph[{buf}]"),
        Tag::Strong => format!("#strong[{buf}]"),
        Tag::Strikethrough => format!("#strike[{buf}]"),
        // A link without a target is its text.
        Tag::Link { dest_url, .. } if dest_url.trim().is_empty() => buf,
        Tag::Link { dest_url, .. } => format!("#link({})[{buf}]", string(&dest_url)),
        // Not enabled by the parser options; render their content as is.
        _ => buf,
    };
    parent.buf.push_str(&out);
}

fn code_block(kind: &CodeBlockKind, buf: &str) -> String {
    let lang = match kind {
        CodeBlockKind::Fenced(lang) if !lang.trim().is_empty() => {
            format!(
                ", lang: {}",
                string(lang.split_whitespace().next().unwrap_or(""))
            )
        }
        _ => String::new(),
    };
    let code = buf.strip_suffix('\n').unwrap_or(buf);
    format!("#raw(block: true{lang}, {})\n\n", string(code))
}

fn list(start: Option<u64>, parts: &[String]) -> String {
    let items: Vec<String> = parts.iter().map(|p| format!("[{}]", p.trim())).collect();
    let call = match start {
        Some(n) => format!("#enum(start: {n}, {})", items.join(", ")),
        None => format!("#list({})", items.join(", ")),
    };
    format!("{call}\n\n")
}

fn table(aligns: &[Alignment], parts: &[String]) -> String {
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

/// The image `path` of the folder behind `image_root`; its alt text is
/// the plain text of its description.
fn image(
    ctx: &MarkupContext,
    path: &str,
    format: Option<image::ImageFormat>,
    plain: &str,
) -> String {
    let format = format.map_or(String::new(), |f| {
        format!(", format: {}", string(f.typst()))
    });
    format!(
        "#image({}{format}, alt: {})",
        string(&format!("{}/{path}", ctx.image_root)),
        string(plain.trim())
    )
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
            &MarkupContext {
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
    fn raw_html_lines_run_on_as_in_the_html() {
        // The browser shows the lines of an HTML block with spaces between
        // them; so does the PDF.
        assert_eq!(md("<div>\nhej\n</div>\n"), "#\"<div> hej </div> \"\n\n");
        assert_eq!(md("a <b>fed</b> c"), "#\"a <b>fed</b> c\"\n\n");
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
            md("# Overskrift\n\n### Under"),
            "#heading(level: 2, outlined: false)[#\"Overskrift\"]\n\n\
             #heading(level: 3, outlined: false)[#\"Under\"]\n\n"
        );
        // Numbered in the order of first reference, as in the HTML.
        assert_eq!(
            md("A[^b] B[^a] C[^b].\n\n[^a]: En.\n\n[^b]: To.\n"),
            "#\"A\"#footnote[#\"To.\"]<punkt-2-1-fn-1>#\" B\"#footnote[#\"En.\"]<punkt-2-1-fn-2>\
             #\" C\"#footnote(<punkt-2-1-fn-1>)#\".\"\n\n"
        );
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
