import TabellaGroups

/// The binary encoding of a shuffle argument, for the board's mix entries.
///
/// ```
/// version     1 byte, 1
/// m, n        4 bytes each, big-endian
/// c, k        2 bytes each: components per ciphertext, randomness scalars per ciphertext
/// elements    every group element in the group's bulk encoding, in the order below
/// scalars     every scalar in its canonical encoding (the field's byte count), in the order below
/// ```
///
/// Elements: c_A (m), c_B (m); for m ≥ 2 c_b, the Hadamard c_B (m), the zero argument's c_{A₀}, c_{B_m}, c_d
/// (2m + 1); the single value product's c_d, c_δ, c_Δ; the multi-exponentiation's c_{A₀}, c_B (2m), E (2m × c).
/// Scalars: for m ≥ 2 the zero argument's a′ (n), b′ (n), r′, s′, t′; the single value product's ã (n), b̃ (n),
/// r̃, s̃; the multi-exponentiation's a (n), r, b, s, τ (k). Every size follows from the header, so the encoding of
/// an argument is unique and its length is checked exactly.
extension ShuffleArgument {
    /// The encoding's version byte.
    static var encodingVersion: UInt8 { 1 }

    /// The argument's elements and scalars in encoding order.
    private var parts: (elements: [Group.Element], scalars: [Scalar]) {
        var elements = cA + cB
        var scalars = [Scalar]()
        if let cb = product.cb, let hadamard = product.hadamard {
            let zero = hadamard.zero
            elements += [cb] + hadamard.cB + [zero.cA0, zero.cBm] + zero.cd
            scalars += zero.a + zero.b + [zero.r, zero.s, zero.t]
        }
        let single = product.singleValueProduct
        elements += [single.cd, single.cLowerDelta, single.cUpperDelta]
        scalars += single.aTilde + single.bTilde + [single.rTilde, single.sTilde]
        let multi = multiExponentiation
        elements += [multi.cA0] + multi.cB + multi.e.flatMap { $0 }
        scalars += multi.a + [multi.r, multi.b, multi.s] + multi.tau
        return (elements, scalars)
    }

    /// The encoding, in `group`.
    public func encoded(in group: Group) -> [UInt8] {
        let m = cA.count
        let n = multiExponentiation.a.count
        let c = multiExponentiation.e.first?.count ?? 0
        let k = multiExponentiation.tau.count
        var bytes: [UInt8] = [Self.encodingVersion]
        bytes += ShuffleEncoding.bigEndian(UInt64(m), count: 4) + ShuffleEncoding.bigEndian(UInt64(n), count: 4)
        bytes += ShuffleEncoding.bigEndian(UInt64(c), count: 2) + ShuffleEncoding.bigEndian(UInt64(k), count: 2)
        let (elements, scalars) = parts
        bytes += group.encodeBulk(elements)
        for scalar in scalars { bytes += group.scalars.encode(scalar) }
        return bytes
    }

    /// Decodes an argument for the shape `rows` × `columns`, `components` elements and `randomness` scalars per
    /// ciphertext, validating every element and scalar.
    ///
    /// - Throws: `ShuffleError` `.malformedEncoding` for a wrong version or length, `.sizeMismatch` for a header
    ///   that does not match the expected shape, `.invalidElement` naming the element or scalar that does not
    ///   decode.
    public static func decode(
        _ bytes: [UInt8], rows m: Int, columns n: Int, components c: Int, randomness k: Int, in group: Group
    ) throws(ShuffleError) -> Self {
        var reader = ShuffleEncoding.Reader(bytes: bytes, what: "shuffle argument")
        guard try reader.integer(1) == UInt64(encodingVersion) else {
            throw ShuffleError(.malformedEncoding, "shuffle argument: unknown version")
        }
        let header = [try reader.integer(4), try reader.integer(4), try reader.integer(2), try reader.integer(2)]
        guard header == [UInt64(m), UInt64(n), UInt64(c), UInt64(k)] else {
            throw ShuffleError(.sizeMismatch,
                               "shuffle argument: header (m, n, c, k) = \(header), expected \([m, n, c, k])")
        }
        let hasHadamard = m >= 2
        let elementCount = 2 * m + (hasHadamard ? 1 + m + 2 + 2 * m + 1 : 0) + 3 + 1 + 2 * m + 2 * m * c
        let scalarCount = (hasHadamard ? 2 * n + 3 : 0) + 2 * n + 2 + n + 3 + k
        var elements = try reader.elements(elementCount, in: group)
        var scalars = try reader.scalars(scalarCount, in: group.scalars)
        try reader.finish()
        func take(_ count: Int) -> [Group.Element] {
            defer { elements.removeFirst(count) }
            return Array(elements.prefix(count))
        }
        func takeScalars(_ count: Int) -> [Scalar] {
            defer { scalars.removeFirst(count) }
            return Array(scalars.prefix(count))
        }
        let cA = take(m), cB = take(m)
        var cb: Group.Element?
        var hadamard: HadamardArgument<Group>?
        if hasHadamard {
            cb = take(1)[0]
            let hadamardCB = take(m)
            let zeroElements = take(2)
            let cd = take(2 * m + 1)
            let a = takeScalars(n), b = takeScalars(n), rst = takeScalars(3)
            hadamard = HadamardArgument(cB: hadamardCB, zero: ZeroArgument(
                cA0: zeroElements[0], cBm: zeroElements[1], cd: cd, a: a, b: b, r: rst[0], s: rst[1], t: rst[2]))
        }
        let singleElements = take(3)
        let aTilde = takeScalars(n), bTilde = takeScalars(n), rs = takeScalars(2)
        let single = SingleValueProductArgument<Group>(
            cd: singleElements[0], cLowerDelta: singleElements[1], cUpperDelta: singleElements[2], aTilde: aTilde,
            bTilde: bTilde, rTilde: rs[0], sTilde: rs[1])
        let multiA0 = take(1)[0]
        let multiB = take(2 * m)
        let e = (0..<(2 * m)).map { _ in take(c) }
        let a = takeScalars(n), rbs = takeScalars(3), tau = takeScalars(k)
        let multi = MultiExponentiationArgument<Group>(
            cA0: multiA0, cB: multiB, e: e, a: a, r: rbs[0], b: rbs[1], s: rbs[2], tau: tau)
        return Self(cA: cA, cB: cB, product: ProductArgument(cb: cb, hadamard: hadamard, singleValueProduct: single),
                    multiExponentiation: multi)
    }
}

