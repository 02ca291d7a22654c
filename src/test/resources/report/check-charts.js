// Run in the report's page by the browser test: for every div.chart, whether ECharts drew it and
// with what. A chart counts as drawn when it has an ECharts instance, a size, at least one finite
// data point, and the first complete point of a series lands inside the chart's plotting area.
(() => {
  function finite(x) { return typeof x === 'number' && isFinite(x); }
  function valueOf(item) { return item !== null && typeof item === 'object' && !Array.isArray(item) ? item.value : item; }
  const results = [];
  document.querySelectorAll('div.chart').forEach((el) => {
    const chart = echarts.getInstanceByDom(el);
    const result = {id: el.id, kind: el.dataset.chart, metric: el.dataset.metric || null,
      width: el.clientWidth, height: el.clientHeight, instance: !!chart, points: 0, inside: 0, shapes: 0};
    if (chart) {
      (chart.getOption().series || []).forEach((series, index) => {
        let placed = false;
        (series.data || []).forEach((item) => {
          const value = valueOf(item);
          const values = Array.isArray(value) ? value : [value];
          if (values.some(finite)) { result.points++; }
          if (!placed && series.type !== 'custom' && Array.isArray(value) && value.every(finite)) {
            placed = true;
            const pixel = chart.convertToPixel({seriesIndex: index}, value);
            if (pixel && chart.containPixel({seriesIndex: index}, pixel)) { result.inside++; }
          }
        });
      });
      const svg = el.querySelector('svg');
      result.shapes = svg ? svg.querySelectorAll('path, circle, rect, line, polyline, polygon').length : 0;
    }
    results.push(result);
  });
  return results;
})()
