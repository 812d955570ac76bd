import Foundation
import Postgres
import Testing

@Suite("Values round-trip through PostgreSQL")
struct TypeRoundTripTests {
    struct Preferences: Codable, Equatable, Sendable {
        var languages: [String]
        var quietHours: Int
    }

    @Test("every supported type comes back as it was sent, NULLs included")
    func everyTypeRoundTrips() async throws {
        try await TestDatabase.withClient { client in
            let table = TestDatabase.uniqueName("round_trip")
            try await client.query(
                """
                CREATE TABLE \(identifier: table) (
                    id int PRIMARY KEY, small smallint, regular integer, big bigint, ratio double precision,
                    active boolean, name text, label varchar(40), community uuid, happened_at timestamptz,
                    photo bytea, budget numeric(14,2), preferences jsonb, loose json, languages text[], members uuid[]
                )
                """)
            let community = UUID()
            let members = [UUID(), UUID()]
            let happenedAt = Date(timeIntervalSince1970: 1_716_458_400.123456)
            let photo = Data([0, 1, 2, 254, 255])
            let budget = Decimal(string: "250000.75")!
            let preferences = Preferences(languages: ["he", "en"], quietHours: 22)
            try await client.query(
                """
                INSERT INTO \(identifier: table) VALUES (
                    1, \(Int16(-7)), \(Int32(2_000_000_000)), \(Int64.max), \(3.25), \(true), \("Kfar Aza, \"Gaza border\" \\ kibbutz"),
                    \("Sderot"), \(community), \(happenedAt), \(photo), \(budget), \(PostgresJSON(preferences)),
                    \(PostgresJSON(["a": 1])), \(["Hebrew", "English", "with, comma", "{brace}", "quote\"d"]), \(members)
                )
                """)
            try await client.query(
                """
                INSERT INTO \(identifier: table) VALUES (
                    2, \(Int16?.none), \(Int32?.none), \(Int64?.none), \(Double?.none), \(Bool?.none), \(String?.none),
                    \(String?.none), \(UUID?.none), \(Date?.none), \(Data?.none), \(Decimal?.none),
                    \(PostgresJSON<Preferences>?.none), \(PostgresJSON<[String: Int]>?.none), \([String]?.none), \([UUID]?.none)
                )
                """)
            let rows = try await client.query("SELECT * FROM \(identifier: table) ORDER BY id")
            #expect(rows.count == 2)
            let full = rows[0]
            #expect(try full.decode(Int16.self, "small") == -7)
            #expect(try full.decode(Int32.self, "regular") == 2_000_000_000)
            #expect(try full.decode(Int64.self, "big") == Int64.max)
            #expect(try full.decode(Int.self, "big") == Int.max)
            #expect(try full.decode(Double.self, "ratio") == 3.25)
            #expect(try full.decode(Bool.self, "active") == true)
            #expect(try full.decode(String.self, "name") == "Kfar Aza, \"Gaza border\" \\ kibbutz")
            #expect(try full.decode(String.self, "label") == "Sderot")
            #expect(try full.decode(UUID.self, "community") == community)
            let decodedDate = try full.decode(Date.self, "happened_at")
            #expect(abs(decodedDate.timeIntervalSince(happenedAt)) < 0.000_001)
            #expect(try full.decode(Data.self, "photo") == photo)
            #expect(try full.decode(Decimal.self, "budget") == budget)
            #expect(try full.decode(PostgresJSON<Preferences>.self, "preferences").value == preferences)
            #expect(try full.decode(PostgresJSON<[String: Int]>.self, "loose").value == ["a": 1])
            #expect(try full.decode([String].self, "languages") == ["Hebrew", "English", "with, comma", "{brace}", "quote\"d"])
            #expect(try full.decode([UUID].self, "members") == members)

            let empty = rows[1]
            #expect(try empty.decode(Int16?.self, "small") == nil)
            #expect(try empty.decode(Int32?.self, "regular") == nil)
            #expect(try empty.decode(Int64?.self, "big") == nil)
            #expect(try empty.decode(Double?.self, "ratio") == nil)
            #expect(try empty.decode(Bool?.self, "active") == nil)
            #expect(try empty.decode(String?.self, "name") == nil)
            #expect(try empty.decode(UUID?.self, "community") == nil)
            #expect(try empty.decode(Date?.self, "happened_at") == nil)
            #expect(try empty.decode(Data?.self, "photo") == nil)
            #expect(try empty.decode(Decimal?.self, "budget") == nil)
            #expect(try empty.decode(PostgresJSON<Preferences>?.self, "preferences") == nil)
            #expect(try empty.decode([String]?.self, "languages") == nil)
            #expect(try empty.decode([UUID]?.self, "members") == nil)
            try await client.query("DROP TABLE \(identifier: table)")
        }
    }

