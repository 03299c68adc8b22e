/** What the demo's build gives its scripts: text files as strings, and the browser bundle as a global. */
declare module '*.txt' {
  const text: string;
  export default text;
}

declare const quotewire: typeof import('./browser');
