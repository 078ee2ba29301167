//! People: a job seeker's own profile (skills, interests, availability, who may see it),
//! interest in opportunities with message threads, explained matching, the talent pool
//! and saved searches (issue 6).

pub mod alerts;
pub mod bench;
pub mod matching;
pub mod portfolio;
pub mod talent;

pub use crate::domain::people::{
    Message, PortfolioItem, Profile, ProfileView, SavedSearch, Side, Thread, ThreadStatus,
    Visibility,
};
use crate::domain::{Lang, OpportunityType};
use crate::manage::records::{iso, parse_date, parse_number, Data};
use crate::refdata::REF;

pub const MAX_INTRODUCTION: usize = 2000;
pub const MAX_DISPLAY_NAME: usize = 60;
pub const MAX_FREE_SKILLS: usize = 10;
pub const MAX_FREE_SKILL_CHARS: usize = 60;
pub const MAX_SKILLS: usize = 40;
pub const MAX_TRAVEL_KM: i32 = 300;
pub const MAX_MESSAGE: usize = 4000;
/// Languages a person can say they speak (ISO 639-1), the common ones in Finland.
pub const LANGUAGES: &[&str] = &[
    "fi", "sv", "en", "ru", "et", "ar", "so", "uk", "fa", "ku", "sq", "vi", "th", "zh", "es", "fr",
    "de", "tr", "pl", "se",
];

/// Age is kept as a band only.
pub const AGE_BANDS: &[&str] = &["under-25", "25-29", "30-39", "40-49", "50-57", "58-plus"];

impl Profile {
    /// Where the person is: their municipality's centre.
    pub fn point(&self) -> Option<(f64, f64)> {
        self.municipality
            .as_deref()
            .and_then(|c| REF.municipality(c))
            .map(|m| (m.latitude, m.longitude))
    }

    /// The name shown to others.
    pub fn shown_name(&self, lang: Lang) -> String {
        if self.display_name.trim().is_empty() {
            crate::i18n::t(lang, "person-anonymous")
        } else {
            self.display_name.clone()
        }
    }
}

/// What the profile form holds, as typed.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ProfileForm {
    pub display_name: String,
    pub introduction: String,
    pub skills: Vec<String>,
    pub free_skills: String,
    pub interests: Vec<String>,
    pub languages: Vec<String>,
    pub kinds: Vec<String>,
    pub municipality: String,
    pub travel_km: String,
    pub hours_per_week: String,
    pub part_time: bool,
    pub available_from: String,
    pub age_band: String,
    pub pool_58: bool,
    pub expert_by_experience: bool,
    pub visibility: String,
}

impl ProfileForm {
    pub fn read(d: &Data) -> Self {
        ProfileForm {
            display_name: d.get("display_name"),
            introduction: d.get("introduction"),
            skills: d.all("skills"),
            free_skills: d.get("free_skills"),
            interests: d.all("interests"),
            languages: d.all("languages"),
            kinds: d.all("kinds"),
            municipality: d.get("municipality"),
            travel_km: d.get("travel_km"),
            hours_per_week: d.get("hours_per_week"),
            part_time: d.on("part_time"),
            available_from: d.get("available_from"),
            age_band: d.get("age_band"),
            pool_58: d.on("pool_58"),
            expert_by_experience: d.on("expert_by_experience"),
            visibility: d.get("visibility"),
        }
    }

    pub fn of(p: &Profile) -> Self {
        ProfileForm {
            display_name: p.display_name.clone(),
            introduction: p.introduction.clone(),
            skills: p.skills.clone(),
            free_skills: p.free_skills.join(", "),
            interests: p.interests.clone(),
            languages: p.languages.clone(),
            kinds: p.kinds.iter().map(|k| k.as_str().to_string()).collect(),
            municipality: p.municipality.clone().unwrap_or_default(),
            travel_km: p.travel_km.map(|n| n.to_string()).unwrap_or_default(),
            hours_per_week: p.hours_per_week.map(|n| n.to_string()).unwrap_or_default(),
            part_time: p.part_time,
            available_from: iso(p.available_from),
            age_band: p.age_band.clone().unwrap_or_default(),
            pool_58: p.pool_58,
            expert_by_experience: p.expert_by_experience,
            visibility: p.visibility.as_str().to_string(),
        }
    }

