//! Reference data shipped in `data/`: postal codes, municipalities, places and taxonomies.
//! Embedded at build time so the binary needs no files at run time.

use crate::domain::{Lang, LocalizedText};
use serde::Deserialize;
use std::collections::HashMap;
use std::sync::LazyLock;

#[derive(Debug, Clone)]
pub struct Municipality {
    pub code: String,
    pub name_fi: String,
    pub name_sv: String,
    pub region_code: String,
    pub region_fi: String,
    pub region_sv: String,
    pub latitude: f64,
    pub longitude: f64,
}

impl Municipality {
    /// Municipality names exist in Finnish and Swedish; English uses the Finnish one.
    pub fn name(&self, lang: Lang) -> &str {
        match lang {
            Lang::Sv => &self.name_sv,
            _ => &self.name_fi,
        }
    }
    pub fn region(&self, lang: Lang) -> &str {
        match lang {
            Lang::Sv => &self.region_sv,
            _ => &self.region_fi,
        }
    }
}

#[derive(Debug, Clone, Deserialize)]
pub struct Term {
    pub id: String,
    pub label: LocalizedText,
    #[serde(default)]
    pub explanation: Option<LocalizedText>,
}

#[derive(Debug, Deserialize)]
pub struct Taxonomies {
    pub target_groups: Vec<Term>,
    pub topics: Vec<Term>,
    pub opportunity_types: Vec<Term>,
    /// Who funds a project (ESR+, STEA, TEM, ELY-keskus, …).
    #[serde(default)]
    pub funders: Vec<Term>,
}

/// The term a spreadsheet's cell names: by its id or its label in any language, in any case
/// of letters ("STEA", "ESR+", "Nuoret").
pub fn term_named<'a>(terms: &'a [Term], cell: &str) -> Option<&'a Term> {
    let cell = cell.trim().to_lowercase();
    terms.iter().find(|t| {
        t.id.to_lowercase() == cell
            || [Lang::Fi, Lang::Sv, Lang::En]
                .iter()
                .any(|l| t.label.text(*l).to_lowercase() == cell)
    })
}

impl Taxonomies {
    pub fn target_group(&self, id: &str) -> Option<&Term> {
        self.target_groups.iter().find(|t| t.id == id)
    }
    pub fn topic(&self, id: &str) -> Option<&Term> {
        self.topics.iter().find(|t| t.id == id)
    }
    pub fn opportunity_type(&self, id: &str) -> Option<&Term> {
        self.opportunity_types.iter().find(|t| t.id == id)
    }
    pub fn funder(&self, id: &str) -> Option<&Term> {
        self.funders.iter().find(|t| t.id == id)
    }
}

/// A place with coordinates (GeoNames), found by its name or alternate names.
#[derive(Debug, Clone)]
pub struct Place {
    pub name: String,
    pub latitude: f64,
    pub longitude: f64,
    pub population: u64,
    /// Lower-case name and alternate names.
    names: Vec<String>,
}

/// A skill of the skills taxonomy (`data/skills.csv`), grouped like ESCO's skill pillar.
#[derive(Debug, Clone)]
pub struct Skill {
    pub id: String,
    pub group: String,
    pub label: LocalizedText,
    /// Topics of the topic taxonomy where the skill is used (for matching).
    pub topics: Vec<String>,
}

/// A group of skills, in the file's order.
#[derive(Debug, Clone)]
pub struct SkillGroup {
    pub id: String,
    pub label: LocalizedText,
}

pub struct RefData {
    /// postal code → municipality code
    pub postcodes: HashMap<String, String>,
    /// By population, largest first.
    pub places: Vec<Place>,
    pub municipalities: HashMap<String, Municipality>,
    pub taxonomies: Taxonomies,
    pub skill_groups: Vec<SkillGroup>,
    /// In the file's order (grouped).
    pub skills: Vec<Skill>,
}

