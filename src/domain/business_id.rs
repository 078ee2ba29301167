//! Y-tunnus, the Finnish business id: seven digits, a hyphen and a mod-11 check digit.

use std::fmt;

#[derive(Debug, Clone, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct BusinessId(String);

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum BusinessIdError {
    #[error("a business id has the form 1234567-8")]
    Format,
    #[error("the check digit of the business id does not match")]
    CheckDigit,
}

const WEIGHTS: [u32; 7] = [7, 9, 10, 5, 8, 4, 2];

impl BusinessId {
    /// Parses `1234567-8`; an old six-digit form `123456-7` gets its leading zero.
    pub fn parse(input: &str) -> Result<Self, BusinessIdError> {
        let s = input.trim();
        let (body, check) = s.split_once('-').ok_or(BusinessIdError::Format)?;
        if !(6..=7).contains(&body.len())
            || check.len() != 1
            || !body
                .bytes()
                .chain(check.bytes())
                .all(|b| b.is_ascii_digit())
        {
            return Err(BusinessIdError::Format);
        }
        let body = format!("{body:0>7}");
        let expected = Self::check_digit(&body).ok_or(BusinessIdError::CheckDigit)?;
        if u32::from(check.as_bytes()[0] - b'0') != expected {
            return Err(BusinessIdError::CheckDigit);
        }
        Ok(Self(format!("{body}-{check}")))
    }

    /// The mod-11 check digit of seven digits; `None` for the numbers that have none.
    pub fn check_digit(body: &str) -> Option<u32> {
        let sum: u32 = body
            .bytes()
            .zip(WEIGHTS)
            .map(|(b, w)| u32::from(b.wrapping_sub(b'0')) * w)
            .sum();
        match sum % 11 {
            0 => Some(0),
            1 => None,
            r => Some(11 - r),
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for BusinessId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl TryFrom<String> for BusinessId {
    type Error = BusinessIdError;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        Self::parse(&s)
    }
}

impl From<BusinessId> for String {
    fn from(b: BusinessId) -> String {
        b.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn known_business_ids_are_valid() {
        // Published ids of Finnish public bodies.
        for id in ["0245437-2", "0201256-6", "1060155-5", "0116297-6"] {
            assert!(BusinessId::parse(id).is_ok(), "{id}");
        }
    }

    #[test]
    fn wrong_check_digit_is_refused() {
        assert_eq!(
            BusinessId::parse("0245437-3"),
            Err(BusinessIdError::CheckDigit)
        );
    }

    #[test]
    fn malformed_business_ids_are_refused() {
        for id in [
            "",
            "1234567",
            "12345678-9",
            "abcdefg-1",
            "1234567-12",
            "1234567 8",
        ] {
            assert_eq!(BusinessId::parse(id), Err(BusinessIdError::Format), "{id}");
        }
    }

    #[test]
    fn six_digit_form_gets_leading_zero() {
        assert_eq!(
            BusinessId::parse("245437-2").map(|b| b.to_string()),
            Ok("0245437-2".into())
        );
    }

    proptest! {
        #[test]
        fn exactly_one_check_digit_fits_each_body(body in 0u32..10_000_000) {
            let body = format!("{body:07}");
            let valid = (0..10).filter(|c| BusinessId::parse(&format!("{body}-{c}")).is_ok()).count();
            prop_assert!(valid <= 1);
        }

        #[test]
        fn parse_never_panics(s in "\\PC*") {
            let _ = BusinessId::parse(&s);
        }
    }
}
