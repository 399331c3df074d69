import Foundation

/// What the host gives a module while one of its commands or functions runs:
/// the clock, the couple's profile, input and output, text styling, a source
/// of randomness, and the module's own records.
public final class ModuleContext: Sendable {
    /// "Now" for this run: the real clock, or `TANDEM_NOW` when set.
    public let now: Date
    /// The user's time zone.
    public let timeZone: TimeZone
    /// The couple's names and time zones, as far as they were set.
    public let profile: Profile
    /// Where normal output goes.
    public let output: any TextOutput
    /// Where warnings and errors go.
    public let errors: any TextOutput
    /// Where answers come from (none, in a context built without an input).
    public let input: any LineInput
    /// Colour and emphasis, off when output is not a terminal or NO_COLOR is set.
    public let style: TextStyle
    /// The seed given with `--seed`, for repeatable choices; `nil` for a fresh one.
    public let seed: UInt64?
    /// The module's own records, kept in the journal under the module's id.
    public let records: any ModuleRecordStore
    /// How many columns ``output`` has for text (a terminal's width, else 80).
    public let width: Int

    /// Creates a context. Module authors build one in tests; the host builds
    /// the real one.
    public init(
        now: Date = Date(), timeZone: TimeZone = .current, profile: Profile = Profile(),
        output: any TextOutput = StandardOutput.stdout, errors: any TextOutput = StandardOutput.stderr,
        input: any LineInput = ScriptedInput([]), style: TextStyle = .plain, seed: UInt64? = nil,
        records: any ModuleRecordStore = InMemoryRecordStore(), width: Int = 80
    ) {
        self.now = now
        self.timeZone = timeZone
        self.profile = profile
        self.output = output
        self.errors = errors
        self.input = input
        self.style = style
        self.seed = seed
        self.records = records
        self.width = width
    }

    /// Today, in the user's time zone.
    public var today: LocalDay { LocalDay(now, in: timeZone) }

    /// A calendar in the user's time zone.
    public var calendar: Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        return calendar
    }

    /// A random generator: repeatable when ``seed`` is set.
    public func makeRandom() -> SeededRandom {
        SeededRandom(seed: seed ?? UInt64.random(in: .min ... .max))
    }

    /// A copy of this context whose records are those of another store.
    public func with(records: any ModuleRecordStore) -> ModuleContext {
        ModuleContext(
            now: now, timeZone: timeZone, profile: profile, output: output, errors: errors,
            input: input, style: style, seed: seed, records: records, width: width)
    }
}

/// The couple: names and time zones, as set with `tandem profile set`.
public struct Profile: Sendable, Hashable, Codable {
    /// The user's name.
    public var myName: String?
    /// The partner's name.
    public var partnerName: String?
    /// The user's IANA time zone, such as `Europe/Berlin`.
    public var myTimeZone: String?
    /// The partner's IANA time zone, such as `America/New_York`.
    public var partnerTimeZone: String?

    /// Creates a profile.
    public init(myName: String? = nil, partnerName: String? = nil, myTimeZone: String? = nil, partnerTimeZone: String? = nil) {
        self.myName = myName
        self.partnerName = partnerName
        self.myTimeZone = myTimeZone
        self.partnerTimeZone = partnerTimeZone
    }
}
