//! `kolmonen gen-bench-data`: a national-scale directory for benchmarks. Organizations spread
//! over every municipality (more where more people live, by postal-code count), each with
//! locations, about five services and two opportunities, written in realistic Finnish built
//! from phrases of the field. Deterministic: the same seed gives the same data (and ids).

use crate::domain::*;
use crate::refdata::REF;
use crate::store::DirectoryBatch;
use std::collections::BTreeMap;
use time::{Duration, OffsetDateTime};
use uuid::Uuid;

/// Namespace of generated ids (UUIDv5 of seed and sequence).
const NAMESPACE: Uuid = Uuid::from_u128(0x6b6f_6c6d_6f6e_656e_0000_0000_0000_0b3c);

/// SplitMix64: small, fast, and the same everywhere.
pub(crate) struct Rng(pub(crate) u64);

impl Rng {
    pub(crate) fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    pub(crate) fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
    pub(crate) fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
}

/// (nominative, genitive) of name stems, so names inflect correctly.
const STEMS: &[(&str, &str)] = &[
    ("Harju", "Harjun"),
    ("Järvi", "Järven"),
    ("Kallio", "Kallion"),
    ("Metsä", "Metsän"),
    ("Joki", "Joen"),
    ("Niitty", "Niityn"),
    ("Koski", "Kosken"),
    ("Ranta", "Rannan"),
    ("Mäki", "Mäen"),
    ("Laakso", "Laakson"),
    ("Saari", "Saaren"),
    ("Kivi", "Kiven"),
    ("Silta", "Sillan"),
    ("Tähti", "Tähden"),
    ("Kaari", "Kaaren"),
    ("Lähde", "Lähteen"),
    ("Polku", "Polun"),
    ("Kumpu", "Kummun"),
    ("Salmi", "Salmen"),
    ("Vaara", "Vaaran"),
];

/// Kinds of organization: name part, legal form, suffix.
const KINDS: &[(&str, LegalForm, &str)] = &[
    ("Työttömät", LegalForm::Association, " ry"),
    ("Työpajayhdistys", LegalForm::Association, " ry"),
    ("Nuorisoverstas", LegalForm::Association, " ry"),
    ("Mielenterveysseura", LegalForm::Association, " ry"),
    ("Vapaaehtoiskeskus", LegalForm::Association, " ry"),
    ("Kierrätyskeskus", LegalForm::Association, " ry"),
    ("Setlementti", LegalForm::Association, " ry"),
    ("Monikulttuurinen yhdistys", LegalForm::Association, " ry"),
    ("Eläkeläiset", LegalForm::Association, " ry"),
    ("Kuntoutussäätiö", LegalForm::Foundation, " sr"),
    ("Työllistämissäätiö", LegalForm::Foundation, " sr"),
    ("Palveluosuuskunta", LegalForm::Cooperative, ""),
    ("Sosiaalinen yritys", LegalForm::SocialEnterprise, " Oy"),
    ("Seurakunnan diakoniatyö", LegalForm::Parish, ""),
];

