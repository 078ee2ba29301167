//! iCalendar (RFC 5545) for events: one VCALENDAR with the Europe/Helsinki VTIMEZONE and a
//! VEVENT per event, its times in Helsinki wall-clock time, a stable UID, SEQUENCE raised on
//! every change and STATUS:CANCELLED once cancelled. Lines are folded at 75 octets and text
//! is escaped as §3.3.11 says.

use super::events::Event;
use super::helsinki;
use std::fmt::Write;
use time::OffsetDateTime;

/// The zone every time is written in: the EU rule since 1996 (RFC 5545 §3.6.5).
const VTIMEZONE: &str = "BEGIN:VTIMEZONE\r\n\
TZID:Europe/Helsinki\r\n\
BEGIN:DAYLIGHT\r\n\
TZOFFSETFROM:+0200\r\n\
TZOFFSETTO:+0300\r\n\
TZNAME:EEST\r\n\
DTSTART:19960331T030000\r\n\
RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r\n\
END:DAYLIGHT\r\n\
BEGIN:STANDARD\r\n\
TZOFFSETFROM:+0300\r\n\
TZOFFSETTO:+0200\r\n\
TZNAME:EET\r\n\
DTSTART:19961027T040000\r\n\
RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r\n\
END:STANDARD\r\n\
END:VTIMEZONE\r\n";

/// An instant in UTC: `20270310T160000Z`.
pub fn utc_stamp(t: OffsetDateTime) -> String {
    let t = t.to_offset(time::UtcOffset::UTC);
    format!(
        "{:04}{:02}{:02}T{:02}{:02}{:02}Z",
        t.year(),
        u8::from(t.month()),
        t.day(),
        t.hour(),
        t.minute(),
        t.second()
    )
}

/// An instant as Helsinki's clock shows it, for a `TZID=Europe/Helsinki` value.
fn local_stamp(t: OffsetDateTime) -> String {
    let t = helsinki::local(t);
    format!(
        "{:04}{:02}{:02}T{:02}{:02}{:02}",
        t.year(),
        u8::from(t.month()),
        t.day(),
        t.hour(),
        t.minute(),
        t.second()
    )
}

/// TEXT escaped (§3.3.11): backslash, semicolon, comma and line breaks; other control
/// characters dropped.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// One content line, folded at 75 octets without splitting a character (§3.1).
fn line(out: &mut String, content: &str) {
    let mut width = 0;
    for c in content.chars() {
        let n = c.len_utf8();
        if width + n > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += n;
    }
    out.push_str("\r\n");
}

/// What a VEVENT says besides the event itself: its page, place and organizers in words.
pub struct Entry<'a> {
    pub event: &'a Event,
    pub url: String,
    pub location: String,
    pub organizers: String,
    pub categories: String,
}

/// The stable UID of an event.
pub fn uid(e: &Event) -> String {
    format!("event-{}@kolmonen", e.id)
}

/// A whole calendar: `name` is its X-WR-CALNAME.
pub fn calendar(name: &str, entries: &[Entry<'_>]) -> String {
    let blocks: Vec<String> = entries.iter().map(vevent_block).collect();
    calendar_of(name, blocks.iter().map(String::as_str))
}

/// A whole calendar of VEVENTs written already by [`vevent_block`] (a feed keeps them
/// between builds and writes again only the events that changed).
pub fn calendar_of<'a>(name: &str, blocks: impl Iterator<Item = &'a str> + Clone) -> String {
    let size: usize = blocks.clone().map(str::len).sum();
    let mut out = String::with_capacity(1024 + VTIMEZONE.len() + size);
    out.push_str("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Kolmonen//Kolmonen events//FI\r\nCALSCALE:GREGORIAN\r\nMETHOD:PUBLISH\r\n");
    line(&mut out, &format!("X-WR-CALNAME:{}", escape(name)));
    out.push_str("X-WR-TIMEZONE:Europe/Helsinki\r\n");
    out.push_str(VTIMEZONE);
    for b in blocks {
        out.push_str(b);
    }
    out.push_str("END:VCALENDAR\r\n");
    out
}

/// One event's VEVENT, from BEGIN to END.
pub fn vevent_block(entry: &Entry<'_>) -> String {
    let mut out = String::with_capacity(700);
    vevent(&mut out, entry);
    out
}

fn vevent(out: &mut String, entry: &Entry<'_>) {
    let e = entry.event;
    out.push_str("BEGIN:VEVENT\r\n");
    line(out, &format!("UID:{}", uid(e)));
    let _ = write!(out, "DTSTAMP:{}\r\n", utc_stamp(e.updated_at));
    let _ = write!(out, "CREATED:{}\r\n", utc_stamp(e.created_at));
    let _ = write!(out, "LAST-MODIFIED:{}\r\n", utc_stamp(e.updated_at));
    let _ = write!(out, "SEQUENCE:{}\r\n", e.sequence);
    let _ = write!(
        out,
        "DTSTART;TZID=Europe/Helsinki:{}\r\n",
        local_stamp(e.starts_at)
    );
    let _ = write!(
        out,
        "DTEND;TZID=Europe/Helsinki:{}\r\n",
        local_stamp(e.ends_at)
    );
    if let Some(r) = e.rrule() {
        line(out, &format!("RRULE:{r}"));
        let ex = e.exception_starts();
        if !ex.is_empty() {
            let list: Vec<String> = ex.into_iter().map(local_stamp).collect();
            line(
                out,
                &format!("EXDATE;TZID=Europe/Helsinki:{}", list.join(",")),
            );
        }
    }
    line(out, &format!("SUMMARY:{}", escape(&e.title)));
    let mut description = e.description.clone();
    if !entry.organizers.is_empty() {
        description = format!("{}\n\n{}", entry.organizers, description);
    }
    if let Some(online) = &e.online_url {
        description = format!("{description}\n\n{online}");
    }
    line(out, &format!("DESCRIPTION:{}", escape(description.trim())));
    if !entry.location.is_empty() {
        line(out, &format!("LOCATION:{}", escape(&entry.location)));
    }
    line(out, &format!("URL:{}", entry.url));
    if !entry.categories.is_empty() {
        line(out, &format!("CATEGORIES:{}", escape(&entry.categories)));
    }
    out.push_str(if e.cancelled {
        "STATUS:CANCELLED\r\n"
    } else {
        "STATUS:CONFIRMED\r\n"
    });
    out.push_str("TRANSP:OPAQUE\r\nEND:VEVENT\r\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_escaped_and_long_lines_folded_on_character_boundaries() {
        assert_eq!(escape("a;b,c\\d\ne\r"), "a\\;b\\,c\\\\d\\ne");
        let mut out = String::new();
        let long = format!("SUMMARY:{}", "ä".repeat(100));
        line(&mut out, &long);
        for l in out.split("\r\n").filter(|l| !l.is_empty()) {
            assert!(l.len() <= 75, "{} octets", l.len());
        }
        let unfolded = out.replace("\r\n ", "");
        assert_eq!(unfolded.trim_end(), long);
    }
}
