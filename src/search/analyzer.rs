//! What a word is, and when two words are the same word, for Finnish, Swedish and English.
//!
//! The index keeps every word as it was written (normalized: NFC, lower case, letters and
//! digits only), so both engines hold the same tokens. The morphology lives on the query side:
//! a query word is compared with the words the index holds (`Vocabulary`) and becomes the set
//! of indexed words that are its inflected forms, compounds that contain it, the parts of a
//! compound it is, or, when nothing else matches, the words one typing error away.

use rust_stemmers::{Algorithm, Stemmer};
use std::sync::LazyLock;
use unicode_normalization::UnicodeNormalization;

use crate::domain::Lang;

/// Longest word kept; longer runs of letters are cut (no real word is this long).
pub const MAX_WORD_CHARS: usize = 40;

/// The normalized words of a text, in order.
pub fn words(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut n = 0;
    for c in text.nfc() {
        if c.is_alphanumeric() {
            if n < MAX_WORD_CHARS {
                cur.extend(c.to_lowercase());
                n += 1;
            }
        } else if !cur.is_empty() {
            out.push(normalize_word(std::mem::take(&mut cur)));
            n = 0;
        }
    }
    if !cur.is_empty() {
        out.push(normalize_word(cur));
    }
    out
}

/// Lower-casing can leave decomposed characters (İ → i + dot); put them back together and
/// keep only letters and digits, so both engines' tokenizers see one token.
fn normalize_word(w: String) -> String {
    if w.chars().all(|c| c.is_alphanumeric()) && w.is_ascii() {
        return w;
    }
    w.nfc().filter(|c| c.is_alphanumeric()).collect()
}

/// How a word of the index relates to a word of the query, best first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Relation {
    /// The same word.
    Exact,
    /// Another form of the same word (koira, koiran, koiria).
    Inflected,
    /// A compound that contains the query word (työkokeilu for kokeilu).
    Compound,
    /// The query word is a compound and this is one of its parts (palkkatuki for palkkatukityö).
    Part,
    /// One typing error away.
    Typo,
}

impl Relation {
    /// How much a match of this kind counts in ranking.
    pub fn weight(self) -> f64 {
        match self {
            Relation::Exact => 1.0,
            Relation::Inflected => 0.9,
            Relation::Compound => 0.6,
            Relation::Part => 0.5,
            Relation::Typo => 0.5,
        }
    }
    /// Exact and inflected matches are strong; the rest only widen the search.
    pub fn is_strong(self) -> bool {
        matches!(self, Relation::Exact | Relation::Inflected)
    }
}

static STEMMERS: LazyLock<[Stemmer; 3]> = LazyLock::new(|| {
    [
        Stemmer::create(Algorithm::Finnish),
        Stemmer::create(Algorithm::Swedish),
        Stemmer::create(Algorithm::English),
    ]
});

/// The Snowball stem of a normalized word in a language.
pub fn stem(lang: Lang, word: &str) -> String {
    let s = &STEMMERS[match lang {
        Lang::Fi => 0,
        Lang::Sv => 1,
        Lang::En => 2,
    }];
    s.stem(word).into_owned()
}

fn common_prefix(a: &str, b: &str) -> usize {
    a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count()
}

/// A query word with what we need of it, computed once.
#[derive(Debug, Clone)]
pub struct QueryWord {
    pub lang: Lang,
    pub word: String,
    chars: usize,
    stem: String,
    stem_chars: usize,
}

impl QueryWord {
    pub fn new(lang: Lang, word: &str) -> Self {
        let stem = stem(lang, word);
        Self {
            lang,
            word: word.to_string(),
            chars: word.chars().count(),
            stem_chars: stem.chars().count(),
            stem,
        }
    }

    pub fn chars(&self) -> usize {
        self.chars
    }

    /// The first characters every related word carries somewhere (used to pick candidates).
    pub fn core(&self) -> String {
        self.word.chars().take(self.chars.clamp(1, 3)).collect()
    }

