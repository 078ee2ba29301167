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

/// The file without the metadata cameras and editors write into it (ASVS 5.0 14.2.8): a
/// photo's Exif block carries where and when it was taken and with which phone, which the
/// person never meant to share with their work. JPEG loses its APP1 (Exif, XMP), APP13
/// (IPTC) and comment segments; PNG its text, Exif and time chunks. What draws the picture
/// (and its colour profile) stays. A file whose structure cannot be followed is kept as it
/// came (browsers show it or not; nothing of it runs). PDFs are kept as they came.
pub fn without_metadata(kind: &str, bytes: &[u8]) -> Vec<u8> {
    let stripped = match kind {
        "image/jpeg" => jpeg_without_metadata(bytes),
        "image/png" => png_without_metadata(bytes),
        _ => None,
    };
    stripped.unwrap_or_else(|| bytes.to_vec())
}

fn jpeg_without_metadata(b: &[u8]) -> Option<Vec<u8>> {
    let mut out = b.get(..2)?.to_vec();
    let mut i = 2;
    loop {
        if *b.get(i)? != 0xFF {
            return None;
        }
        // Fill bytes before a marker.
        while b.get(i + 1) == Some(&0xFF) {
            i += 1;
        }
        let marker = *b.get(i + 1)?;
        match marker {
            // Start of scan: the image data follows to the end.
            0xDA => {
                out.extend_from_slice(&b[i..]);
                return Some(out);
            }
            0x01 | 0xD0..=0xD7 => {
                out.extend_from_slice(&b[i..i + 2]);
                i += 2;
            }
            0xD9 => {
                out.extend_from_slice(&b[i..i + 2]);
                return Some(out);
            }
            _ => {
                let len = usize::from(u16::from_be_bytes([*b.get(i + 2)?, *b.get(i + 3)?]));
                let end = i + 2 + len;
                let segment = b.get(i..end)?;
                if !matches!(marker, 0xE1 | 0xED | 0xFE) {
                    out.extend_from_slice(segment);
                }
                i = end;
            }
        }
    }
}

fn png_without_metadata(b: &[u8]) -> Option<Vec<u8>> {
    let mut out = b.get(..8)?.to_vec();
    let mut i = 8;
    while i < b.len() {
        let len = u32::from_be_bytes(b.get(i..i + 4)?.try_into().ok()?) as usize;
        let kind = b.get(i + 4..i + 8)?;
        let end = i.checked_add(12)?.checked_add(len)?;
        let chunk = b.get(i..end)?;
        if !matches!(kind, b"tEXt" | b"zTXt" | b"iTXt" | b"eXIf" | b"tIME") {
            out.extend_from_slice(chunk);
        }
        i = end;
        if kind == b"IEND" {
            break;
        }
    }
    Some(out)
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
    fn photos_lose_their_metadata() {
        // A JPEG: SOI, APP0 (JFIF), APP1 (Exif with a place), COM, DQT, SOS and data, EOI.
        let seg = |m: u8, body: &[u8]| {
            let mut v = vec![0xFF, m];
            v.extend_from_slice(&((body.len() + 2) as u16).to_be_bytes());
            v.extend_from_slice(body);
            v
        };
        let mut jpeg = vec![0xFF, 0xD8];
        jpeg.extend(seg(0xE0, b"JFIF\0\x01\x01"));
        let exif: &[u8] = b"Exif\0\0GPS 60.98N 25.66E Lahti";
        jpeg.extend(seg(0xE1, exif));
        jpeg.extend(seg(0xFE, b"kotona"));
        jpeg.extend(seg(0xDB, &[0u8; 65]));
        jpeg.extend(seg(0xDA, &[1, 2, 3]));
        jpeg.extend([0x11, 0x22, 0xFF, 0x00, 0x33, 0xFF, 0xD9]);
        let clean = without_metadata("image/jpeg", &jpeg);
        let has = |v: &[u8], s: &[u8]| v.windows(s.len()).any(|w| w == s);
        assert!(!has(&clean, b"GPS") && !has(&clean, b"kotona"));
        assert!(has(&clean, b"JFIF"));
        assert!(clean.ends_with(&[0x11, 0x22, 0xFF, 0x00, 0x33, 0xFF, 0xD9]));
        assert_eq!(
            clean.len(),
            jpeg.len() - (4 + exif.len()) - (4 + b"kotona".len())
        );
        // A PNG: IHDR, tEXt, eXIf, IDAT, IEND.
        let chunk = |t: &[u8; 4], body: &[u8]| {
            let mut v = (body.len() as u32).to_be_bytes().to_vec();
            v.extend_from_slice(t);
            v.extend_from_slice(body);
            v.extend_from_slice(&[0, 0, 0, 0]);
            v
        };
        let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
        png.extend(chunk(b"IHDR", &[0; 13]));
        png.extend(chunk(b"tEXt", b"Author\0Matti"));
        png.extend(chunk(b"eXIf", b"MM GPS"));
        png.extend(chunk(b"IDAT", &[7; 10]));
        png.extend(chunk(b"IEND", &[]));
        let clean = without_metadata("image/png", &png);
        assert!(!has(&clean, b"Matti") && !has(&clean, b"GPS"));
        assert!(has(&clean, b"IHDR") && has(&clean, b"IDAT") && has(&clean, b"IEND"));
        // What cannot be followed stays as it came; documents too.
        let broken = [0xFF, 0xD8, 0xFF, 0xE1, 0xFF];
        assert_eq!(without_metadata("image/jpeg", &broken), broken);
        assert_eq!(without_metadata("application/pdf", b"%PDF-1"), b"%PDF-1");
    }

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
