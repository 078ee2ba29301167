//! Languages of the portal and text that exists in several of them.

use serde::{Deserialize, Serialize};
use std::fmt;

#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize, utoipa::ToSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// Finnish first.
    #[default]
    Fi,
    Sv,
    En,
}

impl Lang {
    pub const ALL: [Lang; 3] = [Lang::Fi, Lang::Sv, Lang::En];

    pub fn parse(s: &str) -> Option<Lang> {
        match s {
            "fi" => Some(Lang::Fi),
            "sv" => Some(Lang::Sv),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Lang::Fi => "fi",
            Lang::Sv => "sv",
            Lang::En => "en",
        }
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// Text in Finnish (required) and optionally Swedish and English.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct LocalizedText {
    pub fi: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sv: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub en: Option<String>,
}

impl LocalizedText {
    pub fn fi(s: impl Into<String>) -> Self {
        Self {
            fi: s.into(),
            sv: None,
            en: None,
        }
    }

    /// Empty in every language. Finnish comes first, but a text from another system may
    /// have only Swedish or English.
    pub fn is_empty(&self) -> bool {
        Lang::ALL.iter().all(|l| self.exactly(*l).is_none())
    }

    /// The text in `lang` if it exists, else the Finnish text; the second value is the
    /// language actually returned, so a page can mark a fallback as such.
    /// The text in `lang`, else in Finnish, else in whichever language there is; with the
    /// language it is really in. (Texts from other systems can come in English only.)
    pub fn get(&self, lang: Lang) -> (&str, Lang) {
        let order = match lang {
            Lang::Fi => [Lang::Fi, Lang::Sv, Lang::En],
            Lang::Sv => [Lang::Sv, Lang::Fi, Lang::En],
            Lang::En => [Lang::En, Lang::Fi, Lang::Sv],
        };
        order
            .into_iter()
            .find_map(|l| self.exactly(l).map(|s| (s, l)))
            .unwrap_or((&self.fi, Lang::Fi))
    }

    /// The text in `lang` only, if there is one.
    pub fn exactly(&self, lang: Lang) -> Option<&str> {
        match lang {
            Lang::Fi => Some(self.fi.as_str()),
            Lang::Sv => self.sv.as_deref(),
            Lang::En => self.en.as_deref(),
        }
        .filter(|s| !s.trim().is_empty())
    }

    /// A text in one language only.
    pub fn only(lang: Lang, s: impl Into<String>) -> Self {
        let mut t = Self::default();
        match lang {
            Lang::Fi => t.fi = s.into(),
            Lang::Sv => t.sv = Some(s.into()),
            Lang::En => t.en = Some(s.into()),
        }
        t
    }

    /// The text in `lang`, or Finnish when there is none.
    pub fn text(&self, lang: Lang) -> &str {
        self.get(lang).0
    }
}

/// A cell a spreadsheet must not read as a formula (OWASP "CSV injection"): a leading `=`,
/// `@`, tab or carriage return, `+` or `-` (a phone number "+358 40 …" too) gets a `'`, which
/// makes it text; spreadsheets do not show it.
pub fn csv_cell(s: &str) -> String {
    if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{s}")
    } else {
        s.to_string()
    }
}

/// A cell read back: the `'` that `csv_cell` added is taken off again.
pub fn csv_uncell(s: &str) -> &str {
    match s.strip_prefix('\'') {
        Some(rest) if rest.starts_with(['=', '+', '-', '@', '\t', '\r']) => rest,
        _ => s,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn missing_translation_falls_back_to_finnish_and_says_so() {
        let t = LocalizedText {
            fi: "Kudonta".into(),
            sv: Some("Vävning".into()),
            en: None,
        };
        assert_eq!(t.get(Lang::Sv), ("Vävning", Lang::Sv));
        assert_eq!(t.get(Lang::En), ("Kudonta", Lang::Fi));
    }

    #[test]
    fn a_text_without_finnish_is_shown_in_the_language_it_has() {
        let t = LocalizedText::only(Lang::En, "Community Counselling");
        assert!(!t.is_empty());
        assert_eq!(t.get(Lang::Fi), ("Community Counselling", Lang::En));
        assert_eq!(t.get(Lang::Sv), ("Community Counselling", Lang::En));
        assert_eq!(t.get(Lang::En), ("Community Counselling", Lang::En));
        assert!(LocalizedText::only(Lang::Sv, " ").is_empty());
    }

    #[test]
    fn blank_translation_counts_as_missing() {
        let t = LocalizedText {
            fi: "Kahvila".into(),
            sv: Some("  ".into()),
            en: None,
        };
        assert_eq!(t.get(Lang::Sv).1, Lang::Fi);
    }
}
