// Loaded at the top of <body>: marks the page as able to run GOV.UK Frontend's scripts before
// it is drawn, so that components which change with JavaScript do not jump. A file of its own
// because the Content-Security-Policy runs no script written inside a page.
document.body.className +=
  " js-enabled" +
  ("noModule" in HTMLScriptElement.prototype ? " govuk-frontend-supported" : "");
