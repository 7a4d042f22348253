extension BoardPage {
    /// `/ui/page.css`: the page's style.
    static let css = #"""
        body { font-family: system-ui, sans-serif; margin: 0; color: #1d2329; background: #f6f7f9; }
        header { background: #1f3a5f; color: white; padding: 1rem 2rem; }
        header h1 { margin: 0 0 0.3rem 0; font-size: 1.5rem; }
        header p { margin: 0; opacity: 0.9; }
        main { display: grid; grid-template-columns: 1fr 1fr; gap: 1rem; padding: 1rem 2rem; }
        section { background: white; border: 1px solid #d8dde3; border-radius: 6px; padding: 0.8rem 1rem; }
        #turnout-section, #forecast-section, #alerts-section { grid-column: 1 / span 2; }
        h2 { font-size: 1.1rem; margin: 0 0 0.6rem 0; }
        svg { width: 100%; height: auto; background: #fbfcfd; border: 1px solid #eceff2; }
        svg text { font-size: 11px; fill: #55606b; }
        .axis { stroke: #9aa5b1; stroke-width: 1; }
        .grid { stroke: #eceff2; stroke-width: 1; }
        .band { fill: #8fb3de; fill-opacity: 0.45; stroke: none; }
        .total { stroke: #1f3a5f; stroke-width: 2; fill: none; }
        .expected { stroke: #1f3a5f; stroke-dasharray: 4 3; fill: none; }
        .series { stroke-width: 2; fill: none; }
        .legend { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: 0.4rem 1.2rem; }
        .legend .swatch { display: inline-block; width: 0.8rem; height: 0.8rem; margin-right: 0.3rem;
                          vertical-align: middle; }
        table { border-collapse: collapse; width: 100%; font-size: 0.9rem; }
        th, td { text-align: left; border-bottom: 1px solid #eceff2; padding: 0.3rem 0.4rem; vertical-align: top; }
        tr.critical td:nth-child(2) { color: #a8071a; font-weight: bold; }
        tr.warning td:nth-child(2) { color: #ad6800; font-weight: bold; }
        tr.info td:nth-child(2) { color: #0050b3; }
        .note { font-size: 0.85rem; color: #55606b; }
        dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.2rem 0.8rem; margin: 0; }
        dt { color: #55606b; }
        dd { margin: 0; font-family: ui-monospace, monospace; word-break: break-all; }
        pre { white-space: pre-wrap; word-break: break-all; font-size: 0.8rem; background: #f6f7f9; padding: 0.5rem; }
        .ok { color: #237804; font-weight: bold; }
        .bad { color: #a8071a; font-weight: bold; }

        """#
}
