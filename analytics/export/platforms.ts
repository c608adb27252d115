import type { TrackPlatform } from '../../language/flow-model.js';

/** What a conversion platform needs to be sent to: its names for people and the environment variables of its credentials. */
export interface PlatformFacts {
    label: string;
    /** How the id and the secret are called, as the platform's own settings call them. */
    idName: string;
    secretName: string;
    /** The environment variables `chatflow export --send` reads them from (VS Code fills them from SecretStorage). */
    idEnv: string;
    secretEnv: string;
    /** The public endpoint offered by default. */
    endpoint: string;
}

/** Credentials come from environment variables, never from the workspace's files. */
export const PLATFORMS: Readonly<Record<TrackPlatform, PlatformFacts>> = {
    ga4: {
        label: 'Google Analytics 4 (Measurement Protocol)', idName: 'measurement id (G-…)', secretName: 'Measurement Protocol API secret',
        idEnv: 'CHATFLOW_GA4_MEASUREMENT_ID', secretEnv: 'CHATFLOW_GA4_API_SECRET', endpoint: 'https://www.google-analytics.com/mp/collect'
    },
    meta: {
        label: 'Meta (Conversions API)', idName: 'pixel id', secretName: 'Conversions API access token',
        idEnv: 'CHATFLOW_META_PIXEL_ID', secretEnv: 'CHATFLOW_META_ACCESS_TOKEN', endpoint: 'https://graph.facebook.com/v21.0'
    }
};
