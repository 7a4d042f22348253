import TabellaGroups

/// The hash computations of ElectionGuard 2.0.0 (specification §5.5) as the Kotlin implementation writes its
/// records, for checking and reproducing them.
///
/// Where the record departs from the specification's tables, this follows the record (see `Docs/verifier.md`): the
/// version array has 26 zero bytes, and confirmation codes, chain starts and chain closings hash `B_aux` without
/// a length prefix.
public struct ElectionGuard20<Group: PrimeOrderGroup>: Sendable {
    /// The group.
    public let group: Group
    /// The election key K with its table.
    public let key: ElGamalPublicKey<Group>
    /// H_E.
    public let extendedBaseHash: [UInt8]

    /// The rules of an election with key K and extended base hash H_E.
    public init(key: ElGamalPublicKey<Group>, extendedBaseHash: [UInt8]) {
        self.group = key.group
        self.key = key
        self.extendedBaseHash = extendedBaseHash
    }

    private func hash(_ input: ElectionGuardHashInput) -> [UInt8] {
        ElectionGuardHash.hash(key: extendedBaseHash, input)
    }

    // MARK: Base hashes (§3.1, §3.2.3)

    /// `H_P = H(ver; 0x00, p, q, g)` for an integer group, with the version "v2.0.0".
    public static func parameterBaseHash(_ integerGroup: IntegerGroup, version: String = "v2.0.0") -> [UInt8] {
        var input = ElectionGuardHashInput(domain: 0x00)
        input.append(bytes: integerGroup.modulus)
        input.append(bytes: integerGroup.scalars.modulus)
        input.append(element: integerGroup.generator, of: integerGroup)
        return ElectionGuardHash.hash(key: ElectionGuardHash.versionKey(version), input)
    }

    /// `H_M = H(H_P; 0x01, manifest)`, the manifest file's bytes after their length.
    public static func manifestHash(parameterBaseHash: [UInt8], manifest: [UInt8]) -> [UInt8] {
        var input = ElectionGuardHashInput(domain: 0x01)
        input.append(lengthPrefixed: manifest)
        return ElectionGuardHash.hash(key: parameterBaseHash, input)
    }

    /// `H_B = H(H_P; 0x02, H_M, n, k)`.
    public static func baseHash(parameterBaseHash: [UInt8], manifestHash: [UInt8], guardians: Int, quorum: Int)
        -> [UInt8]
    {
        var input = ElectionGuardHashInput(domain: 0x02)
        input.append(bytes: manifestHash)
        input.append(index: UInt32(guardians))
        input.append(index: UInt32(quorum))
        return ElectionGuardHash.hash(key: parameterBaseHash, input)
    }

    /// `H_E = H(H_B; 0x12, K)`.
    public static func extendedBaseHash(baseHash: [UInt8], key: Group.Element, in group: Group) -> [UInt8] {
        var input = ElectionGuardHashInput(domain: 0x12)
        input.append(element: key, of: group)
        return ElectionGuardHash.hash(key: baseHash, input)
    }

    /// The challenge of a guardian's coefficient proof, `c_{i,j} = H(H_P; 0x10, i, j, K_{i,j}, h_{i,j})`, mod q.
    public static func coefficientChallenge(
        parameterBaseHash: [UInt8], guardian: Int, coefficient: Int, commitment: Group.Element,
        proofCommitment: Group.Element, in group: Group
    ) -> Scalar {
        var input = ElectionGuardHashInput(domain: 0x10)
        input.append(index: UInt32(guardian))
        input.append(index: UInt32(coefficient))
        input.append(element: commitment, of: group)
        input.append(element: proofCommitment, of: group)
        return ElectionGuardHash.hashToScalar(key: parameterBaseHash, input, field: group.scalars)
    }

    // MARK: Ballots (§3.3, §3.4)

    /// The selection nonce `ξ_{i,j} = H(H_E; 0x20, ξ_B, i, j)` reduced modulo q.
    public func selectionNonce(ballotNonce: [UInt8], contestIndex: Int, optionIndex: Int) -> Scalar {
        var input = ElectionGuardHashInput(domain: 0x20)
        input.append(bytes: ballotNonce)
        input.append(index: UInt32(contestIndex))
        input.append(index: UInt32(optionIndex))
        return group.scalars.reduce(bigEndian: hash(input))
    }

    /// A range proof's challenge `c = H(H_E; 0x21, K, α, β, a_0, b_0, …, a_R, b_R)` mod q, for selections and for
    /// the contest limit alike.
    public func rangeChallenge(ciphertext: ElGamalCiphertext<Group>, commitments: [Group.Element]) -> Scalar {
        var input = ElectionGuardHashInput(domain: 0x21)
        input.append(elements: [key.element, ciphertext.alpha, ciphertext.beta] + commitments, of: group)
        return group.scalars.reduce(bigEndian: hash(input))
    }

