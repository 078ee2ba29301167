//! Forms as a browser renders and sends them.

use super::{Browser, TestResponse};
use scraper::{ElementRef, Html, Selector};

/// One field as the browser would send it, or a blank the person must fill.
#[derive(Debug, Clone)]
pub struct FormField {
    pub name: String,
    pub kind: String,
    pub value: String,
    pub required: bool,
}

#[derive(Debug, Clone)]
pub struct RenderedForm {
    pub action: String,
    pub fields: Vec<FormField>,
}

impl RenderedForm {
    /// The fields as the browser sends them, with what `typing` gives typed over a field.
    pub fn filled(&self, typing: impl Fn(&FormField) -> Option<String>) -> Vec<(String, String)> {
        self.fields
            .iter()
            .map(|f| (f.name.clone(), typing(f).unwrap_or_else(|| f.value.clone())))
            .collect()
    }

    /// One form of each action and set of fields (a desk has a confirm form per record).
    pub fn key(&self) -> String {
        let shape: Vec<&str> = self.fields.iter().map(|f| f.name.as_str()).collect();
        format!("{} {shape:?}", self.action)
    }
}

/// The POST forms of a page with what a browser would send from each (checked boxes only,
/// the selected option), files left out: forms with a file are skipped.
pub fn post_forms(html: &str) -> Vec<RenderedForm> {
    let doc = Html::parse_document(html);
    let forms = Selector::parse("form").unwrap();
    let controls = Selector::parse("input, textarea, select").unwrap();
    let options = Selector::parse("option").unwrap();
    let mut out = Vec::new();
    for form in doc.select(&forms) {
        let method = form.value().attr("method").unwrap_or("get");
        let multipart = form.value().attr("enctype") == Some("multipart/form-data");
        if !method.eq_ignore_ascii_case("post") || multipart {
            continue;
        }
        let mut fields = Vec::new();
        for c in form.select(&controls) {
            let e = c.value();
            let Some(name) = e.attr("name") else { continue };
            let kind = match e.name() {
                "textarea" => "textarea".to_string(),
                "select" => "select".to_string(),
                _ => e.attr("type").unwrap_or("text").to_lowercase(),
            };
            if ["submit", "button", "reset", "file", "image"].contains(&kind.as_str()) {
                continue;
            }
            if (kind == "checkbox" || kind == "radio") && e.attr("checked").is_none() {
                continue;
            }
            let value = match kind.as_str() {
                "textarea" => c.text().collect(),
                "select" => {
                    let opts: Vec<ElementRef> = c.select(&options).collect();
                    opts.iter()
                        .find(|o| o.value().attr("selected").is_some())
                        .or(opts.first())
                        .and_then(|o| o.value().attr("value"))
                        .unwrap_or("")
                        .to_string()
                }
                "checkbox" | "radio" => e.attr("value").unwrap_or("on").to_string(),
                _ => e.attr("value").unwrap_or("").to_string(),
            };
            let required = e.attr("required").is_some();
            let first_choice = if kind == "select" {
                c.select(&options)
                    .filter_map(|o| o.value().attr("value"))
                    .find(|v| !v.is_empty())
                    .map(str::to_string)
            } else {
                None
            };
            fields.push(FormField {
                name: name.to_string(),
                kind: kind.clone(),
                value: if required && value.is_empty() {
                    first_choice.unwrap_or_default()
                } else {
                    value
                },
                required,
            });
        }
        out.push(RenderedForm {
            action: form.value().attr("action").unwrap_or("").to_string(),
            fields,
        });
    }
    out
}

/// Opens `page` and submits its form whose action ends with `action` as the browser
/// rendered it, with the fields in `typed` typed over.
pub async fn submit_rendered(
    b: &mut Browser<'_>,
    page: &str,
    action: &str,
    typed: &[(&str, &str)],
) -> TestResponse {
    let html = b.get(page).await.body;
    let form = post_forms(&html)
        .into_iter()
        .find(|f| f.action.ends_with(action))
        .unwrap_or_else(|| panic!("{page} has a form to …{action}"));
    let fields = form.filled(|f| {
        typed
            .iter()
            .find(|(n, _)| *n == f.name)
            .map(|(_, v)| v.to_string())
    });
    b.post_raw(&form.action, &fields).await
}
