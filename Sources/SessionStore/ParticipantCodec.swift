import Questionnaire

/// The participant file format: `participants/p-….json`, and the files `export` writes.
///
/// One answer per line, sorted by item id, so that files diff well in git and two copies of the
/// same state are the same bytes. The format is documented in docs/session-format.md with a JSON
/// Schema beside it.
public struct ParticipantCodec: Sendable {
    public static let formatName = "omnigap-participant"
    public static let formatVersion = 1
    /// A participant with every item answered and every comment at its limit stays well under
    /// this; anything larger is not a participant file.
    public static let maximumFileSize = 8 << 20
    static let dontKnow = "dont-know"

    /// The items the answers may refer to, found by the bytes of their id.
    private let items: ItemTable

    public init(catalog: ModuleCatalog) {
        items = ItemTable(catalog.modules.flatMap(\.items))
    }

    // MARK: Encoding

    /// The file's text.
    public static func encode(_ record: ParticipantRecord) -> String {
        var answers: [(String, String)] = record.answers.map { ($0.key.rawValue, encode($0.value)) }
        answers += record.unusable.filter { record.answers[ItemID($0.key)] == nil }.map { ($0.key, $0.value.json) }
        answers.sort { $0.0 < $1.0 }
        let profile = record.profile.value
        return JSONText.blockObject([
            ("format", JSONText.string(formatName)),
            ("version", String(formatVersion)),
            ("session", JSONText.string(record.sessionID.rawValue)),
            ("id", JSONText.string(record.id.rawValue)),
            ("modules", JSONText.inlineObject(record.moduleHashes.sorted { $0.key < $1.key }.map { ($0.key, JSONText.string($0.value)) })),
            ("profile", JSONText.inlineObject([
                ("name", JSONText.string(profile.name)), ("department", JSONText.string(profile.department)),
                ("language", JSONText.string(profile.language.rawValue)), ("at", JSONText.string(record.profile.at.description)),
            ])),
            ("done", JSONText.inlineObject([("value", record.done.value ? "true" : "false"), ("at", JSONText.string(record.done.at.description))])),
            ("answers", JSONText.blockObject(answers, indent: 2)),
        ]) + "\n"
    }

    /// One stored answer as a one-line object. Also the canonical form the merge breaks ties on.
    public static func encode(_ stored: StoredAnswer) -> String {
        var members: [(String, String)] = []
        if let answer = stored.answer {
            func rated<T>(_ value: Rated<T>, _ encode: (T) -> String) -> String {
                switch value {
                case .value(let value): encode(value)
                case .dontKnow: JSONText.string(dontKnow)
                }
            }
            switch answer.value {
            case let .maturity(current, target):
                if let current { members.append(("current", rated(current) { String($0) })) }
                if let target { members.append(("target", rated(target) { String($0) })) }
            case let .number(current, target):
                if let current { members.append(("current", rated(current, JSONText.number))) }
                if let target { members.append(("target", rated(target, JSONText.number))) }
            case .choice(let chosen):
                members.append(("choice", rated(chosen, JSONText.stringArray)))
            case .text(let text):
                members.append(("text", JSONText.string(text)))
            }
            if let importance = answer.importance { members.append(("importance", String(importance))) }
            if let comment = answer.comment { members.append(("comment", JSONText.string(comment))) }
        } else {
            members.append(("cleared", "true"))
        }
        members.append(("at", JSONText.string(stored.at.description)))
        members.append(("rev", String(stored.revision)))
        return JSONText.inlineObject(members)
    }

    // MARK: Decoding

    /// Reads a participant file. Answers that do not fit the modules are kept in `unusable`
    /// rather than failing the file; a file that is not a participant file fails as a whole.
    public func decode(_ bytes: [UInt8]) -> Result<ParticipantRecord, FileProblem> {
        guard bytes.count <= Self.maximumFileSize else { return .failure(.tooLarge(bytes: bytes.count, limit: Self.maximumFileSize)) }
        guard bytes.contains(where: { !($0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09) }) else { return .failure(.empty) }
        var scanner = JSONScanner(bytes)
        do {
            return try decode(&scanner)
        } catch {
            let (line, column) = error.position(in: bytes)
            let detail = "\(error.message) at line \(line), column \(column)"
            return .failure(error.isTruncation ? .truncated(detail) : .notJSON(detail))
        }
    }

