import Basics
import Foundation
import Questionnaire
import Testing
@testable import SessionStore

/// The module cache saves parsing time and nothing else: whatever happens to it, a session's
/// modules are its frozen YAML's.
@Suite struct ModuleCacheTests {
    /// A session opened with a cache of its own in a scratch folder, and the modules its frozen
    /// YAML gives when parsed afresh.
    private func openWithCache(_ name: String = #function) throws -> (session: Session, cache: ModuleCache, yaml: [QuestionnaireModule]) {
        let made = try makeSession(name)
        let cache = ModuleCache(directory: scratchFolder(name) + "/cache/omnigap/modules")
        let session = try Session.open(made.paths.root, moduleCache: cache)
        let report = ModuleLoader.load(paths: [session.paths.modules])
        try #require(report.isValid)
        let yaml = session.settings.modules.compactMap { report.catalog.module($0.id) }
        try #require(yaml.count == session.settings.modules.count)
        return (session, cache, yaml)
    }

    @Test func aCachedModuleIsTheModuleItCameFrom() throws {
        let (session, cache, yaml) = try openWithCache()
        #expect(session.catalog.modules == yaml)
        for frozen in session.settings.modules {
            let cached = try #require(cache.load(sha256: frozen.sha256, id: frozen.id), "\(frozen.id) was not cached")
            #expect(cached == yaml.first { $0.id == frozen.id }, "\(frozen.id) differs from its YAML")
        }
        let reopened = try Session.open(session.paths.root, moduleCache: cache)
        #expect(reopened.catalog.modules == yaml)
    }

    @Test func openingWritesNothingIntoTheSessionFolder() throws {
        let (session, cache, _) = try openWithCache()
        let before = try listing(session.paths.root)
        _ = try Session.open(session.paths.root, moduleCache: cache)
        _ = try Session.open(session.paths.root, moduleCache: nil)
        #expect(try listing(session.paths.root) == before)
        #expect(!before.contains { $0.hasPrefix(".cache") })
    }

    /// A changed weight and a renamed item, with the checksum a hand-editor would recompute: the
    /// entry fails its keyed check, and the module comes from the YAML again.
    @Test func anEditedEntryIsRebuiltNotTrusted() throws {
        let (session, cache, yaml) = try openWithCache()
        for (frozen, module) in zip(session.settings.modules, yaml) {
            let path = cache.path(sha256: frozen.sha256)
            let item = try #require(module.items.first)
            var text = String(decoding: readFile(path), as: UTF8.self)
            let newline = try #require(text.firstIndex(of: "\n"))
            var body = String(text[text.index(after: newline)...])
            let weighted = body.replacingOccurrences(of: "\"weight\": \(JSONText.number(item.weight))", with: "\"weight\": 50")
            #expect(weighted != body, "\(frozen.id): no weight to change")
            body = weighted.replacingOccurrences(of: "\"\(item.id.rawValue)\"", with: "\"\(item.id.rawValue)-renamed\"")
            #expect(body.contains("-renamed"), "\(frozen.id): no item to rename")
            let header = text[..<newline].replacingOccurrences(of: #""mac": "[0-9a-f]{64}""#, with: "\"mac\": \"\(SHA256.hex(Array(body.utf8)))\"",
                                                               options: .regularExpression)
            text = header + "\n" + body
            writeFile(path, Array(text.utf8))
            #expect(cache.load(sha256: frozen.sha256, id: frozen.id) == nil, "\(frozen.id): an edited entry was read")
        }
        let reopened = try Session.open(session.paths.root, moduleCache: cache)
        #expect(reopened.catalog.modules == yaml)
        for (frozen, module) in zip(session.settings.modules, yaml) {
            #expect(cache.load(sha256: frozen.sha256, id: frozen.id) == module, "\(frozen.id) was not rebuilt from its YAML")
        }
    }

