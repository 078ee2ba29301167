//! The knowledge bank (issue 19): good practices, guides, templates and reports that the
//! organizations write for each other. An article is written in one language, in Markdown
//! (shown through `domain::markdown`'s allow-list), by organizations (never a person's name
//! unless they write it into the text themselves), under a licence (CC BY 4.0 unless said
//! otherwise). Every saved text is kept as a version, so who changed what can be shown as a
//! diff (`diff_lines`).

use super::{ArticleId, Lang, OrganizationId, UserId};
use time::OffsetDateTime;

pub const MAX_TITLE_CHARS: usize = 200;
pub const MAX_BODY_CHARS: usize = 40_000;
pub const MAX_NOTE_CHARS: usize = 300;

/// What kind of material an article is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum ArticleKind {
    GoodPractice,
    Guide,
    Template,
    Report,
}

impl ArticleKind {
    pub const ALL: [ArticleKind; 4] = [
        ArticleKind::GoodPractice,
        ArticleKind::Guide,
        ArticleKind::Template,
        ArticleKind::Report,
    ];
    pub fn as_str(self) -> &'static str {
        match self {
            ArticleKind::GoodPractice => "good_practice",
            ArticleKind::Guide => "guide",
            ArticleKind::Template => "template",
            ArticleKind::Report => "report",
        }
    }
    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.as_str() == s.trim())
    }
}

/// The licences an article may be shared under (SPDX ids); the first is the default.
pub const LICENCES: [&str; 3] = ["CC-BY-4.0", "CC-BY-SA-4.0", "CC0-1.0"];

pub fn licence_url(id: &str) -> &'static str {
    match id {
        "CC-BY-SA-4.0" => "https://creativecommons.org/licenses/by-sa/4.0/",
        "CC0-1.0" => "https://creativecommons.org/publicdomain/zero/1.0/",
        _ => "https://creativecommons.org/licenses/by/4.0/",
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Article {
    pub id: ArticleId,
    /// The demo's own key (seeding again updates, not adds).
    pub key: Option<String>,
    /// The language it is written in.
    pub lang: Lang,
    pub title: String,
    /// Markdown.
    pub body: String,
    pub kind: ArticleKind,
    /// The organizations that wrote it; the first keeps it.
    pub authors: Vec<OrganizationId>,
    pub topics: Vec<String>,
    pub target_groups: Vec<String>,
    /// An SPDX id of [`LICENCES`].
    pub licence: String,
    /// How many times its text has been saved (1 for a new article).
    pub version: u32,
    pub created_by: Option<UserId>,
    pub created_at: OffsetDateTime,
    pub updated_at: OffsetDateTime,
}

impl Article {
    /// The title as a text in several languages: in its own language (and in Finnish, which
    /// every text has).
    pub fn name(&self) -> super::LocalizedText {
        let mut t = super::LocalizedText::fi(self.title.clone());
        match self.lang {
            Lang::Sv => t.sv = Some(self.title.clone()),
            Lang::En => t.en = Some(self.title.clone()),
            Lang::Fi => {}
        }
        t
    }
}

/// One saved text of an article: who (an account, and the organization they acted for)
/// changed what, when, and why in their words.
#[derive(Debug, Clone, PartialEq)]
pub struct ArticleVersion {
    pub article_id: ArticleId,
    pub version: u32,
    pub title: String,
    pub body: String,
    pub changed_by: Option<UserId>,
    pub changed_for: Option<OrganizationId>,
    pub note: String,
    pub changed_at: OffsetDateTime,
}

/// A line of a diff between two texts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DiffLine {
    Same(String),
    Removed(String),
    Added(String),
}

/// The lines that differ between two texts, with the unchanged lines around them (a longest
/// common subsequence of lines; texts are short, at most a few hundred lines).
pub fn diff_lines(old: &str, new: &str) -> Vec<DiffLine> {
    let a: Vec<&str> = old.lines().collect();
    let b: Vec<&str> = new.lines().collect();
    // Texts longer than this are compared as a whole (the table would be too big).
    if a.len().saturating_mul(b.len()) > 1_000_000 {
        let mut out: Vec<DiffLine> = a.iter().map(|l| DiffLine::Removed(l.to_string())).collect();
        out.extend(b.iter().map(|l| DiffLine::Added(l.to_string())));
        return out;
    }
    let (n, m) = (a.len(), b.len());
    let mut lcs = vec![vec![0u32; m + 1]; n + 1];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            lcs[i][j] = if a[i] == b[j] {
                lcs[i + 1][j + 1] + 1
            } else {
                lcs[i + 1][j].max(lcs[i][j + 1])
            };
        }
    }
    let (mut i, mut j) = (0, 0);
    let mut out = Vec::new();
    while i < n || j < m {
        if i < n && j < m && a[i] == b[j] {
            out.push(DiffLine::Same(a[i].to_string()));
            i += 1;
            j += 1;
        } else if j < m && (i == n || lcs[i][j + 1] >= lcs[i + 1][j]) {
            out.push(DiffLine::Added(b[j].to_string()));
            j += 1;
        } else {
            out.push(DiffLine::Removed(a[i].to_string()));
            i += 1;
        }
    }
    out
}

/// A diff with runs of unchanged lines longer than `context * 2` shortened to `context`
/// lines on each side (`None` marks a gap).
pub fn with_context(diff: Vec<DiffLine>, context: usize) -> Vec<Option<DiffLine>> {
    let changed: Vec<usize> = diff
        .iter()
        .enumerate()
        .filter(|(_, l)| !matches!(l, DiffLine::Same(_)))
        .map(|(i, _)| i)
        .collect();
    let near = |i: usize| {
        changed
            .iter()
            .any(|&c| i + context >= c && i <= c + context)
    };
    let mut out = Vec::new();
    let mut gap = false;
    for (i, line) in diff.into_iter().enumerate() {
        if matches!(line, DiffLine::Same(_)) && !near(i) {
            if !gap {
                out.push(None);
                gap = true;
            }
        } else {
            out.push(Some(line));
            gap = false;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_diff_shows_what_changed_between_versions() {
        let old = "Otsikko\n\nYksi\nKaksi\nKolme\n";
        let new = "Otsikko\n\nYksi\nKaksi ja puoli\nKolme\nNeljä\n";
        assert_eq!(
            diff_lines(old, new),
            vec![
                DiffLine::Same("Otsikko".into()),
                DiffLine::Same(String::new()),
                DiffLine::Same("Yksi".into()),
                DiffLine::Added("Kaksi ja puoli".into()),
                DiffLine::Removed("Kaksi".into()),
                DiffLine::Same("Kolme".into()),
                DiffLine::Added("Neljä".into()),
            ]
        );
        assert!(diff_lines("a\nb", "a\nb")
            .iter()
            .all(|l| matches!(l, DiffLine::Same(_))));
        // Far from the changes, unchanged lines fold into a gap.
        let long: String = (1..=30).map(|i| format!("rivi {i}\n")).collect();
        let changed = long.replace("rivi 15\n", "rivi viisitoista\n");
        let shown = with_context(diff_lines(&long, &changed), 2);
        assert_eq!(shown.iter().filter(|l| l.is_none()).count(), 2);
        assert_eq!(shown.iter().filter(|l| l.is_some()).count(), 6);
        assert_eq!(
            ArticleKind::parse("good_practice"),
            Some(ArticleKind::GoodPractice)
        );
        assert_eq!(ArticleKind::parse("blog"), None);
    }
}
