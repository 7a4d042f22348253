/// The files of the board's web page, served at `/ui/`: plain HTML, CSS and a script that draws SVG, with no build
/// step and no request outside the board.
enum BoardPage {}

extension BoardPage {
    /// `/ui/`: the page.
    static let html = #"""
        <!doctype html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>Tabella board</title>
        <link rel="stylesheet" href="/ui/page.css">
        </head>
        <body>
        <header>
        <h1 id="title">Tabella board</h1>
        <p id="summary">Reading the board…</p>
        </header>
        <main>
        <section id="turnout-section">
        <h2>Turnout by region</h2>
        <svg id="turnout" viewBox="0 0 720 260" role="img" aria-label="Voters who have cast, by region, over the day"></svg>
        <ul id="legend" class="legend"></ul>
        </section>
        <section id="forecast-section">
        <h2>Turnout and forecast for the close</h2>
        <svg id="forecast-chart" viewBox="0 0 720 200" role="img" aria-label="Total turnout with the forecast band"></svg>
        <p id="forecast"></p>
        </section>
        <section id="alerts-section">
        <h2>Alerts</h2>
        <p class="note">Signed by the election's monitor. An alert is evidence for a person to weigh, never a verdict:
        it changes no count.</p>
        <table id="alerts">
        <thead><tr><th>#</th><th>severity</th><th>detector</th><th>regions</th><th>explanation</th><th>evidence</th>
        <th>entry</th></tr></thead>
        <tbody><tr class="empty"><td colspan="7">No alert on the board.</td></tr></tbody>
        </table>
        </section>
        <section id="concentration-section">
        <h2>Weight concentration</h2>
        <svg id="concentration" viewBox="0 0 720 40" role="img" aria-label="Share of the weight cast held by the top 1 % of voters"></svg>
        <p id="concentration-text">No ballot yet.</p>
        </section>
        <section id="checkpoint-section">
        <h2>Latest checkpoint</h2>
        <dl id="checkpoint"></dl>
        <ul id="cosignatures"></ul>
        </section>
        <section id="verification-section">
        <h2>Verification</h2>
        <p id="verification"></p>
        </section>
        <section id="receipt-section">
        <h2>Receipt lookup</h2>
        <form id="receipt-form">
        <label for="code">Confirmation code</label>
        <input id="code" name="code" size="66" maxlength="64" pattern="[0-9a-fA-F]{64}" required>
        <button type="submit">Look up</button>
        </form>
        <p id="receipt-status"></p>
        <pre id="receipt"></pre>
        </section>
        </main>
        <script src="/ui/page.js"></script>
        </body>
        </html>

        """#
}
