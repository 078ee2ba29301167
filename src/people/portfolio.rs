//! A person's portfolio: a few images or documents of their own work, with captions. Only
//! PNG, JPEG and PDF are taken, recognised by their first bytes (what the browser says the
//! type is does not count), and they are served back with that type only, as a download for
//! documents and inside a sandbox for images.

use crate::accounts::UserId;
use serde::Serialize;

/// Items one person may keep.
pub const MAX_ITEMS: usize = 6;
/// Largest file (the whole request is limited to 1 MiB).
pub const MAX_BYTES: usize = 900 * 1024;
pub const MAX_CAPTION: usize = 200;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PortfolioItem {
    pub id: String,
    pub user_id: UserId,
    pub caption: String,
    pub content_type: String,
    pub size: i64,
    /// Unix microseconds.
    pub created_at: i64,
}

/// The type of a file by its first bytes: PNG, JPEG or PDF, nothing else.
pub fn sniff(bytes: &[u8]) -> Option<&'static str> {
    if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        Some("image/png")
    } else if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        Some("image/jpeg")
    } else if bytes.starts_with(b"%PDF-") {
        Some("application/pdf")
    } else {
        None
    }
}

/// Checks an upload: (the type, the caption) or the translation key of what is wrong.
pub fn check(
    caption: &str,
    bytes: &[u8],
    items_now: usize,
) -> Result<(&'static str, String), (&'static str, &'static str)> {
    if items_now >= MAX_ITEMS {
        return Err(("file", "portfolio-error-full"));
    }
    if bytes.is_empty() {
        return Err(("file", "portfolio-error-file"));
    }
    if bytes.len() > MAX_BYTES {
        return Err(("file", "portfolio-error-size"));
    }
    let Some(kind) = sniff(bytes) else {
        return Err(("file", "portfolio-error-type"));
    };
    let caption: String = caption.chars().filter(|c| !c.is_control()).collect();
    let caption = caption.trim().to_string();
    if caption.is_empty() || caption.chars().count() > MAX_CAPTION {
        return Err(("caption", "portfolio-error-caption"));
    }
    Ok((kind, caption))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_png_jpeg_and_pdf_by_their_bytes() {
        assert_eq!(sniff(b"\x89PNG\r\n\x1a\nrest"), Some("image/png"));
        assert_eq!(sniff(&[0xFF, 0xD8, 0xFF, 0xE0]), Some("image/jpeg"));
        assert_eq!(sniff(b"%PDF-1.7"), Some("application/pdf"));
        assert_eq!(sniff(b"<svg onload=alert(1)>"), None);
        assert_eq!(sniff(b"<html>"), None);
        assert_eq!(
            check("Matto", b"GIF89a", 0),
            Err(("file", "portfolio-error-type"))
        );
        assert_eq!(
            check(" ", b"%PDF-1", 0),
            Err(("caption", "portfolio-error-caption"))
        );
        assert_eq!(
            check("x", b"%PDF-1", MAX_ITEMS),
            Err(("file", "portfolio-error-full"))
        );
        assert_eq!(
            check("x", &vec![b'%'; MAX_BYTES + 1], 0),
            Err(("file", "portfolio-error-size"))
        );
        assert_eq!(
            check(" Kudottu matto ", b"%PDF-1", 0),
            Ok(("application/pdf", "Kudottu matto".into()))
        );
    }
}