/// Per topic: what the service is called, what one does there, and the role in an opportunity.
const WORK: &[(&str, &str, &str, &str)] = &[
    (
        "animals",
        "Eläintenhoitopaja",
        "hoidetaan eläimiä, ruokitaan ja siivotaan talleja",
        "eläintenhoitaja",
    ),
    (
        "crafts-weaving",
        "Kudontapaja",
        "kudotaan mattoja ja tehdään käsitöitä kangaspuilla",
        "kutoja",
    ),
    (
        "kitchen-cafe",
        "Kahvila ja lounasravintola",
        "valmistetaan lounasta, leivotaan ja palvellaan asiakkaita",
        "keittiöapulainen",
    ),
    (
        "cleaning-property",
        "Kiinteistöhuolto",
        "siivotaan, hoidetaan pihoja ja tehdään pieniä huoltotöitä",
        "kiinteistönhoitaja",
    ),
    (
        "gardening-nature",
        "Puutarhapaja",
        "kasvatetaan taimia, hoidetaan puistoja ja metsiköitä",
        "puutarhuri",
    ),
    (
        "it",
        "IT-paja",
        "korjataan tietokoneita, asennetaan ohjelmia ja neuvotaan käyttäjiä",
        "IT-tukihenkilö",
    ),
    (
        "recycling",
        "Kierrätysmyymälä",
        "lajitellaan, korjataan ja myydään kierrätystavaraa",
        "myymäläapulainen",
    ),
    (
        "construction",
        "Rakennuspaja",
        "remontoidaan, rakennetaan ja maalataan",
        "rakennusapulainen",
    ),
    (
        "arts-culture",
        "Taidepaja",
        "maalataan, valokuvataan ja järjestetään näyttelyitä",
        "taideohjaajan avustaja",
    ),
    (
        "sports",
        "Liikuntaryhmä",
        "liikutaan yhdessä ja ohjataan liikuntavuoroja",
        "liikuntaohjaajan avustaja",
    ),
    (
        "driving-logistics",
        "Kuljetus ja varasto",
        "kuljetetaan tavaraa, pakataan ja hoidetaan varastoa",
        "varastotyöntekijä",
    ),
    (
        "retail-sales",
        "Lähikauppa",
        "palvellaan asiakkaita, täytetään hyllyjä ja hoidetaan kassaa",
        "myyjä",
    ),
    (
        "office",
        "Toimistopalvelut",
        "hoidetaan postia, arkistoidaan ja kirjataan tietoja",
        "toimistoavustaja",
    ),
    (
        "woodwork",
        "Puutyöpaja",
        "tehdään huonekaluja ja korjataan puutavaraa",
        "puuseppä",
    ),
    (
        "metalwork",
        "Metallipaja",
        "hitsataan, sorvataan ja korjataan metallituotteita",
        "metallityöntekijä",
    ),
    (
        "textiles-sewing",
        "Ompelimo",
        "ommellaan, korjataan vaatteita ja tehdään tilaustöitä",
        "ompelija",
    ),
    (
        "childcare",
        "Perhekahvila",
        "leikitään lasten kanssa ja tuetaan vanhempia",
        "lastenhoitaja",
    ),
    (
        "youth-work",
        "Nuorten olohuone",
        "tavataan nuoria, pelataan ja tehdään yhdessä",
        "nuorisotyön avustaja",
    ),
    (
        "food-aid",
        "Ruoka-apu",
        "jaetaan ruokaa, lajitellaan lahjoituksia ja kokataan yhteisiä aterioita",
        "ruoka-avun työntekijä",
    ),
    (
        "peer-support",
        "Vertaistukiryhmä",
        "jaetaan kokemuksia ja tuetaan toisia",
        "vertaisohjaaja",
    ),
    (
        "job-coaching",
        "Työhönvalmennus",
        "etsitään työpaikkoja, harjoitellaan haastatteluja ja tehdään työnhakuasiakirjoja",
        "työvalmentajan avustaja",
    ),
    (
        "career-guidance",
        "Urasuunnittelu",
        "kartoitetaan osaamista ja suunnitellaan koulutusta",
        "ohjaaja",
    ),
    (
        "debt-advice",
        "Talousneuvonta",
        "selvitetään velkoja ja tehdään budjetteja",
        "talousneuvojan avustaja",
    ),
    (
        "language-learning",
        "Suomen kielen kerho",
        "opiskellaan suomea arjen tilanteissa",
        "kielikerhon ohjaaja",
    ),
    (
        "digital-skills",
        "Digitaitojen neuvonta",
        "opetellaan älypuhelimen, verkkopankin ja sähköisten palveluiden käyttöä",
        "digituutori",
    ),
    (
        "media-communications",
        "Mediapaja",
        "tehdään videoita, podcasteja ja verkkosivuja",
        "mediatyöntekijä",
    ),
    (
        "music",
        "Musiikkipaja",
        "soitetaan, lauletaan ja äänitetään",
        "musiikkiohjaajan avustaja",
    ),
    (
        "environment",
        "Ympäristöpaja",
        "siivotaan rantoja, torjutaan vieraslajeja ja kunnostetaan luontoa",
        "ympäristötyöntekijä",
    ),
    (
        "repair-maintenance",
        "Korjauspaja",
        "korjataan polkupyöriä, kodinkoneita ja huonekaluja",
        "korjaaja",
    ),
    (
        "social-care",
        "Kotiapu",
        "autetaan ikäihmisiä arjessa, asioidaan ja ulkoillaan yhdessä",
        "kotiavustaja",
    ),
    (
        "events",
        "Tapahtumatiimi",
        "järjestetään tapahtumia, rakennetaan lavoja ja palvellaan yleisöä",
        "tapahtuma-avustaja",
    ),
    (
        "housing",
        "Asumisen tuki",
        "opetellaan asumisen taitoja ja hoidetaan kotia",
        "asumisohjaajan avustaja",
    ),
    (
        "health-wellbeing",
        "Hyvinvointiryhmä",
        "tehdään yhdessä hyvinvointia tukevia asioita ja liikutaan",
        "hyvinvointiohjaajan avustaja",
    ),
    (
        "entrepreneurship",
        "Yrittäjyyspaja",
        "kokeillaan yrittämistä ja tehdään liiketoimintasuunnitelma",
        "yrittäjyysvalmentajan avustaja",
    ),
    (
        "elderly-care",
        "Palvelutalon vapaaehtoistyö",
        "ulkoillaan, pelataan ja keskustellaan ikäihmisten kanssa",
        "hoiva-avustaja",
    ),
];

