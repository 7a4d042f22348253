import TabellaGroups

/// An error in an encoded ballot, naming the field (contest, option, proof part) that is wrong.
public typealias BallotEncodingError = CodedError<BallotEncodingErrorDomain>

/// The domain of ``BallotEncodingError``.
public enum BallotEncodingErrorDomain: ErrorDomain {}

extension CodedError.Code where Domain == BallotEncodingErrorDomain {
    /// The bytes end early, run on past the ballot, or hold a count outside its limits.
    public static var malformed: Self { Self("malformed") }
    /// A group element or scalar that does not decode (off the curve, outside the subgroup, not canonical).
    public static var invalidValue: Self { Self("invalidValue") }
}

/// The compact binary form of an ``EncryptedBallot``, with every element in the group's bulk encoding
/// (``PrimeOrderGroup/encodeBulk(_:)``: canonical, except P-256's uncompressed points, which decode without a
/// square root) and every scalar in its canonical encoding:
///
///     id (32) ‖ chaining field (36) ‖ confirmation code (32) ‖ u8 contest count ‖ contests
///     contest   = u8 index ‖ u8 option count ‖ selections ‖ limit proof ‖ contest hash (32)
///                 ‖ u8 write-in count ‖ write-ins
///     selection = α ‖ β ‖ proof
///     proof     = u8 (R + 1) ‖ c_0 … c_R ‖ v_0 … v_R ‖ a_0 ‖ b_0 ‖ … ‖ a_R ‖ b_R
///     write-in  = α ‖ β ‖ c ‖ v
///
/// Options are numbered 1, 2, … in order, so their indices are not written. Decoding validates every element
/// (``PrimeOrderGroup/decode(_:)`` checks range, subgroup and canonical form) and every scalar.
extension EncryptedBallot {
    /// The most contests, options per contest, and branches per proof an encoding may hold.
    public static var maximumCount: Int { 255 }

    /// The binary encoding.
    ///
    /// - Precondition: the ballot's proofs carry their commitments, and no count exceeds ``maximumCount``.
    public func encoded(in group: Group) -> [UInt8] {
        // The elements, in the order they are written, are encoded together (one field inversion in P-256).
        let elements = contests.flatMap { contest in
            contest.selections.flatMap { selection in
                [selection.ciphertext.alpha, selection.ciphertext.beta] + (selection.proof.commitments ?? [])
            } + (contest.limitProof.commitments ?? [])
                + contest.writeIns.flatMap { [$0.ciphertext.alpha, $0.ciphertext.beta] }
        }
        var writer = BallotWriter(bytes: identifier + chainingField + confirmationCode,
                                  elements: group.encodeBulk(elements), elementByteCount: group.bulkElementByteCount)
        writer.bytes.append(UInt8(contests.count))
        for contest in contests {
            writer.bytes += [UInt8(contest.index), UInt8(contest.selections.count)]
            for selection in contest.selections {
                writer.appendElements(2)
                writer.append(selection.proof, scalars: group.scalars)
            }
            writer.append(contest.limitProof, scalars: group.scalars)
            writer.bytes += contest.contestHash
            writer.bytes.append(UInt8(contest.writeIns.count))
            for writeIn in contest.writeIns {
                writer.appendElements(2)
                writer.bytes += group.scalars.encode(writeIn.proof.challenge)
                    + group.scalars.encode(writeIn.proof.response)
            }
        }
        return writer.bytes
    }

