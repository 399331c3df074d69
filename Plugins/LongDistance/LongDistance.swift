import Foundation
import TandemKit

/// The long-distance coaching module: staying close across time zones, with
/// `tandem overlap` to find the hours you are both awake and free.
public struct LongDistanceModule: CoachingModule {
    /// Creates the module.
    public init() {}

    /// The module's identity.
    public let manifest = ModuleManifest(
        id: "longdistance",
        displayName: "Long distance",
        summary: "Stay close across miles and time zones: steady contact, protected call time and real listening.",
        version: "1.0.0",
        tags: ["long-distance", "communication", "time-zones", "listening"]
    )

    /// The practices: staying in touch, protected time, listening, dates and visits.
    public let practices: [Practice] = LongDistanceContent.practices

    /// Questions for calls and visits, from light to deep.
    public let cards: [ConversationCard] = LongDistanceContent.cards

    /// Short tips for couples living apart.
    public let tips: [String] = LongDistanceContent.tips

    /// `tandem overlap`.
    public var commands: [any ModuleCommand.Type] { [OverlapCommand.self] }

    /// `longdistance.overlap(myZone, myHours, partnerZone, partnerHours)`.
    public var functions: [RoutineFunction] { [LongDistanceModule.overlapFunction] }

    /// Lists the shared windows for the seven days from today (in my zone) as
    /// text lines. Hours are a string such as `"18-23"` or `"07-08 18-23"`,
    /// or a list of such strings.
    public static let overlapFunction = RoutineFunction(
        name: "overlap",
        parameters: ["myZone", "myHours", "partnerZone", "partnerHours"],
        summary: "The times in the next 7 days when you are both free, one line per window."
    ) { arguments, context in
        guard arguments.count == 4 else {
            throw RoutineFunctionError("overlap needs 4 arguments (myZone, myHours, partnerZone, partnerHours), not \(arguments.count)")
        }
        do throws(CallWindowError) {
            func freeTime(_ zone: RoutineValue, _ hours: RoutineValue, _ names: (String, String)) throws(CallWindowError) -> FreeTime {
                guard case .string(let zoneName) = zone else {
                    throw CallWindowError("\(names.0) must be a time zone id such as \"Europe/Berlin\", not a \(zone.typeName)")
                }
                let ranges = try OverlapRequest.hourRanges(OverlapRequest.ranges(from: hours, name: names.1))
                guard !ranges.isEmpty else { throw CallWindowError("\(names.1) is empty; give hours such as \"18-23\"") }
                return FreeTime(zone: try ZoneNames.zone(named: zoneName), ranges: ranges)
            }
            let me = try freeTime(arguments[0], arguments[1], ("myZone", "myHours"))
            let partner = try freeTime(arguments[2], arguments[3], ("partnerZone", "partnerHours"))
            let report = OverlapReport(
                finder: CallWindowFinder(me: me, partner: partner), from: LocalDay(context.now, in: me.zone), days: 7)
            return .list(report.lines.map(RoutineValue.string))
        } catch {
            throw RoutineFunctionError(error.message)
        }
    }
}