    @Test("edge values survive: NaN, infinities, empty arrays and strings, dates before 1970 and far ahead")
    func edgeValuesRoundTrip() async throws {
        try await TestDatabase.withClient { client in
            let early = Date(timeIntervalSince1970: -2_208_988_800.5)  // 1899-12-31 23:59:59.5 UTC
            let late = Date(timeIntervalSince1970: 4_102_444_800)  // 2100-01-01
            let row = try await client.query(
                """
                SELECT \(Double.nan) AS nan, \(Double.infinity) AS inf, \(-Double.infinity) AS ninf,
                       \([String]()) AS none, \("") AS blank, \(early) AS early, \(late) AS late,
                       \(Date.distantFuture) AS forever, \(Decimal(string: "-0.000001")!) AS tiny,
                       'infinity'::timestamptz AS pg_infinity, \(Int.min) AS smallest
                """)[0]
            #expect(try row.decode(Double.self, "nan").isNaN)
            #expect(try row.decode(Double.self, "inf") == .infinity)
            #expect(try row.decode(Double.self, "ninf") == -.infinity)
            #expect(try row.decode([String].self, "none") == [])
            #expect(try row.decode(String.self, "blank") == "")
            #expect(try row.decode(Date.self, "early") == early)
            #expect(try row.decode(Date.self, "late") == late)
            #expect(try row.decode(Date.self, "forever") == .distantFuture)
            #expect(try row.decode(Date.self, "pg_infinity") == .distantFuture)
            #expect(try row.decode(Decimal.self, "tiny") == Decimal(string: "-0.000001")!)
            #expect(try row.decode(Int.self, "smallest") == Int.min)
        }
    }

    @Test("arrays of numbers and instants round-trip, for set-based inserts with unnest")
    func numericAndInstantArrays() async throws {
        try await TestDatabase.withClient { client in
            let instants = [Date(timeIntervalSince1970: 1_716_458_400.25), Date(timeIntervalSince1970: -86_400)]
            let ratios = [31.525, -93.625, 0]
            let row = try await client.query("SELECT \(instants) AS instants, \(ratios) AS ratios, \([Int32(1), 2]) AS small")[0]
            #expect(try row.decode([Date].self, "instants") == instants)
            #expect(try row.decode([Double].self, "ratios") == ratios)
            #expect(try row.decode([Int32].self, "small") == [1, 2])
            let unnested = try await client.query(
                "SELECT * FROM unnest(\(ratios)::float8[], \([1, 2, 3])::int8[]) AS t(ratio, n) ORDER BY n")
            #expect(try unnested.map { try $0.decode((Double, Int).self) }.map(\.0) == ratios)
        }
    }

