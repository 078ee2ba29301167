//! Finnish local time (Europe/Helsinki): UTC+2, and UTC+3 in summer time, which in the EU
//! runs from 01:00 UTC on the last Sunday of March to 01:00 UTC on the last Sunday of
//! October (directive 2000/84/EC; the rule since 1996). People read times and dates in it,
//! and "today" for an apply-by date is the Finnish day.

use time::{Date, Month, OffsetDateTime, PrimitiveDateTime, Time, UtcOffset, Weekday};

const WINTER: UtcOffset = match UtcOffset::from_hms(2, 0, 0) {
    Ok(o) => o,
    Err(_) => panic!("offset"),
};
const SUMMER: UtcOffset = match UtcOffset::from_hms(3, 0, 0) {
    Ok(o) => o,
    Err(_) => panic!("offset"),
};

/// The last Sunday of a month of a year, at 01:00 UTC: when the EU's clocks change.
fn change(year: i32, month: Month) -> OffsetDateTime {
    let mut d = Date::from_calendar_date(year, month, month.length(year)).expect("last day");
    while d.weekday() != Weekday::Sunday {
        d = d.previous_day().expect("a day before");
    }
    PrimitiveDateTime::new(d, Time::from_hms(1, 0, 0).expect("01:00")).assume_utc()
}

/// Helsinki's offset from UTC at an instant.
pub fn offset_at(t: OffsetDateTime) -> UtcOffset {
    let year = t.to_offset(UtcOffset::UTC).year();
    if t >= change(year, Month::March) && t < change(year, Month::October) {
        SUMMER
    } else {
        WINTER
    }
}

/// An instant as Helsinki's clock shows it.
pub fn local(t: OffsetDateTime) -> OffsetDateTime {
    t.to_offset(offset_at(t))
}

/// A time as people in Finland read it: "26.11.2026 17.05".
pub fn format(t: OffsetDateTime) -> String {
    let t = local(t);
    format!(
        "{}.{}.{} {}.{:02}",
        t.day(),
        u8::from(t.month()),
        t.year(),
        t.hour(),
        t.minute()
    )
}

/// Now, on Helsinki's clock.
pub fn now() -> OffsetDateTime {
    local(OffsetDateTime::now_utc())
}

/// Midnight at the start of a Finnish day, as an instant (clocks change at 03.00 or 04.00,
/// never at midnight, so the offset at midnight is that day's first).
pub fn start_of_day(d: Date) -> OffsetDateTime {
    let winter = PrimitiveDateTime::new(d, Time::MIDNIGHT).assume_offset(WINTER);
    let offset = offset_at(winter);
    PrimitiveDateTime::new(d, Time::MIDNIGHT).assume_offset(offset)
}

/// Today's date in Finland.
pub fn today() -> Date {
    now().date()
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::datetime;

    #[test]
    fn summer_time_starts_and_ends_at_one_utc_on_the_last_sundays() {
        // 2026: 29 March and 25 October.
        assert_eq!(offset_at(datetime!(2026-03-29 00:59:59 UTC)), WINTER);
        assert_eq!(offset_at(datetime!(2026-03-29 01:00 UTC)), SUMMER);
        assert_eq!(offset_at(datetime!(2026-10-25 00:59:59 UTC)), SUMMER);
        assert_eq!(offset_at(datetime!(2026-10-25 01:00 UTC)), WINTER);
        // 2027: 28 March and 31 October (a 31st that is a Sunday).
        assert_eq!(offset_at(datetime!(2027-03-28 01:00 UTC)), SUMMER);
        assert_eq!(offset_at(datetime!(2027-10-31 00:30 UTC)), SUMMER);
        assert_eq!(offset_at(datetime!(2027-10-31 01:00 UTC)), WINTER);
        assert_eq!(offset_at(datetime!(2026-12-31 23:00 UTC)), WINTER);
    }

    #[test]
    fn times_read_as_in_finland() {
        assert_eq!(format(datetime!(2026-11-26 15:05 UTC)), "26.11.2026 17.05");
        assert_eq!(format(datetime!(2026-07-01 09:30 UTC)), "1.7.2026 12.30");
    }

    #[test]
    fn the_finnish_day_begins_before_the_utc_day() {
        let t = datetime!(2026-12-01 22:30 UTC);
        assert_eq!(local(t).date(), time::macros::date!(2026 - 12 - 02));
        assert_eq!(local(t).hour(), 0);
        let s = datetime!(2026-06-30 21:15 UTC);
        assert_eq!(local(s).date(), time::macros::date!(2026 - 07 - 01));
        assert_eq!(local(s).hour(), 0);
    }
}
