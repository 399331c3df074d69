/// The identity of a coaching module.
public struct ModuleManifest: Sendable, Hashable, Codable {
    /// One lowercase word, such as `daily` or `longdistance`. Practice ids,
    /// routine scripts (`use daily`) and module functions (`daily.name(…)`)
    /// all use it, so it must be unique among loaded modules.
    public var id: String
    /// The name people read, such as "Daily habits".
    public var displayName: String
    /// One line that says what the module coaches.
    public var summary: String
    /// The module's version, such as `1.0.0`.
    public var version: String
    /// Free-form tags, such as `tips` or `for-men`. Tags describe; they never gate.
    public var tags: [String]

    /// Creates a manifest.
    public init(id: String, displayName: String, summary: String, version: String = "1.0.0", tags: [String] = []) {
        self.id = id
        self.displayName = displayName
        self.summary = summary
        self.version = version
        self.tags = tags
    }
}
