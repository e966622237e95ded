/// <reference types="vite/client" />

/** @crxjs/vite-plugin: a `?script` import is the built file's path, for `scripting.executeScript({ files })`. */
declare module '*?script' {
  const path: string;
  export default path;
}
