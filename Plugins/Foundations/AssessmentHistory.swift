import Foundation
import TandemKit

/// One saved result of the self-assessment, kept as a foundations module
/// record of kind `assessment` so a couple can watch the pillars change.
///
/// Its text fields: `answers` (the 15 answers, comma-separated), one field
/// per pillar id with its average (two decimals), `weakest` and
/// `recommendations` (comma-separated ids), and `summary`, one line the host
/// shows in `tandem stats` without knowing about pillars.
public struct SavedAssessment: Sendable, Hashable {
    /// The record kind saved results have.
    public static let kind = "assessment"

    /// The day it was taken.
    public var date: LocalDay
    /// The answers, in question order.
    public var answers: [Int]
    /// The average per pillar, 1 to 5.
    public var scores: [Pillar: Double]
    /// The weakest pillars.
    public var weakest: [Pillar]
    /// The practice ids recommended.
    public var recommendations: [String]

    /// The saved form of a fresh result.
    public init(_ result: AssessmentResult, date: LocalDay) {
        self.date = date
        answers = result.scores.flatMap(\.answers)
        scores = Dictionary(uniqueKeysWithValues: result.scores.map { ($0.pillar, $0.average) })
        weakest = result.weakest
        recommendations = result.recommendations
    }

    /// Reads a record; `nil` when it is not a well-formed saved assessment.
    public init?(record: ModuleRecord) {
        guard record.kind == Self.kind else { return nil }
        var scores: [Pillar: Double] = [:]
        for pillar in Pillar.allCases {
            guard let text = record.fields[pillar.id], let score = Double(text), PillarAssessment.scale.contains(Int(score.rounded(.down))) else {
                return nil
            }
            scores[pillar] = score
        }
        func list(_ key: String) -> [String] { (record.fields[key] ?? "").split(separator: ",").map(String.init) }
        date = record.date
        answers = list("answers").compactMap { Int($0) }
        self.scores = scores
        weakest = list("weakest").compactMap(Pillar.init(rawValue:))
        recommendations = list("recommendations")
    }

    /// The record to append.
    public func record(at now: Date) -> ModuleRecord {
        var fields = [
            "answers": answers.map(String.init).joined(separator: ","),
            "weakest": weakest.map(\.id).joined(separator: ","),
            "recommendations": recommendations.joined(separator: ","),
            "summary": summary,
        ]
        for (pillar, score) in scores { fields[pillar.id] = String(format: "%.2f", score) }
        return ModuleRecord(kind: Self.kind, date: date, createdAt: now, fields: fields)
    }

    /// One line: each pillar's score out of 5, then the weakest.
    public var summary: String {
        Pillar.allCases.map { "\($0.name) \(String(format: "%.1f", scores[$0] ?? 0))" }.joined(separator: ", ")
            + "; weakest: " + weakest.map(\.name).joined(separator: ", ")
    }

    /// Every saved result in a store, oldest first.
    public static func all(in store: any ModuleRecordStore) throws -> [SavedAssessment] {
        try store.records(kind: kind).compactMap(SavedAssessment.init(record:))
    }

    /// A sparkline of scores from 1 to 5: `▁▃▅█`.
    public static func sparkline(_ scores: [Double]) -> String {
        let blocks = Array("▁▂▃▄▅▆▇█")
        return String(scores.map { score in
            let step = (score - Double(PillarAssessment.scale.lowerBound)) / Double(PillarAssessment.scale.count - 1)
            return blocks[max(0, min(blocks.count - 1, Int((step * Double(blocks.count - 1)).rounded())))]
        })
    }
}
