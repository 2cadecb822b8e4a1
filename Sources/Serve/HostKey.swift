import Basics
import Crypto
import Foundation
import NIOSSH
import SessionStore

/// The server's Ed25519 host key, made once per session folder and kept there, so that a
/// participant's `known_hosts` stays valid when the facilitator restarts the console.
///
/// The file holds the key's 32 raw bytes (NIOSSH cannot serialise its own key type), written
/// atomically with mode 0600, and the session's `.gitignore` keeps it out of commits.
public struct HostKey: Sendable {
    public static let fileName = "ssh_host_ed25519_key"
    /// The key's raw 32 bytes: a value, where Crypto's key type is not `Sendable`.
    let rawKey: [UInt8]

    init(key: Curve25519.Signing.PrivateKey) {
        rawKey = Array(key.rawRepresentation)
    }

    var key: Curve25519.Signing.PrivateKey { try! Curve25519.Signing.PrivateKey(rawRepresentation: rawKey) }

    /// The key in `paths`' folder, made on first use.
    public static func load(in paths: SessionPaths) throws(ServeError) -> HostKey {
        let path = paths.root + "/" + fileName
        switch FileSystem.read(path, limit: 1024) {
        case .bytes(let bytes):
            guard bytes.count == 32, let key = try? Curve25519.Signing.PrivateKey(rawRepresentation: bytes) else {
                throw .hostKey(path: path, reason: "not an omnigap host key (32 bytes); move it aside to make a new one")
            }
            var status = stat()
            if stat(path, &status) == 0, status.st_mode & 0o077 != 0 {
                throw .hostKey(path: path, reason: "readable by others (mode \(String(status.st_mode & 0o777, radix: 8))); run chmod 600 on it")
            }
            return HostKey(key: key)
        case .missing:
            let key = Curve25519.Signing.PrivateKey()
            do {
                try FileSystem.writeAtomically(Array(key.rawRepresentation), to: path, mode: 0o600)
            } catch {
                throw .hostKey(path: path, reason: error.description)
            }
            FileSystem.ignoreInGit(fileName, in: paths)
            return HostKey(key: key)
        case .problem(let problem):
            throw .hostKey(path: path, reason: problem.description)
        }
    }

    var sshKey: NIOSSHPrivateKey { NIOSSHPrivateKey(ed25519Key: key) }

    /// The fingerprint as `ssh-keygen -lf` and the client's first-connection prompt show it:
    /// "SHA256:" and the unpadded base64 of the SHA-256 of the public key's wire form.
    public var fingerprint: String {
        var blob: [UInt8] = []
        func append(_ bytes: [UInt8]) {
            let count = UInt32(bytes.count)
            blob += [UInt8(count >> 24), UInt8(count >> 16 & 0xff), UInt8(count >> 8 & 0xff), UInt8(count & 0xff)]
            blob += bytes
        }
        append(Array("ssh-ed25519".utf8))
        append(Array(key.publicKey.rawRepresentation))
        let digest = Data(Crypto.SHA256.hash(data: blob)).base64EncodedString()
        return "SHA256:" + digest.replacingOccurrences(of: "=", with: "")
    }
}
