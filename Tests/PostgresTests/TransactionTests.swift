import Foundation
import Postgres
import Testing

/// `withTransaction` sends `BEGIN` together with the transaction's first statement, and
/// pipelined statements together with the next one or the `COMMIT`; these check that every
/// statement runs inside the transaction, in order, and that a failure in any of them leaves
/// the connection as usable as any other failure does.
@Suite("Transactions")
struct TransactionTests {
    @Test("the first statement runs inside the transaction: it shares the transaction id of the next one")
    func firstStatementIsInside() async throws {
        try await TestDatabase.withClient(maximumConnections: 1) { client in
            let ids = try await client.withTransaction { connection in
                let first = try await connection.query("SELECT pg_current_xact_id()::text")[0].decode(String.self, at: 0)
                let second = try await connection.query("SELECT pg_current_xact_id()::text")[0].decode(String.self, at: 0)
                return (first, second)
            }
            #expect(ids.0 == ids.1)
            // Outside a transaction, each statement has a transaction of its own.
            let first = try await client.query("SELECT pg_current_xact_id()::text")[0].decode(String.self, at: 0)
            let second = try await client.query("SELECT pg_current_xact_id()::text")[0].decode(String.self, at: 0)
            #expect(first != second)
        }
    }

    @Test("a first statement that fails: its own error, nothing kept, and the same connection goes on outside any transaction")
    func firstStatementFails() async throws {
        try await TestDatabase.withClient(maximumConnections: 1) { client in
            let table = TestDatabase.uniqueName("pledges")
            try await client.query("CREATE TABLE \(identifier: table) (community text PRIMARY KEY, amount_cents bigint NOT NULL)")
            try await client.query("INSERT INTO \(identifier: table) VALUES ('New Orleans', 100)")
            let error = await #expect(throws: PostgresError.self) {
                try await client.withTransaction { connection in
                    try await connection.query("INSERT INTO \(identifier: table) VALUES ('New Orleans', 200)")
                    try await connection.query("INSERT INTO \(identifier: table) VALUES ('Des Moines', 300)")
                }
            }
            #expect(error?.code == .uniqueViolation)
            // The next statement on the one connection commits on its own.
            try await client.query("INSERT INTO \(identifier: table) VALUES ('Des Moines', 300)")
            let inTransaction = try await client.query("SELECT pg_current_xact_id_if_assigned() IS NOT NULL")[0]
                .decode(Bool.self, at: 0)
            #expect(inTransaction == false)
            let rows = try await client.query("SELECT community, amount_cents FROM \(identifier: table) ORDER BY 1").map {
                "\(try $0.decode(String.self, at: 0)) \(try $0.decode(Int.self, at: 1))"
            }
            #expect(rows == ["Des Moines 300", "New Orleans 100"])
            try await client.query("DROP TABLE \(identifier: table)")
        }
    }

    @Test("a statement that cannot even be prepared, first in a transaction, fails with its error and keeps nothing")
    func firstStatementDoesNotParse() async throws {
        try await TestDatabase.withClient(maximumConnections: 1) { client in
            let error = await #expect(throws: PostgresError.self) {
                try await client.withTransaction { connection in
                    try await connection.query("SELEKT 1")
                }
            }
            #expect(error?.code == .syntaxError)
            let answer = try await client.query("SELECT 41 + 1")[0].decode(Int.self, at: 0)
            #expect(answer == 42)
        }
    }

    @Test("COPY and a script, each first in a transaction that then fails, keep nothing")
    func copyAndScriptFirst() async throws {
        struct Refused: Error {}
        try await TestDatabase.withClient { client in
            let table = TestDatabase.uniqueName("partner_communities")
            try await client.query("CREATE TABLE \(identifier: table) (name text PRIMARY KEY)")
            await #expect(throws: Refused.self) {
                try await client.withTransaction { connection in
                    try await connection.copy(into: table, columns: ["name"], rows: [["Akko"], ["Nahariya"]] as [[any PostgresEncodable]])
                    throw Refused()
                }
            }
            await #expect(throws: Refused.self) {
                try await client.withTransaction { connection in
                    try await connection.executeScript(
                        unsafeSQL: "INSERT INTO \"\(table)\" VALUES ('Sderot'); INSERT INTO \"\(table)\" VALUES ('Ofakim')")
                    throw Refused()
                }
            }
            let kept = try await client.query("SELECT count(*) FROM \(identifier: table)")[0].decode(Int.self, at: 0)
            #expect(kept == 0)
            try await client.query("DROP TABLE \(identifier: table)")
        }
    }

    @Test("a transaction that runs no statement, or throws before its first, returns or throws as it would with one")
    func transactionWithoutStatements() async throws {
        struct Refused: Error {}
        try await TestDatabase.withClient(maximumConnections: 1) { client in
            let value = try await client.withTransaction { _ in "nothing to do" }
            #expect(value == "nothing to do")
            await #expect(throws: Refused.self) {
                try await client.withTransaction { _ in throw Refused() }
            }
            let idle = try await client.query("SELECT pg_current_xact_id_if_assigned() IS NULL")[0].decode(Bool.self, at: 0)
            #expect(idle)
        }
    }

    @Test("pipelined statements run in order, before the next statement, which sees their rows; the transaction keeps them")
    func pipelinedStatementsGoWithTheNext() async throws {
        try await TestDatabase.withClient(maximumConnections: 1) { client in
            let table = TestDatabase.uniqueName("pledges")
            try await client.query("CREATE TABLE \(identifier: table) (community text PRIMARY KEY, amount_cents bigint NOT NULL)")
            let seen = try await client.withTransaction { connection in
                try await connection.pipeline("INSERT INTO \(identifier: table) VALUES ('Nahariya', 100)")
                try await connection.pipeline("UPDATE \(identifier: table) SET amount_cents = amount_cents * 3")
                try await connection.pipeline("INSERT INTO \(identifier: table) VALUES ('Akko', 200)")
                return try await connection.query("SELECT community, amount_cents FROM \(identifier: table) ORDER BY 1").map {
                    "\(try $0.decode(String.self, at: 0)) \(try $0.decode(Int.self, at: 1))"
                }
            }
            #expect(seen == ["Akko 200", "Nahariya 300"])
            let kept = try await client.query("SELECT count(*) FROM \(identifier: table)")[0].decode(Int.self, at: 0)
            #expect(kept == 2)
            try await client.query("DROP TABLE \(identifier: table)")
        }
    }

    @Test("statements pipelined last go with the COMMIT: kept, in one transaction, also when they are the only statements")
    func pipelinedStatementsGoWithTheCommit() async throws {
        try await TestDatabase.withClient(maximumConnections: 1) { client in
            let table = TestDatabase.uniqueName("pledges")
            try await client.query("CREATE TABLE \(identifier: table) (community text PRIMARY KEY, xact text NOT NULL)")
            try await client.withTransaction { connection in
                try await connection.pipeline("INSERT INTO \(identifier: table) VALUES ('Des Moines', pg_current_xact_id()::text)")
                try await connection.pipeline("INSERT INTO \(identifier: table) VALUES ('Shlomi', pg_current_xact_id()::text)")
            }
            try await client.withTransaction { connection in
                try await connection.query("INSERT INTO \(identifier: table) VALUES ('Sderot', pg_current_xact_id()::text)")
                try await connection.pipeline("INSERT INTO \(identifier: table) VALUES ('Ofakim', pg_current_xact_id()::text)")
            }
            let rows = try await client.query("SELECT community, xact FROM \(identifier: table) ORDER BY 1").map {
                (try $0.decode(String.self, at: 0), try $0.decode(String.self, at: 1))
            }
            #expect(rows.map(\.0) == ["Des Moines", "Ofakim", "Sderot", "Shlomi"])
            let transactions = Dictionary(uniqueKeysWithValues: rows)
            #expect(transactions["Des Moines"] == transactions["Shlomi"])
            #expect(transactions["Sderot"] == transactions["Ofakim"])
            #expect(transactions["Des Moines"] != transactions["Sderot"])
            let idle = try await client.query("SELECT pg_current_xact_id_if_assigned() IS NULL")[0].decode(Bool.self, at: 0)
            #expect(idle)
            try await client.query("DROP TABLE \(identifier: table)")
        }
    }

    @Test("a pipelined statement that fails: the call that carries it throws its error, the rest does not run, nothing is kept")
    func pipelinedStatementFails() async throws {
        try await TestDatabase.withClient(maximumConnections: 1) { client in
            let table = TestDatabase.uniqueName("pledges")
            try await client.query("CREATE TABLE \(identifier: table) (community text PRIMARY KEY, amount_cents bigint NOT NULL)")
            try await client.query("INSERT INTO \(identifier: table) VALUES ('New Orleans', 100)")
            // Carried by the COMMIT: withTransaction throws it.
            let atCommit = await #expect(throws: PostgresError.self) {
                try await client.withTransaction { connection in
                    try await connection.query("INSERT INTO \(identifier: table) VALUES ('Akko', 50)")
                    try await connection.pipeline("INSERT INTO \(identifier: table) VALUES ('New Orleans', 200)")
                    try await connection.pipeline("INSERT INTO \(identifier: table) VALUES ('Des Moines', 300)")
                }
            }
            #expect(atCommit?.code == .uniqueViolation)
            #expect(atCommit?.query?.contains("'New Orleans', 200") == true)
            // Carried by the next statement: that statement throws it, and does not run.
            var ranAfter = false
            let atNext = await #expect(throws: PostgresError.self) {
                try await client.withTransaction { connection in
                    try await connection.pipeline("INSERT INTO \(identifier: table) VALUES ('New Orleans', 200)")
                    try await connection.query("INSERT INTO \(identifier: table) VALUES ('Des Moines', 300)")
                    ranAfter = true
                }
            }
            #expect(atNext?.code == .uniqueViolation)
            #expect(ranAfter == false)
            // The same connection goes on, outside any transaction.
            let inTransaction = try await client.query("SELECT pg_current_xact_id_if_assigned() IS NOT NULL")[0]
                .decode(Bool.self, at: 0)
            #expect(inTransaction == false)
            let rows = try await client.query("SELECT community, amount_cents FROM \(identifier: table) ORDER BY 1").map {
                "\(try $0.decode(String.self, at: 0)) \(try $0.decode(Int.self, at: 1))"
            }
            #expect(rows == ["New Orleans 100"])
            try await client.query("DROP TABLE \(identifier: table)")
        }
    }

    @Test("pipelined statements of a transaction whose body throws are never sent; outside a transaction one runs at once")
    func pipelinedStatementsDroppedOrRunAtOnce() async throws {
        struct Refused: Error {}
        try await TestDatabase.withClient(maximumConnections: 1) { client in
            let table = TestDatabase.uniqueName("pledges")
            try await client.query("CREATE TABLE \(identifier: table) (community text PRIMARY KEY)")
            await #expect(throws: Refused.self) {
                try await client.withTransaction { connection in
                    try await connection.pipeline("INSERT INTO \(identifier: table) VALUES ('Sderot')")
                    throw Refused()
                }
            }
            await #expect(throws: Refused.self) {
                try await client.withTransaction { connection in
                    try await connection.query("INSERT INTO \(identifier: table) VALUES ('Ofakim')")
                    try await connection.pipeline("INSERT INTO \(identifier: table) VALUES ('Netivot')")
                    throw Refused()
                }
            }
            #expect(try await client.query("SELECT count(*) FROM \(identifier: table)")[0].decode(Int.self, at: 0) == 0)
            try await client.withConnection { connection in
                try await connection.pipeline("INSERT INTO \(identifier: table) VALUES ('Eshkol')")
                let count = try await connection.query("SELECT count(*) FROM \(identifier: table)")[0].decode(Int.self, at: 0)
                #expect(count == 1)
            }
            try await client.query("DROP TABLE \(identifier: table)")
        }
    }

    @Test("a pipelined statement before a script or a COPY runs first, in the same transaction")
    func pipelinedStatementsBeforeScriptAndCopy() async throws {
        try await TestDatabase.withClient(maximumConnections: 1) { client in
            let table = TestDatabase.uniqueName("partner_communities")
            try await client.query("CREATE TABLE \(identifier: table) (position serial, name text PRIMARY KEY)")
            try await client.withTransaction { connection in
                try await connection.pipeline("INSERT INTO \(identifier: table) (name) VALUES ('Akko')")
                try await connection.executeScript(unsafeSQL: "INSERT INTO \"\(table)\" (name) VALUES ('Nahariya')")
                try await connection.pipeline("INSERT INTO \(identifier: table) (name) VALUES ('Shlomi')")
                try await connection.copy(into: table, columns: ["name"], rows: [["Ma'alot"]] as [[any PostgresEncodable]])
            }
            let names = try await client.query("SELECT name FROM \(identifier: table) ORDER BY position").map {
                try $0.decode(String.self, at: 0)
            }
            #expect(names == ["Akko", "Nahariya", "Shlomi", "Ma'alot"])
            try await client.query("DROP TABLE \(identifier: table)")
        }
    }
}
