import packageJson from '../package.json' with { type: 'json' };

/** The package version, inlined by esbuild at build time. */
export const VERSION: string = packageJson.version;
