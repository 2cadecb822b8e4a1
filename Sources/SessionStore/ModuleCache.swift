import Basics
import Foundation
import Questionnaire

/// Parsed modules kept in the user's own cache folder, so that opening a session does not parse
/// its YAML every time, and so that nothing in the cache can change a result.
///
/// Parsing and checking the five shipped modules takes 40–60 ms in a release build (more on a busy
/// machine); reading them back from the cache, hash check included, about 5 ms, and every
/// command and screen opens the session first. The cache used to live in the session folder
/// (`.cache/`), where it travelled with every copy and sync and was trusted as it was: a hand-edited
/// weight changed the scores although the YAML is pinned by its hash. Now:
/// - it is outside the session folder (`$XDG_CACHE_HOME/omnigap/modules`, else
///   `~/.cache/omnigap/modules`, created private), so opening a session writes nothing into it;
/// - an entry is named by the frozen YAML's SHA-256 and by the build that parsed it (the running
///   executable's identity), so another version of the parser never reads it;
/// - each entry carries an HMAC-SHA-256 under a random key in the same private folder, over the
///   YAML's hash, the build and the module's JSON. A damaged or edited entry fails the check and is
///   parsed again from the YAML and rewritten.
/// Anyone who can read that key can already run code as this user; that is the limit.
public struct ModuleCache: Sendable {
    public let directory: String
    /// Which build of the parser made an entry; entries of other builds are never read.
    let parser: String

    static let formatName = "omnigap-module-cache"
    static let formatVersion = 3
    /// Entries untouched for this long are removed when another is stored: old builds' entries
    /// would otherwise pile up.
    static let maximumAge: TimeInterval = 30 * 24 * 3600

    public init(directory: String) {
        self.init(directory: directory, parser: Self.runningBuild)
    }

    init(directory: String, parser: String) {
        self.directory = directory
        self.parser = parser
    }

    /// The user's cache: `$XDG_CACHE_HOME/omnigap/modules`, or `$HOME/.cache/omnigap/modules`;
    /// nil when neither is set, and then every open parses the YAML.
    public static func user(environment: [String: String] = ProcessInfo.processInfo.environment) -> ModuleCache? {
        if let base = environment["XDG_CACHE_HOME"], base.hasPrefix("/") { return ModuleCache(directory: base + "/omnigap/modules") }
        if let home = environment["HOME"], home.hasPrefix("/") { return ModuleCache(directory: home + "/.cache/omnigap/modules") }
        return nil
    }

    /// The running executable's identity (device, inode, size and modification time): a rebuilt
    /// or reinstalled omnigap is another parser, with no version number to remember to bump.
    static let runningBuild: String = {
        var info = stat()
        guard stat("/proc/self/exe", &info) == 0 else { return "" }
        return "exe:\(info.st_dev):\(info.st_ino):\(info.st_size):\(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)"
    }()

    func path(sha256: String) -> String {
        directory + "/\(sha256)-\(SHA256.hex(Array(parser.utf8)).prefix(16)).json"
    }

    /// The cached module parsed from the YAML with this hash, if there is an entry that passes
    /// every check.
    func load(sha256: String, id: String) -> QuestionnaireModule? {
        guard !parser.isEmpty, let key = existingKey(),
              case .bytes(let bytes) = FileSystem.read(path(sha256: sha256), limit: 8 << 20),
              let newline = bytes.firstIndex(of: UInt8(ascii: "\n")),
              let header = try? JSONValue.parse(Array(bytes[..<newline])),
              header["format"]?.string == Self.formatName, header["version"]?.int == Self.formatVersion,
              header["sha256"]?.string == sha256, header["parser"]?.string == parser
        else { return nil }
        let body = Array(bytes[(newline + 1)...])
        guard header["mac"]?.string == Self.mac(key: key, sha256: sha256, parser: parser, body: body),
              let module = (try? JSONValue.parse(body)).flatMap(ModuleJSONCoding.decode), module.id == id
        else { return nil }
        return module
    }

    /// Stores a module parsed from the YAML with this hash. Failing to write (no home, a full
    /// disk) only means the next open parses the YAML again.
    func store(_ module: QuestionnaireModule, sha256: String) {
        guard !parser.isEmpty, let key = key() else { return }
        let body = Array((ModuleJSONCoding.encode(module) + "\n").utf8)
        let header = JSONText.inlineObject([
            ("format", JSONText.string(Self.formatName)), ("version", String(Self.formatVersion)),
            ("sha256", JSONText.string(sha256)), ("parser", JSONText.string(parser)),
            ("mac", JSONText.string(Self.mac(key: key, sha256: sha256, parser: parser, body: body))),
        ])
        try? FileSystem.writeAtomically(Array((header + "\n").utf8) + body, to: path(sha256: sha256), durable: false, mode: 0o600)
        removeOldEntries()
    }

    static func mac(key: [UInt8], sha256: String, parser: String, body: [UInt8]) -> String {
        SHA256.hmacHex(key: key, Array("\(formatName) \(formatVersion)\n\(sha256)\n\(parser)\n".utf8) + body)
    }

    // MARK: The key

    private var keyPath: String { directory + "/key" }
    private static let keySize = 32

    private func existingKey() -> [UInt8]? {
        guard case .bytes(let bytes) = FileSystem.read(keyPath, limit: 1024), bytes.count == Self.keySize else { return nil }
        return bytes
    }

    /// The key, made on first use: 32 random bytes, readable by this user only. Two processes
    /// making it at once cannot both succeed (O_EXCL); the loser reads the winner's.
    private func key() -> [UInt8]? {
        if let key = existingKey() { return key }
        guard makePrivateDirectory() else { return nil }
        var random = SystemRandomNumberGenerator()
        let key = (0..<Self.keySize).map { _ in UInt8.random(in: .min ... .max, using: &random) }
        let descriptor = open(keyPath, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { return errno == EEXIST ? existingKey() : nil }
        let failed = FileSystem.writeAll(key, to: descriptor) != nil
        close(descriptor)
        if failed { unlink(keyPath); return nil }
        return key
    }

    private func makePrivateDirectory() -> Bool {
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: 0o700])
            return true
        } catch {
            return false
        }
    }

    /// Removes entries written more than `maximumAge` ago (an open that still needs one simply
    /// stores it again), and the temporary files of killed writers.
    private func removeOldEntries() {
        StaleTemporaryFiles.sweep(directory)
        let cutoff = Date().timeIntervalSince1970 - Self.maximumAge
        for name in FileSystem.names(in: directory) ?? [] where name.hasSuffix(".json") && !name.hasPrefix(".") {
            var info = stat()
            let path = directory + "/" + name
            if lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG, Double(info.st_mtim.tv_sec) < cutoff { unlink(path) }
        }
    }
}
