//! The words the index holds, and what a query word expands to among them.

use super::analyzer::{one_typo, QueryWord, Relation};
use std::collections::HashMap;

/// Most index words one query word stands for (a very common part such as "työ" is in
/// thousands of compounds; the closest ones are kept).
pub const MAX_ALTERNATIVES: usize = 200;

/// Most corrections tried for a word with a typing error.
const MAX_CORRECTIONS: usize = 5;

#[derive(Debug, Default)]
pub struct Vocabulary {
    words: Vec<String>,
    known: HashMap<String, u32>,
    /// Every three-letter piece → the words that contain it.
    grams: HashMap<String, Vec<u32>>,
    /// Word length in letters → words.
    by_len: HashMap<usize, Vec<u32>>,
    /// The highest sequence number of the store's word list seen.
    pub seq: i64,
}

impl Vocabulary {
    pub fn len(&self) -> usize {
        self.words.len()
    }

    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    pub fn contains(&self, w: &str) -> bool {
        self.known.contains_key(w)
    }

    pub fn add(&mut self, w: &str) {
        if self.known.contains_key(w) || w.is_empty() {
            return;
        }
        let id = self.words.len() as u32;
        self.words.push(w.to_string());
        self.known.insert(w.to_string(), id);
        let chars: Vec<char> = w.chars().collect();
        self.by_len.entry(chars.len()).or_default().push(id);
        let mut seen: Vec<String> = Vec::new();
        for g in chars.windows(3) {
            let g: String = g.iter().collect();
            if !seen.contains(&g) {
                self.grams.entry(g.clone()).or_default().push(id);
                seen.push(g);
            }
        }
    }

    /// Index words related to `q` by inflection or compounding.
    fn related(&self, q: &QueryWord) -> Vec<(u32, Relation)> {
        if q.chars() < 3 {
            return self
                .known
                .get(&q.word)
                .map(|id| vec![(*id, Relation::Exact)])
                .unwrap_or_default();
        }
        let Some(ids) = self.grams.get(&q.core()) else {
            return Vec::new();
        };
        ids.iter()
            .filter_map(|id| q.relation(&self.words[*id as usize]).map(|r| (*id, r)))
            .collect()
    }

    /// Whether the index has this word or a form of it at least as long (so that a short
    /// piece such as "vanh" does not count as a word because "van" is one).
    fn has_form(&self, q: &QueryWord) -> bool {
        self.related(q)
            .iter()
            .any(|(id, r)| r.is_strong() && self.words[*id as usize].chars().count() >= q.chars())
    }

