import Hummingbird
import Logging
import NIOCore

/// The c2sp.org/tlog-witness HTTP interface of a ``Witness``: `POST /add-checkpoint` and, for monitors,
/// `GET /<origin hash>/checkpoint`.
public enum WitnessServer {
    /// The Hummingbird application serving `witness` on `host`:`port`; `onRunning` hears the bound port.
    public static func application(
        witness: Witness, host: String, port: Int, logger: Logger,
        onRunning: @escaping @Sendable (Int) async -> Void = { _ in }
    ) -> some ApplicationProtocol {
        let router = Router(context: BoardRequestContext.self)
        router.post("add-checkpoint") { request, _ -> Response in
            let body: ByteBuffer
            do { body = try await request.body.collect(upTo: 1 << 16) } catch {
                return text(.contentTooLarge, "the request is larger than 64 KiB\n")
            }
            let answer = await witness.addCheckpoint(String(buffer: body))
            switch answer {
            case .cosigned(let lines): return text(.ok, lines)
            case .conflict(let size):
                var response = text(.conflict, "\(size)\n")
                response.headers[.contentType] = "text/x.tlog.size"
                return response
            case .badRequest(let why), .forbidden(let why), .unknownLog(let why), .unprocessable(let why),
                .unavailable(let why):
                if answer.status == 422 { logger.warning("log misbehaviour", metadata: ["reason": "\(why)"]) }
                return text(HTTPResponse.Status(code: answer.status), why + "\n")
            }
        }
        router.get(":hash/checkpoint") { _, context -> Response in
            let hash = context.parameters.get("hash") ?? ""
            guard let note = try await witness.checkpoint(originHash: hash) else {
                return text(.notFound, "no checkpoint cosigned for that log\n")
            }
            return text(.ok, note)
        }
        return Application(
            router: router,
            configuration: .init(address: .hostname(host, port: port), serverName: "tabella-witness"),
            onServerRunning: { channel in await onRunning(channel.localAddress?.port ?? 0) },
            logger: logger)
    }

    /// Serves `witness` until SIGINT or SIGTERM.
    public static func run(
        witness: Witness, host: String, port: Int, logger: Logger,
        onRunning: @escaping @Sendable (Int) async -> Void = { _ in }
    ) async throws {
        try await application(witness: witness, host: host, port: port, logger: logger, onRunning: onRunning)
            .runService()
    }

    private static func text(_ status: HTTPResponse.Status, _ body: String) -> Response {
        Response(
            status: status, headers: [.contentType: "text/plain; charset=utf-8"],
            body: ResponseBody(byteBuffer: ByteBuffer(string: body)))
    }
}
