import TabellaGroups

/// The public outcome of a ceremony: what everyone may know.
public struct CeremonyPublicKeys<Suite: CocktailCiphersuite>: Sendable, Hashable {
    /// The threshold.
    public let threshold: Int
    /// The group public key `Y = ∏ⱼ C_(j,0)`, the election key.
    public let groupKey: Suite.Group.Element
    /// The verification shares `Y_m = g^(x_m)`, in participant order.
    public let verificationShares: [Suite.Group.Element]

    /// The outputs computed from every participant's commitment: `Y` and each `Y_m = ∏ₖ (∏ⱼ C_(j,k))^(m^k)`.
    public init(setup: CeremonySetup<Suite>, commitments: [[Suite.Group.Element]]) {
        let group = setup.suite.group
        let aggregate = (0..<setup.threshold).map { k in group.product(commitments.map { $0[k] }) }
        threshold = setup.threshold
        groupKey = aggregate[0]
        verificationShares = (1...setup.participantCount).map { setup.commitmentValue(aggregate, at: $0) }
    }

    /// Public keys from their parts (read from a record).
    public init(threshold: Int, groupKey: Suite.Group.Element, verificationShares: [Suite.Group.Element]) {
        self.threshold = threshold
        self.groupKey = groupKey
        self.verificationShares = verificationShares
    }
}

/// What round 2 leaves a participant with: its secret share, the public keys, the transcript and its signature.
public struct CeremonyRound2<Suite: CocktailCiphersuite>: Sendable {
    /// The participant's id.
    public let index: Int
    /// The secret share `x_i = Σⱼ s_(j,i)`. Keep it encrypted at rest.
    public let secretShare: Scalar
    /// The group key and the verification shares.
    public let publicKeys: CeremonyPublicKeys<Suite>
    /// The transcript `T`.
    public let transcript: [UInt8]
    /// This participant's signature on `T`, for the coordinator.
    public let signature: SchnorrSignature<Suite>
    /// The application payloads received, the `j`-th from participant `j`.
    public let payloads: [[UInt8]]
}

/// A finished ceremony, from one participant's point of view.
public struct CeremonyResult<Suite: CocktailCiphersuite>: Sendable {
    /// The participant's id.
    public let index: Int
    /// The secret share `x_i`. Keep it encrypted at rest.
    public let secretShare: Scalar
    /// The group key and the verification shares.
    public let publicKeys: CeremonyPublicKeys<Suite>
    /// The verified success certificate.
    public let certificate: CeremonyCertificate<Suite>
}
