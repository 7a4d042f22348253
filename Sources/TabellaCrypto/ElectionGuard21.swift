import TabellaGroups

/// The hash computations of ElectionGuard 2.1.0 (specification §5.5) that ballots need, over any group: Tabella's
/// own ballots follow them. For the standard 4096-bit group the bytes are exactly the specification's; for other
/// groups elements and scalars take the group's canonical encodings.
public struct ElectionGuard21<Group: PrimeOrderGroup>: Sendable {
    /// The group.
    public let group: Group
    /// The vote-encryption key K with its table.
    public let key: ElGamalPublicKey<Group>
    /// H_E.
    public let extendedBaseHash: [UInt8]

    /// The rules of an election with key K and extended base hash H_E.
    public init(key: ElGamalPublicKey<Group>, extendedBaseHash: [UInt8]) {
        self.group = key.group
        self.key = key
        self.extendedBaseHash = extendedBaseHash
    }

    // MARK: Base hashes (§3.1.2, §3.1.4, §3.2.3)

    /// `H_P = H(ver; 0x00, p, q, g, n, k)` with the version "v2.1.0".
    ///
    /// For an integer group `p, q, g` are its 512-, 32- and 512-byte integers as in the specification. For other
    /// groups the input is the group's name as a string, then q and the encoded generator.
    public static func parameterBaseHash(group: Group, guardians: Int, quorum: Int) -> [UInt8] {
        var input = ElectionGuardHashInput(domain: 0x00)
        if let integerGroup = group as? IntegerGroup {
            input.append(bytes: integerGroup.modulus)
        } else {
            input.append(string: group.name)
        }
        input.append(bytes: group.scalars.modulus)
        input.append(element: group.generator, of: group)
        input.append(index: UInt32(guardians))
        input.append(index: UInt32(quorum))
        return ElectionGuardHash.hash(key: ElectionGuardHash.versionKey("v2.1.0"), input)
    }

    /// `H_B = H(H_P; 0x01, manifest)`.
    public static func baseHash(parameterBaseHash: [UInt8], manifest: [UInt8]) -> [UInt8] {
        var input = ElectionGuardHashInput(domain: 0x01)
        input.append(lengthPrefixed: manifest)
        return ElectionGuardHash.hash(key: parameterBaseHash, input)
    }

    /// `H_E = H(H_B; 0x14, K, K̂)`; K̂ is the key for other ballot data (the vote key when there is no other).
    public static func extendedBaseHash(baseHash: [UInt8], voteKey: Group.Element, dataKey: Group.Element,
                                        in group: Group) -> [UInt8] {
        var input = ElectionGuardHashInput(domain: 0x14)
        input.append(elements: [voteKey, dataKey], of: group)
        return ElectionGuardHash.hash(key: baseHash, input)
    }

    // MARK: Ballots (§3.3, §3.4)

    /// The selection-encryption identifier hash `H_I = H(H_E; 0x20, id_B)` of a 32-byte ballot identifier.
    public func identifierHash(ballotIdentifier: [UInt8]) -> [UInt8] {
        precondition(ballotIdentifier.count == 32, "a selection encryption identifier has 32 bytes")
        var input = ElectionGuardHashInput(domain: 0x20)
        input.append(bytes: ballotIdentifier)
        return ElectionGuardHash.hash(key: extendedBaseHash, input)
    }

    /// The encryption nonce `ξ_{i,j} = H_q(H_I; 0x21, i, j, ξ_B)`.
    public func selectionNonce(identifierHash: [UInt8], ballotNonce: [UInt8], contestIndex: Int, optionIndex: Int)
        -> Scalar
    {
        selectionNonce(identifierKey: HMAC.PreparedKey(key: identifierHash), ballotNonce: ballotNonce,
                       contestIndex: contestIndex, optionIndex: optionIndex)
    }

    /// The encryption nonce under H_I prepared as an HMAC key (``BallotEncryptor`` prepares it once per ballot).
    func selectionNonce(identifierKey: HMAC.PreparedKey, ballotNonce: [UInt8], contestIndex: Int, optionIndex: Int)
        -> Scalar
    {
        var input = ElectionGuardHashInput(domain: 0x21)
        input.append(index: UInt32(contestIndex))
        input.append(index: UInt32(optionIndex))
        input.append(bytes: ballotNonce)
        return ElectionGuardHash.hashToScalar(key: identifierKey, input, field: group.scalars)
    }

    /// A selection's range-proof challenge `c = H_q(H_I; 0x24, i, j, α, β, a_0, b_0, …, a_R, b_R)`.
    public func selectionChallenge(
        identifierHash: [UInt8], contestIndex: Int, optionIndex: Int, ciphertext: ElGamalCiphertext<Group>,
        commitments: [Group.Element]
    ) -> Scalar {
        selectionChallenge(identifierKey: HMAC.PreparedKey(key: identifierHash), contestIndex: contestIndex,
                           optionIndex: optionIndex,
                           encoded: group.encodeAll([ciphertext.alpha, ciphertext.beta] + commitments)[...])
    }

    /// The selection challenge from the encodings of `α, β, a_0, b_0, …, a_R, b_R`, concatenated.
    func selectionChallenge(identifierKey: HMAC.PreparedKey, contestIndex: Int, optionIndex: Int,
                            encoded: ArraySlice<UInt8>) -> Scalar {
        var input = ElectionGuardHashInput(domain: 0x24)
        input.append(index: UInt32(contestIndex))
        input.append(index: UInt32(optionIndex))
        input.append(bytes: Array(encoded))
        return ElectionGuardHash.hashToScalar(key: identifierKey, input, field: group.scalars)
    }

