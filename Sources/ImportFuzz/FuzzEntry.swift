import Foundation
import TandemJournal
import TandemKit

/// The day imports are checked against (events may be dated a day after it).
private let today = LocalDay(parsing: "2026-11-20")!

/// libFuzzer's entry point: reads arbitrary bytes as an export (JSON or
/// CSV), as `tandem import` does before it touches a journal. Must never
/// crash; and whatever it accepts, export must write in a form that reads
/// back to the same events (re-exporting that gives the same bytes).
@_cdecl("LLVMFuzzerTestOneInput")
public func importFuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Data(UnsafeBufferPointer(start: data, count: size))
    guard (try? JournalExport.validate(bytes, today: today)) != nil else { return 0 }
    for format in ExportFormat.allCases {
        do {
            let once = try JournalExport.reexport(bytes, format: format, today: today)
            let twice = try JournalExport.reexport(once, format: format, today: today)
            if once != twice { fatalError("the \(format) export of an accepted file does not read back the same") }
        } catch {
            fatalError("an accepted file's \(format) export was refused: \(error)")
        }
    }
    return 0
}
