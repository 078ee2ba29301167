//! What one-line fields and stored links may hold, checked where records are validated, so
//! no writer (form, import, command line) can store anything else.
//!
//! A one-line field (a name, a title, an address, a phone number) holds no control
//! character: no line break that could start a forged header or paragraph in a message.
//! A stored link is `http`, `https`, `mailto` or `tel`; anything else (`javascript:`,
//! `data:`, `vbscript:`) is shown as plain text and never stored from our own forms.

use super::LocalizedText;

/// No control characters (line breaks, tabs, escape, NUL), no line or paragraph separator
/// (U+2028, U+2029), no bidi embedding, override or isolate (which make a name read
/// otherwise than it is stored) and no character that shows nothing and joins nothing
/// (zero-width space, word joiner, byte-order mark), which would make look-alike names.
/// The joiners some scripts need (U+200C, U+200D) and the direction marks of right-to-left
/// names (U+200E, U+200F, U+061C) stay allowed.
pub fn is_one_line(s: &str) -> bool {
    !s.chars().any(|c| c.is_control() || is_deceptive(c))
}

/// A character that makes text read otherwise than it is stored: a line or paragraph
/// separator, a bidi embedding, override or isolate, or one that shows nothing and joins
/// nothing. Longer texts (messages) drop these; one-line fields refuse them.
pub fn is_deceptive(c: char) -> bool {
    matches!(
        c,
        '\u{2028}'
            | '\u{2029}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2066}'..='\u{2069}'
            | '\u{200B}'
            | '\u{2060}'
            | '\u{FEFF}'
    )
}

impl LocalizedText {
    /// Every language version is one line.
    pub fn is_one_line(&self) -> bool {
        is_one_line(&self.fi)
            && self.sv.as_deref().is_none_or(is_one_line)
            && self.en.as_deref().is_none_or(is_one_line)
    }
}

/// The link schemes we store and render as links.
pub const LINK_SCHEMES: [&str; 4] = ["http", "https", "mailto", "tel"];

/// The link as it may be put into `href`, if its scheme is one of [`LINK_SCHEMES`] and it
/// holds no space or control character. Schemes are compared as browsers do: in any case,
/// after leading spaces and controls (which browsers strip) are refused with the rest.
pub fn safe_link(s: &str) -> Option<&str> {
    if s.is_empty() || s.chars().any(|c| c.is_control() || c.is_whitespace()) {
        return None;
    }
    let (scheme, rest) = s.split_once(':')?;
    let known = LINK_SCHEMES.iter().any(|k| scheme.eq_ignore_ascii_case(k));
    let web = scheme.eq_ignore_ascii_case("http") || scheme.eq_ignore_ascii_case("https");
    (known && !rest.is_empty() && (!web || rest.starts_with("//") && rest.len() > 2)).then_some(s)
}

/// A website as people type it: `www.example.fi` is `https://www.example.fi`. Text that
/// already names a scheme (or is not a domain) is left for the checks to judge.
pub fn with_web_scheme(s: &str) -> String {
    let s = s.trim();
    let domain = s.split('/').next().unwrap_or("");
    if s.is_empty() || s.contains("://") || s.contains(':') || !domain.contains('.') {
        return s.to_string();
    }
    format!("https://{s}")
}

/// A web address (`http` or `https`) for a website field.
pub fn is_web_link(s: &str) -> bool {
    safe_link(s).is_some_and(|s| {
        let lower = s.get(..8).unwrap_or(s).to_ascii_lowercase();
        lower.starts_with("http://") || lower.starts_with("https://")
    })
}

/// Percent-encodes a URL query component.
pub fn encode_component(s: &str) -> String {
    serde_urlencoded::to_string([("", s)])
        .map(|e| e[1..].to_string())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_website_without_a_scheme_gets_https() {
        assert_eq!(
            with_web_scheme(" www.example.fi "),
            "https://www.example.fi"
        );
        assert_eq!(
            with_web_scheme("example.fi/polku"),
            "https://example.fi/polku"
        );
        assert_eq!(with_web_scheme("http://example.fi"), "http://example.fi");
        assert_eq!(
            with_web_scheme("javascript:alert(1)"),
            "javascript:alert(1)"
        );
        assert_eq!(with_web_scheme("nope"), "nope");
        assert_eq!(with_web_scheme(""), "");
    }

    #[test]
    fn one_line_fields_refuse_control_characters() {
        assert!(is_one_line("Kankurin Ilo ry – Lahti"));
        assert!(is_one_line("می\u{200C}خواهم"), "a joiner a script needs");
        for bad in [
            "A\r\nBcc: x@example.fi",
            "A\nB",
            "A\tB",
            "A\u{0}",
            "A\u{1b}[31m",
            "A\u{85}B",
        ] {
            assert!(!is_one_line(bad), "{bad:?}");
        }
        let t = LocalizedText {
            fi: "Kahvila".into(),
            sv: Some("Kafé\r\nX".into()),
            en: None,
        };
        assert!(!t.is_one_line());
    }

    #[test]
    fn only_four_schemes_are_links() {
        for ok in [
            "https://example.fi/",
            "http://example.fi",
            "HTTPS://EXAMPLE.FI",
            "mailto:info@example.fi",
            "tel:+358401234567",
        ] {
            assert_eq!(safe_link(ok), Some(ok), "{ok}");
        }
        for bad in [
            "javascript:alert(1)",
            "JavaScript:alert(1)",
            " javascript:alert(1)",
            "java\tscript:alert(1)",
            "\u{1}javascript:alert(1)",
            "data:text/html,<script>alert(1)</script>",
            "vbscript:msgbox",
            "//evil.example",
            "example.fi",
            "https:evil",
            "https://",
            "https://exa mple.fi",
            "",
        ] {
            assert_eq!(safe_link(bad), None, "{bad:?}");
        }
        assert!(is_web_link("https://example.fi"));
        assert!(!is_web_link("mailto:info@example.fi"));
    }
}
