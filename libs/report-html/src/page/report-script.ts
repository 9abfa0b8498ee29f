/**
 * The report's only script (inline, no dependency): expands a column's detail row and sorts the
 * table by a heading (numbers numerically, blanks last; scores start high-to-low; a second click
 * reverses). Without JavaScript every detail row is shown instead (see the <noscript> style).
 */
export const REPORT_SCRIPT = `(function () {
  var table = document.getElementById('drift-table');
  if (!table) return;
  table.addEventListener('click', function (event) {
    var expand = event.target.closest('button.expand');
    if (expand) {
      var open = expand.getAttribute('aria-expanded') !== 'true';
      expand.setAttribute('aria-expanded', String(open));
      document.getElementById(expand.getAttribute('aria-controls')).hidden = !open;
      return;
    }
    var heading = event.target.closest('th[data-sort]');
    if (heading) sortBy(heading);
  });
  function value(body, key) {
    var raw = body.getAttribute('data-' + key);
    if (raw === null || raw === '') return null;
    var n = Number(raw);
    return isNaN(n) ? raw : n;
  }
  function sortBy(heading) {
    var key = heading.getAttribute('data-sort');
    var state = heading.getAttribute('aria-sort');
    var ascending = state === 'none' ? heading.getAttribute('data-first') !== 'descending' : state !== 'ascending';
    var headings = table.querySelectorAll('th[data-sort]');
    for (var i = 0; i < headings.length; i++) headings[i].setAttribute('aria-sort', 'none');
    heading.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
    var bodies = Array.prototype.slice.call(table.tBodies);
    bodies.sort(function (a, b) {
      var x = value(a, key), y = value(b, key);
      if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1;
      var order = x < y ? -1 : x > y ? 1 : 0;
      return ascending ? order : -order;
    });
    for (var j = 0; j < bodies.length; j++) table.appendChild(bodies[j]);
  }
})();`;
