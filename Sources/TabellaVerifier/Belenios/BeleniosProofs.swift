import TabellaGroups
import TabellaRecord

/// Why one object failed a check.
struct BeleniosFailure: Error {
    /// What does not hold.
    let reason: String

    init(_ reason: String) { self.reason = reason }
}

/// The group of an election with its key and fingerprint, and Belenios's proofs over them (specification 2.0,
/// sections 4.5, 4.6.1, 4.12, 4.13, 4.14 and 4.18): each challenge is SHA-256 of the statement Belenios forms
/// (numbers in decimal, verbatim prefixes and separators), read big-endian and reduced modulo q.
struct BeleniosProofs: Sendable {
    typealias Element = IntegerGroup.Element

    /// The election's group.
    let group: IntegerGroup
    /// The election public key `y`.
    let publicKey: Element
    /// The election fingerprint φ.
    let fingerprint: String

    /// The group element written `text`: canonical decimal, in [1, p) and in the order-q subgroup.
    func element(_ text: String, _ what: String) throws(BeleniosFailure) -> Element {
        try Self.element(text, what, in: group)
    }

    /// The group element written `text` in `group` (see ``element(_:_:)``).
    static func element(_ text: String, _ what: String, in group: IntegerGroup) throws(BeleniosFailure) -> Element {
        guard let bytes = DecimalInteger.bytes(text), bytes.count <= group.elementByteCount else {
            throw BeleniosFailure("\(what) is not a decimal integer below p")
        }
        do {
            return try group.decode([UInt8](repeating: 0, count: group.elementByteCount - bytes.count) + bytes)
        } catch {
            throw BeleniosFailure("\(what): \(error.message)")
        }
    }

    /// The scalar written `text`: canonical decimal, below q.
    func scalar(_ text: String, _ what: String) throws(BeleniosFailure) -> Scalar {
        guard let bytes = DecimalInteger.bytes(text), let scalar = try? group.scalars.scalar(bigEndian: bytes) else {
            throw BeleniosFailure("\(what) is not a decimal integer below q")
        }
        return scalar
    }

    /// The canonical decimal text of an element, as Belenios hashes it.
    func text(_ element: Element) -> String { DecimalInteger.text(group.encode(element)) }

    /// SHA-256 of `statement`, read big-endian, modulo q.
    func challenge(_ statement: String) -> Scalar {
        group.scalars.reduce(bigEndian: Digest.sha256.hash(Array(statement.utf8)))
    }

    /// `g^value` for a small count.
    func encoded(_ value: Int) -> Element {
        group.generatorPower(public: group.scalars.scalar(UInt64(value)))
    }

    /// A Schnorr proof of knowledge of `log_g key` (a trustee's key, a signature): with `A = g^response ·
    /// key^challenge`, the challenge must be the hash of `statement(A)`.
    func checkSchnorr(_ proof: BeleniosProof, key: Element, _ what: String, statement: (String) -> String)
        throws(BeleniosFailure)
    {
        let challenge = try scalar(proof.challenge, "\(what)'s challenge")
        let response = try scalar(proof.response, "\(what)'s response")
        let commitment = group.multiPower([group.generator, key], [response, challenge])
        guard self.challenge(statement(text(commitment))) == challenge else {
            throw BeleniosFailure("\(what) does not verify: its challenge is not the hash of its statement")
        }
    }

    /// A disjunctive Chaum-Pedersen proof (an `iproof`, a blank proof): one proof per case `(alpha, beta, m)`, with
    /// `A_j = g^response · alpha^challenge` and `B_j = y^response · (beta / g^m)^challenge`; the challenges must sum
    /// to the hash of `statement("A_0,B_0,…,A_k,B_k")`.
    func checkDisjunction(_ proofs: [BeleniosProof], cases: [(alpha: Element, beta: Element, value: Int)],
                          _ what: String, statement: (String) -> String) throws(BeleniosFailure)
    {
        guard proofs.count == cases.count else {
            throw BeleniosFailure("\(what) has \(proofs.count) proofs, not \(cases.count)")
        }
        var sum = group.scalars.zero
        var commitments = [String]()
        for (index, (proof, statementCase)) in zip(proofs, cases).enumerated() {
            let challenge = try scalar(proof.challenge, "\(what)[\(index)]'s challenge")
            let response = try scalar(proof.response, "\(what)[\(index)]'s response")
            let shifted = group.divide(statementCase.beta, encoded(statementCase.value))
            commitments.append(text(group.multiPower([group.generator, statementCase.alpha], [response, challenge])))
            commitments.append(text(group.multiPower([publicKey, shifted], [response, challenge])))
            sum = group.scalars.add(sum, challenge)
        }
        guard challenge(statement(commitments.joined(separator: ","))) == sum else {
            throw BeleniosFailure("\(what) does not verify: its challenges do not sum to the hash of its statement")
        }
    }

    /// A proof that `factor = alpha^x` for the trustee key `X = g^x` (section 4.18): with `A = g^response ·
    /// X^challenge` and `B = alpha^response · factor^challenge`, the challenge must hash `decrypt|φ|X|A,B`.
    func checkDecryption(_ proof: BeleniosProof, key: Element, alpha: Element, factor: Element, _ what: String)
        throws(BeleniosFailure)
    {
        let challenge = try scalar(proof.challenge, "\(what)'s challenge")
        let response = try scalar(proof.response, "\(what)'s response")
        let a = group.multiPower([group.generator, key], [response, challenge])
        let b = group.multiPower([alpha, factor], [response, challenge])
        guard self.challenge("decrypt|\(fingerprint)|\(text(key))|\(text(a)),\(text(b))") == challenge else {
            throw BeleniosFailure("\(what) does not verify: its challenge is not the hash of its statement")
        }
    }
}
