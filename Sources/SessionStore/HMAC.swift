import Basics
extension SHA256 {
    /// HMAC-SHA-256 (RFC 2104) of `message` under `key`, as 64 lower-case hexadecimal digits.
    ///
    /// The module cache signs its entries with a key only this user can read, so an entry that
    /// was edited by hand (even with its checksum recomputed) is rebuilt instead of trusted.
    static func hmacHex(key: [UInt8], _ message: [UInt8]) -> String {
        let blockSize = 64
        var block = key.count > blockSize ? digest(key) : key
        block += [UInt8](repeating: 0, count: blockSize - block.count)
        let inner = digest(block.map { $0 ^ 0x36 } + message)
        return hex(block.map { $0 ^ 0x5c } + inner)
    }
}
