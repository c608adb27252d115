// Entry of the Analytics webview bundle (dist/webview/analytics.js): mounts the page, then says ready.
import './analytics.css';
import { mountAnalytics } from './analytics-app.js';
import { AnalyticsHost } from './host.js';

const host = new AnalyticsHost();
try {
    mountAnalytics(host);
    // The filter chosen before a reload comes back with the first numbers.
    host.post({ type: 'ready', filter: host.restoredState()?.filter });
} catch (error) {
    host.post({ type: 'log', level: 'error', message: `The Analytics page failed to start: ${error instanceof Error ? error.message : String(error)}` });
}
