// Forms post JSON to the API, show a refusal's explanation and each field's problem beside the field, and keep
// what was typed. Pages listen to server-sent events and refresh the part that changed, without a reload.
(function () {
  'use strict';
  const lang = document.documentElement.lang || 'vi';
  window.caseworkLoadedAt = Date.now();

  function setPath(target, path, value) {
    const parts = path.replace(/\[(\d+)\]/g, '.$1').split('.');
    let node = target;
    parts.forEach((part, i) => {
      const last = i === parts.length - 1;
      const nextIsIndex = !last && /^\d+$/.test(parts[i + 1]);
      if (last) {
        node[part] = value;
      } else {
        if (node[part] === undefined) {
          node[part] = nextIsIndex ? [] : {};
        }
        node = node[part];
      }
    });
  }

  function valueOf(input) {
    if (input.type === 'checkbox') {
      return input.checked;
    }
    if (input.tagName === 'SELECT' && input.multiple) {
      return Array.from(input.selectedOptions).map(o => o.value);
    }
    const raw = input.value.trim();
    if (raw === '') {
      return undefined;
    }
    switch (input.dataset.type) {
      case 'number': return Number(raw);
      case 'list': return raw.split(',').map(v => v.trim()).filter(v => v !== '');
      default: return raw;
    }
  }

  function formJson(form) {
    const body = {};
    form.querySelectorAll('input[name], select[name], textarea[name]').forEach(input => {
      if (input.disabled || input.dataset.skip === 'true') {
        return;
      }
      const value = valueOf(input);
      if (value !== undefined && !(Array.isArray(value) && value.length === 0 && input.dataset.keepEmpty !== 'true')) {
        setPath(body, input.name, value);
      }
    });
    return body;
  }

  // replaces a live region with a fresh copy from the server; the region is looked up again when the copy
  // arrives, so overlapping refreshes never write into a detached element
  async function refresh(element, url) {
    const id = element.id;
    const response = await fetch(url, {headers: {'Accept': 'text/html'}});
    if (!response.ok) {
      return;
    }
    const template = document.createElement('template');
    template.innerHTML = (await response.text()).trim();
    const fresh = template.content.firstElementChild;
    const current = id ? document.getElementById(id) : element;
    if (fresh && current && !current.querySelector('form[data-dirty="true"]')) {
      current.replaceWith(fresh);
      if (window.htmx) {
        htmx.process(fresh);
      }
      fresh.querySelectorAll('form[data-api]').forEach(form => form.dataset.key = Date.now() + '-' + Math.random());
    }
  }

  function clearProblems(form) {
    form.querySelectorAll('.field-error').forEach(e => e.remove());
    form.querySelectorAll('.invalid').forEach(e => e.classList.remove('invalid'));
    const banner = form.querySelector('.problem');
    if (banner) {
      banner.hidden = true;
      banner.textContent = '';
    }
  }

  function fieldFor(form, field) {
    if (!field) {
      return null;
    }
    const candidates = [field, field.replace(/\[\d+\]$/, ''), field.replace(/\[\d+\]/g, '')];
    for (const name of candidates) {
      const input = form.querySelector('[name="' + CSS.escape(name) + '"]');
      if (input) {
        return input;
      }
    }
    return null;
  }

  function showProblem(form, problem) {
    const banner = form.querySelector('.problem');
    const lines = [problem.detail || problem.title || ('HTTP ' + problem.status)];
    if (problem.rule) {
      const label = lang === 'en' ? 'Rule' : 'Quy định';
      const book = lang === 'en' ? 'rulebook' : 'phiên bản quy định';
      lines.push(label + ' ' + problem.rule + ' — ' + (problem.ruleSource || '') + ' — ' + book + ' ' + (problem.rulebookVersion || ''));
    }
    if (banner) {
      banner.textContent = '';
      lines.forEach(line => {
        const p = document.createElement('p');
        p.textContent = line;
        banner.appendChild(p);
      });
      banner.dataset.rule = problem.rule || '';
      banner.dataset.status = problem.status || '';
      banner.hidden = false;
    }
    (problem.errors || []).forEach(error => {
      const input = fieldFor(form, error.field);
      if (input) {
        input.classList.add('invalid');
        const note = document.createElement('span');
        note.className = 'field-error';
        note.dataset.field = error.field;
        note.textContent = error.message;
        input.insertAdjacentElement('afterend', note);
      }
    });
  }

  async function submit(event) {
    const form = event.target.closest('form[data-api]');
    if (!form) {
      return;
    }
    event.preventDefault();
    clearProblems(form);
    const button = form.querySelector('button[type=submit]');
    if (button) {
      button.disabled = true;
    }
    try {
      const response = await fetch(form.dataset.api, {
        method: form.dataset.method || 'POST',
        headers: {
          'Content-Type': 'application/json', 'Accept': 'application/json', 'Accept-Language': lang,
          'Idempotency-Key': form.dataset.key || (Date.now() + '-' + Math.random())
        },
        body: JSON.stringify(formJson(form))
      });
      const text = await response.text();
      const answer = text ? JSON.parse(text) : {};
      if (!response.ok) {
        showProblem(form, answer);
        return;
      }
      form.dataset.key = Date.now() + '-' + Math.random();
      form.dataset.dirty = 'false';
      const then = form.dataset.then;
      if (then) {
        const target = then.replace(/\{(\w+)\}/g, (m, key) => encodeURIComponent(answer[key] || ''));
        window.location.assign(target);
      } else {
        form.reset();
        // the page's own change: refresh every live region once the read model holds the answered version
        document.querySelectorAll('[data-live-src]').forEach(element => {
          const src = element.dataset.liveSrc;
          const wait = answer.version === undefined ? '' : (src.includes('?') ? '&' : '?') + 'minVersion=' + answer.version;
          refresh(element, src + wait);
        });
      }
    } catch (e) {
      showProblem(form, {detail: String(e)});
    } finally {
      if (button) {
        button.disabled = false;
      }
    }
  }

  document.addEventListener('submit', submit);
  document.addEventListener('input', event => {
    const form = event.target.closest('form[data-api]');
    if (form) {
      form.dataset.dirty = 'true';
    }
  });
  document.addEventListener('DOMContentLoaded', () => {
    document.querySelectorAll('form[data-api]').forEach(form => {
      form.dataset.key = Date.now() + '-' + Math.random();
    });
  });

  // live updates: elements with data-live-topic/data-live-id are re-fetched from data-live-src when it changes
  if (window.EventSource) {
    const source = new EventSource('/ui/stream');
    source.addEventListener('change', message => {
      const change = JSON.parse(message.data);
      document.querySelectorAll('[data-live-topic]').forEach(element => {
        const topic = element.dataset.liveTopic;
        const id = element.dataset.liveId;
        // a form someone is filling in is never replaced under their hands
        const busy = element.querySelector('form[data-dirty="true"]');
        if (topic === change.topic && (!id || id === change.id) && !busy) {
          refresh(element, element.dataset.liveSrc);
        }
      });
    });
  }
})();
