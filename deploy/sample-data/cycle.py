#!/usr/bin/env python3
"""The needs-assessment cycle of the sample Western Negev communities, run by the services with
shortened durations (the main job's last part; deploy/run.sh sets the P2G_WORKFLOW_* durations).

    cycle.py REGISTRY_URL MATCHING_URL SMTP_STORE

1. Registers the people the joint teams are formed from (two volunteers of each Western Negev
   community and of each global community, and two Agency staff for each Western Negev
   community; fictional, with e-mail consent), once: a second run finds them registered.
2. Enrols each Western Negev community in a Communities2Gether cycle (POST /workflows).
3. Follows every cycle with a progress line per pairing as its stage changes, and acts as the
   joint teams would: submits each needs assessment (all but Nir Oz's, which is late and is
   escalated), plans a road-map milestone, records a funding commitment against it, and
   submits the reassessment when it is asked for.
4. Prints each pairing's timeline, then the e-mails the SMTP server received for the cycles.

A time limit in seconds in P2G_CYCLE_SECONDS (default 400). Standard library only. Exit status
1 with one line saying what failed.
"""

import email
import email.header
import email.policy
import os
import sys
import time
import uuid

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from communities import Failure, problem_text, request, table  # noqa: E402

LATE = "Nir Oz"
FIRST_NAMES = ["Noa", "Amit", "Tamar", "Yoav", "Shira", "Eyal", "Maya", "Omer", "Dana", "Ido", "Lior", "Gal"]
LAST_NAMES = ["Levi", "Mizrahi", "Peretz", "Biton", "Dahan", "Avraham", "Friedman", "Katz", "Goldberg", "Klein"]
NAMESPACE = uuid.UUID("6f1c2d9e-0b7a-4c51-9e3f-2a8d7c6b5e40")


def say(text):
    print(f"run: {text}", file=sys.stderr, flush=True)


def ok(status, answer, what, expected=(200, 201)):
    if status not in expected:
        raise Failure(f"{what} answered HTTP {status}: {problem_text(answer)}")
    return answer


def communities(registry):
    status, answer = request("GET", f"{registry}/communities?limit=1000")
    return ok(status, answer, f"GET {registry}/communities")["communities"]


