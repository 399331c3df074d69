import Foundation
@testable import TandemJournal
import Testing

/// Timestamps survive any number of export/import round trips unchanged.
@Suite struct TimestampTests {
    @Test func formatAndParseAreExactInverses() throws {
        var random = SystemRandomNumberGenerator()
        for _ in 0..<5_000 {
            let date = Date(timeIntervalSince1970: Double.random(in: 0...4_000_000_000, using: &random))
            let text = Timestamp.format(date)
            let parsed = try #require(Timestamp.parse(text))
            #expect(Timestamp.format(parsed) == text)
            #expect(Timestamp.parse(Timestamp.format(parsed)) == parsed)
        }
    }

    @Test func formatIsUTCWithMilliseconds() {
        #expect(Timestamp.format(Date(timeIntervalSince1970: 1_763_674_200.1235)) == "2025-11-20T21:30:00.124Z")
        #expect(Timestamp.format(Date(timeIntervalSince1970: 0.9999)) == "1970-01-01T00:00:01.000Z")
    }

    @Test func theFastReaderAgreesWithFoundationsParser() throws {
        var random = SystemRandomNumberGenerator()
        let slow = Date.ISO8601FormatStyle(includingFractionalSeconds: true)
        for _ in 0..<2_000 {
            let text = Timestamp.format(Date(timeIntervalSince1970: Double.random(in: 0...253_402_300_799, using: &random)))
            let fast = try #require(Timestamp.parseCanonical(text), "\(text)")
            let reference = try slow.parse(text)
            #expect(abs(fast.timeIntervalSince1970 - reference.timeIntervalSince1970) < 0.0005, "\(text)")
        }
        // Other forms are left to Foundation's parser, and impossible times to it too.
        for text in ["2026-11-20T21:30:00Z", "2026-11-20T21:30:00.000+01:00", "2026-02-30T00:00:00.000Z", "2026-11-20T24:00:00.000Z", "2026-11-20 21:30:00.000Z"] {
            #expect(Timestamp.parseCanonical(text) == nil, "\(text)")
        }
        #expect(Timestamp.parse("2026-11-20T21:30:00Z") != nil)
    }
}
