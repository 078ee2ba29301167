#!/usr/bin/env python3
"""iCalendar feeds (issue 19) against RFC 5545 with two parsers: python `icalendar` and
`vobject`. Every feed the portal serves for the demo data: each event's, each organizer's,
the network's and the municipalities'. Each must parse in both; have VERSION 2.0, PRODID, a
VTIMEZONE for Europe/Helsinki; every VEVENT a UID, DTSTAMP, DTSTART (in Europe/Helsinki) and a
SEQUENCE; UIDs stable between two fetches; and a repeating event's occurrences as vobject
expands its RRULE/EXDATE must be those the API lists.
Usage: ical_check.py BASE_URL"""
import json
import sys
import urllib.request

import icalendar
import vobject

base = sys.argv[1].rstrip("/")


def get(path):
    with urllib.request.urlopen(base + path, timeout=30) as r:
        return r.read().decode("utf-8"), r.headers.get("content-type", "")


def check(path):
    text, ctype = get(path)
    assert ctype.startswith("text/calendar"), f"{path}: {ctype}"
    assert "\r\n" in text and "\n" not in text.replace("\r\n", ""), f"{path}: CRLF lines"
    for line in text.split("\r\n"):
        assert len(line.encode("utf-8")) <= 75, f"{path}: a line over 75 octets: {line!r}"
    cal = icalendar.Calendar.from_ical(text)
    assert str(cal["VERSION"]) == "2.0", path
    assert cal.get("PRODID"), path
    tzs = [str(c["TZID"]) for c in cal.walk("VTIMEZONE")]
    assert tzs == ["Europe/Helsinki"], f"{path}: {tzs}"
    uids = {}
    for ev in cal.walk("VEVENT"):
        for prop in ("UID", "DTSTAMP", "DTSTART", "SEQUENCE", "SUMMARY"):
            assert ev.get(prop) is not None, f"{path}: VEVENT without {prop}"
        assert ev["DTSTART"].params.get("TZID") == "Europe/Helsinki", path
        uids[str(ev["UID"])] = ev
    # The second opinion: vobject reads it too, and expands the recurrences.
    vcal = vobject.readOne(text)
    expanded = {}
    for ev in vcal.vevent_list:
        uid = ev.uid.value
        assert uid in uids, f"{path}: vobject found {uid} that icalendar did not"
        if hasattr(ev, "rrule"):
            expanded[uid] = list(ev.getrruleset(addRDate=True))
        else:
            expanded[uid] = [ev.dtstart.value]
    assert len(expanded) == len(uids), path
    return uids, expanded


events = json.loads(get("/api/v1/events?past=all&per_page=100")[0])["contents"]
assert events, "the demo has events"
feeds = set()
checked = 0
for e in events:
    uids, expanded = check(f"/fi/events/{e['id']}/calendar.ics")
    assert list(uids) == [e["uid"]], f"{e['id']}: {list(uids)}"
    again, _ = check(f"/fi/events/{e['id']}/calendar.ics")
    assert list(again) == list(uids), "stable UIDs"
    starts = [d.isoformat() for d in expanded[e["uid"]]]
    ours = [o["starts_at"] for o in e["occurrences"]]
    # The API lists at most its first occurrences; vobject's expansion must begin with them.
    import datetime

    def utc(s):
        return datetime.datetime.fromisoformat(s.replace("Z", "+00:00")).astimezone(datetime.timezone.utc)

    theirs = [utc(s) for s in starts][: len(ours)]
    assert theirs == [utc(s) for s in ours], f"{e['title']}: vobject {theirs[:3]} vs ours {ours[:3]}"
    if e.get("occurrence_count") is not None:
        assert len(starts) == e["occurrence_count"], f"{e['title']}: {len(starts)} vs {e['occurrence_count']}"
    checked += 1
    for o in e["organizers"]:
        feeds.add(f"/fi/organizations/{o['id']}/events.ics")
    if e.get("network_id"):
        feeds.add(f"/fi/networks/{e['network_id']}/events.ics")
    if e.get("municipality"):
        feeds.add(f"/sv/municipalities/{e['municipality']}/events.ics")
for f in sorted(feeds):
    check(f)
    checked += 1
print(f"iCalendar: {checked} feeds parsed by icalendar and vobject, {len(events)} events, recurrences agree")
