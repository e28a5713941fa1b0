/// The report's only style sheet, inlined in `<head>`: the system Japanese font stack (no web fonts), screen
/// layout, and an A4 print layout in which cards, charts and tables are never split across pages.
enum ReportStyleSheet {
    /// The CSS. A literal, so ``MarkupNode/styleSheet(_:)`` can insert it unescaped.
    static let css: StaticString = """

        :root { --ink: #1f1f1f; --muted: #555; --rule: #d0d0d0; --accent: #0072B2; --caveat: #8a5a00; }
        * { box-sizing: border-box; }
        html { -webkit-text-size-adjust: 100%; }
        body { margin: 0; padding: 24px 32px 40px; color: var(--ink); background: #fff;
          font-family: "Hiragino Kaku Gothic ProN", "Hiragino Sans", "Noto Sans CJK JP", "Noto Sans JP",
            "Yu Gothic", YuGothic, Meiryo, sans-serif;
          font-size: 15px; line-height: 1.6; font-variant-numeric: tabular-nums; }
        main, .report-header, footer { max-width: 1120px; margin: 0 auto; }
        .report-header { border-bottom: 3px solid var(--accent); padding-bottom: 10px; margin-bottom: 18px; }
        h1 { font-size: 26px; line-height: 1.3; margin: 0 0 4px; overflow-wrap: anywhere; }
        h2 { font-size: 19px; margin: 30px 0 10px; padding-left: 10px; border-left: 5px solid var(--accent);
          overflow-wrap: anywhere; }
        .subtitle { margin: 0; color: var(--muted); font-size: 15px; overflow-wrap: anywhere; }
        .generated { margin: 2px 0 0; color: var(--muted); font-size: 13px; }
        .data-through { margin: 2px 0 0; font-size: 13px; color: var(--muted); }
        .data-through strong { color: var(--ink); }
        .back { margin: 0 0 6px; font-size: 13px; }
        .back a, td a { color: #005a8c; }
        .not-applicable { color: var(--muted); font-size: 12px; white-space: nowrap; }
        .kpis { display: grid; grid-template-columns: repeat(auto-fill, minmax(200px, 1fr)); gap: 12px;
          margin: 0 0 18px; }
        .kpi { border: 1px solid var(--rule); border-top: 4px solid var(--accent); border-radius: 6px;
          padding: 10px 14px 12px; background: #fafcfe; min-width: 0; }
        .kpi-label { margin: 0; font-size: 13px; color: var(--muted); overflow-wrap: anywhere; }
        .kpi-value { margin: 2px 0 0; font-size: 30px; font-weight: 700; line-height: 1.2;
          overflow-wrap: anywhere; }
        .kpi-unit { font-size: 15px; font-weight: 400; margin-left: 3px; }
        .kpi-note { margin: 4px 0 0; font-size: 12px; color: var(--muted); overflow-wrap: anywhere; }
        .caveat { border: 1px solid #e0b96a; border-left: 6px solid #e69f00; background: #fff8e8;
          border-radius: 4px; padding: 8px 14px; margin: 10px 0; }
        .caveat-kind { margin: 0; font-weight: 700; color: var(--caveat); font-size: 14px; }
        .caveat-kind::before { content: "\\26A0\\FE0E  "; }
        .caveat-text { margin: 2px 0 0; overflow-wrap: anywhere; }
        .table-wrap { overflow-x: auto; margin: 12px 0 4px; }
        table { border-collapse: collapse; min-width: 50%; font-size: 14px; }
        caption { text-align: left; font-weight: 700; padding: 0 0 6px; overflow-wrap: anywhere; }
        th, td { border-bottom: 1px solid var(--rule); padding: 5px 10px; vertical-align: top;
          overflow-wrap: break-word; }
        td.align-leading:is(:first-child, :nth-child(2)), td a { word-break: keep-all; }
        thead th { border-bottom: 2px solid var(--ink); background: #f3f5f7; white-space: nowrap; }
        tbody tr:nth-child(even) td { background: #fafafa; }
        tfoot td { border-top: 2px solid var(--ink); font-weight: 700; background: #f3f5f7; }
        .align-leading { text-align: left; }
        .align-center { text-align: center; }
        .align-trailing { text-align: right; white-space: nowrap; }
        .denominator { margin: 2px 0 14px; font-size: 12px; color: var(--muted); overflow-wrap: anywhere; }
        figure { margin: 14px 0 18px; }
        figcaption { font-weight: 700; margin-bottom: 4px; overflow-wrap: anywhere; }
        figure svg { display: block; max-width: 100%; height: auto; }
        .chart-note { margin: 2px 0 0; font-size: 12px; color: var(--muted); overflow-wrap: anywhere; }
        .chart-row { display: flex; flex-wrap: wrap; gap: 24px; }
        .chart-row figure { flex: 1 1 420px; min-width: 0; }
        svg text { font-family: inherit; }
        svg text.halo { paint-order: stroke; stroke: #fff; stroke-width: 3px; stroke-linejoin: round; }
        .links { padding-left: 20px; }
        .links a { color: #005a8c; }
        .link-note { color: var(--muted); font-size: 13px; }
        footer { margin-top: 28px; padding-top: 8px; border-top: 1px solid var(--rule); color: var(--muted);
          font-size: 12px; }
        @media print {
          body { padding: 0; font-size: 10.5pt; }
          main, .report-header, footer { max-width: none; }
          h1 { font-size: 18pt; }
          h2 { font-size: 13pt; break-after: avoid; page-break-after: avoid; }
          .kpis { grid-template-columns: repeat(4, 1fr); gap: 8px; }
          .kpi-value { font-size: 20pt; }
          .kpi, .kpis, .caveat, figure, table, .table-wrap, .table-block, .chart-row {
            break-inside: avoid; page-break-inside: avoid; }
          .caveat, .report-section > p { break-after: avoid; page-break-after: avoid; }
          .denominator, .chart-note { break-before: avoid; page-break-before: avoid; }
          .back { display: none; }
          .table-wrap { overflow: visible; }
          thead { display: table-header-group; }
          tfoot { display: table-footer-group; }
          tbody tr:nth-child(even) td { background: none; }
          .links a { color: inherit; text-decoration: none; }
          * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
        }
        /* Print, compact A4 (the zone report 58101-D02 went from 8 pages to 4): charts that only draw a table's
           numbers stay on screen (`screen-only`); long tables may continue on the next page with their header
           repeated, rows whole, the totals row only at the end and the note kept with the last rows; charts keep
           to a fixed height and stay whole; side-by-side charts stay side by side; names in the first column
           never break mid-word. */
        @page { size: A4; margin: 10mm 11mm; }
        @media print {
          body { font-size: 8.5pt; line-height: 1.35; }
          h1 { font-size: 15pt; }
          h2 { font-size: 11pt; margin: 8px 0 4px; }
          .report-header { margin-bottom: 8px; }
          .kpis { gap: 6px; margin-bottom: 6px; }
          .kpi { padding: 4px 8px 5px; }
          .kpi-value { font-size: 14pt; }
          .kpi-note, .kpi-label { font-size: 7.5pt; }
          .caveat { padding: 3px 10px; margin: 4px 0; }
          .caveat-kind { font-size: 8.5pt; }
          .screen-only { display: none; }
          .table-block, .table-wrap, table { break-inside: auto; page-break-inside: auto; }
          tr { break-inside: avoid; page-break-inside: avoid; }
          tfoot { display: table-row-group; }
          .denominator { break-before: avoid; page-break-before: avoid; }
          .table-wrap { margin: 3px 0 1px; }
          table { font-size: 7.5pt; line-height: 1.2; min-width: 0; }
          caption { font-size: 8pt; }
          th, td { padding: 0.5px 5px; }
          td:first-child { word-break: keep-all; overflow-wrap: normal; }
          .denominator, .chart-note { font-size: 7pt; line-height: 1.25; margin-bottom: 4px; }
          figure { margin: 4px 0 5px; break-inside: avoid; page-break-inside: avoid; }
          figure svg { max-height: 44mm; width: auto; }
          .chart-row { flex-wrap: nowrap; gap: 10px; break-inside: avoid; page-break-inside: avoid; }
          .chart-row figure { flex: 1 1 0; }
          .chart-row figure svg { max-height: 50mm; }
          .report-section > p { margin: 3px 0; }
          footer { margin-top: 8px; }
        }

        """
}