    /// Whether `w` is a form of this word: the same stem, or stems that differ only in the
    /// last letters that Finnish inflection changes (koira/koir, vanhus/vanhust/vanhuks).
    pub fn same_lemma(&self, w: &str) -> bool {
        if self.word == w {
            return true;
        }
        let lw = w.chars().count();
        let raw = common_prefix(&self.word, w);
        let shorter = self.chars.min(lw);
        // Short words must agree but for their last letter, longer ones in four letters.
        let need = if shorter <= 4 {
            shorter.saturating_sub(1).max(3)
        } else {
            4
        };
        if raw < need {
            return false;
        }
        let sw = stem(self.lang, w);
        // An ending added to the whole query word: eläin → eläinten, koira → koiralle (but
        // not a word that goes on: nuori → nuoriso, kudonta → kudontapaja).
        if raw >= self.chars.saturating_sub(1)
            && raw >= 5
            && lw <= raw + 4
            && sw.chars().count() <= raw + 1
        {
            return true;
        }
        if sw == self.stem {
            return true;
        }
        let c = common_prefix(&self.stem, &sw);
        let ls = sw.chars().count();
        let (short, long) = (self.stem_chars.min(ls), self.stem_chars.max(ls));
        c >= 3 && c >= short.min(4) && c + 2 >= long && c + 1 >= short
    }

    /// How `w` (a word of the index) relates to this query word, if at all (typing errors
    /// and compound parts are found by the vocabulary, not here).
    pub fn relation(&self, w: &str) -> Option<Relation> {
        if self.word == w {
            return Some(Relation::Exact);
        }
        if self.same_lemma(w) {
            return Some(Relation::Inflected);
        }
        if self.chars < 3 {
            return None;
        }
        self.in_compound(w).then_some(Relation::Compound)
    }

    /// Whether `w` is a compound with this word as one of its parts: a part starts at the
    /// beginning or after at least three letters, and is followed by the end of the word or
    /// by at least three more letters (kudonta|paja, työ|kokeilu|paikka, nuorten|talo).
    fn in_compound(&self, w: &str) -> bool {
        let chars: Vec<char> = w.chars().collect();
        let n = chars.len();
        // The part may be a shorter form than the query word (palkkatuella → palkkatuki|työ).
        if n < self.chars.min(self.stem_chars) + 3 {
            return false;
        }
        let first: Vec<char> = self.word.chars().take(3).collect();
        for p in 0..=n - 3 {
            if p != 0 && p < 3 {
                continue;
            }
            if chars[p..p + 3] != first[..] {
                continue;
            }
            // The part ends within a few letters of the query word's length.
            let lo = p + self.chars.min(self.stem_chars).saturating_sub(1).max(3);
            let hi = (p + self.chars + 4).min(n);
            for e in lo..=hi {
                if e != n && n - e < 3 {
                    continue;
                }
                if p == 0 && e == n {
                    continue; // the whole word: that is inflection, checked before
                }
                let seg: String = chars[p..e].iter().collect();
                if self.same_lemma(&seg) {
                    return true;
                }
            }
        }
        false
    }
}