    /// The profile this form makes of `old`, or (field, translation key) for each field
    /// that is wrong.
    pub fn apply(
        &self,
        old: &Profile,
        now: time::OffsetDateTime,
    ) -> Result<Profile, Vec<(&'static str, &'static str)>> {
        let mut errors = Vec::new();
        let text = |s: &str| -> String {
            s.chars()
                .filter(|c| {
                    (!c.is_control() || *c == '\n') && !crate::domain::line::is_deceptive(*c)
                })
                .collect::<String>()
                .replace("\r\n", "\n")
                .trim()
                .to_string()
        };
        // A name is one line without bidi overrides or invisible characters: "rtl" written
        // with an override must not show as "ltr".
        let display_name = self.display_name.trim().to_string();
        if display_name.chars().count() > MAX_DISPLAY_NAME {
            errors.push(("display_name", "edit-error-too-long"));
        } else if !crate::domain::is_one_line(&display_name) {
            errors.push(("display_name", "edit-error-one-line"));
        }
        let introduction = text(&self.introduction);
        if introduction.chars().count() > MAX_INTRODUCTION {
            errors.push(("introduction", "edit-error-too-long"));
        }
        let mut skills: Vec<String> = Vec::new();
        for s in &self.skills {
            if REF.skill(s).is_none() {
                errors.push(("skills", "edit-error-unknown-choice"));
                break;
            }
            if !skills.contains(s) {
                skills.push(s.clone());
            }
        }
        if skills.len() > MAX_SKILLS {
            errors.push(("skills", "person-error-too-many-skills"));
        }
        let free_skills: Vec<String> = text(&self.free_skills)
            .split([',', '\n', ';'])
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_string)
            .collect();
        if free_skills.len() > MAX_FREE_SKILLS
            || free_skills
                .iter()
                .any(|s| s.chars().count() > MAX_FREE_SKILL_CHARS || !crate::domain::is_one_line(s))
        {
            errors.push(("free_skills", "person-error-free-skills"));
        }
        let mut interests = Vec::new();
        for t in &self.interests {
            if REF.taxonomies.topic(t).is_none() {
                errors.push(("interests", "edit-error-unknown-choice"));
                break;
            }
            if !interests.contains(t) {
                interests.push(t.clone());
            }
        }
        let mut languages = Vec::new();
        for l in &self.languages {
            if !LANGUAGES.contains(&l.as_str()) {
                errors.push(("languages", "edit-error-unknown-choice"));
                break;
            }
            if !languages.contains(l) {
                languages.push(l.clone());
            }
        }
        let mut kinds = Vec::new();
        for k in &self.kinds {
            match OpportunityType::parse(k) {
                Some(k) if !kinds.contains(&k) => kinds.push(k),
                Some(_) => {}
                None => {
                    errors.push(("kinds", "edit-error-unknown-choice"));
                    break;
                }
            }
        }
        let municipality = match self.municipality.trim() {
            "" => None,
            m => match REF.find_municipality(m) {
                Some(m) => Some(m.code.clone()),
                None => {
                    errors.push(("municipality", "register-error-municipality"));
                    None
                }
            },
        };
        let travel_km = parse_number(&self.travel_km, 0..=MAX_TRAVEL_KM).unwrap_or_else(|_| {
            errors.push(("travel_km", "person-error-travel"));
            None
        });
        let hours_per_week = parse_number(&self.hours_per_week, 1..=60).unwrap_or_else(|_| {
            errors.push(("hours_per_week", "edit-error-hours"));
            None
        });
        let available_from = parse_date(&self.available_from).unwrap_or_else(|_| {
            errors.push((
                "available_from",
                crate::manage::records::date_error(&self.available_from),
            ));
            None
        });
        let age_band = match self.age_band.trim() {
            "" => None,
            b if AGE_BANDS.contains(&b) => Some(b.to_string()),
            _ => {
                errors.push(("age_band", "edit-error-unknown-choice"));
                None
            }
        };
        if self.pool_58 && age_band.as_deref() != Some("58-plus") {
            errors.push(("pool_58", "person-error-pool-58"));
        }
        let visibility = match Visibility::parse(self.visibility.trim()) {
            Some(v) => v,
            None if self.visibility.trim().is_empty() => Visibility::Private,
            None => {
                errors.push(("visibility", "edit-error-unknown-choice"));
                Visibility::Private
            }
        };
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(Profile {
            user_id: old.user_id,
            display_name,
            introduction,
            skills,
            free_skills,
            interests,
            languages,
            kinds,
            municipality,
            travel_km,
            hours_per_week,
            part_time: self.part_time,
            available_from,
            age_band,
            pool_58: self.pool_58,
            expert_by_experience: self.expert_by_experience,
            visibility,
            demo: old.demo,
            created_at: old.created_at,
            updated_at: now,
        })
    }
}

