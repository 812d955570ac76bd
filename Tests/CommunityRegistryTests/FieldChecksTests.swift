import Contracts
import Foundation
import Testing

@testable import CommunityRegistry

@Suite("The rules every field follows")
struct FieldChecksTests {
    @Test("a phone number is kept in E.164 form; a wrong one is refused without being repeated")
    func phones() {
        var checks = FieldChecks()
        #expect(checks.phone("+972 (50) 123-4567", "phone") == "+972501234567")
        #expect(checks.phone("050-123-4567", "phone") == nil)
        #expect(checks.phone("+0 123 456 789", "phone") == nil)
        #expect(checks.problems.count == 2)
        #expect(checks.problems.allSatisfy { !$0.reason.contains("050-123-4567") && !$0.reason.contains("+0 123 456 789") })
    }

    @Test("control characters are refused in every kind of text, a NUL among them")
    func controlCharacters() {
        var checks = FieldChecks()
        #expect(checks.text("Des\u{0}Moines", "name") == nil)
        #expect(checks.text("Des\u{7}Moines", "region") == nil)
        #expect(checks.email("miriam\u{0}@desmoines.example", "email") == nil)
        #expect(checks.timeZone("Asia/Jerusalem\u{0}", "timeZone") == nil)
        #expect(checks.names(["he": "שדרות\u{0}"], "names") == nil)
        #expect(checks.problems.map(\.name) == ["name", "region", "email", "timeZone", "names.he"])
        #expect(checks.problems.allSatisfy { !$0.reason.contains("\u{0}") })
    }

    @Test("text is trimmed, and a name in Hebrew is kept as typed")
    func trimming() {
        var checks = FieldChecks()
        #expect(checks.text("  מערב הגליל \n", "name") == "מערב הגליל")
        #expect(checks.names(["HE": " שדרות ", "en": "Sderot"], "names") == ["he": "שדרות", "en": "Sderot"])
        #expect(checks.problems.isEmpty)
    }

    @Test("roles are lower-case words joined by hyphens, each once; instants are RFC 3339")
    func rolesAndInstants() {
        var checks = FieldChecks()
        #expect(checks.roles(["host-family", "educator"], "roles") == ["host-family", "educator"])
        #expect(checks.roles(["Host Family", "educator", "educator"], "roles") == nil)
        #expect(checks.problems.map(\.name) == ["roles[0]", "roles[2]"])
        #expect(checks.instant("2024-05-01T12:30:00+03:00", "at") == Date(timeIntervalSince1970: 1_714_555_800))
        #expect(checks.instant("1 May 2024", "at") == nil)
    }
}
