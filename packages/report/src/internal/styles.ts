/** The report's styles: plain, readable at desktop and phone widths, and printable. */
export const styles = `
:root { color-scheme: light; --ink: #1d1d1f; --muted: #5f6368; --line: #dadce0; --accent: #1f5fbf; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: var(--ink); background: #fff; }
header, main { max-width: 1240px; margin: 0 auto; padding: 0 16px; }
header { padding-top: 16px; border-bottom: 1px solid var(--line); }
h1 { font-size: 1.6rem; margin: 0 0 4px; }
h2 { font-size: 1.25rem; margin: 28px 0 6px; }
h3 { font-size: 1rem; margin: 16px 0 6px; }
header p { margin: 0 0 8px; color: var(--muted); }
nav { display: flex; flex-wrap: wrap; gap: 4px 14px; padding-bottom: 10px; }
nav a { color: var(--accent); text-decoration: none; }
.intro, .empty, .count { color: var(--muted); }
.intro { margin: 0 0 10px; max-width: 75ch; }
.search { position: relative; margin: 8px 0; max-width: 480px; }
.search input { width: 100%; font: inherit; padding: 7px 10px; border: 1px solid var(--line); border-radius: 6px; margin-top: 4px; }
#results { list-style: none; margin: 0; padding: 0; position: absolute; z-index: 5; background: #fff; width: 100%; border: 1px solid var(--line); border-top: 0; }
#results:empty { display: none; }
#results li button { width: 100%; text-align: left; }
.mapwrap { display: grid; grid-template-columns: minmax(0, 1fr) 320px; gap: 12px; }
#map { height: 620px; border: 1px solid var(--line); border-radius: 8px; background: #fcfcfd; position: relative; }
#card { border: 1px solid var(--line); border-radius: 8px; padding: 12px 14px; align-self: start; max-height: 620px; overflow: auto; }
#card h3 { margin-top: 0; font-size: 1.15rem; }
#card dl { display: grid; grid-template-columns: max-content 1fr; gap: 3px 10px; margin: 0; }
#card dt { color: var(--muted); }
#card dd { margin: 0; overflow-wrap: anywhere; }
.notice { background: #fff6e0; border: 1px solid #f0d58c; padding: 8px 12px; border-radius: 6px; }
.legend { columns: 2 320px; padding-left: 22px; margin: 0; }
.legend li { break-inside: avoid; margin-bottom: 2px; }
.swatch { display: inline-block; width: 11px; height: 11px; border-radius: 50%; margin-right: 6px; vertical-align: -1px; print-color-adjust: exact; -webkit-print-color-adjust: exact; }
.scroll { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; font-size: 0.93rem; }
th, td { text-align: left; vertical-align: top; padding: 5px 8px; border-bottom: 1px solid var(--line); }
th { font-weight: 600; color: var(--muted); white-space: nowrap; }
button.person { font: inherit; color: var(--accent); background: none; border: 0; padding: 0; cursor: pointer; text-align: left; }
button.person:hover { text-decoration: underline; }
#results button.person { padding: 6px 10px; color: var(--ink); }
#results button.person:hover, #results button.person:focus { background: #eef3fb; }
.pair { display: grid; grid-template-columns: 1fr 1fr; gap: 24px; }
section { break-inside: auto; }
@media (max-width: 760px) {
  body { font-size: 14px; }
  .mapwrap, .pair { grid-template-columns: 1fr; }
  #map { height: 420px; }
  #card { max-height: none; }
  td, th { padding: 4px 5px; }
}
@media print {
  nav, .search, #map, #nomap, #card { display: none; }
  .mapwrap { display: block; }
  h2 { break-after: avoid; }
  tr { break-inside: avoid; }
  button.person { color: var(--ink); }
}
`
