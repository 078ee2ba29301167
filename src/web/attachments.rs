//! Attachments of public records as pages show them: the list on a record's page (with a
//! form to add and buttons to remove for its editors), the upload read from its multipart
//! form, and a file served as the bytes it was recognised as, never as a page.

use super::form::Field;
use super::Ctx;
use crate::domain::files::{Attachment, FileKind, MAX_TITLE_CHARS};
use crate::domain::{AttachmentId, Lang};
use crate::error::{PageError, PageResult};
use crate::extract::PathId;
use crate::AppState;
use axum::extract::multipart::{Multipart, MultipartRejection};
use axum::extract::State;
use axum::http::header;
use axum::response::{IntoResponse, Response};

/// An attachment as listed.
pub struct AttachmentRow {
    pub id: String,
    pub url: String,
    pub title: String,
    /// The format's name (PDF, DOCX, …) and the size in the page's language.
    pub about: String,
}

/// A record's attachments on its page; for its editors, the forms to add and remove.
pub struct AttachmentsBlock {
    pub rows: Vec<AttachmentRow>,
    pub editor: Option<AttachmentForms>,
    /// "Added" or "removed", shown where the page opens (at the list, not the page's top).
    pub notice: Option<super::respond::Notice>,
}

/// The notice of an attachment added or removed (`?done=attachment-added|-deleted`).
pub fn notice_of(ctx: &Ctx, done: Option<&str>) -> Option<super::respond::Notice> {
    match done {
        Some("attachment-added") => {
            Some(super::respond::Notice::success(ctx.t("attachments-added")))
        }
        Some("attachment-deleted") => Some(super::respond::Notice::success(
            ctx.t("attachments-deleted"),
        )),
        _ => None,
    }
}

pub struct AttachmentForms {
    /// Where the upload form posts (ends in `/attachments`).
    pub upload_url: String,
    /// Where a remove button posts (with the field `id`).
    pub delete_url: String,
    pub title: Field,
    pub file_error: Option<String>,
}

/// The size as people read it: "340 kt", "1,2 Mt" (Swedish kB/MB, English KB/MB).
pub fn size_label(ctx: &Ctx, bytes: u64) -> String {
    let (value, key) = if bytes < 1024 * 1024 {
        (
            format!("{}", bytes.div_ceil(1024).max(1)),
            "attachments-size-kb",
        )
    } else {
        let tenths = (bytes * 10).div_ceil(1024 * 1024);
        let sep = if ctx.lang == Lang::En { "." } else { "," };
        (
            format!("{}{sep}{}", tenths / 10, tenths % 10),
            "attachments-size-mb",
        )
    };
    ctx.t_arg(key, "size", &value)
}

fn format_name(kind: FileKind) -> &'static str {
    match kind {
        FileKind::Pdf => "PDF",
        FileKind::Png => "PNG",
        FileKind::Jpeg => "JPEG",
        FileKind::Docx => "DOCX",
        FileKind::Odt => "ODT",
    }
}

pub fn row(ctx: &Ctx, a: &Attachment) -> AttachmentRow {
    AttachmentRow {
        id: a.id.to_string(),
        url: ctx.url(&format!("/attachments/{}", a.id)),
        title: a.title.clone(),
        about: format!("{}, {}", format_name(a.kind), size_label(ctx, a.size)),
    }
}

