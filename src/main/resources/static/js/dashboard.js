// The dashboard's charts, drawn with ECharts from the same view the page's tables show (/insight/dashboard/data).
(function () {
  'use strict';
  var script = document.getElementById('dashboard-script');
  if (!script || typeof echarts === 'undefined') {
    return;
  }
  var COLORS = { ai: '#3b82f6', verified: '#15803d', human: '#a855f7', abandoned: '#f59e0b', open: '#94a3b8' };
  var charts = [];

  function chart(id, option) {
    var el = document.getElementById(id);
    if (!el) {
      return;
    }
    var c = echarts.init(el, null, { renderer: 'svg' });
    option.animation = false;
    c.setOption(option);
    charts.push(c);
    el.setAttribute('data-drawn', 'true');
  }

  function bars(id, labels, values, color, horizontal) {
    var category = { type: 'category', data: labels, axisTick: { show: false } };
    var value = { type: 'value', minInterval: 1, splitLine: { lineStyle: { color: '#eef0f3' } } };
    if (horizontal) {
      category.inverse = true;
      category.axisLabel = { width: 170, overflow: 'truncate' };
    }
    chart(id, {
      grid: { left: horizontal ? 180 : 40, right: 24, top: 16, bottom: 28 },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      xAxis: horizontal ? value : category,
      yAxis: horizontal ? category : value,
      series: [{ type: 'bar', data: values, itemStyle: { color: color }, barMaxWidth: 28,
        label: { show: true, position: horizontal ? 'right' : 'top', color: '#475569' } }]
    });
  }

  function draw(view) {
    var days = view.daily.map(function (d) { return d.day.substring(5); });
    function series(name, pick, color) {
      return { name: name, type: 'bar', stack: 'outcome', data: view.daily.map(function (d) { return pick(d.figures); }),
        itemStyle: { color: color }, barMaxWidth: 24 };
    }
    chart('chart-volume', {
      grid: { left: 44, right: 24, top: 40, bottom: 28 },
      legend: { top: 4, itemGap: 18 },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      xAxis: { type: 'category', data: days, axisTick: { show: false } },
      yAxis: { type: 'value', minInterval: 1, splitLine: { lineStyle: { color: '#eef0f3' } } },
      series: [
        series('AI resolved (claimed)', function (f) { return f.aiResolved; }, COLORS.ai),
        series('By a person', function (f) { return f.humanResolved; }, COLORS.human),
        series('Abandoned', function (f) { return f.abandoned; }, COLORS.abandoned),
        series('Open', function (f) { return f.open; }, COLORS.open),
        { name: 'Verified AI resolutions', type: 'line', data: view.daily.map(function (d) { return d.figures.verified; }),
          itemStyle: { color: COLORS.verified }, lineStyle: { width: 2 }, symbolSize: 5 }
      ]
    });
    bars('chart-relief', view.relief.labels, view.relief.counts, '#0ea5e9', false);
    bars('chart-csat', view.csat.labels, view.csat.counts, '#f59e0b', false);
    if (view.escalationReasons.length) {
      bars('chart-reasons', view.escalationReasons.map(function (r) { return r.label; }),
        view.escalationReasons.map(function (r) { return r.conversations; }), '#a855f7', true);
    } else {
      document.getElementById('chart-reasons').hidden = true;
    }
    if (view.knowledgeGaps.length) {
      bars('chart-gaps', view.knowledgeGaps.map(function (g) { return g.label; }),
        view.knowledgeGaps.map(function (g) { return g.conversations; }), '#ef4444', true);
    } else {
      document.getElementById('chart-gaps').hidden = true;
    }
    document.body.setAttribute('data-dashboard', 'drawn');
  }

  fetch(script.getAttribute('data-source'), { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
    .then(function (response) {
      if (!response.ok) {
        throw new Error('The dashboard could not be read (' + response.status + ').');
      }
      return response.json();
    })
    .then(draw)
    .catch(function (error) {
      document.body.setAttribute('data-dashboard', 'failed');
      console.error(error);
    });
  window.addEventListener('resize', function () {
    charts.forEach(function (c) { c.resize(); });
  });
}());
