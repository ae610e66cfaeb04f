//! Markdown: pulldown-cmark (CommonMark, with tables, footnotes and strikethrough; smart
//! punctuation off, so quotation marks stay as written) decides which bytes are prose.
//!
//! Prose is the text of paragraphs, headings, list items, block quotes (a block quote in an
//! article is article text), table cells and footnotes, including the text of emphasis, strong
//! and links. Masked: markup (`#`, `*`, `_`, `>`, list markers, a link's `(...)`), code blocks,
//! inline code, HTML blocks and inline HTML (comments too), images, autolinks, link reference
//! definitions, and front matter (YAML `---` or TOML `+++`) at the start of the file. Entities
//! and backslash escapes are decoded in place by the offsets pulldown-cmark gives.

use super::masked::Masker;
use pulldown_cmark::{Event, LinkType, Options, Parser, Tag, TagEnd};

/// The analysis text of a Markdown document: same length, prose kept, the rest masked.
pub fn mask(src: &str) -> String {
    let mut m = Masker::new(src);
    let mut base = if src.starts_with('\u{FEFF}') { '\u{FEFF}'.len_utf8() } else { 0 };
    base = front_matter_end(src, base).unwrap_or(base);
    let body = &src[base..];
    let opts = Options::ENABLE_TABLES | Options::ENABLE_FOOTNOTES | Options::ENABLE_STRIKETHROUGH;
    // for every open tag, whether its text is masked; `hidden` counts the open ones that are
    let mut open: Vec<bool> = Vec::new();
    let mut hidden = 0usize;
    for (ev, r) in Parser::new_ext(body, opts).into_offset_iter() {
        let (start, end) = (r.start + base, r.end + base);
        match ev {
            Event::Start(tag) => {
                if is_block(&tag) {
                    m.block();
                }
                let hides = hides(&tag);
                hidden += usize::from(hides);
                open.push(hides);
            }
            Event::End(tag) => {
                if ends_block(&tag) {
                    m.block();
                }
                if open.pop() == Some(true) {
                    hidden -= 1;
                }
            }
            Event::Text(t) if hidden == 0 => match src.get(start..end) {
                Some(orig) if orig == &*t => m.prose(start, end),
                Some(_) => m.decoded(start, end, &t),
                None => {}
            },
            Event::Rule => m.block(),
            // inline code, HTML, footnote references, task markers, breaks (their line ends
            // are kept by the mask): not prose
            _ => {}
        }
    }
    m.finish()
}

fn is_block(tag: &Tag) -> bool {
    !matches!(tag, Tag::Emphasis | Tag::Strong | Tag::Strikethrough | Tag::Superscript | Tag::Subscript | Tag::Link { .. } | Tag::Image { .. })
}

fn ends_block(tag: &TagEnd) -> bool {
    !matches!(tag, TagEnd::Emphasis | TagEnd::Strong | TagEnd::Strikethrough | TagEnd::Superscript | TagEnd::Subscript | TagEnd::Link | TagEnd::Image)
}

/// Tags whose text is not prose: code, images (alt text), autolinks (the text is the URL),
/// metadata.
fn hides(tag: &Tag) -> bool {
    match tag {
        Tag::CodeBlock(_) | Tag::Image { .. } | Tag::MetadataBlock(_) | Tag::HtmlBlock => true,
        Tag::Link { link_type, .. } => matches!(link_type, LinkType::Autolink | LinkType::Email),
        _ => false,
    }
}

