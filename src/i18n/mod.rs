//! Translations: `locales/{fi,sv,en}/*.ftl` through Fluent, and number/date formats.

use crate::domain::Lang;
use fluent_templates::fluent_bundle::FluentValue;
use fluent_templates::{static_loader, Loader};
use std::borrow::Cow;
use std::collections::HashMap;
use unic_langid::{langid, LanguageIdentifier};

static_loader! {
    static LOCALES = {
        locales: "./locales",
        fallback_language: "fi",
        // Bidi isolation marks would end up inside attributes and URLs.
        customise: |bundle| bundle.set_use_isolating(false),
    };
}

static FI: LanguageIdentifier = langid!("fi");
static SV: LanguageIdentifier = langid!("sv");
static EN: LanguageIdentifier = langid!("en");

fn langid(lang: Lang) -> &'static LanguageIdentifier {
    match lang {
        Lang::Fi => &FI,
        Lang::Sv => &SV,
        Lang::En => &EN,
    }
}

/// The message `key` in `lang`. A missing key shows as the key itself, which the locale
/// tests catch before it ships.
pub fn t(lang: Lang, key: &str) -> String {
    LOCALES
        .try_lookup(langid(lang), key)
        .unwrap_or_else(|| key.to_string())
}

/// The message `key` with arguments (Fluent variables, e.g. `{ $count }`).
pub fn t_args(lang: Lang, key: &str, args: &[(&'static str, FluentValue<'static>)]) -> String {
    let map: HashMap<Cow<'static, str>, FluentValue<'static>> = args
        .iter()
        .map(|(k, v)| (Cow::Borrowed(*k), v.clone()))
        .collect();
    LOCALES
        .try_lookup_with_args(langid(lang), key, &map)
        .unwrap_or_else(|| key.to_string())
}

/// The name of a language (ISO 639-1 code) in `lang`; an unknown code shows as itself.
pub fn language_name(lang: Lang, code: &str) -> String {
    let key = format!("language-{code}");
    LOCALES
        .try_lookup(langid(lang), &key)
        .unwrap_or_else(|| code.to_string())
}

/// "3/2026": month and year, as Finnish pages show freshness.
pub fn month_year(d: time::OffsetDateTime) -> String {
    // The month in Finland (a record confirmed at 23.30 on the last evening of a month).
    let d = crate::domain::helsinki::local(d);
    format!("{}/{}", u8::from(d.month()), d.year())
}

/// A date in the local convention: 26.11.2026 (fi), 26.11.2026 (sv), 26 Nov 2026 (en).
pub fn date(lang: Lang, d: time::Date) -> String {
    match lang {
        Lang::En => format!("{} {} {}", d.day(), &d.month().to_string()[..3], d.year()),
        _ => format!("{}.{}.{}", d.day(), u8::from(d.month()), d.year()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    fn keys(lang: &str) -> BTreeSet<String> {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("locales")
            .join(lang);
        let mut out = BTreeSet::new();
        for entry in std::fs::read_dir(dir).expect("locale dir") {
            let path = entry.expect("entry").path();
            let text = std::fs::read_to_string(&path).expect("ftl");
            for line in text.lines() {
                if let Some((k, _)) = line.split_once(" =") {
                    if !k.starts_with(['#', ' ', '.', '-']) && !k.is_empty() {
                        out.insert(format!(
                            "{}:{}",
                            path.file_name().unwrap().to_string_lossy(),
                            k.trim()
                        ));
                    }
                }
            }
        }
        out
    }

    #[test]
    fn all_locales_have_the_same_keys() {
        let fi = keys("fi");
        assert!(fi.len() > 50, "finnish locale looks empty");
        for lang in ["sv", "en"] {
            let other = keys(lang);
            let missing: Vec<_> = fi.difference(&other).collect();
            let extra: Vec<_> = other.difference(&fi).collect();
            assert!(
                missing.is_empty() && extra.is_empty(),
                "{lang}: missing {missing:?}, extra {extra:?}"
            );
        }
    }

    #[test]
    fn every_message_resolves_in_every_language() {
        for key in keys("fi") {
            let key = key.split_once(':').unwrap().1;
            for lang in Lang::ALL {
                let args = [
                    ("count", 2.into()),
                    ("date", "3/2026".into()),
                    ("page", 1.into()),
                    ("pages", 2.into()),
                    ("km", "3,5".into()),
                    ("word", "kudonta".into()),
                    ("place", "Lahti".into()),
                    ("filter", "Kunta: Lahti".into()),
                    ("minutes", 3.into()),
                    ("link", "https://kolmonen.fi/fi/confirm?token=x".into()),
                    ("organization", "Kankurin Ilo ry".into()),
                    ("email", "a@example.fi".into()),
                    ("hours", 20.into()),
                    ("radius", 20.into()),
                    ("topics", "eläimet".into()),
                    ("skill", "ruoanlaitto".into()),
                    ("kind", "työkokeilu".into()),
                    ("person", "Aino".into()),
                    ("list", "- Työkokeilu".into()),
                    (
                        "unsubscribe",
                        "https://kolmonen.fi/fi/unsubscribe?token=x".into(),
                    ),
                    ("yours", 20u64.into()),
                    ("controller", "Esimerkki ry, tietosuoja@example.fi".into()),
                    ("days", "2,5".into()),
                    ("year", "2026".into()),
                    ("quarter", "3".into()),
                    ("names", "Lahtis, Hollola".into()),
                    ("network", "Päijät-Hämeen verkosto".into()),
                    ("period", "30.11.2026–7.12.2026".into()),
                    ("event", "Verkostotapaaminen".into()),
                    ("when", "10.3.2027 13.00–15.00".into()),
                    ("value", "stea".into()),
                    ("column", "funders".into()),
                    ("size", "1,2".into()),
                    ("title", "Näin työkokeilu sovitaan".into()),
                    ("version", 2.into()),
                    ("columns", "name_en, aims_fi".into()),
                ];
                assert_ne!(t_args(lang, key, &args), key, "{lang}: {key}");
            }
        }
    }

    #[test]
    fn arguments_are_filled_in() {
        let s = t_args(Lang::Fi, "places-free", &[("count", 2.into())]);
        assert!(s.contains('2'), "{s}");
    }

    #[test]
    fn dates_follow_the_language() {
        let d = time::macros::date!(2026 - 11 - 26);
        assert_eq!(date(Lang::Fi, d), "26.11.2026");
        assert_eq!(date(Lang::En, d), "26 Nov 2026");
    }
}
