// Interactive API reference over this server's own OpenAPI document ("Try it out" uses the demo token
// if the demo page stored one). External file: the page runs under a strict CSP.
window.addEventListener('DOMContentLoaded', () => {
  const saved = sessionStorage.getItem('esr-demo-token');
  const ui = window.SwaggerUIBundle({
    url: '/openapi.json',
    dom_id: '#api-reference',
    deepLinking: true,
    tryItOutEnabled: true,
    persistAuthorization: true,
  });
  if (saved) ui.preauthorizeApiKey('bearerAuth', JSON.parse(saved).token);
});
