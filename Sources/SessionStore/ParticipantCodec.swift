import Basics
import Questionnaire
import SessionModel

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
        ] + (record.votes.map { [("votes", encodeVotes($0))] } ?? []) + [
            ("answers", JSONText.blockObject(answers, indent: 2)),
        ]) + "\n"
    }

    /// Dot votes as a one-line object: `{"value": {"it.platform.upkeep": 2}, "at": "…"}`, items
    /// sorted. Also the canonical form the merge breaks ties on.
    static func encodeVotes(_ votes: Stamped<[ItemID: Int]>) -> String {
        JSONText.inlineObject([
            ("value", JSONText.inlineObject(votes.value.filter { $0.value > 0 }.sorted { $0.key < $1.key }.map { ($0.key.rawValue, String($0.value)) })),
            ("at", JSONText.string(votes.at.description)),
        ])
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
        var sink = RecordSink(items: items)
        return decode(bytes, into: &sink).map { header in
            var record = ParticipantRecord(id: header.id, sessionID: header.sessionID, moduleHashes: header.moduleHashes, profile: header.profile,
                                           done: header.done, answers: sink.answers, unusable: sink.unusable)
            record.votes = header.votes
            return record
        }
    }

    /// Reads a participant file, handing each answer to `sink` as it goes, and returns the rest.
    /// The caller must drop what the sink received when the result is a failure.
    func decode<Sink: AnswerSink>(_ bytes: [UInt8], into sink: inout Sink) -> Result<ParticipantHeader, FileProblem> {
        guard bytes.count <= Self.maximumFileSize else { return .failure(.tooLarge(bytes: bytes.count, limit: Self.maximumFileSize)) }
        guard bytes.contains(where: { !($0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09) }) else { return .failure(.empty) }
        var scanner = JSONScanner(bytes)
        do {
            return try decode(&scanner, into: &sink)
        } catch {
            let (line, column) = error.position(in: bytes)
            let detail = "\(error.message) at line \(line), column \(column)"
            return .failure(error.isTruncation ? .truncated(detail) : .notJSON(detail))
        }
    }

    /// The item table's index of every item, for sinks that count by item.
    var itemTable: ItemTable { items }

    private func decode<Sink: AnswerSink>(_ scanner: inout JSONScanner, into sink: inout Sink) throws(JSONSyntaxError) -> Result<ParticipantHeader, FileProblem> {
        guard try scanner.peekKind() == .object else {
            // Tell text that merely starts like JSON from a JSON document of another kind.
            let whole = try JSONValue.parse(scanner.bytes)
            return .failure(.foreign("the file holds a JSON \(whole.kind.rawValue), not an object"))
        }
        var format: String?, version: Int?, session: String?, id: String?
        var modules: [String: String] = [:]
        var profile: Stamped<Profile>?, done: Stamped<Bool>?, votes: Stamped<[ItemID: Int]>?
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
            case .votes:
                switch try decodeVotes(&scanner) {
                case .success(let value): votes = value
                case .failure(let found): note(found)
                }
            case .answers:
                // A reader that needs only who the participant is passes over the answers.
                guard sink.wantsAnswers else { try scanner.skipValue(); continue }
                guard try scanner.peekKind() == .object else { try scanner.skipValue(); note(.invalid("\"answers\" is not an object")); continue }
                try scanner.beginObject()
                while let itemKey = try scanner.nextKeySpan() {
                    let start = scanner.offset
                    let index = items.index(in: scanner.bytes, itemKey)
                    let decoded = try decodeAnswer(&scanner, itemAt: index)
                    switch decoded {
                    case .stored(let stored):
                        // The id comes from the module, so the file's bytes never become a string.
                        if !sink.add(index!, stored) { note(.invalid("item \(items.item(at: index!).id) is answered twice")) }
                    case .unusable(let reason):
                        let name = String(decoding: scanner.bytes[itemKey], as: UTF8.self)
                        let json = String(decoding: scanner.bytes[start..<scanner.offset], as: UTF8.self)
                        sink.setAside(name: name, UnusableAnswer(json: json.trimmingLeadingWhitespace(), reason: reason))
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
        return .success(ParticipantHeader(id: participantID, sessionID: sessionID, moduleHashes: modules, profile: profile, done: done,
                                          votes: votes))
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

    private func decodeVotes(_ scanner: inout JSONScanner) throws(JSONSyntaxError) -> Result<Stamped<[ItemID: Int]>, FileProblem> {
        guard try scanner.peekKind() == .object else { try scanner.skipValue(); return .failure(.invalid("\"votes\" is not an object")) }
        var value: [ItemID: Int]?, at: Timestamp?, wrong = false
        try scanner.beginObject()
        while let key = try scanner.nextKeySpan() {
            switch Keys.match(scanner, key) {
            case .value:
                guard try scanner.peekKind() == .object else { try scanner.skipValue(); wrong = true; continue }
                var counts: [ItemID: Int] = [:]
                try scanner.beginObject()
                while let item = try scanner.nextKeySpan() {
                    if try scanner.peekKind() == .number, let count = try? scanner.readInt(), (1...100).contains(count) {
                        counts[ItemID(String(decoding: scanner.bytes[item], as: UTF8.self))] = count
                    } else {
                        try scanner.skipValue()
                        wrong = true
                    }
                }
                value = counts
            case .at: at = try readTimestamp(&scanner)
            default: try scanner.skipValue()
            }
        }
        guard let value, let at, !wrong else { return .failure(.invalid("\"votes\" needs a \"value\" of item ids with counts from 1 to 100, and an \"at\" time")) }
        return .success(Stamped(value, at: at))
    }

    /// Reads one answer object to its end, whatever it holds; a problem with its content is a
    /// `.failure` with the reason, so that the caller can keep the raw text.
    /// The item is passed by its index and read in place, never copied: copying an `Item` per
    /// answer (retaining every text it holds) was a measurable part of reading a large session.
    private func decodeAnswer(_ scanner: inout JSONScanner, itemAt index: Int?) throws(JSONSyntaxError) -> AnswerDecoding {
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
        guard let index else { return .unusable("no item with this id in the session's modules") }
        guard let at else { return .unusable("the answer has no \"at\" time") }
        guard let revision, revision >= 1 else { return .unusable("the answer has no \"rev\" of at least 1") }
        if cleared { return .stored(StoredAnswer(answer: nil, at: at, revision: revision)) }
        let value: AnswerValue
        switch items.kinds[index] {
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
        do throws(InvalidAnswer) { try items.rules[index].validate(answer) } catch { return .unusable(error.description) }
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

/// Everything in a participant file but the answers.
struct ParticipantHeader {
    let id: ParticipantID
    let sessionID: SessionID
    let moduleHashes: [String: String]
    let profile: Stamped<Profile>
    let done: Stamped<Bool>
    let votes: Stamped<[ItemID: Int]>?
}

/// Where the decoder puts answers as it reads them: a full record, or a scan that counts them
/// and forgets them.
protocol AnswerSink {
    /// False for a reader that needs only the header (who, which session): the answers are then
    /// skipped unread, as a name lookup across thousands of files wants.
    var wantsAnswers: Bool { get }
    /// Takes the answer to the item at `index` in the codec's item table; false if the file
    /// already answered that item.
    mutating func add(_ index: Int, _ answer: StoredAnswer) -> Bool
    /// Takes an answer kept verbatim because it could not be used.
    mutating func setAside(name: String, _ answer: UnusableAnswer)
}

extension AnswerSink {
    var wantsAnswers: Bool { true }
}

/// Takes no answers: for reading participants' headers alone.
struct HeaderOnly: AnswerSink {
    var wantsAnswers: Bool { false }
    mutating func add(_ index: Int, _ answer: StoredAnswer) -> Bool { true }
    mutating func setAside(name: String, _ answer: UnusableAnswer) {}
}

/// Collects a whole participant record.
struct RecordSink: AnswerSink {
    let items: ItemTable
    var answers: [ItemID: StoredAnswer] = [:]
    var unusable: [String: UnusableAnswer] = [:]

    init(items: ItemTable) {
        self.items = items
    }

    mutating func add(_ index: Int, _ answer: StoredAnswer) -> Bool {
        let id = items.item(at: index).id
        if answers[id] != nil { return false }
        answers[id] = answer
        return true
    }

    mutating func setAside(name: String, _ answer: UnusableAnswer) {
        unusable[name] = answer
    }
}

/// Keeps one file's usable answers by item index, in a buffer reused from file to file, for
/// scans that count answers and forget them.
struct ScanSink: AnswerSink {
    private(set) var answers: [(index: Int, answer: StoredAnswer)] = []
    private var seen: [Bool]

    init(itemCount: Int) {
        seen = Array(repeating: false, count: itemCount)
    }

    /// Empties the buffer for the next file, keeping its memory.
    mutating func reset() {
        for entry in answers { seen[entry.index] = false }
        answers.removeAll(keepingCapacity: true)
    }

    mutating func add(_ index: Int, _ answer: StoredAnswer) -> Bool {
        if seen[index] { return false }
        seen[index] = true
        answers.append((index, answer))
        return true
    }

    mutating func setAside(name: String, _ answer: UnusableAnswer) {}
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
private enum Keys {
    case format, version, session, id, modules, profile, done, answers, name, department, language, at
    case value, current, target, choice, text, importance, comment, rev, cleared, votes, unknown

    /// The candidates by length, so a key is compared with at most a few names. Written out
    /// rather than derived from a table: a static table costs a lazy-initialisation check on
    /// every one of the millions of keys a large report reads.
    static func match(_ scanner: JSONScanner, _ span: Range<Int>) -> Keys {
        scanner.bytes.withUnsafeBufferPointer { match($0, span) }
    }

    private static func match(_ bytes: UnsafeBufferPointer<UInt8>, _ span: Range<Int>) -> Keys {
        func equals(_ name: StaticString) -> Bool {
            name.withUTF8Buffer { name in
                var index = 0
                for position in span {
                    if bytes[position] != name[index] { return false }
                    index += 1
                }
                return true
            }
        }
        switch span.count {
        case 2: return equals("at") ? .at : equals("id") ? .id : .unknown
        case 3: return equals("rev") ? .rev : .unknown
        case 4: return equals("done") ? .done : equals("text") ? .text : equals("name") ? .name : .unknown
        case 5: return equals("value") ? .value : equals("votes") ? .votes : .unknown
        case 6: return equals("format") ? .format : equals("target") ? .target : equals("choice") ? .choice : .unknown
        case 7:
            if equals("current") { return .current }
            if equals("answers") { return .answers }
            if equals("version") { return .version }
            if equals("session") { return .session }
            if equals("modules") { return .modules }
            if equals("profile") { return .profile }
            if equals("comment") { return .comment }
            if equals("cleared") { return .cleared }
            return .unknown
        case 8: return equals("language") ? .language : .unknown
        case 10: return equals("importance") ? .importance : equals("department") ? .department : .unknown
        default: return .unknown
        }
    }
}

extension String {
    func trimmingLeadingWhitespace() -> String {
        String(drop { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" })
    }
}
