// Test only: records Content-Security-Policy violations of the page, for the browser test to read.
window.cspViolations = [];
document.addEventListener('securitypolicyviolation', (event) => {
  window.cspViolations.push(event.violatedDirective + ' ' + event.blockedURI);
});
