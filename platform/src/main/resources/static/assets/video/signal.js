// Signals for the video call pages (Server-Sent Events, same origin). The page names its stream in
// data-signal-url. On a signal the page is reloaded — unless it holds the video room (#prejoin from
// the room fragment), which a reload would end: then only the parts marked data-signal-region are
// fetched again and replaced, and the plain forms inside them (accept a guest, agree, invite) are
// sent with fetch instead of navigating away. Without JavaScript the pages offer a reload button
// and the forms work as they are.
const holder = document.querySelector('[data-signal-url]');

function hasRoom() {
  return document.querySelector('#prejoin') !== null;
}

function replaceRegions(html) {
  const fresh = new DOMParser().parseFromString(html, 'text/html');
  document.querySelectorAll('[data-signal-region]').forEach((region) => {
    const replacement = fresh.getElementById(region.id);
    if (replacement) {
      region.replaceWith(document.importNode(replacement, true));
    }
  });
}

async function refreshRegions() {
  const response = await fetch(window.location.href, { headers: { Accept: 'text/html' }, credentials: 'same-origin' });
  if (response.ok) {
    replaceRegions(await response.text());
  }
}

function onSignal() {
  if (hasRoom()) {
    refreshRegions().catch(() => {});
  } else {
    window.location.reload();
  }
}

document.addEventListener('submit', (event) => {
  const form = event.target;
  if (!hasRoom() || !(form instanceof HTMLFormElement) || form.method.toLowerCase() !== 'post'
      || !form.closest('[data-signal-region]')) {
    return;
  }
  event.preventDefault();
  fetch(form.action, {
    method: 'POST',
    body: new URLSearchParams(new FormData(form, event.submitter)),
    headers: { Accept: 'text/html' },
    credentials: 'same-origin',
  }).then((response) => response.text()).then(replaceRegions).catch(() => window.location.reload());
});

if (holder && 'EventSource' in window) {
  const source = new EventSource(holder.dataset.signalUrl);
  source.addEventListener('signal', onSignal);
  document.querySelectorAll('[data-reload-hint]').forEach((hint) => { hint.hidden = true; });
}
