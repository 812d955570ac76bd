import Foundation
import Testing

/// A small RFC 5545 reader for the tests: checks the line structure (CRLF, 75-octet lines,
/// valid UTF-8 on every physical line), unfolds, and parses components and properties.
struct ICalendarComponent {
    struct Property {
        let name: String
        let parameters: [String: String]
        let value: String

        /// The value of a TEXT property with its escapes undone.
        var text: String {
            var result = ""
            var escaping = false
            for character in value {
                if escaping {
                    result.append(character == "n" || character == "N" ? "\n" : character)
                    escaping = false
                } else if character == "\\" {
                    escaping = true
                } else {
                    result.append(character)
                }
            }
            return result
        }
    }

    let name: String
    var properties: [Property] = []
    var children: [ICalendarComponent] = []

    func property(_ name: String) -> Property? {
        properties.first { $0.name == name }
    }

    func all(_ name: String) -> [Property] {
        properties.filter { $0.name == name }
    }

    func components(_ name: String) -> [ICalendarComponent] {
        children.filter { $0.name == name }
    }

    struct ParseError: Error, CustomStringConvertible {
        let description: String
    }

    /// Parses a whole calendar, failing on any structural fault.
    static func parse(_ data: Data) throws -> ICalendarComponent {
        var physical: [Data] = []
        var start = data.startIndex
        var index = data.startIndex
        while index < data.endIndex {
            if data[index] == UInt8(ascii: "\r") {
                guard data.index(after: index) < data.endIndex, data[data.index(after: index)] == UInt8(ascii: "\n")
                else {
                    throw ParseError(description: "a CR not followed by LF")
                }
                physical.append(data[start..<index])
                index = data.index(index, offsetBy: 2)
                start = index
            } else if data[index] == UInt8(ascii: "\n") {
                throw ParseError(description: "a bare LF")
            } else {
                index = data.index(after: index)
            }
        }
        guard start == data.endIndex else { throw ParseError(description: "the last line does not end with CRLF") }

        var logical: [String] = []
        for line in physical {
            guard line.count <= 75 else { throw ParseError(description: "a line of \(line.count) octets") }
            guard let text = String(data: line, encoding: .utf8) else {
                throw ParseError(description: "a line that is not valid UTF-8 by itself (folded inside a character)")
            }
            if text.hasPrefix(" ") || text.hasPrefix("\t") {
                guard !logical.isEmpty else { throw ParseError(description: "a continuation line first") }
                logical[logical.count - 1] += text.dropFirst()
            } else {
                logical.append(text)
            }
        }

        var stack: [ICalendarComponent] = []
        var root: ICalendarComponent?
        for line in logical {
            let property = try parseLine(line)
            switch property.name {
            case "BEGIN":
                stack.append(ICalendarComponent(name: property.value))
            case "END":
                guard let last = stack.popLast(), last.name == property.value else {
                    throw ParseError(description: "END:\(property.value) does not close the open component")
                }
                if stack.isEmpty { root = last } else { stack[stack.count - 1].children.append(last) }
            default:
                guard !stack.isEmpty else { throw ParseError(description: "a property outside any component") }
                stack[stack.count - 1].properties.append(property)
            }
        }
        guard let root, stack.isEmpty else { throw ParseError(description: "unclosed components") }
        return root
    }

    private static func parseLine(_ line: String) throws -> Property {
        var characters = Substring(line)
        var name = ""
        while let next = characters.first, next != ";" && next != ":" {
            name.append(next)
            characters.removeFirst()
        }
        var parameters: [String: String] = [:]
        while characters.first == ";" {
            characters.removeFirst()
            var key = ""
            while let next = characters.first, next != "=" {
                key.append(next)
                characters.removeFirst()
            }
            characters.removeFirst()
            var value = ""
            if characters.first == "\"" {
                characters.removeFirst()
                while let next = characters.first, next != "\"" {
                    value.append(next)
                    characters.removeFirst()
                }
                characters.removeFirst()
            } else {
                while let next = characters.first, next != ";" && next != ":" {
                    value.append(next)
                    characters.removeFirst()
                }
            }
            parameters[key] = value
        }
        guard characters.first == ":" else { throw ParseError(description: "no value in \(line)") }
        characters.removeFirst()
        return Property(name: name, parameters: parameters, value: String(characters))
    }

    // MARK: - Times

    /// Seconds since 1970 of a `YYYYMMDDTHHMMSS` wall clock read as if in UTC.
    static func wallClock(_ text: String) throws -> Int {
        let digits = text.filter(\.isNumber).compactMap { $0.wholeNumberValue }
        guard digits.count == 14 else { throw ParseError(description: "bad date-time \(text)") }
        func number(_ range: Range<Int>) -> Int { digits[range].reduce(0) { $0 * 10 + $1 } }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: 0) ?? .current
        let date = calendar.date(
            from: DateComponents(
                year: number(0..<4), month: number(4..<6), day: number(6..<8), hour: number(8..<10),
                minute: number(10..<12), second: number(12..<14)))
        guard let date else { throw ParseError(description: "bad date-time \(text)") }
        return Int(date.timeIntervalSince1970)
    }

    static func offset(_ text: String) throws -> Int {
        let sign = text.hasPrefix("-") ? -1 : 1
        let digits = text.dropFirst().compactMap(\.wholeNumberValue)
        guard digits.count == 4 || digits.count == 6 else { throw ParseError(description: "bad offset \(text)") }
        let seconds = digits.count == 6 ? digits[4] * 10 + digits[5] : 0
        return sign * ((digits[0] * 10 + digits[1]) * 3600 + (digits[2] * 10 + digits[3]) * 60 + seconds)
    }

    /// The instant of a DTSTART/DTEND property: UTC with a Z, or local time in the calendar's
    /// own VTIMEZONE with that TZID.
    func instant(of property: Property) throws -> Date {
        if property.value.hasSuffix("Z") {
            return Date(timeIntervalSince1970: TimeInterval(try Self.wallClock(property.value)))
        }
        guard let zoneID = property.parameters["TZID"],
            let zone = components("VTIMEZONE").first(where: { $0.property("TZID")?.value == zoneID })
        else { throw ParseError(description: "no VTIMEZONE for \(property.parameters["TZID"] ?? "a floating time")") }
        // Each observance holds from its onset (its DTSTART, local in the offset before it).
        let observances = try zone.children.map { observance -> (onset: Int, to: Int) in
            guard let start = observance.property("DTSTART"), let from = observance.property("TZOFFSETFROM"),
                let to = observance.property("TZOFFSETTO")
            else { throw ParseError(description: "incomplete observance in \(zoneID)") }
            return (try Self.wallClock(start.value) - Self.offset(from.value), try Self.offset(to.value))
        }.sorted { $0.onset < $1.onset }
        let local = try Self.wallClock(property.value)
        for observance in observances {
            let candidate = local - observance.to
            let inEffect = observances.last { $0.onset <= candidate }
            if inEffect?.onset == observance.onset {
                return Date(timeIntervalSince1970: TimeInterval(candidate))
            }
        }
        throw ParseError(description: "no observance of \(zoneID) covers \(property.value)")
    }
}
