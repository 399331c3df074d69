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
}
