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

/// Easter Sunday of a year (the anonymous Gregorian algorithm).
fn easter(year: i32) -> Option<Date> {
    let a = year % 19;
    let b = year / 100;
    let c = year % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    Date::from_calendar_date(year, Month::try_from(month as u8).ok()?, day as u8).ok()
}

/// A Finnish working day: Monday to Friday and not a public holiday that falls on one (New
/// Year, Epiphany, Good Friday, Easter Monday, May Day, Ascension, Midsummer Eve,
/// Independence Day, Christmas Eve, Christmas, Boxing Day).
pub fn is_working_day(d: Date) -> bool {
    if matches!(d.weekday(), Weekday::Saturday | Weekday::Sunday) {
        return false;
    }
    let (m, day) = (d.month(), d.day());
    let fixed = matches!(
        (m, day),
        (Month::January, 1)
            | (Month::January, 6)
            | (Month::May, 1)
            | (Month::December, 6)
            | (Month::December, 24)
            | (Month::December, 25)
            | (Month::December, 26)
    );
    // Midsummer Eve: the Friday between 19 and 25 June.
    let midsummer = m == Month::June && (19..=25).contains(&day) && d.weekday() == Weekday::Friday;
    let movable = easter(d.year()).is_some_and(|e| {
        let offset = (d - e).whole_days();
        matches!(offset, -2 | 1 | 39)
    });
    !(fixed || midsummer || movable)
}

/// How many Finnish working days lie after the day of `from` up to and including the day of
/// `to` (0 when `to` is not later).
pub fn working_days_between(from: OffsetDateTime, to: OffsetDateTime) -> u32 {
    let (mut d, end) = (local(from).date(), local(to).date());
    let mut n = 0;
    while d < end {
        d = match d.next_day() {
            Some(x) => x,
            None => break,
        };
        if is_working_day(d) {
            n += 1;
        }
    }
    n
}

/// A wall-clock time in Finland as an instant. A time the spring change skips (03.00–03.59
/// on the last Sunday of March) is read as an hour later; one the autumn change repeats is
/// read as the first (summer) one.
pub fn at(date: Date, time: Time) -> OffsetDateTime {
    let wall = PrimitiveDateTime::new(date, time);
    let summer = wall.assume_offset(SUMMER);
    if offset_at(summer) == SUMMER {
        return summer;
    }
    wall.assume_offset(WINTER)
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
    fn working_days_skip_weekends_and_finnish_holidays() {
        use time::macros::date;
        assert_eq!(easter(2026), Some(date!(2026 - 04 - 05)));
        assert_eq!(easter(2027), Some(date!(2027 - 03 - 28)));
        for holiday in [
            date!(2026 - 04 - 03), // Good Friday
            date!(2026 - 04 - 06), // Easter Monday
            date!(2026 - 05 - 14), // Ascension
            date!(2026 - 06 - 19), // Midsummer Eve
            date!(2026 - 12 - 24),
            date!(2027 - 01 - 06),
        ] {
            assert!(!is_working_day(holiday), "{holiday}");
        }
        assert!(is_working_day(date!(2026 - 12 - 03)));
        // Thursday 17 Dec to Thursday 31 Dec 2026: 18, 21, 22, 23, 28, 29, 30, 31.
        let at =
            |d: Date| PrimitiveDateTime::new(d, Time::from_hms(10, 0, 0).unwrap()).assume_utc();
        assert_eq!(
            working_days_between(at(date!(2026 - 12 - 17)), at(date!(2026 - 12 - 31))),
            8
        );
        assert_eq!(
            working_days_between(at(date!(2026 - 12 - 31)), at(date!(2026 - 12 - 17))),
            0
        );
    }

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