    /// A contest-limit proof's challenge `c = H_q(H_I; 0x24, i, ᾱ, β̄, a_0, b_0, …, a_L, b_L)`.
    public func contestLimitChallenge(
        identifierHash: [UInt8], contestIndex: Int, ciphertext: ElGamalCiphertext<Group>, commitments: [Group.Element]
    ) -> Scalar {
        contestLimitChallenge(identifierKey: HMAC.PreparedKey(key: identifierHash), contestIndex: contestIndex,
                              encoded: group.encodeAll([ciphertext.alpha, ciphertext.beta] + commitments)[...])
    }

    /// The contest-limit challenge from the encodings of `ᾱ, β̄, a_0, b_0, …, a_L, b_L`, concatenated.
    func contestLimitChallenge(identifierKey: HMAC.PreparedKey, contestIndex: Int, encoded: ArraySlice<UInt8>)
        -> Scalar
    {
        var input = ElectionGuardHashInput(domain: 0x24)
        input.append(index: UInt32(contestIndex))
        input.append(bytes: Array(encoded))
        return ElectionGuardHash.hashToScalar(key: identifierKey, input, field: group.scalars)
    }

    /// The contest hash `χ_l = H(H_I; 0x28, l, α_1, β_1, …, α_m, β_m)` (no contest data).
    public func contestHash(identifierHash: [UInt8], contestIndex: Int, ciphertexts: [ElGamalCiphertext<Group>])
        -> [UInt8]
    {
        contestHash(identifierKey: HMAC.PreparedKey(key: identifierHash), contestIndex: contestIndex,
                    encoded: group.encodeAll(ciphertexts.flatMap { [$0.alpha, $0.beta] }))
    }

    /// The contest hash from the encodings of `α_1, β_1, …, α_m, β_m`, concatenated.
    func contestHash(identifierKey: HMAC.PreparedKey, contestIndex: Int, encoded: [UInt8]) -> [UInt8] {
        var input = ElectionGuardHashInput(domain: 0x28)
        input.append(index: UInt32(contestIndex))
        input.append(bytes: encoded)
        return ElectionGuardHash.hash(key: identifierKey, input)
    }

    /// The confirmation code `H_C = H(H_I; 0x29, χ_1, …, χ_m, B_C)` with the 36-byte chaining field B_C.
    public func confirmationCode(identifierHash: [UInt8], contestHashes: [[UInt8]], chainingField: [UInt8])
        -> [UInt8]
    {
        confirmationCode(identifierKey: HMAC.PreparedKey(key: identifierHash), contestHashes: contestHashes,
                         chainingField: chainingField)
    }

    /// The confirmation code under H_I prepared as an HMAC key.
    func confirmationCode(identifierKey: HMAC.PreparedKey, contestHashes: [[UInt8]], chainingField: [UInt8])
        -> [UInt8]
    {
        precondition(chainingField.count == 36, "the chaining field has 36 bytes")
        var input = ElectionGuardHashInput(domain: 0x29)
        for contestHash in contestHashes { input.append(bytes: contestHash) }
        input.append(bytes: chainingField)
        return ElectionGuardHash.hash(key: identifierKey, input)
    }

    /// The device information hash `H_DI = H(H_E; 0x2A, S_device)`.
    public func deviceHash(_ device: String) -> [UInt8] {
        var input = ElectionGuardHashInput(domain: 0x2A)
        input.append(string: device)
        return ElectionGuardHash.hash(key: extendedBaseHash, input)
    }

    /// The chaining field without chaining, `0x00000000 ∥ H_DI`.
    public func unchainedField(deviceHash: [UInt8]) -> [UInt8] { [0, 0, 0, 0] + deviceHash }

    /// The chaining field of simple chaining after `previous` (H_0 or the previous code): `0x00000001 ∥ H_{j-1}`.
    public func chainedField(previous: [UInt8]) -> [UInt8] { [0, 0, 0, 1] + previous }

    /// The chain's start `H_0 = H(H_E; 0x29, 0x00000001 ∥ H_DI)`.
    public func chainStart(deviceHash: [UInt8]) -> [UInt8] {
        var input = ElectionGuardHashInput(domain: 0x29)
        input.append(bytes: chainedField(previous: deviceHash))
        return ElectionGuardHash.hash(key: extendedBaseHash, input)
    }

    /// The chain's closing hash `H = H(H_E; 0x29, 0x00000001 ∥ H(H_E; 0x2B, H_ℓ, 0x00000001 ∥ H_DI))`.
    public func chainClose(last: [UInt8], deviceHash: [UInt8]) -> [UInt8] {
        var inner = ElectionGuardHashInput(domain: 0x2B)
        inner.append(bytes: last)
        inner.append(bytes: chainedField(previous: deviceHash))
        var input = ElectionGuardHashInput(domain: 0x29)
        input.append(bytes: chainedField(previous: ElectionGuardHash.hash(key: extendedBaseHash, inner)))
        return ElectionGuardHash.hash(key: extendedBaseHash, input)
    }

    // MARK: Decryption (§3.6.5)

    /// The decryption challenge `c = H_q(H_E; 0x31, i, j, A, B, a, b, M)` of option j in contest i.
    public func decryptionChallenge(
        contestIndex: Int, optionIndex: Int, ciphertext: ElGamalCiphertext<Group>, a: Group.Element,
        b: Group.Element, partial: Group.Element
    ) -> Scalar {
        var input = ElectionGuardHashInput(domain: 0x31)
        input.append(index: UInt32(contestIndex))
        input.append(index: UInt32(optionIndex))
        input.append(elements: [ciphertext.alpha, ciphertext.beta, a, b, partial], of: group)
        return ElectionGuardHash.hashToScalar(key: extendedBaseHash, input, field: group.scalars)
    }
}
