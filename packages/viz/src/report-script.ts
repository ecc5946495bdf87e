/**
 * The report's only script, as source text: it moves a vertical rule over the adoption chart and
 * writes the read-out for the bin under the pointer. The numbers and sentences are computed in
 * TypeScript (adoptionReadouts) and embedded as JSON, so the page formats nothing itself and
 * shows exactly what the charts show.
 */
export const HOVER_SCRIPT = `
(function () {
  var source = document.getElementById('adoption-readouts');
  var figure = document.getElementById('chart-adoption');
  if (!source || !figure) return;
  var data = JSON.parse(source.textContent);
  var svg = figure.querySelector('svg');
  var output = document.getElementById('adoption-readout');
  var hover = svg.querySelector('.hover');
  var rule = svg.querySelector('.hover-rule');
  var dot = svg.querySelector('.hover-dot');
  var resting = output.textContent;

  function nearest(x) {
    var lo = 0, hi = data.x.length - 1;
    while (hi - lo > 1) {
      var mid = (lo + hi) >> 1;
      if (data.x[mid] <= x) lo = mid; else hi = mid;
    }
    return Math.abs(data.x[hi] - x) < Math.abs(data.x[lo] - x) ? hi : lo;
  }

  function hide() {
    hover.setAttribute('visibility', 'hidden');
    output.textContent = resting;
    output.classList.remove('active');
  }

  svg.addEventListener('pointermove', function (event) {
    var ctm = svg.getScreenCTM();
    if (!ctm || data.x.length === 0) return;
    var point = new DOMPoint(event.clientX, event.clientY).matrixTransform(ctm.inverse());
    if (point.x < data.left || point.x > data.right || point.y < data.top || point.y > data.bottom) return hide();
    var i = nearest(point.x);
    rule.setAttribute('x1', data.x[i]);
    rule.setAttribute('x2', data.x[i]);
    dot.setAttribute('cx', data.x[i]);
    dot.setAttribute('cy', data.y[i]);
    hover.setAttribute('visibility', 'visible');
    output.textContent = data.text[i];
    output.classList.add('active');
  });
  svg.addEventListener('pointerleave', hide);
})();
`;
