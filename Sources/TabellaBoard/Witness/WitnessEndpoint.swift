/// A witness a board asks for cosignatures: the URL prefix where it takes c2sp.org/tlog-witness `add-checkpoint`
/// requests, and the key it cosigns with.
public struct WitnessEndpoint: Sendable, Hashable {
    /// The witness's submission prefix without a trailing slash, e.g. `http://127.0.0.1:8090`.
    public let url: String
    /// The witness's cosignature key (type `0x04`).
    public let verifier: CosignatureVerifier

    /// The witness at `url` cosigning with `verifier`.
    public init(url: String, verifier: CosignatureVerifier) {
        self.url = url.hasSuffix("/") ? String(url.dropLast()) : url
        self.verifier = verifier
    }

    /// Reads `URL=VKEY`: the submission prefix, then the witness's verifier key `name+keyid+base64`.
    ///
    /// - Throws: ``BoardError`` `malformedKey` when there is no `=`, the URL is not http(s), or the key is not a
    ///   valid cosignature verifier key.
    public init(parsing text: String) throws(BoardError) {
        guard let separator = text.firstIndex(of: "=") else {
            throw BoardError(.malformedKey, "a witness is given as URL=VKEY, not `\(text)`")
        }
        let url = String(text[..<separator])
        guard url.hasPrefix("http://") || url.hasPrefix("https://") else {
            throw BoardError(.malformedKey, "the witness URL `\(url)` is not http:// or https://")
        }
        let key = String(text[text.index(after: separator)...])
        guard let verifier = try VerifierKey.parse(key) as? CosignatureVerifier else {
            throw BoardError(.malformedKey, "the witness key `\(key)` is not a cosignature key (type 0x04)")
        }
        self.init(url: url, verifier: verifier)
    }
}