    /// Reads and validates a ballot's binary encoding. Every element is validated with the others in one
    /// ``PrimeOrderGroup/decodeAll(_:)`` call (the same results as decoding each, cheaper in some groups).
    ///
    /// - Throws: ``BallotEncodingError`` naming the contest, option and field that is wrong.
    public init(decoding bytes: [UInt8], in group: Group) throws(BallotEncodingError) {
        var reader = BallotReader(bytes: bytes, group: group)
        let identifier = try reader.bytes(32, "the ballot identifier")
        let chainingField = try reader.bytes(36, "the chaining field")
        let confirmationCode = try reader.bytes(32, "the confirmation code")
        let contestCount = try reader.count("the contest count")
        var layout = [(index: Int, selections: [(alpha: Int, beta: Int, proof: PendingProof)], limit: PendingProof,
                       hash: [UInt8], writeIns: [(alpha: Int, beta: Int, proof: SchnorrProof<Group>)])]()
        for position in 0..<contestCount {
            let place = "contest \(position + 1)"
            let index = try reader.count("the index of \(place)")
            let optionCount = try reader.count("the option count of \(place)")
            var selections = [(alpha: Int, beta: Int, proof: PendingProof)]()
            for offset in 0..<optionCount {
                let option = "\(place), option \(offset + 1)"
                let alpha = try reader.element("α of \(option)")
                let beta = try reader.element("β of \(option)")
                selections.append((alpha, beta, try reader.proof("the range proof of \(option)")))
            }
            let limit = try reader.proof("the contest-limit proof of \(place)")
            let hash = try reader.bytes(32, "the contest hash of \(place)")
            var writeIns = [(alpha: Int, beta: Int, proof: SchnorrProof<Group>)]()
            for offset in 0..<(try reader.count("the write-in count of \(place)")) {
                let element = "\(place), write-in element \(offset + 1)"
                let alpha = try reader.element("α of \(element)")
                let beta = try reader.element("β of \(element)")
                let proof = SchnorrProof<Group>(challenge: try reader.scalar("the challenge of \(element)"),
                                                response: try reader.scalar("the response of \(element)"))
                writeIns.append((alpha, beta, proof))
            }
            layout.append((index, selections, limit, hash, writeIns))
        }
        guard reader.isAtEnd else {
            throw BallotEncodingError(.malformed, "\(reader.remaining) bytes follow the ballot's last contest")
        }
        let elements = try reader.decodeElements()
        func proof(_ pending: PendingProof) -> RangeProof<Group> {
            RangeProof(challenges: pending.challenges, responses: pending.responses,
                       commitments: pending.commitments.map { elements[$0] })
        }
        let contests = layout.map { contest in
            EncryptedContest(
                index: contest.index,
                selections: contest.selections.enumerated().map { offset, selection in
                    EncryptedSelection(
                        optionIndex: offset + 1,
                        ciphertext: ElGamalCiphertext(alpha: elements[selection.alpha], beta: elements[selection.beta]),
                        proof: proof(selection.proof))
                },
                limitProof: proof(contest.limit), contestHash: contest.hash,
                writeIns: contest.writeIns.map { writeIn in
                    EncryptedWriteIn(ciphertext: ElGamalCiphertext(alpha: elements[writeIn.alpha],
                                                                   beta: elements[writeIn.beta]),
                                     proof: writeIn.proof)
                })
        }
        self.init(identifier: identifier, contests: contests, chainingField: chainingField,
                  confirmationCode: confirmationCode)
    }

}

/// Writes a ballot's fields in order, taking its elements in turn from their encodings made together.
private struct BallotWriter {
    var bytes: [UInt8]
    let elements: [UInt8]
    let elementByteCount: Int
    var nextElement = 0

    /// Appends the next `count` elements.
    mutating func appendElements(_ count: Int) {
        let start = nextElement * elementByteCount
        bytes += elements[start..<start + count * elementByteCount]
        nextElement += count
    }

    /// Appends a proof: its branch count, its scalars, and its commitments (the next elements).
    mutating func append<Group: PrimeOrderGroup>(_ proof: RangeProof<Group>, scalars: ScalarField) {
        precondition(proof.commitments != nil, "an encoded proof carries its commitments")
        bytes.append(UInt8(proof.challenges.count))
        for scalar in proof.challenges + proof.responses { bytes += scalars.encode(scalar) }
        appendElements(2 * proof.challenges.count)
    }
}

