import Foundation
import TandemCatalog
import TandemKit

/// The coaching statements: questions, practices, notes, check-ins, tips,
/// cards and timers, carried out through the host.
enum Coach {
    /// Reads one answer. On a terminal, `accept` failing asks again; from a
    /// pipe it is an error naming the question and where it was asked.
    static func answer<T>(
        _ question: String, expecting: String, _ m: Machine, _ range: SourceRange,
        accept: (String) -> T?
    ) throws -> T {
        let host = m.host
        let interactive = host.isInteractive
        let question = question.terminalSafeLines
        if !interactive { host.write(question + "\n") }
        while true {
            if m.interrupt.isRequested { throw RuntimeError.interrupted(at: range) }
            guard let line = host.readLine(prompt: interactive ? question + " " : "") else {
                if m.interrupt.isRequested { throw RuntimeError.interrupted(at: range) }
                throw RuntimeError("no answer to \"\(question)\": the input ended", at: range,
                                   hint: "expected \(expecting)")
            }
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if let value = accept(trimmed) { return value }
            if !interactive {
                throw RuntimeError("invalid answer '\(trimmed)' to \"\(question)\"", at: range, hint: "expected \(expecting)")
            }
            host.write("Please answer with \(expecting).\n")
        }
    }

    static func ask(_ kind: AskKind, _ question: String, choices: Value?, _ m: Machine, _ range: SourceRange, _ optionsRange: SourceRange) throws -> Value {
        switch kind {
        case .text:
            return .string(try answer(question, expecting: "some text", m, range) { $0 })
        case .number:
            return try answer(question, expecting: "a number", m, range) { Builtins.parseNumber($0) }
        case .yesno:
            return .bool(try answer(question + " (yes/no)", expecting: "yes or no", m, range) { text -> Bool? in
                switch text.lowercased() {
                case "y", "yes", "true": true
                case "n", "no", "false": false
                default: nil
                }
            })
        case .choice:
            guard case .list(let box)? = choices, !box.isEmpty else {
                throw RuntimeError("the choices must be a non-empty list, not \(choices?.typeName ?? "nothing")", at: optionsRange)
            }
            let options = box.items.map(\.text)
            var prompt = question
            for (index, option) in options.enumerated() { prompt += "\n  \(index + 1). \(option.terminalSafe)" }
            let chosen = try answer(prompt, expecting: "one of " + options.map { "'\($0.terminalSafe)'" }.joined(separator: ", ") + " or its number", m, range) { text -> Int? in
                if let n = Int(text), n >= 1, n <= options.count { return n - 1 }
                return options.firstIndex { $0.lowercased() == text.lowercased() }
            }
            return box[chosen]
        }
    }

    static func askNumber(_ question: String, in bounds: ClosedRange<Int>, _ m: Machine, _ range: SourceRange) throws -> Value {
        try answer(question, expecting: "a number from \(bounds.lowerBound) to \(bounds.upperBound)", m, range) { text -> Value? in
            guard let value = Builtins.parseNumber(text), let d = Ops.double(value),
                  d >= Double(bounds.lowerBound), d <= Double(bounds.upperBound) else { return nil }
            return value
        }
    }

    static func practice(_ practice: Practice, _ m: Machine, _ range: SourceRange) throws -> Value {
        let host = m.host
        let width = min(m.host.width, 100)
        var lines = ["", "── \(practice.title) (\(practice.id)) ──"] + TextLayout.wrap(practice.why, width: width)
        for (index, step) in practice.steps.enumerated() {
            lines += TextLayout.wrap(step, width: width, indent: "  \(index + 1). ", hanging: "     ")
        }
        lines += TextLayout.wrap(practice.tryToday, width: width, indent: "Try today: ", hanging: "  ")
        let text = lines.joined(separator: "\n") + "\n"
        host.write(text)
        let outcome = try answer("Did you do it? (done / skip / not yet)", expecting: "done, skip or not yet", m, range) { text -> PracticeOutcome? in
            switch text.lowercased() {
            case "y", "yes", "done", "d": .done
            case "s", "skip", "skipped": .skipped
            case "n", "no", "", "not yet", "not-done", "later": .notDone
            default: nil
            }
        }
        if outcome != .notDone {
            do { try host.recordPractice(practice, outcome: outcome) } catch {
                throw RuntimeError("could not record the practice: \(error)", at: range)
            }
        }
        return .string(outcome.rawValue)
    }

    static func checkin(_ m: Machine, _ range: SourceRange) throws -> Value {
        let score = try askNumber("How connected do you feel right now (1-10)?", in: 1...10, m, range)
        let appreciation = try answer("One thing you appreciate about your partner today:", expecting: "some text", m, range) {
            $0.isEmpty ? nil : $0
        }
        guard case .int(let n) = score else { throw RuntimeError("the check-in score must be a whole number", at: range) }
        do { try m.host.recordCheckin(score: n, appreciation: appreciation) } catch {
            throw RuntimeError("could not record the check-in: \(error)", at: range)
        }
        return score
    }

    static func note(_ value: Value, _ m: Machine, _ range: SourceRange) throws {
        let text = value.text
        do { try m.host.recordNote(text) } catch {
            throw RuntimeError("could not write the note: \(error)", at: range)
        }
        m.host.write("✎ Noted: \(text.terminalSafeLines)\n")
    }

    static func tip(module: String, _ m: Machine, _ range: SourceRange) throws {
        guard let loaded = m.registry.module(id: module), !loaded.tips.isEmpty else {
            throw RuntimeError("module '\(module)' has no tips", at: range)
        }
        let tip = loaded.tips[Int.random(in: 0..<loaded.tips.count, using: &m.random)]
        m.host.write("💡 Tip: \(tip)\n")
    }

    static func card(module: String, _ m: Machine, _ range: SourceRange) throws {
        let loaded = m.registry.module(id: module)
        // Avoid the cards shown lately, but never all of them.
        let recent = Set(m.host.recentCardIDs(module: module).prefix(max(0, (loaded?.cards.count ?? 0) - 1)))
        guard let loaded, let draw = ContentRenderer.pickCard(from: [loaded], avoiding: recent, using: &m.random) else {
            throw RuntimeError("module '\(module)' has no conversation cards", at: range)
        }
        do { try m.host.recordCard(draw) } catch {
            throw RuntimeError("could not record the card: \(error)", at: range)
        }
        m.host.write("🃏 \(draw.card.prompt)\n")
    }

    static func timer(_ length: Value, label: String, _ m: Machine, _ range: SourceRange) throws {
        let seconds: Int
        switch length {
        case .duration(let s): seconds = s
        case .int(let s): seconds = s
        default: throw RuntimeError("a timer needs a duration such as 20m, not \(length.typeName)", at: range)
        }
        guard seconds >= 0 else { throw RuntimeError("a timer cannot run for a negative time", at: range) }
        let finished = m.host.runTimer(seconds: seconds, label: label) { m.interrupt.isRequested }
        if !finished { throw RuntimeError.interrupted(at: range) }
    }
}
