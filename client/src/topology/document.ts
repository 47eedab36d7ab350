import { escapeHtml } from './html';
import { PANEL_CSS } from './styles';

/**
 * The webview's whole page: a strict Content-Security-Policy (nothing remote, no inline code or style
 * but the nonce'd ones), the style sheet, the body, and a small script that swaps the body for each
 * update the extension posts and reports clicks on a conflict (to reveal its line).
 */
export function panelDocument(nonce: string, body: string): string {
  const csp = `default-src 'none'; style-src 'nonce-${nonce}'; script-src 'nonce-${nonce}'; img-src data:;`;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>virt-tune: Host</title>
<style nonce="${escapeHtml(nonce)}">${PANEL_CSS}</style>
</head>
<body>
<main id="root">${body}</main>
<script nonce="${escapeHtml(nonce)}">${PANEL_SCRIPT}</script>
</body>
</html>
`;
}

const PANEL_SCRIPT = `
(function () {
  const vscode = typeof acquireVsCodeApi === 'function' ? acquireVsCodeApi() : undefined;
  const root = document.getElementById('root');
  window.addEventListener('message', (event) => {
    const message = event.data;
    if (message && message.type === 'render' && typeof message.html === 'string') root.innerHTML = message.html;
  });
  document.addEventListener('click', (event) => {
    const item = event.target instanceof Element ? event.target.closest('[data-line]') : null;
    if (item && vscode) vscode.postMessage({ type: 'reveal', line: Number(item.getAttribute('data-line')) });
  });
  if (vscode) vscode.postMessage({ type: 'ready' });
})();
`;