/// A proof read before its elements are validated: scalars, and the positions of its commitments among the
/// ballot's elements.
private struct PendingProof {
    let challenges: [Scalar]
    let responses: [Scalar]
    let commitments: [Int]
}

/// Reads a ballot's fields in order, with errors that name the field. Elements are collected and validated all
/// together at the end (``decodeElements()``), each keeping the name of its field for the error.
private struct BallotReader<Group: PrimeOrderGroup> {
    var reader: ByteReader
    let group: Group
    var elementBytes = [[UInt8]]()
    /// The name of each element read, made only for an error.
    var elementNames = [() -> String]()

    init(bytes: [UInt8], group: Group) {
        reader = ByteReader(bytes)
        self.group = group
    }

    var isAtEnd: Bool { reader.remaining == 0 }
    var remaining: Int { reader.remaining }

    mutating func bytes(_ count: Int, _ what: @autoclosure () -> String) throws(BallotEncodingError) -> [UInt8] {
        guard let value = reader.read(count) else {
            throw BallotEncodingError(.malformed, "the ballot ends inside \(what())")
        }
        return value
    }

    mutating func count(_ what: @autoclosure () -> String) throws(BallotEncodingError) -> Int {
        Int(try bytes(1, what())[0])
    }

    /// Reads an element's bytes; returns its position for ``decodeElements()``.
    mutating func element(_ what: @escaping @autoclosure () -> String) throws(BallotEncodingError) -> Int {
        elementBytes.append(try bytes(group.bulkElementByteCount, what()))
        elementNames.append(what)
        return elementBytes.count - 1
    }

    /// Every element read, validated; the first invalid one is named.
    func decodeElements() throws(BallotEncodingError) -> [Group.Element] {
        var elements = [Group.Element]()
        elements.reserveCapacity(elementBytes.count)
        for (offset, result) in group.decodeBulk(elementBytes).enumerated() {
            switch result {
            case .success(let element): elements.append(element)
            case .failure(let error):
                throw BallotEncodingError(
                    .invalidValue, "\(elementNames[offset]()) is not a valid \(group.name) element: \(error.message)")
            }
        }
        return elements
    }

    mutating func scalar(_ what: @autoclosure () -> String) throws(BallotEncodingError) -> Scalar {
        let raw = try bytes(group.scalars.byteCount, what())
        do { return try group.scalars.decode(raw) } catch {
            throw BallotEncodingError(.invalidValue, "\(what()) is not a valid scalar: \(error.message)")
        }
    }

    mutating func proof(_ what: @escaping @autoclosure () -> String) throws(BallotEncodingError) -> PendingProof {
        let branches = try count("the branch count of \(what())")
        guard branches >= 1 else { throw BallotEncodingError(.malformed, "\(what()) has no branches") }
        var challenges = [Scalar]()
        var responses = [Scalar]()
        for j in 0..<branches { challenges.append(try scalar("challenge c_\(j) of \(what())")) }
        for j in 0..<branches { responses.append(try scalar("response v_\(j) of \(what())")) }
        var commitments = [Int]()
        for j in 0..<(2 * branches) {
            commitments.append(try element("commitment \(j % 2 == 0 ? "a" : "b")_\(j / 2) of \(what())"))
        }
        return PendingProof(challenges: challenges, responses: responses, commitments: commitments)
    }
}

/// What can be read of an encoded ballot without decoding it, for a ballot a board has already checked.
public enum EncodedBallot {
    /// Where the confirmation code lies in the encoding: after the identifier and the chaining field.
    public static let confirmationCodeBytes = 68..<100

    /// The confirmation code of an encoded ballot, or `nil` when the bytes are too short to hold one.
    public static func confirmationCode(_ bytes: [UInt8]) -> [UInt8]? {
        bytes.count > confirmationCodeBytes.upperBound ? Array(bytes[confirmationCodeBytes]) : nil
    }
}
