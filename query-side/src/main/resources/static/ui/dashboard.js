// The dashboard's charts, from the figures the page carries as JSON (no inline script: the Content-Security-Policy
// allows scripts from the product's own files only).
(function () {
  'use strict';
  const data = JSON.parse(document.getElementById('dashboard-data').textContent);
  const s = data.s;
  const labels = data.labels;
  const forms = ['REPRIMAND', 'WARNING', 'DISMISSAL', 'EXPULSION'];
  new Chart(document.getElementById('chart-forms'), {
    type: 'bar',
    data: {
      labels: forms.map(f => labels.forms[f]),
      datasets: [{label: labels.members, data: forms.map(f => s.disciplined.members[f]), backgroundColor: '#9b1c1c'}]
    },
    options: {plugins: {legend: {display: false}}, scales: {y: {beginAtZero: true, ticks: {precision: 0}}}}
  });
  const types = Object.keys(s.inspected.byType).concat(Object.keys(s.supervised.byType));
  const typeCounts = types.map(t => {
    const c = s.inspected.byType[t] || s.supervised.byType[t];
    return c.organizations + c.members;
  });
  new Chart(document.getElementById('chart-types'), {
    type: 'doughnut',
    data: {
      labels: types.map(t => labels.types[t]),
      datasets: [{data: typeCounts, backgroundColor: ['#9b1c1c', '#c2410c', '#b45309', '#4d7c0f', '#0f766e', '#1d4ed8']}]
    }
  });
  const categories = Object.keys(s.violationCategories).filter(c => s.violationCategories[c] > 0);
  new Chart(document.getElementById('chart-categories'), {
    type: 'bar',
    data: {
      labels: categories.map(c => labels.categories[c]),
      datasets: [{data: categories.map(c => s.violationCategories[c]), backgroundColor: '#4a5a6b'}]
    },
    options: {indexAxis: 'y', plugins: {legend: {display: false}}, scales: {x: {beginAtZero: true, ticks: {precision: 0}}}}
  });
})();
