//! Markdown as the knowledge bank shows it: CommonMark (with tables and strikethrough) turned
//! into HTML, then cleaned by an allow-list. Raw HTML in the text is never passed on (it is
//! shown as the text it is), links may only go to `http`, `https` and `mailto` addresses or
//! within the site, and no element keeps an attribute that runs or styles anything. The
//! text's highest headings become `h2`: the article's title is the page's only `h1`.

use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};
use std::sync::LazyLock;

const TAGS: &[&str] = &[
    "p",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "ul",
    "ol",
    "li",
    "strong",
    "em",
    "del",
    "a",
    "code",
    "pre",
    "blockquote",
    "hr",
    "br",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
];

static CLEANER: LazyLock<ammonia::Builder<'static>> = LazyLock::new(|| {
    let mut b = ammonia::Builder::empty();
    b.add_tags(TAGS)
        .add_tag_attributes("a", &["href", "title"])
        .add_tag_attributes("ol", &["start"])
        .add_url_schemes(&["http", "https", "mailto"])
        .url_relative(ammonia::UrlRelative::PassThrough)
        .link_rel(Some("noopener noreferrer nofollow"))
        .strip_comments(true);
    b
});

fn number(level: HeadingLevel) -> usize {
    level as usize
}

/// The level a heading is shown at: the text's highest headings become `h2` (the page's
/// title is its only `h1`), the others keep their distance from them.
fn shown(level: HeadingLevel, top: usize) -> HeadingLevel {
    let n = (number(level) + 2).saturating_sub(top).clamp(2, 6);
    HeadingLevel::try_from(n).unwrap_or(HeadingLevel::H6)
}

/// The text as safe HTML for a page.
pub fn to_html(markdown: &str) -> String {
    let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
    let top = Parser::new_ext(markdown, options)
        .filter_map(|e| match e {
            Event::Start(Tag::Heading { level, .. }) => Some(number(level)),
            _ => None,
        })
        .min()
        .unwrap_or(2);
    let events = Parser::new_ext(markdown, options).map(|e| match e {
        // Raw HTML is shown as what it is, never run.
        Event::Html(h) | Event::InlineHtml(h) => Event::Text(h),
        Event::Start(Tag::Heading {
            level,
            id: _,
            classes: _,
            attrs: _,
        }) => Event::Start(Tag::Heading {
            level: shown(level, top),
            id: None,
            classes: Vec::new(),
            attrs: Vec::new(),
        }),
        Event::End(TagEnd::Heading(level)) => Event::End(TagEnd::Heading(shown(level, top))),
        // Pictures from elsewhere would tell another site who reads what: their words stay.
        Event::Start(Tag::Image { .. }) | Event::End(TagEnd::Image) => Event::Text("".into()),
        other => other,
    });
    let mut html = String::new();
    pulldown_cmark::html::push_html(&mut html, events);
    CLEANER.clean(&html).to_string()
}

/// The words of the text without its markup (for search and summaries).
pub fn to_plain(markdown: &str) -> String {
    let mut out = String::new();
    for e in Parser::new_ext(markdown, Options::ENABLE_TABLES) {
        match e {
            Event::Text(t) | Event::Code(t) | Event::Html(t) | Event::InlineHtml(t) => {
                out.push_str(&t)
            }
            Event::SoftBreak
            | Event::HardBreak
            | Event::End(
                TagEnd::Paragraph
                | TagEnd::Heading(_)
                | TagEnd::Item
                | TagEnd::TableCell
                | TagEnd::CodeBlock,
            ) => out.push(' '),
            _ => {}
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The first paragraph's words, at most `max` characters (cut at a word, with "…").
pub fn summary(markdown: &str, max: usize) -> String {
    let mut in_paragraph = false;
    let mut text = String::new();
    for e in Parser::new(markdown) {
        match e {
            Event::Start(Tag::Paragraph) => in_paragraph = true,
            Event::End(TagEnd::Paragraph) if !text.trim().is_empty() => break,
            Event::End(TagEnd::Paragraph) => in_paragraph = false,
            Event::Text(t) | Event::Code(t) if in_paragraph => text.push_str(&t),
            Event::SoftBreak | Event::HardBreak if in_paragraph => text.push(' '),
            _ => {}
        }
    }
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if text.chars().count() <= max {
        return text;
    }
    let cut: String = text.chars().take(max).collect();
    let cut = cut.rsplit_once(' ').map_or(cut.as_str(), |(a, _)| a);
    format!("{}…", cut.trim_end_matches([',', '.', ';', ':']))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_becomes_plain_safe_html() {
        let html = to_html(
            "# Otsikko\n\nTeksti **lihava** ja [linkki](https://example.fi).\n\n- yksi\n- kaksi\n",
        );
        assert!(html.contains("<h2>Otsikko</h2>"), "{html}");
        // `##` and `###` under a title that is not in the text: h2 and h3.
        let parts = to_html("## Osa\n\n### Kohta\n\nTeksti");
        assert!(
            parts.contains("<h2>Osa</h2>") && parts.contains("<h3>Kohta</h3>"),
            "{parts}"
        );
        assert!(html.contains("<strong>lihava</strong>"));
        assert!(html.contains(
            "<a href=\"https://example.fi\" rel=\"noopener noreferrer nofollow\">linkki</a>"
        ));
        assert!(html.contains("<li>yksi</li>"));
        assert!(to_html("| a | b |\n|---|---|\n| 1 | 2 |").contains("<td>1</td>"));
        assert_eq!(
            to_plain("## Otsikko\n\nTeksti *tässä*."),
            "Otsikko Teksti tässä."
        );
        assert_eq!(
            summary("## Otsikko\n\nEnsimmäinen kappale\njatkuu.\n\nToinen.", 100),
            "Ensimmäinen kappale jatkuu."
        );
        assert_eq!(summary("Sana sana sana sana", 12), "Sana sana…");
    }
}
