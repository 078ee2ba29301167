//! Events (issue 19): network meetings, workshops, recruitment fairs and open days, with
//! their organizers, place, time in Europe/Helsinki and an RFC 5545 recurrence subset
//! (weekly, or monthly on the nth weekday; until a date or a count; exception dates), and
//! sign-ups with a waiting list. The rules live here; the store keeps them, `ical` writes them
//! as calendars and `web::events` shows them.

use super::{helsinki, EventId, LocationId, NetworkId, OrganizationId, SignupId, UserId};
use serde::{Deserialize, Serialize};
use time::{Date, Duration, Month, OffsetDateTime, Time, Weekday};

pub const MAX_TITLE_CHARS: usize = 200;
pub const MAX_DESCRIPTION_CHARS: usize = 8000;
pub const MAX_PLACE_CHARS: usize = 300;
pub const MAX_COST_CHARS: usize = 200;
pub const MAX_ACCESSIBILITY_CHARS: usize = 1000;
pub const MAX_NEEDS_CHARS: usize = 500;
pub const MAX_PERSON_NAME_CHARS: usize = 120;
pub const MAX_CAPACITY: u32 = 10_000;
/// One occurrence lasts at most this long.
pub const MAX_DAYS: i64 = 14;
/// A series has at most this many occurrences, and none later than two years after its first.
pub const MAX_OCCURRENCES: usize = 260;
pub const MAX_SERIES_DAYS: i64 = 2 * 366;
pub const MAX_EXCEPTIONS: usize = 60;
pub const MAX_ORGANIZERS: usize = 10;
/// Participants' names, addresses and needs are deleted this long after the event's end.
pub const SIGNUP_RETENTION: Duration = Duration::days(30);

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EventKind {
    NetworkMeeting,
    Workshop,
    RecruitmentFair,
    OpenDay,
    Training,
    Other,
}

impl EventKind {
    pub const ALL: [EventKind; 6] = [
        EventKind::NetworkMeeting,
        EventKind::Workshop,
        EventKind::RecruitmentFair,
        EventKind::OpenDay,
        EventKind::Training,
        EventKind::Other,
    ];
    pub fn as_str(self) -> &'static str {
        match self {
            EventKind::NetworkMeeting => "network_meeting",
            EventKind::Workshop => "workshop",
            EventKind::RecruitmentFair => "recruitment_fair",
            EventKind::OpenDay => "open_day",
            EventKind::Training => "training",
            EventKind::Other => "other",
        }
    }
    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

/// How a series repeats: the RFC 5545 subset people use for meetings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Frequency {
    /// On the first occurrence's weekday, every `interval` weeks.
    Weekly,
    /// On the first occurrence's nth weekday of the month (the last one when it falls in the
    /// month's last seven days), every `interval` months.
    MonthlyByWeekday,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Recurrence {
    pub frequency: Frequency,
    pub interval: u8,
    /// The last day an occurrence may fall on (Finnish date).
    pub until: Option<Date>,
    /// How many occurrences the rule makes (exceptions included, as RFC 5545 counts).
    pub count: Option<u16>,
    /// Days (Finnish dates) the series skips.
    #[serde(default)]
    pub exceptions: Vec<Date>,
}

/// Which weekday of its month a date is: 1–4, or -1 for the last.
fn nth_weekday(d: Date) -> i8 {
    if d.day() + 7 > d.month().length(d.year()) {
        -1
    } else {
        ((d.day() - 1) / 7 + 1) as i8
    }
}

/// The nth (or last, -1) weekday of a month.
fn weekday_of_month(year: i32, month: Month, weekday: Weekday, nth: i8) -> Option<Date> {
    if nth < 0 {
        let mut d = Date::from_calendar_date(year, month, month.length(year)).ok()?;
        while d.weekday() != weekday {
            d = d.previous_day()?;
        }
        Some(d)
    } else {
        let mut d = Date::from_calendar_date(year, month, 1).ok()?;
        while d.weekday() != weekday {
            d = d.next_day()?;
        }
        d.checked_add(Duration::weeks(i64::from(nth) - 1))
            .filter(|x| x.month() == month)
    }
}