/// Whether two words are at most one typing error apart: one letter added, left out,
/// changed, or two neighbours swapped.
pub fn one_typo(a: &str, b: &str) -> bool {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let (la, lb) = (a.len(), b.len());
    if la.abs_diff(lb) > 1 {
        return false;
    }
    let p = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    if p == la && p == lb {
        return true;
    }
    let s = a
        .iter()
        .rev()
        .zip(b.iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    match la.cmp(&lb) {
        // One letter more or less: the rest around it agrees.
        std::cmp::Ordering::Less | std::cmp::Ordering::Greater => p + s >= la.max(lb) - 1,
        std::cmp::Ordering::Equal => {
            // One letter changed, or two neighbours swapped.
            p + s + 1 >= la
                || (p + 1 < la && a[p] == b[p + 1] && a[p + 1] == b[p] && a[p + 2..] == b[p + 2..])
        }
    }
}

/// Words that say nothing on their own in a query ("nuoret ja työ" searches nuoret, työ).
pub fn is_stop_word(w: &str) -> bool {
    const STOP: &[&str] = &[
        // fi
        "ja", "tai", "sekä", "on", "ei", "se", "ne", "että", "kuin", "myös", "jos", "kun", "tai",
        // sv
        "och", "eller", "i", "på", "av", "för", "med", "till", "som", "en", "ett", "det", "att",
        // en
        "and", "or", "the", "a", "an", "of", "in", "on", "for", "to", "with", "at", "by",
    ];
    STOP.contains(&w)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fi(w: &str) -> QueryWord {
        QueryWord::new(Lang::Fi, w)
    }

    #[test]
    fn words_are_normalized() {
        assert_eq!(
            words("Työkokeilu, KUDONTA-paja & 4H!"),
            vec!["työkokeilu", "kudonta", "paja", "4h"]
        );
        // NFD input (a + combining diaeresis) becomes the same word as NFC.
        assert_eq!(words("la\u{0308}hde"), words("lähde"));
        assert_eq!(words("İstanbul")[0].chars().count(), 8);
        assert!(words("  \u{0}\u{200b} ").is_empty());
        let long = "a".repeat(100);
        assert_eq!(words(&long)[0].len(), MAX_WORD_CHARS);
    }

    #[test]
    fn finnish_inflection_is_one_word() {
        for (q, w) in [
            ("koira", "koiran"),
            ("koira", "koiria"),
            ("koira", "koirien"),
            ("koirien", "koira"),
            ("vanhus", "vanhusten"),
            ("vanhusten", "vanhus"),
            ("vanhus", "vanhuksille"),
            ("eläin", "eläimet"),
            ("eläin", "eläinten"),
            ("kokeilu", "kokeiluja"),
            ("nuoret", "nuorille"),
            ("paja", "pajat"),
            ("palkkatuki", "palkkatuella"),
        ] {
            assert_eq!(fi(q).relation(w), Some(Relation::Inflected), "{q} ~ {w}");
        }
        for (q, w) in [
            ("eläin", "eläke"),
            ("koira", "koulu"),
            ("paja", "palo"),
            ("palkk", "palv"),
        ] {
            assert_eq!(fi(q).relation(w), None, "{q} !~ {w}");
        }
    }

    #[test]
    fn compounds_are_found_from_their_parts() {
        for (q, w) in [
            ("kokeilu", "työkokeilu"),
            ("kokeilu", "työkokeilupaikkoja"),
            ("kudonta", "kudontapaja"),
            ("kudonta", "kudontapajassa"),
            ("työ", "puutyö"),
            ("työ", "työkokeilu"),
            ("paja", "metallipajan"),
        ] {
            assert_eq!(fi(q).relation(w), Some(Relation::Compound), "{q} in {w}");
        }
        // A part starts at the beginning or after at least three letters.
        assert_eq!(fi("udonta").relation("kudonta"), None);
        assert_eq!(fi("donta").relation("kudontapaja"), None);
    }

    #[test]
    fn one_typing_error() {
        assert!(one_typo("kudonta", "kudonta"));
        assert!(one_typo("kudonta", "kudota"));
        assert!(one_typo("kudonta", "kudontaa"));
        assert!(one_typo("kudonta", "kudinta"));
        assert!(one_typo("kudonta", "kudotna"));
        assert!(!one_typo("kudonta", "kuodnta2"));
        assert!(!one_typo("kudonta", "kutonat"));
    }

    #[test]
    fn swedish_and_english_use_their_own_stemmers() {
        let sv = QueryWord::new(Lang::Sv, "ungdomar");
        assert!(sv.same_lemma("ungdomarna"));
        let en = QueryWord::new(Lang::En, "volunteers");
        assert!(en.same_lemma("volunteering"));
    }
}
