// Module commands are ArgumentParser commands, so module authors get it with TandemKit.
@_exported import ArgumentParser

/// A command a module adds to `tandem` (as `tandem NAME …`) and to the REPL
/// (as `:NAME …`).
///
/// A module command is an ordinary swift-argument-parser command, so its
/// arguments, help text and shell completion come from property wrappers.
/// Implement ``run(in:)`` instead of `run()`: the host hands it a
/// ``ModuleContext`` with the clock, the profile, input and output, and the
/// module's own records.
///
/// ```swift
/// struct Feelings: ModuleCommand {
///     static let configuration = CommandConfiguration(
///         abstract: "Show the feelings wheel.")
///     @Flag var json = false
///     func run(in context: ModuleContext) throws {
///         context.output.write("…\n")
///     }
/// }
/// ```
public protocol ModuleCommand: ParsableCommand {
    /// Runs the command with what the host provides.
    mutating func run(in context: ModuleContext) throws
}

extension ModuleCommand {
    /// Module commands run through ``run(in:)``: the host calls it with the
    /// module's context. Called directly, outside a host, this fails.
    public mutating func run() throws {
        throw ValidationError("this command runs inside Tandem: tandem \(Self.configuration.commandName ?? "…")")
    }
}
