import Foundation

/// Where the modules come from, and why that place was chosen, so that `modules list` can say.
public struct ModuleDirectory: Hashable, Sendable {
    public enum Origin: String, Sendable {
        case flag = "--modules"
        case environment = "OMNIGAP_MODULES"
        case installed = "installed beside the executable"
        case sourceTree = "built-in (source tree)"
    }

    public let path: String
    public let origin: Origin

    public init(path: String, origin: Origin) {
        self.path = path
        self.origin = origin
    }

    /// The variable that overrides the built-in modules.
    public static let environmentVariable = "OMNIGAP_MODULES"

    /// The module directory to use: `--modules`, else `OMNIGAP_MODULES`, else the built-in
    /// modules.
    ///
    /// The built-in modules are looked for beside the executable (`../share/omnigap/Modules`),
    /// for an installed copy, and then in the source tree the binary was built from, which is what
    /// makes a plain `swift build` work from any directory. A candidate counts only if it holds
    /// module files: SwiftPM's build folder has a `Modules` directory of its own, for compiled
    /// Swift modules.
    public static func locate(flag: String?, environment: [String: String],
                              executablePath: String?) -> Result<ModuleDirectory, ModuleDirectoryError> {
        if let flag { return .success(ModuleDirectory(path: flag, origin: .flag)) }
        if let path = environment[environmentVariable], !path.isEmpty {
            return .success(ModuleDirectory(path: path, origin: .environment))
        }
        var candidates: [(String, Origin)] = []
        if let executablePath {
            let binDirectory = URL(fileURLWithPath: executablePath).resolvingSymlinksInPath().deletingLastPathComponent()
            candidates.append((binDirectory.appendingPathComponent("../share/omnigap/Modules").standardized.path, .installed))
        }
        candidates.append((sourceTreeModules, .sourceTree))
        for (path, origin) in candidates where holdsModuleFiles(path) {
            return .success(ModuleDirectory(path: path, origin: origin))
        }
        return .failure(ModuleDirectoryError(searched: candidates.map(\.0)))
    }

    /// `Modules/` at the top of the package this file was compiled from.
    static var sourceTreeModules: String {
        URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent()  // Questionnaire
            .deletingLastPathComponent()  // Sources
            .deletingLastPathComponent()  // package root
            .appendingPathComponent("Modules").path
    }

    private static func holdsModuleFiles(_ path: String) -> Bool {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        return names.contains { name in ModuleLoader.fileExtensions.contains { name.hasSuffix(".\($0)") } }
    }
}

/// No module directory was given and none was found where the built-in modules should be.
public struct ModuleDirectoryError: Error, Sendable, CustomStringConvertible {
    public let searched: [String]

    public var description: String {
        "the built-in modules were not found (looked in \(searched.joined(separator: ", "))); "
            + "pass --modules DIR or set \(ModuleDirectory.environmentVariable)"
    }
}