impl RefData {
    pub fn skill(&self, id: &str) -> Option<&Skill> {
        self.skills.iter().find(|s| s.id == id)
    }
    pub fn municipality(&self, code: &str) -> Option<&Municipality> {
        self.municipalities.get(code)
    }
    pub fn municipality_of_postcode(&self, postcode: &str) -> Option<&Municipality> {
        self.postcodes
            .get(postcode)
            .and_then(|c| self.municipalities.get(c))
    }
    /// The most populous place with this name or alternate name (any case).
    pub fn find_place(&self, s: &str) -> Option<&Place> {
        let s = s.trim().to_lowercase();
        self.places.iter().find(|p| p.names.contains(&s))
    }
    /// Finds a municipality by its code or its Finnish or Swedish name.
    pub fn find_municipality(&self, s: &str) -> Option<&Municipality> {
        let s = s.trim();
        self.municipalities.get(s).or_else(|| {
            self.municipalities.values().find(|m| {
                m.name_fi.eq_ignore_ascii_case(s)
                    || m.name_sv.eq_ignore_ascii_case(s)
                    || m.name_fi.to_lowercase() == s.to_lowercase()
            })
        })
    }
}

fn load() -> RefData {
    #[derive(Deserialize)]
    struct PostRow {
        postcode: String,
        municipality_code: String,
    }
    let mut postcodes = HashMap::new();
    let mut rdr = csv::Reader::from_reader(include_str!("../data/postcodes.csv").as_bytes());
    for row in rdr.deserialize::<PostRow>().flatten() {
        postcodes.insert(row.postcode, row.municipality_code);
    }
    #[derive(Deserialize)]
    struct MunRow {
        code: String,
        name_fi: String,
        name_sv: String,
        region_code: String,
        region_fi: String,
        region_sv: String,
        latitude: f64,
        longitude: f64,
    }
    let mut municipalities = HashMap::new();
    let mut rdr = csv::Reader::from_reader(include_str!("../data/municipalities.csv").as_bytes());
    for m in rdr.deserialize::<MunRow>().flatten() {
        municipalities.insert(
            m.code.clone(),
            Municipality {
                code: m.code,
                name_fi: m.name_fi,
                name_sv: m.name_sv,
                region_code: m.region_code,
                region_fi: m.region_fi,
                region_sv: m.region_sv,
                latitude: m.latitude,
                longitude: m.longitude,
            },
        );
    }
    #[derive(Deserialize)]
    struct PlaceRow {
        name: String,
        latitude: f64,
        longitude: f64,
        population: u64,
        alternatenames: String,
    }
    let mut places = Vec::new();
    let mut rdr = csv::Reader::from_reader(include_str!("../data/places.csv").as_bytes());
    for p in rdr.deserialize::<PlaceRow>().flatten() {
        let mut names: Vec<String> = std::iter::once(p.name.as_str())
            .chain(p.alternatenames.split('|'))
            .filter(|n| !n.is_empty())
            .map(str::to_lowercase)
            .collect();
        names.dedup();
        places.push(Place {
            name: p.name,
            latitude: p.latitude,
            longitude: p.longitude,
            population: p.population,
            names,
        });
    }
    places.sort_by_key(|p| std::cmp::Reverse(p.population));
    // Districts, villages and former municipalities (Nastola, Hollola kk, Hämeenkoski) are
    // the names of postal areas: a place at its municipality's centre unless the places
    // above know it better.
    #[derive(Deserialize)]
    struct AreaRow {
        name_fi: String,
        name_sv: String,
        municipality_code: String,
    }
    let mut known: std::collections::HashSet<String> = places
        .iter()
        .flat_map(|p| p.names.iter().cloned())
        .chain(
            municipalities
                .values()
                .flat_map(|m: &Municipality| [m.name_fi.to_lowercase(), m.name_sv.to_lowercase()]),
        )
        .collect();
    let mut rdr = csv::Reader::from_reader(include_str!("../data/postal_areas.csv").as_bytes());
    for a in rdr.deserialize::<AreaRow>().flatten() {
        let Some(m) = municipalities.get(&a.municipality_code) else {
            continue;
        };
        let mut names = vec![a.name_fi.to_lowercase(), a.name_sv.to_lowercase()];
        // "Hollola kk" is what people call Hollolan kirkonkylä (the church village).
        if let Some(base) = names[0].clone().strip_suffix(" kk") {
            names.push(format!("{base} kirkonkylä"));
            if base.ends_with(['a', 'e', 'i', 'o', 'u', 'y', 'ä', 'ö']) {
                names.push(format!("{base}n kirkonkylä"));
            }
        }
        names.dedup();
        if names.iter().any(|n| known.contains(n)) {
            continue;
        }
        known.extend(names.iter().cloned());
        places.push(Place {
            name: a.name_fi,
            latitude: m.latitude,
            longitude: m.longitude,
            population: 0,
            names,
        });
    }
    let taxonomies: Taxonomies = serde_json::from_str(include_str!("../data/taxonomies.json"))
        .expect("data/taxonomies.json is valid (checked by a test)");
    let (skill_groups, skills) = load_skills();
    RefData {
        postcodes,
        places,
        municipalities,
        taxonomies,
        skill_groups,
        skills,
    }
}