    private func decode(_ scanner: inout JSONScanner) throws(JSONSyntaxError) -> Result<ParticipantRecord, FileProblem> {
        guard try scanner.peekKind() == .object else {
            // Tell text that merely starts like JSON from a JSON document of another kind.
            let whole = try JSONValue.parse(scanner.bytes)
            return .failure(.foreign("the file holds a JSON \(whole.kind.rawValue), not an object"))
        }
        var format: String?, version: Int?, session: String?, id: String?
        var modules: [String: String] = [:]
        var profile: Stamped<Profile>?, done: Stamped<Bool>?
        var answers: [ItemID: StoredAnswer] = [:]
        var unusable: [String: UnusableAnswer] = [:]
        var problem: FileProblem?
        func note(_ found: FileProblem) { if problem == nil { problem = found } }

        try scanner.beginObject()
        while let key = try scanner.nextKeySpan() {
            switch Keys.match(scanner, key) {
            case .format:
                if try scanner.peekKind() == .string { format = try scanner.readString() } else { try scanner.skipValue() }
                if format != Self.formatName {
                    return .failure(.foreign("its \"format\" is \(format.map { "\"\(Sanitized.excerpt($0))\"" } ?? "not a string"), not \"\(Self.formatName)\""))
                }
            case .version:
                if try scanner.peekKind() == .number, let value = try? scanner.readInt() { version = value } else {
                    try scanner.skipValue()
                    note(.invalid("\"version\" is not a whole number"))
                }
                if let version, version > Self.formatVersion { return .failure(.newerVersion(version, supported: Self.formatVersion)) }
                if let version, version < 1 { return .failure(.invalid("\"version\" \(version) is not a format version")) }
            case .session: session = try readString(&scanner)
            case .id: id = try readString(&scanner)
            case .modules:
                guard try scanner.peekKind() == .object else { try scanner.skipValue(); note(.invalid("\"modules\" is not an object")); continue }
                try scanner.beginObject()
                while let module = try scanner.nextKeySpan() {
                    if let hash = try readString(&scanner) { modules[String(decoding: scanner.bytes[module], as: UTF8.self)] = hash }
                }
            case .profile:
                switch try decodeProfile(&scanner) {
                case .success(let value): profile = value
                case .failure(let found): note(found)
                }
            case .done:
                switch try decodeDone(&scanner) {
                case .success(let value): done = value
                case .failure(let found): note(found)
                }
            case .answers:
                guard try scanner.peekKind() == .object else { try scanner.skipValue(); note(.invalid("\"answers\" is not an object")); continue }
                try scanner.beginObject()
                while let itemKey = try scanner.nextKeySpan() {
                    let start = scanner.offset
                    let item = items.item(in: scanner.bytes, itemKey)
                    let decoded = try decodeAnswer(&scanner, item: item)
                    switch decoded {
                    case .stored(let stored):
                        // The id comes from the module, so the file's bytes never become a string.
                        let id = item!.id
                        if answers[id] != nil { note(.invalid("item \(id) is answered twice")) }
                        answers[id] = stored
                    case .unusable(let reason):
                        let name = String(decoding: scanner.bytes[itemKey], as: UTF8.self)
                        let json = String(decoding: scanner.bytes[start..<scanner.offset], as: UTF8.self)
                        unusable[name] = UnusableAnswer(json: json.trimmingLeadingWhitespace(), reason: reason)
                    }
                }
            default:
                try scanner.skipValue()
            }
        }
        try scanner.end()
        if let problem { return .failure(problem) }
        guard format != nil else { return .failure(.foreign("it has no \"format\" member")) }
        guard version != nil else { return .failure(.invalid("it has no \"version\"")) }
        guard let sessionID = session.flatMap(SessionID.init(rawValue:)) else { return .failure(.invalid("\"session\" is not a session id")) }
        guard let participantID = id.flatMap(ParticipantID.init(rawValue:)) else { return .failure(.invalid("\"id\" is not a participant id")) }
        guard let profile else { return .failure(.invalid("it has no \"profile\"")) }
        guard let done else { return .failure(.invalid("it has no \"done\"")) }
        return .success(ParticipantRecord(id: participantID, sessionID: sessionID, moduleHashes: modules, profile: profile,
                                          done: done, answers: answers, unusable: unusable))
    }

    private func readString(_ scanner: inout JSONScanner) throws(JSONSyntaxError) -> String? {
        guard try scanner.peekKind() == .string else { try scanner.skipValue(); return nil }
        return try scanner.readString()
    }

    private func readTimestamp(_ scanner: inout JSONScanner) throws(JSONSyntaxError) -> Timestamp? {
        guard try scanner.peekKind() == .string else { try scanner.skipValue(); return nil }
        let span = try scanner.readStringSpan()
        return Timestamp(isoBytes: scanner.bytes[span])
    }

    private func decodeProfile(_ scanner: inout JSONScanner) throws(JSONSyntaxError) -> Result<Stamped<Profile>, FileProblem> {
        guard try scanner.peekKind() == .object else { try scanner.skipValue(); return .failure(.invalid("\"profile\" is not an object")) }
        var name: String?, department: String?, language: Language?, at: Timestamp?
        try scanner.beginObject()
        while let key = try scanner.nextKeySpan() {
            switch Keys.match(scanner, key) {
            case .name: name = try readString(&scanner)
            case .department: department = try readString(&scanner)
            case .language: language = try readString(&scanner).flatMap(Language.init(rawValue:))
            case .at: at = try readTimestamp(&scanner)
            default: try scanner.skipValue()
            }
        }
        guard let name, let department, IdentifierRule.isValid(department), let language, let at else {
            return .failure(.invalid("\"profile\" needs a \"name\", a \"department\" id, a \"language\" (\(Language.codeList)) and an \"at\" time"))
        }
        return .success(Stamped(Profile(name: name, department: department, language: language), at: at))
    }

    private func decodeDone(_ scanner: inout JSONScanner) throws(JSONSyntaxError) -> Result<Stamped<Bool>, FileProblem> {
        guard try scanner.peekKind() == .object else { try scanner.skipValue(); return .failure(.invalid("\"done\" is not an object")) }
        var value: Bool?, at: Timestamp?
        try scanner.beginObject()
        while let key = try scanner.nextKeySpan() {
            switch Keys.match(scanner, key) {
            case .value:
                if try scanner.peekKind() == .bool { value = try scanner.readBool() } else { try scanner.skipValue() }
            case .at: at = try readTimestamp(&scanner)
            default: try scanner.skipValue()
            }
        }
        guard let value, let at else { return .failure(.invalid("\"done\" needs a true/false \"value\" and an \"at\" time")) }
        return .success(Stamped(value, at: at))
    }

    /// Reads one answer object to its end, whatever it holds; a problem with its content is a
    /// `.failure` with the reason, so that the caller can keep the raw text.
    private func decodeAnswer(_ scanner: inout JSONScanner, item: Item?) throws(JSONSyntaxError) -> AnswerDecoding {
        guard try scanner.peekKind() == .object else { try scanner.skipValue(); return .unusable("the answer is not an object") }
        var current: RawRating?, target: RawRating?, choice: Rated<[String]>?, text: String?
        var importance: Int?, comment: String?, at: Timestamp?, revision: Int?, cleared = false
        var problem: String?
        try scanner.beginObject()
        while let key = try scanner.nextKeySpan() {
            switch Keys.match(scanner, key) {
            case .current: current = try readRating(&scanner)
            case .target: target = try readRating(&scanner)
            case .choice:
                switch try scanner.peekKind() {
                case .string:
                    if try scanner.readString() == Self.dontKnow { choice = .dontKnow } else { problem = "\"choice\" must be a list of options or \"dont-know\"" }
                case .array:
                    var options: [String] = []
                    try scanner.beginArray()
                    while try scanner.nextElement() {
                        if let option = try readString(&scanner) { options.append(option) } else { problem = "an option is not a string" }
                    }
                    choice = .value(options)
                default:
                    try scanner.skipValue()
                    problem = "\"choice\" must be a list of options or \"dont-know\""
                }
            case .text: text = try readString(&scanner)
            case .importance:
                if try scanner.peekKind() == .number, let value = try? scanner.readInt() { importance = value } else { try scanner.skipValue(); problem = "\"importance\" is not 1, 2 or 3" }
            case .comment: comment = try readString(&scanner)
            case .at: at = try readTimestamp(&scanner)
            case .rev:
                if try scanner.peekKind() == .number, let value = try? scanner.readInt() { revision = value } else { try scanner.skipValue() }
            case .cleared:
                if try scanner.peekKind() == .bool { cleared = try scanner.readBool() } else { try scanner.skipValue(); problem = "\"cleared\" is not true or false" }
            default:
                try scanner.skipValue()
                problem = "unknown member \"\(Sanitized.excerpt(String(decoding: scanner.bytes[key], as: UTF8.self)))\""
            }
        }
        if let problem { return .unusable(problem) }
        guard let item else { return .unusable("no item with this id in the session's modules") }
        guard let at else { return .unusable("the answer has no \"at\" time") }
        guard let revision, revision >= 1 else { return .unusable("the answer has no \"rev\" of at least 1") }
        if cleared { return .stored(StoredAnswer(answer: nil, at: at, revision: revision)) }
        let value: AnswerValue
        switch item.kind {
        case .maturity:
            guard choice == nil, text == nil else { return .unusable("a maturity answer has only \"current\" and \"target\"") }
            if let current, current.stage == nil { return .unusable("\"current\" must be a whole number or \"dont-know\"") }
            if let target, target.stage == nil { return .unusable("\"target\" must be a whole number or \"dont-know\"") }
            value = .maturity(current: current?.stage, target: target?.stage)
        case .number:
            guard choice == nil, text == nil else { return .unusable("a number answer has only \"current\" and \"target\"") }
            value = .number(current: current.map(\.number), target: target.map(\.number))
        case .choice:
            guard let choice, current == nil, target == nil, text == nil else { return .unusable("a choice answer needs \"choice\" and nothing else") }
            value = .choice(choice)
        case .text:
            guard let text, current == nil, target == nil, choice == nil else { return .unusable("a text answer needs \"text\" and nothing else") }
            value = .text(text)
        }
        let answer = Answer(value, importance: importance, comment: comment)
        do {
            try item.validate(answer)
        } catch {
            return .unusable(error.description)
        }
        return .stored(StoredAnswer(answer: answer, at: at, revision: revision))
    }

    private func readRating(_ scanner: inout JSONScanner) throws(JSONSyntaxError) -> RawRating? {
        switch try scanner.peekKind() {
        case .number: return .value(try scanner.readDouble())
        case .string: return try scanner.readString() == Self.dontKnow ? .dontKnow : .invalid
        default:
            try scanner.skipValue()
            return .invalid
        }
    }
}

