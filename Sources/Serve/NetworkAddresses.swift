import Foundation

/// The addresses participants can reach this machine on: what the join line names when the
/// server listens on every network.
public enum NetworkAddresses {
    /// This machine's IPv4 addresses other than loopback, in the order the system lists them.
    public static func lan() -> [String] {
        var first: UnsafeMutablePointer<ifaddrs>?
        guard getifaddrs(&first) == 0, let first else { return [] }
        defer { freeifaddrs(first) }
        var addresses: [String] = []
        for entry in sequence(first: first, next: { $0.pointee.ifa_next }) {
            guard let address = entry.pointee.ifa_addr, address.pointee.sa_family == sa_family_t(AF_INET),
                  entry.pointee.ifa_flags & UInt32(IFF_LOOPBACK) == 0, entry.pointee.ifa_flags & UInt32(IFF_UP) != 0 else { continue }
            var host = [CChar](repeating: 0, count: Int(NI_MAXHOST))
            guard getnameinfo(address, socklen_t(MemoryLayout<sockaddr_in>.size), &host, socklen_t(host.count), nil, 0, NI_NUMERICHOST) == 0 else { continue }
            let text = String(decoding: host.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            if !addresses.contains(text) { addresses.append(text) }
        }
        return addresses
    }

    /// The hosts to print in the join line for a server listening on `listen`.
    public static func joinHosts(listening listen: String) -> [String] {
        guard listen == "0.0.0.0" || listen == "::" else { return [listen] }
        let lan = lan()
        return lan.isEmpty ? ["127.0.0.1"] : lan
    }
}
