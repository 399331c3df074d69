import Foundation
@testable import TandemTogether
import Testing

/// A cheap scrypt for tests; the standard cost is checked once.
let testCost = CoupleKey.Cost(rounds: 1 << 10, blockSize: 8, parallelism: 1)

func temporaryFolder() -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("tandem-shared-\(UUID().uuidString)", isDirectory: true)
    try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

let novemberTwentieth = Date(timeIntervalSince1970: 1_795_000_000)

@Suite struct PairingCodeTests {
    @Test func aCodeCarriesOverAHundredBitsAndReadsBackHoweverItIsTyped() throws {
        #expect(PairingCode.entropyBits >= 100)
        let code = PairingCode.generate()
        #expect(code.description.count == 29)
        #expect(code.description.split(separator: "-").map(\.count) == [5, 5, 5, 5, 5])
        #expect(try PairingCode(parsing: code.description) == code)
        #expect(try PairingCode(parsing: code.description.lowercased().replacingOccurrences(of: "-", with: " ")) == code)
        #expect(PairingCode.generate() != code)
    }

    @Test func lettersThatLookAlikeAreReadAsTheirDigits() throws {
        #expect(try PairingCode(parsing: "OOOOO-IIIII-LLLLL-00000-11111").characters == "0000011111111110000011111")
    }

    @Test func aMistypedCodeSaysWhatIsWrong() {
        #expect(throws: TogetherError.badPairingCode("a pairing code has 25 characters, not 24")) {
            try PairingCode(parsing: "ABCDE-FGHJK-MNPQR-STVWX-YZ01")
        }
        #expect(throws: TogetherError.self) { try PairingCode(parsing: "ABCDE-FGHJK-MNPQR-STVWX-YZ01U") }
    }
}

@Suite struct CoupleKeyTests {
    @Test func theKeyOpensOnlyWithItsCode() throws {
        let code = PairingCode.generate()
        let key = CoupleKey.generate()
        let wrapped = try key.wrapped(with: code, cost: testCost)
        let opened = try wrapped.unwrap(with: code)
        #expect(opened.key == key.key)
        #expect(throws: TogetherError.wrongPairingCode) { try wrapped.unwrap(with: PairingCode.generate()) }
    }

    @Test func theStandardCostMakesEachGuessExpensive() throws {
        let code = PairingCode.generate()
        let clock = ContinuousClock()
        let elapsed = try clock.measure { _ = try CoupleKey.generate().wrapped(with: code) }
        // Not a speed assertion: the cost must not be trivially cheap (a bug
        // that dropped scrypt would take microseconds).
        #expect(elapsed > .milliseconds(5), "scrypt at N=2^15, r=8 took \(elapsed)")
        #expect(CoupleKey.Cost.standard.rounds == 1 << 15)
    }
}

@Suite struct SharedFolderTests {
    let folder = SharedFolder(root: temporaryFolder())
    let alexDevice = DeviceID.generate(), samDevice = DeviceID.generate()

    func setUp() throws -> (code: PairingCode, key: CoupleKey) {
        let code = PairingCode.generate()
        let (_, key) = try folder.create(code: code, cost: testCost)
        return (code, key)
    }

    @Test func thePartnerJoinsWithTheCodeAndReadsWhatWasWritten() throws {
        let (code, key) = try setUp()
        let next = try folder.append([Data("thanked Sam".utf8), Data("walked".utf8)], device: alexDevice, firstSequence: 1, key: key, at: novemberTwentieth)
        #expect(next == 3)
        let (_, joined) = try folder.join(code: code)
        let read = folder.read(excluding: samDevice, key: joined)
        #expect(read.problems.isEmpty)
        #expect(read.lines.map { String(decoding: $0.payload, as: UTF8.self) } == ["thanked Sam", "walked"])
        #expect(read.lines.map(\.sequence) == [1, 2])
        #expect(read.lines.allSatisfy { $0.device == alexDevice })
        // A device does not read itself back.
        #expect(folder.read(excluding: alexDevice, key: joined).lines.isEmpty)
    }

    @Test func aWrongCodeIsRefusedAndNothingIsWritten() throws {
        _ = try setUp()
        let before = try FileManager.default.subpathsOfDirectory(atPath: folder.root.path).sorted()
        #expect(throws: TogetherError.wrongPairingCode) { try folder.join(code: PairingCode.generate()) }
        #expect(try FileManager.default.subpathsOfDirectory(atPath: folder.root.path).sorted() == before)
    }

