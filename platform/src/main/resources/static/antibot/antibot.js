// Amtsraum bot check: the self-hosted ALTCHA widget (npm "altcha", CSP-friendly "external" build),
// its SHA worker from this origin, German texts. Loaded by templates/antibot/challenge.html.
import './altcha/external/altcha.min.js';

const altcha = globalThis.$altcha;

altcha.algorithms.set('SHA-256', () => new Worker(new URL('./altcha/workers/sha.js', import.meta.url)));

altcha.i18n.set('de', {
  ariaLinkLabel: 'ALTCHA',
  cancel: 'Abbrechen',
  enterCode: 'Code eingeben',
  enterCodeAria: 'Geben Sie den Code ein, den Sie hören. Drücken Sie die Leertaste, um ihn abzuspielen.',
  enterCodeFromImage: 'Bitte geben Sie den Code aus dem Bild ein.',
  error: 'Die Prüfung ist fehlgeschlagen. Bitte versuchen Sie es erneut.',
  expired: 'Die Prüfung ist abgelaufen. Bitte bestätigen Sie erneut.',
  footer: 'Prüfung ohne Cookies und ohne Drittanbieter',
  getAudioChallenge: 'Audio-Code anfordern',
  label: 'Ich bin kein Roboter',
  loading: 'Wird geladen …',
  reload: 'Neu laden',
  verify: 'Prüfen',
  verificationRequired: 'Bitte bestätigen Sie, dass Sie kein Roboter sind.',
  verified: 'Bestätigt',
  verifying: 'Wird geprüft …',
  waitAlert: 'Wird geprüft … bitte warten.'
});

// The challenge comes inline with the page. Once it has expired, the widget fetches fresh ones from
// the tenant's challenge endpoint (same origin).
for (const widget of document.querySelectorAll('altcha-widget[data-challenge-url]')) {
  widget.addEventListener('expired', () => {
    widget.configure({ challenge: widget.dataset.challengeUrl });
  });
}
