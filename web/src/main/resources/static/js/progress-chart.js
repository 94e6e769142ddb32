// Income progress by town or village as stacked bars (Apache ECharts); a bar opens that place's page. The same
// figures are in the table below the chart, which is what keyboards and screen readers use.
document.addEventListener('DOMContentLoaded', function () {
  var el = document.getElementById('progress-chart');
  var source = document.getElementById('progress-data');
  if (!el || !source || !window.echarts) {
    return;
  }
  var data = JSON.parse(source.textContent);
  var names = data.parts.map(function (p) { return p.name; });
  var chart = echarts.init(el);
  chart.setOption({
    animation: false,
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { data: [data.labels.reached, data.labels.onTrack, data.labels.behind] },
    grid: { left: 8, right: 16, bottom: 8, containLabel: true },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: names, inverse: true },
    color: ['#1b5e20', '#8a6d00', '#a10d0d'],
    series: [
      { name: data.labels.reached, type: 'bar', stack: 'households', data: data.parts.map(function (p) { return p.reached; }) },
      { name: data.labels.onTrack, type: 'bar', stack: 'households', data: data.parts.map(function (p) { return p.onTrack; }) },
      { name: data.labels.behind, type: 'bar', stack: 'households', data: data.parts.map(function (p) { return p.behind; }) }
    ]
  });
  chart.on('click', function (params) {
    var part = data.parts[params.dataIndex];
    if (part) {
      window.location.href = part.href;
    }
  });
  window.addEventListener('resize', function () { chart.resize(); });
});
