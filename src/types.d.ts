// Files imported `with { type: 'file' }` resolve to a path (on disk in development, inside the binary once compiled).
declare module '*.css' {
  const path: string;
  export default path;
}
declare module '*.svg' {
  const path: string;
  export default path;
}
declare module '*.webmanifest' {
  const path: string;
  export default path;
}
declare module 'htmx.org/dist/*.js' {
  const path: string;
  export default path;
}
declare module '*/public/app.js' {
  const path: string;
  export default path;
}
declare namespace JSX {
  interface IntrinsicElements {
    'hx-partial': Record<string, unknown>;
  }
}
