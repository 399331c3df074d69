import Foundation
import TandemKit

/// Where a routine file named on a command line is looked for, so that
/// `tandem run`, `tandem check` and the REPL's `:run` and `:load` agree.
///
/// `NAME` (no `/`) is looked for as `./NAME`, `./NAME.routine`, then
/// `NAME.routine` in the routines folder; a path (`dir/NAME`, `~/NAME`) as
/// itself, then with `.routine` added. Folders do not count.
public enum RoutineFileLookup {
    /// The places `argument` may name, in the order they are tried.
    public static func candidates(for argument: String, routinesDirectory: URL) -> [String] {
        var path = argument
        if path == "~" || path.hasPrefix("~/") { path = NSHomeDirectory() + path.dropFirst() }
        var places = [path]
        if !path.hasSuffix(".routine") { places.append(path + ".routine") }
        if !path.contains("/") {
            places.append(routinesDirectory.appendingPathComponent(path.hasSuffix(".routine") ? path : path + ".routine").path)
        }
        return places
    }

    /// The first of the ``candidates(for:routinesDirectory:)`` that is a file.
    ///
    /// - Throws: a ``CommandFailure`` naming every place looked in, with the
    ///   closest saved routine's name when one is close.
    public static func resolve(_ argument: String, routinesDirectory: URL) throws(CommandFailure) -> String {
        let places = candidates(for: argument, routinesDirectory: routinesDirectory)
        for place in places {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: place, isDirectory: &isDirectory), !isDirectory.boolValue { return place }
        }
        throw CommandFailure("no routine file '\(argument)': " + placesLooked(for: argument, routinesDirectory: routinesDirectory)
            + Suggestions.hint(for: argument, in: savedNames(in: routinesDirectory)))
    }

    /// "looked for ./NAME, ./NAME.routine and FOLDER/NAME.routine".
    public static func placesLooked(for argument: String, routinesDirectory: URL) -> String {
        let shown = candidates(for: argument, routinesDirectory: routinesDirectory).map { $0.hasPrefix("/") || $0.hasPrefix(".") ? $0 : "./" + $0 }
        return "looked for " + (shown.count == 1 ? shown[0] : shown.dropLast().joined(separator: ", ") + " and " + shown[shown.count - 1])
    }

    /// The names (without `.routine`) of the routine files in a folder, sorted.
    public static func savedNames(in folder: URL) -> [String] {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return files.filter { $0.hasSuffix(".routine") }.map { String($0.dropLast(".routine".count)) }.sorted()
    }
}
