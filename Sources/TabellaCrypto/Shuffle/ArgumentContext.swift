import TabellaGroups

/// What every sub-argument of the shuffle argument shares: the ciphertext space (with its group and public key),
/// the commitment key and the Fiat–Shamir hashing over both.
struct ArgumentContext<Space: ShuffleCiphertextSpace>: Sendable {
    /// The ciphertext space.
    let space: Space
    /// The commitment key.
    let key: ShuffleCommitmentKey<Space.Group>
    /// The challenges' hashing, with the prefix `(p, q, pk, ck)`.
    let hashing: ShuffleHashing<Space.Group>

    init(space: Space, key: ShuffleCommitmentKey<Space.Group>) {
        self.space = space
        self.key = key
        hashing = ShuffleHashing(group: space.group, publicKey: space.hashablePublicKey, commitmentKey: key)
    }

    /// The group.
    var group: Space.Group { space.group }
    /// Arithmetic modulo q.
    var field: ScalarField { space.group.scalars }

    /// Throws `verificationFailed` naming the argument and the equation unless `holds`.
    func require(_ holds: Bool, _ argument: String, _ equation: String) throws(ShuffleError) {
        guard holds else { throw ShuffleError(.verificationFailed, "\(argument): \(equation) does not hold") }
    }

    /// Throws `sizeMismatch` naming the argument and field unless `count == expected`.
    func requireCount(_ count: Int, _ expected: Int, _ argument: String, _ field: String) throws(ShuffleError) {
        guard count == expected else {
            throw ShuffleError(.sizeMismatch, "\(argument): \(field) has \(count) entries, not \(expected)")
        }
    }
}
