#!/usr/bin/env python3
"""What the sample data came to, through the services' HTTP APIs (the main job's second half;
`p2gctl import deploy/sample-data` loads the data itself).

    communities.py ids REGISTRY_URL            the id of every community the registry holds,
                                               one per line
    communities.py wait IDS_FILE NAME=URL...   wait until every service at URL... holds every id,
                                               with a progress line; a time limit in seconds in
                                               P2G_WAIT_SECONDS (default 60)
    communities.py show REGISTRY_URL MATCHING_URL SCHEDULING_URL NOTIFICATIONS_URL
                                               what each service holds: counts, then a table each
    communities.py partnerships REGISTRY_URL   the partnerships with their members today and
                                               their history, then their committees' chairs
    communities.py conference REGISTRY_URL SCHEDULING_URL
                                               the New Orleans conference
                                               (new-orleans-conference.json): its venues and
                                               program, placed by the scheduling service on the
                                               first Monday at least 60 days ahead, organised by
                                               the registry's first volunteer

Standard library only: Debian's python3 is enough. Exit status 1 with one line saying what
failed when a service refuses a community, does not answer, or the events do not arrive.
"""

import json
import os
import sys
import time
import urllib.error
import urllib.request

SHOWN_ROWS = 60


class Failure(Exception):
    pass


def request(method, url, body=None, headers=None, timeout=10):
    data = None if body is None else json.dumps(body).encode()
    all_headers = {"Accept": "application/json"}
    if os.environ.get("P2G_TOKEN"):
        all_headers["Authorization"] = "Bearer " + os.environ["P2G_TOKEN"]
    if body is not None:
        all_headers["Content-Type"] = "application/json"
    all_headers.update(headers or {})
    req = urllib.request.Request(url, data=data, method=method, headers=all_headers)
    try:
        with urllib.request.urlopen(req, timeout=timeout) as response:
            return response.status, json.loads(response.read() or b"null")
    except urllib.error.HTTPError as error:
        text = error.read().decode(errors="replace")
        try:
            return error.code, json.loads(text)
        except ValueError:
            return error.code, text
    except (urllib.error.URLError, OSError) as error:
        raise Failure(f"{method} {url}: no answer ({getattr(error, 'reason', error)})") from None


def problem_text(answer):
    """A problem+json answer in one line: its detail and each invalid field."""
    if not isinstance(answer, dict):
        return str(answer)[:300]
    text = answer.get("detail") or answer.get("title") or json.dumps(answer)
    fields = [f"{p.get('name')}: {p.get('reason')}" for p in answer.get("invalidParams", []) or []]
    return text + (" (" + "; ".join(fields) + ")" if fields else "")


def ids(registry):
    """Every community the registry holds, one id a line, page by page."""
    after = ""
    while True:
        status, answer = request("GET", f"{registry}/communities?limit=1000{after}")
        if status != 200 or not isinstance(answer, dict):
            raise Failure(f"GET {registry}/communities answered HTTP {status}: {problem_text(answer)}")
        for community in answer["communities"]:
            print(community["id"])
        if len(answer["communities"]) < 1000:
            return
        after = f"&after={answer['communities'][-1]['id']}"


def held_ids(url):
    status, answer = request("GET", f"{url}/communities?limit=1000")
    if status != 200 or not isinstance(answer, dict):
        raise Failure(f"GET {url}/communities answered HTTP {status}: {problem_text(answer)}")
    items = answer.get("items", answer.get("communities", []))
    return {item.get("communityId", item.get("id")) for item in items}


def wait(ids_path, urls):
    with open(ids_path, encoding="utf-8") as file:
        wanted = {line.strip() for line in file if line.strip()}
    limit = float(os.environ.get("P2G_WAIT_SECONDS", "60"))
    names = [name for name, _ in urls]
    tty = sys.stderr.isatty()
    started = time.monotonic()
    last_line = None
    while True:
        counts = {name: len(wanted & held_ids(url)) for name, url in urls}
        elapsed = time.monotonic() - started
        parts = "  ".join(f"{name} {counts[name]}/{len(wanted)}" for name in names)
        line = f"run: waiting for the events: {parts}  ({elapsed:.1f}s)"
        done = all(count == len(wanted) for count in counts.values())
        if tty:
            sys.stderr.write("\r\033[K" + line)
            sys.stderr.flush()
        elif line.split("(")[0] != last_line:
            print(line, file=sys.stderr)
            last_line = line.split("(")[0]
        if done:
            if tty:
                sys.stderr.write("\n")
            print(f"run: every service holds all {len(wanted)} sample communities ({elapsed:.1f}s)", file=sys.stderr)
            return
        if elapsed > limit:
            if tty:
                sys.stderr.write("\n")
            behind = ", ".join(f"{name} has {counts[name]}" for name in names if counts[name] < len(wanted))
            raise Failure(
                f"after {limit:.0f}s not every event has arrived ({behind} of {len(wanted)}): "
                "see the services' logs in .local/logs/ and their parked messages (p2gctl dead-letters --show 5)")
        time.sleep(0.2)


