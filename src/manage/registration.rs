//! The common registration form for organizations: checked input, duplicates found by
//! Y-tunnus and by similar name before a second profile can be made, and the queue in which a
//! coordinator or platform admin verifies the organization.
//!
//! Registering needs an account (sign up first): the account becomes the organization's
//! admin. Until verified, the organization is shown without the verified mark.

pub use crate::domain::manage::Registration;
use crate::domain::names::{self, significant_words};
use crate::domain::OrganizationId;
use crate::domain::{BusinessId, BusinessIdError, LegalForm};
use crate::refdata::REF;
use crate::store::{DynStore, StoreResult};

/// What the form sends; every field as typed.
#[derive(Debug, Clone, Default, serde::Deserialize)]
#[serde(default)]
pub struct Form {
    pub name: String,
    pub legal_form: String,
    pub business_id: String,
    pub contact_name: String,
    pub municipality: String,
    pub description: String,
    /// Set when the person has seen the similar names and says theirs is another one.
    pub different: Option<String>,
}

pub const MAX_NAME: usize = 200;
pub const MAX_CONTACT: usize = 100;
pub const MIN_DESCRIPTION: usize = 20;
pub const MAX_DESCRIPTION: usize = 4000;

/// A field and the translation key of what is wrong with it.
pub type FieldError = (&'static str, &'static str);

/// How a registration went.
#[derive(Debug)]
pub enum Outcome {
    Registered(OrganizationId),
    Invalid(Vec<FieldError>),
    /// An organization with this Y-tunnus exists: no second profile.
    SameBusinessId(Vec<(OrganizationId, String)>),
    /// Organizations with a similar name: shown, and the person says whether theirs is one.
    SimilarNames(Vec<(OrganizationId, String)>),
    /// The account acts for an organization already.
    HasOrganization,
}

fn chars(s: &str) -> usize {
    s.trim().chars().count()
}

/// The name, type and Y-tunnus of an organization, as the registration and profile forms
/// both ask them; problems are added to `errors`.
pub fn check_identity(
    name: &str,
    legal_form: &str,
    business_id: &str,
    errors: &mut Vec<FieldError>,
) -> (String, Option<LegalForm>, Option<BusinessId>) {
    let name = name.trim();
    if chars(name) < 2 {
        errors.push(("name", "register-error-name"));
    } else if chars(name) > MAX_NAME {
        errors.push(("name", "register-error-name-long"));
    } else if !crate::domain::is_one_line(name) {
        errors.push(("name", "edit-error-one-line"));
    }
    let legal_form = LegalForm::parse(legal_form.trim());
    if legal_form.is_none() {
        errors.push(("legal_form", "register-error-legal-form"));
    }
    let business_id = match business_id.trim() {
        "" => None,
        s => match BusinessId::parse(s) {
            Ok(b) => Some(b),
            Err(BusinessIdError::Format) => {
                errors.push(("business_id", "register-error-business-id-format"));
                None
            }
            Err(BusinessIdError::CheckDigit) => {
                errors.push(("business_id", "register-error-business-id-check"));
                None
            }
        },
    };
    (name.to_string(), legal_form, business_id)
}

/// Checks every field; all problems at once.
pub fn check(form: &Form) -> Result<(String, LegalForm, Option<BusinessId>), Vec<FieldError>> {
    let mut errors = Vec::new();
    let (name, legal_form, business_id) =
        check_identity(&form.name, &form.legal_form, &form.business_id, &mut errors);
    if chars(&form.contact_name) == 0 {
        errors.push(("contact_name", "register-error-contact"));
    } else if chars(&form.contact_name) > MAX_CONTACT {
        errors.push(("contact_name", "register-error-contact-long"));
    } else if !crate::domain::is_one_line(form.contact_name.trim()) {
        errors.push(("contact_name", "edit-error-one-line"));
    }
    if REF.municipality(form.municipality.trim()).is_none() {
        errors.push(("municipality", "register-error-municipality"));
    }
    let d = chars(&form.description);
    if d < MIN_DESCRIPTION {
        errors.push(("description", "register-error-description"));
    } else if d > MAX_DESCRIPTION {
        errors.push(("description", "register-error-description-long"));
    }
    match (errors.is_empty(), legal_form) {
        (true, Some(lf)) => Ok((name, lf, business_id)),
        _ => Err(errors),
    }
}

/// Existing organizations whose name is like this one, most alike first.
pub async fn similar_names(
    store: &DynStore,
    name: &str,
) -> StoreResult<Vec<(OrganizationId, String)>> {
    let mut words = significant_words(name);
    words.sort_by_key(|w| std::cmp::Reverse(w.chars().count()));
    let mut found: Vec<(f64, OrganizationId, String)> = Vec::new();
    // Candidates share one of the two longest words (or its first five letters, which
    // catches inflected forms); the trigram similarity decides.
    for word in words.iter().take(2) {
        let stem: String = word.chars().take(5).collect();
        if stem.chars().count() < 3 {
            continue;
        }
        for (id, other) in store.organizations_named_like(&stem, 200).await? {
            let s = names::similarity(name, &other);
            if s >= names::SIMILAR && !found.iter().any(|(_, i, _)| *i == id) {
                found.push((s, id, other));
            }
        }
    }
    found.sort_by(|a, b| b.0.total_cmp(&a.0));
    Ok(found.into_iter().take(10).map(|(_, i, n)| (i, n)).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form() -> Form {
        Form {
            name: "Kankurin Ilo ry".into(),
            legal_form: "association".into(),
            business_id: "0737546-2".into(),
            contact_name: "Yhteyshenkilö".into(),
            municipality: "398".into(),
            description: "Kudomme mattoja ja opetamme kudontaa kaikille.".into(),
            different: None,
        }
    }

    #[test]
    fn a_good_form_passes() {
        let (name, lf, b) = check(&form()).unwrap();
        assert_eq!(name, "Kankurin Ilo ry");
        assert_eq!(lf, LegalForm::Association);
        assert_eq!(b.unwrap().as_str(), "0737546-2");
        let no_id = Form {
            business_id: "  ".into(),
            ..form()
        };
        assert!(check(&no_id).unwrap().2.is_none(), "Y-tunnus is optional");
    }

    #[test]
    fn every_problem_is_named_with_its_field() {
        let bad = Form {
            name: " x ".into(),
            legal_form: "kerho".into(),
            business_id: "0737546-3".into(),
            contact_name: String::new(),
            municipality: "999".into(),
            description: "lyhyt".into(),
            different: None,
        };
        let errors = check(&bad).unwrap_err();
        let fields: Vec<&str> = errors.iter().map(|(f, _)| *f).collect();
        assert_eq!(
            fields,
            [
                "name",
                "legal_form",
                "business_id",
                "contact_name",
                "municipality",
                "description"
            ]
        );
        assert_eq!(errors[2].1, "register-error-business-id-check");
        let format = Form {
            business_id: "12345678".into(),
            ..form()
        };
        assert_eq!(
            check(&format).unwrap_err()[0].1,
            "register-error-business-id-format"
        );
        for (_, key) in errors {
            for lang in crate::domain::Lang::ALL {
                assert_ne!(crate::i18n::t(lang, key), key, "{lang:?} {key}");
            }
        }
    }
}