    @Test("an array parameter, sent in binary form, comes back as it was, edge values included")
    func arrayParametersMatchTheirTextForm() async throws {
        try await TestDatabase.withClient { client in
            // Each array arrives through its binary form and must come back as it was.
            let texts = ["Kfar Aza", "with, comma", "quote\"d", "back\\slash", "{brace}", "", "NULL", "עוטף עזה", " spaced "]
            let ids = [
                UUID(), UUID(uuidString: "00000000-0000-0000-0000-000000000000")!,
                UUID(uuidString: "FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF")!,
            ]
            let counts = [Int.min, -1, 0, 1, Int.max]
            let small = [Int32.min, 0, Int32.max]
            let flags = [true, false]
            let ratios = [0.1, -0.0, 31.525, .nan, .infinity, -.infinity, .leastNonzeroMagnitude, .greatestFiniteMagnitude]
            let instants = [
                Date(timeIntervalSince1970: 1_716_458_400.123456), Date(timeIntervalSince1970: -2_208_988_800.5),
                Date(timeIntervalSince1970: 946_684_800), Date(timeIntervalSince1970: 946_684_799.999999),
                Date(timeIntervalSince1970: -62_135_596_799), .distantFuture, .distantPast,
            ]
            let row = try await client.query(
                """
                SELECT \(texts) AS texts, \(ids) AS ids, \(counts) AS counts, \(small) AS small, \(flags) AS flags,
                       \(ratios) AS ratios, \(instants) AS instants, \(instants)::text AS instants_text,
                       \([String]())::text AS no_texts, \([Date]())::text AS no_instants, cardinality(\([UUID]())) AS no_ids
                """)[0]
            #expect(try row.decode([String].self, "texts") == texts)
            #expect(try row.decode([UUID].self, "ids") == ids)
            #expect(try row.decode([Int].self, "counts") == counts)
            #expect(try row.decode([Int32].self, "small") == small)
            #expect(try row.decode([Bool].self, "flags") == flags)
            // NaN is not equal to itself, and -0.0 equals 0.0: compare the text forms.
            #expect(try row.decode([Double].self, "ratios").postgresText() == ratios.postgresText())
            #expect(try row.decode([Date].self, "instants").postgresText() == instants.postgresText())
            #expect(
                try row.decode(String.self, "instants_text")
                    == #"{"2024-05-23 10:00:00.123456+00","1899-12-31 23:59:59.5+00","2000-01-01 00:00:00+00","1999-12-31 23:59:59.999999+00","0001-01-01 00:00:01+00",infinity,-infinity}"#
            )
            #expect(try row.decode(String.self, "no_texts") == "{}")
            #expect(try row.decode(String.self, "no_instants") == "{}")
            #expect(try row.decode(Int.self, "no_ids") == 0)

            let withNUL = await #expect(throws: PostgresError.self) {
                try await client.query("SELECT cardinality(\(["Sderot", "Kfar\u{0}Aza"]))")
            }
            // Refused before sending, as the server would: a data exception, never worth retrying.
            #expect(withNUL?.code == .dataException)
            #expect(withNUL?.meansValueRefused == true && withNUL?.isRetryable == false)
            #expect(withNUL?.message.contains("NUL") == true)
        }
    }

    @Test("a row decodes as a tuple, column by column")
    func tupleDecoding() async throws {
        try await TestDatabase.withClient { client in
            let id = UUID()
            let row = try await client.query("SELECT \(id) AS id, 'Des Moines' AS name, 14 AS members")[0]
            let (decodedID, name, members) = try row.decode((UUID, String, Int).self)
            #expect(decodedID == id)
            #expect(name == "Des Moines")
            #expect(members == 14)
        }
    }

    @Test("a wrong type, a missing column and a NULL into a non-optional each name the column")
    func decodingErrorsNameTheColumn() async throws {
        try await TestDatabase.withClient { client in
            let row = try await client.query("SELECT 42 AS member_count, NULL::text AS region, 'x' AS kind")[0]
            let wrongType = #expect(throws: PostgresDecodingError.self) { try row.decode(UUID.self, "member_count") }
            #expect(wrongType?.column == "member_count")
            #expect(wrongType?.description.contains("member_count") == true)
            #expect(wrongType?.description.contains("integer") == true)

            let missing = #expect(throws: PostgresDecodingError.self) { try row.decode(String.self, "country") }
            #expect(missing?.column == "country")
            #expect(missing?.description.contains("member_count, region, kind") == true)

            let null = #expect(throws: PostgresDecodingError.self) { try row.decode(String.self, "region") }
            #expect(null?.column == "region")
            #expect(null?.description.contains("NULL") == true)

            let tooSmall = try await client.query("SELECT 70000 AS people")[0]
            let overflow = #expect(throws: PostgresDecodingError.self) { try tooSmall.decode(Int16.self, "people") }
            #expect(overflow?.description.contains("does not fit") == true)
        }
    }

    @Test("interpolated text is a value, never SQL")
    func interpolationBindsValues() async throws {
        try await TestDatabase.withClient { client in
            let hostile = "'; DROP TABLE communities; --"
            let row = try await client.query(
                "SELECT \(hostile) AS text, \(identifier: "odd \"name\"") AS ignored FROM (SELECT 1 AS \(identifier: "odd \"name\"")) AS t")[
                    0]
            #expect(try row.decode(String.self, "text") == hostile)
            let raw = try await client.query(PostgresQuery(unsafeSQL: "SELECT $1::int + 1 AS next", bindings: [41]))[0]
            #expect(try raw.decode(Int.self, "next") == 42)
        }
    }
}