def table(headers, rows):
    widths = [max(len(str(row[i])) for row in [headers] + rows) for i in range(len(headers))]
    lines = []
    for row in [headers] + rows:
        cells = [str(cell).ljust(widths[i]) if i < len(row) - 1 else str(cell) for i, cell in enumerate(row)]
        lines.append("  " + "  ".join(cells).rstrip())
    return "\n".join(lines)


def page(url):
    status, answer = request("GET", f"{url}/communities?limit=1000")
    if status != 200 or not isinstance(answer, dict):
        raise Failure(f"GET {url}/communities answered HTTP {status}: {problem_text(answer)}")
    return answer["total"], answer.get("communities", answer.get("items", []))


def shown(rows, total):
    more = total - min(len(rows), SHOWN_ROWS)
    return rows[:SHOWN_ROWS], (f"\n  ... and {more} more" if more > 0 else "")


def show(registry, matching, scheduling, notifications):
    registry_total, communities = page(registry)
    matching_total, candidates = page(matching)
    scheduling_total, locations = page(scheduling)
    notifications_total, recipients = page(notifications)
    welcomes = sum(item.get("notifications", 0) for item in recipients)

    print("What each service holds now:")
    print(table(["SERVICE", "HOLDS"], [
        ["community-registry", f"{registry_total} communities"],
        ["pairing-matching", f"{matching_total} candidate communities for pairing"],
        ["program-scheduling", f"{scheduling_total} community locations with their calendar rules"],
        ["notifications", f"{notifications_total} recipients, {welcomes} welcome notifications"
                          + (" (first 1000 recipients)" if notifications_total > 1000 else "")],
    ]))

    rows = sorted(
        ([c["region"], c["name"], "Israeli locality" if c["kind"] == "israeliLocality" else "global community",
          c["country"], c["timeZone"], ",".join(c["languages"]),
          f"{c['coordinates']['latitude']:.4f}, {c['coordinates']['longitude']:.4f}"] for c in communities),
        key=lambda row: (row[0], row[1]))
    rows, more = shown(rows, registry_total)
    print(f"\ncommunity-registry: communities ({registry_total})")
    print(table(["REGION", "NAME", "KIND", "COUNTRY", "TIME ZONE", "LANGUAGES", "COORDINATES"], rows) + more)

    rows = [[c["name"], c["kind"], c["region"], ",".join(c["languages"])] for c in candidates]
    rows, more = shown(rows, matching_total)
    print(f"\npairing-matching: candidate communities ({matching_total})")
    print(table(["NAME", "KIND", "REGION", "LANGUAGES"], rows) + more)

    rows = [[c["name"], c["timeZone"], c["holidaySchedule"], f"{c['candleLightingMinutes']} min before sunset"] for c in locations]
    rows, more = shown(rows, scheduling_total)
    print(f"\nprogram-scheduling: community locations ({scheduling_total})")
    print(table(["NAME", "TIME ZONE", "FESTIVALS", "CANDLE LIGHTING"], rows) + more)

    rows = [[c["name"], c["language"], c["notifications"]] for c in recipients]
    rows, more = shown(rows, notifications_total)
    print(f"\nnotifications: recipients ({notifications_total})")
    print(table(["NAME", "WRITES IN", "NOTIFICATIONS"], rows) + more)


def partnerships(registry):
    """The partnerships with their members today and how they came to be, then their committees
    with the seats held today."""
    status, answer = request("GET", f"{registry}/partnerships?limit=1000")
    if status != 200 or not isinstance(answer, dict):
        raise Failure(f"GET {registry}/partnerships answered HTTP {status}: {problem_text(answer)}")
    today = time.strftime("%Y-%m-%d", time.gmtime())
    rows, seats = [], []
    histories = []
    for summary in answer["partnerships"]:
        status, history = request("GET", f"{registry}/partnerships/{summary['id']}")
        if status != 200:
            raise Failure(f"GET {registry}/partnerships/{summary['id']} answered HTTP {status}: {problem_text(history)}")
        histories.append(history)
    for history in sorted(histories, key=lambda h: (h["formedOn"], h["name"])):
        stays = history["israeli"] + history["global"]
        now = [s for s in stays if s["joinedOn"] <= today and (s.get("leftOn") is None or today < s["leftOn"])]
        left = sum(1 for s in stays if s.get("leftOn"))
        rows.append([history["name"], history["program"], history["formedOn"],
                     ", ".join(s["name"] for s in now if s["side"] == "israeli"),
                     sum(1 for s in now if s["side"] == "global"), f"{len(stays)} stays, {left} ended"])
        status, listed = request("GET", f"{registry}/partnerships/{history['id']}/committees?asOf={today}")
        if status != 200:
            raise Failure(f"GET .../committees answered HTTP {status}: {problem_text(listed)}")
        for index, committee in enumerate(listed["committees"]):
            held = committee["seats"]
            chairs = "; ".join(f"{s.get('name') or '(erased)'} ({s['side']})"
                               for s in sorted(held, key=lambda s: s["side"], reverse=True) if s["role"] == "chair")
            seats.append([history["name"] if index == 0 else "", committee["name"],
                          chairs or "-", sum(1 for s in held if s["role"] != "chair")])
    print(f"community-registry: partnerships ({answer['total']}), members on {today}")
    print(table(["PARTNERSHIP", "PROGRAM", "FORMED", "ISRAELI SIDE", "GLOBAL", "HISTORY"], rows))
    print(f"\ncommunity-registry: committees, seats held on {today}")
    print(table(["PARTNERSHIP", "COMMITTEE", "CHAIRS", "OTHER SEATS"], seats))


