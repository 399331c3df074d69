import TandemKit

/// The checks every module passes before the registry loads it.
enum ModuleValidator {
    static func problems(in module: LoadedModule) -> [String] {
        var reasons: [String] = []
        let manifest = module.manifest
        if !isModuleID(manifest.id) {
            reasons.append("its id '\(manifest.id)' is not one lowercase word (letters and digits)")
        }
        for (field, value) in [("display name", manifest.displayName), ("summary", manifest.summary), ("version", manifest.version)]
        where isBlank(value) {
            reasons.append("its \(field) is empty")
        }
        var seenPractices = Set<String>()
        for practice in module.practices {
            reasons += problems(in: practice, moduleID: manifest.id)
            if !seenPractices.insert(practice.id).inserted {
                reasons.append("practice id '\(practice.id)' appears twice")
            }
        }
        for (index, card) in module.cards.enumerated() where isBlank(card.prompt) {
            reasons.append("card \(index + 1) is empty")
        }
        var seenCommands = Set<String>()
        for command in module.commands {
            let name = command.configuration.commandName ?? ""
            if ModuleRegistry.reservedCommandNames.contains(name) {
                reasons.append("its command '\(name)' is a name the host uses")
            } else if !seenCommands.insert(name).inserted {
                reasons.append("its command '\(name)' appears twice")
            }
        }
        var seenFunctions = Set<String>()
        for function in module.functions {
            if !isIdentifier(function.name) {
                reasons.append("function name '\(function.name)' is not an identifier")
            } else if !seenFunctions.insert(function.name).inserted {
                reasons.append("function '\(function.name)' appears twice")
            }
            if function.optionalCount < 0 || function.optionalCount > function.parameters.count {
                reasons.append("function '\(function.name)' has \(function.optionalCount) optional parameters of \(function.parameters.count)")
            }
        }
        return reasons
    }

    static func problems(in practice: Practice, moduleID: String) -> [String] {
        var reasons: [String] = []
        let label = "practice '\(practice.id)'"
        if practice.moduleID != moduleID || !isSlug(practice.slug) {
            reasons.append("\(label) is not '\(moduleID).snake_case_slug'")
        }
        for (field, value) in [("title", practice.title), ("why", practice.why), ("try-today action", practice.tryToday)]
        where isBlank(value) {
            reasons.append("\(label) has an empty \(field)")
        }
        if practice.steps.isEmpty || practice.steps.contains(where: isBlank) {
            reasons.append("\(label) needs steps, none of them empty")
        }
        if practice.reflections.isEmpty || practice.reflections.contains(where: isBlank) {
            reasons.append("\(label) needs reflection prompts, none of them empty")
        }
        if let problem = practice.cadence.problem {
            reasons.append("\(label) has an invalid cadence: \(problem)")
        }
        return reasons
    }

    /// Empty or only white space. Plain Swift rather than Foundation's
    /// trimming, which bridges through NSString: validation runs at every
    /// start-up, and trimming was a third of it.
    static func isBlank(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy(\.properties.isWhitespace)
    }

    static func isModuleID(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, ("a"..."z").contains(first) else { return false }
        return text.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) }
    }

    static func isSlug(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, ("a"..."z").contains(first) else { return false }
        return text.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" }
    }

    static func isIdentifier(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, first == "_" || first.properties.isAlphabetic else { return false }
        return text.unicodeScalars.allSatisfy { $0 == "_" || $0.properties.isAlphabetic || ("0"..."9").contains($0) }
    }
}
