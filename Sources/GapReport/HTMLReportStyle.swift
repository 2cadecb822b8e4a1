/// The HTML report's stylesheet, inline so the file stands alone. The print rules lay it out on
/// A4: each department on a page of its own and kept whole where it fits, small sections after
/// what precedes them, and no table row, chart or list entry cut in two.
enum HTMLReportStyle {
    static let css = """
        :root { --ink: #1b1b1b; --muted: #5b6470; --rule: #d5d9de; --accent: #2f5d8a; --fill: #4a7fb5; }
        * { box-sizing: border-box; }
        html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
        body { font-family: "DejaVu Sans", "Segoe UI", Helvetica, Arial, sans-serif; color: var(--ink); line-height: 1.4;
               max-width: 60rem; margin: 0 auto; padding: 1.5rem; font-size: 15px; background: #fff; }
        header { border-bottom: 3px solid var(--accent); margin-bottom: 1rem; }
        .kicker { text-transform: uppercase; letter-spacing: .08em; color: var(--accent); font-weight: bold; margin: 0; }
        h1 { font-size: 1.9rem; margin: .2rem 0; }
        h2 { font-size: 1.4rem; color: var(--accent); border-bottom: 1px solid var(--rule); padding-bottom: .2rem; margin-top: 2rem; }
        h2 small { font-size: .8rem; color: var(--muted); font-weight: normal; }
        h3 { font-size: 1.05rem; margin: 1.2rem 0 .4rem; }
        .session, .level, figcaption, .more, .empty, .means { color: var(--muted); }
        .level { font-weight: bold; }
        nav.contents ol { columns: 2; margin: 0; }
        nav.contents a { color: var(--accent); text-decoration: none; }
        table { border-collapse: collapse; width: 100%; margin: .4rem 0 1rem; font-size: .9rem; }
        th, td { border-bottom: 1px solid var(--rule); padding: .25rem .45rem; text-align: left; vertical-align: top; }
        /* A long URL or word in a comment wraps instead of pushing the page wider. */
        h1, p, td, li, dd, figcaption { overflow-wrap: anywhere; }
        thead th { border-bottom: 2px solid var(--ink); }
        tfoot th, tfoot td { border-top: 2px solid var(--ink); font-weight: bold; }
        .n { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
        table.participation { width: auto; min-width: 24rem; }
        tr.group th { background: #eef2f6; color: var(--accent); }
        td.bar { width: 22%; }
        .gapbar { display: block; height: .7rem; background: #c82d1e; border-radius: 2px; }
        tr.flagged td:first-child { font-weight: bold; }
        td.flag { color: #a01d10; font-weight: bold; }
        dl.headline { display: grid; grid-template-columns: max-content 1fr; gap: .3rem 1rem; }
        dl.headline dt { font-weight: bold; }
        dl.headline dd { margin: 0; }
        ul.items li, ol.items li { margin: .25rem 0; }
        .figures { color: var(--muted); white-space: nowrap; }
        .dots { color: var(--accent); white-space: nowrap; }
        .who { display: inline-block; font-size: .75rem; background: #eef2f6; color: var(--accent); padding: 0 .35rem; border-radius: 3px; margin-right: .3rem; }
        ul.comments { padding-left: 1.2rem; }
        .legend { font-size: .85rem; }
        .legend .key { font-weight: bold; margin: 0 .4rem 0 .8rem; }
        .swatch { display: inline-block; min-width: 2.6rem; text-align: center; padding: 0 .3rem; border: 1px solid var(--rule); }
        figure { margin: .5rem 0 1rem; }
        figure svg { width: 100%; height: auto; display: block; }
        figure.radar svg { max-width: 44rem; margin: 0 auto; }
        figcaption { font-size: .8rem; text-align: center; }
        svg text { font-family: "DejaVu Sans", "Segoe UI", Helvetica, Arial, sans-serif; fill: var(--ink); }
        svg .ring { fill: none; stroke: #c9ced4; stroke-width: 1; }
        svg .axis, svg .grid { stroke: #d5d9de; stroke-width: 1; }
        svg .ring-label { font-size: 11px; fill: var(--muted); }
        svg .axis-label { font-size: 14px; }
        svg .axis-label .figures { fill: var(--muted); font-size: 12px; }
        svg polygon.current, svg rect.current { fill: rgba(74, 127, 181, .35); stroke: var(--fill); stroke-width: 2; }
        svg polygon.target { fill: none; stroke: #c0392b; stroke-width: 2; stroke-dasharray: 6 4; }
        svg rect.target { fill: none; stroke: #c0392b; stroke-width: 2; stroke-dasharray: 6 4; }
        svg circle.current { fill: var(--fill); }
        svg circle.target { fill: #c0392b; }
        svg .bar { fill: var(--fill); }
        svg .bar-label { font-size: 12px; }
        svg .bar-value { font-size: 11px; fill: var(--muted); }
        svg .rank { font-size: 14px; font-weight: bold; fill: var(--accent); }
        table.detail { font-size: .78rem; }
        table.detail col.question { width: 34%; }
        table.detail col.notes { width: 16%; }
        table.detail thead th { font-size: .85em; padding-left: .25rem; padding-right: .25rem; }
        table.detail .id { display: block; overflow-wrap: anywhere; font-family: "DejaVu Sans Mono", monospace; font-size: .7rem; color: var(--muted); }
        table.detail td.summary, td.notes { color: var(--muted); }
        tr.comments td { border-bottom: 1px solid var(--rule); padding-top: 0; }
        tr.comments ul { margin: 0; padding-left: 1.2rem; }
        tr.comments .label { font-size: .75rem; color: var(--muted); }
        code { font-family: "DejaVu Sans Mono", monospace; font-size: .8em; }
        .warning { background: #fff4e5; border-left: 4px solid #e08a00; padding: .4rem .6rem; }
        /* Low confidence is said in words and marked the same way everywhere: a badge in lists, a
           star and a tint in tables, a paler bar in the chart. */
        .confidence-warning { background: #fff4e5; border: 2px solid #e08a00; border-radius: 4px; padding: .5rem .8rem; margin: .8rem 0; }
        .confidence-warning p { margin: .25rem 0; }
        .confidence-warning .title { font-weight: bold; color: #8a4b00; font-size: 1.05rem; }
        .key-points p { margin: .35rem 0; font-size: 1.02rem; }
        .count { color: var(--muted); white-space: nowrap; font-size: .85em; }
        .low-confidence { display: inline-block; font-size: .75rem; background: #fff4e5; color: #8a4b00; border: 1px solid #e08a00;
                          border-radius: 3px; padding: 0 .3rem; white-space: nowrap; }
        td.count.low { background: #fff4e5; color: #8a4b00; font-weight: bold; }
        .next-step { color: var(--accent); font-size: .9em; }
        ol.next-steps li { margin: .4rem 0; }
        .note { color: var(--muted); font-size: .8rem; }
        ul.closes { margin: 0; padding-left: 1rem; }
        svg .bar.low { fill: #b9cde2; }
        @page { size: A4; margin: 14mm 12mm 16mm; }
        @media print {
          body { max-width: none; padding: 0; font-size: 10pt; }
          nav.contents { display: none; }
          h2 { margin-top: 0; }
          .page { break-before: page; }
          h2, h3 { break-after: avoid; }
          tr, li, figure, svg, dl, .legend, .confidence-warning, .key-points { break-inside: avoid; }
          /* A department stays on its page; the small sections (perception gaps, goals) follow
             what comes before them instead of starting a page of their own that stays mostly empty. */
          section.department { break-inside: avoid; }
          section.compact { break-before: auto; }
          section.compact h2 { margin-top: 1.2rem; }
          thead { display: table-header-group; }
          tfoot { display: table-row-group; }
          figure.radar svg { max-width: 9.5cm; }
          /* A department's page holds its radar, table, next steps and comments: tight rows and
             headings keep a department of seven dimensions on one sheet. */
          table.dimensions th, table.dimensions td { padding: .05rem .4rem; }
          section.department h3 { margin: .5rem 0 .2rem; }
          /* The heat map's rows tight enough that the whole map fits one sheet, with five
             departments and the shared module (some fifty rows) as with four. */
          table.heat th, table.heat td { padding: 0 .4rem; }
          table.heat { font-size: .82em; line-height: 1.2; }
          .gapbar { height: .5rem; }
          ol.next-steps li { margin: .15rem 0; }
          ul.comments li { margin: 0; }
          table { font-size: .92em; }
          th, td { padding: .15rem .4rem; }
          h3 { margin: .7rem 0 .3rem; }
          figure { margin: .2rem 0 .4rem; }
          p.more { break-before: avoid; }
          a { color: inherit; text-decoration: none; }
        }
        """
}
