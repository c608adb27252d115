// Stands in for VS Code: records what the webview posts and keeps its saved state.
// The theme comes from ?theme=dark|light|hc (a body class, as VS Code sets one), the saved
// state of a previous session from ?state=<json>, a wrong layout worker URI from ?worker=<uri>.
(function () {
    const params = new URLSearchParams(location.search);
    document.body.classList.add('vscode-' + (params.get('theme') === 'light' ? 'light' : params.get('theme') === 'hc' ? 'high-contrast' : 'dark'));
    if (params.has('worker')) document.getElementById('chatflow-preview').dataset.layoutWorker = params.get('worker');
    window.__posted = [];
    window.__state = params.has('state') ? JSON.parse(params.get('state')) : undefined;
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', e => {
        window.__violations.push(e.violatedDirective + ' ' + e.blockedURI);
    });
    let acquired = false;
    window.acquireVsCodeApi = function () {
        if (acquired) throw new Error('An instance of the VS Code API has already been acquired');
        acquired = true;
        return {
            postMessage: message => window.__posted.push(JSON.parse(JSON.stringify(message))),
            getState: () => window.__state,
            setState: state => { window.__state = JSON.parse(JSON.stringify(state)); }
        };
    };
})();
