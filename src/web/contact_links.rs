//! E-mail addresses and phone numbers in free text ("Soita 044 000 1101 tai kirjoita
//! kutomo@example.fi") become `mailto:` and `tel:` links, so a person on a phone can tap them.

/// The text in pieces: (text, link) where the link is set for an address or a number.
pub fn contact_links(text: &str) -> Vec<(String, Option<String>)> {
    let mut spans = phone_spans(text);
    spans.extend(email_spans(text));
    spans.sort_by_key(|s| s.0);
    let mut out = Vec::new();
    let mut at = 0;
    for (start, end, href) in spans {
        if start < at {
            continue;
        }
        if start > at {
            out.push((text[at..start].to_string(), None));
        }
        out.push((text[start..end].to_string(), Some(href)));
        at = end;
    }
    if at < text.len() {
        out.push((text[at..].to_string(), None));
    }
    out
}

/// Words with an `@` that are addresses (trailing punctuation is not part of them).
fn email_spans(text: &str) -> Vec<(usize, usize, String)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text
        .char_indices()
        .chain(std::iter::once((text.len(), ' ')))
    {
        let boundary = c.is_whitespace() || matches!(c, '(' | ')' | '<' | '>' | '"' | '”');
        match (start, boundary) {
            (None, false) => start = Some(i),
            (Some(s), true) => {
                let word = &text[s..i];
                let trimmed = word.trim_end_matches(['.', ',', ';', ':', '!', '?']);
                if trimmed.contains('@')
                    && crate::accounts::Email::parse(trimmed).is_ok()
                    && trimmed.rsplit('.').next().is_some_and(|tld| tld.len() >= 2)
                {
                    out.push((s, s + trimmed.len(), format!("mailto:{trimmed}")));
                }
                start = None;
            }
            _ => {}
        }
    }
    out
}

/// Finnish phone numbers: starting with `0` or `+` at the start of a word, digits with single
/// spaces or hyphens between, 7 to 15 digits. A business id (`0737546-2`) is not one.
fn phone_spans(text: &str) -> Vec<(usize, usize, String)> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let (pos, c) = chars[i];
        let starts_word = i == 0 || matches!(chars[i - 1].1, ' ' | '\n' | '(' | ':' | '\t');
        if !(starts_word && (c == '0' || c == '+')) {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        let mut last_digit = if c == '0' { i } else { usize::MAX };
        while j < chars.len() {
            let d = chars[j].1;
            if d.is_ascii_digit() {
                last_digit = j;
                j += 1;
            } else if matches!(d, ' ' | '-')
                && j + 1 < chars.len()
                && chars[j + 1].1.is_ascii_digit()
                && chars[j - 1].1.is_ascii_digit()
            {
                j += 1;
            } else {
                break;
            }
        }
        if last_digit == usize::MAX {
            i += 1;
            continue;
        }
        let end = chars.get(last_digit + 1).map_or(text.len(), |(p, _)| *p);
        let span = &text[pos..end];
        let digits: String = span.chars().filter(char::is_ascii_digit).collect();
        let business_id = span.len() == 9 && span.as_bytes()[7] == b'-';
        // Followed by a letter or more digits after a dot: a date, a time or a word.
        let glued = text[end..].chars().next().is_some_and(|n| {
            n.is_alphanumeric()
                || n == '.' && text[end + 1..].starts_with(|x: char| x.is_ascii_digit())
        });
        if (7..=15).contains(&digits.len()) && !business_id && !glued {
            let international = if c == '+' {
                format!("+{digits}")
            } else {
                format!("+358{}", &digits[1..])
            };
            out.push((pos, end, format!("tel:{international}")));
        }
        i = last_digit + 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn links(s: &str) -> Vec<String> {
        contact_links(s)
            .into_iter()
            .filter_map(|(_, l)| l)
            .collect()
    }

    #[test]
    fn numbers_and_addresses_become_links_and_the_text_stays_whole() {
        let s = "Soita 044 000 1101 tai 03 8725 130, tai kirjoita kutomo@example.fi. (+358 40 123 4567)";
        assert_eq!(
            links(s),
            [
                "tel:+358440001101",
                "tel:+35838725130",
                "mailto:kutomo@example.fi",
                "tel:+358401234567",
            ]
        );
        let joined: String = contact_links(s).into_iter().map(|(t, _)| t).collect();
        assert_eq!(joined, s);
    }

    #[test]
    fn dates_ids_postcodes_and_hours_are_not_numbers() {
        for s in [
            "Y-tunnus 0737546-2",
            "Haku päättyy 01.02.2027",
            "Aleksanterinkatu 18, 15110 Lahti",
            "Avoinna 9-16",
            "vuonna 2027",
            "0 €",
            "a@b",
        ] {
            assert!(links(s).is_empty(), "{s}: {:?}", links(s));
        }
    }
}
