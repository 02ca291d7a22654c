// Draws every div.chart of the report from the JSON in #report-data with the bundled ECharts.
// Each chart says what it shows in data-chart (and data-metric / data-moment); buttons in a
// div.switch[data-for=ID] redraw chart ID for another metric. SVG, no animation: what the page
// shows at load is final, for people and for the browser test alike.
(function () {
  'use strict';
  var DATA = JSON.parse(document.getElementById('report-data').textContent);
  var WORSE = '#c0392b', BETTER = '#1e8449', UNCLEAR = '#7f8c8d', RAW = '#34495e';
  var COHORT = {bot_first: '#d35400', bot: '#e59866', bot_to_human: '#8e44ad', human: '#2471a3', none: '#aab7b8'};
  var COHORT_NAME = {bot_first: 'bot-first', bot: 'bot only', bot_to_human: 'bot to human', human: 'human-first',
    none: 'no answer'};
  var charts = {};

  /** Text from the data (topic names, run ids) as HTML for a tooltip: never markup. */
  function esc(text) {
    return String(text).replace(/[&<>"']/g, function (c) {
      return {'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;'}[c];
    });
  }

  function number(v, digits) {
    return (v > 0 ? '+' : '') + v.toFixed(digits).replace('-', '\u2212');
  }

  function gapText(v, rate) {
    if (v === null || v === undefined) { return '\u2013'; }
    if (rate) { return number(100 * v, 1) + ' pts'; }
    var size = Math.abs(v);
    return number(v, size >= 100 ? 0 : size >= 10 ? 1 : 2);
  }

  function levelText(v, rate) {
    if (v === null || v === undefined) { return '\u2013'; }
    return rate ? (100 * v).toFixed(1) + '%' : v.toFixed(Math.abs(v) >= 100 ? 0 : 2);
  }

  function axisText(v, rate) {
    var shown = rate ? 100 * v : v;
    var text = String(parseFloat(shown.toFixed(Math.abs(shown) >= 10 ? 0 : 2)));
    return (shown > 0 ? '+' : '') + text.replace('-', '\u2212');
  }

  function judgementColor(judgement) {
    return judgement === 'worse' ? WORSE : judgement === 'better' ? BETTER : UNCLEAR;
  }

  /** Whiskers of a custom series whose items are [category index, low, high, color]. */
  function whiskers(params, api) {
    var y = api.value(0);
    var low = api.coord([api.value(1), y]);
    var high = api.coord([api.value(2), y]);
    var cap = Math.min(6, api.size([0, 1])[1] * 0.25);
    var style = {stroke: api.value(3) || UNCLEAR, lineWidth: 2};
    return {type: 'group', children: [
      {type: 'line', shape: {x1: low[0], y1: low[1], x2: high[0], y2: high[1]}, style: style},
      {type: 'line', shape: {x1: low[0], y1: low[1] - cap, x2: low[0], y2: low[1] + cap}, style: style},
      {type: 'line', shape: {x1: high[0], y1: high[1] - cap, x2: high[0], y2: high[1] + cap}, style: style}
    ]};
  }

  /**
   * The largest absolute value (a little more), raised to a round step: 1, 2, 2.5 or 5 times a
   * power of ten, about {@code ticks} steps from zero to the end.
   */
  function scaleOf(values, ticks) {
    var largest = 0;
    values.forEach(function (v) { if (v !== null && v !== undefined) { largest = Math.max(largest, Math.abs(v)); } });
    var range = largest > 0 ? largest * 1.08 : 1;
    var rough = range / (ticks || 2);
    var power = Math.pow(10, Math.floor(Math.log10(rough)));
    var f = rough / power;
    var step = (f <= 1 ? 1 : f <= 2 ? 2 : f <= 2.5 ? 2.5 : f <= 5 ? 5 : 10) * power;
    return {step: step, limit: step * Math.ceil(range / step)};
  }

  /**
   * A symmetric axis around zero, oriented so that "worse for customers" is always on the left,
   * with round ticks inside its ends (the end labels are left out so none is cut off).
   */
  function gapAxis(scale, higherIsBetter, rate, show) {
    return {type: 'value', min: -scale.limit, max: scale.limit, interval: scale.step, inverse: !higherIsBetter,
      axisLabel: {show: show, fontSize: 10, color: '#666', showMinLabel: false, showMaxLabel: false,
        formatter: function (v) { return axisText(v, rate); }},
      splitLine: {show: show, lineStyle: {color: '#eee'}}, axisLine: {show: false}, axisTick: {show: false}};
  }

  function worseHalf(scale, higherIsBetter) {
    var limit = scale.limit;
    var half = higherIsBetter ? [{xAxis: -limit}, {xAxis: 0}] : [{xAxis: 0}, {xAxis: limit}];
    return {silent: true, itemStyle: {color: 'rgba(192,57,43,0.06)'}, data: [half]};
  }

  function zeroLine() {
    return {silent: true, symbol: 'none', label: {show: false}, lineStyle: {color: '#555', type: 'solid', width: 1},
      data: [{xAxis: 0}]};
  }

  function gapChart(el) {
    var d = DATA.gaps.filter(function (g) { return g.metric === el.dataset.metric; })[0];
    var scale = scaleOf([d.adjusted, d.ciLow, d.ciHigh, d.raw]);
    var color = judgementColor(d.judgement);
    return {
      animation: false,
      grid: {left: 4, right: 4, top: 2, bottom: 15},
      xAxis: gapAxis(scale, d.higherIsBetter, d.rate, true),
      yAxis: {type: 'category', data: [d.label], show: false},
      tooltip: {trigger: 'item', formatter: function (p) {
        return p.seriesName === 'raw' ? 'raw gap ' + gapText(d.raw, d.rate)
          : 'adjusted gap ' + gapText(d.adjusted, d.rate) + '<br>95% interval ' + gapText(d.ciLow, d.rate) + ' to '
            + gapText(d.ciHigh, d.rate);
      }},
      series: [
        {type: 'custom', name: 'interval', renderItem: whiskers, encode: {x: [1, 2], y: 0},
          data: d.ciLow === null ? [] : [[0, d.ciLow, d.ciHigh, color]], z: 2},
        {type: 'scatter', name: 'raw', symbol: 'diamond', symbolSize: 10, z: 3,
          itemStyle: {color: '#fff', borderColor: RAW, borderWidth: 1.5},
          data: d.raw === null ? [] : [[d.raw, 0]]},
        {type: 'scatter', name: 'adjusted', symbolSize: 11, z: 4, itemStyle: {color: color},
          data: [[d.adjusted, 0]], markLine: zeroLine(), markArea: worseHalf(scale, d.higherIsBetter)}
      ]
    };
  }

  /** Topics ranked by their gap from human-first, or by their level for a bot-only rate. */
  function topicChart(el) {
    var metric = DATA.topics[el.dataset.metric];
    var limit = parseInt(el.dataset.limit, 10);
    var topics = limit > 0 ? metric.topics.slice(0, limit) : metric.topics;
    el.style.height = (topics.length * 24 + 44) + 'px';
    var only = metric.botOnly;
    function value(t) { return only ? t.bot : t.gap; }
    function low(t) { return only ? t.botLow : t.low; }
    function high(t) { return only ? t.botHigh : t.high; }
    function color(t) {
      if (only) { return COHORT.bot_first; }
      var excludes = t.low !== null && (t.low > 0 || t.high < 0);
      if (!excludes) { return UNCLEAR; }
      return (metric.higherIsBetter ? t.gap < 0 : t.gap > 0) ? WORSE : BETTER;
    }
    var values = [];
    topics.forEach(function (t) { values.push(value(t), low(t), high(t)); });
    var scale = scaleOf(values, only ? 4 : 2);
    var axis = only
      ? {type: 'value', min: 0, max: scale.limit, interval: scale.step, position: 'top',
        splitLine: {lineStyle: {color: '#eee'}}, axisLabel: {fontSize: 10, color: '#666',
          formatter: function (v) { return Math.round(100 * v) + '%'; }}}
      : Object.assign(gapAxis(scale, metric.higherIsBetter, metric.rate, true), {position: 'top'});
    var names = topics.map(function (t) { return t.topic + (only ? '  (' + t.n + ')' : '  (' + t.n + '/' + t.humanN + ')'); });
    var point = {type: 'scatter', name: only ? 'rate' : 'gap', symbolSize: 9, z: 4,
      data: topics.map(function (t, i) { return {value: [value(t), i], itemStyle: {color: color(t)}}; })};
    if (!only) {
      point.markLine = zeroLine();
      point.markArea = worseHalf(scale, metric.higherIsBetter);
    }
    return {
      animation: false,
      grid: {left: 8, right: 18, top: 24, bottom: 6, containLabel: true},
      xAxis: axis,
      yAxis: {type: 'category', data: names, inverse: true, axisTick: {show: false},
        axisLabel: {fontSize: 11, color: '#333'}},
      tooltip: {trigger: 'item', formatter: function (p) {
        var t = topics[p.dataIndex];
        if (only) {
          return '<b>' + esc(t.topic) + '</b><br>' + metric.label + ': ' + levelText(t.bot, true) + ' of bot-first contacts'
            + '<br>95% interval ' + levelText(t.botLow, true) + ' to ' + levelText(t.botHigh, true) + '<br>n ' + t.n;
        }
        return '<b>' + esc(t.topic) + '</b><br>' + metric.label + ': bot-first ' + levelText(t.bot, metric.rate)
          + ' vs human-first ' + levelText(t.human, metric.rate) + '<br>gap ' + gapText(t.gap, metric.rate)
          + ' (95% interval ' + gapText(t.low, metric.rate) + ' to ' + gapText(t.high, metric.rate) + ')<br>n '
          + t.n + ' bot-first / ' + t.humanN + ' human-first';
      }},
      series: [
        {type: 'custom', name: 'interval', renderItem: whiskers, encode: {x: [1, 2], y: 0},
          data: topics.filter(function (t) { return low(t) !== null; }).map(function (t) {
            return [topics.indexOf(t), low(t), high(t), color(t)];
          })},
        point
      ]
    };
  }

  /** The category index of the week holding the rollout (weeks are Monday dates, ISO strings). */
  function rolloutMark(weeks, rollout) {
    if (!rollout) { return undefined; }
    var index = -1;
    weeks.forEach(function (w, i) { if (w <= rollout) { index = i; } });
    return index < 0 ? undefined : {silent: true, symbol: 'none', lineStyle: {color: '#000', type: 'dashed'},
      label: {formatter: 'rollout\n' + rollout, position: 'end', fontSize: 10}, data: [{xAxis: index}]};
  }

  function volumeChart(el) {
    var w = DATA.weekly;
    var cohorts = Object.keys(w.volume);
    return {
      animation: false,
      legend: {bottom: 0, textStyle: {fontSize: 11}},
      grid: {left: 48, right: 12, top: 42, bottom: 52},
      tooltip: {trigger: 'axis'},
      xAxis: {type: 'category', data: w.weeks, axisLabel: {fontSize: 10}},
      yAxis: {type: 'value', minInterval: 1, axisLabel: {fontSize: 10}},
      series: cohorts.map(function (c, i) {
        return {type: 'bar', stack: 'all', name: COHORT_NAME[c] || c, itemStyle: {color: COHORT[c]},
          data: w.volume[c].map(function (v, week) { return [week, v]; }),
          markLine: i === 0 ? rolloutMark(w.weeks, w.rollout) : undefined};
      })
    };
  }

  function weeklyChart(el) {
    var w = DATA.weekly;
    var metric = w.metrics[el.dataset.metric];
    var cohorts = Object.keys(metric.series);
    return {
      animation: false,
      legend: {bottom: 0, textStyle: {fontSize: 11}},
      grid: {left: 52, right: 12, top: 42, bottom: 52},
      tooltip: {trigger: 'axis', valueFormatter: function (v) { return levelText(v, metric.rate); }},
      xAxis: {type: 'category', data: w.weeks, axisLabel: {fontSize: 10}},
      yAxis: {type: 'value', scale: true, name: metric.label, nameTextStyle: {fontSize: 10},
        axisLabel: {fontSize: 10, formatter: function (v) { return metric.rate ? Math.round(100 * v) + '%' : v; }}},
      series: cohorts.map(function (c, i) {
        var main = c === 'bot_first' || c === 'human';
        return {type: 'line', name: COHORT_NAME[c] || c, connectNulls: false, showSymbol: true, symbolSize: 4,
          itemStyle: {color: COHORT[c]}, lineStyle: {width: main ? 2.5 : 1.2, type: main ? 'solid' : 'dashed'},
          data: metric.series[c].map(function (v, week) { return [week, v]; }),
          markLine: i === 0 ? rolloutMark(w.weeks, w.rollout) : undefined};
      })
    };
  }

  function sentimentChart(el) {
    var s = DATA.sentiment;
    var byCohort = s[el.dataset.moment];
    return {
      animation: false,
      legend: {bottom: 0, textStyle: {fontSize: 11}},
      grid: {left: 44, right: 12, top: 12, bottom: 74},
      tooltip: {trigger: 'axis', valueFormatter: function (v) { return (100 * v).toFixed(1) + '%'; }},
      xAxis: {type: 'category', data: s.bands, name: 'sentiment', nameLocation: 'middle', nameGap: 30,
        axisLabel: {fontSize: 9, interval: 0, rotate: 20}},
      yAxis: {type: 'value', axisLabel: {fontSize: 10, formatter: function (v) { return Math.round(100 * v) + '%'; }}},
      series: Object.keys(byCohort).map(function (c) {
        return {type: 'bar', name: COHORT_NAME[c] || c, itemStyle: {color: COHORT[c]},
          data: byCohort[c].map(function (v, band) { return [band, v]; })};
      })
    };
  }

  // one row per language (most conversations first), a bar per share: reads with many languages too
  function languagesChart(el) {
    var l = DATA.languages;
    var shares = Object.keys(l.series);
    el.style.height = Math.max(220, l.languages.length * (shares.length * 6 + 10) + 90) + 'px';
    function percent(v) { return v === null ? 'n/a' : (100 * v).toFixed(1) + '%'; }
    return {
      animation: false,
      legend: {bottom: 0, textStyle: {fontSize: 11}},
      grid: {left: 8, right: 24, top: 8, bottom: 56, containLabel: true},
      tooltip: {trigger: 'axis', axisPointer: {type: 'shadow'}, valueFormatter: percent},
      yAxis: {type: 'category', data: l.languages, inverse: true, axisLabel: {fontSize: 11}},
      xAxis: {type: 'value', min: 0, max: 1, axisLabel: {fontSize: 10, formatter: percent}},
      series: shares.map(function (name) {
        return {type: 'bar', name: name, data: l.series[name].map(function (v, row) { return [v, row]; })};
      })
    };
  }

  function runsChart(el) {
    var runs = DATA.quality.runs;
    var labels = runs.map(function (r) { return r.startedAt.substring(0, 16); });
    function series(name, key, color) {
      return {type: 'bar', stack: 'read', name: name, itemStyle: {color: color},
        data: runs.map(function (r, i) { return [i, r[key]]; })};
    }
    return {
      animation: false,
      legend: {bottom: 0, textStyle: {fontSize: 11}},
      grid: {left: 56, right: 12, top: 24, bottom: 64},
      tooltip: {trigger: 'axis', formatter: function (p) {
        var r = runs[p[0].dataIndex];
        return esc(r.runId) + ' (' + esc(r.status) + ')<br>read ' + r.read + ' = accepted ' + r.accepted + ' + quarantined '
          + r.quarantined;
      }},
      xAxis: {type: 'category', data: labels, axisLabel: {fontSize: 9, rotate: 15}},
      yAxis: {type: 'value', minInterval: 1, name: 'records', nameTextStyle: {fontSize: 10}, axisLabel: {fontSize: 10}},
      series: [series('accepted', 'accepted', '#5d8aa8'), series('quarantined', 'quarantined', WORSE)]
    };
  }

  function reasonsChart(el) {
    var reasons = DATA.quality.reasons;
    var codes = Object.keys(reasons);
    el.style.height = Math.max(120, codes.length * 24 + 40) + 'px';
    return {
      animation: false,
      grid: {left: 8, right: 40, top: 8, bottom: 24, containLabel: true},
      tooltip: {trigger: 'item'},
      xAxis: {type: 'value', minInterval: 1, axisLabel: {fontSize: 10}},
      yAxis: {type: 'category', data: codes, inverse: true, axisLabel: {fontSize: 11}},
      series: [{type: 'bar', name: 'records', itemStyle: {color: WORSE},
        label: {show: true, position: 'right', fontSize: 10},
        data: codes.map(function (c, i) { return [reasons[c], i]; })}]
    };
  }

  var DRAW = {gap: gapChart, topics: topicChart, volume: volumeChart, weekly: weeklyChart,
    sentiment: sentimentChart, languages: languagesChart, runs: runsChart, reasons: reasonsChart};

  function draw(el) {
    var option = DRAW[el.dataset.chart](el);
    var chart = charts[el.id] || echarts.init(el, null, {renderer: 'svg'});
    chart.clear();
    chart.resize();
    chart.setOption(option);
    charts[el.id] = chart;
  }

  document.querySelectorAll('div.chart').forEach(draw);

  document.querySelectorAll('div.switch').forEach(function (box) {
    var target = document.getElementById(box.dataset.for);
    function showCounts(metric) {
      document.querySelectorAll('[data-count-for]').forEach(function (p) {
        if (target.dataset.chart === 'topics') { p.hidden = p.dataset.countFor !== metric; }
      });
    }
    showCounts(target.dataset.metric);
    box.querySelectorAll('button').forEach(function (button) {
      button.addEventListener('click', function () {
        box.querySelectorAll('button').forEach(function (b) { b.classList.toggle('on', b === button); });
        target.dataset.metric = button.dataset.metric;
        showCounts(button.dataset.metric);
        draw(target);
      });
    });
  });

  window.addEventListener('resize', function () {
    Object.keys(charts).forEach(function (id) { charts[id].resize(); });
  });
})();