fn add_months(year: i32, month: Month, n: u32) -> (i32, Month) {
    let m0 = u32::from(month as u8) - 1 + n;
    (
        year + (m0 / 12) as i32,
        Month::try_from((m0 % 12 + 1) as u8).unwrap_or(Month::January),
    )
}

impl Recurrence {
    /// The RRULE value (RFC 5545 §3.3.10) for a series whose first occurrence is on `first`;
    /// UNTIL is in UTC, as it must be when DTSTART has a TZID.
    pub fn rrule(&self, first: Date) -> String {
        let day = weekday_code(first.weekday());
        let mut r = match self.frequency {
            Frequency::Weekly => format!("FREQ=WEEKLY;BYDAY={day}"),
            Frequency::MonthlyByWeekday => {
                format!("FREQ=MONTHLY;BYDAY={}{day}", nth_weekday(first))
            }
        };
        if self.interval > 1 {
            r.push_str(&format!(";INTERVAL={}", self.interval));
        }
        // Bounded as `dates` bounds it, so calendars show the dates this page shows: a count
        // (or no end) as the number of dates made, an end day within the limit as UNTIL.
        let cap = first + Duration::days(MAX_SERIES_DAYS);
        if let Some(u) = self.until.filter(|u| self.count.is_none() && *u <= cap) {
            // The end of that Finnish day.
            let end = helsinki::start_of_day(u.next_day().unwrap_or(u)) - Duration::seconds(1);
            r.push_str(&format!(";UNTIL={}", super::ical::utc_stamp(end)));
        } else {
            r.push_str(&format!(";COUNT={}", self.dates(first).len()));
        }
        r
    }

    /// The dates the rule makes from `first`, exceptions included, in order; at most
    /// `MAX_OCCURRENCES` and none past `MAX_SERIES_DAYS`.
    fn dates(&self, first: Date) -> Vec<Date> {
        let last = first + Duration::days(MAX_SERIES_DAYS);
        let last = self.until.map_or(last, |u| u.min(last));
        let limit = self
            .count
            .map_or(MAX_OCCURRENCES, |c| usize::from(c).min(MAX_OCCURRENCES));
        let interval = u32::from(self.interval.max(1));
        let mut out = Vec::new();
        let nth = nth_weekday(first);
        for k in 0u32.. {
            let d = match self.frequency {
                Frequency::Weekly => first.checked_add(Duration::weeks(i64::from(k * interval))),
                Frequency::MonthlyByWeekday => {
                    let (y, m) = add_months(first.year(), first.month(), k * interval);
                    if k > 0 && y > last.year() + 1 {
                        None
                    } else {
                        match weekday_of_month(y, m, first.weekday(), nth) {
                            Some(d) => Some(d),
                            None => continue,
                        }
                    }
                }
            };
            let Some(d) = d.filter(|d| *d <= last) else {
                break;
            };
            out.push(d);
            if out.len() >= limit {
                break;
            }
        }
        out
    }
}

