import TabellaGroups

/// The canonical transcript `T` that every participant signs in round 3, and its parsed form for recovery.
///
/// `T = len(id) ‖ id ‖ len(context) ‖ context ‖ n ‖ t ‖ P₁…Pₙ ‖ C₁…Cₙ ‖ PoP₁…PoPₙ ‖ E₁…Eₙ ‖ len(ext) ‖ ext`,
/// lengths as little-endian 64-bit integers, `n` and `t` as little-endian 32-bit integers.
public struct CeremonyTranscript<Suite: CocktailCiphersuite>: Sendable {
    /// The context.
    public let context: [UInt8]
    /// The threshold.
    public let threshold: Int
    /// The static public keys.
    public let publicKeys: [Suite.Group.Element]
    /// Every participant's commitment.
    public let commitments: [[Suite.Group.Element]]
    /// Every participant's proof of possession.
    public let proofsOfPossession: [SchnorrSignature<Suite>]
    /// Every participant's ephemeral key.
    public let ephemeralKeys: [Suite.Group.Element]
    /// The application extension.
    public let `extension`: [UInt8]

    /// The transcript of a ceremony from its setup and the round-1 messages in participant order.
    public init(setup: CeremonySetup<Suite>, messages: [Round1Message<Suite>], extension: [UInt8]) {
        context = setup.context
        threshold = setup.threshold
        publicKeys = setup.publicKeys
        commitments = messages.map(\.commitment)
        proofsOfPossession = messages.map(\.proofOfPossession)
        ephemeralKeys = messages.map(\.ephemeralKey)
        self.extension = `extension`
    }

    /// Parses a transcript of `suite`, checking the ciphersuite id and every element.
    ///
    /// - Throws: ``CeremonyError`` with `wrongSession` for another ciphersuite, `malformedMessage` otherwise.
    public init(bytes: [UInt8], suite: Suite) throws(CeremonyError) {
        var reader = ByteReader(bytes)
        func take(_ count: Int, _ what: String) throws(CeremonyError) -> [UInt8] {
            guard let field = reader.read(count) else {
                throw CeremonyError(.malformedMessage, "the transcript ends inside \(what)")
            }
            return field
        }
        func length(_ what: String) throws(CeremonyError) -> Int {
            guard let value = reader.readUInt64LittleEndian(), value <= UInt64(reader.remaining) else {
                throw CeremonyError(.malformedMessage, "the transcript's length of \(what) is missing or too large")
            }
            return Int(value)
        }
        let identifier = try take(try length("the ciphersuite id"), "the ciphersuite id")
        guard identifier == Array(suite.identifier.utf8) else {
            throw CeremonyError(.wrongSession,
                "the transcript is for ciphersuite \(String(decoding: identifier, as: UTF8.self)), "
                    + "not \(suite.identifier)")
        }
        context = try take(try length("the context"), "the context")
        guard let count = reader.readUInt32LittleEndian(), let threshold = reader.readUInt32LittleEndian(),
            threshold >= 1, threshold <= count
        else { throw CeremonyError(.malformedMessage, "the transcript's n and t are missing or invalid") }
        let n = Int(count)
        let size = suite.group.elementByteCount
        var keys = [Suite.Group.Element]()
        for j in 1...n { keys.append(try suite.decodeNonIdentity(try take(size, "P_\(j)"), "P_\(j)")) }
        var commitments = [[Suite.Group.Element]]()
        for j in 1...n {
            var commitment = [Suite.Group.Element]()
            for k in 0..<Int(threshold) {
                commitment.append(try suite.decodeNonIdentity(try take(size, "C_\(j)"), "C_\(j),\(k)", participant: j))
            }
            commitments.append(commitment)
        }
        var proofs = [SchnorrSignature<Suite>]()
        for j in 1...n {
            proofs.append(try SchnorrSignature(bytes: try take(suite.signatureByteCount, "PoP_\(j)"), suite: suite,
                what: "PoP_\(j)", participant: j))
        }
        var ephemeralKeys = [Suite.Group.Element]()
        for j in 1...n {
            ephemeralKeys.append(try suite.decodeNonIdentity(try take(size, "E_\(j)"), "E_\(j)", participant: j))
        }
        let extensionBytes = try take(try length("the extension"), "the extension")
        guard reader.remaining == 0 else {
            throw CeremonyError(.malformedMessage, "the transcript has \(reader.remaining) bytes after its extension")
        }
        self.threshold = Int(threshold)
        publicKeys = keys
        self.commitments = commitments
        proofsOfPossession = proofs
        self.ephemeralKeys = ephemeralKeys
        self.extension = extensionBytes
    }

    /// The canonical bytes `T`.
    public func encoded(suite: Suite) -> [UInt8] {
        let identifier = Array(suite.identifier.utf8)
        var bytes = ByteFraming.uint64LittleEndian(UInt64(identifier.count)) + identifier
        bytes += ByteFraming.uint64LittleEndian(UInt64(context.count)) + context
        bytes += ByteFraming.uint32LittleEndian(UInt32(publicKeys.count))
        bytes += ByteFraming.uint32LittleEndian(UInt32(threshold))
        bytes += publicKeys.flatMap(suite.group.encode)
        bytes += commitments.flatMap { $0.flatMap(suite.group.encode) }
        bytes += proofsOfPossession.flatMap { $0.encoded(suite: suite) }
        bytes += ephemeralKeys.flatMap(suite.group.encode)
        bytes += ByteFraming.uint64LittleEndian(UInt64(`extension`.count)) + `extension`
        return bytes
    }
}
