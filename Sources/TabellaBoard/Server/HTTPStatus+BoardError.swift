import Foundation
import Hummingbird

extension BoardError {
    /// The HTTP status the API answers this error with.
    var httpStatus: HTTPResponse.Status {
        switch code {
        case .malformedRequest, .malformedEntry, .malformedNote, .malformedKey, .outOfRange, .invalidProof: .badRequest
        case .rejected, .badSignature: .forbidden
        case .notFound, .unknownKey: .notFound
        case .duplicate, .inconsistent: .conflict
        case .tooLarge: .contentTooLarge
        case .unknownEntryType, .wrongElection: .unprocessableContent
        case .rateLimited: .tooManyRequests
        case .storageUnavailable: .serviceUnavailable
        case .remote: .badGateway
        default: .internalServerError
        }
    }

    /// The JSON error response.
    var response: Response {
        var response = Response.json(ErrorJSON(self), status: httpStatus)
        if code == .rateLimited { response.headers[.retryAfter] = "1" }
        return response
    }
}

extension Response {
    /// A JSON response of `value`.
    static func json(_ value: some Encodable, status: HTTPResponse.Status = .ok) -> Response {
        // Encoding the API's own plain structs cannot fail.
        let data = try! JSONEncoder().encode(value)
        return Response(
            status: status, headers: [.contentType: "application/json"],
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }

    /// A response of bytes with a content type and cache policy.
    static func bytes(_ bytes: [UInt8], contentType: String, cacheControl: String) -> Response {
        Response(
            status: .ok, headers: [.contentType: contentType, .cacheControl: cacheControl],
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
    }
}