/// RFC 5545's two-letter weekday.
pub fn weekday_code(w: Weekday) -> &'static str {
    match w {
        Weekday::Monday => "MO",
        Weekday::Tuesday => "TU",
        Weekday::Wednesday => "WE",
        Weekday::Thursday => "TH",
        Weekday::Friday => "FR",
        Weekday::Saturday => "SA",
        Weekday::Sunday => "SU",
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Event {
    pub id: EventId,
    pub kind: EventKind,
    pub title: String,
    pub description: String,
    /// One or more organizations; the first is the lead.
    pub organizers: Vec<OrganizationId>,
    pub network_id: Option<NetworkId>,
    pub location_id: Option<LocationId>,
    /// The place as words (a room, or an address when there is no location).
    pub place: String,
    /// Where it is, for the municipality's lists and feeds.
    pub municipality_code: Option<String>,
    /// A link to join online.
    pub online_url: Option<String>,
    /// The first occurrence.
    #[serde(with = "time::serde::rfc3339")]
    pub starts_at: OffsetDateTime,
    #[serde(with = "time::serde::rfc3339")]
    pub ends_at: OffsetDateTime,
    pub recurrence: Option<Recurrence>,
    /// Target group ids.
    pub audience: Vec<String>,
    /// Language codes (fi, sv, en, …).
    pub languages: Vec<String>,
    /// Empty when free.
    pub cost: String,
    pub accessibility: String,
    /// Places for those who sign up; None is no limit.
    pub capacity: Option<u32>,
    /// People sign up through Kolmonen.
    pub signup: bool,
    pub cancelled: bool,
    /// Raised on every change (iCalendar SEQUENCE).
    pub sequence: u32,
    pub created_by: Option<UserId>,
    #[serde(with = "time::serde::rfc3339")]
    pub created_at: OffsetDateTime,
    #[serde(with = "time::serde::rfc3339")]
    pub updated_at: OffsetDateTime,
}

/// One occurrence of an event: its start and end.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Occurrence {
    pub starts_at: OffsetDateTime,
    pub ends_at: OffsetDateTime,
}

impl Event {
    /// Every occurrence, in order, at the same Finnish wall-clock time across the summer-time
    /// changes, exception dates left out.
    pub fn occurrences(&self) -> Vec<Occurrence> {
        let start = helsinki::local(self.starts_at);
        let end = helsinki::local(self.ends_at);
        let span = end.date() - start.date();
        let (t0, t1) = (start.time(), end.time());
        let dates = match &self.recurrence {
            None => return vec![self.first()],
            Some(r) => r
                .dates(start.date())
                .into_iter()
                .filter(|d| !r.exceptions.contains(d))
                .collect::<Vec<_>>(),
        };
        dates
            .into_iter()
            .map(|d| Occurrence {
                starts_at: helsinki::at(d, t0),
                ends_at: helsinki::at(d + span, t1),
            })
            .collect()
    }

    fn first(&self) -> Occurrence {
        Occurrence {
            starts_at: self.starts_at,
            ends_at: self.ends_at,
        }
    }

    /// When the last occurrence ends (the event is past after it).
    pub fn last_end(&self) -> OffsetDateTime {
        self.occurrences()
            .last()
            .map_or(self.ends_at, |o| o.ends_at)
    }

    /// The next occurrence not yet ended at `now`.
    pub fn next_occurrence(&self, now: OffsetDateTime) -> Option<Occurrence> {
        self.occurrences().into_iter().find(|o| o.ends_at > now)
    }

    /// The RRULE value, if it repeats.
    pub fn rrule(&self) -> Option<String> {
        self.recurrence
            .as_ref()
            .map(|r| r.rrule(helsinki::local(self.starts_at).date()))
    }

    /// The exception dates as instants at the series' start time (EXDATE).
    pub fn exception_starts(&self) -> Vec<OffsetDateTime> {
        let t0 = helsinki::local(self.starts_at).time();
        self.recurrence
            .as_ref()
            .map(|r| r.exceptions.iter().map(|d| helsinki::at(*d, t0)).collect())
            .unwrap_or_default()
    }

    pub fn is_past(&self, now: OffsetDateTime) -> bool {
        self.last_end() <= now
    }

    /// Sign-up is open: the event takes sign-ups, is not cancelled and has not ended.
    pub fn takes_signups(&self, now: OffsetDateTime) -> bool {
        self.signup && !self.cancelled && !self.is_past(now)
    }
}

/// Why an event's times are refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TimeError {
    /// The end is not after the start.
    EndBeforeStart,
    /// One occurrence is longer than `MAX_DAYS`.
    TooLong,
    /// The series ends before it starts, or has no occurrence left after its exceptions.
    EmptySeries,
    /// A count, interval or until out of range, or too many exceptions.
    SeriesOutOfRange,
}

