import Foundation
@testable import TabellaCrypto
import TabellaGroups
import TabellaTestSupport

/// The Swiss Post mix-net vectors of `Vectors/swisspost-crypto-primitives/mixnet/`, decoded into the shuffle
/// argument's types: big integers are `0x`-hex, keys snake-case.
enum MixnetVectors {
    /// A vector value that is not what the file promises.
    struct Malformed: Error, CustomStringConvertible {
        let description: String
    }

    /// The cases of one file.
    static func cases<Case: Decodable>(_ name: String, as type: Case.Type) throws -> [Case] {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        let url = VectorFiles.url("swisspost-crypto-primitives/mixnet/\(name)")
        return try decoder.decode([Case].self, from: Data(contentsOf: url))
    }

    /// The big-endian bytes of a `0x`-hex integer.
    static func integer(_ text: String) throws -> [UInt8] { try VectorFiles.prefixedHexInteger(text) }

    /// The group, public key and commitment key of a case.
    struct Context: Decodable {
        struct Key: Decodable {
            let h: String
            let g: [String]
        }
        let p: String
        let q: String
        let g: String
        let pk: [String]?
        let ck: Key?

        func group() throws -> IntegerGroup {
            try IntegerGroup(name: "swisspost", p: integer(p), q: integer(q), g: integer(g))
        }
    }

    /// A multi-recipient ciphertext as the vectors write it.
    struct Ciphertext: Decodable {
        let gamma: String
        let phis: [String]
    }

    /// Everything a case's strings are decoded against: its group, public key and commitment key.
    struct Setting {
        let group: IntegerGroup
        let context: ArgumentContext<MultiRecipientSpace<IntegerGroup>>

        /// The setting of a case whose context has a public key and commitment key, for rows of `width` messages.
        init(_ context: Context, width: Int? = nil) throws {
            group = try context.group()
            let decode = { [group] (text: String) throws -> IntegerGroup.Element in
                try group.element(text)
            }
            guard let pk = context.pk, let ck = context.ck else { throw Malformed(description: "no pk or ck") }
            let keys = try pk.map(decode)
            let space = try MultiRecipientSpace(group: group, publicKeys: keys, width: width ?? keys.count)
            let key = try ShuffleCommitmentKey(h: decode(ck.h), generators: ck.g.map(decode), in: group)
            self.context = ArgumentContext(space: space, key: key)
        }

        func element(_ text: String) throws -> IntegerGroup.Element { try group.element(text) }
        func elements(_ texts: [String]) throws -> [IntegerGroup.Element] { try texts.map(element) }
        func scalar(_ text: String) throws -> Scalar { try group.scalars.scalar(bigEndian: integer(text)) }
        func scalars(_ texts: [String]) throws -> [Scalar] { try texts.map(scalar) }
        func ciphertext(_ value: Ciphertext) throws -> [IntegerGroup.Element] {
            try [element(value.gamma)] + elements(value.phis)
        }
    }

    // MARK: Arguments as the vectors write them

    struct SingleValueProduct: Decodable {
        let cD: String
        let cLowerDelta: String
        let cUpperDelta: String
        let aTilde: [String]
        let bTilde: [String]
        let rTilde: String
        let sTilde: String

        func decoded(_ setting: Setting) throws -> SingleValueProductArgument<IntegerGroup> {
            try SingleValueProductArgument(
                cd: setting.element(cD), cLowerDelta: setting.element(cLowerDelta),
                cUpperDelta: setting.element(cUpperDelta), aTilde: setting.scalars(aTilde),
                bTilde: setting.scalars(bTilde), rTilde: setting.scalar(rTilde), sTilde: setting.scalar(sTilde))
        }
    }

    struct Zero: Decodable {
        let cA0: String
        let cBm: String
        let cD: [String]
        let a: [String]
        let b: [String]
        let r: String
        let s: String
        let t: String

        func decoded(_ setting: Setting) throws -> ZeroArgument<IntegerGroup> {
            try ZeroArgument(
                cA0: setting.element(cA0), cBm: setting.element(cBm), cd: setting.elements(cD),
                a: setting.scalars(a), b: setting.scalars(b), r: setting.scalar(r), s: setting.scalar(s),
                t: setting.scalar(t))
        }
    }

    struct Hadamard: Decodable {
        let cUpperB: [String]
        let zeroArgument: Zero

        func decoded(_ setting: Setting) throws -> HadamardArgument<IntegerGroup> {
            try HadamardArgument(cB: setting.elements(cUpperB), zero: zeroArgument.decoded(setting))
        }
    }

    struct Product: Decodable {
        let cB: String?
        let hadamardArgument: Hadamard?
        let singleVpa: SingleValueProduct

        func decoded(_ setting: Setting) throws -> ProductArgument<IntegerGroup> {
            try ProductArgument(
                cb: cB.map(setting.element), hadamard: hadamardArgument.map { try $0.decoded(setting) },
                singleValueProduct: singleVpa.decoded(setting))
        }
    }

    struct MultiExponentiation: Decodable {
        let cA0: String
        let cB: [String]
        let e: [Ciphertext]
        let a: [String]
        let r: String
        let b: String
        let s: String
        let tau: String

        func decoded(_ setting: Setting) throws -> MultiExponentiationArgument<IntegerGroup> {
            try MultiExponentiationArgument(
                cA0: setting.element(cA0), cB: setting.elements(cB), e: e.map(setting.ciphertext),
                a: setting.scalars(a), r: setting.scalar(r), b: setting.scalar(b), s: setting.scalar(s),
                tau: [setting.scalar(tau)])
        }
    }

    struct Shuffle: Decodable {
        let ca: [String]
        let cb: [String]
        let productArgument: Product
        let multiExpArgument: MultiExponentiation

        func decoded(_ setting: Setting) throws -> ShuffleArgument<IntegerGroup> {
            try ShuffleArgument(
                cA: setting.elements(ca), cB: setting.elements(cb), product: productArgument.decoded(setting),
                multiExponentiation: multiExpArgument.decoded(setting))
        }
    }
}

extension IntegerGroup {
    /// Decodes (with validation) an element written as `0x`-hex in a vector.
    func element(_ text: String) throws -> Element {
        let bytes = try MixnetVectors.integer(text)
        guard bytes.count <= elementByteCount else { throw MixnetVectors.Malformed(description: "too long") }
        return try decode([UInt8](repeating: 0, count: elementByteCount - bytes.count) + bytes)
    }
}
