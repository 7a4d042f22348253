extension NodeID {
    /// The largest number of leaves a SQLite board can hold: keys keep 6 bits for the level and must stay positive.
    static let sqliteLeafLimit: UInt64 = 1 << 57

    /// The node's key in the SQLite `tree_nodes` table: its first leaf times 64, plus its level.
    ///
    /// Nodes over neighbouring leaves get neighbouring keys, so that the lower-level hashes of one proof (the
    /// subtrees beside one leaf, all within its tile of 256 leaves) lie in one or two pages of the file, and a
    /// lookup compares one integer. `nil` for a node no log of fewer than 2^57 leaves has.
    var sqliteKey: Int64? {
        guard level < 57, index < Self.sqliteLeafLimit >> UInt64(level) else { return nil }
        return Int64((index << UInt64(level)) << 6 | UInt64(level))
    }

    /// The node with a stored key.
    ///
    /// - Throws: ``BoardError`` `corrupted` for a key no node has (negative, or a first leaf not aligned to the
    ///   level).
    init(sqliteKey key: Int64) throws(BoardError) {
        let level = Int(key & 63)
        let firstLeaf = UInt64(bitPattern: key >> 6)
        guard key >= 0, level < 57, firstLeaf & ((1 << UInt64(level)) - 1) == 0 else {
            throw BoardError(.corrupted, "the stored tree node key \(key) names no node")
        }
        self.init(level: level, index: firstLeaf >> UInt64(level))
    }
}
