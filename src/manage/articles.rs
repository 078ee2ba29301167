//! The knowledge bank's rules: what an article form may hold, who may write and change an
//! article, and the demo's twelve articles (`data/demo/articles/*.md`).

use crate::accounts::User;
use crate::domain::articles::{
    Article, ArticleKind, ArticleVersion, LICENCES, MAX_BODY_CHARS, MAX_NOTE_CHARS, MAX_TITLE_CHARS,
};
use crate::domain::{ArticleId, Lang, OrganizationId};
use crate::manage::{may, Action};
use crate::refdata::REF;
use time::OffsetDateTime;

/// What an article form sent, as text.
#[derive(Debug, Clone, Default)]
pub struct ArticleInput {
    pub title: String,
    pub body: String,
    pub kind: String,
    pub lang: String,
    pub licence: String,
    pub topics: Vec<String>,
    pub target_groups: Vec<String>,
    /// What was changed, in the editor's words (kept with the version).
    pub note: String,
}

/// The input checked.
#[derive(Debug, Clone, PartialEq)]
pub struct Checked {
    pub title: String,
    pub body: String,
    pub kind: ArticleKind,
    pub lang: Lang,
    pub licence: String,
    /// Other organizations that wrote it: never from a form (nobody's name goes on a text
    /// they did not agree to); the demo's joint articles set them.
    pub co_authors: Vec<OrganizationId>,
    pub topics: Vec<String>,
    pub target_groups: Vec<String>,
    pub note: String,
}

/// One thing wrong: the field, a translation key and the value it names (if any).
pub type InputError = (&'static str, &'static str, String);

/// Text without control characters (line breaks kept in the body) and bidi overrides.
fn clean(s: &str, keep_lines: bool) -> String {
    s.replace("\r\n", "\n")
        .chars()
        .filter(|c| {
            (keep_lines && (*c == '\n' || *c == '\t'))
                || (!c.is_control() && !crate::domain::line::is_deceptive(*c))
        })
        .collect::<String>()
        .trim()
        .to_string()
}

/// How deep quotes and lists may nest in an article's text.
pub const MAX_NESTING: usize = 12;

/// The deepest nesting of quotes and lists a text's lines start (`> > - 1. x`, or lines
/// indented under list items), counted without parsing the Markdown.
pub fn nesting(text: &str) -> usize {
    text.lines()
        .map(|line| {
            let indent = line.chars().take_while(|c| *c == ' ' || *c == '\t').count();
            let mut depth = indent / 2;
            let mut rest = line.trim_start();
            loop {
                if let Some(r) = rest.strip_prefix('>') {
                    depth += 1;
                    rest = r.trim_start();
                    continue;
                }
                let marker = rest.strip_prefix(['-', '*', '+']).or_else(|| {
                    let digits = rest.chars().take_while(char::is_ascii_digit).count();
                    (digits > 0)
                        .then(|| rest[digits..].strip_prefix(['.', ')']))
                        .flatten()
                });
                match marker {
                    Some(r) if r.starts_with([' ', '\t']) || r.is_empty() => {
                        depth += 1;
                        rest = r.trim_start();
                    }
                    _ => break,
                }
            }
            depth
        })
        .max()
        .unwrap_or(0)
}