/// Per target group: "for whom" (allative plural) in Finnish.
const FOR_WHOM: &[(&str, &str)] = &[
    ("long-term-unemployed", "pitkään työttömänä olleille"),
    ("young-people", "nuorille"),
    ("partially-able", "osatyökykyisille"),
    ("immigrants", "maahan muuttaneille"),
    ("seniors-58", "yli 58-vuotiaille työnhakijoille"),
    ("people-with-disabilities", "vammaisille henkilöille"),
    ("intellectual-disabilities", "kehitysvammaisille"),
    ("mental-health", "mielenterveyskuntoutujille"),
    ("substance-recovery", "päihdekuntoutujille"),
    (
        "school-dropouts",
        "koulutuksen ulkopuolelle jääneille nuorille",
    ),
    ("families", "lapsiperheille"),
    ("elderly", "ikäihmisille"),
    ("everyone", "kaikille"),
    ("ex-offenders", "vankilasta vapautuneille"),
];

const STREETS: &[&str] = &[
    "Kauppakatu",
    "Asemakatu",
    "Koulukatu",
    "Puistotie",
    "Teollisuustie",
    "Rantatie",
    "Kirkkokatu",
    "Myllytie",
    "Pajatie",
    "Torikatu",
    "Sairaalankatu",
    "Urheilutie",
];

const FUNDERS: &[&str] = &["STEA", "ESR+", "kunta", "hyvinvointialue", "säätiö"];

/// Y-tunnus with its check digit (mod 11); `None` for the numbers that have none.
fn business_id(n: u32) -> Option<BusinessId> {
    let digits = format!("{:07}", n % 10_000_000);
    let check = BusinessId::check_digit(&digits)?;
    BusinessId::parse(&format!("{digits}-{check}")).ok()
}

/// Municipalities with their postal codes; weighted by how many postal codes they have.
fn places() -> Vec<(&'static crate::refdata::Municipality, Vec<&'static str>)> {
    let mut by: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for (code, m) in &REF.postcodes {
        by.entry(m.as_str()).or_default().push(code.as_str());
    }
    by.into_iter()
        .filter_map(|(m, mut codes)| {
            codes.sort();
            Some((REF.municipality(m)?, codes))
        })
        .collect()
}

pub struct Generator {
    rng: Rng,
    seed: u64,
    seq: u64,
    places: Vec<(&'static crate::refdata::Municipality, Vec<&'static str>)>,
    /// Cumulative weights over `places`.
    weights: Vec<usize>,
    now: OffsetDateTime,
}

impl Generator {
    pub fn new(seed: u64) -> Self {
        let places = places();
        let mut total = 0;
        let weights = places
            .iter()
            .map(|(_, codes)| {
                total += codes.len();
                total
            })
            .collect();
        Generator {
            rng: Rng(seed),
            seed,
            seq: 0,
            places,
            weights,
            now: now_micros(),
        }
    }

    fn id(&mut self) -> Uuid {
        self.seq += 1;
        Uuid::new_v5(&NAMESPACE, format!("{}:{}", self.seed, self.seq).as_bytes())
    }

    /// Each municipality at least once; beyond that, weighted by postal codes.
    fn place(&mut self, nth: usize) -> usize {
        if nth < self.places.len() {
            return nth;
        }
        let total = *self.weights.last().unwrap_or(&1);
        let x = self.rng.below(total);
        self.weights.partition_point(|w| *w <= x)
    }

    fn days_ago(&mut self, max: i64) -> OffsetDateTime {
        self.now - Duration::days(self.rng.below(max as usize) as i64)
    }

    fn groups(&mut self) -> Vec<String> {
        let n = 1 + self.rng.below(3);
        let mut g: Vec<String> = (0..n)
            .map(|_| self.rng.pick(FOR_WHOM).0.to_string())
            .collect();
        g.sort();
        g.dedup();
        g
    }