fn load_skills() -> (Vec<SkillGroup>, Vec<Skill>) {
    #[derive(Deserialize)]
    struct Row {
        group: String,
        id: String,
        fi: String,
        sv: String,
        en: String,
        topics: String,
    }
    let mut groups = Vec::new();
    let mut skills = Vec::new();
    let mut rdr = csv::Reader::from_reader(include_str!("../data/skills.csv").as_bytes());
    for r in rdr.deserialize::<Row>().flatten() {
        let label = LocalizedText {
            fi: r.fi,
            sv: Some(r.sv),
            en: Some(r.en),
        };
        if r.id.is_empty() {
            groups.push(SkillGroup { id: r.group, label });
        } else {
            skills.push(Skill {
                id: r.id,
                group: r.group,
                label,
                topics: r.topics.split_whitespace().map(str::to_string).collect(),
            });
        }
    }
    (groups, skills)
}

pub static REF: LazyLock<RefData> = LazyLock::new(load);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reference_data_loads_completely() {
        assert!(REF.postcodes.len() > 3000);
        assert!(REF.municipalities.len() > 300);
        assert!(REF.taxonomies.topics.len() >= 30);
        assert_eq!(REF.taxonomies.opportunity_types.len(), 6);
    }

    #[test]
    fn postal_code_gives_municipality() {
        assert_eq!(
            REF.municipality_of_postcode("15150")
                .map(|m| m.name_fi.as_str()),
            Some("Lahti")
        );
        assert_eq!(
            REF.municipality_of_postcode("15150")
                .map(|m| m.name_sv.as_str()),
            Some("Lahtis")
        );
        assert!(REF.municipality_of_postcode("00001").is_none());
    }

    #[test]
    fn every_term_has_all_three_languages() {
        let t = &REF.taxonomies;
        for term in t
            .target_groups
            .iter()
            .chain(&t.topics)
            .chain(&t.opportunity_types)
        {
            assert!(
                term.label.sv.is_some() && term.label.en.is_some(),
                "{}",
                term.id
            );
        }
    }

    #[test]
    fn the_skills_taxonomy_is_complete() {
        assert!(REF.skills.len() >= 200, "{}", REF.skills.len());
        assert!(REF.skill_groups.len() >= 8);
        let mut ids = std::collections::HashSet::new();
        for s in &REF.skills {
            assert!(ids.insert(&s.id), "{} twice", s.id);
            assert!(REF.skill_groups.iter().any(|g| g.id == s.group), "{}", s.id);
            assert!(s.label.sv.is_some() && s.label.en.is_some(), "{}", s.id);
            for t in &s.topics {
                assert!(REF.taxonomies.topic(t).is_some(), "{} → {t}", s.id);
            }
        }
    }

    #[test]
    fn opportunity_types_match_the_enum() {
        for t in crate::domain::OpportunityType::ALL {
            assert!(REF.taxonomies.opportunity_type(t.as_str()).is_some());
        }
    }
}