/// Checks an event's times and recurrence.
pub fn check_times(
    starts_at: OffsetDateTime,
    ends_at: OffsetDateTime,
    recurrence: Option<&Recurrence>,
) -> Result<(), TimeError> {
    if ends_at <= starts_at {
        return Err(TimeError::EndBeforeStart);
    }
    if ends_at - starts_at > Duration::days(MAX_DAYS) {
        return Err(TimeError::TooLong);
    }
    if let Some(r) = recurrence {
        let first = helsinki::local(starts_at).date();
        if !(1..=4).contains(&r.interval)
            || r.count
                .is_some_and(|c| c == 0 || usize::from(c) > MAX_OCCURRENCES)
            || r.until
                .is_some_and(|u| u > first + Duration::days(MAX_SERIES_DAYS))
            || r.exceptions.len() > MAX_EXCEPTIONS
        {
            return Err(TimeError::SeriesOutOfRange);
        }
        if r.until.is_some_and(|u| u < first) {
            return Err(TimeError::EmptySeries);
        }
        let dates = r.dates(first);
        if dates.iter().all(|d| r.exceptions.contains(d)) {
            return Err(TimeError::EmptySeries);
        }
        // A count that runs past two years (e.g. monthly 260 times) is refused, not cut.
        if r.count.is_some_and(|c| usize::from(c) > dates.len()) {
            return Err(TimeError::SeriesOutOfRange);
        }
    }
    Ok(())
}

/// Where a sign-up stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SignupState {
    /// Made without an account; the e-mail address is not confirmed yet.
    Pending,
    /// Has a place.
    Going,
    /// On the waiting list, in the order confirmed.
    Waiting,
    Cancelled,
}