/// Where front matter that opens the file at `from` ends: a `---` line and a closing `---`
/// or `...` line (YAML), or `+++` lines (TOML). Unclosed, it is not front matter.
fn front_matter_end(src: &str, from: usize) -> Option<usize> {
    let mut lines = src[from..].split_inclusive('\n');
    let first = lines.next()?;
    let fence = first.trim_end();
    let closers: &[&str] = match fence {
        "---" => &["---", "..."],
        "+++" => &["+++"],
        _ => return None,
    };
    let mut pos = from + first.len();
    for line in lines {
        pos += line.len();
        if closers.contains(&line.trim_end()) {
            return Some(pos);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn masked(src: &str) -> String {
        let m = mask(src);
        assert_eq!(m.len(), src.len(), "length preserved for {src:?}");
        m
    }

    /// The masked text with runs of spaces squeezed and lines trimmed.
    fn squeezed(src: &str) -> String {
        masked(src).lines().map(|l| l.split_whitespace().collect::<Vec<_>>().join(" ")).collect::<Vec<_>>().join("\n")
    }

    #[test]
    fn markup_is_masked_and_text_kept_in_place() {
        let src = "# A *headline*\n\nShe said **“yes”** to [the plan](https://example.com/a \"title\").\n";
        let m = masked(src);
        let q = src.find('“').unwrap();
        assert_eq!(&m[q..q + "“yes”".len()], "“yes”");
        assert_eq!(squeezed(src), "A headline\n\nShe said “yes” to the plan .");
    }

    #[test]
    fn code_html_images_and_autolinks_are_masked() {
        let src = "Intro with `code \"x\"` inline.\n\n```\nprint(\"quoted\")\n```\n\n    indented \"code\"\n\n<div>\n“html block”\n</div>\n\nText <!-- “comment” --> ![“alt”](i.png) <https://example.com/\"q\">\n\n[ref]: https://example.com \"Title\"\n";
        let m = masked(src);
        assert!(!m.contains(['"', '“', '”']), "{m:?}");
        assert!(m.contains("Intro with"));
        assert!(m.contains("Text"));
    }

    #[test]
    fn front_matter_is_masked_only_at_the_start() {
        let src = "---\ntitle: \"A quote\"\n---\n\nBody text.\n";
        assert_eq!(squeezed(src).trim(), "Body text.");
        let toml = "+++\ntitle = \"A quote\"\n+++\nBody.\n";
        assert_eq!(squeezed(toml).trim(), "Body.");
        // later on, `---` is a rule or a heading underline, and the text is kept
        let later = "Body.\n\n---\nnot: \"front matter\"\n---\n";
        assert!(masked(later).contains("not: \"front matter\""));
        // unclosed: not front matter
        assert!(masked("---\nkey: \"v\"\n").contains("key: \"v\""));
        // after a byte-order mark
        assert_eq!(squeezed("\u{FEFF}---\na: 1\n---\nBody.\n").trim(), "Body.");
    }

    #[test]
    fn blocks_become_paragraphs() {
        assert_eq!(squeezed("- one\n- two\n"), "one\n\ntwo");
        assert_eq!(squeezed("> quoted “a”\n> more\n>\n> second\n"), "quoted “a”\nmore\n\nsecond");
        assert_eq!(squeezed("| a | b |\n|---|---|\n| c | d |\n"), "a\n\nb\n\nc\n\nd");
        // a heading directly followed by text: one line end, no room for a blank line
        assert_eq!(masked("# H\nText\n"), "  H\nText\n");
        assert_eq!(squeezed("Setext\n======\nText\n"), "Setext\n\nText");
    }

    #[test]
    fn entities_and_escapes_are_decoded_in_place() {
        let src = "&ldquo;Yes,&rdquo; she said \\\"twice\\\" &amp; left.\n";
        let m = masked(src);
        assert_eq!(&m[..7], "    “");
        assert_eq!(squeezed(src), "“Yes, ” she said \"twice \" & left.");
    }

    #[test]
    fn smart_punctuation_is_off() {
        let src = "\"Straight,\" he said -- twice...\n";
        assert_eq!(masked(src), src);
    }

    #[test]
    fn odd_markdown_keeps_the_length() {
        for src in [
            "",
            "*",
            "[",
            "**unclosed",
            "```\nunclosed fence",
            "<div",
            "> > > deep\n> > nest",
            "1. a\n   1. b\n      - c",
            "\r\n# CRLF\r\n\r\ntext\r\n",
            "\ttab\n",
            "[^1]\n\n[^1]: “note”\n",
            "|a|\n|-|\n|“b”|",
            "&#0; &#xFFFFFF; &bogus;",
            "é*é*é",
        ] {
            masked(src);
        }
    }
}