/// The binary encoding of a list of rows: the row count (4 bytes, big-endian) and the rows' components in the
/// group's bulk encoding, row after row.
extension ShuffleCiphertextSpace {
    /// The encoding of `rows`.
    public func encode(_ rows: [Row]) -> [UInt8] {
        ShuffleEncoding.bigEndian(UInt64(rows.count), count: 4) + group.encodeBulk(rows.flatMap(components))
    }

    /// Decodes a list of rows, validating every element (range, subgroup, canonical form).
    ///
    /// - Throws: `ShuffleError` `.malformedEncoding` for a wrong length, `.invalidElement` naming the row and
    ///   component that does not decode.
    public func decode(_ bytes: [UInt8]) throws(ShuffleError) -> [Row] {
        var reader = ShuffleEncoding.Reader(bytes: bytes, what: "row list")
        let count = Int(try reader.integer(4))
        let elements = try reader.elements(count * componentCount, in: group) { index in
            "row \(index / componentCount) component \(componentName(index % componentCount))"
        }
        try reader.finish()
        return (0..<count).map { row(components: Array(elements[$0 * componentCount..<($0 + 1) * componentCount])) }
    }
}

/// Helpers of the shuffle encodings, and of the mix-net's lists on the board.
public enum ShuffleEncoding {
    /// `value` as `count` big-endian bytes.
    static func bigEndian(_ value: UInt64, count: Int) -> [UInt8] {
        (0..<count).map { UInt8(truncatingIfNeeded: value >> UInt64(8 * (count - 1 - $0))) }
    }

    /// Reads an encoding front to back, every read checked against the length.
    public struct Reader {
        let bytes: [UInt8]
        /// What is being read, for messages.
        let what: String
        private var offset = 0

        /// A reader of `bytes`, named `what` in its errors.
        public init(bytes: [UInt8], what: String) {
            self.bytes = bytes
            self.what = what
        }

        /// The next `count` bytes.
        mutating func take(_ count: Int) throws(ShuffleError) -> ArraySlice<UInt8> {
            guard count >= 0, bytes.count - offset >= count else {
                throw ShuffleError(.malformedEncoding, "\(what): ends after \(bytes.count) bytes, inside a field")
            }
            defer { offset += count }
            return bytes[offset..<(offset + count)]
        }

        /// A big-endian integer of `count` bytes.
        mutating func integer(_ count: Int) throws(ShuffleError) -> UInt64 {
            try take(count).reduce(0) { $0 << 8 | UInt64($1) }
        }

        /// `count` elements in the bulk encoding, each validated; `name` names an element by its index.
        ///
        /// - Throws: `ShuffleError` `.malformedEncoding` when too few bytes are left, `.invalidElement` naming
        ///   the element that does not decode and why.
        public mutating func elements<Group: PrimeOrderGroup>(
            _ count: Int, in group: Group, name: (Int) -> String = { "element \($0)" }
        ) throws(ShuffleError) -> [Group.Element] {
            let width = group.bulkElementByteCount
            guard count <= (bytes.count - offset) / width else {
                throw ShuffleError(.malformedEncoding, "\(what): too short for \(count) elements")
            }
            let slice = try take(count * width)
            let encodings = (0..<count).map { Array(slice[(slice.startIndex + $0 * width)...].prefix(width)) }
            var elements = [Group.Element]()
            elements.reserveCapacity(count)
            for (index, result) in group.decodeBulk(encodings).enumerated() {
                switch result {
                case .success(let element): elements.append(element)
                case .failure(let error):
                    throw ShuffleError(.invalidElement, "\(what): \(name(index)): \(error)")
                }
            }
            return elements
        }

        /// `count` scalars in their canonical encoding, each checked below q.
        mutating func scalars(_ count: Int, in field: ScalarField) throws(ShuffleError) -> [Scalar] {
            var scalars = [Scalar]()
            for index in 0..<count {
                let slice = try take(field.byteCount)
                do {
                    scalars.append(try field.decode(slice))
                } catch {
                    throw ShuffleError(.invalidElement, "\(what): scalar \(index): \(error)")
                }
            }
            return scalars
        }

        /// Checks that every byte was read.
        ///
        /// - Throws: `ShuffleError` `.malformedEncoding` counting the bytes left.
        public func finish() throws(ShuffleError) {
            guard offset == bytes.count else {
                throw ShuffleError(.malformedEncoding, "\(what): \(bytes.count - offset) bytes after the end")
            }
        }
    }
}