/// Checks a form; every problem at once.
pub fn check(input: &ArticleInput) -> Result<Checked, Vec<InputError>> {
    let mut errors: Vec<InputError> = Vec::new();
    let title = clean(&input.title, false);
    if !title.chars().any(char::is_alphanumeric) {
        errors.push(("title", "articles-error-required", String::new()));
    } else if title.chars().count() > MAX_TITLE_CHARS {
        errors.push((
            "title",
            "articles-error-too-long",
            MAX_TITLE_CHARS.to_string(),
        ));
    }
    let body = clean(&input.body, true);
    if body.chars().count() <= MAX_BODY_CHARS && nesting(&body) > MAX_NESTING {
        // Quotes in quotes in lists thousands deep would take seconds to show each time.
        errors.push(("body", "articles-error-nesting", MAX_NESTING.to_string()));
    } else if !body.chars().any(char::is_alphanumeric) {
        errors.push(("body", "articles-error-required", String::new()));
    } else if body.chars().count() > MAX_BODY_CHARS {
        errors.push((
            "body",
            "articles-error-too-long",
            MAX_BODY_CHARS.to_string(),
        ));
    }
    let kind = ArticleKind::parse(&input.kind);
    if kind.is_none() {
        errors.push(("kind", "articles-error-kind", input.kind.clone()));
    }
    let lang = Lang::parse(input.lang.trim());
    if lang.is_none() {
        errors.push(("lang", "articles-error-lang", input.lang.clone()));
    }
    let licence = input.licence.trim().to_string();
    if !LICENCES.contains(&licence.as_str()) {
        errors.push(("licence", "articles-error-licence", licence.clone()));
    }
    let mut topics = Vec::new();
    for t in &input.topics {
        if REF.taxonomies.topic(t).is_none() {
            errors.push(("topics", "articles-error-term", t.clone()));
        } else if !topics.contains(t) {
            topics.push(t.clone());
        }
    }
    let mut target_groups = Vec::new();
    for t in &input.target_groups {
        if REF.taxonomies.target_group(t).is_none() {
            errors.push(("target_groups", "articles-error-term", t.clone()));
        } else if !target_groups.contains(t) {
            target_groups.push(t.clone());
        }
    }
    let note = clean(&input.note, false);
    if note.chars().count() > MAX_NOTE_CHARS {
        errors.push((
            "note",
            "articles-error-too-long",
            MAX_NOTE_CHARS.to_string(),
        ));
    }
    match (kind, lang, errors.is_empty()) {
        (Some(kind), Some(lang), true) => Ok(Checked {
            title,
            body,
            kind,
            lang,
            licence,
            co_authors: Vec::new(),
            topics,
            target_groups,
            note,
        }),
        _ => Err(errors),
    }
}

/// Who may change an article: the people of any of its authors (and platform admins).
pub fn may_edit(user: &User, article: &Article) -> bool {
    article
        .authors
        .iter()
        .any(|o| may(user, *o, Action::EditRecords))
}

/// Who may write a new article in an organization's name.
pub fn may_write_for(user: &User, org: OrganizationId) -> bool {
    may(user, org, Action::EditRecords)
}

/// The article as `checked` makes it: a new one (`existing` None) by `acting_for`, or the
/// next version of `existing` (its first author stays first).
pub fn next(
    existing: Option<&Article>,
    checked: Checked,
    acting_for: OrganizationId,
    by: Option<crate::domain::UserId>,
    now: OffsetDateTime,
) -> (Article, ArticleVersion) {
    // The authors stay who they were (a form cannot name other organizations: nobody's name
    // goes on a text they did not agree to); a new article is its writer's. Co-authors come
    // only from the demo's own files.
    let mut authors = existing.map_or_else(|| vec![acting_for], |a| a.authors.clone());
    for o in std::iter::once(acting_for).chain(checked.co_authors) {
        if !authors.contains(&o) {
            authors.push(o);
        }
    }
    let article = Article {
        id: existing.map_or_else(ArticleId::new, |a| a.id),
        key: existing.and_then(|a| a.key.clone()),
        lang: checked.lang,
        title: checked.title,
        body: checked.body,
        kind: checked.kind,
        authors,
        topics: checked.topics,
        target_groups: checked.target_groups,
        licence: checked.licence,
        version: existing.map_or(1, |a| a.version + 1),
        created_by: existing.map_or(by, |a| a.created_by),
        created_at: existing.map_or(now, |a| a.created_at),
        updated_at: now,
    };
    let version = ArticleVersion {
        article_id: article.id,
        version: article.version,
        title: article.title.clone(),
        body: article.body.clone(),
        changed_by: by,
        changed_for: Some(acting_for),
        note: checked.note,
        changed_at: now,
    };
    (article, version)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_form_is_checked_whole() {
        let input = ArticleInput {
            title: " ".into(),
            body: "x".repeat(MAX_BODY_CHARS + 1),
            kind: "blog".into(),
            lang: "de".into(),
            licence: "GPL".into(),
            topics: vec!["dragons".into()],
            target_groups: vec![],
            note: String::new(),
        };
        let errors = check(&input).unwrap_err();
        let fields: Vec<&str> = errors.iter().map(|e| e.0).collect();
        assert_eq!(
            fields,
            ["title", "body", "kind", "lang", "licence", "topics"]
        );
    }
}
