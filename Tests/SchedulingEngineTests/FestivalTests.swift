import Foundation
import JewishCalendar
import SchedulingEngine
import Testing

@Suite("Festivals: a festival week, travellers who keep two days, and a quarterly series over three years")
struct FestivalTests {
    static let sderot = person(
        "sderot-coordinator", "Sderot coordinator", at: Places.sderot, hours: Hours.israeliWeek(8, 20))
    static let desMoines = person(
        "des-moines-chair", "Des Moines chair", at: Places.desMoines, hours: Hours.diasporaWeek(8, 20))

    @Test(
        "In Sukkot week 2025 the meeting waits for Thursday: Tuesday is Sukkot everywhere, Wednesday Sukkot II in Des Moines"
    )
    func sukkotWeek() throws {
        let program = Program(
            id: "needs-review", title: "Sderot and Des Moines needs review", kind: .needsAssessment,
            organiser: "sderot-coordinator",
            required: [.participant("sderot-coordinator"), .participant("des-moines-chair")],
            sessions: [.single(.minutes(60))], earliestStart: try instant("2025-10-07T00:00:00Z"),
            deadline: try instant("2025-10-17T00:00:00Z"))
        let problem = try SchedulingProblem(
            participants: [Self.sderot, Self.desMoines], programs: [program],
            horizon: DateInterval(start: try instant("2025-10-01T00:00:00Z"), duration: 60 * 86_400),
            now: try instant("2025-10-01T00:00:00Z"))
        let schedule = solveAndCheck(problem)
        let meeting = try placement(of: "needs-review", in: schedule)
        // 16:00 in Sderot (Chol HaMoed), 08:00 in Des Moines.
        #expect(meeting.start == (try instant("2025-10-09T13:00:00Z")))

        let explanation = try #require(ScheduleExplainer.explain(meeting.key, in: schedule, of: problem))
        let sukkot = try #require(explanation.shapedBy.first { $0.rule == .shabbatAndFestivals(place: "Des Moines") })
        // Without Des Moines' festival days: Tuesday 19:00 in Sderot, just after Sukkot I ends there.
        #expect(sukkot.alternative == (try instant("2025-10-07T16:00:00Z")))
        #expect(sukkot.sentence == "Sukkot in Des Moines ruled out 2025-10-07 16:00 UTC, which is earlier")
        #expect(!explanation.shapedBy.contains { $0.rule == .shabbatAndFestivals(place: "Sderot") })
    }

    @Test(
        "Between Israelis the same week's meeting starts at the first quarter hour after Sukkot I ends, on Chol HaMoed")
    func cholHamoedIsAWorkday() throws {
        let jerusalem = person(
            "jerusalem-agency", "Agency partnership manager", at: Places.jerusalem, hours: .daily(.hours(8, 22)))
        let sderot = person("sderot-coordinator", "Sderot coordinator", at: Places.sderot, hours: .daily(.hours(8, 22)))
        let program = Program(
            id: "joint-team", title: "Sderot joint team", kind: .committeeMeeting, organiser: "jerusalem-agency",
            required: [.participant("jerusalem-agency"), .participant("sderot-coordinator")],
            sessions: [.single(.minutes(60))], earliestStart: try instant("2025-10-07T00:00:00Z"),
            deadline: try instant("2025-10-17T00:00:00Z"))
        let problem = try SchedulingProblem(
            participants: [jerusalem, sderot], programs: [program],
            horizon: DateInterval(start: try instant("2025-10-01T00:00:00Z"), duration: 60 * 86_400),
            now: try instant("2025-10-01T00:00:00Z"))
        let meeting = try placement(of: "joint-team", in: solveAndCheck(problem))

        let sukkot = try GregorianDate(year: 2025, month: 10, day: 7)
        let havdalah = try [Places.jerusalem, Places.sderot].map { place in
            ObservanceCalendar(
                location: try GeoLocation(
                    latitude: place.latitude, longitude: place.longitude, timeZoneIdentifier: place.timeZoneIdentifier),
                policy: place.candleLighting
            ).havdalah(on: sukkot)
        }.max()
        let end = try #require(havdalah).timeIntervalSince1970
        let quarterHour = (end / 900).rounded(.up) * 900
        #expect(meeting.start == Date(timeIntervalSince1970: quarterHour))
    }

