//! A person's portfolio: a few images or documents of their own work, with captions. Only
//! PNG, JPEG and PDF are taken, recognised by their first bytes (what the browser says the
//! type is does not count), and they are served back with that type only, as a download for
//! documents and inside a sandbox for images.

/// Items one person may keep.
pub const MAX_ITEMS: usize = 6;
/// Largest file (the whole request is limited to 1 MiB).
pub const MAX_BYTES: usize = 900 * 1024;
pub use crate::domain::people::PortfolioItem;

pub const MAX_CAPTION: usize = 200;

/// The type of a file by its first bytes: PNG, JPEG or PDF, nothing else.
pub fn sniff(bytes: &[u8]) -> Option<&'static str> {
    use crate::domain::files::FileKind;
    crate::domain::files::sniff(bytes)
        .filter(|k| matches!(k, FileKind::Pdf | FileKind::Png | FileKind::Jpeg))
        .map(FileKind::content_type)
}

pub use crate::domain::files::without_metadata;

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
    // No control characters, and no bidi overrides or invisible ones: a caption reversed by
    // U+202E spilled into the delete button beside it (outside test).
    let caption: String = caption
        .chars()
        .filter(|c| !c.is_control() && !crate::domain::line::is_deceptive(*c))
        .collect();
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
        // A bidi override or an invisible character does not reach the page.
        assert_eq!(
            check("Kuva\u{202E}ivuk\u{200B}", b"%PDF-1", 0),
            Ok(("application/pdf", "Kuvaivuk".to_string()))
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
