import Foundation

/// Builds RFC 5545 content: lines ended by CRLF and folded at 75 octets (never inside a UTF-8
/// sequence), text values escaped, parameter values quoted where needed.
struct ContentLines {
    private(set) var text = ""

    /// Appends `NAME;PARAM=VALUE:value`, folded; `value` goes in as given.
    mutating func add(_ name: String, _ value: String, parameters: [(String, String)] = []) {
        var line = name
        for (parameter, parameterValue) in parameters {
            line += ";\(parameter)=\(Self.parameterValue(parameterValue))"
        }
        line += ":" + value
        text += Self.fold(line)
    }

    /// Appends a TEXT property, escaping backslashes, semicolons, commas and newlines.
    mutating func addText(_ name: String, _ value: String, parameters: [(String, String)] = []) {
        add(name, Self.escape(value), parameters: parameters)
    }

    static func escape(_ text: String) -> String {
        var escaped = ""
        for character in text {
            switch character {
            case "\\": escaped += "\\\\"
            case ";": escaped += "\\;"
            case ",": escaped += "\\,"
            case "\n", "\r\n", "\r": escaped += "\\n"
            default: escaped.append(character)
            }
        }
        return escaped
    }

    /// A parameter value, in double quotes when it holds `:`, `;` or `,` (a double quote
    /// cannot appear in one at all, so it becomes an apostrophe).
    static func parameterValue(_ value: String) -> String {
        let cleaned = value.replacingOccurrences(of: "\"", with: "'").filter { !$0.isNewline }
        return cleaned.contains(where: { ":;,".contains($0) }) ? "\"\(cleaned)\"" : cleaned
    }

    /// Splits a line into pieces of at most 75 octets (a continuation's leading space
    /// included), each ended by CRLF.
    static func fold(_ line: String) -> String {
        var result = ""
        var octets = 0
        for scalar in line.unicodeScalars {
            let size = String(scalar).utf8.count
            if octets + size > 75 {
                result += "\r\n "
                octets = 1
            }
            result.unicodeScalars.append(scalar)
            octets += size
        }
        return result + "\r\n"
    }

    /// `20260105T150000Z`.
    static func utc(_ instant: Int) -> String {
        compact(instant) + "Z"
    }

    /// `20260105T170000`: a wall-clock time (seconds since 1970 on a clock without zone).
    static func compact(_ wallClock: Int) -> String {
        let day = floorDivide(wallClock, 86_400)
        let (year, month, dayOfMonth) = InstantText.civil(fromDay: day)
        let seconds = wallClock - day * 86_400
        let yearText = String(repeating: "0", count: max(0, 4 - String(year).count)) + String(year)
        return yearText + InstantText.twoDigits(month) + InstantText.twoDigits(dayOfMonth) + "T"
            + InstantText.twoDigits(seconds / 3600) + InstantText.twoDigits(seconds % 3600 / 60)
            + InstantText.twoDigits(seconds % 60)
    }

    /// `+0300`, or `+053000`-style with seconds when the offset has them.
    static func offset(_ seconds: Int) -> String {
        let sign = seconds < 0 ? "-" : "+"
        let magnitude = abs(seconds)
        let text = sign + InstantText.twoDigits(magnitude / 3600) + InstantText.twoDigits(magnitude % 3600 / 60)
        return magnitude % 60 == 0 ? text : text + InstantText.twoDigits(magnitude % 60)
    }
}