    /// A one-day visit to the Western Galilee in the week of Shavuot 2028 (Wednesday 31 May in
    /// Israel; Wednesday and Thursday abroad).
    static func shavuotVisit(_ observance: InPersonObservance) throws -> SchedulingProblem {
        let galilee = person(
            "galilee-coordinator", "Western Galilee coordinator", at: Places.westernGalilee, hours: .always)
        let visitor = person(
            "des-moines-mission-leader", "Des Moines mission leader", at: Places.desMoines, hours: .always)
        let centre = Venue(
            id: "galilee-centre", name: "Western Galilee community centre", place: Places.westernGalilee, capacity: 40)
        let visit = Program(
            id: "mission-day", title: "Des Moines mission day in the Western Galilee", kind: .visit,
            organiser: "galilee-coordinator", format: .inPerson(venues: ["galilee-centre"], observance: observance),
            required: [.participant("galilee-coordinator"), .participant("des-moines-mission-leader")],
            sessions: [.single(.days(1), additionalHeadcount: 20)],
            earliestStart: try instant("2028-05-30T21:00:00Z"), deadline: try instant("2028-06-10T00:00:00Z"))
        return try SchedulingProblem(
            participants: [galilee, visitor], venues: [centre], programs: [visit],
            horizon: DateInterval(start: try instant("2028-05-01T00:00:00Z"), duration: 60 * 86_400),
            now: try instant("2028-05-01T00:00:00Z"))
    }

    @Test("A visit after Shavuot in Israel takes Thursday, the day after the festival")
    func visitKeepsLocalFestival() throws {
        let problem = try Self.shavuotVisit(.venueOnly)
        let visit = try placement(of: "mission-day", in: solveAndCheck(problem))
        #expect(visit.start == (try instant("2028-05-31T21:00:00Z")))
        #expect(visit.end == (try instant("2028-06-01T21:00:00Z")))
        #expect(visit.venue == "galilee-centre")
    }

    @Test(
        "Visitors from abroad keep Shavuot II on Thursday, and Friday runs into Shabbat, so the visit moves to Sunday")
    func visitorsKeepTheirSecondDay() throws {
        let problem = try Self.shavuotVisit(.travellersHomeSchedule)
        let visit = try placement(of: "mission-day", in: solveAndCheck(problem))
        #expect(visit.start == (try instant("2028-06-03T21:00:00Z")))
    }

    @Test(
        "A quarterly series over three years keeps Thursday 16:00 in Sderot, moving off Sukkot II in 2025 and Pesach VIII in 2026"
    )
    func quarterlySeries() throws {
        let program = Program(
            id: "roadmap-sderot", title: "Sderot road map to recovery: quarterly review", kind: .roadMapReview,
            organiser: "sderot-coordinator",
            required: [.participant("sderot-coordinator"), .participant("des-moines-chair")],
            sessions: [.single(.minutes(90))], earliestStart: try instant("2025-10-08T13:00:00Z"),
            deadline: try instant("2025-10-17T13:00:00Z"), recurrence: .quarterly(years: 3))
        let problem = try SchedulingProblem(
            participants: [Self.sderot, Self.desMoines], programs: [program],
            horizon: DateInterval(start: try instant("2025-10-01T00:00:00Z"), end: try instant("2028-08-01T00:00:00Z")),
            now: try instant("2025-10-01T00:00:00Z"))
        let schedule = solveAndCheck(problem)

        #expect(schedule.unplaced.isEmpty)
        #expect(schedule.placements.map(\.key.occurrence) == Array(0..<12))
        // 8 October 2025 is Sukkot II abroad; 8 and 9 April 2026 are Pesach VII and VIII abroad.
        #expect(schedule.placements[0].start == (try instant("2025-10-09T13:00:00Z")))
        #expect(schedule.placements[2].start == (try instant("2026-04-16T13:00:00Z")))

        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = try #require(TimeZone(identifier: "Asia/Jerusalem"))
        for placement in schedule.placements {
            let local = calendar.dateComponents([.weekday, .hour, .minute], from: placement.start)
            #expect(
                local.weekday == 5 && local.hour == 16 && local.minute == 0, "\(placement.key) at \(placement.start)")
        }
        let score = SoftScore(schedule, of: problem)
        #expect(score.seriesDriftHours == 0)
        #expect(score.seriesWeekdayChanges == 0)

        let pesach = try #require(ScheduleExplainer.explain(schedule.placements[2].key, in: schedule, of: problem))
        #expect(
            pesach.shapedBy.map(\.sentence).contains(
                "Pesach in Des Moines ruled out 2026-04-09 13:00 UTC, which is earlier"))
    }
}