/// One answer as read: usable, or kept aside with the reason.
private enum AnswerDecoding {
    case stored(StoredAnswer)
    case unusable(String)
}

/// A current or target value before its item's kind is applied.
private enum RawRating {
    case value(Double)
    case dontKnow
    case invalid

    /// As a stage: nil when it is not a whole number.
    var stage: Rated<Int>? {
        switch self {
        case .value(let number): number == number.rounded() && abs(number) < 1e9 ? .value(Int(number)) : nil
        case .dontKnow: .dontKnow
        case .invalid: nil
        }
    }

    var number: Rated<Double> {
        switch self {
        case .value(let number): .value(number)
        case .dontKnow: .dontKnow
        case .invalid: .value(.nan)  // fails validation with a clear message
        }
    }
}

/// The member names the decoder knows, matched against a key's bytes without making strings.
private enum Keys: CaseIterable {
    case format, version, session, id, modules, profile, done, answers, name, department, language, at
    case value, current, target, choice, text, importance, comment, rev, cleared, unknown

    private static let table: [(Keys, [UInt8])] = allCases.filter { $0 != .unknown }.map { key in
        let name: String = switch key {
        case .format: "format"
        case .version: "version"
        case .session: "session"
        case .id: "id"
        case .modules: "modules"
        case .profile: "profile"
        case .done: "done"
        case .answers: "answers"
        case .name: "name"
        case .department: "department"
        case .language: "language"
        case .at: "at"
        case .value: "value"
        case .current: "current"
        case .target: "target"
        case .choice: "choice"
        case .text: "text"
        case .importance: "importance"
        case .comment: "comment"
        case .rev: "rev"
        case .cleared: "cleared"
        case .unknown: ""
        }
        return (key, Array(name.utf8))
    }

    static func match(_ scanner: JSONScanner, _ span: Range<Int>) -> Keys {
        for (key, name) in table where scanner.span(span, equals: name) { return key }
        return .unknown
    }
}

extension String {
    func trimmingLeadingWhitespace() -> String {
        String(drop { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" })
    }
}