    @Test func anEntryOfAnotherBuildOrADamagedOneIsNotRead() throws {
        let (session, cache, yaml) = try openWithCache()
        let frozen = session.settings.modules[0]
        // Another build of the parser, sharing the folder and its key, made something else of it.
        let other = withoutLastDimension(yaml[0])
        let otherBuild = ModuleCache(directory: cache.directory, parser: "exe:another-build")
        otherBuild.store(other, sha256: frozen.sha256)
        #expect(otherBuild.load(sha256: frozen.sha256, id: frozen.id) == other)
        #expect(cache.load(sha256: frozen.sha256, id: frozen.id) == yaml[0])
        // Cut short, emptied, or without its key.
        let path = cache.path(sha256: frozen.sha256)
        let whole = readFile(path)
        writeFile(path, Array(whole.prefix(whole.count / 2)))
        #expect(cache.load(sha256: frozen.sha256, id: frozen.id) == nil)
        writeFile(path, [])
        #expect(cache.load(sha256: frozen.sha256, id: frozen.id) == nil)
        writeFile(path, whole)
        #expect(cache.load(sha256: frozen.sha256, id: frozen.id) == yaml[0])
        try FileManager.default.removeItem(atPath: cache.directory + "/key")
        #expect(cache.load(sha256: frozen.sha256, id: frozen.id) == nil)
        #expect(try Session.open(session.paths.root, moduleCache: cache).catalog.modules == yaml)
    }

    /// Earlier builds kept the cache in the session folder, trusted as it was. One left there,
    /// edited, has no effect.
    @Test func aCacheLeftInTheSessionFolderIsIgnored() throws {
        let (session, cache, yaml) = try openWithCache()
        try FileManager.default.createDirectory(atPath: session.paths.root + "/.cache", withIntermediateDirectories: true)
        for (frozen, module) in zip(session.settings.modules, yaml) {
            let changed = withoutLastDimension(module)
            let text = JSONText.blockObject([
                ("format", JSONText.string("omnigap-module-cache")), ("version", "1"),
                ("sha256", JSONText.string(frozen.sha256)), ("module", ModuleJSONCoding.encode(changed)),
            ])
            writeFile(session.paths.root + "/.cache/module-\(frozen.sha256).json", Array(text.utf8))
        }
        #expect(try Session.open(session.paths.root, moduleCache: cache).catalog.modules == yaml)
        #expect(try Session.open(session.paths.root, moduleCache: nil).catalog.modules == yaml)
    }

    @Test func theUsersCacheFollowsXDG() {
        #expect(ModuleCache.user(environment: ["XDG_CACHE_HOME": "/x/cache", "HOME": "/home/a"])?.directory == "/x/cache/omnigap/modules")
        #expect(ModuleCache.user(environment: ["XDG_CACHE_HOME": "relative", "HOME": "/home/a"])?.directory == "/home/a/.cache/omnigap/modules")
        #expect(ModuleCache.user(environment: [:]) == nil)
    }

    /// RFC 4231, test cases 1, 2 and 6 (a key longer than a block).
    @Test func hmacMatchesTheStandardsVectors() {
        #expect(SHA256.hmacHex(key: [UInt8](repeating: 0x0b, count: 20), Array("Hi There".utf8))
                == "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7")
        #expect(SHA256.hmacHex(key: Array("Jefe".utf8), Array("what do ya want for nothing?".utf8))
                == "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")
        #expect(SHA256.hmacHex(key: [UInt8](repeating: 0xaa, count: 131), Array("Test Using Larger Than Block-Size Key - Hash Key First".utf8))
                == "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54")
    }
}

/// `module` with a dimension less: what a wrong cache would say.
private func withoutLastDimension(_ module: QuestionnaireModule) -> QuestionnaireModule {
    QuestionnaireModule(id: module.id, version: module.version, languages: module.languages, title: module.title,
                        intro: module.intro, dimensions: Array(module.dimensions.dropLast()))
}

/// Every path under `root`, relative to it, sorted.
private func listing(_ root: String) throws -> [String] {
    try FileManager.default.subpathsOfDirectory(atPath: root).sorted()
}
