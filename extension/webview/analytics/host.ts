import { TO_ANALYTICS_MESSAGE_TYPES, type AnalyticsState, type FromAnalytics, type ToAnalytics } from '../../webview-protocol.js';
import { WebviewHost } from '../common/host.js';

/** The Analytics panel's channel to the extension. */
export class AnalyticsHost extends WebviewHost<ToAnalytics, FromAnalytics, AnalyticsState> {
    constructor() {
        super(TO_ANALYTICS_MESSAGE_TYPES);
    }
}