    /// The contest hash `χ_l = H(H_E; 0x23, l, K, α_1, β_1, …, α_m, β_m)`.
    public func contestHash(contestIndex: Int, ciphertexts: [ElGamalCiphertext<Group>]) -> [UInt8] {
        var input = ElectionGuardHashInput(domain: 0x23)
        input.append(index: UInt32(contestIndex))
        input.append(element: key.element, of: group)
        input.append(elements: ciphertexts.flatMap { [$0.alpha, $0.beta] }, of: group)
        return hash(input)
    }

    /// The confirmation code `H(B) = H(H_E; 0x24, χ_1, …, χ_m, B_aux)`, with `B_aux` unprefixed as in the record.
    public func confirmationCode(contestHashes: [[UInt8]], aux: [UInt8]) -> [UInt8] {
        var input = ElectionGuardHashInput(domain: 0x24)
        for contestHash in contestHashes { input.append(bytes: contestHash) }
        input.append(bytes: aux)
        return hash(input)
    }

    /// The chain's start `H_0 = H(H_E; 0x24, B_aux,0)`, unprefixed as in the record.
    public func chainStart(deviceAux: [UInt8]) -> [UInt8] {
        confirmationCode(contestHashes: [], aux: deviceAux)
    }

    /// The auxiliary input of a chained ballot, `B_aux,j = H_{j-1} ∥ B_aux,0`.
    public func chainedAux(previous: [UInt8], deviceAux: [UInt8]) -> [UInt8] { previous + deviceAux }

    /// The chain's closing hash `H = H(H_E; 0x24, H_ℓ ∥ B_aux,0 ∥ "CLOSE")`.
    public func chainClose(last: [UInt8], deviceAux: [UInt8]) -> [UInt8] {
        confirmationCode(contestHashes: [], aux: last + deviceAux + Array("CLOSE".utf8))
    }

    // MARK: Decryption (§3.6)

    /// The decryption challenge `c = H(H_E; 0x30, K, A, B, a, b, M)` mod q.
    public func decryptionChallenge(
        ciphertext: ElGamalCiphertext<Group>, a: Group.Element, b: Group.Element, partial: Group.Element
    ) -> Scalar {
        var input = ElectionGuardHashInput(domain: 0x30)
        input.append(elements: [key.element, ciphertext.alpha, ciphertext.beta, a, b, partial], of: group)
        return group.scalars.reduce(bigEndian: hash(input))
    }

    /// How C1 and C2 enter the challenge of a contest-data decryption.
    public enum ContestDataForm: Sendable, CaseIterable {
        /// As the bytes they are, without a length (§3.6.4, eq. 81, read with the conventions of §5.1).
        case bytes
        /// Each left-padded to 512 bytes, as the table of §5.5.4 gives them (`b(C1, 512) ∥ b(C2, 512)`); defined
        /// only while C1 has at most 512 bytes (16 data blocks).
        case fixedWidth
        /// C1 as the UTF-8 text of its uppercase hexadecimal and C2 as its bytes: the Kotlin implementation's
        /// form, which the specification does not allow (kept to name the divergence, see `Docs/verifier.md`).
        case kotlinHexText
    }

    /// The challenge of a contest-data decryption, `c = H(H_E; 0x31, K, C0, C1, C2, a, b, β)` mod q (§3.6.4), with
    /// C1 and C2 in `form`; nil when the form is not defined for this C1.
    public func contestDataChallenge(
        c0: Group.Element, c1: [UInt8], c2: [UInt8], a: Group.Element, b: Group.Element, beta: Group.Element,
        form: ContestDataForm = .bytes
    ) -> Scalar? {
        let width = group.elementByteCount
        var input = ElectionGuardHashInput(domain: 0x31)
        input.append(elements: [key.element, c0], of: group)
        switch form {
        case .bytes:
            input.append(bytes: c1 + c2)
        case .fixedWidth:
            guard c1.count <= width, c2.count <= width else { return nil }
            input.append(bytes: [UInt8](repeating: 0, count: width - c1.count) + c1)
            input.append(bytes: [UInt8](repeating: 0, count: width - c2.count) + c2)
        case .kotlinHexText:
            input.append(bytes: Array(Hex.encode(c1).uppercased().utf8) + c2)
        }
        input.append(elements: [a, b, beta], of: group)
        return group.scalars.reduce(bigEndian: hash(input))
    }
}