    /// The index words a query word stands for, closest first, at most `MAX_ALTERNATIVES`.
    pub fn expand(&self, q: &QueryWord) -> Vec<(String, Relation)> {
        let mut found = self.related(q);
        // A compound in the query also finds its first part: palkkatuki|työ → palkkatuki.
        // Only for a word the index does not have as such: a known compound stands for itself.
        let chars: Vec<char> = q.word.chars().collect();
        if chars.len() >= 8 && !found.iter().any(|(_, r)| *r == Relation::Exact) {
            for i in (5..=chars.len() - 3).rev() {
                let a = QueryWord::new(q.lang, &chars[..i].iter().collect::<String>());
                let b = QueryWord::new(q.lang, &chars[i..].iter().collect::<String>());
                if self.has_form(&a) && self.related(&b).iter().any(|(_, r)| r.is_strong()) {
                    found.extend(
                        self.related(&a)
                            .into_iter()
                            .map(|(id, _)| (id, Relation::Part)),
                    );
                    break;
                }
            }
        }
        // A word the index does not have may be mistyped: try words one error away.
        if q.chars() >= 5 && !found.iter().any(|(_, r)| *r <= Relation::Compound) {
            let n = q.chars();
            let mut corrections: Vec<&str> = (n - 1..=n + 1)
                .filter_map(|l| self.by_len.get(&l))
                .flatten()
                .map(|id| self.words[*id as usize].as_str())
                .filter(|w| one_typo(&q.word, w))
                .collect();
            corrections.sort_unstable();
            corrections.truncate(MAX_CORRECTIONS);
            for c in corrections {
                let cq = QueryWord::new(q.lang, c);
                found.extend(
                    self.related(&cq)
                        .into_iter()
                        .map(|(id, _)| (id, Relation::Typo)),
                );
            }
        }
        found.sort_by(|a, b| {
            a.1.cmp(&b.1)
                .then_with(|| {
                    self.words[a.0 as usize]
                        .len()
                        .cmp(&self.words[b.0 as usize].len())
                })
                .then_with(|| a.0.cmp(&b.0))
        });
        let mut seen = std::collections::HashSet::new();
        found
            .into_iter()
            .filter(|(id, _)| seen.insert(*id))
            .take(MAX_ALTERNATIVES)
            .map(|(id, r)| (self.words[id as usize].clone(), r))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Lang;

    fn vocab(words: &[&str]) -> Vocabulary {
        let mut v = Vocabulary::default();
        for w in words {
            v.add(w);
        }
        v
    }

    fn expand(v: &Vocabulary, q: &str) -> Vec<(String, Relation)> {
        v.expand(&QueryWord::new(Lang::Fi, q))
    }

    #[test]
    fn expansions_are_ordered_and_typed() {
        let v = vocab(&[
            "kokeilu",
            "työkokeilu",
            "kokeiluja",
            "palkkatuki",
            "palkkatuella",
            "työ",
            "kudontapaja",
        ]);
        let e = expand(&v, "kokeilu");
        assert_eq!(e[0], ("kokeilu".into(), Relation::Exact));
        assert!(e.contains(&("kokeiluja".into(), Relation::Inflected)));
        assert!(e.contains(&("työkokeilu".into(), Relation::Compound)));
        let e = expand(&v, "palkkatukityöt");
        assert!(e.contains(&("palkkatuki".into(), Relation::Part)), "{e:?}");
        assert!(
            e.contains(&("palkkatuella".into(), Relation::Part)),
            "{e:?}"
        );
        let e = expand(&v, "kudonta");
        assert!(
            e.contains(&("kudontapaja".into(), Relation::Compound)),
            "{e:?}"
        );
    }

    #[test]
    fn typing_errors_only_when_nothing_else_matches() {
        let v = vocab(&["kudontapaja", "kudonta", "paikka", "palkka"]);
        let e = expand(&v, "kudnota");
        assert!(e.contains(&("kudonta".into(), Relation::Typo)), "{e:?}");
        assert!(e.contains(&("kudontapaja".into(), Relation::Typo)), "{e:?}");
        // A known word is not "corrected" to its neighbour.
        assert!(!expand(&v, "palkka").iter().any(|(w, _)| w == "paikka"));
        // Short words are not corrected.
        assert!(expand(&v, "paka").is_empty());
    }

    proptest::proptest! {
        /// Any text can be indexed; every word of it is safe for both engines' query
        /// syntax and, searched for, finds itself.
        #[test]
        fn any_text_indexes_and_every_word_finds_itself(text in "\\PC{0,80}") {
            let ws = crate::search::analyzer::words(&text);
            let mut v = Vocabulary::default();
            for w in &ws {
                proptest::prop_assert!(!w.is_empty());
                proptest::prop_assert!(w.chars().count() <= crate::search::analyzer::MAX_WORD_CHARS);
                proptest::prop_assert!(w.chars().all(char::is_alphanumeric), "{w:?}");
                v.add(w);
            }
            for w in &ws {
                for lang in Lang::ALL {
                    let e = v.expand(&QueryWord::new(lang, w));
                    proptest::prop_assert!(
                        e.iter().any(|(x, r)| x == w && *r == Relation::Exact),
                        "{w:?} in {lang:?}: {e:?}"
                    );
                }
            }
        }
    }
}
