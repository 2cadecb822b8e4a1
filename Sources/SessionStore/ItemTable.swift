import Foundation
import Questionnaire

/// Finds an item from the bytes of its id as they sit in a file, without making a string.
///
/// Reading thousands of participant files means looking up millions of item ids; hashing a
/// byte array through `Hasher` and building a `String` for each was most of the cost. This is
/// a small open-addressing table keyed by FNV-1a, which checks the bytes on a hit.
struct ItemTable: Sendable {
    private struct Entry: Sendable {
        let hash: UInt64
        let bytes: [UInt8]
        let index: Int
    }

    private let slots: [Entry?]
    private let mask: Int
    /// The items, in the order given: an item's index is its place here.
    let items: [Item]
    /// Each item's kind, by index, so hot loops need not copy an `Item` to look at it.
    let kinds: [ItemKindTag]
    /// What each item's answers must satisfy, by index.
    let rules: [AnswerRule]

    init(_ items: [Item]) {
        self.items = items
        kinds = items.map(\.kind.tag)
        rules = items.map(AnswerRule.init)
        var capacity = 16
        while capacity < items.count * 2 { capacity <<= 1 }
        var slots = [Entry?](repeating: nil, count: capacity)
        for (position, item) in items.enumerated() {
            let bytes = Array(item.id.rawValue.utf8)
            let hash = Self.hash(bytes, bytes.indices)
            var index = Int(truncatingIfNeeded: hash) & (capacity - 1)
            while let existing = slots[index] {
                if existing.bytes == bytes { break }  // the loader keeps ids unique; the first wins
                index = (index + 1) & (capacity - 1)
            }
            if slots[index] == nil { slots[index] = Entry(hash: hash, bytes: bytes, index: position) }
        }
        self.slots = slots
        mask = capacity - 1
    }

    /// The item at `index`.
    func item(at index: Int) -> Item { items[index] }

    /// The index of the item whose id is `document[span]`.
    func index(in document: [UInt8], _ span: Range<Int>) -> Int? {
        let hash = Self.hash(document, span)
        var index = Int(truncatingIfNeeded: hash) & mask
        while let entry = slots[index] {
            if entry.hash == hash, entry.bytes.count == span.count,
               entry.bytes.withUnsafeBufferPointer({ stored in
                   document.withUnsafeBufferPointer { source in
                       memcmp(stored.baseAddress!, source.baseAddress! + span.lowerBound, span.count) == 0
                   }
               })
            {
                return entry.index
            }
            index = (index + 1) & mask
        }
        return nil
    }

    private static func hash(_ bytes: [UInt8], _ span: Range<Int>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for index in span {
            hash ^= UInt64(bytes[index])
            hash = hash &* 0x0100_0000_01b3
        }
        return hash
    }
}
