import TabellaGroups

/// Write-in answers (short UTF-8 strings) as group elements for plain ElGamal, and back (Docs/mixnet.md,
/// "Write-in encoding").
///
/// The answer's bytes are padded to a block: the bytes, then `0x80`, then zeros. P-256, ristretto255 and the
/// quadratic residues of a safe prime embed the block in one element; other groups (the ElectionGuard 4096-bit
/// group, whose subgroup is too sparse to embed in) carry it as exponential chunks `g^c`, one per two bytes, read
/// back with a discrete-logarithm table. Decoding re-encodes the answer and requires the same elements, so every
/// answer has exactly one encoding.
public struct MessageEncoding<Group: PrimeOrderGroup>: Sendable {
    /// The group.
    public let group: Group
    private let scheme: Scheme

    /// How the block becomes elements.
    private enum Scheme: Sendable {
        /// In one element, by trying candidate encodings until one decodes.
        case embedded(MessageEmbedding)
        /// As `g^c` for each two bytes `c` of the block, decoded by the table.
        case chunked(DiscreteLogTable<Group>)
    }

    /// The encoding of `group`: embedded for P-256, ristretto255 and safe-prime integer groups, chunked otherwise.
    public init(group: Group) {
        self.group = group
        if group is P256 {
            scheme = .embedded(.p256)
        } else if group is Ristretto255 {
            scheme = .embedded(.ristretto255)
        } else if let integers = group as? IntegerGroup, integers.isSafePrimeGroup {
            scheme = .embedded(.safePrime(modulus: integers.modulus))
        } else {
            scheme = .chunked(DiscreteLogTable(group: group, base: group.generator, bound: UInt64(UInt16.max)))
        }
    }

    /// The most bytes an answer may have in this group, or `nil` when chunks carry any length.
    public var capacity: Int? {
        if case .embedded(let embedding) = scheme { embedding.blockByteCount - 1 } else { nil }
    }

    /// The number of elements that carry an answer of at most `limit` bytes.
    public func elementCount(limit: Int) -> Int {
        if case .embedded = scheme { 1 } else { (limit + 2) / 2 }
    }

    /// The elements of `text` for a contest whose answers have at most `limit` bytes.
    ///
    /// - Throws: ``MessageEncodingError`` `.tooLong` or `.overCapacity`, naming the contest, the length and the
    ///   limit.
    public func encode(_ text: String, limit: Int, contest: String) throws(MessageEncodingError) -> [Group.Element] {
        try encode(utf8: Array(text.utf8), limit: limit, contest: contest)
    }

    /// The elements of an answer given as UTF-8 bytes.
    ///
    /// - Throws: ``MessageEncodingError`` `.invalidUTF8`, `.tooLong` or `.overCapacity`, naming the contest.
    public func encode(utf8 bytes: [UInt8], limit: Int, contest: String) throws(MessageEncodingError)
        -> [Group.Element] {
        let name = "contest \"\(contest)\""
        if let capacity, limit > capacity {
            throw MessageEncodingError(.overCapacity, "\(name) allows write-ins of \(limit) bytes; the group "
                + "\(group.name) carries at most \(capacity)")
        }
        guard limit >= 0, bytes.count <= limit else {
            throw MessageEncodingError(.tooLong, "\(name): the write-in has \(bytes.count) bytes, more than the "
                + "limit of \(limit)")
        }
        guard String(validating: bytes, as: UTF8.self) != nil else {
            throw MessageEncodingError(.invalidUTF8, "\(name): the write-in is not valid UTF-8")
        }
        switch scheme {
        case .embedded(let embedding):
            let block = Self.pad(bytes, to: embedding.blockByteCount)
            for attempt in 0..<embedding.attempts {
                if let element = try? group.decode(embedding.candidate(block, attempt)) { return [element] }
            }
            // Each attempt succeeds with probability about 1/2 (P-256), 1/4 (ristretto255) or 1 (safe primes).
            preconditionFailure("no candidate of \(embedding.attempts) is an element of \(group.name)")
        case .chunked:
            let block = Self.pad(bytes, to: 2 * elementCount(limit: limit))
            return stride(from: 0, to: block.count, by: 2).map {
                group.generatorPower(secret: group.scalars.scalar(UInt64(block[$0]) << 8 | UInt64(block[$0 + 1])))
            }
        }
    }

    /// The answer that `elements` encode for a contest whose answers have at most `limit` bytes.
    ///
    /// - Throws: ``MessageEncodingError`` `.notAnEncoding` naming the contest and the failed check, for elements
    ///   that are no answer's encoding (an invalid write-in).
    public func decode(_ elements: [Group.Element], limit: Int, contest: String) throws(MessageEncodingError)
        -> String {
        let name = "contest \"\(contest)\""
        let expected = elementCount(limit: limit)
        guard elements.count == expected else {
            throw MessageEncodingError(.notAnEncoding, "\(name): a write-in has \(expected) elements, not "
                + "\(elements.count)")
        }
        let block: [UInt8]
        switch scheme {
        case .embedded(let embedding):
            guard let found = embedding.block(group.encode(elements[0])) else {
                throw MessageEncodingError(.notAnEncoding, "\(name): the element is not in the write-in layout")
            }
            block = found
        case .chunked(let table):
            var found = [UInt8]()
            for (index, element) in elements.enumerated() {
                guard let chunk = table.logarithm(of: element) else {
                    throw MessageEncodingError(.notAnEncoding, "\(name): write-in element \(index + 1) is not g^c "
                        + "for a two-byte c")
                }
                found += [UInt8(chunk >> 8), UInt8(chunk & 0xff)]
            }
            block = found
        }
        guard let bytes = Self.unpad(block) else {
            throw MessageEncodingError(.notAnEncoding, "\(name): the write-in's padding is not 0x80 then zeros")
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw MessageEncodingError(.invalidUTF8, "\(name): the decoded write-in is not valid UTF-8")
        }
        let canonical: [Group.Element]
        do {
            canonical = try encode(utf8: bytes, limit: limit, contest: contest)
        } catch {
            throw MessageEncodingError(.notAnEncoding, "\(name): the decoded write-in is not allowed (\(error))")
        }
        guard canonical == elements else {
            throw MessageEncodingError(.notAnEncoding, "\(name): the elements are not the one encoding of the "
                + "write-in they decode to")
        }
        return text
    }

    /// `bytes ‖ 0x80 ‖ 0x00…`, `count` bytes in all.
    private static func pad(_ bytes: [UInt8], to count: Int) -> [UInt8] {
        bytes + [0x80] + [UInt8](repeating: 0, count: count - bytes.count - 1)
    }

    /// The bytes before the final `0x80` that only zeros follow, or `nil` when there is none.
    private static func unpad(_ block: [UInt8]) -> [UInt8]? {
        guard let end = block.lastIndex(where: { $0 != 0 }), block[end] == 0x80 else { return nil }
        return Array(block[..<end])
    }
}
