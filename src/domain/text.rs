//! Languages of the portal and text that exists in several of them.

use serde::{Deserialize, Serialize};
use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
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

    pub fn is_empty(&self) -> bool {
        self.fi.trim().is_empty()
    }

    /// The text in `lang` if it exists, else the Finnish text; the second value is the
    /// language actually returned, so a page can mark a fallback as such.
    pub fn get(&self, lang: Lang) -> (&str, Lang) {
        let own = match lang {
            Lang::Fi => None,
            Lang::Sv => self.sv.as_deref(),
            Lang::En => self.en.as_deref(),
        };
        match own.filter(|s| !s.trim().is_empty()) {
            Some(s) => (s, lang),
            None => (&self.fi, Lang::Fi),
        }
    }

    /// The text in `lang`, or Finnish when there is none.
    pub fn text(&self, lang: Lang) -> &str {
        self.get(lang).0
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
    fn blank_translation_counts_as_missing() {
        let t = LocalizedText {
            fi: "Kahvila".into(),
            sv: Some("  ".into()),
            en: None,
        };
        assert_eq!(t.get(Lang::Sv).1, Lang::Fi);
    }
}
