import JewishCalendar

/// Puts a set of rule groups into one sentence in the words coordinators use: "no 60-minute
/// slot in which Sderot, Des Moines and Melbourne are all within working hours outside Shabbat
/// before the deadline (2025-12-21 18:00 UTC)".
struct RulePhrasing {
    let rules: UnitRules
    let index: AvailabilityIndex

    func sentence(_ groups: [RuleGroup]) -> String {
        let problem = index.problem
        var hoursPlaces: [String] = []
        var restGroups: [RuleGroup] = []
        var unavailable: [String] = []
        var booked: [String] = []
        var venue: [String] = []
        var earliest: String?
        var deadline: String?
        for group in groups {
            switch group.rule {
            case .workingHours(let place, _): hoursPlaces.append(place)
            case .shabbatAndFestivals: restGroups.append(group)
            case .participantUnavailable(let id): unavailable.append(problem.participant(id)?.name ?? id.rawValue)
            case .participantBooked(let id): booked.append(problem.participant(id)?.name ?? id.rawValue)
            case .venueCapacity(let headcount): venue.append("holds \(headcount) people")
            case .venueOpeningHours: venue.append("is open")
            case .venueBooked: venue.append("is not already booked")
            case .venueUnavailable: venue.append("is available")
            case .earliestStart(let date): earliest = InstantText.utc(date)
            case .deadline(let date): deadline = InstantText.utc(date)
            }
        }

        var sentence = "no " + lengthPhrase
        if !hoursPlaces.isEmpty {
            switch hoursPlaces.count {
            case 1: sentence += " in which \(hoursPlaces[0]) is within working hours"
            case 2: sentence += " in which \(Self.list(hoursPlaces)) are both within working hours"
            default: sentence += " in which \(Self.list(hoursPlaces)) are all within working hours"
            }
        }
        if !restGroups.isEmpty {
            sentence += " " + restPhrase(restGroups, windowed: earliest != nil || deadline != nil)
        }
        if !unavailable.isEmpty {
            sentence += " outside the unavailable periods of the \(Self.list(unavailable))"
        }
        if !booked.isEmpty {
            sentence += " in which the \(Self.list(booked)) \(booked.count == 1 ? "is" : "are") not already booked"
        }
        if !venue.isEmpty {
            sentence += " in a venue that " + Self.list(venue)
        }
        switch (earliest, deadline) {
        case (let earliest?, let deadline?):
            sentence += " between the earliest start (\(earliest)) and the deadline (\(deadline))"
        case (let earliest?, nil): sentence += " after the earliest start (\(earliest))"
        case (nil, let deadline?): sentence += " before the deadline (\(deadline))"
        case (nil, nil): break
        }
        if groups.isEmpty {
            sentence +=
                " between now (\(InstantText.utc(rules.range.start))) and the end of the planning horizon (\(InstantText.utc(rules.range.end)))"
        }
        return sentence
    }

    private var lengthPhrase: String {
        switch rules.unit.plan.length {
        case .minutes: "\(rules.unit.plan.length) slot"
        case .days: "\(rules.unit.plan.length) stretch"
        }
    }

    /// "outside Shabbat", "outside Shabbat and Pesach in Des Moines": the festivals named are
    /// those in the windows that fall in the time searched; the places are left out when the
    /// rule holds at every place the session's Shabbat rules concern.
    private func restPhrase(_ groups: [RuleGroup], windowed: Bool) -> String {
        let searched = windowed ? rules.unit.window : rules.range
        var names: [String] = []
        var hasShabbat = false
        for group in groups {
            guard let rest = group.rest else { continue }
            for window in index.restWindows(rest.calendar).windows
            where window.start.instant < searched.end && window.end.instantRoundedUp > searched.start {
                for day in window.days {
                    if day.isShabbat { hasShabbat = true }
                    for holiday in day.yomTov where !names.contains(Self.festival(holiday)) {
                        names.append(Self.festival(holiday))
                    }
                }
            }
        }
        let kinds = (hasShabbat || names.isEmpty ? ["Shabbat"] : []) + names
        let allPlaces = rules.groups.filter { if case .shabbatAndFestivals = $0.rule { true } else { false } }.count
        let places: [String] = groups.compactMap { group in
            if case .shabbatAndFestivals(let place) = group.rule { return place }
            return nil
        }
        return "outside " + Self.list(kinds) + (places.count == allPlaces ? "" : " in " + Self.list(places))
    }

    /// The festival a yom tov belongs to, e.g. "Pesach" for its seventh day.
    static func festival(_ holiday: Holiday) -> String {
        switch holiday {
        case .roshHashana1, .roshHashana2: "Rosh Hashana"
        case .sukkot1, .sukkot2: "Sukkot"
        case .pesach1, .pesach2, .pesach7, .pesach8: "Pesach"
        case .shavuot1, .shavuot2: "Shavuot"
        default: holiday.englishName
        }
    }

    /// "A", "A and B", "A, B and C".
    static func list(_ items: [String]) -> String {
        switch items.count {
        case 0: ""
        case 1: items[0]
        default: items.dropLast().joined(separator: ", ") + " and " + (items.last ?? "")
        }
    }
}
