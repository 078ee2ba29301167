//! The privacy notice (GDPR art. 13) and the accessibility statement (Act 306/2019): a
//! default text in fi/sv/en that names the operator (`--controller`), or the operator's own
//! text from `--legal-dir`.

use super::{render, Ctx};
use crate::error::PageResult;
use crate::i18n::t_args;
use crate::AppState;
use askama::Template;
use axum::extract::State;

/// An operator's text larger than this is not read (the default is shown).
const MAX_TEXT_BYTES: u64 = 256 * 1024;

pub struct Section {
    pub heading: Option<String>,
    pub paragraphs: Vec<String>,
}

#[derive(Template)]
#[template(path = "legal.html")]
struct LegalPage {
    ctx: Ctx,
    title: String,
    sections: Vec<Section>,
}

/// The operator's text: "# " starts a section's heading, a blank line a paragraph.
fn parse(text: &str) -> Vec<Section> {
    let mut out: Vec<Section> = Vec::new();
    let mut para = String::new();
    let flush = |para: &mut String, out: &mut Vec<Section>| {
        if !para.trim().is_empty() {
            if out.is_empty() {
                out.push(Section {
                    heading: None,
                    paragraphs: Vec::new(),
                });
            }
            if let Some(s) = out.last_mut() {
                s.paragraphs.push(para.trim().to_string());
            }
        }
        para.clear();
    };
    for line in text.lines() {
        if let Some(h) = line.strip_prefix("# ") {
            flush(&mut para, &mut out);
            out.push(Section {
                heading: Some(h.trim().to_string()),
                paragraphs: Vec::new(),
            });
        } else if line.trim().is_empty() {
            flush(&mut para, &mut out);
        } else {
            if !para.is_empty() {
                para.push(' ');
            }
            para.push_str(line.trim());
        }
    }
    flush(&mut para, &mut out);
    out
}

/// The operator's own text for this page and language, if there is one.
fn operator_text(st: &AppState, page: &str, lang: &str) -> Option<Vec<Section>> {
    let path = st
        .config
        .legal_dir
        .as_ref()?
        .join(format!("{page}.{lang}.txt"));
    let size = std::fs::metadata(&path).ok()?.len();
    if size > MAX_TEXT_BYTES {
        tracing::warn!(path = %path.display(), "legal text too large, default shown");
        return None;
    }
    let text = std::fs::read_to_string(&path).ok()?;
    Some(parse(&text)).filter(|s| !s.is_empty())
}

/// The default text: for each section name, `{page}-{name}-h` and `{page}-{name}-text`
/// (one paragraph a line), with the operator's and the portal's names.
fn default_text(st: &AppState, ctx: &Ctx, page: &str, names: &[&str]) -> Vec<Section> {
    let controller = st
        .config
        .controller
        .clone()
        .unwrap_or_else(|| ctx.t("legal-controller-unset"));
    let args = [
        ("controller", controller.into()),
        ("link", st.config.public_url().into()),
    ];
    names
        .iter()
        .map(|name| Section {
            heading: Some(ctx.t(&format!("{page}-{name}-h"))),
            paragraphs: t_args(ctx.lang, &format!("{page}-{name}-text"), &args)
                .split('\n')
                .map(|p| p.trim().to_string())
                .filter(|p| !p.is_empty())
                .collect(),
        })
        .collect()
}

const PRIVACY: [&str; 8] = [
    "controller",
    "what",
    "why",
    "who",
    "how-long",
    "rights",
    "security",
    "complaint",
];
const ACCESSIBILITY: [&str; 5] = ["scope", "checked", "known", "feedback", "enforcement"];

fn page(st: &AppState, ctx: Ctx, page: &str, names: &[&str]) -> PageResult {
    let sections = operator_text(st, page, ctx.lang.code())
        .unwrap_or_else(|| default_text(st, &ctx, page, names));
    let view = LegalPage {
        title: ctx.t(&format!("{page}-title")),
        sections,
        ctx,
    };
    render(&view, view.ctx.lang)
}

/// `GET /{lang}/privacy`
pub async fn privacy(ctx: Ctx, State(st): State<AppState>) -> PageResult {
    page(&st, ctx, "privacy", &PRIVACY)
}

/// `GET /{lang}/accessibility`
pub async fn accessibility(ctx: Ctx, State(st): State<AppState>) -> PageResult {
    page(&st, ctx, "accessibility", &ACCESSIBILITY)
}

#[cfg(test)]
mod tests {
    use super::parse;

    #[test]
    fn an_operators_text_has_headings_and_paragraphs() {
        let s = parse("Johdanto\njatkuu.\n\n# Rekisterinpitäjä\nEsimerkki ry\n\ntoinen\n# Tyhjä\n");
        assert_eq!(s.len(), 3);
        assert_eq!(s[0].heading, None);
        assert_eq!(s[0].paragraphs, ["Johdanto jatkuu."]);
        assert_eq!(s[1].heading.as_deref(), Some("Rekisterinpitäjä"));
        assert_eq!(s[1].paragraphs, ["Esimerkki ry", "toinen"]);
        assert!(s[2].paragraphs.is_empty());
    }
}
