import pkg from '../package.json';

/** Inlined at build time, so `rasil version` needs no package.json beside the binary. */
export const VERSION: string = pkg.version;