/// Checks a message body: trimmed, not empty, not too long.
pub fn message_body(s: &str) -> Result<String, &'static str> {
    let body: String = s
        .replace("\r\n", "\n")
        .chars()
        .filter(|c| (!c.is_control() || *c == '\n') && !crate::domain::line::is_deceptive(*c))
        .collect::<String>()
        .trim()
        .to_string();
    if body.is_empty() {
        Err("person-error-message")
    } else if body.chars().count() > MAX_MESSAGE {
        Err("edit-error-too-long")
    } else {
        Ok(body)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::UserId;

    fn form(pairs: &[(&str, &str)]) -> ProfileForm {
        let v: Vec<(String, String)> = pairs
            .iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect();
        ProfileForm::read(&Data(&v))
    }

    #[test]
    fn a_profile_is_checked_field_by_field() {
        let old = Profile::empty(UserId::new(), time::OffsetDateTime::UNIX_EPOCH);
        let p = form(&[
            ("introduction", "  Pidän eläimistä.  "),
            ("skills", "animal-care"),
            ("skills", "animal-care"),
            ("interests", "animals"),
            ("municipality", "Lahti"),
            ("hours_per_week", "20"),
            ("visibility", "organizations"),
            ("free_skills", "hevosten kengitys, traktorin ajo"),
            ("age_band", "58-plus"),
            ("pool_58", "on"),
        ])
        .apply(&old, time::OffsetDateTime::UNIX_EPOCH)
        .unwrap();
        assert_eq!(p.introduction, "Pidän eläimistä.");
        assert_eq!(p.skills, vec!["animal-care"]);
        assert_eq!(p.municipality.as_deref(), Some("398"));
        assert_eq!(p.free_skills.len(), 2);
        assert_eq!(p.visibility, Visibility::Organizations);
        assert!(p.pool_58 && p.is_58_plus());
        let errors = form(&[
            ("skills", "juggling-chainsaws"),
            ("interests", "nope"),
            ("municipality", "Atlantis"),
            ("hours_per_week", "200"),
            ("visibility", "everyone"),
            ("available_from", "tomorrow"),
            ("pool_58", "on"),
            ("age_band", "30-39"),
        ])
        .apply(&old, time::OffsetDateTime::UNIX_EPOCH)
        .unwrap_err();
        let fields: Vec<&str> = errors.iter().map(|e| e.0).collect();
        assert_eq!(
            fields,
            vec![
                "skills",
                "interests",
                "municipality",
                "hours_per_week",
                "available_from",
                "pool_58",
                "visibility"
            ]
        );
    }

    #[test]
    fn visibility_decides_who_sees() {
        let mut p = Profile::empty(UserId::new(), time::OffsetDateTime::UNIX_EPOCH);
        assert!(!p.visible_to(true) && !p.visible_to(false));
        p.visibility = Visibility::Organizations;
        assert!(p.visible_to(true) && !p.visible_to(false));
        p.visibility = Visibility::Public;
        assert!(p.visible_to(true) && p.visible_to(false));
    }

    #[test]
    fn messages_are_trimmed_and_limited() {
        assert_eq!(message_body("  hei\r\n "), Ok("hei".to_string()));
        assert!(message_body(" \u{0} ").is_err());
        assert!(message_body(&"a".repeat(MAX_MESSAGE + 1)).is_err());
    }
}
