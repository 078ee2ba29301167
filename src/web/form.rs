//! Form fields, the same everywhere: label above the input, hint, the error in the same
//! `aria-describedby` chain, an error summary on top linking to each field, and what was
//! typed kept (except passwords, which never go back into a page).

use super::Ctx;
use serde::de::DeserializeOwned;

/// One input of a form, ready for `partials/field.html`.
#[derive(Debug, Clone)]
pub struct Field {
    pub name: &'static str,
    pub label: String,
    /// `text`, `email`, `password`, … or `textarea`.
    pub kind: &'static str,
    pub value: String,
    pub hint: Option<String>,
    pub error: Option<String>,
    pub autocomplete: &'static str,
    pub required: bool,
    pub max_chars: usize,
    /// For `select`: (value, label).
    pub options: Vec<(String, String)>,
}

impl Field {
    /// A field whose label is the translation `{prefix}-{name}-label` (hint: `…-hint`, when
    /// the translation has one).
    pub fn new(ctx: &Ctx, prefix: &str, name: &'static str, kind: &'static str) -> Self {
        let hint_key = format!("{prefix}-{name}-hint");
        let hint = ctx.t(&hint_key);
        Field {
            name,
            label: ctx.t(&format!("{prefix}-{name}-label")),
            kind,
            value: String::new(),
            hint: (hint != hint_key).then_some(hint),
            error: None,
            autocomplete: "off",
            required: false,
            max_chars: 200,
            options: Vec::new(),
        }
    }

    /// A hint other than the field's usual one.
    pub fn with_hint(mut self, hint: String) -> Self {
        self.hint = Some(hint);
        self
    }

    pub fn value(mut self, v: &str) -> Self {
        match self.kind {
            "password" => {}
            // A date is a text field in the Finnish form people write (7.1.2027): a browser's
            // date picker shows its own order (mm/dd/yyyy) and refuses the hint's form.
            "date" => {
                self.value = match crate::manage::records::parse_date(v) {
                    Ok(Some(d)) => crate::i18n::date(crate::domain::Lang::Fi, d),
                    _ => v.to_string(),
                }
            }
            _ => self.value = v.to_string(),
        }
        self
    }

    pub fn autocomplete(mut self, a: &'static str) -> Self {
        self.autocomplete = a;
        self
    }

    pub fn required(mut self) -> Self {
        self.required = true;
        self
    }

    pub fn max_chars(mut self, n: usize) -> Self {
        self.max_chars = n;
        self
    }

    /// A `select` with these (value, label) options; the first is the empty choice.
    /// A select: the placeholder (value "") first, unless the options begin with an
    /// empty value of their own ("all", "not given").
    pub fn options(mut self, placeholder: String, options: Vec<(String, String)>) -> Self {
        self.kind = "select";
        let own_empty = options.first().is_some_and(|(v, _)| v.is_empty());
        self.options = (!own_empty)
            .then_some((String::new(), placeholder))
            .into_iter()
            .chain(options)
            .collect();
        self
    }

    /// The error of this field among (field, message) pairs.
    pub fn error_from(self, errors: &[(&str, String)]) -> Self {
        let e = errors
            .iter()
            .find(|(f, _)| *f == self.name)
            .map(|(_, m)| m.clone());
        self.error(e)
    }

    pub fn error(mut self, e: Option<String>) -> Self {
        self.error = e;
        self
    }

    /// The ids the input's `aria-describedby` names.
    pub fn described_by(&self) -> String {
        described_by(self.name, self.error.is_some(), self.hint.is_some())
    }
}

/// The ids a control's `aria-describedby` names: its error, then its hint.
fn described_by(name: &str, error: bool, hint: bool) -> String {
    let mut ids = Vec::new();
    if error {
        ids.push(format!("{name}-error"));
    }
    if hint {
        ids.push(format!("{name}-hint"));
    }
    ids.join(" ")
}

/// The error summary's entries: (field id, message).
pub fn summary(fields: &[&Field]) -> Vec<(String, String)> {
    fields
        .iter()
        .filter_map(|f| f.error.clone().map(|e| (f.name.to_string(), e)))
        .collect()
}

/// A form body; fields missing or malformed become their defaults, so a form never fails
/// before its own checks can say what is wrong.
/// Error keys as texts: a key, or `key|names` for a text that names what was not found.
pub fn translated(ctx: &Ctx, errors: Vec<(&'static str, String)>) -> Vec<(&'static str, String)> {
    errors
        .into_iter()
        .map(|(f, e)| match e.split_once('|') {
            Some((key, arg)) => (
                f,
                crate::i18n::t_args(ctx.lang, key, &[("names", arg.to_string().into())]),
            ),
            None => (f, ctx.t(&e)),
        })
        .collect()
}

pub fn parse<T: DeserializeOwned + Default>(body: &[u8]) -> T {
    serde_urlencoded::from_bytes(body).unwrap_or_default()
}

/// The id a form names in `field` (a record's UUID), or `None` for anything else.
pub fn id_field(body: &[u8], field: &str) -> Option<String> {
    pairs(body)
        .into_iter()
        .find(|(k, _)| k == field)
        .and_then(|(_, v)| uuid::Uuid::parse_str(v.trim()).ok())
        .map(|u| u.to_string())
}

/// A form body as (name, value) pairs, for forms with repeated fields (checkbox groups).
pub fn pairs(body: &[u8]) -> Vec<(String, String)> {
    serde_urlencoded::from_bytes(body).unwrap_or_default()
}

/// A group of checkboxes, ready for `partials/choices.html`.
#[derive(Debug, Clone)]
pub struct Choices {
    pub name: &'static str,
    pub legend: String,
    /// (value, label, checked)
    pub options: Vec<(String, String, bool)>,
    pub error: Option<String>,
    /// Said under the legend.
    pub hint: Option<String>,
    /// Where to add a choice when there is none yet: (label, url).
    pub add: Option<(String, String)>,
}

impl Choices {
    pub fn new(
        ctx: &Ctx,
        prefix: &str,
        name: &'static str,
        options: Vec<(String, String)>,
        checked: &[String],
    ) -> Self {
        Choices {
            name,
            legend: ctx.t(&format!("{prefix}-{name}-label")),
            options: options
                .into_iter()
                .map(|(v, l)| {
                    let on = checked.contains(&v);
                    (v, l, on)
                })
                .collect(),
            error: None,
            hint: None,
            add: None,
        }
    }

    pub fn hint(mut self, hint: String) -> Self {
        self.hint = Some(hint);
        self
    }

    pub fn add(mut self, label: String, url: String) -> Self {
        self.add = Some((label, url));
        self
    }

    pub fn error_from(mut self, errors: &[(&str, String)]) -> Self {
        self.error = errors
            .iter()
            .find(|(f, _)| *f == self.name)
            .map(|(_, m)| m.clone());
        self
    }

    pub fn described_by(&self) -> String {
        described_by(self.name, self.error.is_some(), self.hint.is_some())
    }

    /// The id of the first box, where the error summary links to (the group's
    /// legend when there are no boxes).
    pub fn first_id(&self) -> String {
        match self.options.first() {
            Some((v, _, _)) => format!("{}-{v}", self.name),
            None => format!("{}-legend", self.name),
        }
    }
}