def register_people(registry, negev, globals_):
    """Two volunteers of each community, two Agency staff per Western Negev community."""
    added = 0
    for community in negev + globals_:
        israeli = community in negev
        for person in range(4 if israeli else 2):
            agency = person >= 2
            key = f"demo-cycle-{community['id']}-{person}"
            seed = uuid.uuid5(NAMESPACE, key).int
            first, last = FIRST_NAMES[seed % len(FIRST_NAMES)], LAST_NAMES[(seed // 7) % len(LAST_NAMES)]
            slug = community["name"].lower().replace(" ", "-").replace("'", "")
            body = {
                "name": f"{first} {last}",
                "homeCommunityId": community["id"],
                "languages": ["he", "en"] if israeli else ["en", "he"],
                "timeZone": community["timeZone"],
                "roles": ["agency-staff"] if agency else ["steering-committee"],
                "contactChannels": [
                    {
                        "kind": "email",
                        "address": f"cycle.{first.lower()}.{last.lower()}.{person}@{slug}.example",
                        "consent": {"given": True, "at": "2026-11-01T09:30:00Z"},
                    }
                ],
            }
            status, answer = request("POST", f"{registry}/volunteers", body, headers={"Idempotency-Key": key})
            ok(status, answer, f"POST {registry}/volunteers")
            added += status == 201
    return added


def assess(registry, community_id, previous=None):
    body = {
        "assessedOn": time.strftime("%Y-%m-%d"),
        "items": [
            {
                "horizon": "immediate",
                "sector": "housing",
                "description": "Mattresses and kitchen sets for the families coming home",
                "language": "en",
                "quantity": 120,
                "unit": "set",
                "estimatedCost": {"amount": 9600000, "currency": "USD"},
            }
        ],
    }
    if previous:
        body["reassesses"] = previous
    status, answer = request("POST", f"{registry}/communities/{community_id}/needs-assessments", body)
    assessment = ok(status, answer, "POST needs-assessments")
    status, answer = request("POST", f"{registry}/needs-assessments/{assessment['id']}/submission", {})
    ok(status, answer, "POST needs-assessments/{id}/submission", expected=(200,))
    return assessment["id"], assessment["items"][0]["id"]


def road_map_and_funding(registry, community_id, item):
    quarter = f"{time.gmtime().tm_year + 1}-Q1"
    milestone = {"title": "Every returning family sleeps in its own home", "quarter": quarter, "needItemIds": [item],
                 "plannedOn": time.strftime("%Y-%m-%d")}
    status, answer = request("POST", f"{registry}/communities/{community_id}/milestones", milestone)
    ok(status, answer, "POST milestones")
    flow = {"funder": {"kind": "federation", "name": "Jewish Federations of North America"}, "communityId": community_id,
            "needItemId": item, "amount": {"amount": 4800000, "currency": "USD"}, "status": "committed",
            "on": time.strftime("%Y-%m-%d")}
    status, answer = request("POST", f"{registry}/funding-flows", flow)
    ok(status, answer, "POST funding-flows")


def cycle(registry, matching, store):
    started = time.time()
    all_communities = communities(registry)
    negev = [c for c in all_communities if c["kind"] == "israeliLocality" and c["region"] == "Western Negev"]
    globals_ = [c for c in all_communities if c["kind"] == "globalCommunity"]
    names = {c["id"].lower(): c["name"] for c in all_communities}
    if not negev:
        raise Failure("the registry holds no Western Negev community: import deploy/sample-data first")
    added = register_people(registry, negev, globals_)
    say(f"the joint teams' people: {added} volunteers registered now"
        f" ({4 * len(negev) + 2 * len(globals_) - added} were registered before)")

    cycles = {}
    status, listing = request("GET", f"{matching}/workflows?limit=1000")
    ok(status, listing, f"GET {matching}/workflows")
    earlier = {item["impactedCommunityId"].lower(): item for item in listing["items"]}
    mails_since = started
    ran_before = all(earlier.get(c["id"].lower(), {}).get("closedAt") for c in negev)
    if ran_before:
        say("the Western Negev cycles ran before (deploy/stack.sh reset starts afresh): their timelines")
        mails_since = 0
    for community in negev:
        if ran_before:
            cycles[community["id"].lower()] = earlier[community["id"].lower()]["id"]
            continue
        status, answer = request("POST", f"{matching}/workflows", {"impactedCommunityId": community["id"]})
        if status == 422:
            # The registration may still be on its way to matching.
            time.sleep(2)
            status, answer = request("POST", f"{matching}/workflows", {"impactedCommunityId": community["id"]})
        cycles[community["id"].lower()] = ok(status, answer, f"POST {matching}/workflows for {community['name']}")["id"]
    say(f"{len(cycles)} Western Negev communities enrolled in Communities2Gether cycles: GET {matching}/workflows")

    limit = float(os.environ.get("P2G_CYCLE_SECONDS", "400"))
    shown, assessments, acted, reassessed = {}, {}, set(), set()
    views = {}
    while True:
        for community_id, workflow_id in cycles.items():
            status, view = request("GET", f"{matching}/workflows/{workflow_id}")
            views[community_id] = ok(status, view, f"GET {matching}/workflows/{workflow_id}")
            view = views[community_id]
            name = names[community_id]
            partner = names.get((view.get("supportingCommunityId") or "").lower(), "-")
            steps = {(s["step"], s["occurrence"]): s["status"] for s in view["steps"]}
            line = f"{partner:<22} " + view["stage"] + ("" if view.get("closedAt") is None else " (closed)")
            if steps.get(("needsAssessment", 0)) in ("overdue", "escalated"):
                line += f", needs assessment {steps[('needsAssessment', 0)]}"
            if shown.get(community_id) != line:
                shown[community_id] = line
                say(f"{int(time.time() - started):4d}s  {name:<10} with {line}")
            # The team's part.
            ready = steps.get(("kickoffMeeting", 0)) == "done"
            due = steps.get(("needsAssessment", 0)) in ("requested", "overdue", "escalated")
            if ready and due and community_id not in acted and (name != LATE or steps[("needsAssessment", 0)] == "escalated"):
                acted.add(community_id)
                assessment, item = assess(registry, community_id)
                assessments[community_id] = assessment
                road_map_and_funding(registry, community_id, item)
            if steps.get(("reassessment", 1)) in ("requested", "overdue", "escalated") and community_id not in reassessed:
                reassessed.add(community_id)
                assess(registry, community_id, previous=assessments.get(community_id))
        if all(v.get("closedAt") for v in views.values()):
            break
        if time.time() - started > limit:
            raise Failure(f"the cycles did not close within {int(limit)} s (P2G_CYCLE_SECONDS); GET {matching}/workflows")
        time.sleep(2)

    for community_id, view in views.items():
        partner = names.get((view.get("supportingCommunityId") or "").lower(), "-")
        print(f"{names[community_id]} with {partner}: {view.get('summary', '')}")
        rows = []
        for entry in view["timeline"]:
            step = entry["step"] + (f" {entry['occurrence']}" if entry["occurrence"] else "")
            rows.append([entry["at"][11:19], step, entry["what"], (entry.get("reason") or "")[:70]])
        print(table(["TIME (UTC)", "STEP", "WHAT", "DETAIL"], rows))
        print()

    # The e-mails to the cycles' people (addresses at .example, as the sample data's), once the
    # server has had a few quiet seconds: the close's notices go out as the cycles close.
    def received():
        mails = []
        for name in sorted(os.listdir(store)) if os.path.isdir(store) else []:
            path = os.path.join(store, name)
            if not name.endswith(".eml") or os.path.getmtime(path) < mails_since:
                continue
            with open(path, "rb") as handle:
                message = email.message_from_binary_file(handle, policy=email.policy.default)
            to = str(message.get("Delivered-To", message.get("To", "")))
            if to.endswith(".example"):
                mails.append((to, str(message.get("Subject", ""))))
        return mails

    mails, quiet_since = received(), time.time()
    while time.time() - quiet_since < 4 and time.time() - started < limit + 30:
        time.sleep(1)
        now = received()
        if len(now) != len(mails):
            mails, quiet_since = now, time.time()
    counts = {}
    for _, subject in mails:
        kind = subject.split(", ")[0]
        counts[kind] = counts.get(kind, 0) + 1
    print(f"E-mails the SMTP server received for the cycles' people ({len(mails)}; stored in {store}):")
    print(table(["COUNT", "SUBJECT"], [[str(n), s] for s, n in sorted(counts.items(), key=lambda kv: -kv[1])]))
    held = 4 * len(negev) + 2 * len(globals_)
    print(f"  (welcomes to the {held} people registered for the teams went out when they were registered; e-mails due in a"
          " recipient's quiet hours or Shabbat wait for them, see GET /deliveries on notifications)")


def main(argv):
    if len(argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    try:
        cycle(argv[0].rstrip("/"), argv[1].rstrip("/"), argv[2])
    except Failure as failure:
        print(f"run: error: {failure}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
