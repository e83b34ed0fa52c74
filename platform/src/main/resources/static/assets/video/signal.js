// Signals for the video call pages (Server-Sent Events, same origin). The page names its stream in
// data-signal-url. On a signal the page is reloaded — unless it holds the video room (#prejoin from
// the room fragment), which a reload would end: then only the parts marked data-signal-region are
// fetched again and replaced. Without JavaScript the pages offer a reload button instead.
const holder = document.querySelector('[data-signal-url]');

async function refreshRegions() {
  const response = await fetch(window.location.href, { headers: { Accept: 'text/html' }, credentials: 'same-origin' });
  if (!response.ok) {
    return;
  }
  const fresh = new DOMParser().parseFromString(await response.text(), 'text/html');
  document.querySelectorAll('[data-signal-region]').forEach((region) => {
    const replacement = fresh.getElementById(region.id);
    if (replacement) {
      region.replaceWith(document.importNode(replacement, true));
    }
  });
}

function onSignal() {
  if (document.querySelector('#prejoin')) {
    refreshRegions().catch(() => {});
  } else {
    window.location.reload();
  }
}

if (holder && 'EventSource' in window) {
  const source = new EventSource(holder.dataset.signalUrl);
  source.addEventListener('signal', onSignal);
  document.querySelectorAll('[data-reload-hint]').forEach((hint) => { hint.hidden = true; });
}
