import Foundation
import TandemKit
import TandemSystem
import Testing

@Suite struct TerminalTests {
    @Test func noColorTurnsStylingOff() {
        #expect(Terminal.style(fileDescriptor: 0, environment: ["NO_COLOR": "1"]) == .plain)
        #expect(Terminal.style(fileDescriptor: 0, environment: ["TERM": "dumb"]) == .plain)
    }

    @Test func widthFallsBackToColumnsThenEighty() {
        // A pipe is not a terminal, so the width comes from COLUMNS or the default.
        let pipe = Pipe()
        let descriptor = pipe.fileHandleForWriting.fileDescriptor
        #expect(Terminal.width(fileDescriptor: descriptor, environment: ["COLUMNS": "60"]) == 60)
        #expect(Terminal.width(fileDescriptor: descriptor, environment: [:]) == 80)
        #expect(Terminal.width(fileDescriptor: descriptor, environment: ["COLUMNS": "wide"]) == 80)
    }

    @Test func privateFolderIsMadeOwnerOnly() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tandem-private-\(UUID().uuidString)/inner")
        try PrivateFolder.make(folder)
        let mode = try FileManager.default.attributesOfItem(atPath: folder.path)[.posixPermissions] as? Int
        #expect(mode == 0o700)
        let file = folder.appendingPathComponent("file")
        #expect(FileManager.default.createFile(atPath: file.path, contents: Data()))
        #expect(throws: CommandFailure.self) { try PrivateFolder.make(file) }
    }
}
