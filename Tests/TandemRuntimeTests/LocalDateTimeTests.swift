import Foundation
import TandemRuntime
import Testing

/// `TANDEM_NOW`'s forms, read without a regular expression.
@Suite struct LocalDateTimeTests {
    let utc = TimeZone(identifier: "UTC")!
    let berlin = TimeZone(identifier: "Europe/Berlin")!

    @Test(arguments: [
        ("2026-11-20", "2026-11-20T12:00:00Z"),
        ("2026-11-20T21:30", "2026-11-20T21:30:00Z"),
        ("2026-11-20 21:30", "2026-11-20T21:30:00Z"),
        ("2026-11-20T21:30:15", "2026-11-20T21:30:15Z"),
        ("2026-11-20T21:30:15.250", "2026-11-20T21:30:15Z"),
        ("2026-11-20T21:30:00Z", "2026-11-20T21:30:00Z"),
        ("2026-11-20T21:30:00+01:00", "2026-11-20T20:30:00Z"),
        ("2026-11-20T21:30-0130", "2026-11-20T23:00:00Z"),
        ("  2026-11-20T21:30  ", "2026-11-20T21:30:00Z"),
    ])
    func acceptedForms(text: String, expected: String) throws {
        let date = try #require(LocalDateTime.parse(text, in: utc), "\(text)")
        #expect(date.formatted(Date.ISO8601FormatStyle()) == expected, "\(text)")
    }

    @Test func aLocalTimeIsInTheGivenZone() throws {
        let date = try #require(LocalDateTime.parse("2026-07-01T12:00", in: berlin))
        #expect(date.formatted(Date.ISO8601FormatStyle()) == "2026-07-01T10:00:00Z")
    }

    @Test(arguments: [
        "", "2026", "2026-11", "2026-11-2", "2026-02-30", "2026-13-01", "2026-11-20T", "2026-11-20T21", "2026-11-20T21:3",
        "2026-11-20T21:30:", "2026-11-20T21:30:15.", "2026-11-20T21:30X", "2026-11-20T21:30+01", "2026-11-20x", "20261120",
        "2026-11-20T25:00", "२०२६-११-२०",
    ])
    func refusedForms(text: String) {
        #expect(LocalDateTime.parse(text, in: utc) == nil, "\(text)")
    }
}