def conference(registry, scheduling):
    """Loads the sample conference through the scheduling API and shows where its sessions went."""
    import datetime
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "new-orleans-conference.json")
    with open(path, encoding="utf-8") as file:
        sample = json.load(file)
    status, answer = request("GET", f"{registry}/volunteers?limit=1")
    volunteers = answer.get("volunteers", []) if isinstance(answer, dict) else []
    if status != 200 or not volunteers:
        raise Failure(f"GET {registry}/volunteers: {status} {problem_text(answer)}")
    organiser = volunteers[0]["id"]
    venue_ids = {}
    for venue in sample["venues"]:
        venue = dict(venue)
        key = venue.pop("key")
        status, answer = request("POST", f"{scheduling}/venues", venue, {"Idempotency-Key": f"sample-venue-{key}"})
        if status not in (200, 201):
            raise Failure(f"POST {scheduling}/venues ({key}): {status} {problem_text(answer)}")
        venue_ids[key] = answer["id"]
    program = dict(sample["program"])
    earliest = datetime.datetime.fromisoformat(program["earliestStart"].replace("Z", "+00:00"))
    deadline = datetime.datetime.fromisoformat(program["deadline"].replace("Z", "+00:00"))
    day = datetime.datetime.now(datetime.timezone.utc).date() + datetime.timedelta(days=60)
    day += datetime.timedelta(days=(7 - day.weekday()) % 7)
    start = datetime.datetime.combine(day, earliest.timetz())
    program["earliestStart"] = start.strftime("%Y-%m-%dT%H:%M:%SZ")
    program["deadline"] = (start + (deadline - earliest)).strftime("%Y-%m-%dT%H:%M:%SZ")
    program["organiserVolunteerId"] = organiser
    program["venueIds"] = [venue_ids[key] for key in program["venueIds"]]
    program["sessions"] = [dict(session, venueIds=[venue_ids[key] for key in session["venueIds"]]) for session in program["sessions"]]
    limit = time.monotonic() + float(os.environ.get("P2G_WAIT_SECONDS", "60"))
    while True:
        # The organiser reaches scheduling through the registry's events; until then: 422.
        status, answer = request("POST", f"{scheduling}/programs", program, {"Idempotency-Key": f"sample-new-orleans-{day}"}, timeout=60)
        if status in (200, 201) or status != 422 or time.monotonic() > limit:
            break
        time.sleep(1)
    if status not in (200, 201):
        raise Failure(f"POST {scheduling}/programs (the New Orleans conference): {status} {problem_text(answer)}")
    names = {venue_id: venue["name"] for venue, venue_id in zip(sample["venues"], venue_ids.values())}
    rows = [[s["startsAt"][:16].replace("T", " "), s["endsAt"][11:16], s["key"], names.get(s.get("venueId"), "online")] for s in answer["sessions"]]
    print(f"program-scheduling: {answer['titles']['en']} (UTC)")
    print(table(["STARTS", "ENDS", "SESSION", "VENUE"], rows))


def main(argv):
    try:
        if len(argv) == 2 and argv[0] == "ids":
            ids(argv[1].rstrip("/"))
        elif len(argv) == 2 and argv[0] == "partnerships":
            partnerships(argv[1].rstrip("/"))
        elif len(argv) >= 3 and argv[0] == "wait":
            urls = []
            for spec in argv[2:]:
                name, _, url = spec.partition("=")
                urls.append((name, url.rstrip("/")))
            wait(argv[1], urls)
        elif len(argv) == 3 and argv[0] == "conference":
            conference(argv[1].rstrip("/"), argv[2].rstrip("/"))
        elif len(argv) == 5 and argv[0] == "show":
            show(*(url.rstrip("/") for url in argv[1:]))
        else:
            print(__doc__, file=sys.stderr)
            return 2
    except Failure as failure:
        print(f"run: error: {failure}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
