//! The query mix of the search benchmarks: what people type, with two facets and a
//! distance, over the generated national data (`kolmonen gen-bench-data`).

/// Words people search with (inflected, compounds, parts).
const WORDS: &[&str] = &[
    "työkokeilu",
    "kudonta",
    "eläinten",
    "kahvila",
    "nuorille",
    "kierrätys",
    "puutyö",
    "vapaaehtoinen",
    "palkkatuella",
    "keittiö",
    "siivous",
    "ompelu",
    "pajat",
    "digituki",
    "ruoka-apu",
    "vertaistuki",
    "kuntouttava",
    "oppisopimus",
    "metallityö",
    "pihatyöt",
];

/// (postal code, municipality code) of towns of different sizes.
const PLACES: &[(&str, &str)] = &[
    ("00100", "091"),
    ("15140", "398"),
    ("33100", "837"),
    ("90100", "564"),
    ("20100", "853"),
    ("40100", "179"),
    ("70100", "297"),
    ("80100", "167"),
    ("18100", "111"),
    ("96100", "698"),
];

const FACETS: &[&str] = &[
    "type=opportunity",
    "type=service",
    "topic=animals",
    "target_group=young-people",
    "target_group=long-term-unemployed",
    "open=true",
];

/// `n` query strings in a fixed order: words, a municipality, one more facet, a radius.
pub fn typical_queries(n: usize) -> Vec<String> {
    (0..n)
        .map(|i| {
            let w = WORDS[i % WORDS.len()];
            let (postcode, municipality) = PLACES[(i / WORDS.len()) % PLACES.len()];
            let facet = FACETS[(i / 3) % FACETS.len()];
            let q: String = url_escape(w);
            format!("q={q}&municipality={municipality}&{facet}&near={postcode}&radius_km=30")
        })
        .collect()
}

fn url_escape(s: &str) -> String {
    serde_urlencoded::to_string([("q", s)])
        .unwrap_or_default()
        .trim_start_matches("q=")
        .to_string()
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_mix_is_fixed_and_valid() {
        let a = super::typical_queries(40);
        assert_eq!(a, super::typical_queries(40));
        for q in &a {
            let p: crate::search::SearchParams = serde_urlencoded::from_str(q).unwrap();
            let (_, errors) = p.check(crate::domain::Lang::Fi);
            assert!(errors.is_empty(), "{q}: {errors:?}");
        }
    }
}