    @Test func aFolderIsSetUpOnce() throws {
        _ = try setUp()
        #expect(throws: TogetherError.self) { try folder.create(code: PairingCode.generate(), cost: testCost) }
    }

    @Test func readingAgainFromTheOffsetsGivesOnlyNewLines() throws {
        let (_, key) = try setUp()
        try folder.append([Data("one".utf8)], device: alexDevice, firstSequence: 1, key: key, at: novemberTwentieth)
        let first = folder.read(excluding: samDevice, key: key)
        #expect(first.lines.count == 1)
        #expect(folder.read(excluding: samDevice, key: key, from: first.offsets).lines.isEmpty, "nothing doubles")
        try folder.append([Data("two".utf8)], device: alexDevice, firstSequence: 2, key: key, at: novemberTwentieth)
        let second = folder.read(excluding: samDevice, key: key, from: first.offsets)
        #expect(second.lines.map { String(decoding: $0.payload, as: UTF8.self) } == ["two"])
    }

    @Test func aPartialLastLineWaitsForTheRestOfTheSync() throws {
        let (_, key) = try setUp()
        try folder.append([Data("whole".utf8)], device: alexDevice, firstSequence: 1, key: key, at: novemberTwentieth)
        let file = folder.deviceFolder(alexDevice).appendingPathComponent("2026-11.jsonl")
        let complete = try Data(contentsOf: file)
        try folder.append([Data("half".utf8)], device: alexDevice, firstSequence: 2, key: key, at: novemberTwentieth)
        let both = try Data(contentsOf: file)
        // As a sync engine may leave it mid-transfer: the second line cut short.
        try both.prefix(complete.count + 10).write(to: file)
        let partial = folder.read(excluding: samDevice, key: key)
        #expect(partial.problems.isEmpty)
        #expect(partial.lines.count == 1)
        try both.write(to: file)
        let rest = folder.read(excluding: samDevice, key: key, from: partial.offsets)
        #expect(rest.lines.map { String(decoding: $0.payload, as: UTF8.self) } == ["half"])
    }

    @Test func conflictCopiesAreReadAndTemporaryFilesAreNot() throws {
        let (_, key) = try setUp()
        try folder.append([Data("kept".utf8)], device: alexDevice, firstSequence: 1, key: key, at: novemberTwentieth)
        let logs = folder.deviceFolder(alexDevice)
        let original = try Data(contentsOf: logs.appendingPathComponent("2026-11.jsonl"))
        try original.write(to: logs.appendingPathComponent("2026-11.sync-conflict-20261120-213000-ABCDEFG.jsonl"))
        try original.write(to: logs.appendingPathComponent(".syncthing.2026-11.jsonl.tmp"))
        try original.write(to: logs.appendingPathComponent("~syncthing~2026-11.jsonl.tmp"))
        let read = folder.read(excluding: samDevice, key: key)
        #expect(read.lines.count == 2, "the log and its conflict copy; the reader's event-id union makes the copy harmless")
        #expect(Set(read.offsets.keys) == ["logs/\(alexDevice)/2026-11.jsonl", "logs/\(alexDevice)/2026-11.sync-conflict-20261120-213000-ABCDEFG.jsonl"])
    }

    @Test func aLineMovedToAnotherDevicesLogDoesNotOpen() throws {
        let (_, key) = try setUp()
        try folder.append([Data("mine".utf8)], device: alexDevice, firstSequence: 1, key: key, at: novemberTwentieth)
        let line = try Data(contentsOf: folder.deviceFolder(alexDevice).appendingPathComponent("2026-11.jsonl"))
        let forged = folder.deviceFolder(samDevice)
        try FileManager.default.createDirectory(at: forged, withIntermediateDirectories: true)
        try line.write(to: forged.appendingPathComponent("2026-11.jsonl"))
        let read = folder.read(excluding: alexDevice, key: key)
        #expect(read.lines.isEmpty)
        #expect(read.problems.count == 1)
    }

