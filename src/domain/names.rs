//! Organization names compared as people mean them: "Kankurin Ilo ry" and "KANKURIN ILO r.y."
//! are one name; "Kankurin Ilo" and "Kankurien Ilo" are nearly one.

use std::collections::HashSet;

/// Words of an organization's name that say its legal form, not who it is.
const LEGAL_FORMS: &[&str] = &[
    "ry",
    "rf",
    "oy",
    "ab",
    "oyj",
    "abp",
    "sr",
    "säätiö",
    "stiftelse",
    "osk",
    "osuuskunta",
    "andelslag",
    "tmi",
    "ky",
    "kb",
];

/// Lower case, letters and digits only.
pub fn folded(s: &str) -> String {
    s.chars()
        .flat_map(char::to_lowercase)
        .filter(|c| c.is_alphanumeric())
        .collect()
}

/// The folded words of a name without its legal form.
pub fn significant_words(name: &str) -> Vec<String> {
    name.split(|c: char| c.is_whitespace() || c == ',' || c == '-')
        .map(folded)
        .filter(|w| !w.is_empty() && !LEGAL_FORMS.contains(&w.as_str()))
        .collect()
}

fn trigrams(s: &str) -> HashSet<[char; 3]> {
    let chars: Vec<char> = format!("  {s} ").chars().collect();
    chars.windows(3).map(|w| [w[0], w[1], w[2]]).collect()
}

/// How alike two names are, from 0 (nothing shared) to 1 (the same name): the Jaccard index
/// of the character trigrams of their significant words.
pub fn similarity(a: &str, b: &str) -> f64 {
    let (a, b) = (
        significant_words(a).join(" "),
        significant_words(b).join(" "),
    );
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    if a == b {
        return 1.0;
    }
    let (ta, tb) = (trigrams(&a), trigrams(&b));
    let shared = ta.intersection(&tb).count();
    shared as f64 / (ta.len() + tb.len() - shared) as f64
}

/// Names this alike are shown as possible duplicates before a new profile is made.
pub const SIMILAR: f64 = 0.5;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn legal_forms_and_case_do_not_count() {
        assert_eq!(significant_words("Kankurin Ilo ry"), ["kankurin", "ilo"]);
        assert_eq!(similarity("Kankurin Ilo ry", "KANKURIN ILO r.y."), 1.0);
        assert_eq!(similarity("Lahden Työpaja Oy", "lahden työpaja"), 1.0);
    }

    #[test]
    fn near_names_are_similar_and_others_are_not() {
        assert!(similarity("Kankurin Ilo ry", "Kankurien Ilo ry") >= SIMILAR);
        assert!(similarity("Hyvän Mielen Talo", "Hyvän mielen talo ry, Lahti") >= SIMILAR);
        assert!(similarity("Kankurin Ilo ry", "Lahden Työpaja") < SIMILAR);
        assert!(similarity("Nuorten Ystävät", "Vanhusten Ystävät") < 0.6);
        assert_eq!(similarity("ry", "Kankurin Ilo"), 0.0);
    }
}