/// The block of a record (`owner`) for this page: `editor` holds the record's base path
/// (`/projects/{id}`) when the viewer may change it; `typed` and `errors` come back from a
/// refused upload.
pub async fn block(
    st: &AppState,
    ctx: &Ctx,
    owner: &str,
    editor: Option<&str>,
    typed: &str,
    errors: &[(&'static str, String)],
) -> PageResult<AttachmentsBlock> {
    let rows = st
        .store
        .attachments(owner)
        .await?
        .iter()
        .map(|a| row(ctx, a))
        .collect();
    let editor = editor.map(|base| AttachmentForms {
        upload_url: ctx.url(&format!("{base}/attachments")),
        delete_url: ctx.url(&format!("{base}/attachments/delete")),
        title: Field::new(ctx, "attachments", "title", "text")
            .value(typed)
            .max_chars(MAX_TITLE_CHARS)
            .required()
            .error_from(errors),
        file_error: errors
            .iter()
            .find(|(f, _)| *f == "file")
            .map(|(_, e)| e.clone()),
    });
    Ok(AttachmentsBlock {
        rows,
        editor,
        notice: None,
    })
}

/// A form with a file, read: its text fields by name and the bytes of its field `file`. A
/// form that is not multipart, or breaks off, is a 400.
pub async fn read_multipart(
    body: Result<Multipart, MultipartRejection>,
) -> PageResult<(std::collections::HashMap<String, String>, Vec<u8>)> {
    let mut parts = body.map_err(|_| PageError::bad_request())?;
    let (mut text, mut file) = (std::collections::HashMap::new(), Vec::new());
    while let Some(field) = parts
        .next_field()
        .await
        .map_err(|_| PageError::bad_request())?
    {
        match field.name().map(str::to_string) {
            Some(name) if name == "file" => {
                file = field
                    .bytes()
                    .await
                    .map_err(|_| PageError::bad_request())?
                    .to_vec()
            }
            Some(name) => {
                let value = field.text().await.map_err(|_| PageError::bad_request())?;
                text.insert(name, value);
            }
            None => {}
        }
    }
    Ok((text, file))
}

/// An upload form's title and file.
pub async fn read_upload(
    body: Result<Multipart, MultipartRejection>,
) -> PageResult<(String, Vec<u8>)> {
    let (mut text, file) = read_multipart(body).await?;
    Ok((text.remove("title").unwrap_or_default(), file))
}

/// A record's upload form received: `Ok(where to go)` when the file was kept, or the title
/// typed and the errors to show the page again with.
pub async fn receive(
    st: &AppState,
    ctx: &Ctx,
    user: &crate::accounts::User,
    record: crate::services::attachments::Record,
    page: &str,
    body: Result<Multipart, MultipartRejection>,
) -> PageResult<Result<String, (String, Vec<(&'static str, String)>)>> {
    let (title, file) = read_upload(body).await?;
    Ok(
        match crate::services::attachments::add(
            st.store.as_ref(),
            record,
            &title,
            &file,
            Some(user.id),
        )
        .await?
        {
            Ok(_) => Ok(ctx.url(&format!("{page}?done=attachment-added#attachments-title"))),
            Err((field, key)) => Err((title, vec![(field, ctx.t(key))])),
        },
    )
}

/// A record's remove button received (form field `id`): where to go, or 400/404.
pub async fn remove(
    st: &AppState,
    ctx: &Ctx,
    record: crate::services::attachments::Record,
    page: &str,
    body: &[u8],
) -> PageResult<String> {
    let id = super::form::id_field(body, "id")
        .and_then(|a| AttachmentId::parse(&a))
        .ok_or_else(PageError::bad_request)?;
    if !crate::services::attachments::remove(st.store.as_ref(), record, id).await? {
        return Err(PageError::not_found());
    }
    Ok(ctx.url(&format!("{page}?done=attachment-deleted#attachments-title")))
}

/// `Content-Disposition` for a download: the ASCII name for old clients and the UTF-8 one
/// (RFC 6266 / RFC 5987) for the rest; images open in the browser, documents download.
fn disposition(a: &Attachment) -> String {
    let ascii: String = a
        .file_name
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || matches!(c, '.' | '-') {
                c
            } else {
                '_'
            }
        })
        .collect();
    let encoded: String = a
        .file_name
        .bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-') {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect();
    let how = if a.kind.is_image() {
        "inline"
    } else {
        "attachment"
    };
    format!("{how}; filename=\"{ascii}\"; filename*=UTF-8''{encoded}")
}

/// `GET /{lang}/attachments/{id}`: the bytes with the type they were recognised as, inside a
/// sandbox with nothing allowed (`nosniff` is on every answer).
pub async fn serve(
    State(st): State<AppState>,
    _: Ctx, // a known language in the path, or 404
    PathId(id): PathId,
) -> PageResult<Response> {
    let id = AttachmentId::parse(&id).ok_or_else(PageError::not_found)?;
    let (a, data) = st
        .store
        .attachment(id)
        .await?
        .ok_or_else(PageError::not_found)?;
    Ok((
        [
            (header::CONTENT_TYPE, a.kind.content_type().to_string()),
            (header::CONTENT_DISPOSITION, disposition(&a)),
            (
                header::CONTENT_SECURITY_POLICY,
                "default-src 'none'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'; sandbox".to_string(),
            ),
            // A removed file must not live on in shared caches.
            (header::CACHE_CONTROL, "no-cache".to_string()),
        ],
        data,
    )
        .into_response())
}