    @Test func theFolderHoldsNoTextOfWhatIsShared() throws {
        let (code, key) = try setUp()
        let secrets = ["thanked Sam for dinner", "connection 3 out of 10", "I needed you to listen"]
        try folder.append(secrets.map { Data($0.utf8) }, device: alexDevice, firstSequence: 1, key: key, at: novemberTwentieth)
        var bytes = Data()
        for path in try FileManager.default.subpathsOfDirectory(atPath: folder.root.path) {
            bytes += FileManager.default.contents(atPath: folder.root.appendingPathComponent(path).path) ?? Data()
        }
        let text = String(decoding: bytes, as: UTF8.self)
        for secret in secrets + ["listen", code.characters, code.description] {  // not "Sam": three letters turn up in random base 64
            #expect(!text.contains(secret), "\(secret) is in the folder")
        }
        let mode = try FileManager.default.attributesOfItem(atPath: folder.deviceFolder(alexDevice).appendingPathComponent("2026-11.jsonl").path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
    }

    @Test func aCopiedHomeIsToldByTheFolderHavingMoreOfItsLinesThanItRemembers() throws {
        let (_, key) = try setUp()
        try folder.append([Data("a".utf8), Data("b".utf8), Data("c".utf8)], device: alexDevice, firstSequence: 1, key: key, at: novemberTwentieth)
        #expect(folder.highestSequence(of: alexDevice, key: key) == 3)
        #expect(folder.highestSequence(of: samDevice, key: key) == 0)
    }

    @Test func folderNamesThatAreNotDeviceIdsAreIgnored() throws {
        let (_, key) = try setUp()
        let stray = folder.logsURL.appendingPathComponent("..hidden", isDirectory: true)
        try FileManager.default.createDirectory(at: stray, withIntermediateDirectories: true)
        try Data("junk\n".utf8).write(to: stray.appendingPathComponent("2026-11.jsonl"))
        #expect(folder.logFiles().isEmpty)
        #expect(throws: TogetherError.self) { try folder.append([Data()], device: "../../etc", firstSequence: 1, key: key, at: novemberTwentieth) }
    }
}

@Suite struct SealedAnswerTests {
    @Test func anAnswerOpensWithItsKeyAndMatchesItsCommitment() throws {
        let sealed = try SealedAnswer.seal("the lake at dawn", author: "a", day: "2026-12-02")
        let text = try SealedAnswer.open(
            sealed: sealed.sealed, commitment: sealed.commitment, key: sealed.key, nonce: sealed.nonce, author: "a", day: "2026-12-02")
        #expect(text == "the lake at dawn")
        #expect(sealed.sealed.range(of: Data("lake".utf8)) == nil)
    }

    @Test func anotherDayAuthorKeyOrCommitmentDoesNotOpen() throws {
        let sealed = try SealedAnswer.seal("x", author: "a", day: "2026-12-02")
        let other = try SealedAnswer.seal("y", author: "a", day: "2026-12-02")
        #expect(throws: TogetherError.self) {
            try SealedAnswer.open(sealed: sealed.sealed, commitment: sealed.commitment, key: sealed.key, nonce: sealed.nonce, author: "a", day: "2026-12-03")
        }
        #expect(throws: TogetherError.self) {
            try SealedAnswer.open(sealed: sealed.sealed, commitment: sealed.commitment, key: sealed.key, nonce: sealed.nonce, author: "b", day: "2026-12-02")
        }
        #expect(throws: TogetherError.self) {
            try SealedAnswer.open(sealed: sealed.sealed, commitment: sealed.commitment, key: other.key, nonce: sealed.nonce, author: "a", day: "2026-12-02")
        }
        // A changed answer no longer matches what was committed before.
        #expect(throws: TogetherError.self) {
            try SealedAnswer.open(sealed: other.sealed, commitment: sealed.commitment, key: other.key, nonce: other.nonce, author: "a", day: "2026-12-02")
        }
    }
}

@Suite struct SealedLineReadingTests {
    @Test func theFastReaderAndTheJSONDecoderReadTheSameLine() throws {
        let key = CoupleKey.generate()
        let line = try SealedLine.seal(Data("hello".utf8), device: "d", sequence: 42, key: key)
        let encoded = line.encoded.dropLast()
        #expect(try SealedLine(decoding: encoded) == line)
        // The same line as another writer might space it: the decoder reads it.
        let spaced = Data(#"{ "v": 1, "s": 42, "c": "\#(line.sealed.base64EncodedString())" }"#.utf8)
        #expect(SealedLine.canonical(spaced) == nil)
        #expect(try SealedLine(decoding: spaced) == line)
        for broken in [#"{"c":"AAAA","s":,"v":1}"#, #"{"c":"AAAA","s":99999999999999999999,"v":1}"#, #"{"c":"!!","s":1,"v":1}"#] {
            #expect(SealedLine.canonical(Data(broken.utf8)) == nil, "\(broken)")
        }
    }
}
