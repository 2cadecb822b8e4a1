import Foundation

/// Removes the temporary files of atomic writes whose writer was killed before its rename.
///
/// A killed writer leaves `.NAME.tmp-PID-XXXXXXXX` behind, and nothing else ever removes it
/// (600 SIGKILLs left 126). Readers pass over dot files, so the leftovers are harmless but pile
/// up. A file is only taken when all of these hold:
/// - its name is exactly what `FileSystem.writeAtomically` makes;
/// - it is a regular file itself (a link of that name is never followed, and never removed);
/// - no process with its PID is alive on this machine (`kill(pid, 0)` fails with ESRCH);
/// - it was last modified more than `minimumAge` ago. A synced folder can carry another
///   machine's temporary file, whose PID means nothing here; a write takes milliseconds, so a
///   file untouched for this long is no write in progress anywhere.
public enum StaleTemporaryFiles {
    /// How old a temporary file must be before it may go.
    public static let minimumAge: TimeInterval = 15 * 60

    /// Removes the stale temporary files in `directory` and returns their names. Anything that
    /// cannot be checked or removed is left alone: this is tidying, never a reason to fail.
    @discardableResult
    public static func sweep(_ directory: String, now: Date = Date(),
                             isRunning: (pid_t) -> Bool = processIsRunning) -> [String] {
        let candidates = (FileSystem.names(in: directory) ?? []).compactMap { name in
            TemporaryFileName(name).map { (name, $0.pid) }
        }
        guard !candidates.isEmpty else { return [] }
        let folder = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard folder >= 0 else { return [] }
        defer { close(folder) }
        let cutoff = now.timeIntervalSince1970 - minimumAge
        var removed: [String] = []
        for (name, pid) in candidates {
            var info = stat()
            guard fstatat(folder, name, &info, AT_SYMLINK_NOFOLLOW) == 0, info.st_mode & S_IFMT == S_IFREG,
                  Double(info.st_mtim.tv_sec) < cutoff, !isRunning(pid) else { continue }
            // unlinkat removes the entry itself; it never follows a link.
            if unlinkat(folder, name, 0) == 0 { removed.append(name) }
        }
        return removed.sorted()
    }

    /// Whether a process with this PID exists on this machine. Only ESRCH means it does not: a
    /// process of another user (EPERM) is alive.
    public static func processIsRunning(_ pid: pid_t) -> Bool {
        guard pid > 0 else { return true }
        return kill(pid, 0) == 0 || errno != ESRCH
    }
}
