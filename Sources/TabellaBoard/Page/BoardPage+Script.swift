extension BoardPage {
    /// `/ui/page.js`: reads `/ui/data.json` and `/checkpoint` every two seconds and draws the page; looks receipts
    /// up with `/ui/receipt` and `/proof/receipt`. Only this board's routes are fetched.
    static let script = #"""
        "use strict";
        const SVG = "http://www.w3.org/2000/svg";
        const COLOURS = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#17becf", "#8c564b", "#e377c2"];

        function node(name, attributes, text, namespace) {
            const element = namespace ? document.createElementNS(namespace, name) : document.createElement(name);
            for (const [key, value] of Object.entries(attributes || {})) element.setAttribute(key, value);
            if (text !== undefined) element.textContent = text;
            return element;
        }
        function shape(name, attributes, text) { return node(name, attributes, text, SVG); }
        function clear(element) { while (element.firstChild) element.removeChild(element.firstChild); return element; }
        function hours(seconds) { return (seconds / 3600).toFixed(1) + " h"; }

        // A chart area: x over the monitor's day, y from 0 to top; returns the point mapper.
        function axes(svg, width, height, dayLength, top, label) {
            const left = 50, bottom = height - 25, right = width - 10, upper = 10;
            for (let step = 0; step <= 4; step++) {
                const y = bottom - (bottom - upper) * step / 4;
                svg.appendChild(shape("line", {x1: left, x2: right, y1: y, y2: y, class: "grid"}));
                svg.appendChild(shape("text", {x: left - 6, y: y + 4, "text-anchor": "end"},
                                      String(Math.round(top * step / 4 * 10) / 10)));
            }
            for (let step = 0; step <= 6; step++) {
                const x = left + (right - left) * step / 6;
                svg.appendChild(shape("text", {x: x, y: height - 8, "text-anchor": step === 6 ? "end" : "middle"},
                                      hours(dayLength * step / 6)));
            }
            svg.appendChild(shape("line", {x1: left, x2: left, y1: upper, y2: bottom, class: "axis"}));
            svg.appendChild(shape("line", {x1: left, x2: right, y1: bottom, y2: bottom, class: "axis"}));
            svg.appendChild(shape("text", {x: left + 4, y: upper + 10}, label));
            return (time, value) => [left + (right - left) * Math.min(1, time / dayLength),
                                     bottom - (bottom - upper) * (top > 0 ? value / top : 0)];
        }

        function points(mapper, series) { return series.map(([t, v]) => mapper(t, v).join(",")).join(" "); }

        // Each region's voters at the end of each closed slot, then now.
        function regionSeries(data, region) {
            const series = [[0, 0]];
            region.series.forEach((voted, slot) => series.push([(slot + 1) * data.slotLength, voted]));
            series.push([data.time, region.voted]);
            return series;
        }

        function drawTurnout(data) {
            const svg = clear(document.getElementById("turnout"));
            const legend = clear(document.getElementById("legend"));
            const top = Math.max(1, ...data.regions.map(region => region.voters));
            const mapper = axes(svg, 720, 260, data.dayLength, top, "voters who have cast");
            data.regions.forEach((region, index) => {
                const colour = COLOURS[index % COLOURS.length];
                svg.appendChild(shape("polyline", {points: points(mapper, regionSeries(data, region)),
                                                   class: "series", stroke: colour, "data-region": region.name}));
                const item = node("li", {"data-region": region.name});
                item.appendChild(node("span", {class: "swatch", style: "background:" + colour}));
                item.appendChild(document.createTextNode(region.name + ": " + region.voted + " of " + region.voters));
                legend.appendChild(item);
            });
        }

        function drawForecast(data) {
            const svg = clear(document.getElementById("forecast-chart"));
            const text = document.getElementById("forecast");
            if (!data.forecast) { text.textContent = "No forecast before the roll is complete."; return; }
            const top = Math.max(1, data.rollSize);
            const mapper = axes(svg, 720, 200, data.dayLength, top, "all regions, with the forecast band");
            const slots = Math.max(0, ...data.regions.map(region => region.series.length));
            const total = [[0, 0]];
            for (let slot = 0; slot < slots; slot++) {
                total.push([(slot + 1) * data.slotLength,
                            data.regions.reduce((sum, region) => sum + (region.series[slot] || 0), 0)]);
            }
            const voted = data.regions.reduce((sum, region) => sum + region.voted, 0);
            total.push([data.time, voted]);
            const f = data.forecast;
            svg.appendChild(shape("polygon", {class: "band", id: "forecast-band",
                points: points(mapper, [[data.time, voted], [data.dayLength, f.high], [data.dayLength, f.low]])}));
            svg.appendChild(shape("polyline", {class: "expected",
                points: points(mapper, [[data.time, voted], [data.dayLength, f.expected]])}));
            svg.appendChild(shape("polyline", {class: "total", id: "total", points: points(mapper, total)}));
            text.textContent = voted + " of " + data.rollSize + " voters have cast; at the close about " +
                Math.round(f.expected) + " (" + Math.round(f.low) + " to " + Math.round(f.high) + " at " +
                Math.round(f.level * 100) + " %). The band assumes the rest of the day follows the monitor's profile.";
        }

        function drawAlerts(data) {
            const body = clear(document.querySelector("#alerts tbody"));
            if (data.alerts.length === 0) {
                const row = node("tr", {class: "empty"});
                row.appendChild(node("td", {colspan: 7}, "No alert on the board."));
                body.appendChild(row);
                return;
            }
            for (const {index, alert} of data.alerts.slice().reverse()) {
                const row = node("tr", {class: "alert " + alert.severity, "data-detector": alert.detector});
                const evidence = alert.evidence.map(e => e.name + " " + Number(e.value.toPrecision(4))).join(", ");
                for (const cell of [alert.alert, alert.severity, alert.detector, alert.regions.join(", "),
                                    alert.explanation, evidence, index]) {
                    row.appendChild(node("td", {}, String(cell)));
                }
                body.appendChild(row);
            }
        }

        function drawConcentration(data) {
            const svg = clear(document.getElementById("concentration"));
            const text = document.getElementById("concentration-text");
            const c = data.concentration;
            if (!c || c.voters === 0) { text.textContent = "No ballot yet."; return; }
            svg.appendChild(shape("rect", {x: 0, y: 8, width: 720, height: 24, fill: "#eceff2"}));
            svg.appendChild(shape("rect", {x: 0, y: 8, width: 720 * c.topPercentShare, height: 24, fill: "#1f3a5f",
                                           id: "top-share"}));
            svg.appendChild(shape("text", {x: 6, y: 25, fill: "white"},
                                  "top 1 % of voters: " + (c.topPercentShare * 100).toFixed(1) + " % of the weight"));
            text.textContent = c.voters + " voters have cast a weight of " + c.weight + ". Nakamoto coefficient " +
                c.nakamotoCoefficient + " (the fewest voters holding more than half), Gini " + c.gini.toFixed(2) + ".";
        }

        function drawCheckpoint(note, data) {
            const list = clear(document.getElementById("checkpoint"));
            const signers = clear(document.getElementById("cosignatures"));
            const [body, signatures] = note.split("\n\n");
            const [origin, size, root] = body.split("\n");
            for (const [term, value] of [["origin", origin], ["size", size], ["root", root]]) {
                list.appendChild(node("dt", {}, term));
                list.appendChild(node("dd", {id: "checkpoint-" + term}, value));
            }
            const names = (signatures || "").split("\n").filter(line => line.startsWith("\u2014 "))
                .map(line => line.split(" ")[1]);
            names.forEach(name => signers.appendChild(node("li", {class: "signer"},
                name === origin ? name + " (the board's signature)" : name + " (witness cosignature)")));
            const witnesses = names.filter(name => name !== origin).length;
            signers.appendChild(node("li", {}, witnesses === 0 ? "No witness cosignature."
                : witnesses + " witness cosignature" + (witnesses === 1 ? "" : "s") + "."));
            const status = document.getElementById("verification");
            clear(status);
            if (data.failure) {
                status.appendChild(node("span", {class: "bad"}, "The page's monitor cannot read the board: "));
                status.appendChild(document.createTextNode(data.failure));
                return;
            }
            status.appendChild(node("span", {class: "ok"}, "Admitted: "));
            status.appendChild(document.createTextNode(
                "the board took each of its " + size + " entries only after the election's checks (the verifier's " +
                "checks 1 to 16), and signed the checkpoint above. The page has read " + data.size + " of them. " +
                "Check it yourself, independently of this board: tabella verify board " + location.origin +
                " --vkey <the board's verifier key>."));
        }

        async function refresh() {
            try {
                const response = await fetch("/ui/data.json", {cache: "no-store"});
                if (!response.ok) throw new Error("data.json answered " + response.status);
                const data = await response.json();
                document.getElementById("title").textContent = data.title || "Tabella board";
                document.getElementById("summary").textContent = (data.election || "no election yet") + " \u00b7 " +
                    data.size + " entries \u00b7 " + data.ballots + " ballots \u00b7 phase " +
                    (data.phase || "setup") + " \u00b7 " + hours(data.time) + " of the monitor's day";
                if (data.regions.length > 0) { drawTurnout(data); drawForecast(data); }
                drawAlerts(data);
                drawConcentration(data);
                const note = await fetch("/checkpoint", {cache: "no-store"});
                if (note.ok) drawCheckpoint(await note.text(), data);
                document.body.setAttribute("data-loaded", "true");
            } catch (error) {
                document.getElementById("summary").textContent = "The board cannot be read: " + error.message;
            }
        }

        document.getElementById("receipt-form").addEventListener("submit", async event => {
            event.preventDefault();
            const code = document.getElementById("code").value.trim().toLowerCase();
            const status = document.getElementById("receipt-status");
            const output = document.getElementById("receipt");
            output.textContent = "";
            const found = await fetch("/ui/receipt?code=" + encodeURIComponent(code), {cache: "no-store"});
            if (!found.ok) {
                status.textContent = (await found.json()).error.message;
                return;
            }
            const {index} = await found.json();
            const proof = await fetch("/proof/receipt?index=" + index, {cache: "no-store"});
            status.textContent = "The ballot with this confirmation code is entry " + index +
                " of the board; its inclusion proof under the latest checkpoint:";
            output.textContent = await proof.text();
        });

        refresh();
        setInterval(refresh, 2000);

        """#
}
