extension ElectionGuardRecord {
    /// `encrypted_ballots/<device>/ballot_chain.json`: a device's chain of confirmation codes and its closing hash
    /// (2.0 §3.4.3), as the Kotlin implementation writes it.
    public struct BallotChain: Sendable, Hashable {
        /// The file's name in its device folder.
        static let fileName = "ballot_chain.json"

        /// The file, relative to the record's directory.
        public let file: String
        /// The device.
        public let encryptingDevice: String
        /// The chain's device information: B_aux,0, or the chain's start H_0 = H(H_E; 0x24, B_aux,0) as the Kotlin
        /// implementation writes it.
        public let baux0: [UInt8]
        /// The ballots of the chain, in chain order.
        public let ballotIds: [String]
        /// H(B_ℓ), the last confirmation code of the chain.
        public let lastConfirmationCode: [UInt8]
        /// Whether the device chained its codes.
        public let chaining: Bool
        /// The closing hash H, once the chain is closed.
        public let closingHash: [UInt8]?
        /// Free-form metadata.
        public let metadata: [String: String]

        init(_ json: JSONObjectReader) throws(RecordError) {
            file = json.file
            encryptingDevice = try json.string("encrypting_device")
            baux0 = try json.hexBytes("baux0")
            ballotIds = try json.strings("ballot_ids")
            lastConfirmationCode = try json.scalar("last_confirmation_code")
            chaining = try json.bool("chaining")
            closingHash = json.isNull("closing_hash") ? nil : try json.scalar("closing_hash")
            metadata = json.isNull("metadata") ? [:] : try json.stringMap("metadata")
            try json.finish()
        }
    }
}