impl SignupState {
    pub fn as_str(self) -> &'static str {
        match self {
            SignupState::Pending => "pending",
            SignupState::Going => "going",
            SignupState::Waiting => "waiting",
            SignupState::Cancelled => "cancelled",
        }
    }
    pub fn parse(s: &str) -> Option<Self> {
        [
            SignupState::Pending,
            SignupState::Going,
            SignupState::Waiting,
            SignupState::Cancelled,
        ]
        .into_iter()
        .find(|v| v.as_str() == s)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Signup {
    pub id: SignupId,
    pub event_id: EventId,
    /// The account that signed up, if any.
    pub user_id: Option<UserId>,
    pub name: String,
    pub email: String,
    /// An interpreter, a diet, a wheelchair place… as the person wrote it.
    pub needs: String,
    /// The language they signed up in; their messages are in it.
    pub lang: super::Lang,
    pub state: SignupState,
    /// SHA-256 of the secret in the person's confirm and cancel link.
    #[serde(skip)]
    pub token_hash: String,
    #[serde(with = "time::serde::rfc3339")]
    pub created_at: OffsetDateTime,
    /// When the address was confirmed (the waiting list's order).
    #[serde(with = "time::serde::rfc3339::option")]
    pub confirmed_at: Option<OffsetDateTime>,
    /// The occurrence the last reminder was for.
    #[serde(skip)]
    pub reminded_for: Option<OffsetDateTime>,
}

/// The state a confirmed sign-up takes: a place while places are left, else the waiting list.
pub fn place_for(capacity: Option<u32>, going: u64) -> SignupState {
    match capacity {
        Some(c) if going >= u64::from(c) => SignupState::Waiting,
        _ => SignupState::Going,
    }
}

/// A wall-clock time of day: "18:00" or "18.00".
pub fn parse_time(s: &str) -> Option<Time> {
    let s = s.trim();
    let (h, m) = s.split_once([':', '.'])?;
    let (h, m) = (h.parse::<u8>().ok()?, m.parse::<u8>().ok()?);
    Time::from_hms(h, m, 0).ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::{date, datetime, time};

    fn event(start: OffsetDateTime, end: OffsetDateTime, r: Option<Recurrence>) -> Event {
        Event {
            id: EventId::new(),
            kind: EventKind::Workshop,
            title: "Työpaja".into(),
            description: String::new(),
            organizers: vec![OrganizationId::new()],
            network_id: None,
            location_id: None,
            place: String::new(),
            municipality_code: Some("398".into()),
            online_url: None,
            starts_at: start,
            ends_at: end,
            recurrence: r,
            audience: vec![],
            languages: vec!["fi".into()],
            cost: String::new(),
            accessibility: String::new(),
            capacity: None,
            signup: true,
            cancelled: false,
            sequence: 0,
            created_by: None,
            created_at: start,
            updated_at: start,
        }
    }

    fn weekly(count: u16) -> Recurrence {
        Recurrence {
            frequency: Frequency::Weekly,
            interval: 1,
            until: None,
            count: Some(count),
            exceptions: vec![],
        }
    }

    #[test]
    fn a_weekly_series_keeps_its_wall_clock_time_across_the_spring_change() {
        // Thursdays 18.00–20.00 from 19 March 2026; clocks go forward on Sunday 29 March.
        let start = helsinki::at(date!(2026 - 03 - 19), time!(18:00));
        let end = helsinki::at(date!(2026 - 03 - 19), time!(20:00));
        assert_eq!(start, datetime!(2026-03-19 16:00 UTC));
        let e = event(start, end, Some(weekly(3)));
        let o = e.occurrences();
        assert_eq!(o.len(), 3);
        assert_eq!(o[0].starts_at, datetime!(2026-03-19 16:00 UTC));
        assert_eq!(o[1].starts_at, datetime!(2026-03-26 16:00 UTC));
        // After the change: still 18.00 in Helsinki, an hour earlier in UTC.
        assert_eq!(o[2].starts_at, datetime!(2026-04-02 15:00 UTC));
        assert_eq!(o[2].ends_at, datetime!(2026-04-02 17:00 UTC));
        assert_eq!(helsinki::local(o[2].starts_at).time(), time!(18:00));
        assert_eq!(e.rrule().as_deref(), Some("FREQ=WEEKLY;BYDAY=TH;COUNT=3"));
    }

    #[test]
    fn a_weekly_series_keeps_its_wall_clock_time_across_the_autumn_change() {
        // Clocks go back on Sunday 25 October 2026.
        let start = helsinki::at(date!(2026 - 10 - 20), time!(9:30));
        let end = helsinki::at(date!(2026 - 10 - 20), time!(11:00));
        let mut r = weekly(3);
        r.until = None;
        let e = event(start, end, Some(r));
        let o = e.occurrences();
        assert_eq!(o[0].starts_at, datetime!(2026-10-20 06:30 UTC));
        assert_eq!(o[1].starts_at, datetime!(2026-10-27 07:30 UTC));
        assert_eq!(helsinki::local(o[1].starts_at).time(), time!(9:30));
    }

    #[test]
    fn a_time_the_clock_skips_or_repeats_is_read_one_way() {
        // 03.30 on 29 March 2026 does not exist: read as 04.30 summer time.
        assert_eq!(
            helsinki::at(date!(2026 - 03 - 29), time!(3:30)),
            datetime!(2026-03-29 01:30 UTC)
        );
        // 03.30 on 25 October 2026 happens twice: the first, summer time.
        assert_eq!(
            helsinki::at(date!(2026 - 10 - 25), time!(3:30)),
            datetime!(2026-10-25 00:30 UTC)
        );
    }

    #[test]
    fn monthly_by_weekday_until_a_date_with_an_exception() {
        // The second Tuesday of each month, from 13 January 2026 to 30 June, not in April.
        let start = helsinki::at(date!(2026 - 01 - 13), time!(13:00));
        let end = helsinki::at(date!(2026 - 01 - 13), time!(15:00));
        let r = Recurrence {
            frequency: Frequency::MonthlyByWeekday,
            interval: 1,
            until: Some(date!(2026 - 06 - 30)),
            count: None,
            exceptions: vec![date!(2026 - 04 - 14)],
        };
        let e = event(start, end, Some(r));
        let days: Vec<Date> = e
            .occurrences()
            .iter()
            .map(|o| helsinki::local(o.starts_at).date())
            .collect();
        assert_eq!(
            days,
            vec![
                date!(2026 - 01 - 13),
                date!(2026 - 02 - 10),
                date!(2026 - 03 - 10),
                date!(2026 - 05 - 12),
                date!(2026 - 06 - 09),
            ]
        );
        assert_eq!(
            e.rrule().as_deref(),
            Some("FREQ=MONTHLY;BYDAY=2TU;UNTIL=20260630T205959Z")
        );
        assert_eq!(e.exception_starts(), vec![datetime!(2026-04-14 10:00 UTC)]);
        assert_eq!(e.last_end(), datetime!(2026-06-09 12:00 UTC));
    }

    #[test]
    fn the_last_weekday_of_a_month_stays_the_last() {
        let start = helsinki::at(date!(2026 - 01 - 29), time!(10:00));
        let r = Recurrence {
            frequency: Frequency::MonthlyByWeekday,
            interval: 1,
            until: None,
            count: Some(3),
            exceptions: vec![],
        };
        let e = event(start, start + Duration::hours(1), Some(r));
        assert_eq!(
            e.rrule().as_deref(),
            Some("FREQ=MONTHLY;BYDAY=-1TH;COUNT=3")
        );
        let days: Vec<Date> = e
            .occurrences()
            .iter()
            .map(|o| helsinki::local(o.starts_at).date())
            .collect();
        assert_eq!(
            days,
            vec![
                date!(2026 - 01 - 29),
                date!(2026 - 02 - 26),
                date!(2026 - 03 - 26)
            ]
        );
    }

    #[test]
    fn series_out_of_range_are_refused() {
        let start = helsinki::at(date!(2026 - 01 - 13), time!(13:00));
        let end = start + Duration::hours(2);
        assert_eq!(
            check_times(end, start, None),
            Err(TimeError::EndBeforeStart)
        );
        assert_eq!(
            check_times(start, start + Duration::days(15), None),
            Err(TimeError::TooLong)
        );
        let mut r = weekly(2);
        r.exceptions = vec![date!(2026 - 01 - 13), date!(2026 - 01 - 20)];
        assert_eq!(
            check_times(start, end, Some(&r)),
            Err(TimeError::EmptySeries)
        );
        let mut r = weekly(2);
        r.count = Some(1000);
        assert_eq!(
            check_times(start, end, Some(&r)),
            Err(TimeError::SeriesOutOfRange)
        );
        // Without an end, a weekly series stops at two years.
        let mut r = weekly(1);
        r.count = None;
        let e = event(start, end, Some(r));
        assert_eq!(e.occurrences().len(), 105);
        // ... and calendars are told so: the RRULE ends where the page's dates end.
        assert_eq!(e.rrule().as_deref(), Some("FREQ=WEEKLY;BYDAY=TU;COUNT=105"));
        // Monthly 260 times would run for 21 years: refused, not cut.
        let mut r = weekly(1);
        r.frequency = Frequency::MonthlyByWeekday;
        r.count = Some(260);
        assert_eq!(
            check_times(start, end, Some(&r)),
            Err(TimeError::SeriesOutOfRange)
        );
        r.count = Some(24);
        assert_eq!(check_times(start, end, Some(&r)), Ok(()));
    }

    #[test]
    fn the_waiting_list_starts_when_places_run_out() {
        assert_eq!(place_for(Some(2), 1), SignupState::Going);
        assert_eq!(place_for(Some(2), 2), SignupState::Waiting);
        assert_eq!(place_for(None, 5000), SignupState::Going);
    }

    #[test]
    fn times_as_typed() {
        assert_eq!(parse_time("18.05"), Some(time!(18:05)));
        assert_eq!(parse_time("24:00"), None);
    }
}
