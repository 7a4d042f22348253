extension ElectionGuardRecord {
    /// `constants.json`: the group parameters the record claims.
    public struct Constants: Sendable, Hashable {
        /// The parameters' name.
        public let name: String
        /// p, 512 bytes.
        public let largePrime: [UInt8]
        /// q, 32 bytes.
        public let smallPrime: [UInt8]
        /// r = (p - 1) / q, 512 bytes.
        public let cofactor: [UInt8]
        /// g, 512 bytes.
        public let generator: [UInt8]

        init(_ json: JSONObjectReader) throws(RecordError) {
            name = try json.string("name")
            largePrime = try json.element("large_prime")
            smallPrime = try json.scalar("small_prime")
            cofactor = try json.element("cofactor")
            generator = try json.element("generator")
            try json.finish()
        }
    }

    /// `election_config.json`: the specification version, n and k, the base hashes, and the confirmation-code
    /// settings.
    public struct Config: Sendable, Hashable {
        /// The specification version, such as `v2.0.0`.
        public let configVersion: String
        /// n.
        public let guardians: Int
        /// k.
        public let quorum: Int
        /// H_P as recorded.
        public let parameterBaseHash: [UInt8]
        /// H_M as recorded.
        public let manifestHash: [UInt8]
        /// H_B as recorded.
        public let electionBaseHash: [UInt8]
        /// Whether confirmation codes are chained per device.
        public let chainConfirmationCodes: Bool
        /// B_aux,0, the device information for confirmation codes.
        public let baux0: [UInt8]
        /// Free-form metadata.
        public let metadata: [String: String]

        init(_ json: JSONObjectReader) throws(RecordError) {
            configVersion = try json.string("config_version")
            guardians = try json.int("number_of_guardians", in: 1...Int(Int32.max))
            quorum = try json.int("quorum", in: 1...Int(Int32.max))
            parameterBaseHash = try json.scalar("parameter_base_hash")
            manifestHash = try json.scalar("manifest_hash")
            electionBaseHash = try json.scalar("election_base_hash")
            chainConfirmationCodes = try json.bool("chain_confirmation_codes")
            baux0 = try json.byteArray("baux0")
            metadata = json.isNull("metadata") ? [:] : try json.stringMap("metadata")
            try json.finish()
        }
    }

    /// `election_initialized.json`: the joint key, H_E, and each guardian's coefficient commitments and proofs.
    public struct Initialized: Sendable, Hashable {
        /// K, 512 bytes.
        public let jointPublicKey: [UInt8]
        /// H_E as recorded.
        public let extendedBaseHash: [UInt8]
        /// The guardians, in the file's order.
        public let guardians: [Guardian]
        /// Free-form metadata.
        public let metadata: [String: String]

        init(_ json: JSONObjectReader) throws(RecordError) {
            jointPublicKey = try json.element("joint_public_key")
            extendedBaseHash = try json.scalar("extended_base_hash")
            var guardians = [Guardian]()
            for guardian in try json.objects("guardians") { guardians.append(try Guardian(guardian)) }
            self.guardians = guardians
            metadata = json.isNull("metadata") ? [:] : try json.stringMap("metadata")
            try json.finish()
        }
    }

    /// A guardian's public record.
    public struct Guardian: Sendable, Hashable {
        /// The guardian's name.
        public let id: String
        /// i, its index and Shamir x-coordinate.
        public let xCoordinate: Int
        /// `K_{i,j}` with the Schnorr proof of knowledge of `a_{i,j}`, for j = 0, …, k-1.
        public let coefficientProofs: [CoefficientProof]

        init(_ json: JSONObjectReader) throws(RecordError) {
            id = try json.string("guardian_id")
            xCoordinate = try json.int("x_coordinate", in: 1...Int(Int32.max))
            var proofs = [CoefficientProof]()
            for proof in try json.objects("coefficient_proofs") { proofs.append(try CoefficientProof(proof)) }
            coefficientProofs = proofs
            try json.finish()
        }
    }

    /// A coefficient commitment `K_{i,j}` and its Schnorr proof `(c, v)`.
    public struct CoefficientProof: Sendable, Hashable {
        /// K_{i,j}, 512 bytes.
        public let publicKey: [UInt8]
        /// c, 32 bytes.
        public let challenge: [UInt8]
        /// v, 32 bytes.
        public let response: [UInt8]

        init(_ json: JSONObjectReader) throws(RecordError) {
            publicKey = try json.element("public_key")
            challenge = try json.scalar("challenge")
            response = try json.scalar("response")
            try json.finish()
        }
    }
}
