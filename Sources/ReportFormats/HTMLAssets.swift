import Foundation
/// The page's inline style and script, kept apart from the markup they serve.
enum HTMLAssets {
    static let style = """
        body { font: 15px/1.45 system-ui, sans-serif; margin: 1.5rem auto; max-width: 72rem; padding: 0 1rem; color: #1d1d1f; }
        h1 { font-size: 1.5rem; } h2 { margin-top: 2.5rem; border-top: 2px solid #ccc; padding-top: 1rem; }
        h2 small, h3 small { font-weight: normal; color: #666; }
        .score { float: right; }
        table { border-collapse: collapse; width: 100%; margin: .5rem 0; }
        th, td { border: 1px solid #ddd; padding: .3rem .5rem; text-align: left; vertical-align: top; }
        #class th { cursor: pointer; background: #f4f4f6; user-select: none; }
        #class th[aria-sort="ascending"]::after { content: " ▲"; } #class th[aria-sort="descending"]::after { content: " ▼"; }
        td.passed { background: #e3f6e5; color: #11602a; } td.failed, td.error { background: #fde7e7; color: #9c1c1c; }
        td.skipped, td.missing { background: #fff5d6; color: #7a5b00; }
        td.info { background: #eef1f6; color: #44506a; }
        pre { margin: 0; white-space: pre-wrap; font: 13px/1.35 ui-monospace, monospace; }
        pre.netstat, pre.hexdump, pre.output { background: #f6f6f8; padding: .5rem; overflow-x: auto; white-space: pre; }
        .none { color: #666; font-style: italic; } .stream { margin: .4rem 0 .1rem; color: #666; }
        details { margin: .4rem 0; } summary { cursor: pointer; }
        td.points { white-space: nowrap; }
        #class td:first-child, #class td:nth-child(2) { overflow-wrap: anywhere; max-width: 12rem; }
        #class th.check { writing-mode: vertical-rl; transform: rotate(180deg); white-space: nowrap; padding: .4rem .2rem; vertical-align: bottom; }
        #class th.check, #class td.mark { width: 1.6rem; text-align: center; }
        #class td.mark a { color: inherit; text-decoration: none; display: block; }
        #class td.unpassed a { white-space: nowrap; margin-right: .4rem; display: inline-block; }
        #class td.unpassed a.failed, #class td.unpassed a.error { color: #9c1c1c; }
        #class td.unpassed a.skipped { color: #7a5b00; }
        tr:target td { outline: 2px solid #3a6ff7; }
        tr[hidden], section[hidden] { display: none; }
        """

    /// Sorting by a header click, filtering by the select; `#failing=ID` and
    /// `#sort=COLUMN` in the address apply them on load so a link can share a view.
    static let script = """
        (function () {
          var table = document.getElementById('class');
          var body = table.tBodies[0];
          var select = document.getElementById('failing');
          var headers = Array.prototype.slice.call(table.tHead.rows[0].cells);
          function cellValue(row, index, kind) {
            var cell = row.cells[index];
            var text = cell.getAttribute('data-value') || cell.textContent;
            return kind === 'number' ? parseFloat(text) : text.toLowerCase();
          }
          function sortBy(index, descending) {
            var kind = headers[index].getAttribute('data-kind');
            var rows = Array.prototype.slice.call(body.rows);
            rows.sort(function (a, b) {
              var x = cellValue(a, index, kind), y = cellValue(b, index, kind);
              var order = x < y ? -1 : x > y ? 1 : 0;
              return descending ? -order : order;
            });
            rows.forEach(function (row) { body.appendChild(row); });
            headers.forEach(function (header, i) {
              if (i === index) { header.setAttribute('aria-sort', descending ? 'descending' : 'ascending'); }
              else { header.removeAttribute('aria-sort'); }
            });
          }
          function applyFilter() {
            var wanted = select.value, shown = 0;
            Array.prototype.forEach.call(body.rows, function (row) {
              var failing = row.getAttribute('data-failing').split(' ').filter(Boolean);
              var keep = wanted === '' || (wanted === '*' ? failing.length > 0 : failing.indexOf(wanted) >= 0);
              row.hidden = !keep;
              document.getElementById(row.getAttribute('data-section')).hidden = !keep;
              if (keep) { shown += 1; }
            });
            document.getElementById('shown').textContent = shown + ' of ' + body.rows.length + ' shown';
          }
          headers.forEach(function (header, index) {
            header.addEventListener('click', function () {
              sortBy(index, header.getAttribute('aria-sort') === 'ascending');
            });
          });
          select.addEventListener('change', applyFilter);
          location.hash.replace(/^#/, '').split('&').forEach(function (part) {
            var pair = part.split('='), value = decodeURIComponent(pair[1] || '');
            if (pair[0] === 'failing') { select.value = value; }
            if (pair[0] === 'sort') {
              var descending = value.charAt(0) === '-', name = value.replace(/^-/, '').toLowerCase();
              headers.forEach(function (header, index) {
                if (header.textContent.toLowerCase() === name) { sortBy(index, descending); }
              });
            }
          });
          applyFilter();
        })();
        """
}
