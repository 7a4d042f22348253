import Foundation
import Hummingbird

/// The board's web page: `/` redirects to `/ui/`, which serves the page's static HTML, CSS and script, and its
/// data from a ``BoardDashboardSource``. The page reads only this board's own routes.
struct BoardPageRoutes: Sendable {
    let source: (any BoardDashboardSource)?

    func add(to router: Router<BoardRequestContext>) {
        router.get("/") { _, _ in Response.redirect(to: "/ui/", type: .found) }
        router.get("ui") { _, _ in Self.file(BoardPage.html, "text/html; charset=utf-8") }
        router.get("ui/index.html") { _, _ in Self.file(BoardPage.html, "text/html; charset=utf-8") }
        router.get("ui/page.css") { _, _ in Self.file(BoardPage.css, "text/css; charset=utf-8") }
        router.get("ui/page.js") { _, _ in Self.file(BoardPage.script, "text/javascript; charset=utf-8") }
        router.get("ui/data.json") { _, _ in
            guard let source else { throw BoardError(.notFound, "this board serves no dashboard data") }
            return Response.bytes(await source.dashboardJSON(), contentType: "application/json",
                                  cacheControl: "no-store")
        }
        router.get("ui/receipt") { request, _ in
            guard let source else { throw BoardError(.notFound, "this board serves no dashboard data") }
            let code = (request.uri.queryParameters["code"].map(String.init) ?? "").lowercased()
            guard code.count == 64, code.allSatisfy(\.isHexDigit) else {
                throw BoardError(.malformedRequest, "`code` must be a confirmation code: 64 hexadecimal digits")
            }
            guard let index = await source.ballotIndex(confirmationCode: code) else {
                throw BoardError(.notFound, "no ballot on this board has confirmation code \(code)")
            }
            return Response.json(["index": index])
        }
    }

    private static func file(_ text: String, _ type: String) -> Response {
        // The page's files change only with the board's version; they must not be cached across versions.
        Response.bytes(Array(text.utf8), contentType: type, cacheControl: "no-cache")
    }
}
