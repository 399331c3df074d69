import Foundation
import GRDB
import TandemKit

/// One member's answer to a day's question, as the journal holds it.
public struct QuestionAnswer: Sendable, Hashable {
    /// Who answered.
    public var author: String
    /// The card the question came from (`questions#12`).
    public var cardID: String
    /// The commitment made when answering.
    public var commitment: String
    /// The answer, encrypted with its own key.
    public var sealed: Data
    /// The answer's key and nonce: mine always; my partner's once revealed.
    public var key: Data?
    /// The commitment's nonce.
    public var nonce: Data?
    /// The text, for my own answer (kept on this device only).
    public var text: String?
    /// When it was written.
    public var createdAt: Date
}

/// Both answers of a day.
public struct QuestionDay: Sendable, Hashable {
    /// The day.
    public var date: LocalDay
    /// My answer, if I gave one.
    public var mine: QuestionAnswer?
    /// My partner's, if they gave one (still sealed until ``QuestionAnswer/key`` is there).
    public var partner: QuestionAnswer?

    /// A day with the answers given.
    public init(date: LocalDay, mine: QuestionAnswer? = nil, partner: QuestionAnswer? = nil) {
        self.date = date
        self.mine = mine
        self.partner = partner
    }
}

extension Journal {
    static func questionSubject(_ day: LocalDay) -> String { "question:\(day)" }

    /// Writes my answer to `day`'s question: the sealed, shared part and, on
    /// this device only, the text and its key. When my partner has answered
    /// already, the key is shared at once. One transaction.
    ///
    /// - Throws: ``CommandFailure`` (exit code 1) when I answered that day
    ///   already: answers are not changed, so that neither partner can adjust
    ///   theirs after reading the other's.
    public func recordAnswer(
        _ text: String, cardID: String, commitment: String, sealed: Data, key: Data, nonce: Data, date: LocalDay? = nil
    ) throws {
        try EventValidation.text(text, "the answer")
        let day = try checkedDay(date)
        let me = author
        try write { db in
            if try Self.firstQuestion(day, author: me, partner: false, db) != nil {
                throw CommandFailure(
                    "you answered the question of \(day) already; answers are kept as given, so neither of you can change one "
                        + "after reading the other's (see it with: tandem question)", exitCode: ExitStatus.refused)
            }
            let question = makeEvent(.question, date: day, subject: Self.questionSubject(day), payload: [
                "card": .string(cardID), "commitment": .string(commitment), "sealed": .string(sealed.base64EncodedString()),
            ])
            try add(question, db)
            try add(makeEvent(.answer, date: day, subject: Self.questionSubject(day), payload: [
                "text": .string(text), "key": .string(key.base64EncodedString()), "nonce": .string(nonce.base64EncodedString()),
                "private": .bool(true),
            ], refersTo: question.id), db)
            try writeDueReveals(db)
        }
    }

    /// The first answer event of a member (or of the partner) on a day.
    static func firstQuestion(_ day: LocalDay, author me: String, partner: Bool, _ db: Database) throws -> JournalEvent? {
        try Row.fetchOne(
            db,
            sql: "SELECT \(eventColumns) FROM event WHERE kind = 'question' AND subject = ? AND author \(partner ? "<>" : "=") ? ORDER BY created_at, id LIMIT 1",
            arguments: [questionSubject(day), me]
        ).flatMap(event(from:))
    }

    /// Shares the key of every answer of mine whose day my partner has
    /// answered too (called after reading the shared folder).
    /// Reads first: most commands find nothing due and take no write lock.
    @discardableResult
    public func writeDueReveals() throws -> Int {
        let me = author
        guard try read({ db in try !Self.dueReveals(db, me: me).isEmpty }) else { return 0 }
        return try write { db in try writeDueReveals(db) }
    }

    @discardableResult
    func writeDueReveals(_ db: Database) throws -> Int {
        var written = 0
        for row in try Self.dueReveals(db, me: author) {
            guard let secret = PayloadCoding.decode(row["secret"]), let key = secret["key"], let nonce = secret["nonce"],
                  let question = UUID(uuidString: row["question"]), let day = LocalDay(parsingAnyYear: row["date"])
            else { continue }
            try add(makeEvent(.reveal, date: day, subject: Self.questionSubject(day), payload: ["key": key, "nonce": nonce], refersTo: question), db)
            written += 1
        }
        return written
    }

    /// My answers whose key is not shared yet although my partner has answered that day too.
    static func dueReveals(_ db: Database, me: String) throws -> [Row] {
        try Row.fetchAll(
            db,
            sql: """
                SELECT a.payload AS secret, q.id AS question, q.date AS date FROM event q
                JOIN event a ON a.kind = 'answer' AND a.refers_to = q.id AND a.author = q.author
                WHERE q.kind = 'question' AND q.author = ?
                  AND NOT EXISTS (SELECT 1 FROM event r WHERE r.kind = 'reveal' AND r.refers_to = q.id)
                  AND EXISTS (SELECT 1 FROM event p WHERE p.kind = 'question' AND p.subject = q.subject AND p.author <> q.author)
                """,
            arguments: [me])
    }

    /// Both answers of the days given (all days with an answer when `nil`), oldest first.
    public func questionDays(_ days: [LocalDay]? = nil) throws -> [QuestionDay] {
        let me = author
        return try read { db in
            var byDay: [LocalDay: QuestionDay] = [:]
            var reveals: [UUID: [String: JSONValue]] = [:]
            var secrets: [UUID: [String: JSONValue]] = [:]
            let subjects = days.map { $0.map { Self.questionSubject($0) } }
            let filter = subjects.map { "AND subject IN (\($0.map { _ in "?" }.joined(separator: ",")))" } ?? ""
            let rows = try Row.fetchAll(
                db,
                sql: "SELECT \(Self.eventColumns) FROM event WHERE kind IN ('question', 'reveal', 'answer') \(filter) ORDER BY created_at, id",
                arguments: StatementArguments(subjects ?? []))
            var questions: [JournalEvent] = []
            for event in rows.compactMap(Self.event(from:)) {
                switch event.kind {
                case .reveal: if let target = event.refersTo, reveals[target] == nil { reveals[target] = event.payload }
                case .answer: if let target = event.refersTo, event.author == me { secrets[target] = event.payload }
                default: questions.append(event)
                }
            }
            for event in questions {
                let isMine = event.author == me
                var day = byDay[event.date] ?? QuestionDay(date: event.date)
                if (isMine ? day.mine : day.partner) != nil { continue }
                guard let sealed = event.text("sealed").flatMap({ Data(base64Encoded: $0) }), let commitment = event.text("commitment") else { continue }
                let opening = isMine ? secrets[event.id] : reveals[event.id]
                let answer = QuestionAnswer(
                    author: event.author, cardID: event.text("card") ?? "", commitment: commitment, sealed: sealed,
                    key: opening?["key"]?.stringValue.flatMap { Data(base64Encoded: $0) },
                    nonce: opening?["nonce"]?.stringValue.flatMap { Data(base64Encoded: $0) },
                    text: isMine ? opening?["text"]?.stringValue : nil, createdAt: event.createdAt)
                if isMine { day.mine = answer } else { day.partner = answer }
                byDay[event.date] = day
            }
            return byDay.values.sorted { $0.date < $1.date }
        }
    }
}