    fn whom(groups: &[String]) -> String {
        let words: Vec<&str> = groups
            .iter()
            .filter_map(|g| FOR_WHOM.iter().find(|(id, _)| id == g).map(|(_, w)| *w))
            .collect();
        match words.as_slice() {
            [] => "kaikille".into(),
            [one] => one.to_string(),
            [rest @ .., last] => format!("{} ja {last}", rest.join(", ")),
        }
    }

    /// One organization with everything it has; `nth` spreads them over municipalities.
    pub fn organization(&mut self, nth: usize, b: &mut DirectoryBatch) {
        let (m, codes) = {
            let i = self.place(nth);
            let (m, codes) = &self.places[i];
            (*m, codes.clone())
        };
        let stem = *self.rng.pick(STEMS);
        let (kind, legal_form, suffix) = *self.rng.pick(KINDS);
        let org_id = OrganizationId(self.id());
        let name = format!("{} {kind} {}{suffix}", stem.1, m.name_fi);
        let main = *self.rng.pick(WORK);
        let groups = self.groups();
        let verified_at = self.days_ago(500);
        b.organizations.push(Organization {
            id: org_id,
            name: name.clone(),
            legal_form,
            business_id: business_id(1_000_000 + (nth as u32) * 7),
            description: LocalizedText::fi(format!(
                "{name} tarjoaa {} ohjattua toimintaa ja tukea työllistymiseen {}. Meillä {}. \
                 Toimimme {} alueella ja teemme yhteistyötä työllisyyspalveluiden kanssa.",
                Self::whom(&groups),
                m.name_fi,
                main.2,
                m.region_fi
            )),
            website: Some(format!("https://example.fi/{}", org_id.0.simple())),
            email: Some(format!(
                "info-{}@example.fi",
                &org_id.0.simple().to_string()[..8]
            )),
            phones: vec![Phone {
                number: format!("+358 40 {:03} {:04}", nth % 1000, self.rng.below(10_000)),
                description: None,
            }],
            areas_served: vec![m.code.clone()],
            networks: Vec::new(),
            verified: self.rng.chance(70),
            last_verified_at: verified_at,
            updated_at: verified_at,
        });
        let n_locations = 1 + usize::from(self.rng.chance(40));
        let mut locations = Vec::new();
        for i in 0..n_locations {
            let id = LocationId(self.id());
            let postal = *self.rng.pick(&codes);
            let jitter = |r: &mut Rng| (r.unit() - 0.5) * 0.08;
            b.locations.push(Location {
                id,
                organization_id: Some(org_id),
                name: LocalizedText::fi(if i == 0 {
                    format!("{} {}", stem.0, main.1.to_lowercase())
                } else {
                    format!("{} toimipiste {}", stem.0, i + 1)
                }),
                street: format!("{} {}", self.rng.pick(STREETS), 1 + self.rng.below(60)),
                postal_code: postal.to_string(),
                country: "FI".into(),
                city: None,
                municipality_code: Some(m.code.clone()),
                latitude: Some(m.latitude + jitter(&mut self.rng)),
                longitude: Some(m.longitude + jitter(&mut self.rng) * 2.0),
                accessibility: self
                    .rng
                    .chance(50)
                    .then(|| LocalizedText::fi("Esteetön sisäänkäynti ja invawc.")),
            });
            locations.push(id);
        }
        let mut services = Vec::new();
        let n_services = 3 + self.rng.below(5);
        for i in 0..n_services {
            let work = if i == 0 { main } else { *self.rng.pick(WORK) };
            let groups = self.groups();
            let activity = self.rng.chance(60);
            let verified_at = self.days_ago(600);
            let id = ServiceId(self.id());
            let location = *self.rng.pick(&locations);
            b.services.push(Service {
                id,
                organization_id: org_id,
                name: LocalizedText::fi(format!("{} {}", work.1, m.name_fi)),
                description: LocalizedText::fi(format!(
                    "{} on tarkoitettu {}. Pajalla {}. Toiminta on maksutonta ja siihen voi tulla \
                     ilman lähetettä. Ohjaaja auttaa löytämään omat vahvuudet ja seuraavan askeleen \
                     kohti työtä tai koulutusta.",
                    work.1,
                    Self::whom(&groups),
                    work.2
                )),
                kind: if activity {
                    ServiceKind::Activity
                } else {
                    ServiceKind::Service
                },
                target_groups: groups,
                topics: vec![work.0.to_string()],
                languages: if self.rng.chance(20) {
                    vec!["fi".into(), "en".into()]
                } else {
                    vec!["fi".into()]
                },
                free: activity || self.rng.chance(50),
                cost: None,
                eligibility: None,
                min_age: self.rng.chance(30).then_some(16),
                max_age: self.rng.chance(15).then_some(29),
                low_threshold: self.rng.chance(40),
                schedule: Some(LocalizedText::fi(format!(
                    "Ma–pe klo {}–{}",
                    8 + self.rng.below(3),
                    14 + self.rng.below(3)
                ))),
                how_to_get_there: None,
                funding: vec![self.rng.pick(FUNDERS).to_string()],
                location_ids: vec![location],
                last_verified_at: verified_at,
                updated_at: verified_at,
            });
            services.push((id, work, location));
        }
        let n_opportunities = 1 + self.rng.below(3);
        for _ in 0..n_opportunities {
            let (service_id, work, location) = *self.rng.pick(&services);
            let kind = *self.rng.pick(OpportunityType::ALL);
            let label = REF
                .taxonomies
                .opportunity_type(kind.as_str())
                .map(|t| t.label.fi.clone())
                .unwrap_or_default();
            let total = 1 + self.rng.below(4) as i32;
            let free = self.rng.below(total as usize + 1) as i32;
            let part_time = self.rng.chance(50);
            let verified_at = self.days_ago(200);
            let starts = self.now.date() + Duration::days(self.rng.below(90) as i64);
            b.opportunities.push(Opportunity {
                id: OpportunityId(self.id()),
                organization_id: org_id,
                service_id: Some(service_id),
                location_id: Some(location),
                kind,
                title: LocalizedText::fi(format!("{label}: {}", work.3)),
                description: LocalizedText::fi(format!(
                    "Tehtävissä {}. Saat perehdytyksen ja työparin. Sopii myös sinulle, jolla ei \
                     ole aiempaa kokemusta alalta.",
                    work.2
                )),
                requirements: self
                    .rng
                    .chance(50)
                    .then(|| LocalizedText::fi("Kiinnostus alaan ja halu oppia uutta.")),
                how_to_apply: LocalizedText::fi(
                    "Ota yhteyttä ohjaajaan puhelimitse tai tule käymään paikan päällä.",
                ),
                places_total: total,
                places_free: free,
                hours_per_week: Some(if part_time { 20 } else { 30 }),
                part_time,
                topics: vec![work.0.to_string()],
                target_groups: self.groups(),
                starts_on: Some(starts),
                apply_by: self.rng.chance(60).then(|| starts - Duration::days(7)),
                status: if free > 0 {
                    OpportunityStatus::Open
                } else {
                    OpportunityStatus::Full
                },
                last_verified_at: verified_at,
                updated_at: verified_at,
            });
        }
        b.contacts.push(Contact {
            id: ContactId(self.id()),
            organization_id: org_id,
            service_id: None,
            title: LocalizedText::fi("Toiminnanjohtaja"),
            name: None,
            email: Some(format!(
                "johto-{}@example.fi",
                &org_id.0.simple().to_string()[..8]
            )),
            phone: None,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generated_records_are_valid_and_deterministic() {
        let mut a = DirectoryBatch::default();
        let mut b = DirectoryBatch::default();
        let (mut ga, mut gb) = (Generator::new(7), Generator::new(7));
        for i in 0..400 {
            ga.organization(i, &mut a);
            gb.organization(i, &mut b);
        }
        assert_eq!(a.organizations.len(), 400);
        for o in &a.organizations {
            o.validate().expect("organization");
        }
        for l in &a.locations {
            l.validate().expect("location");
        }
        for s in &a.services {
            s.validate().expect("service");
        }
        for o in &a.opportunities {
            o.validate().expect("opportunity");
        }
        // Every municipality gets at least one organization first.
        let municipalities: std::collections::HashSet<_> = a
            .locations
            .iter()
            .filter_map(|l| l.municipality_code.clone())
            .collect();
        assert!(municipalities.len() >= 290, "{}", municipalities.len());
        let ids = |b: &DirectoryBatch| b.services.iter().map(|s| s.id).collect::<Vec<_>>();
        assert_eq!(ids(&a), ids(&b));
        assert_eq!(
            a.services.iter().map(|s| &s.name).collect::<Vec<_>>(),
            b.services.iter().map(|s| &s.name).collect::<Vec<_>>()
        );
    }

    #[test]
    fn business_ids_carry_their_check_digit() {
        assert_eq!(
            business_id(1_572_860).map(|b| b.to_string()),
            Some("1572860-0".into())
        );
        assert!((0..1000).filter_map(business_id).count() > 850);
    }
}
